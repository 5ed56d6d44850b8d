// Argument parsing by node:util's parseArgs: values after `=` or as the next argument (even one
// starting with `-`), booleans with =true/=false, `--` ending the options, empty values refused.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs, UsageError, USAGE, type ReportArgs } from "../../../src/cli/args";
import { aalp } from "./support";

const report = (...argv: string[]): ReportArgs => {
  const a = parseArgs(["report", ...argv]);
  assert.equal(a.command, "report");
  return a as ReportArgs;
};
const usageError = (argv: string[], message: RegExp): void => assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));

describe("aalp arguments", () => {
  it("--assume=|q|=300 and --assume '|q|=300' give the same assumption; the table has no prototype", () => {
    assert.deepEqual({ ...report("--assume=|q|=300").assume }, { "|q|": 300 });
    assert.deepEqual({ ...report("--assume", "|q|=300", "--assume", "turns=20").assume }, { "|q|": 300, turns: 20 });
    const a = report("--assume", "valueOf=3", "--assume", "constructor=4").assume;
    assert.equal(Object.getPrototypeOf(a), null);
    assert.deepEqual([a.valueOf, a.constructor], [3, 4]);
  });

  it("a string option's next argument is its value even when it starts with - (--out -h writes a file named -h)", () => {
    const a = report("--out", "-h", "src");
    assert.deepEqual([a.out, a.paths], ["-h", ["src"]]);
    assert.equal(report("--format", "json", "--include=-x/*.ts").include[0], "-x/*.ts");
  });

  it("booleans take =true and =false; other values are usage errors", () => {
    assert.equal(report("--quiet=false").quiet, false);
    assert.equal(report("--quiet=true").quiet, true);
    assert.equal(report("--quiet").quiet, true);
    assert.equal(report().quiet, false);
    usageError(["report", "--quiet=yes"], /^--quiet takes true or false, got 'yes'$/);
  });

  it("--include-tests lets sites in tests and fixtures fail the gate (off by default)", () => {
    assert.deepEqual([report().includeTests, report("--include-tests").includeTests, report("--include-tests=false").includeTests], [false, true, false]);
  });

  it("--cache takes a folder (none by default; an empty one is a usage error)", () => {
    assert.deepEqual([report().cache, report("--cache", ".aalp-cache").cache], [undefined, ".aalp-cache"]);
    usageError(["report", "--cache", ""], /^--cache needs a value/);
  });

  it("-- ends the options", () => {
    assert.deepEqual(report("--format", "json", "--", "--weird.ts", "-h").paths, ["--weird.ts", "-h"]);
  });

  it("usage errors: empty --out, a missing value, unknown options, bad numbers", () => {
    usageError(["report", "--out", ""], /^--out needs a file name/);
    usageError(["report", "--out="], /^--out needs a file name/);
    usageError(["report", "--out"], /^--out needs a value$/);
    usageError(["report", "--bogus"], /Unknown option '--bogus'/);
    usageError(["report", "--assume", `n=${"9".repeat(400)}`], /^--assume takes NAME=NUMBER/);
    usageError(["report", "--assume", "=3"], /^--assume takes NAME=NUMBER/);
    usageError(["report", "--workers", "-1"], /^--workers takes a number or auto/);
    usageError(["report", "--file-budget", "0"], /^--file-budget takes a positive number of seconds/);
    usageError(["frobnicate"], /^unknown command 'frobnicate'$/);
  });

  it("the usage text is written from the options table: every option, in order", () => {
    const flags = [...USAGE.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map((m) => m[1]);
    assert.deepEqual(flags, ["--format", "--out", "--assume", "--scale", "--baseline", "--fail-on", "--allow-skipped", "--include-tests", "--include", "--exclude", "--catalog", "--wrapper", "--project", "--types", "--workers", "--fixes", "--file-budget", "--cache", "--run-budget", "--quiet", "--help", "--version"]);
  });

  it("the CLI warns on stderr about --assume and --scale symbols no site uses", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-args-"));
    try {
      fs.writeFileSync(path.join(dir, "a.ts"), `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function f(turns: number, q: string) {\n  for (let i = 0; i < turns; i++) await ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`);
      const r = aalp(["report", ".", "--format", "json", "--assume", "turns=5", "--assume", "|q|=9", "--assume", "tursn=5", "--scale", "nope", "--quiet"], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, "aalp: warning: --assume tursn: no reported site's bounds use this symbol\naalp: warning: --scale nope: no reported site's bounds use this symbol\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
