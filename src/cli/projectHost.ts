// The file system as the engine's project host, and tsconfig path mapping for imports.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { ProjectHost, ProjectOptions } from "../core";
import { UsageError } from "./args";

export function nodeHost(): ProjectHost {
  return {
    readFile: (p) => {
      try {
        return fs.readFileSync(p, "utf8");
      } catch {
        return undefined;
      }
    },
    fileExists: (p) => {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
  };
}

/** `baseUrl` and `paths` from the given tsconfig, or from the nearest one above the first path. */
export function pathMapping(project: string | undefined, paths: readonly string[]): Pick<ProjectOptions, "baseUrl" | "paths"> {
  const configFile = project ? path.resolve(project) : findUp(path.resolve(paths[0] ?? "."));
  if (!configFile) return {};
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) {
    if (project) throw new UsageError(`cannot read ${project}: ${ts.flattenDiagnosticMessageText(read.error.messageText, " ")}`);
    return {};
  }
  const options = (read.config as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }).compilerOptions ?? {};
  const dir = path.dirname(configFile);
  const baseUrl = options.baseUrl !== undefined ? path.resolve(dir, options.baseUrl) : options.paths ? dir : undefined;
  return { ...(baseUrl ? { baseUrl } : {}), ...(options.paths ? { paths: options.paths } : {}) };
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
