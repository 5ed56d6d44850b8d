// How the report runs: worker threads give the single-threaded result; progress only on a
// terminal; SARIF's structure (and, when Microsoft's multitool is installed, its validation).
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { progress } from "../../../src/cli/progress";
import { aalp, ROOT } from "./support";

describe("report runs", () => {
  it("--workers 2 reports exactly what one thread does, in the same order", () => {
    const one = aalp(["report", "examples", "--format", "json", "--workers", "0"], ROOT);
    const two = aalp(["report", "examples", "--format", "json", "--workers", "2"], ROOT);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.code, 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
  });

  it("honours the files' @aalp comments: ignored sites leave, bounds apply, the file's sizes win over --assume", () => {
    const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "aalp-annotated-"));
    fs.writeFileSync(
      path.join(dir, "agent.ts"),
      `import OpenAI from "openai";
const client = new OpenAI();
// @aalp |q|=300
export async function tutor(questions: string[]) {
  const messages: { role: string; content: string }[] = [];
  // @aalp |questions| <= 20
  for (const q of questions) {
    messages.push({ role: "user", content: q });
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages });
  }
}
export async function label(items: string[]) {
  for (const item of items) {
    // @aalp ignore
    await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 5, messages: [{ role: "user", content: item }] });
  }
}
`,
    );
    try {
      const r = aalp(["report", "agent.ts", "--format", "json", "--assume", "|q|=100"], dir);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout).findings;
      assert.deepEqual(
        findings.map((f: { line: number; inputTokens: { text: string }; estimate: { at: unknown } }) => [f.line, f.inputTokens.text, f.estimate.at]),
        [[9, "O(|q|)", [{ name: "|q|", value: 300, source: "assumed" }]]],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists the fixes at the call of another module's wrapper, verified with its summary", () => {
    const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "aalp-wrapper-"));
    const exec = path.join(ROOT, "test/fixtures/fixes/exec");
    for (const f of ["interview-agent.ts", "interview-llm.ts"]) fs.copyFileSync(path.join(exec, f), path.join(dir, f));
    try {
      const r = aalp(["report", ".", "--format", "text"], dir);
      assert.equal(r.code, 0, r.stderr);
      const site = r.stdout.slice(r.stdout.indexOf("interview-agent.ts:13:27"));
      assert.deepEqual(
        site.split("\n").filter((l) => l.startsWith("  fix ")).slice(0, 2),
        ["  fix     Keep the last 8 messages and the system message (saves ≈ $0.0083)", "  fix     Start history afresh each iteration (forgets earlier turns) (saves ≈ $0.027)"],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("progress: files done / total on a terminal, nothing otherwise or with --quiet", () => {
    const written: string[] = [];
    const tty = { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const p = progress(2, tty, false);
    p.tick(1);
    p.tick(2);
    p.done();
    assert.deepEqual(written, ["\raalp: 1 / 2 files", "\raalp: 2 / 2 files", "\r\x1b[K"]);
    const silent: string[] = [];
    progress(2, { isTTY: false, write: (s: string) => silent.push(s) } as unknown as NodeJS.WriteStream, false).tick(1);
    progress(2, tty, true).tick(1);
    assert.deepEqual(silent, []);
    assert.equal(written.length, 3);
  });

  it("SARIF: one result per finding at its exact region, relative URIs, unique fingerprints, rules by class", () => {
    const json = JSON.parse(aalp(["report", "examples", "--format", "json"], ROOT).stdout);
    const sarif = JSON.parse(aalp(["report", "examples", "--format", "sarif"], ROOT).stdout);
    const run = sarif.runs[0];
    assert.equal(sarif.version, "2.1.0");
    assert.equal(run.results.length, json.findings.length);
    assert.equal(run.originalUriBaseIds["%SRCROOT%"].uri, `${require("node:url").pathToFileURL(ROOT).href}/`);
    run.results.forEach((r: any, i: number) => {
      const f = json.findings[i];
      assert.deepEqual(r.locations[0].physicalLocation, { artifactLocation: { uri: f.file, uriBaseId: "%SRCROOT%" }, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } });
      assert.equal(r.ruleId, `aalp.cost.${f.costClass}`);
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    });
    const prints = run.results.map((r: any) => r.partialFingerprints["aalpSite/v1"]);
    assert.equal(new Set(prints).size, prints.length);
  });

  it("SARIF: the diagnostic rules the results name, each with its page as a relative helpUri", () => {
    const sarif = JSON.parse(aalp(["report", "examples", "--format", "sarif"], ROOT).stdout);
    const run = sarif.runs[0];
    const named = [...new Set(run.results.flatMap((r: any) => r.properties.diagnostics))].sort();
    assert.deepEqual(named, ["aalp.generalist-for-constant-output", "aalp.growing-history", "aalp.sequential-independent-calls", "aalp.unbounded-loop", "aalp.whole-input-per-item"]);
    const rules = run.tool.driver.rules.filter((r: any) => !r.id.startsWith("aalp.cost."));
    assert.deepEqual(rules.map((r: any) => [r.id, r.helpUri]).sort(), named.map((c) => [c, `docs/diagnostics/${(c as string).slice("aalp.".length)}.md`]));
    for (const r of rules) assert.ok(fs.existsSync(path.join(ROOT, r.helpUri)), r.helpUri);
    // The naive debugging loop's merged finding names both of its codes.
    const naive = run.results.filter((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === "examples/debug-naive.ts");
    assert.deepEqual(naive.map((r: any) => r.properties.diagnostics), [["aalp.growing-history", "aalp.whole-input-per-item"], ["aalp.growing-history", "aalp.whole-input-per-item"]]);
  });

  it("SARIF passes Microsoft's multitool (Gh;Sarif rules) with no error", function () {
    const tool = process.env.SARIF_MULTITOOL ?? "/tmp/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
    if (!fs.existsSync(tool)) {
      console.log(`      skipped: no SARIF multitool at ${tool} (npm install --prefix /tmp/sarif-multitool @microsoft/sarif-multitool-linux)`);
      this.skip();
    }
    const r = spawnSync(process.execPath, [path.join(ROOT, "test/unit/report/validate-sarif.mjs")], { encoding: "utf8", env: { ...process.env, SARIF_MULTITOOL: tool } });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
