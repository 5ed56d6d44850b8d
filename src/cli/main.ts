// `aalp`: the command-line front end. A straight pipeline: collect → analyse → present; the
// engine does the analysis, this file only reads files and writes the chosen format.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { Project, reportJson, reportText, type FileAnalysis, type SdkEntry } from "../core";
import { parseArgs, UsageError, USAGE, type ReportArgs } from "./args";
import { collectFiles } from "./collectFiles";
import { nodeHost, pathMapping, programOf, tsconfigFor } from "./projectHost";

declare const AALP_VERSION: string;
const VERSION = typeof AALP_VERSION === "string" ? AALP_VERSION : "0.0.0-dev";

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      process.stdout.write(USAGE + "\n");
      return 0;
    }
    if (args.command === "version") {
      process.stdout.write(VERSION + "\n");
      return 0;
    }
    return report(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`aalp: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}

function readCatalog(file: string): SdkEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new UsageError(`cannot read catalog ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`catalog ${file} must be a JSON array of SDK entries`);
  return parsed as SdkEntry[];
}

function report(args: ReportArgs): number {
  const catalog = args.catalogFiles.flatMap(readCatalog);
  const options = { catalog, wrappers: args.wrappers };
  const { files, missing } = collectFiles(args.paths);
  if (missing.length && files.length === 0) throw new UsageError(`no such file or directory: ${missing.join(", ")}`);
  const configFile = tsconfigFor(args.project, args.paths);
  const program = args.types ? programOf(configFile) : undefined;
  const project = new Project(ts, nodeHost(), { ...options, ...pathMapping(configFile, !!args.project), ...(program ? { program } : {}) });
  const results: FileAnalysis[] = files.map((file) => project.analyze(file));
  const cwd = process.cwd();
  const display = (f: string): string => path.relative(cwd, f).split(path.sep).join("/");
  let output: string;
  if (args.format === "json") {
    output = JSON.stringify(reportJson(results, VERSION, display, args.assume), null, 2) + "\n";
  } else {
    output = reportText(results, display);
  }
  if (args.out) fs.writeFileSync(args.out, output);
  else process.stdout.write(output);
  if (!args.quiet) for (const m of missing) process.stderr.write(`aalp: skipped ${m}: no such file or directory\n`);
  return 0;
}
