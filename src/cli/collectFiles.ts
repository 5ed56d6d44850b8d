// Finds the source files under the given paths, in a stable order: .gitignore files honoured (from
// the repository root down), node_modules and build folders skipped, --include/--exclude applied
// to paths relative to the current directory. Files named on the command line are always read
// unless --include/--exclude rule them out. Only regular files and folders are entered: symbolic
// links inside folders are not followed (no loops), and a FIFO or device named on the command line
// is listed as skipped instead of read (reading a FIFO blocks).
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./args";
import { Gitignore, gitignoresAbove, isIgnored } from "./gitignore";
import { GlobSet } from "./glob";
import { PatternError } from "./wildmatch";

const SOURCE = /\.(?:[cm]?[jt]sx?)$/i;
const DECLARATION = /\.d\.[cm]?ts$/i;
const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", "dist", "out", "build", "coverage", ".next", ".turbo", ".cache"]);

/** The skip reason of a path named on the command line that is not a regular file or a folder. */
export const NOT_REGULAR = "not a regular file (a FIFO, socket or device is not read)";

export interface Collected {
  readonly files: string[];
  readonly missing: string[];
  /** Paths named on the command line that are not regular files or folders. */
  readonly notRegular: string[];
  /** Set when the run's time budget ran out during the walk: the files found so far are kept. */
  readonly stopped?: string;
}

export interface CollectOptions {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Paths are matched relative to this folder (default: the current directory). */
  readonly cwd?: string;
  /** `Date.now()` after which the walk stops. */
  readonly deadline?: number;
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
  const notRegular: string[] = [];
  let stopped: string | undefined;
  const outOfTime = (): boolean => {
    if (stopped === undefined && options.deadline !== undefined && Date.now() > options.deadline) stopped = `the run's time budget ran out while listing files (${files.size} found)`;
    return stopped !== undefined;
  };
  // Folders are walked with an explicit stack: a deep tree cannot exhaust the call stack.
  const walk = (root: string, above: readonly Gitignore[]): void => {
    const stack: { dir: string; ignores: readonly Gitignore[] }[] = [{ dir: root, ignores: above }];
    while (stack.length && !outOfTime()) {
      const { dir, ignores } = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        missing.push(dir);
        continue;
      }
      const own = Gitignore.read(dir);
      const inner = own ? [...ignores, own] : ignores;
      const subdirs: string[] = [];
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith(".") && !isIgnored(inner, full, true) && !exclude.matches(relative(full))) subdirs.push(full);
        } else if (e.isFile() && SOURCE.test(e.name) && !DECLARATION.test(e.name) && !isIgnored(inner, full, false) && wanted(full)) files.add(full);
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push({ dir: subdirs[i]!, ignores: inner });
    }
  };
  for (const p of paths) {
    if (outOfTime()) break;
    const full = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(full);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(full, gitignoresAbove(full));
    else if (!st.isFile()) notRegular.push(full);
    else if (wanted(full)) files.add(full);
  }
  return { files: [...files].sort(), missing, notRegular, ...(stopped ? { stopped } : {}) };
}
