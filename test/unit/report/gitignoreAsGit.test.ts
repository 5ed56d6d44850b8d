// .gitignore read as git reads it: each case's files are compared with what
// `git ls-files --others --exclude-standard` lists in a scratch repository. Before wildmatch.ts,
// braces, `a**b`, trailing tabs and `[[:digit:]]` differed, and a line `build{old` made the whole
// file ignored (generated/ was scanned).
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { collectFiles } from "../../../src/cli/collectFiles";

/** [.gitignore lines, files, the files git leaves (its answer, checked against git below)]. */
const CASES: [name: string, lines: string, files: string[], kept: string[]][] = [
  ["a name at any depth", "*.gen.ts", ["a.gen.ts", "s/b.gen.ts", "c.ts"], ["c.ts"]],
  ["a leading / anchors", "/top.ts", ["top.ts", "s/top.ts"], ["s/top.ts"]],
  ["a trailing / names folders only", "docs/\nnote.ts/", ["docs/a.ts", "s/docs/b.ts", "note.ts"], ["note.ts"]],
  ["! re-includes", "*.gen.ts\n!keep.gen.ts", ["a.gen.ts", "keep.gen.ts"], ["keep.gen.ts"]],
  ["braces are literal", "{a,b}.ts", ["{a,b}.ts", "a.ts", "b.ts"], ["a.ts", "b.ts"]],
  ["a**b does not cross folders", "x**y.ts", ["xzy.ts", "x/z/y.ts", "xy.ts"], ["x/z/y.ts"]],
  ["trailing tabs stay in the pattern", "tab.ts\t", ["tab.ts"], ["tab.ts"]],
  ["POSIX classes", "[[:digit:]]*.ts", ["1a.ts", "a1.ts"], ["a1.ts"]],
  ["a line git accepts leaves the others in force", "build{old\ngenerated/", ["generated/g.ts", "build{old", "src.ts"], ["src.ts"]],
  ["trailing spaces are trimmed", "sp.ts   ", ["sp.ts"], []],
  ["an escaped trailing space stays", "esc.ts\\ ", ["esc.ts", "esc.ts "], ["esc.ts"]],
  ["\\# and \\! are literal", "\\#hash.ts\n\\!bang.ts", ["#hash.ts", "!bang.ts", "hash.ts"], ["hash.ts"]],
  ["/**/ is any folders, zero included", "lib/**/deep.ts", ["lib/deep.ts", "lib/a/b/deep.ts", "x/lib/deep.ts"], ["x/lib/deep.ts"]],
  ["a leading **/ matches at any depth", "**/logs/*.ts", ["logs/a.ts", "x/y/logs/b.ts", "logs/z/c.ts"], ["logs/z/c.ts"]],
  ["a middle / anchors", "mid/*.ts", ["mid/a.ts", "s/mid/a.ts"], ["s/mid/a.ts"]],
  ["negated classes and ?", "[!a]bc.ts\nc?.ts", ["xbc.ts", "abc.ts", "c1.ts", "c12.ts"], ["abc.ts", "c12.ts"]],
  ["an unclosed [ matches nothing; CRLF line ends", "unclosed[.ts\r\ncrlf.ts\r\n", ["unclosed[.ts", "crlf.ts"], ["unclosed[.ts"]],
];

const git = (cwd: string, ...args: string[]): string => {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
};

describe(".gitignore as git reads it", () => {
  const hasGit = spawnSync("git", ["--version"]).status === 0;
  for (const [name, lines, files, kept] of CASES) {
    it(name, function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-gitignore-"));
      try {
        fs.writeFileSync(path.join(dir, ".gitignore"), lines + "\n");
        for (const f of files) {
          fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
          fs.writeFileSync(path.join(dir, f), "export {};\n");
        }
        if (hasGit) {
          git(dir, "init", "-q");
          const listed = git(dir, "-c", "core.quotePath=false", "ls-files", "-z", "--others", "--exclude-standard").split("\0").filter((f) => f && f !== ".gitignore");
          assert.deepEqual(listed.sort(), [...kept].sort(), "git's own answer");
        } else fs.mkdirSync(path.join(dir, ".git"));
        // collectFiles reads source files only: compare on the .ts names.
        const ours = collectFiles(["."], { cwd: dir }).files.map((f) => path.relative(dir, f).split(path.sep).join("/"));
        assert.deepEqual(ours.sort(), kept.filter((f) => f.endsWith(".ts")).sort());
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
