// The common subset of .gitignore: comments, `!` negation, trailing `/` for directories only,
// patterns anchored by a `/` (to the .gitignore's folder) or matching a name at any depth, and
// the glob syntax of glob.ts. Later lines win; deeper .gitignore files win over shallower ones.
import * as fs from "node:fs";
import * as path from "node:path";
import { globToRegExp } from "./glob";

interface Rule {
  readonly regex: RegExp;
  readonly negated: boolean;
  readonly dirOnly: boolean;
  /** Matched against the path from the .gitignore's folder; otherwise against the name. */
  readonly anchored: boolean;
}

export class Gitignore {
  private constructor(
    /** The folder the .gitignore is in. */
    readonly dir: string,
    private readonly rules: readonly Rule[],
  ) {}

  static parse(dir: string, text: string): Gitignore {
    const rules: Rule[] = [];
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.replace(/(?<!\\)\s+$/, "");
      if (!line || line.startsWith("#")) continue;
      const negated = line.startsWith("!");
      if (negated) line = line.slice(1);
      else if (line.startsWith("\\!") || line.startsWith("\\#")) line = line.slice(1);
      const dirOnly = line.endsWith("/");
      if (dirOnly) line = line.slice(0, -1);
      const anchored = line.includes("/");
      line = line.replace(/^\//, "");
      if (line) rules.push({ regex: globToRegExp(line), negated, dirOnly, anchored });
    }
    return new Gitignore(dir, rules);
  }

  /** The .gitignore in `dir`, if any. */
  static read(dir: string): Gitignore | undefined {
    try {
      return Gitignore.parse(dir, fs.readFileSync(path.join(dir, ".gitignore"), "utf8"));
    } catch {
      return undefined;
    }
  }

  /** true: ignored, false: re-included by a `!` line, undefined: no line speaks of it. */
  verdict(fullPath: string, isDir: boolean): boolean | undefined {
    const rel = path.relative(this.dir, fullPath).split(path.sep).join("/");
    if (!rel || rel.startsWith("..")) return undefined;
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    let result: boolean | undefined;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.regex.test(r.anchored ? rel : name)) result = !r.negated;
    }
    return result;
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
