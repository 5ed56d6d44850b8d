// `aalp report --cache DIR` on files of examples/ (copied): the same report with and without the cache, what a
// rerun and an edit read and store, and entries that are damaged, planted or written concurrently.
import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { aalp, CLI, ROOT } from "./support";

/** Some of examples/ (a wrapper and its importer among them): the 8 .ts files reach an LLM; the .d.ts reaches none and is not stored. */
const COPIED = ["chat-history.ts", "class-history.ts", "debug-naive.ts", "fan-out.ts", "per-item.ts", "windowed-history.ts", "wrapper-agent.ts", "wrapper-llm.ts", "tsconfig.json", "types/llm-sdks.d.ts"];
const REACHING = 8;

describe("aalp report --cache", () => {
  let dir: string;
  let cache: string;
  const run = (...more: string[]) => aalp(["report", "examples", "--format", "json", "--workers", "0", "--cache", cache, ...more], dir);
  const counts = (stderr: string): [number, number] => {
    const m = /aalp: cache \S+: (\d+) files? read from it, (\d+) analysed and stored/.exec(stderr);
    assert.ok(m, stderr);
    return [Number(m[1]), Number(m[2])];
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-cache-"));
    for (const f of COPIED) fs.cpSync(path.join(ROOT, "examples", f), path.join(dir, "examples", f));
    cache = path.join(dir, ".cache");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a rerun reads every entry; the report is the one made without the cache, with workers too", () => {
    const plain = aalp(["report", "examples", "--format", "json", "--workers", "0"], dir);
    const first = run();
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(counts(first.stderr), [0, REACHING]);
    assert.equal(fs.readdirSync(cache).length, REACHING);
    const second = run();
    assert.deepEqual(counts(second.stderr), [REACHING, 0]);
    assert.equal(first.stdout, plain.stdout);
    assert.equal(second.stdout, plain.stdout);
    const workers = run("--workers", "2");
    assert.deepEqual(counts(workers.stderr), [REACHING, 0]);
    assert.equal(workers.stdout, plain.stdout);
    // Text prices the fixes: other settings, other entries (and the same text as without the cache).
    const text = aalp(["report", "examples", "--workers", "0", "--cache", cache], dir);
    assert.deepEqual(counts(text.stderr), [0, REACHING]);
    assert.equal(text.stdout, aalp(["report", "examples", "--workers", "0"], dir).stdout);
  });

  it("other tokenizer ranks beside the engine start afresh", () => {
    // A copy of the built CLI whose o200k.js (loaded beside cli.js) then changes.
    const engine = path.join(dir, "engine");
    for (const f of ["bin/aalp.js", "dist/cli.js", "dist/o200k.js"]) fs.cpSync(path.join(ROOT, f), path.join(engine, f));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(engine, "node_modules"));
    const copy = () => {
      const r = spawnSync(process.execPath, [path.join(engine, "bin/aalp.js"), "report", "examples", "--format", "json", "--workers", "0", "--cache", cache], { cwd: dir, encoding: "utf8" });
      return counts(r.stderr);
    };
    assert.deepEqual(copy(), [0, REACHING]);
    assert.deepEqual(copy(), [REACHING, 0]);
    fs.appendFileSync(path.join(engine, "dist/o200k.js"), "\n// other ranks\n");
    assert.deepEqual(copy(), [0, REACHING]);
  });

  it("an edit of a wrapper re-analyses the files that import it, and only those", () => {
    run();
    const examples = path.join(dir, "examples");
    const importers = fs.readdirSync(examples).filter((f) => f.endsWith(".ts") && fs.readFileSync(path.join(examples, f), "utf8").includes('from "./wrapper-llm"'));
    assert.deepEqual(importers, ["wrapper-agent.ts"]);
    fs.appendFileSync(path.join(examples, "wrapper-llm.ts"), "\n// edited\n");
    assert.deepEqual(counts(run().stderr), [REACHING - 2, 2]);
    // A file that reaches no LLM is never stored, and editing it keeps every entry.
    fs.writeFileSync(path.join(examples, "util.ts"), "export const trim = (s: string) => s.trim();\n");
    assert.deepEqual(counts(run().stderr), [REACHING, 0]);
    fs.appendFileSync(path.join(examples, "util.ts"), "// edited\n");
    assert.deepEqual(counts(run().stderr), [REACHING, 0]);
  });

  it("damaged, foreign and planted entries are re-analysed; a FIFO among them does not block", () => {
    const clean = run();
    const entries = fs.readdirSync(cache).sort();
    fs.writeFileSync(path.join(cache, entries[0]!), "{ not json");
    fs.truncateSync(path.join(cache, entries[1]!), 40);
    fs.copyFileSync(path.join(cache, entries[3]!), path.join(cache, entries[2]!));
    fs.rmSync(path.join(cache, entries[4]!));
    spawnSync("mkfifo", [path.join(cache, entries[4]!)]);
    fs.rmSync(path.join(cache, entries[5]!));
    fs.symlinkSync(path.join(cache, entries[6]!), path.join(cache, entries[5]!));
    const again = run();
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, clean.stdout);
    // Five entries were damaged (the copy's source and the link's target are whole): each is rewritten.
    assert.deepEqual(counts(again.stderr), [REACHING - 5, 5]);
    assert.ok(entries.slice(0, 7).every((e) => fs.lstatSync(path.join(cache, e)).isFile()));
    assert.deepEqual(counts(run().stderr), [REACHING, 0]);
  });

  it("concurrent runs sharing the folder give the same report and leave only whole entries", async () => {
    const both = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, [CLI, "report", "examples", "--format", "json", "--workers", "0", "--quiet", "--cache", cache], { cwd: dir });
            let out = "";
            child.stdout.on("data", (d) => (out += d));
            child.on("error", reject);
            child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
          }),
      ),
    );
    assert.equal(both[0], both[1]);
    assert.deepEqual(fs.readdirSync(cache).filter((f) => f.endsWith(".tmp")), []);
    assert.deepEqual(counts(run().stderr), [REACHING, 0]);
  });

  it("a site whose bound is unknown (NaN estimates, null in JSON) is read on a rerun, and reported as without the cache", () => {
    // send ↔ turn with a guard on the counter that is not a base case: the calls are unknown (callTangles.test.ts).
    fs.writeFileSync(path.join(dir, "examples", "tangle.ts"), `import OpenAI from "openai";
const client = new OpenAI();
export async function send(q: string, turns: number): Promise<void> {
  if (turns > 2) await turn(q, turns);
  if (q.length > 3) await send(q, turns - 1);
}
async function turn(q: string, turns: number): Promise<void> {
  if (!turns) return;
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: q }] });
  await send(q, turns - 1);
}
export async function all(qs: string[]) {
  for (const q of qs) await send(q, 5);
}
`);
    const one = (...more: string[]) => aalp(["report", "examples/tangle.ts", "--workers", "0", ...more], dir);
    const plain = one("--format", "json");
    const site = (JSON.parse(plain.stdout) as { findings: { line: number; calls: { text: string }; estimate: { calls: unknown } }[] }).findings.find((s) => s.line === 13)!;
    assert.deepEqual([site.calls.text, site.estimate.calls], ["unknown", null]);
    assert.deepEqual(counts(one("--format", "json", "--cache", cache).stderr), [0, 1]);
    const second = one("--format", "json", "--cache", cache);
    assert.deepEqual(counts(second.stderr), [1, 0]);
    assert.equal(second.stdout, plain.stdout);
    // Text shows the estimates (NaN there, not null's 0): the same with an entry read.
    assert.deepEqual(counts(one("--cache", cache).stderr), [0, 1]);
    const text = one("--cache", cache);
    assert.deepEqual(counts(text.stderr), [1, 0]);
    assert.equal(text.stdout, one().stdout);
  });

  it("is not used with --types, and a cache path that cannot be a folder is a usage error", () => {
    const typed = aalp(["report", "examples/wrapper-llm.ts", "--format", "json", "--types", "--project", "examples/tsconfig.json", "--cache", cache], dir);
    assert.equal(typed.code, 0, typed.stderr);
    assert.match(typed.stderr, /--cache is not used with --types/);
    fs.writeFileSync(path.join(dir, "file"), "");
    const bad = aalp(["report", "examples", "--cache", path.join(dir, "file", "sub")], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^aalp: --cache .*file\/sub: /);
  });
});
