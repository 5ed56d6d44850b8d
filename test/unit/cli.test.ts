// The CLI: formats, exit codes, skipped files, and the JSON shape.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const CLI = path.join(ROOT, "bin/aalp.js");

function aalp(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("aalp CLI", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-cli-"));
    fs.writeFileSync(path.join(dir, "agent.ts"), `import OpenAI from "openai";
const ai = new OpenAI();
export async function chat(turns: number, q: string) {
  const messages: { role: "user"; content: string }[] = [];
  for (let i = 0; i < turns; i++) {
    messages.push({ role: "user", content: q });
    await ai.chat.completions.create({ model: "gpt-4.1", max_tokens: 20, messages });
  }
}
`);
    fs.writeFileSync(path.join(dir, "broken.ts"), `import OpenAI from "openai";\nexport function f( {\n`);
    fs.writeFileSync(path.join(dir, "blob.js"), Buffer.from([0x69, 0x6d, 0x70, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(dir, "types.d.ts"), `declare module "openai";\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints the JSON report with exact bounds, relative paths and skipped files", () => {
    const r = aalp(["report", ".", "--format", "json", "--assume", "turns=20", "--assume", "|q|=300"], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.findings.length, 1);
    const f = report.findings[0];
    assert.deepEqual([f.file, f.line, f.column, f.sdk, f.api, f.model, f.growth], ["agent.ts", 7, 11, "openai", "chat.completions.create", "gpt-4.1", "constant"]);
    assert.deepEqual(f.calls, { text: "Θ(turns)", terms: [{ factors: { turns: 1 } }], count: { text: "turns", terms: [{ coef: 1, factors: { turns: 1 } }] } });
    // The class keeps the dominant term; the count is Σ_{i<turns} (i + 1)·|q|, every term with its coefficient.
    assert.deepEqual(f.inputTokens, {
      text: "Θ(turns²·|q|)",
      terms: [{ factors: { turns: 2, "|q|": 1 } }],
      count: { text: "1/2·turns²·|q| + 1/2·turns·|q|", terms: [{ coef: 0.5, factors: { turns: 2, "|q|": 1 } }, { coef: 0.5, factors: { turns: 1, "|q|": 1 } }] },
    });
    assert.deepEqual(f.loops, [{ line: 5, kind: "for", tripCount: "turns", dataDependent: false, exact: true, parallel: false }]);
    // Σ_{i=1..20} i·300 tokens of history = 63,000 (a message's role is framing, not prompt text).
    assert.deepEqual([f.estimate.calls, f.estimate.inputTokens, f.estimate.exact], [20, 63000, true]);
    assert.deepEqual(f.estimate.at, [{ name: "turns", value: 20, source: "assumed" }, { name: "|q|", value: 300, source: "assumed" }]);
    // Generation, each of the 20-token answers' j-th token reading in + j: Σ m·(20·in + 20·19/2)
    // = m·(20·63,000 + 20·190), in units of m (the model's size is not assumed here).
    assert.deepEqual(f.generationCost.count, {
      text: "10·turns²·|q|·m[gpt-4.1] + 10·turns·|q|·m[gpt-4.1] + 190·turns·m[gpt-4.1]",
      terms: [{ coef: 10, factors: { turns: 2, "|q|": 1, "m[gpt-4.1]": 1 } }, { coef: 10, factors: { turns: 1, "|q|": 1, "m[gpt-4.1]": 1 } }, { coef: 190, factors: { turns: 1, "m[gpt-4.1]": 1 } }],
    });
    assert.equal(f.estimate.generationCost, 1263800);
    assert.ok(f.explanation.includes(`generation summed over the requests: Σ m·(out·in + out(out−1)/2) = ${f.generationCost.count.text}`), f.explanation.join("\n"));
    const sized = JSON.parse(aalp(["report", ".", "--format", "json", "--assume", "turns=20", "--assume", "|q|=300", "--assume", "m[gpt-4.1]=2"], dir).stdout).findings[0];
    assert.deepEqual([sized.estimate.generationCost, sized.estimate.inputTokens], [2527600, 63000]);
    assert.deepEqual(sized.estimate.at.find((a: { name: string }) => a.name === "m[gpt-4.1]"), { name: "m[gpt-4.1]", value: 2, source: "assumed" });
    assert.deepEqual(report.skipped.map((s: { file: string }) => s.file).sort(), ["blob.js", "broken.ts"]);
    assert.match(report.skipped.find((s: { file: string }) => s.file === "broken.ts").reason, /^syntax error: /);
    assert.equal(report.skipped.find((s: { file: string }) => s.file === "blob.js").reason, "binary file");
  });

  it("prints text with the derivation and a summary; writes --out", () => {
    const out = path.join(dir, "report.txt");
    const r = aalp(["report", ".", "--out", out], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, "");
    const text = fs.readFileSync(out, "utf8");
    assert.match(text, /^agent\.ts:7:11 {2}openai chat\.completions\.create {2}model gpt-4\.1 {2}in chat {2}\[quadratic\]\n {2}calls {3}Θ\(turns\)\n {2}input {3}Θ\(turns²·\|q\|\)/);
    assert.match(text, /messages grows at line 6 on every iteration of turns \(for at line 5\)/);
    assert.match(text, /\n1 LLM call site in 1 of 3 files \(1 quadratic\); 2 skipped\n$/);
  });

  it("a run in workers keeps TypeScript and the tokenizer out of the main thread, which only orchestrates", () => {
    // The modules the main thread loaded, printed after the run; the same report either way.
    const loaded = (workers: string): { modules: string[]; findings: number } => {
      const out = path.join(dir, `workers-${workers}.json`);
      const probe = `require(${JSON.stringify(path.join(ROOT, "dist/cli.js"))}).main(["report", ".", "--format", "json", "--assume", "turns=20", "--workers", "${workers}", "--out", ${JSON.stringify(out)}]).then(() => process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => /[\\/](typescript|o200k)[\\/.]/.test(k)).map((k) => path.basename(k)))));`;
      const r = spawnSync(process.execPath, ["-e", probe], { cwd: dir, encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      return { modules: JSON.parse(r.stdout), findings: JSON.parse(fs.readFileSync(out, "utf8")).findings.length };
    };
    assert.deepEqual(loaded("2"), { modules: [], findings: 1 });
    assert.deepEqual(loaded("0"), { modules: ["typescript.js"], findings: 1 });
  });

  it("exits 2 on usage errors, 0 on --help", () => {
    assert.equal(aalp(["report", "--format", "yaml"]).code, 2);
    assert.equal(aalp(["report", "--bogus"]).code, 2);
    assert.equal(aalp(["frobnicate"]).code, 2);
    assert.equal(aalp(["report", "/definitely/not/here"]).code, 2);
    const help = aalp(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: aalp report/);
  });
});

describe("aalp CLI failures", () => {
  it("exits 3 with a message when the run itself fails (an --out that cannot be written)", () => {
    const r = aalp(["report", "examples", "--out", "/nonexistent-dir/x.json", "--quiet"]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /^aalp: ENOENT/);
  });
});

describe("aalp CLI: a nested folder's own tsconfig paths", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-nested-"));
    const app = path.join(dir, "examples", "app");
    fs.mkdirSync(path.join(app, "lib"), { recursive: true });
    fs.writeFileSync(path.join(dir, "tsconfig.json"), `{ "compilerOptions": { "strict": true } }\n`);
    fs.writeFileSync(path.join(app, "tsconfig.json"), `{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }\n`);
    fs.writeFileSync(path.join(app, "lib", "agent.ts"), `import OpenAI from "openai";
const ai = new OpenAI();
export async function answer(q: string) {
  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });
}
`);
    fs.writeFileSync(path.join(app, "route.ts"), `import { answer } from "@/lib/agent";
export async function POST(questions: string[]) {
  for (const q of questions) await answer(q);
}
`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("resolves an example app's @/… alias by the tsconfig above it when the run starts at the repository root", () => {
    const r = aalp(["report", ".", "--format", "json"], dir);
    assert.equal(r.code, 0, r.stderr);
    const sites = (JSON.parse(r.stdout).findings as { file: string; line: number; api: string; calls: { text: string } }[]).map((f) => [f.file, f.line, f.api, f.calls.text]);
    assert.deepEqual(sites, [
      ["examples/app/lib/agent.ts", 4, "chat.completions.create", "Θ(1)"],
      ["examples/app/route.ts", 3, "answer() → chat.completions.create", "Θ(|questions|)"],
    ]);
  });

  it("with --project, that tsconfig's mapping alone (the alias is not resolved)", () => {
    const r = aalp(["report", ".", "--format", "json", "--project", "tsconfig.json"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout).findings as { file: string }[]).map((f) => f.file), ["examples/app/lib/agent.ts"]);
  });
});
