// .gitignore as git reads it (gitignore(5)): comments, `!` negation, trailing spaces trimmed unless
// quoted with `\`, a trailing CR dropped, a trailing `/` for folders only, a `/` at the start or in
// the middle anchors the pattern to the .gitignore's folder, otherwise it matches a name at any
// depth; the patterns are git's wildmatch (wildmatch.ts), braces included as literal characters.
// Later lines win; deeper .gitignore files win over shallower ones. A pattern git never matches (an
// unclosed `[`) matches nothing here too, and leaves the other lines in force.
import * as fs from "node:fs";
import * as path from "node:path";
import { compilePattern, type Pattern } from "./wildmatch";

interface Rule {
  readonly pattern: Pattern;
  readonly negated: boolean;
  readonly dirOnly: boolean;
  /** Matched against the path from the .gitignore's folder; otherwise against the name. */
  readonly anchored: boolean;
}

/** git's trim_trailing_spaces: spaces at the end go, unless the first of them is quoted by `\`. */
function trimTrailingSpaces(line: string): string {
  let lastSpace = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === " ") {
      if (lastSpace < 0) lastSpace = i;
    } else {
      if (c === "\\" && ++i >= line.length) return line;
      lastSpace = -1;
    }
  }
  return lastSpace < 0 ? line : line.slice(0, lastSpace);
}

export class Gitignore {
  private constructor(
    /** The folder the .gitignore is in. */
    readonly dir: string,
    private readonly rules: readonly Rule[],
  ) {}

  static parse(dir: string, text: string): Gitignore {
    const rules: Rule[] = [];
    for (const raw of text.split("\n")) {
      if (raw.startsWith("#")) continue;
      let line = trimTrailingSpaces(raw.endsWith("\r") ? raw.slice(0, -1) : raw);
      const negated = line.startsWith("!");
      if (negated) line = line.slice(1);
      const dirOnly = line.endsWith("/");
      if (dirOnly) line = line.slice(0, -1);
      const anchored = line.includes("/");
      if (line.startsWith("/")) line = line.slice(1);
      if (line) rules.push({ pattern: compilePattern(line, false), negated, dirOnly, anchored });
    }
    return new Gitignore(dir, rules);
  }

  /** The .gitignore in `dir`, if any. */
  static read(dir: string): Gitignore | undefined {
    const file = path.join(dir, ".gitignore");
    try {
      // A .gitignore that is a FIFO or a folder is not read (a FIFO would block the walk).
      if (!fs.statSync(file).isFile()) return undefined;
      return Gitignore.parse(dir, fs.readFileSync(file, "utf8"));
    } catch {
      return undefined;
    }
  }

  /** true: ignored, false: re-included by a `!` line, undefined: no line speaks of it. */
  verdict(fullPath: string, isDir: boolean): boolean | undefined {
    const rel = path.relative(this.dir, fullPath).split(path.sep).join("/");
    if (!rel || rel.startsWith("..")) return undefined;
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const r = this.rules[i]!;
      if (r.dirOnly && !isDir) continue;
      if (r.pattern.matches(r.anchored ? rel : name)) return !r.negated;
    }
    return undefined;
  }
}

/** Whether the innermost .gitignore with a verdict ignores the path (`stack` outermost first). */
export function isIgnored(stack: readonly Gitignore[], fullPath: string, isDir: boolean): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const v = stack[i]!.verdict(fullPath, isDir);
    if (v !== undefined) return v;
  }
  return false;
}

/** The .gitignore files that apply to `dir` from above it: from its repository's root down to its parent. */
export function gitignoresAbove(dir: string): Gitignore[] {
  if (fs.existsSync(path.join(dir, ".git"))) return [];
  const chain: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    chain.unshift(d);
    if (fs.existsSync(path.join(d, ".git")) || path.dirname(d) === d) break;
  }
  // Outside a repository no .gitignore above the folder applies.
  if (!fs.existsSync(path.join(chain[0]!, ".git"))) return [];
  return chain.flatMap((d) => Gitignore.read(d) ?? []);
}
