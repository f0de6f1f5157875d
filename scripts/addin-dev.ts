/**
 * `npm start` / `npm stop`: the add-in served at https://localhost:3000 with a certificate Office
 * trusts, sideloaded into desktop Excel where there is one — the way the Office add-in templates do
 * it (office-addin-dev-certs for the certificate, office-addin-debugging for the sideload).
 *
 * start: makes (or reuses) the development certificate authority and the localhost certificate in
 * ~/.office-addin-dev-certs, adds the authority to the system's trusted certificates where the
 * system allows, starts webpack-dev-server in the background (webpack.config.js serves with that
 * certificate), waits until the task pane answers, then sideloads into desktop Excel, or says that
 * there is none and how to load the add-in into Excel on the web.
 * stop: removes the sideloaded add-in (desktop) and ends the server that start began.
 */
import { spawn, spawnSync } from "node:child_process";
import { X509Certificate, createPrivateKey } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:https";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import {
  generateCertificates,
  installCaCertificate,
  isCaCertificateInstalled,
} from "office-addin-dev-certs";

const ROOT = resolve(__dirname, "..");
const MANIFEST = join(ROOT, "manifest.xml");
/** Where office-addin-dev-certs keeps its files (webpack.config.js reads them from there too). */
const CERT_DIR = join(homedir(), ".office-addin-dev-certs");
const CA = join(CERT_DIR, "ca.crt");
const CERT = join(CERT_DIR, "localhost.crt");
const KEY = join(CERT_DIR, "localhost.key");
/** The server's process and log, for `npm stop` (git-ignored). */
const STATE_DIR = join(ROOT, ".addin-dev");
const STATE = join(STATE_DIR, "server.json");
const LOG = join(STATE_DIR, "server.log");
/**
 * Run through npx, pinned, and only where a desktop Excel is found: its settings package requires
 * the Microsoft 365 Agents Toolkit CLI, whose native keychain module cannot be built without
 * downloading prebuilt binaries, which would break `npm install` on Linux and in CI.
 */
const DEBUGGING = "office-addin-debugging@7.0.0";
/** The development server's first build can take minutes on a busy two-core machine. */
const READY_TIMEOUT_MS = 5 * 60_000;
const DAY_MS = 24 * 3600_000;

interface ServerState {
  pid: number;
  port: number;
  sideloaded: boolean;
}

const port = Number(process.env.PORT || 3000);
const ci = Boolean(process.env.CI) && process.env.CI !== "false";

/** The localhost certificate can be used as it is: signed by our CA, for localhost, a day left, key matches. */
function certificatesUsable(): boolean {
  if (![CA, CERT, KEY].every((file) => existsSync(file))) return false;
  try {
    const ca = new X509Certificate(readFileSync(CA));
    const cert = new X509Certificate(readFileSync(CERT));
    const tomorrow = Date.now() + DAY_MS;
    return (
      cert.checkIssued(ca) &&
      cert.verify(ca.publicKey) &&
      cert.checkHost("localhost") !== undefined &&
      cert.checkPrivateKey(createPrivateKey(readFileSync(KEY))) &&
      Date.parse(cert.validTo) > tomorrow &&
      Date.parse(ca.validTo) > tomorrow
    );
  } catch {
    return false;
  }
}

/** Linux: office-addin-dev-certs' own check only looks for a file name, so compare the copy itself. */
const LINUX_STORE_COPY = "/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt";

function trustOnLinux(): void {
  const howTo =
    `To trust it yourself: sudo mkdir -p ${LINUX_STORE_COPY.replace(/\/ca\.crt$/, "")} && ` +
    `sudo cp ${CA} ${LINUX_STORE_COPY} && sudo update-ca-certificates`;
  if (existsSync(LINUX_STORE_COPY) && readFileSync(LINUX_STORE_COPY).equals(readFileSync(CA))) {
    console.log("The certificate authority is among the system's trusted certificates.");
    return;
  }
  if (ci) {
    console.log("CI: the certificate authority is not added to the system's trusted certificates.");
    return;
  }
  if (process.getuid?.() !== 0 || !existsSync("/usr/sbin/update-ca-certificates")) {
    console.log(`The certificate authority is not trusted by this system yet. ${howTo}`);
    return;
  }
  mkdirSync(resolve(LINUX_STORE_COPY, ".."), { recursive: true });
  writeFileSync(LINUX_STORE_COPY, readFileSync(CA));
  const update = spawnSync("/usr/sbin/update-ca-certificates", { stdio: "ignore" });
  console.log(
    update.status === 0
      ? "Added the certificate authority to the system's trusted certificates."
      : `update-ca-certificates failed. ${howTo}`
  );
}

async function ensureCertificates(): Promise<void> {
  if (!certificatesUsable()) {
    // The templates' defaults: a 30-day CA "Developer CA for Microsoft Office Add-ins", localhost and 127.0.0.1.
    await generateCertificates();
    console.log(
      `Made a development certificate authority and a localhost certificate in ${CERT_DIR}.`
    );
  }
  if (process.platform === "linux") return trustOnLinux();
  try {
    // Windows and macOS ask the user to confirm; Excel then trusts https://localhost.
    if (!isCaCertificateInstalled()) await installCaCertificate(CA);
  } catch (error) {
    console.log(
      `Could not add the certificate authority to the trusted certificates (${String(error)}).\n` +
        "Excel will refuse the add-in until it is: run `npx office-addin-dev-certs install` and `npm start` again."
    );
  }
}

