// Which tsconfig a run reads, found with the file system alone: the main thread of a run in workers
// needs it but never TypeScript itself (see workerPool.ts).
import * as fs from "node:fs";
import * as path from "node:path";

/** The tsconfig to use: the given one, or the nearest one above the first path. */
export function tsconfigFor(project: string | undefined, paths: readonly string[]): string | undefined {
  return project ? path.resolve(project) : findUp(path.resolve(paths[0] ?? "."));
}

function findUp(start: string): string | undefined {
  let dir = fs.existsSync(start) && fs.statSync(start).isDirectory() ? start : path.dirname(start);
  for (;;) {
    const candidate = path.join(dir, "tsconfig.json");
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
