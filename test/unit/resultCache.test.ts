// The result cache's keys and entries (src/core/project/resultCache.ts), over an in-memory project and
// storage: what a rerun reads, what an edit invalidates, and what a bad entry costs.
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { ResultCache, sitesOfFile, type FileSites, type ResultStorage } from "../../src/core";
import { memoryProject } from "./project";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

const WRAPPER = `import OpenAI from "openai";
const ai = new OpenAI();
export async function ask(q: string) {
  return ai.chat.completions.create({ model: "gpt-4.1", max_tokens: 50, messages: [{ role: "user", content: q }] });
}
`;
/** The wrapper, now asking twice per call. */
const WRAPPER_TWICE = WRAPPER.replace("  return ai.chat", "  await ai.chat.completions.create({ model: \"gpt-4.1\", max_tokens: 50, messages: [{ role: \"user\", content: q }] });\n  return ai.chat");

function workspace(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    "/w/llm.ts": WRAPPER,
    // Calls the wrapper in a loop.
    "/w/caller.ts": `import { ask } from "./llm";\nexport async function run(items: string[]) {\n  for (const it of items) await ask(it);\n}\n`,
    // Reaches the wrapper only through caller.ts.
    "/w/top.ts": `import { run } from "./caller";\nexport async function main(batches: string[][]) {\n  for (const b of batches) await run(b);\n}\n`,
    // Its own SDK call; imports nothing of the project.
    "/w/other.ts": `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function one(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", max_tokens: 5, messages: [{ role: "user", content: q }] });\n}\n`,
    // Reaches no LLM: never stored.
    "/w/util.ts": `export const trim = (s: string) => s.trim();\n`,
    "/w/uses-util.ts": `import { trim } from "./util";\nexport const clean = (xs: string[]) => xs.map(trim);\n`,
    ...overrides,
  };
}
const FILES = ["/w/llm.ts", "/w/caller.ts", "/w/top.ts", "/w/other.ts", "/w/util.ts", "/w/uses-util.ts"];

function memoryStorage(): ResultStorage & { entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  return { entries, get: (k) => entries.get(k), put: (k, b) => void entries.set(k, b) };
}

const isFileSites = (v: unknown, file: string): v is FileSites => typeof v === "object" && v !== null && (v as FileSites).file === file && Array.isArray((v as FileSites).sites);

/** One run: a fresh project over the files, every file through the cache. */
function run(files: Record<string, string>, storage: ResultStorage, settings = "s") {
  const { project } = memoryProject(files);
  const cache = new ResultCache<FileSites>(project, { storage, digest: sha256, engine: "test-engine", settings, accept: isFileSites });
  const computed: string[] = [];
  const results = FILES.map((f) =>
    cache.cached(f, () => {
      computed.push(f);
      return sitesOfFile(project.analyze(f), f, { assume: {} });
    }),
  );
  return { results, stats: { ...cache.stats }, computed, parsed: project.stats.parsed, namesRead: project.stats.importedNamesRead };
}

const inputOf = (r: FileSites[], file: string): string[] => r.find((x) => x.file === file)!.sites.map((s) => `${s.line}:${s.calls.text}`);

