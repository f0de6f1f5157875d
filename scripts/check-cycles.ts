/**
 * Fails when the imports under src/ form a cycle (type-only imports count: they tie the design
 * together as much as value imports). Uses the TypeScript compiler the project already has, so
 * imports resolve exactly as `tsc` resolves them. Run by `npm run typecheck`.
 */
import { dirname, relative } from "node:path";
import ts from "typescript";

const configPath = ts.findConfigFile(process.cwd(), ts.sys.fileExists, "tsconfig.json");
if (!configPath) throw new Error("tsconfig.json not found");
const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  }
);
if (!config) throw new Error("tsconfig.json could not be read");
const root = dirname(configPath);
const files = config.fileNames.filter((f) => relative(root, f).startsWith("src/"));

const edges = new Map<string, string[]>();
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(ts.sys.readFile(file) ?? "", true, true);
  const targets = importedFiles.flatMap(({ fileName }) => {
    const resolved = ts.resolveModuleName(fileName, file, config.options, ts.sys).resolvedModule;
    return resolved &&
      !resolved.isExternalLibraryImport &&
      files.includes(resolved.resolvedFileName)
      ? [resolved.resolvedFileName]
      : [];
  });
  edges.set(file, targets);
}

// Tarjan's strongly connected components: every component of more than one file is a cycle.
let counter = 0;
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];
function visit(v: string): void {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
  }
  if (low.get(v) === index.get(v)) {
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(relative(root, w));
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
  }
}
for (const file of files) if (!index.has(file)) visit(file);

if (cycles.length > 0) {
  console.error(`Import cycles under src/ (${cycles.length}):`);
  for (const c of cycles) console.error(`  ${c.join(" <-> ")}`);
  process.exit(1);
}
console.log(`No import cycles among ${files.length} files under src/.`);
