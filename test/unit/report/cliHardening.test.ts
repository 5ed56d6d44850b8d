// What the scanned repository cannot do to a run: block it with a FIFO, hide a site by making its
// file unanalysable, have its UTF-16 files skipped as binary, or drop garbage @aalp values quietly;
// and --workers never exceeds the cores.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { aalp } from "./support";

const AGENT = `import OpenAI from "openai";
const ai = new OpenAI();
export async function f(qs: string[]) {
  for (const q of qs) await ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });
}
`;

describe("CLI hardening", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-hard-"));
    fs.writeFileSync(path.join(dir, "a.ts"), AGENT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const json = (args: string[]) => {
    const r = aalp(["report", ...args, "--format", "json"], dir);
    return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
  };

  it("a FIFO named on the command line is listed as skipped, never read (reading blocks)", function () {
    if (spawnSync("mkfifo", [path.join(dir, "pipe.ts")]).status !== 0) this.skip();
    try {
      const r = json(["pipe.ts", "a.ts"]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.report.skipped, [{ file: "pipe.ts", reason: "not a regular file (a FIFO, socket or device is not read)" }]);
      assert.deepEqual(r.report.findings.map((f: { file: string }) => f.file), ["a.ts"]);
      // Not a source file the analysis could read: it does not fail the gate.
      assert.equal(json(["pipe.ts", "a.ts", "--fail-on", "unbounded"]).code, 0);
    } finally {
      fs.rmSync(path.join(dir, "pipe.ts"));
    }
  });

  it("UTF-16 files with a byte order mark are read, little- and big-endian", () => {
    const sub = path.join(dir, "utf16");
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, "le.ts"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(AGENT, "utf16le")]));
    fs.writeFileSync(path.join(sub, "be.ts"), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(AGENT, "utf16le").swap16()]));
    const r = json(["utf16"]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.report.skipped, []);
    assert.deepEqual(r.report.findings.map((f: { file: string; line: number; column: number }) => [f.file, f.line, f.column]), [["utf16/be.ts", 4, 29], ["utf16/le.ts", 4, 29]]);
  });

  it("with --fail-on, a file skipped for a syntax error fails the gate; --allow-skipped lists and counts it", () => {
    fs.writeFileSync(path.join(dir, "broken.ts"), `import OpenAI from "openai";\nexport function f( {\n`);
    try {
      const plain = json(["a.ts", "broken.ts"]);
      assert.equal(plain.code, 0, "no gate, no failure");
      const gated = json(["a.ts", "broken.ts", "--fail-on", "new-quadratic"]);
      assert.equal(gated.code, 1);
      assert.equal(gated.stderr, "aalp: fails --fail-on: not analysed: broken.ts (syntax error: '}' expected.)\naalp: 1 file not analysed; --allow-skipped lists them without failing\n");
      const allowed = json(["a.ts", "broken.ts", "--fail-on", "new-quadratic", "--allow-skipped"]);
      assert.equal(allowed.code, 0);
      assert.equal(allowed.stderr, "aalp: not analysed: broken.ts (syntax error: '}' expected.)\naalp: 1 file not analysed (allowed by --allow-skipped)\n");
    } finally {
      fs.rmSync(path.join(dir, "broken.ts"));
    }
  });

  it("standard error names the first 20 files the gate fails for, then counts the rest", () => {
    const many = path.join(dir, "many");
    fs.mkdirSync(many);
    for (let i = 0; i < 25; i++) fs.writeFileSync(path.join(many, `b${String(i).padStart(2, "0")}.ts`), `import OpenAI from "openai";\nexport function f( {\n`);
    const r = json(["many", "--fail-on", "unbounded"]);
    assert.equal(r.code, 1);
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 22);
    assert.equal(lines[19], "aalp: fails --fail-on: not analysed: many/b19.ts (syntax error: '}' expected.)");
    assert.deepEqual(lines.slice(20), ["aalp: … and 5 more (the report lists every skipped file)", "aalp: 25 files not analysed; --allow-skipped lists them without failing"]);
    assert.equal(r.report.skipped.length, 25);
  });

  it("--workers above the cores is capped at the cores, with a note; the result is unchanged", () => {
    const cores = os.availableParallelism();
    const r = json(["a.ts", "--workers", String(cores + 7)]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, `aalp: --workers ${cores + 7} capped at ${cores}, the number of cores (more only add memory and time)\n`);
    assert.deepEqual(r.report.findings, json(["a.ts", "--workers", "0"]).report.findings);
  });

  it("garbage @aalp values are warned about on stderr, with the file and line", () => {
    fs.writeFileSync(path.join(dir, "ann.ts"), AGENT.replace("export async", "// @aalp questions=2O, |q|=abc\nexport async"));
    try {
      const r = json(["ann.ts", "--quiet"]);
      assert.equal(r.code, 0);
      assert.equal(
        r.stderr,
        "aalp: warning: ann.ts:3: @aalp 'questions=2O': '2O' is not a number (digits, with an optional decimal part)\naalp: warning: ann.ts:3: @aalp '|q|=abc': 'abc' is not a number (digits, with an optional decimal part)\n",
      );
    } finally {
      fs.rmSync(path.join(dir, "ann.ts"));
    }
  });
});

describe("CLI time budgets and odd trees", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-budget-"));
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `a${String(i).padStart(2, "0")}.ts`), AGENT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the walk stops at the run's deadline, saying so", () => {
    const { collectFiles } = require("../../../src/cli/collectFiles") as typeof import("../../../src/cli/collectFiles");
    const c = collectFiles(["."], { cwd: dir, deadline: Date.now() - 1 });
    assert.deepEqual([c.files, c.stopped], [[], "the run's time budget ran out while listing files (0 found)"]);
    assert.equal(collectFiles(["."], { cwd: dir }).files.length, 40);
  });

  it("--run-budget: every file is analysed or listed as not analysed for the budget; with a gate an unfinished run fails", () => {
    const r = aalp(["report", ".", "--format", "json", "--run-budget", "0.001", "--fail-on", "unbounded"], dir);
    const report = JSON.parse(r.stdout);
    const reason = "not analysed: the run's time budget (0.001 s) ran out";
    const skipped = report.skipped.filter((s: { reason: string }) => s.reason === reason).length;
    const analysed = new Set(report.findings.map((f: { file: string }) => f.file)).size;
    assert.ok(skipped > 0 || /while listing files/.test(r.stderr), "a millisecond is not enough for 40 files");
    if (!/while listing files/.test(r.stderr)) assert.equal(skipped + analysed, 40);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /time budget/);
  });

  it("symbolic link loops are not followed; a vanished or looping path is a message, not a hang", () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-links-"));
    try {
      fs.writeFileSync(path.join(tree, "a.ts"), AGENT);
      fs.symlinkSync(tree, path.join(tree, "loop"));
      fs.symlinkSync(path.join(tree, "self"), path.join(tree, "self"));
      const r = aalp(["report", ".", "self", "gone.ts", "--format", "json"], tree);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file), ["a.ts"]);
      assert.equal(r.stderr, "aalp: skipped self: no such file or directory\naalp: skipped gone.ts: no such file or directory\n");
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
