// Which files a report reads: .gitignore (nested, negation, anchored, directories), node_modules,
// --include/--exclude globs relative to the current directory.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { collectFiles } from "../../../src/cli/collectFiles";
import { Gitignore } from "../../../src/cli/gitignore";
import { GlobSet } from "../../../src/cli/glob";
import { compilePattern, expandBraces } from "../../../src/cli/wildmatch";

const globToRegExp = (glob: string) => ({ test: (p: string) => expandBraces(glob).some((g) => compilePattern(g, true).matches(p)) });
import { aalp, FIXTURE } from "./support";

describe("report file selection", () => {
  it("globs: * and ? in a segment, ** across segments, {a,b}, classes", () => {
    const yes = (glob: string, p: string): void => assert.ok(globToRegExp(glob).test(p), `${glob} ~ ${p}`);
    const no = (glob: string, p: string): void => assert.ok(!globToRegExp(glob).test(p), `${glob} !~ ${p}`);
    yes("src/*.ts", "src/a.ts");
    no("src/*.ts", "src/x/a.ts");
    yes("src/**/*.ts", "src/a.ts");
    yes("src/**/*.ts", "src/x/y/a.ts");
    yes("**/*.{ts,tsx}", "a/b.tsx");
    no("**/*.{ts,tsx}", "a/b.js");
    yes("file?.[jt]s", "file1.js");
    no("file?.[!j]s", "file1.js");
    yes("legacy/**", "legacy/a/b.ts");
  });

  it("a glob set matches a path or one of its folders; names without a slash match at any depth", () => {
    const set = new GlobSet(["*.test.ts", "./vendor", "src/legacy/**"]);
    assert.ok(set.matches("src/a.test.ts"));
    assert.ok(set.matches("vendor/x/y.ts"));
    assert.ok(set.matches("src/legacy/old.ts"));
    assert.ok(!set.matches("src/a.ts"));
    assert.ok(!set.matches("src/vendor/y.ts"), "an anchored pattern matches from the start");
  });

  it(".gitignore lines: comments, negation, anchored and unanchored, directories only", () => {
    const g = Gitignore.parse("/r", "# comment\n*.gen.ts\n!keep.gen.ts\n/build-tmp\ncache/\nsub/deep.ts\n");
    assert.equal(g.verdict("/r/a/x.gen.ts", false), true);
    assert.equal(g.verdict("/r/a/keep.gen.ts", false), false);
    assert.equal(g.verdict("/r/build-tmp", true), true);
    assert.equal(g.verdict("/r/a/build-tmp", true), undefined, "anchored to the .gitignore's folder");
    assert.equal(g.verdict("/r/a/cache", true), true);
    assert.equal(g.verdict("/r/a/cache", false), undefined, "cache/ names folders only");
    assert.equal(g.verdict("/r/sub/deep.ts", false), true);
    assert.equal(g.verdict("/elsewhere/x.gen.ts", false), undefined);
  });

  describe("on disk", () => {
    let dir: string;
    const touch = (rel: string, text = "export {};\n"): void => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    const rel = (files: string[]): string[] => files.map((f) => path.relative(dir, f).split(path.sep).join("/"));
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-collect-"));
      fs.mkdirSync(path.join(dir, ".git"));
      touch(".gitignore", "generated/\n*.gen.ts\n");
      for (const f of ["src/a.ts", "src/a.test.ts", "src/b.gen.ts", "src/generated/c.ts", "src/sub/d.tsx", "src/sub/e.d.ts", "node_modules/x/index.ts", "legacy/old.js"]) touch(f);
      touch("src/sub/.gitignore", "!keep.gen.ts\nlocal.ts\n");
      touch("src/sub/keep.gen.ts");
      touch("src/sub/local.ts");
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("honours .gitignore files from the repository root down, and skips node_modules and declarations", () => {
      assert.deepEqual(rel(collectFiles(["."], { cwd: dir }).files), ["legacy/old.js", "src/a.test.ts", "src/a.ts", "src/sub/d.tsx", "src/sub/keep.gen.ts"]);
      // From a subfolder, the root's .gitignore still applies.
      assert.deepEqual(rel(collectFiles(["src/sub"], { cwd: dir }).files), ["src/sub/d.tsx", "src/sub/keep.gen.ts"]);
    });

    it("applies --include and --exclude relative to the current directory", () => {
      assert.deepEqual(rel(collectFiles(["."], { cwd: dir, include: ["src/**"], exclude: ["*.test.ts", "src/sub"] }).files), ["src/a.ts"]);
      assert.deepEqual(rel(collectFiles(["."], { cwd: dir, exclude: ["legacy"] }).files), ["src/a.test.ts", "src/a.ts", "src/sub/d.tsx", "src/sub/keep.gen.ts"]);
      assert.deepEqual(rel(collectFiles(["src/b.gen.ts"], { cwd: dir }).files), ["src/b.gen.ts"], "a file named on the command line is read");
    });
  });

  it("patterns that made the regular expressions backtrack match in linear time (a hang here times the test out)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-backtrack-"));
    try {
      fs.mkdirSync(path.join(dir, ".git"));
      fs.writeFileSync(path.join(dir, ".gitignore"), "*a*a*a*a*a*a*b\n**/x/**/x/**/x/**/x/**/x/**/b\n");
      fs.writeFileSync(path.join(dir, `${"a".repeat(250)}.ts`), "export {};\n");
      const deep = path.join(dir, ...Array<string>(30).fill("x"));
      fs.mkdirSync(deep, { recursive: true });
      fs.writeFileSync(path.join(deep, "y.ts"), "export {};\n");
      const rel = (files: string[]): string[] => files.map((f) => path.relative(dir, f).split(path.sep).join("/"));
      assert.deepEqual(rel(collectFiles(["."], { cwd: dir }).files), [`${"a".repeat(250)}.ts`, `${Array(30).fill("x").join("/")}/y.ts`]);
      assert.deepEqual(rel(collectFiles(["."], { cwd: dir, include: ["**/**/**/**/**/**/**/**/**/**/**/**/z.ts"] }).files), []);
      assert.deepEqual(rel(collectFiles(["."], { cwd: dir, include: ["*a*a*a*a*a*a*b", "**/**/**/**/**/**/y.ts"] }).files), [`${Array(30).fill("x").join("/")}/y.ts`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an invalid glob is a usage error (exit 2) naming its option", () => {
    for (const [option, glob, why] of [["--include", "[z-a]", "the range z-a is empty"], ["--exclude", "{a,b", "a `{` is not closed"], ["--include", "src/[ab", "a `[` is not closed"], ["--exclude", "[[:nope:]]", "unknown class [:nope:]"], ["--include", "", "it is empty"]] as const) {
      const r = aalp(["report", ".", option, glob]);
      assert.equal(r.code, 2, `${option} ${glob}: ${r.stderr}`);
      assert.equal(r.stderr.split("\n")[0], `aalp: ${option} '${glob}' is not a valid glob: ${why}`);
    }
  });

  it("the CLI skips the fixture's git-ignored generated/ folder, and takes --include/--exclude", () => {
    const files = (args: string[]): string[] => (JSON.parse(aalp(["report", ".", "--format", "json", ...args], FIXTURE).stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
    assert.deepEqual([...new Set(files([]))], ["agents/chat.ts", "agents/refine.ts", "agents/triage.ts"]);
    assert.deepEqual([...new Set(files(["--include", "agents/t*.ts"]))], ["agents/triage.ts"]);
    assert.deepEqual([...new Set(files(["--exclude", "refine.ts", "--exclude", "agents/chat.ts"]))], ["agents/triage.ts"]);
  });
});
