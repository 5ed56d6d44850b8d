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

/** The tsconfig to use: the given one, or the nearest one above the first path. */
export function tsconfigFor(project: string | undefined, paths: readonly string[]): string | undefined {
  return project ? path.resolve(project) : findUp(path.resolve(paths[0] ?? "."));
}

/** Type-aware mode: the program of a tsconfig (its own files, options and type roots). */
export function programOf(configFile: string | undefined): ts.Program {
  if (!configFile) throw new UsageError("--types needs a tsconfig.json (give one with --project)");
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new UsageError(`cannot read ${configFile}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  } });
  if (!parsed) throw new UsageError(`cannot read ${configFile}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true }, projectReferences: parsed.projectReferences ?? [] });
}

/** `baseUrl` and `paths` from the tsconfig. */
export function pathMapping(configFile: string | undefined, explicit: boolean): Pick<ProjectOptions, "baseUrl" | "paths"> {
  if (!configFile) return {};
  const project = explicit ? configFile : undefined;
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
