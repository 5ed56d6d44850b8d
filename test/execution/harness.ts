// Support code for the execution check (execution.test.ts): a token-counting host for the fake
// SDKs in ./fakes, output policies, example loading (esbuild bundle with the SDKs aliased to the
// fakes), input generators of a given token size, the log-log fit, and the analyzer's report.
//
// Token counting: every prompt-carrying string of a request (messages' contents, system /
// instructions, prompt / input) is encoded with gpt-tokenizer's `encode` (o200k) and summed.
// Per-message framing tokens are not counted (a constant per message, it cannot change a degree).
// Generation cost of a call with n input and k output tokens is the paper's
// sum_{j<k} (n + j) = k·n + k(k-1)/2 (eq. 5). The span of a call is its depth in the chain of
// calls that had to finish before it was issued (1 + the largest depth resolved so far).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { build } from "esbuild";
import { encode, decode } from "gpt-tokenizer";

export const REPO_ROOT = findRepoRoot(__dirname);
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
const FAKES_DIR = path.join(REPO_ROOT, "test", "execution", "fakes");

/** Module names of the real SDKs → fake module file. */
export const FAKE_SDKS: Record<string, string> = {
  openai: path.join(FAKES_DIR, "openai.js"),
  "@anthropic-ai/sdk": path.join(FAKES_DIR, "anthropic.js"),
  ai: path.join(FAKES_DIR, "ai.js"),
  "@ai-sdk/openai": path.join(FAKES_DIR, "ai-sdk-openai.js"),
  ollama: path.join(FAKES_DIR, "ollama.js"),
  "@google/genai": path.join(FAKES_DIR, "genai.js"),
  "@openai/agents": path.join(FAKES_DIR, "openai-agents.js"),
  "@mastra/core/agent": path.join(FAKES_DIR, "mastra.js"),
  "@mastra/core/tools": path.join(FAKES_DIR, "mastra.js"),
  "@mastra/core": path.join(FAKES_DIR, "mastra.js"),
  langchain: path.join(FAKES_DIR, "langchain.js"),
  "@langchain/langgraph/prebuilt": path.join(FAKES_DIR, "langchain.js"),
  "@langchain/langgraph": path.join(FAKES_DIR, "langchain.js"),
  "@langchain/openai": path.join(FAKES_DIR, "langchain-openai.js"),
  "@langchain/core/messages": path.join(FAKES_DIR, "langchain-messages.js"),
  genkit: path.join(FAKES_DIR, "genkit.js"),
  "@genkit-ai/ai": path.join(FAKES_DIR, "genkit.js"),
  "@inngest/agent-kit": path.join(FAKES_DIR, "agent-kit.js"),
  "@llamaindex/workflow": path.join(FAKES_DIR, "llamaindex.js"),
  "@llamaindex/openai": path.join(FAKES_DIR, "llamaindex.js"),
  llamaindex: path.join(FAKES_DIR, "llamaindex.js"),
  "langsmith/traceable": path.join(FAKES_DIR, "langsmith.js"),
};

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "examples"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`execution check: no repository root above ${start}`);
    dir = parent;
  }
}

// ---------------------------------------------------------------------------------------------
// Text of a given size

// Each of these words (with its leading space) is one o200k token, so `filler(n)` is n tokens.
const WORDS = [" river", " stone", " green", " paper", " light", " quick", " window", " silver", " garden", " music"];

export function tokenCount(text: string): number {
  return encode(text).length;
}

// Each of these is one o200k token of 4 characters: `prose(n)` is n tokens in 4·n characters, the
// ratio the analyzer assumes where code measures text in characters (CHARACTERS_PER_TOKEN).
const SHORT_WORDS = [" the", " and", " for", " was", " are", " not", " but", " you", " all", " can"];

/** A string of exactly `n` tokens and 4·n characters. */
export function prose(n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += SHORT_WORDS[i % SHORT_WORDS.length];
  return out;
}

/** A string of exactly `n` tokens; `seed` shifts the words so that list items differ. */
export function filler(n: number, seed = 0): string {
  let out = "";
  for (let i = 0; i < n; i++) out += WORDS[(i + seed) % WORDS.length];
  return out;
}

// ---------------------------------------------------------------------------------------------
// The fake LLM host

/** What a fake SDK sends to the host (see fakes/runtime.js). */
export interface FakeRequest {
  sdk: string;
  api: string;
  model: string;
  prompt: string[];
  maxTokens?: number;
}

export interface FakeReply {
  text: string;
  inputTokens: number;
  outputTokens: number;
  truncated: boolean;
}

export interface RecordedCall {
  sdk: string;
  api: string;
  model: string;
  /** 1-based line in the example file of the frame that issued the call (via source maps). */
  line: number | undefined;
  /**
   * 1-based line of the outermost frame in the example file (async frames included): the call
   * in the driver that led to this request when the SDK call sits in a method, a wrapper or a
   * recursive function of the same file. Equals `line` when the example file has one frame.
   */
  outerLine: number | undefined;
  /** 1-based line of the second frame in the example file: where the function that made the SDK call was called (a wrapper's call inside a recursion). */
  callerLine: number | undefined;
  /** The prompt-carrying strings of the request, in order (system prompts included). */
  prompt: string[];
  inputTokens: number;
  outputTokens: number;
  generationCost: number;
  depth: number;
}

