// `--cache DIR`: the core's result cache on a folder (src/node/folderStorage.ts: atomic writes, only
// regular files of bounded size read), each entry checked against the schema of a result before use;
// anything else is a miss.
import Ajv, { type ValidateFunction } from "ajv";
import * as fs from "node:fs";
import * as path from "node:path";
import { ResultCache, type Project } from "../core";
import resultSchema from "../../schema/result-cache.schema.json";
import { folderStorage, sha256 } from "../node/folderStorage";
import type { ReportedFile } from "./fileReporter";

/** Larger entries are not read (a file with thousands of sites stays far below). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** Compiled on the first entry read: at load time every run paid for it (~80 ms of CPU), cache or not. */
let validResult: ValidateFunction | undefined;

/** A stored value is used only when it has the shape of a result, for this file's displayed path. */
const acceptResult =
  (display: (file: string) => string) =>
  (value: unknown, file: string): value is ReportedFile => {
    // A site whose bound is unknown has NaN estimates (the core's cache puts them back from the entry's header).
    validResult ??= new Ajv({ allErrors: false, strict: true, strictNumbers: false }).compile(resultSchema);
    if (!validResult(value)) return false;
    const r = value as unknown as ReportedFile;
    return r.file === display(file) && r.sites.every((s) => s.file === display(file)) && r.cache === undefined;
  };

/**
 * The engine's identity: the version and a digest of the running code and of the tokenizer's ranks
 * loaded beside it (`o200k.js` in the bundle): a rebuilt engine or new ranks start afresh.
 */
let engineId: string | undefined;
function engine(version: string, tsVersion: string): string {
  if (engineId === undefined) {
    let code = "";
    try {
      code = sha256(fs.readFileSync(__filename, "utf8"));
      const ranks = path.join(path.dirname(__filename), "o200k.js");
      if (fs.existsSync(ranks)) code += sha256(fs.readFileSync(ranks, "utf8"));
    } catch {
      // The running code cannot be read: this run's entries are never reused.
      code = String(Date.now());
    }
    engineId = `${version}\u0000${tsVersion}\u0000${code}`;
  }
  return engineId;
}

export interface CacheSetup {
  readonly dir: string;
  readonly version: string;
  readonly tsVersion: string;
  /** The options that change a file's result, as text. */
  readonly settings: string;
  readonly display: (file: string) => string;
}

/** Results whose skip reason depends on the machine's load are computed again next time. */
const keepResult = (r: ReportedFile): boolean => !r.skipped || !/budget/.test(r.skipped);

export function directoryCache(project: Project, setup: CacheSetup): ResultCache<ReportedFile> {
  return new ResultCache<ReportedFile>(project, {
    storage: folderStorage(setup.dir, { maxEntryBytes: MAX_ENTRY_BYTES }),
    digest: sha256,
    engine: engine(setup.version, setup.tsVersion),
    settings: setup.settings,
    accept: acceptResult(setup.display),
    keep: keepResult,
  });
}
