// Benchmark: what the plugin keeps in the heap through a long editing session. A language service
// holds the 3,000-line agent file of bench:plugin and the `openai` types, as tsserver's project
// would; each edit is followed by a diagnostics request, and the edits take turns: a digit typed
// into a prompt in the middle, a line break there (every statement below moves), its removal.
// Every 300 edits the heap is read after a full collection. One child process runs without the
// plugin and one with it (the shipped bundle, decorating the service as tsserver has it do).
// Run: npm run bench:plugin-memory (EDITS=3000 for a longer session)
import { fork } from "node:child_process";
import * as path from "node:path";
import * as ts from "typescript";
import { OPENAI_STUB, agentFile } from "./benchAgentFile";

const EDITS = Number(process.env.EDITS ?? 1500);
const EVERY = 300;
const BUNDLE = path.resolve(__dirname, "../../../dist/tsserver-plugin/index.js");
const FILE = "/bench/src/agents.ts";
const STUB = "/bench/node_modules/openai/index.d.ts";

/** The file, edited in place: each version knows its change from the one before (as tsserver's do). */
class Session {
  text = agentFile(3000);
  version = 0;
  snapshot = this.snapshotOf(this.text, undefined);
  /** The last digit of "Agent 100" in its prompt, and the start of that line, in the first version. */
  private readonly digit = this.text.indexOf(`content: "Agent 100"`) + `content: "Agent 100`.length - 1;
  private readonly lineStart = this.text.lastIndexOf("\n", this.digit) + 1;
  /** Whether the line break is in (the prompt then sits one character further). */
  private broken = false;

  edit(n: number): void {
    const digit = this.digit + (this.broken ? 1 : 0);
    const [start, end, insert] = n % 3 === 0 ? [digit, digit + 1, String(n % 10)] : n % 3 === 1 ? [this.lineStart, this.lineStart, "\n"] : [this.lineStart, this.lineStart + 1, ""];
    if (n % 3 !== 0) this.broken = n % 3 === 1;
    const change = ts.createTextChangeRange(ts.createTextSpan(start, end - start), insert.length);
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.snapshot = this.snapshotOf(this.text, { from: this.version, change });
    this.version++;
  }

  // The change is keyed by the version it applies to, not by the previous snapshot: a snapshot
  // that held its predecessor would keep every version of the text alive.
  private snapshotOf(text: string, since: { from: number; change: ts.TextChangeRange } | undefined): ts.IScriptSnapshot & { version: number } {
    const snapshot = Object.assign(ts.ScriptSnapshot.fromString(text), { version: this.version + (since ? 1 : 0) });
    snapshot.getChangeRange = (old) => (since && (old as Partial<typeof snapshot>).version === since.from ? since.change : undefined);
    return snapshot;
  }
}

function languageService(session: Session): ts.LanguageService {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, lib: ["lib.es2022.d.ts"], types: [] };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [FILE, STUB],
    getScriptVersion: (f) => (f === FILE ? String(session.version) : "0"),
    getScriptSnapshot: (f) => (f === FILE ? session.snapshot : f === STUB ? ts.ScriptSnapshot.fromString(OPENAI_STUB) : ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)!) : undefined),
    getCurrentDirectory: () => "/bench",
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f === FILE || f === STUB || ts.sys.fileExists(f),
    readFile: (f) => (f === FILE ? session.text : f === STUB ? OPENAI_STUB : ts.sys.readFile(f)),
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

/** In the child: the edits, and the heap (MB) after a full collection every EVERY edits. */
function measure(withPlugin: boolean): number[] {
  const session = new Session();
  const original = languageService(session);
  let service = original;
  if (withPlugin) {
    const init = require(BUNDLE) as (m: { typescript: typeof ts }) => { create(info: unknown): ts.LanguageService };
    const logger = { info: () => undefined, hasLevel: () => false };
    service = init({ typescript: ts }).create({ languageService: original, config: {}, project: { projectService: { logger }, getProjectName: () => "/bench/tsconfig.json", refreshDiagnostics: () => undefined } });
  }
  const heap = (): number => {
    (globalThis as { gc?: () => void }).gc!();
    return process.memoryUsage().heapUsed / 1e6;
  };
  const ours = (): number => service.getSemanticDiagnostics(FILE).filter((d) => d.source === "aalp").length;
  if (withPlugin !== ours() > 0) throw new Error(`the plugin is ${withPlugin ? "off" : "on"}`);
  const out = [heap()];
  const first = withPlugin ? ours() : 0;
  for (let n = 1; n <= EDITS; n++) {
    session.edit(n);
    // Each edit keeps the file valid and its findings as they were: the session measures the edits it means to.
    if (ours() !== first || original.getSyntacticDiagnostics(FILE).length) throw new Error(`edit ${n} changed the file's findings or broke its syntax`);
    if (n % EVERY === 0) out.push(heap());
  }
  return out;
}

function run(withPlugin: boolean): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [withPlugin ? "plugin" : "plain"], { execArgv: ["--expose-gc"] });
    child.on("message", (m) => resolve(m as number[]));
    child.on("error", reject);
    child.on("exit", (code) => code !== 0 && reject(new Error(`the ${withPlugin ? "plugin" : "plain"} run exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const [plain, plugin] = [await run(false), await run(true)];
  const mb = (x: number): string => `${x.toFixed(1).padStart(7)} MB`;
  console.log(`heap after a full collection, ${EDITS} edits of the 3,000-line agent file (a diagnostics request after each):`);
  console.log(`${"edits".padStart(6)}  ${"without plugin".padStart(15)}  ${"with plugin".padStart(15)}`);
  plain.forEach((p, i) => console.log(`${String(i * EVERY).padStart(6)}  ${mb(p).padStart(15)}  ${mb(plugin[i]!).padStart(15)}`));
  // After the first EVERY edits: the JIT and the lib files have settled.
  const growth = (xs: number[]): string => `${(((xs[xs.length - 1]! - xs[1]!) / (EDITS - EVERY)) * 1000).toFixed(1)} MB`;
  console.log(`growth per 1,000 edits after the first ${EVERY}: without ${growth(plain)}, with ${growth(plugin)}`);
}

if (process.argv[2] === "plain" || process.argv[2] === "plugin") process.send!(measure(process.argv[2] === "plugin"), () => process.disconnect());
else
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
