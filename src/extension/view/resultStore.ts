// The editor's results kept across sessions: the core's ResultCache over a folder of the extension's
// storage (the host names it when it starts the worker). Re-opening a workspace then analyses only
// the files whose text changed or that import a changed module that reaches an LLM (the cache's key
// holds the file's text and a hash over its imports); the rest come from disk. Entries follow the
// same rules as the CLI's `--cache DIR`: one file per key, written under a temporary name and
// renamed (atomic on one file system: two windows on one workspace never read half an entry), read
// only as a regular file of bounded size, and checked before use; anything else is a miss.
import * as fs from "node:fs";
import * as path from "node:path";
import { ResultCache, type Project, type ResultStorage } from "../../core";
import { folderStorage, isEntryName, sha256 } from "../../node/folderStorage";
import { ts } from "./typescriptModule";

/** Larger entries are not read (a file with thousands of sites stays far below). */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** Entries kept past a worker's start: the least recently used go first (a read marks an entry used). */
export const MAX_ENTRIES = 4000;

let storage: ResultStorage | undefined;

/** Keeps results in `dir` from now on (undefined: nowhere), past the least recently used of `limit`. False when the folder cannot be made. */
export function keepResultsIn(dir: string | undefined, limit = MAX_ENTRIES): boolean {
  storage = undefined;
  if (dir === undefined) return true;
  try {
    storage = folderStorage(dir, { maxEntryBytes: MAX_ENTRY_BYTES, touchOnRead: true });
  } catch {
    return false;
  }
  pruneEntries(dir, limit);
  return true;
}

/** Removes the least recently used entries (and temporary files left by a crash) past `limit`. */
function pruneEntries(dir: string, limit: number): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const entries: { name: string; used: number }[] = [];
  for (const name of names) {
    try {
      const st = fs.lstatSync(path.join(dir, name));
      if (isEntryName(name) && st.isFile()) entries.push({ name, used: st.mtimeMs });
      else if (name.endsWith(".tmp") && Date.now() - st.mtimeMs > 60_000) fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // Gone meanwhile (another window prunes too).
    }
  }
  if (entries.length <= limit) return;
  entries.sort((a, b) => b.used - a.used);
  for (const { name } of entries.slice(limit)) fs.rmSync(path.join(dir, name), { force: true });
}

/** Entries read and written since the worker started, over every request's cache. */
export const cacheUse = { read: 0, stored: 0 };

let engineId: string | undefined;
/** The engine's identity: TypeScript's version and a digest of the running code (a new build starts afresh). */
function engine(): string {
  if (engineId === undefined) {
    let code: string;
    try {
      code = sha256(fs.readFileSync(__filename, "utf8"));
    } catch {
      // The running code cannot be read: this session's entries are never reused.
      code = `${Date.now()}-${Math.random()}`;
    }
    engineId = `${ts.version}\u0000${code}`;
  }
  return engineId;
}

/**
 * A cache for one request (a scan, a document) over the project's current texts: its keys are
 * worked out from them once, so a later request, after an edit, makes a new one. Undefined when no
 * folder was given. `kind` and `settings` are part of every key.
 */
export function resultCache<T>(project: Project, kind: string, settings: string, accept: (value: unknown, file: string) => value is T, keep: (value: T) => boolean): ResultCache<T> | undefined {
  if (!storage) return undefined;
  return new ResultCache<T>(project, { storage, digest: sha256, engine: engine(), settings: `${kind}\u0000${settings}`, accept, keep });
}

/** The file's value from the cache when its key matches, else `make()`'s (stored when it can be reused). */
export function throughCache<T>(cache: ResultCache<T> | undefined, file: string, make: () => T): T {
  if (!cache) return make();
  const { hits, stored } = cache.stats;
  const value = cache.cached(file, make);
  cacheUse.read += cache.stats.hits - hits;
  cacheUse.stored += cache.stats.stored - stored;
  return value;
}
