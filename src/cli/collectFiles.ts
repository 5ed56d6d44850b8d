// Finds the source files under the given paths, in a stable order: .gitignore files honoured (from
// the repository root down), node_modules and build folders skipped, --include/--exclude applied
// to paths relative to the current directory. Files named on the command line are always read
// unless --include/--exclude rule them out.
import * as fs from "node:fs";
import * as path from "node:path";
import { Gitignore, gitignoresAbove, isIgnored } from "./gitignore";
import { UsageError } from "./args";
import { GlobSet } from "./glob";
import { PatternError } from "./wildmatch";

const SOURCE = /\.(?:[cm]?[jt]sx?)$/i;
const DECLARATION = /\.d\.[cm]?ts$/i;
const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", "dist", "out", "build", "coverage", ".next", ".turbo", ".cache"]);

export interface Collected {
  readonly files: string[];
  readonly missing: string[];
}

export interface CollectOptions {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Paths are matched relative to this folder (default: the current directory). */
  readonly cwd?: string;
}

/** An invalid glob is a usage error naming its option. */
function globSet(option: string, patterns: readonly string[] = []): GlobSet {
  try {
    return new GlobSet(patterns);
  } catch (err) {
    if (err instanceof PatternError) throw new UsageError(`${option} ${err.message}`);
    throw err;
  }
}

export function collectFiles(paths: readonly string[], options: CollectOptions = {}): Collected {
  const cwd = options.cwd ?? process.cwd();
  const include = globSet("--include", options.include);
  const exclude = globSet("--exclude", options.exclude);
  const relative = (p: string): string => path.relative(cwd, p).split(path.sep).join("/");
  const wanted = (file: string): boolean => (include.isEmpty || include.matches(relative(file))) && !exclude.matches(relative(file));
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string, ignores: readonly Gitignore[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    const own = Gitignore.read(dir);
    const stack = own ? [...ignores, own] : ignores;
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || e.name.startsWith(".") || isIgnored(stack, full, true) || exclude.matches(relative(full))) continue;
        walk(full, stack);
      } else if (e.isFile() && SOURCE.test(e.name) && !DECLARATION.test(e.name) && !isIgnored(stack, full, false) && wanted(full)) files.add(full);
    }
  };
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(full);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(full, gitignoresAbove(full));
    else if (wanted(full)) files.add(full);
  }
  return { files: [...files].sort(), missing };
}