export interface PolicyContext {
  /** 0-based index of this call among all calls of the run. */
  index: number;
  /** 0-based index of this call among the run's calls to the same model. */
  modelIndex: number;
}

/** Decides the reply text of a call. The host then caps it at the request's max tokens. */
export type OutputPolicy = (request: FakeRequest, context: PolicyContext) => string;

/** A reply of exactly `n` tokens. */
export function reply(n: number): OutputPolicy {
  return (_request, context) => filler(n, context.index);
}

/** A fixed reply text (a label, a verdict). */
export function says(text: string | ((context: PolicyContext) => string)): OutputPolicy {
  return (_request, context) => (typeof text === "string" ? text : text(context));
}

/**
 * A rewrite of the same size as the text being rewritten: the last prompt string matching
 * `marker` (or the last prompt string), without the marker. `prefix` starts the reply and counts
 * towards its size, so the size does not drift from one rewrite to the next.
 */
export function rewrite(options: { marker?: RegExp; prefix?: (context: PolicyContext) => string } = {}): OutputPolicy {
  return (request, context) => {
    const candidates = options.marker ? request.prompt.filter((s) => options.marker!.test(s)) : request.prompt;
    const source = candidates[candidates.length - 1] ?? "";
    const body = options.marker ? source.replace(options.marker, "") : source;
    const prefix = options.prefix ? options.prefix(context) : "";
    const size = Math.max(1, tokenCount(body) - tokenCount(prefix));
    return prefix + filler(size, context.index);
  };
}

export const DEFAULT_REPLY_TOKENS = 20;

interface HostSlot {
  __aalpFakeLLM?: { complete(request: FakeRequest): Promise<FakeReply> };
}

/** Records every fake SDK call of one run; install() puts it where the fakes look for it. */
export class FakeHost {
  calls: RecordedCall[] = [];
  private policies: Record<string, OutputPolicy> = {};
  private exampleFile = "";
  private perModel = new Map<string, number>();
  private resolvedDepth = 0;

  install(): void {
    (globalThis as HostSlot).__aalpFakeLLM = this;
  }

  uninstall(): void {
    const slot = globalThis as HostSlot;
    if (slot.__aalpFakeLLM === this) delete slot.__aalpFakeLLM;
  }

  begin(exampleFile: string, policies: Record<string, OutputPolicy>): void {
    this.calls = [];
    this.policies = policies;
    this.exampleFile = exampleFile;
    this.perModel = new Map();
    this.resolvedDepth = 0;
  }

  complete(request: FakeRequest): Promise<FakeReply> {
    const [line, callerLine, outerLine] = this.callerLines();
    const inputTokens = request.prompt.reduce((sum, s) => sum + tokenCount(s), 0);
    const modelIndex = this.perModel.get(request.model) ?? 0;
    this.perModel.set(request.model, modelIndex + 1);
    const policy = this.policies[request.model] ?? reply(DEFAULT_REPLY_TOKENS);
    let text = policy(request, { index: this.calls.length, modelIndex });
    let tokens = encode(text);
    let truncated = false;
    if (request.maxTokens !== undefined && tokens.length > request.maxTokens) {
      tokens = tokens.slice(0, request.maxTokens);
      text = decode(tokens);
      truncated = true;
    }
    const outputTokens = tokens.length;
    const depth = this.resolvedDepth + 1;
    this.calls.push({
      sdk: request.sdk,
      api: request.api,
      model: request.model,
      line,
      outerLine,
      callerLine,
      prompt: request.prompt,
      inputTokens,
      outputTokens,
      generationCost: outputTokens * inputTokens + (outputTokens * (outputTokens - 1)) / 2,
      depth,
    });
    // Resolve on a later turn of the event loop, like a network reply: calls issued together
    // (Promise.all) are all in flight before any of them resolves.
    return new Promise((resolve) =>
      setImmediate(() => {
        this.resolvedDepth = Math.max(this.resolvedDepth, depth);
        resolve({ text, inputTokens, outputTokens, truncated });
      }),
    );
  }

  /** Lines of the innermost, the second and the outermost stack frame in the example file. */
  private callerLines(): [number | undefined, number | undefined, number | undefined] {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 200;
    const stack = new Error().stack ?? "";
    Error.stackTraceLimit = limit;
    const escaped = this.exampleFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const lines = [...stack.matchAll(new RegExp(`${escaped}:(\\d+):(\\d+)`, "g"))].map((m) => Number(m[1]));
    return [lines[0], lines[1], lines[lines.length - 1]];
  }
}

/**
 * A fake global `fetch` for raw requests to a chat endpoint (`…/chat/completions`, OpenAI's body
 * shape): the request goes to the host like an SDK call (synchronously, for the caller's frame).
 * Returns the real `fetch`, to put back.
 */
