// The file system as the engine's project host, and tsconfig path mapping for imports.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { ProjectHost, ProjectOptions } from "../core";
import { UsageError } from "./args";

/**
 * A source file's text as tsc reads it: UTF-8, or UTF-16 (LE or BE) after its byte order mark.
 * Opened without blocking and read only when it is a regular file: a FIFO (or a file replaced by
 * one after the walk) would block a plain read forever. Undefined when it cannot be read.
 */
export function readSourceFile(p: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    if (!fs.fstatSync(fd).isFile()) return undefined;
    return decodeSource(fs.readFileSync(fd));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function decodeSource(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return swapped.swap16().toString("utf16le");
  }
  return bytes.toString("utf8");
}

export function nodeHost(): ProjectHost {
  return { readFile: readSourceFile, fileExists: listedFileExists() };
}

/**
 * `fileExists` for a batch run, from one listing per folder: module resolution tries up to 20
 * candidate names per import, and a `stat` per candidate was 7% of a cached run's time. A listed
 * link is followed with `stat`. Names compare as the file system does (ts.sys says whether it
 * ignores case). The listings are not refreshed: the run reads the files as they were.
 */
export function listedFileExists(): (p: string) => boolean {
  const listings = new Map<string, Map<string, boolean | "link"> | null>();
  const key = ts.sys.useCaseSensitiveFileNames ? (n: string): string => n : (n: string): string => n.toLowerCase();
  return (p) => {
    const dir = path.dirname(p);
    let listing = listings.get(dir);
    if (listing === undefined) {
      try {
        listing = new Map(fs.readdirSync(dir, { withFileTypes: true }).map((e) => [key(e.name), e.isSymbolicLink() ? "link" : e.isFile()]));
      } catch {
        listing = null;
      }
      listings.set(dir, listing);
    }
    const entry = listing?.get(key(path.basename(p)));
    if (entry !== "link") return entry === true;
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
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

/**
 * Each file's own tsconfig paths: the nearest tsconfig.json above it, when it is not the project's
 * and states `paths` or `baseUrl` (a nested example app's `"@/*": ["./*"]`); otherwise undefined,
 * so the project's mapping applies. One lookup per folder.
 */
export function nestedPathMappings(projectConfig: string | undefined): (file: string) => Pick<ProjectOptions, "baseUrl" | "paths"> | undefined {
  const nearest = new Map<string, string | null>();
  const configAbove = (dir: string): string | null => {
    let known = nearest.get(dir);
    if (known !== undefined) return known;
    const candidate = path.join(dir, "tsconfig.json");
    const parent = path.dirname(dir);
    known = isFile(candidate) ? candidate : parent === dir ? null : configAbove(parent);
    nearest.set(dir, known);
    return known;
  };
  const mappings = new Map<string, Pick<ProjectOptions, "baseUrl" | "paths"> | undefined>();
  const root = projectConfig && path.resolve(projectConfig);
  const mappingOf = (file: string): Pick<ProjectOptions, "baseUrl" | "paths"> | undefined => {
    const config = configAbove(path.dirname(path.resolve(file)));
    if (!config || config === root) return undefined;
    if (!mappings.has(config)) {
      const own = pathMapping(config, false);
      mappings.set(config, own.paths || own.baseUrl ? own : undefined);
    }
    return mappings.get(config);
  };
  // Asked once per import of a file: the file's answer is kept (path.resolve per question was a tenth of a cached run's resolution).
  const byFile = new Map<string, Pick<ProjectOptions, "baseUrl" | "paths"> | undefined>();
  return (file) => {
    if (!byFile.has(file)) byFile.set(file, mappingOf(file));
    return byFile.get(file);
  };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
