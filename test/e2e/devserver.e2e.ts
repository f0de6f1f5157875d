/**
 * `npm start` and `npm stop` as CI runs them (CI=true, root, no desktop Excel): the task pane is
 * served over TLS with a localhost certificate signed by the certificate authority that `npm start`
 * made, the output says that no desktop Excel was found and how to load the add-in into Excel on
 * the web, and `npm stop` ends the server. HOME is a fresh folder, so the developer's own
 * certificates are neither used nor touched.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { connect, type PeerCertificate } from "node:tls";

const ROOT = join(__dirname, "../..");
const STATE = join(ROOT, ".addin-dev/server.json");
const home = mkdtempSync(join(tmpdir(), "addin-dev-home-"));

/** Runs an npm script to its end; its output and exit code. */
function npm(
  script: string,
  env: NodeJS.ProcessEnv
): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn("npm", [script], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => done({ code, out }));
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once("error", () => done(false))
      .once("listening", () => probe.close(() => done(true)))
      .listen(port);
  });
}

/** 3000 as in the manifest; another free port when something on this machine already holds it. */
async function choosePort(): Promise<number> {
  if (await portFree(3000)) return 3000;
  const probe = createServer().listen(0);
  await new Promise((done) => probe.once("listening", done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

type Handshake =
  { ok: true; peer: PeerCertificate; authorized: boolean } | { ok: false; code: string };

/** A TLS handshake with localhost that trusts only `ca` (or the system's list when undefined). */
function handshake(port: number, ca?: Buffer): Promise<Handshake> {
  return new Promise((done) => {
    const socket = connect({ host: "localhost", port, servername: "localhost", ca }, () => {
      done({ ok: true, peer: socket.getPeerCertificate(), authorized: socket.authorized });
      socket.end();
    });
    socket.on("error", (error: NodeJS.ErrnoException) =>
      done({ ok: false, code: error.code ?? error.message })
    );
  });
}

/** GET over the TLS connection that trusts `ca`: status and body. */
function get(port: number, path: string, ca: Buffer): Promise<{ status: string; body: string }> {
  return new Promise((done, fail) => {
    const socket = connect({ host: "localhost", port, servername: "localhost", ca }, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    });
    let text = "";
    socket.on("data", (chunk) => (text += chunk));
    socket.on("end", () => done({ status: text.split("\r\n")[0], body: text }));
    socket.on("error", fail);
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

after(() => {
  // A failed assertion must not leave the server running.
  if (existsSync(STATE)) {
    const { pid } = JSON.parse(readFileSync(STATE, "utf8")) as { pid: number };
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
    rmSync(STATE, { force: true });
  }
  rmSync(home, { recursive: true, force: true });
});

test("npm start serves the pane over TLS with the project's localhost certificate; npm stop ends it", async () => {
  assert.ok(!existsSync(STATE), "npm start is already running from this checkout: npm stop first");
  const port = await choosePort();
  const env = {
    ...process.env,
    CI: "true",
    HOME: home,
    PORT: String(port),
    npm_config_update_notifier: "false",
  };

  const started = await npm("start", env);
  assert.equal(started.code, 0, started.out);
  assert.match(started.out, /No desktop Excel was found/);
  assert.match(started.out, /Excel on the web/);
  assert.match(started.out, /Upload My Add-in/);
  assert.match(started.out, /npm stop/);

  const ca = readFileSync(join(home, ".office-addin-dev-certs/ca.crt"));
  const trusted = await handshake(port, ca);
  assert.ok(trusted.ok, `TLS with the project's CA: ${trusted.ok ? "" : trusted.code}`);
  assert.ok(trusted.authorized, "the chain and the name check out against the project's CA");
  const served = new X509Certificate(trusted.peer.raw);
  const authority = new X509Certificate(ca);
  assert.ok(
    served.checkIssued(authority) && served.verify(authority.publicKey),
    "signed by the project's CA"
  );
  assert.equal(served.checkHost("localhost"), "localhost");
  assert.match(authority.subject, /Developer CA for Microsoft Office Add-ins/);

  // The same server is not trusted by a client that does not know the project's CA.
  const untrusted = await handshake(port);
  assert.equal(untrusted.ok, false, "a client without the project's CA refuses the certificate");

  const page = await get(port, "/taskpane.html", ca);
  assert.match(page.status, / 200 /);
  assert.match(page.body, /<title>/);

  const state = JSON.parse(readFileSync(STATE, "utf8")) as { pid: number };
  const stopped = await npm("stop", env);
  assert.equal(stopped.code, 0, stopped.out);
  assert.match(stopped.out, /Stopped the add-in's server/);
  assert.equal(alive(state.pid), false, "the server process has ended");
  const gone = await handshake(port, ca);
  assert.deepEqual(
    gone,
    { ok: false, code: "ECONNREFUSED" },
    "nothing answers on the port any more"
  );
});