/** GET over TLS, trusting only our certificate authority: the status, or null while nothing answers. */
function taskPaneStatus(): Promise<number | null> {
  return new Promise((done) => {
    const req = request(
      { host: "localhost", port, path: "/taskpane.html", ca: readFileSync(CA), timeout: 10_000 },
      (res) => {
        res.resume();
        done(res.statusCode ?? null);
      }
    );
    req.on("error", () => done(null));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readState(): ServerState | null {
  try {
    return JSON.parse(readFileSync(STATE, "utf8")) as ServerState;
  } catch {
    return null;
  }
}

/** Starts webpack-dev-server in its own process group, so `npm stop` ends it and all it started. */
async function startServer(): Promise<ServerState> {
  const running = readState();
  if (running && alive(running.pid)) {
    console.log(`The add-in's server is already running (process ${running.pid}).`);
    return running;
  }
  if ((await taskPaneStatus()) !== null)
    throw new Error(`Something else already answers on port ${port}: stop it, or set PORT.`);
  mkdirSync(STATE_DIR, { recursive: true });
  const log = openSync(LOG, "w");
  const server = spawn(
    process.execPath,
    [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", log, log],
      env: { ...process.env, PORT: String(port) },
    }
  );
  closeSync(log);
  const state: ServerState = { pid: server.pid as number, port, sideloaded: false };
  writeFileSync(STATE, JSON.stringify(state));
  server.unref();
  console.log(`Starting the development server (process ${state.pid}, log ${LOG})…`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!alive(state.pid)) {
      rmSync(STATE, { force: true });
      throw new Error(`The development server stopped:\n${readFileSync(LOG, "utf8").slice(-3000)}`);
    }
    if ((await taskPaneStatus()) === 200) return state;
    await new Promise((wait) => setTimeout(wait, 1000));
  }
  await stopServer(state);
  throw new Error(
    `The development server did not answer within ${READY_TIMEOUT_MS / 60_000} minutes (log: ${LOG}).`
  );
}

/** Desktop Excel, where office-addin-debugging can sideload into it. */
function desktopExcel(): boolean {
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32")
    return (
      spawnSync("reg", [
        "query",
        "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe",
      ]).status === 0
    );
  return false;
}

function debugging(args: string[]): number {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  return (
    spawnSync(npx, ["--yes", DEBUGGING, ...args], {
      cwd: ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
    }).status ?? 1
  );
}

async function start(): Promise<void> {
  await ensureCertificates();
  const state = await startServer();
  const url = `https://localhost:${port}/taskpane.html`;
  console.log(
    `The add-in is served at ${url} (the workbench too: https://localhost:${port}/workbench.html).`
  );
  if (port !== 3000)
    console.log("Note: manifest.xml names port 3000; Excel loads the add-in from there.");
  if (desktopExcel()) {
    console.log("Sideloading into desktop Excel (office-addin-debugging)…");
    const status = debugging(["start", MANIFEST, "desktop", "--app", "excel"]);
    if (status !== 0)
      throw new Error("Sideloading failed; see the lines above. `npm stop` ends the server.");
    writeFileSync(STATE, JSON.stringify({ ...state, sideloaded: true }));
    console.log("Excel opens with the add-in: Home → Customer tiers. `npm stop` ends it.");
    return;
  }
  console.log(
    [
      "",
      `No desktop Excel was found on this machine (${process.platform}), so nothing was sideloaded.`,
      "To use the add-in in Excel on the web:",
      "  1. Make your browser trust the certificate authority " + CA,
      "     (Linux browsers keep their own list: Settings → Privacy and security → Security →",
      "     Manage certificates → Authorities → Import).",
      "  2. Open a workbook in Excel on the web, then Home → Add-ins → More Add-ins → My Add-ins →",
      `     Upload My Add-in, and choose ${MANIFEST}.`,
      '  (README.md, section "Run it in Excel (sideloading)".)',
      "`npm stop` ends the server.",
    ].join("\n")
  );
}

/** Ends the server and everything it started (its process group; on Windows its process tree). */
async function stopServer(state: ServerState): Promise<void> {
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(state.pid), "/t", "/f"], { stdio: "ignore" });
  } else {
    try {
      process.kill(-state.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
    const deadline = Date.now() + 10_000;
    while (alive(state.pid) && Date.now() < deadline)
      await new Promise((wait) => setTimeout(wait, 200));
    if (alive(state.pid)) process.kill(-state.pid, "SIGKILL");
  }
  rmSync(STATE, { force: true });
}

async function stop(): Promise<void> {
  const state = readState();
  if (state?.sideloaded) debugging(["stop", MANIFEST, "desktop"]);
  if (!state || !alive(state.pid)) {
    rmSync(STATE, { force: true });
    console.log("The add-in's server is not running (nothing to stop).");
    return;
  }
  await stopServer(state);
  console.log(`Stopped the add-in's server (process ${state.pid}).`);
}

const commands: Record<string, () => Promise<void>> = { start, stop };
const run = commands[process.argv[2]];
if (run)
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
else {
  console.error("Usage: tsx scripts/addin-dev.ts start|stop");
  process.exitCode = 2;
}
