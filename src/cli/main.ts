// `aalp`: the command-line front end. A straight pipeline: collect → analyse (on this thread or in
// workers) → build the report model → write the chosen format → gate against a baseline.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import { buildReport, type FileSites, type ReportModel, type SdkEntry, bareName, showControls } from "../core";
import { parseArgs, UsageError, USAGE, type ReportArgs } from "./args";
import { baselineGate, gateMessage } from "./baselineGate";
import { collectFiles, NOT_REGULAR } from "./collectFiles";
import type { ReportedFile, ReporterSetup } from "./fileReporter";
import { limitHeapGrowth } from "./heapGrowth";
import { readCatalogFile } from "./jsonInput";
import { progress } from "./progress";
import { tsconfigFor } from "./tsconfigPath";
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


/** Worker threads: never more than the cores (each builds its own project, ~110 MB). */
function workerCount(args: ReportArgs, files: number, note: (message: string) => void): number {
  if (args.types) return 0;
  const cores = os.availableParallelism();
  if (args.workers !== "auto") {
    if (args.workers <= cores) return args.workers;
    note(`--workers ${args.workers} capped at ${cores}, the number of cores (more only add memory and time)`);
    return cores;
  }
  return files >= AUTO_WORKERS_FROM_FILES && cores >= AUTO_WORKERS_FROM_CORES ? Math.min(AUTO_WORKERS_MAX, cores - 1) : 0;
}

/** The --cache folder, created when missing (a path that cannot be a folder is a usage error). */
function cacheFolder(dir: string): string {
  const abs = path.resolve(dir);
  try {
    fs.mkdirSync(abs, { recursive: true });
  } catch (err) {
    throw new UsageError(`--cache ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return abs;
}

/** Files not analysed that standard error names one by one; the report lists them all. */
const LISTED_SKIPS = 20;

/** Skip reasons that do not fail the gate: the file is not source the analysis could read. */
const NOT_SOURCE = new Set(["cannot read", "binary file", NOT_REGULAR]);

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
  const started = Date.now();
  const deadline = args.runBudgetMs === undefined ? Infinity : started + args.runBudgetMs;
  const say = (m: string): boolean => process.stderr.write(`aalp: ${showControls(m)}\n`);
  const note = (m: string): void => void (args.quiet || say(m));
  const gateOf = baselineGate(args.baseline, args.failOn, args.includeTests);
  const cwd = process.cwd();
  const catalog = args.catalogFiles.flatMap((f) => readCatalogFile<SdkEntry>(f));
  const collected = collectFiles(args.paths, { include: args.include, exclude: args.exclude, cwd, deadline });
  const { files, missing, notRegular } = collected;
  if (missing.length && files.length === 0 && notRegular.length === 0) throw new UsageError(`no such file or directory: ${missing.join(", ")}`);
  const setup: ReporterSetup = {
    catalog,
    wrappers: args.wrappers,
    configFile: tsconfigFor(args.project, args.paths),
    explicitProject: !!args.project,
    types: args.types,
    cwd,
    siteOptions: { assume: args.assume, ...(args.scale ? { scale: args.scale } : {}) },
    priceFixes: args.fixes,
    timeBudgetMs: args.fileBudgetMs,
    files,
    ...(args.cache !== undefined && !args.types ? { cache: { dir: cacheFolder(args.cache), version: VERSION } } : {}),
  };
  if (args.cache !== undefined && args.types) note("--cache is not used with --types (a file's result there depends on the whole program's types)");
  const display = (f: string): string => path.relative(cwd, f).split(path.sep).join("/");
  limitHeapGrowth(v8);
  const shown = progress(files.length, process.stderr, args.quiet);
  const workers = workerCount(args, files.length, note);
  let analysed: (ReportedFile | undefined)[];
  if (workers > 0) analysed = await reportInWorkers(files, setup, workers, (n) => shown.tick(n), deadline);
  else {
    // Required here: a run in workers keeps TypeScript and the engine's parsing out of this thread.
    const { fileReporter } = require("./fileReporter") as typeof import("./fileReporter");
    const reportFile = fileReporter(setup);
    analysed = [];
    for (const [i, file] of files.entries()) {
      if (Date.now() > deadline) break;
      analysed.push(reportFile(file));
      shown.tick(i + 1);
    }
  }
  shown.done();
  if (setup.cache) {
    const used = (u: string): number => analysed.filter((a) => a?.cache === u).length;
    note(`cache ${showControls(args.cache!)}: ${used("read")} file${used("read") === 1 ? "" : "s"} read from it, ${used("stored")} analysed and stored`);
  }
  const outOfTime = `not analysed: the run's time budget (${args.runBudgetMs! / 1000} s) ran out`;
  const perFile: FileSites[] = [
    ...files.map((f, i) => analysed[i] ?? { file: display(f), sites: [], skipped: outOfTime }),
    ...notRegular.map((f) => ({ file: display(f), sites: [], skipped: NOT_REGULAR })),
  ];
  if (collected.stopped) say(collected.stopped);
  if (analysed.filter((a) => a !== undefined).length < files.length) say(`${files.length - analysed.filter((a) => a !== undefined).length} of ${files.length} files ${outOfTime}`);
  const model = buildReport(perFile, { version: VERSION, assume: args.assume, ...(args.scale ? { scale: args.scale } : {}) });
  const output = render(model, args.format, cwd);
  if (args.out !== undefined) fs.writeFileSync(args.out, output);
  else process.stdout.write(output);
  for (const m of missing) note(`skipped ${m}: no such file or directory`);
  for (const w of symbolWarnings(args, model)) say(`warning: ${w}`);
  for (const r of analysed) for (const p of r?.annotationProblems ?? []) say(`warning: ${r!.file}:${p.line}: @aalp ${p.message}`);
  const violations = gateOf(model);
  if (violations.length) process.stderr.write(gateMessage(violations));
  // A file the analysis could not finish hides its sites from the gate: with a gate it fails, unless allowed.
  const unanalysed: { file: string; reason: string }[] = args.failOn.length ? model.skipped.filter((s) => !NOT_SOURCE.has(s.reason)) : [];
  if (args.failOn.length && collected.stopped) unanalysed.push({ file: "(files not listed)", reason: collected.stopped });
  for (const s of unanalysed.slice(0, LISTED_SKIPS)) say(`${args.allowSkipped ? "not analysed" : "fails --fail-on: not analysed"}: ${s.file} (${s.reason})`);
  if (unanalysed.length > LISTED_SKIPS) say(`… and ${unanalysed.length - LISTED_SKIPS} more (the report lists every skipped file)`);
  if (unanalysed.length) say(`${unanalysed.length} file${unanalysed.length === 1 ? "" : "s"} not analysed${args.allowSkipped ? " (allowed by --allow-skipped)" : "; --allow-skipped lists them without failing"}`);
  return violations.length || (unanalysed.length && !args.allowSkipped) ? 1 : 0;
}
