// `aalp`: the command-line front end. A straight pipeline: collect → analyse (on this thread or in
// workers) → build the report model → write the chosen format → gate against a baseline.
import * as fs from "node:fs";
import * as os from "node:os";
import { buildReport, type FileSites, type ReportModel, type SdkEntry } from "../core";
import { bareName } from "../core/report/estimate";
import { showControls } from "../core/report/escapeText";
import { parseArgs, UsageError, USAGE, type ReportArgs } from "./args";
import { baselineGate, gateMessage } from "./baselineGate";
import { collectFiles } from "./collectFiles";
import { fileReporter, type ReporterSetup } from "./fileReporter";
import { readCatalogFile } from "./jsonInput";
import { progress } from "./progress";
import { tsconfigFor } from "./projectHost";
import { render } from "./render";
import { reportInWorkers } from "./workerPool";

declare const AALP_VERSION: string;
const VERSION = typeof AALP_VERSION === "string" ? AALP_VERSION : "0.0.0-dev";

/**
 * `--workers auto`: workers only for large workspaces on machines with cores to spare. Each worker
 * re-derives the cross-file summaries it needs, so on 2 cores the 2,400-file benchmark ran slower
 * in workers (≈ 11 s) than on one thread (≈ 9 s).
 */
const AUTO_WORKERS_FROM_FILES = 1000;
const AUTO_WORKERS_FROM_CORES = 4;
const AUTO_WORKERS_MAX = 4;

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
    return await report(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`aalp: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}


function workerCount(args: ReportArgs, files: number): number {
  if (args.types) return 0;
  if (args.workers !== "auto") return args.workers;
  const cores = os.availableParallelism();
  return files >= AUTO_WORKERS_FROM_FILES && cores >= AUTO_WORKERS_FROM_CORES ? Math.min(AUTO_WORKERS_MAX, cores - 1) : 0;
}

/** --assume and --scale symbols that no reported site's bounds use (a typo drops an assumption without a word otherwise). */
function symbolWarnings(args: ReportArgs, model: ReportModel): string[] {
  const used = new Set(model.sites.flatMap((s) => s.symbols.map((x) => bareName(x.name))));
  const unused = (name: string): boolean => !used.has(bareName(name));
  return [
    ...Object.keys(args.assume).filter(unused).map((n) => `--assume ${n}: no reported site's bounds use this symbol`),
    ...(args.scale !== undefined && unused(args.scale) ? [`--scale ${args.scale}: no reported site's bounds use this symbol`] : []),
  ];
}

async function report(args: ReportArgs): Promise<number> {
  const gateOf = baselineGate(args.baseline, args.failOn);
  const cwd = process.cwd();
  const { files, missing } = collectFiles(args.paths, { include: args.include, exclude: args.exclude, cwd });
  if (missing.length && files.length === 0) throw new UsageError(`no such file or directory: ${missing.join(", ")}`);
  const setup: ReporterSetup = {
    catalog: args.catalogFiles.flatMap((f) => readCatalogFile<SdkEntry>(f)),
    wrappers: args.wrappers,
    configFile: tsconfigFor(args.project, args.paths),
    explicitProject: !!args.project,
    types: args.types,
    cwd,
    siteOptions: { assume: args.assume, ...(args.scale ? { scale: args.scale } : {}) },
    priceFixes: args.fixes,
  };
  const shown = progress(files.length, process.stderr, args.quiet);
  const workers = workerCount(args, files.length);
  let perFile: FileSites[];
  if (workers > 0) perFile = await reportInWorkers(files, setup, workers, (n) => shown.tick(n));
  else {
    const reportFile = fileReporter(setup);
    perFile = files.map((file, i) => {
      const r = reportFile(file);
      shown.tick(i + 1);
      return r;
    });
  }
  shown.done();
  const model = buildReport(perFile, { version: VERSION, assume: args.assume, ...(args.scale ? { scale: args.scale } : {}) });
  const output = render(model, args.format, cwd);
  if (args.out) fs.writeFileSync(args.out, output);
  else process.stdout.write(output);
  if (!args.quiet) for (const m of missing) process.stderr.write(`aalp: skipped ${m}: no such file or directory\n`);
  for (const w of symbolWarnings(args, model)) process.stderr.write(`aalp: warning: ${showControls(w)}\n`);
  const violations = gateOf(model);
  if (violations.length) process.stderr.write(gateMessage(violations));
  return violations.length ? 1 : 0;
}
