// Finds the source files under the given paths, in a stable order.
import * as fs from "node:fs";
import * as path from "node:path";

const SOURCE = /\.(?:[cm]?[jt]sx?)$/i;
const DECLARATION = /\.d\.[cm]?ts$/i;
const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", "dist", "out", "build", "coverage", ".next", ".turbo", ".cache"]);

export interface Collected {
  readonly files: string[];
  readonly missing: string[];
}

export function collectFiles(paths: readonly string[]): Collected {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) walk(full);
      } else if (e.isFile() && SOURCE.test(e.name) && !DECLARATION.test(e.name)) files.add(path.resolve(full));
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.add(path.resolve(p));
  }
  return { files: [...files].sort(), missing };
}