export function installFakeFetch(host: FakeHost): typeof fetch {
  const real = globalThis.fetch;
  globalThis.fetch = ((url: string | URL, init?: { body?: string }) => {
    if (!/\/chat\/completions\b/.test(String(url))) throw new Error(`fake fetch: no fake for ${String(url)}`);
    const body = JSON.parse(init?.body ?? "{}") as { model: string; max_tokens?: number; messages?: { content?: unknown }[] };
    const prompt = (body.messages ?? []).flatMap((m) => (typeof m.content === "string" ? [m.content] : []));
    const reply = host.complete({ sdk: "fetch", api: "POST /v1/chat/completions", model: body.model, prompt, ...(body.max_tokens !== undefined ? { maxTokens: body.max_tokens } : {}) });
    return reply.then((r) => ({ ok: true, status: 200, json: async () => ({ choices: [{ message: { role: "assistant", content: r.text } }] }) }));
  }) as unknown as typeof fetch;
  return real;
}

// ---------------------------------------------------------------------------------------------
// Loading an example

export type ExampleModule = Record<string, unknown>;

/**
 * Bundles examples/<name> with its SDK imports aliased to the fakes, writes the bundle (with an
 * inline source map, so stack frames point at the example's own lines) into `outDir`, and
 * requires it.
 */
export async function loadExample(name: string, outDir: string): Promise<ExampleModule> {
  return loadProgram(path.join(EXAMPLES_DIR, name), path.join(outDir, name.replace(/\.[cm]?[jt]sx?$/, "") + ".bundle.cjs"));
}

/**
 * Bundles `entry` with its SDK imports aliased to the fakes, like loadExample, from wherever it
 * is (a program a test wrote to a temporary directory), into `outfile`, and requires it.
 */
export async function loadProgram(entry: string, outfile: string): Promise<ExampleModule> {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "cjs", target: "node20", sourcemap: "inline", alias: FAKE_SDKS, logLevel: "silent", write: true });
  process.setSourceMapsEnabled(true);
  return require(outfile) as ExampleModule;
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "aalp-exec-"));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Fitting

/** Least-squares slope of log(y) against log(x). NaN if some y is not positive. */
export function logLogSlope(xs: number[], ys: number[]): number {
  if (xs.length !== ys.length || xs.length < 2) throw new Error("logLogSlope: need ≥ 2 points");
  if (ys.some((y) => !(y > 0))) return ys.every((y) => y === 0) ? 0 : Number.NaN;
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}

// ---------------------------------------------------------------------------------------------
// The analyzer's report

export interface Bound {
  text: string;
  terms: Array<{ factors: Record<string, number> }>;
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  sdk: string;
  api: string;
  model: string | null;
  calls: Bound;
  inputTokens: Bound;
  outputTokens: Bound;
  generationCost: Bound;
  span: Bound;
  growth?: unknown;
  loops?: unknown;
  explanation?: unknown;
}

export interface Report {
  schemaVersion: number;
  findings: Finding[];
}

/**
 * Runs `node bin/aalp.js report examples --format json` from the repository root.
 * AALP_EXEC_REPORT=<file> reads a saved report instead (to debug the harness without the CLI).
 */
export function analyzerReport(): Report {
  const saved = process.env.AALP_EXEC_REPORT;
  if (saved) return JSON.parse(fs.readFileSync(saved, "utf8")) as Report;
  const cli = path.join(REPO_ROOT, "dist", "cli.js");
  if (!fs.existsSync(cli)) throw new Error(`execution check: ${cli} is missing; run \`npm run build\` first`);
  const run = spawnSync(process.execPath, [path.join("bin", "aalp.js"), "report", "examples", "--format", "json"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  let parsed: Report;
  try {
    parsed = JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`execution check: the analyzer's report is not JSON (exit ${run.status}).\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}`);
  }
  if (!parsed || !Array.isArray(parsed.findings)) throw new Error("execution check: the report has no findings array");
  return parsed;
}

export function sameExample(findingFile: string, example: string): boolean {
  const normalized = findingFile.replace(/\\/g, "/");
  return normalized === `examples/${example}` || normalized.endsWith(`/examples/${example}`);
}

/**
 * Degree of a bound in `symbol` when each analyzer symbol is first renamed by `rename`
 * (several analyzer symbols may stand for one size in a run, e.g. out[gpt-4o] ≡ |program|
 * when the model rewrites the program at its own size): the largest, over the terms,
 * of the summed exponents of the symbols renamed to `symbol`.
 */
export function degreeIn(bound: Bound, symbol: string, rename: (analyzerSymbol: string) => string): number {
  let best = 0;
  for (const term of bound.terms) {
    let d = 0;
    for (const [s, e] of Object.entries(term.factors)) if (rename(s) === symbol) d += e;
    best = Math.max(best, d);
  }
  return best;
}

export function symbolsOf(bound: Bound): string[] {
  const out = new Set<string>();
  for (const term of bound.terms) for (const [s, e] of Object.entries(term.factors)) if (e !== 0) out.add(s);
  return [...out];
}
