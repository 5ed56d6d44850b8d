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