describe("result cache", () => {
  it("an unchanged rerun reads every file that reaches an LLM from the cache and parses nothing", () => {
    const storage = memoryStorage();
    const first = run(workspace(), storage);
    assert.deepEqual(first.stats, { hits: 0, stored: 4, uncached: 2, rejected: 0 });
    assert.equal(storage.entries.size, 4);
    const second = run(workspace(), storage);
    assert.deepEqual(second.stats, { hits: 4, stored: 0, uncached: 2, rejected: 0 });
    assert.deepEqual(second.computed, ["/w/util.ts", "/w/uses-util.ts"]);
    assert.equal(second.parsed, 0);
    // Keys need whether a file reaches an LLM, not the names it imports: read only for the two files analysed.
    assert.deepEqual([first.namesRead, second.namesRead], [6, 2]);
    assert.deepEqual(second.results, first.results);
    assert.deepEqual(inputOf(second.results, "/w/top.ts"), ["3:Θ(|b|·|batches|)"]);
  });

  it("an edit of the wrapper re-analyses its callers, direct and indirect, and nothing else", () => {
    const storage = memoryStorage();
    run(workspace(), storage);
    const edited = run(workspace({ "/w/llm.ts": WRAPPER_TWICE }), storage);
    assert.deepEqual(edited.computed, ["/w/llm.ts", "/w/caller.ts", "/w/top.ts", "/w/util.ts", "/w/uses-util.ts"]);
    assert.deepEqual(edited.stats, { hits: 1, stored: 3, uncached: 2, rejected: 0 });
    assert.deepEqual(inputOf(edited.results, "/w/llm.ts"), ["4:Θ(1)", "5:Θ(1)"]);
    // The results are those of an analysis without the cache.
    assert.deepEqual(edited.results, run(workspace({ "/w/llm.ts": WRAPPER_TWICE }), memoryStorage()).results);
  });

  it("an edit of a module that reaches no LLM, or of another caller, keeps the other entries", () => {
    const storage = memoryStorage();
    run(workspace(), storage);
    const utilEdit = run(workspace({ "/w/util.ts": `export const trim = (s: string) => s.trim().toLowerCase();\n` }), storage);
    assert.deepEqual(utilEdit.stats, { hits: 4, stored: 0, uncached: 2, rejected: 0 });
    const topEdit = run(workspace({ "/w/top.ts": workspace()["/w/top.ts"]! + "// edited\n" }), storage);
    assert.deepEqual(topEdit.computed, ["/w/top.ts", "/w/util.ts", "/w/uses-util.ts"]);
  });

  it("an edit of a module that reaches no LLM re-analyses an importer that reads its constant (a loop's cap)", () => {
    const files = (max: number): Record<string, string> => ({
      ...workspace(),
      "/w/util.ts": `export const MAX_TURNS = ${max};\n`,
      "/w/uses-util.ts": `import { MAX_TURNS } from "./util";\nimport { ask } from "./llm";\nexport async function turns(q: string) {\n  for (let i = 0; i < MAX_TURNS; i++) await ask(q);\n}\n`,
    });
    const storage = memoryStorage();
    const dollars = (r: FileSites[]): (number | null)[] => r.find((x) => x.file === "/w/uses-util.ts")!.sites.map((s) => s.dollars);
    const first = run(files(3), storage);
    assert.deepEqual(run(files(3), storage).computed, ["/w/util.ts"]);
    const edited = run(files(5), storage);
    assert.deepEqual(edited.computed, ["/w/util.ts", "/w/uses-util.ts"]);
    // Five rounds where there were three: the entry read is the one a fresh run makes.
    const fresh = run(files(5), memoryStorage());
    assert.deepEqual(dollars(edited.results), dollars(fresh.results));
    assert.equal(dollars(edited.results)[0]!.toFixed(6), ((dollars(first.results)[0]! * 5) / 3).toFixed(6));
  });

  it("a module that starts reaching an LLM changes its importers' keys", () => {
    const storage = memoryStorage();
    run(workspace(), storage);
    const now = run(workspace({ "/w/util.ts": `import { ask } from "./llm";\nexport const trim = (s: string) => ask(s);\n` }), storage);
    assert.deepEqual(now.computed, ["/w/util.ts", "/w/uses-util.ts"]);
    assert.deepEqual(now.stats, { hits: 4, stored: 2, uncached: 0, rejected: 0 });
    assert.deepEqual(inputOf(now.results, "/w/uses-util.ts"), ["2:Θ(|xs|)"]);
  });

  it("files in an import cycle share their component's hash: an edit of one re-analyses both", () => {
    const files = (extra = ""): Record<string, string> => ({
      ...workspace(),
      "/w/caller.ts": `import { ask } from "./llm";\nimport { main } from "./top";\nexport async function run(items: string[]) {\n  for (const it of items) await ask(it);\n}\nexport const again = () => main;\n${extra}`,
    });
    const storage = memoryStorage();
    run(files(), storage);
    assert.deepEqual(run(files(), storage).stats.hits, 4);
    const edited = run(files("// edited\n"), storage);
    assert.deepEqual(edited.computed, ["/w/caller.ts", "/w/top.ts", "/w/util.ts", "/w/uses-util.ts"]);
  });

  it("other settings or another engine use other entries", () => {
    const storage = memoryStorage();
    run(workspace(), storage, "a");
    assert.equal(run(workspace(), storage, "b").stats.hits, 0);
    assert.equal(run(workspace(), storage, "a").stats.hits, 4);
  });

  it("a corrupted, truncated, foreign or misshapen entry is a miss: re-analysed and stored again", () => {
    const storage = memoryStorage();
    const clean = run(workspace(), storage);
    const keys = [...storage.entries.keys()];
    const text = (k: string): string => new TextDecoder().decode(storage.entries.get(k)!);
    const put = (k: string, s: string | Uint8Array): void => void storage.entries.set(k, typeof s === "string" ? new TextEncoder().encode(s) : s);
    const [a, b, c, d] = keys as [string, string, string, string];
    // A flipped character in the body, a truncated entry, invalid UTF-8, and another key's entry.
    put(a, text(a).replace(/"line":(\d)/, (_, n) => `"line":${(Number(n) + 1) % 10}`));
    put(b, text(b).slice(0, text(b).length >> 1));
    put(c, new Uint8Array([0xff, 0xfe, 0x00, 0x41]));
    put(d, text(a));
    const again = run(workspace(), storage);
    assert.deepEqual(again.stats, { hits: 0, stored: 4, uncached: 2, rejected: 4 });
    assert.deepEqual(again.results, clean.results);
    assert.deepEqual(run(workspace(), storage).stats.hits, 4);
  });

  it("an entry whose value the caller's check refuses is a miss, and a storage that throws is no error", () => {
    const storage = memoryStorage();
    run(workspace(), storage);
    const { project } = memoryProject(workspace());
    const refusing = new ResultCache<FileSites>(project, { storage, digest: sha256, engine: "test-engine", settings: "s", accept: (_v): _v is FileSites => false });
    let computed = 0;
    refusing.cached("/w/llm.ts", () => (computed++, sitesOfFile(project.analyze("/w/llm.ts"), "/w/llm.ts", { assume: {} })));
    assert.deepEqual([computed, refusing.stats.rejected], [1, 1]);
    const broken: ResultStorage = { get: () => { throw new Error("disk"); }, put: () => { throw new Error("full"); } };
    const onBroken = new ResultCache<FileSites>(project, { storage: broken, digest: sha256, engine: "test-engine", settings: "s", accept: isFileSites });
    assert.equal(onBroken.cached("/w/llm.ts", () => sitesOfFile(project.analyze("/w/llm.ts"), "/w/llm.ts", { assume: {} })).sites.length, 1);
  });
  it("a value with NaN, ±Infinity and -0 (an unknown bound's estimates) is read back as stored; a listed number where the body has no null is a miss", () => {
    type Numbers = { file: string; n: unknown[] };
    const storage = memoryStorage();
    const value: Numbers = { file: "/w/llm.ts", n: [NaN, { calls: Infinity, input: -Infinity }, -0, 0, 7, null] };
    const once = (): { got: Numbers; stats: ResultCache<Numbers>["stats"] } => {
      const { project } = memoryProject(workspace());
      const cache = new ResultCache<Numbers>(project, { storage, digest: sha256, engine: "test-engine", settings: "s", accept: (v, file): v is Numbers => (v as Numbers).file === file });
      const got = cache.cached("/w/llm.ts", () => value);
      return { got, stats: { ...cache.stats } };
    };
    assert.deepEqual(once().stats, { hits: 0, stored: 1, uncached: 0, rejected: 0 });
    const again = once();
    assert.deepEqual(again.stats, { hits: 1, stored: 0, uncached: 0, rejected: 0 });
    assert.deepEqual(again.got, value);
    assert.ok(Object.is(again.got.n[2], -0) && Object.is(again.got.n[3], 0));
    // A header whose list points at a number the body holds (not null) is not this entry.
    const [key] = [...storage.entries.keys()] as [string];
    const text = new TextDecoder().decode(storage.entries.get(key)!);
    storage.entries.set(key, new TextEncoder().encode(text.replace('[["n",0],"NaN"]', '[["n",4],"NaN"]')));
    assert.deepEqual(once().stats, { hits: 0, stored: 1, uncached: 0, rejected: 1 });
  });

  it("an edit of a class that implements another module's interface re-analyses the loops over that interface", () => {
    const files = (twice: boolean): Record<string, string> => ({
      "/i/llm.ts": `export interface Llm {\n  ask(prompt: string): Promise<string>;\n}\n`,
      "/i/openaiLlm.ts": `import type { Llm } from "./llm";\nimport { ask } from "./wrapper";\nexport class OpenAiLlm implements Llm {\n  ask(prompt: string) { return ask(prompt); }\n}\n`,
      "/i/wrapper.ts": twice ? WRAPPER_TWICE : WRAPPER,
      "/i/loop.ts": `import type { Llm } from "./llm";\nexport async function all(llm: Llm, qs: string[]) {\n  for (const q of qs) await llm.ask(q);\n}\n`,
    });
    const storage = memoryStorage();
    const once = (fs: Record<string, string>) => {
      const { project } = memoryProject(fs);
      const cache = new ResultCache<FileSites>(project, { storage, digest: sha256, engine: "test-engine", settings: "s", accept: isFileSites });
      const computed: string[] = [];
      const results = Object.keys(fs).map((f) => cache.cached(f, () => (computed.push(f), sitesOfFile(project.analyze(f), f, { assume: {} }))));
      return { results, computed };
    };
    const first = once(files(false));
    assert.deepEqual(inputOf(first.results, "/i/loop.ts"), ["3:Θ(|qs|)"]);
    // The loop imports only the interface's module; the implementation's edit still reaches its key.
    const edited = once(files(true));
    assert.deepEqual(edited.computed, ["/i/llm.ts", "/i/openaiLlm.ts", "/i/wrapper.ts", "/i/loop.ts"]);
    assert.deepEqual(edited.results.map((r) => r.sites.map((x) => `${x.line}:${x.calls.text}`)), [[], [], ["4:Θ(1)", "5:Θ(1)"], ["3:Θ(|qs|)"]]);
    assert.notDeepEqual(edited.results[3], first.results[3]);
  });
});
