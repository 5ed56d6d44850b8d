// `npm run bench`: performance of the analyzer on a large synthetic workspace.
//
// 1. Generates (or reuses) the workspace of scripts/bench/generate-workspace.mjs in .bench/workspace.
// 2. Runs every selected measurement `--runs` times (default 3), each run in a fresh child `node`
//    process so that peak RSS is per measurement. Inside the child, module loading and other setup
//    are untimed; the clock runs around the work only, so node startup and `require("typescript")`
//    cost the same (nothing) on every side. Runs of different measurements are interleaved to
//    spread drift (thermal, page cache) evenly.
// 3. Prints a table (median wall time, files/s, peak RSS), the ratios with their targets, and writes
//    everything to .bench/results.json. A missed target is reported, not fatal; a failing child is
//    (exit code 1).
//
// Measurements (default: all but parse-retain; a full run takes ≈ 4–5 min on 2 cores, most of it
// typecheck — pick with --only):
//   parse        read + ts.createSourceFile of every file (the baseline)
//   analysis     the CLI's `report --format json` over the workspace
//   typecheck    `tsc -p <workspace> --noEmit` through the API (the workspace type-checks cleanly)
//   type-aware   the same program + a Project over it (checker-backed) analysing each file
//   incremental  a core Project: full analysis, then re-analysis of every file after one edit of an
//                llm.ts wrapper and of a leaf file (rows incremental.full / .llm-edit / .leaf-edit)
//   cache-cold   `report --format json --cache DIR` with DIR emptied first (untimed)
//   cache-warm   the same again, DIR kept: what a second run over unchanged files costs
//   files        the CLI's per-file reporter over every file, each file timed (top 5 slowest kept)
//
// Real folders (`--repos a,b` or a `--dir` without the generator's marker; read, never written):
// per folder parse, analysis, cache-cold, cache-warm and files by default, the ratios report/parse
// (time and peak RSS) and warm/cold, the slowest files; then one table over all folders. Parse and
// the per-file reporter take the files the CLI collects (its walk, .gitignore, node_modules).
// type-aware and incremental use the engine in-process: the parent bundles src/core/index.ts into
// .bench/core.js with esbuild (typescript external) before the runs; parse and files bundle the CLI's
// file walk and per-file reporter into .bench/cli-parts/.
//
// Adding a measurement: append an entry to MEASUREMENTS (name, title, optional `requires`,
// `prepare` (runs once in the parent before the runs), `setup`, `run`, and `default: false` for
// opt-in ones); add a COMPARISONS entry for a target. `run` executes in the child between the clock
// reads and returns at least `{ files }`; extra numeric fields it returns are kept in results.json
// (`…Ms` ones are printed as time splits). A run may time its own phases: it returns
// `{ files, phases: { <phase>: { ms, cpuMs, files, … } } }` and each phase becomes a row
// "<name>.<phase>". Each child also records the 1-minute load average, a noise indicator.
//
// Options:
//   --runs N            runs per measurement (default 3)
//   --only a,b          measurements to run (default: all with default !== false)
//   --list              list measurements and exit
//   --dir PATH          workspace folder (default .bench/workspace); a folder without the generator's
//                       marker is measured as it is, like one of --repos
//   --repos A,B         real folders to measure, one after the other (comma-separated)
//   --files N --seed S  generator parameters (defaults in generate-workspace.mjs)
//   --regenerate        regenerate the workspace even if its marker matches
//   --cpu-prof          also write a V8 CPU profile of each run's timed region to .bench/profiles
//                       and print the top functions by self time (profiling slows the runs a little)
//   --timeout SECONDS   per child (default 900)
//   --cli PATH          CLI bundle to measure (default dist/cli.js; env AALP_BENCH_CLI)
// Child mode (internal): node scripts/bench.mjs --child <name> --dir <workspace> --tmp <folder>

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULTS as GEN_DEFAULTS, MARKER_NAME, ensureWorkspace, listSourceFiles } from "./bench/generate-workspace.mjs";

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT), "..");
const BENCH_DIR = path.join(ROOT, ".bench");
// The CLI bundle under test; --cli (or AALP_BENCH_CLI) points at another build, e.g. to compare.
let CLI_PATH = path.resolve(process.env.AALP_BENCH_CLI ?? path.join(ROOT, "dist", "cli.js"));
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Measurements. `setup(ctx)` and `run(ctx, state)` execute in the child process;
// ctx = { dir, tmp, ts, files (sorted relative source paths of the workspace) }.

/** @type {Array<{name: string, title: string, default?: boolean, requires?: () => string | undefined, setup?: (ctx: any) => any, run: (ctx: any, state: any) => Promise<Record<string, number>> | Record<string, number>}>} */
export const MEASUREMENTS = [
  {
    name: "parse",
    title: "baseline: read + ts.createSourceFile",
    prepare: buildCliParts,
    run: (ctx) => parseAll(ctx, false),
  },
  {
    // Opt-in: the same, but every AST stays reachable until the end, as in a tool that holds the
    // whole project in memory. Costs GC time and several times the RSS; helps read "analysis" RSS.
    name: "parse-retain",
    title: "read + ts.createSourceFile, all ASTs retained",
    default: false,
    prepare: buildCliParts,
    run: (ctx) => parseAll(ctx, true),
  },
  {
    name: "analysis",
    title: "aalp report --format json (syntactic)",
    requires: () => (fs.existsSync(CLI_PATH) ? undefined : `${path.relative(ROOT, CLI_PATH)} is missing (npm run build)`),
    setup() {
      const cli = require(CLI_PATH);
      if (typeof cli.main !== "function") throw new Error(`${CLI_PATH} exports no main()`);
      return cli;
    },
    async run(ctx, cli) {
      const out = path.join(ctx.tmp, "report.json");
      const code = await cli.main(["report", ctx.dir, "--format", "json", "--out", out, "--quiet"]);
      if (code !== 0) throw new Error(`main() returned exit code ${code}`);
      return { files: reportedFileCount(out) ?? ctx.files.length, outputBytes: fs.statSync(out).size };
    },
  },
  // The whole report (markdown: fixes priced, summary, projections), on one thread and with workers.
  ...[
    ["report-single", "aalp report --format markdown --workers 0", "0"],
    ["report-workers", "aalp report --format markdown --workers 2", "2"],
  ].map(([name, title, workers]) => ({
    name,
    title,
    requires: () => (fs.existsSync(CLI_PATH) ? undefined : `${path.relative(ROOT, CLI_PATH)} is missing (npm run build)`),
    setup: () => require(CLI_PATH),
    async run(ctx, cli) {
      const out = path.join(ctx.tmp, `${name}.md`);
      const code = await cli.main(["report", ctx.dir, "--format", "markdown", "--workers", workers, "--out", out, "--quiet"]);
      if (code !== 0) throw new Error(`main() returned exit code ${code}`);
      return { files: ctx.files.length, outputBytes: fs.statSync(out).size };
    },
  })),
  // The cache: a first run into an empty folder, then a second one over unchanged files.
  ...[
    ["cache-cold", "aalp report --format json --cache DIR (DIR empty)", true],
    ["cache-warm", "aalp report --format json --cache DIR (DIR from the cold run)", false],
  ].map(([name, title, empty]) => ({
    name,
    title,
    requires: () => (fs.existsSync(CLI_PATH) ? undefined : `${path.relative(ROOT, CLI_PATH)} is missing (npm run build)`),
    setup(ctx) {
      if (empty) fs.rmSync(cacheDirOf(ctx.dir), { recursive: true, force: true });
      return require(CLI_PATH);
    },
    async run(ctx, cli) {
      const out = path.join(ctx.tmp, `${name}.json`);
      const code = await cli.main(["report", ctx.dir, "--format", "json", "--out", out, "--quiet", "--cache", cacheDirOf(ctx.dir)]);
      if (code !== 0) throw new Error(`main() returned exit code ${code}`);
      return { files: reportedFileCount(out) ?? ctx.files.length, outputBytes: fs.statSync(out).size, cacheEntries: fs.readdirSync(cacheDirOf(ctx.dir)).length };
    },
  })),
  {
    // The CLI's per-file reporter (one Project, as `report --workers 0` runs it), each file timed: a
    // file's time includes the summaries of the modules it is the first to need. Its own time is
    // measured apart (see below).
    name: "files",
    title: "the CLI's per-file reporter, each file timed",
    prepare: buildCliParts,
    setup: (ctx) => ({ reporter: loadCliPart("fileReporter"), tsconfigPath: loadCliPart("tsconfigPath") }),
    run(ctx, { reporter, tsconfigPath }) {
      const files = cliFiles(ctx);
      // As the CLI sets it up (the run's files: the releasing of trees, the implementations index), with a longer budget so that no file is cut short.
      const report = reporter.fileReporter({ catalog: [], wrappers: [], configFile: tsconfigPath.tsconfigFor(undefined, [ctx.dir]), explicitProject: false, types: false, cwd: ctx.dir, siteOptions: { assume: {} }, priceFixes: false, timeBudgetMs: 20_000, files });
      const timed = (f) => {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const r = report(f);
        const c1 = process.cpuUsage(c0);
        return { r, ms: performance.now() - t0, cpuMs: (c1.user + c1.system) / 1000 };
      };
      const times = [];
      let sites = 0;
      let skipped = 0;
      for (const f of files) {
        const { r, ms, cpuMs } = timed(f);
        times.push({ f, ms, cpuMs, why: r.skipped });
        sites += r.sites.length;
        if (r.skipped) skipped++;
      }
      // On a loaded machine a file's wall time includes waiting for a core: the list goes by CPU time.
      const listed = [...times].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5);
      // A listed file's own time: it is reported again once the run is over. By then every file has
      // been let go (all its importers are reported) and is analysed afresh, while the answers the
      // project keeps about other modules (their summaries, clients, constants, whether they reach an
      // LLM) stay: what remains is the file's own parse and analysis. A module whose tree was let go
      // and that is asked for something not kept is parsed again inside it, so this errs high.
      const own = listed.map((t) => timed(t.f));
      const slowest = listed.map((t, i) => ({ file: path.relative(ctx.dir, t.f).split(path.sep).join("/"), ms: round(t.ms, 1), cpuMs: round(t.cpuMs, 1), ownMs: round(own[i].ms, 1), ownCpuMs: round(own[i].cpuMs, 1), ...(t.why ? { skipped: t.why } : {}) }));
      const slowestFileMs = round(Math.max(0, ...times.map((t) => t.ms)), 1);
      const slowestCpuFileMs = round(Math.max(0, ...times.map((t) => t.cpuMs)), 1);
      const slowestOwnCpuFileMs = round(Math.max(0, ...own.map((t) => t.cpuMs)), 1);
      return { files: files.length, findings: sites, skippedFiles: skipped, slowestFileMs, slowestCpuFileMs, slowestOwnCpuFileMs, slowest };
    },
  },
  {
    // A full type check of the workspace as `tsc -p <workspace> --noEmit` does it: the workspace's
    // tsconfig.json, ts.createProgram, then all pre-emit diagnostics. The yardstick of type-aware mode.
    name: "typecheck",
    title: "tsc --noEmit equivalent (createProgram + getPreEmitDiagnostics)",
    setup: (ctx) => workspaceConfig(ctx),
    run(ctx, config) {
      const { ts } = ctx;
      const t0 = performance.now();
      const program = ts.createProgram(config.fileNames, config.options);
      const t1 = performance.now();
      const diagnostics = ts.getPreEmitDiagnostics(program).length;
      const t2 = performance.now();
      return { files: programFiles(program).length, programFiles: program.getSourceFiles().length, diagnostics, createProgramMs: round(t1 - t0, 1), diagnosticsMs: round(t2 - t1, 1) };
    },
  },
  {
    // Type-aware mode as `aalp report --types` runs it: the same program as "typecheck", and a
    // Project over it (the program's source files, and its TypeChecker where the syntax has no
    // answer) analysing every workspace file.
    name: "type-aware",
    title: "createProgram + Project({ program }) analysing each file",
    requires: coreRequires,
    prepare: buildCoreBundle,
    setup: (ctx) => ({ config: workspaceConfig(ctx), core: loadCore() }),
    run(ctx, { config, core }) {
      const { ts } = ctx;
      const t0 = performance.now();
      const program = ts.createProgram(config.fileNames, config.options);
      const t1 = performance.now();
      const checker = program.getTypeChecker();
      const t2 = performance.now();
      let findings = 0;
      const files = programFiles(program);
      const host = { readFile: (p) => program.getSourceFile(p)?.text ?? ts.sys.readFile(p), fileExists: (p) => !!program.getSourceFile(p) || ts.sys.fileExists(p) };
      const project = new core.Project(ts, host, { program });
      for (const sf of files) findings += project.analyze(sf.fileName).findings.length;
      const t3 = performance.now();
      return { files: files.length, findings, typeCount: typeof checker.getTypeCount === "function" ? checker.getTypeCount() : undefined, createProgramMs: round(t1 - t0, 1), checkerMs: round(t2 - t1, 1), analyzeMs: round(t3 - t2, 1) };
    },
  },
  {
    // The editor's case: a Project that has analysed the whole workspace, then one file changes.
    // Phases (one row each): "full", the first analysis of every file through a fresh Project; then
    // EDITS successive edits of an llm.ts wrapper that several files import ("llm-edit") and, after
    // restoring it, of a leaf file nothing imports ("leaf-edit"): each edit is host text change +
    // invalidate(file) + analyze(every file) again, timed as a whole (median of the edits).
    name: "incremental",
    title: "Project: full analysis, then re-analysis after one edit",
    requires: coreRequires,
    prepare: buildCoreBundle,
    setup: (ctx) => ({ core: loadCore(), targets: incrementalTargets(ctx) }),
    run: (ctx, state) => runIncremental(ctx, state),
  },
];

const EDITS = 5;
const CORE_BUNDLE = path.join(BENCH_DIR, "core.js");
const CLI_PARTS = path.join(BENCH_DIR, "cli-parts");

/** The cache folder of a measured folder (outside it: real folders are never written). */
function cacheDirOf(dir) {
  return path.join(BENCH_DIR, "cache", createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 16));
}

/** The CLI's file walk, its tsconfig lookup and its per-file reporter as libraries (the CLI bundle exports only main). */
async function buildCliParts() {
  const { build } = await import("esbuild");
  const entryPoints = Object.fromEntries(["collectFiles", "tsconfigPath", "fileReporter"].map((n) => [n, path.join(ROOT, "src", "cli", `${n}.ts`)]));
  // The tokenizer as the CLI loads it: the built dist/o200k.js (scripts/build.mjs), not the package bundled in.
  const o200k = path.join(path.dirname(CLI_PATH), "o200k.js");
  const tokenizer = { name: "cli-tokenizer", setup: (b) => b.onResolve({ filter: /^gpt-tokenizer\/encoding\/o200k_base$/ }, () => ({ path: o200k, external: true })) };
  await build({ entryPoints, bundle: true, platform: "node", target: "node20", format: "cjs", external: ["typescript"], plugins: [tokenizer], outdir: CLI_PARTS, logLevel: "warning" });
}

function loadCliPart(name) {
  return require(path.join(CLI_PARTS, `${name}.js`));
}

/** The files `aalp report <dir>` analyses (absolute paths), as its walk finds them. */
function cliFiles(ctx) {
  return loadCliPart("collectFiles").collectFiles([ctx.dir], { cwd: ctx.dir }).files;
}

function coreRequires() {
  return fs.existsSync(path.join(ROOT, "src", "core", "index.ts")) ? undefined : "src/core/index.ts is missing";
}

/** The engine as a library (the CLI bundle exports only main), built once per bench run. */
async function buildCoreBundle() {
  const { build } = await import("esbuild");
  await build({ entryPoints: [path.join(ROOT, "src", "core", "index.ts")], bundle: true, platform: "node", target: "node20", format: "cjs", external: ["typescript"], outfile: CORE_BUNDLE, logLevel: "warning" });
}

function loadCore() {
  const core = require(CORE_BUNDLE);
  for (const name of ["Project"]) if (typeof core[name] !== "function") throw new Error(`${CORE_BUNDLE} exports no ${name}`);
  return core;
}

/** The workspace's tsconfig.json, parsed as tsc -p does. */
function workspaceConfig(ctx) {
  const { ts } = ctx;
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, " ")) };
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ctx.dir, "tsconfig.json"), { noEmit: true }, host);
  if (!config) fail(`cannot read ${path.join(ctx.dir, "tsconfig.json")}`);
  if (config.errors.length) fail(`tsconfig.json: ${config.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")).join("; ")}`);
  return config;
}

/** The program's own source files (not lib, @types or the SDK stubs). */
function programFiles(program) {
  return program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(sf.fileName));
}

// --- incremental -------------------------------------------------------------------------------

/**
 * Picks the edited files, deterministically, from a text scan of relative imports: the agents'
 * llm.ts wrapper with the median number of importers among those with at least 3, and a leaf (no
 * importer) ordinary module file of median size that reaches an LLM through its imports, or failing
 * that any leaf module file.
 */
function incrementalTargets(ctx) {
  const abs = ctx.files.map((f) => path.join(ctx.dir, f));
  const known = new Set(abs);
  const texts = new Map(abs.map((f) => [f, fs.readFileSync(f, "utf8")]));
  const importers = new Map(abs.map((f) => [f, new Set()]));
  const deps = new Map();
  const resolveRel = (spec, from) => {
    const base = path.resolve(path.dirname(from), spec);
    return [base, ...[".ts", ".tsx", ".js", ".mjs", ".cjs"].map((e) => base + e), ...[".ts", ".js"].map((e) => path.join(base, "index" + e))].find((c) => known.has(c));
  };
  for (const [f, text] of texts) {
    const ds = new Set();
    for (const m of text.matchAll(/(?:\bfrom\s*|\brequire\s*\(\s*)["'](\.{1,2}\/[^"']*|\.{1,2})["']/g)) {
      const target = resolveRel(m[1], f);
      if (target && target !== f) {
        importers.get(target).add(f);
        ds.add(target);
      }
    }
    deps.set(f, ds);
  }
  const sdk = /["'](?:openai|@anthropic-ai\/sdk|ai|@ai-sdk\/[\w-]+|ollama)["']/;
  const reaches = new Map();
  const reachesLlm = (f, seen = new Set()) => {
    if (reaches.has(f)) return reaches.get(f);
    if (seen.has(f)) return false;
    seen.add(f);
    const r = sdk.test(texts.get(f)) || [...deps.get(f)].some((d) => reachesLlm(d, seen));
    reaches.set(f, r);
    return r;
  };
  const medianBy = (xs, key) => xs.slice().sort((a, b) => key(a) - key(b) || (a < b ? -1 : 1))[Math.floor((xs.length - 1) / 2)];
  const wrappers = abs.filter((f) => /[\\/]src[\\/]agents[\\/][^\\/]+[\\/]llm\.ts$/.test(f) && importers.get(f).size >= 3);
  if (wrappers.length === 0) fail("incremental: no llm.ts wrapper with ≥ 3 importers in the workspace");
  const wrapper = medianBy(wrappers, (f) => importers.get(f).size);
  const isLeafModule = (f) => importers.get(f).size === 0 && /[\\/]src[\\/]modules[\\/]/.test(f) && /\.ts$/.test(f) && !/[\\/]index\.ts$/.test(f) && !sdk.test(texts.get(f)) && !/from "[^"]*\/llm"/.test(texts.get(f));
  const leaves = abs.filter((f) => isLeafModule(f) && reachesLlm(f));
  const leafPool = leaves.length ? leaves : abs.filter(isLeafModule);
  if (leafPool.length === 0) fail("incremental: no leaf module file in the workspace");
  const leaf = medianBy(leafPool, (f) => texts.get(f).length);
  const edit = (file, k) => {
    // A realistic edit: the wrapper's default max_tokens (it enters every caller's bound); in the
    // leaf, a changed literal. Falls back to an appended statement.
    const text = texts.get(file);
    const re = /maxTokens = (\d+)/;
    if (re.test(text)) return text.replace(re, (_, n) => `maxTokens = ${Number(n) + 16 * k}`);
    const lit = /(\b(?:limit|take|threshold)\b[^\n]*?)(\d+)/;
    if (lit.test(text)) return text.replace(lit, (_, pre, n) => `${pre}${Number(n) + k}`);
    return `${text}\nexport const benchEdit${k} = ${k};\n`;
  };
  const rel = (f) => path.relative(ctx.dir, f).split(path.sep).join("/");
  return {
    texts,
    files: abs,
    edited: [
      { phase: "llm-edit", file: wrapper, label: rel(wrapper), importers: importers.get(wrapper).size, edit },
      { phase: "leaf-edit", file: leaf, label: rel(leaf), importers: 0, reachesLlm: reachesLlm(leaf), edit },
    ],
  };
}

function runIncremental(ctx, { core, targets }) {
  const { ts } = ctx;
  const overlay = new Map();
  const host = {
    readFile: (p) => {
      if (overlay.has(p)) return overlay.get(p);
      try {
        return fs.readFileSync(p, "utf8");
      } catch {
        return undefined;
      }
    },
    fileExists: (p) => {
      if (overlay.has(p)) return true;
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
  };
  const project = new core.Project(ts, host, {});
  const files = targets.files;
  const analyzeAll = () => {
    let findings = 0;
    for (const f of files) findings += project.analyze(f).findings.length;
    return findings;
  };
  const timed = (fn) => {
    const before = { ...project.stats };
    const u0 = process.resourceUsage();
    const t0 = performance.now();
    const value = fn();
    const ms = performance.now() - t0;
    const u1 = process.resourceUsage();
    const cpuMs = (u1.userCPUTime - u0.userCPUTime + (u1.systemCPUTime - u0.systemCPUTime)) / 1000;
    return { ms, cpuMs, value, parsed: project.stats.parsed - before.parsed, analyzed: project.stats.analyzed - before.analyzed };
  };
  const full = timed(analyzeAll);
  const phases = { full: { ms: round(full.ms, 1), cpuMs: round(full.cpuMs, 1), files: files.length, parsed: full.parsed, analyzed: full.analyzed, findings: full.value } };
  for (const target of targets.edited) {
    const edits = [];
    for (let k = 1; k <= EDITS; k++) {
      overlay.set(target.file, target.edit(target.file, k));
      edits.push(
        timed(() => {
          project.invalidate(target.file);
          return analyzeAll();
        }),
      );
    }
    // Restore (untimed), so that the next target starts from the same fully cached state.
    overlay.delete(target.file);
    project.invalidate(target.file);
    const restored = analyzeAll();
    if (restored !== full.value) fail(`incremental: ${target.label} restored, but ${restored} findings instead of ${full.value}`);
    const mid = edits.slice().sort((a, b) => a.ms - b.ms)[Math.floor((edits.length - 1) / 2)];
    phases[target.phase] = {
      ms: round(mid.ms, 2),
      cpuMs: round(median(edits.map((e) => e.cpuMs)), 1),
      files: files.length,
      parsed: mid.parsed,
      analyzed: mid.analyzed,
      findings: mid.value,
      file: target.label,
      importers: target.importers,
      ...(target.reachesLlm !== undefined ? { reachesLlm: target.reachesLlm } : {}),
      editsMs: edits.map((e) => round(e.ms, 2)),
    };
  }
  return { files: files.length, phases };
}

/** Ratios to report. `target` is the largest acceptable numerator/denominator. */
// Rows of measurements with phases are named "<measurement>.<phase>". When both sides come from the
// same child (phases of one measurement), the ratio is the median of the per-run ratios; otherwise
// the ratio of the medians.
export const COMPARISONS = [
  { name: "analysis/parse", numerator: "analysis", denominator: "parse", target: 1.5, rssTarget: 2, label: "analysis ≤ 1.5× parse" },
  { name: "type-aware/typecheck", numerator: "type-aware", denominator: "typecheck", target: 1.2, label: "type-aware ≤ 1.2× tsc --noEmit" },
  { name: "llm-edit/full", numerator: "incremental.llm-edit", denominator: "incremental.full", target: 0.05, label: "re-analysis after an llm.ts edit ≤ 5% of a full analysis" },
  { name: "leaf-edit/full", numerator: "incremental.leaf-edit", denominator: "incremental.full", target: 0.05, label: "re-analysis after a leaf edit ≤ 5% of a full analysis" },
  { name: "workers/single", numerator: "report-workers", denominator: "report-single", target: 1, label: "the whole report with 2 worker threads no slower than on one thread" },
  { name: "cache warm/cold", numerator: "cache-warm", denominator: "cache-cold", target: 0.2, label: "a second run with the cache ≤ 0.2× the first" },
];

function parseAll(ctx, retain) {
  // Walks the folder as the CLI does (its .gitignore rules, no node_modules), since the analyzer has to.
  const { ts } = ctx;
  const files = fs.existsSync(path.join(CLI_PARTS, "collectFiles.js")) ? cliFiles(ctx) : listSourceFiles(ctx.dir).map((rel) => path.join(ctx.dir, rel));
  const kept = [];
  let statements = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, /* setParentNodes */ true);
    statements += sf.statements.length;
    if (retain) kept.push(sf);
  }
  return { files: files.length, statements, retained: kept.length };
}

function reportedFileCount(file) {
  // Best effort: take a file count from the report if it carries one.
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    const candidates = [report?.files, report?.summary?.files, report?.summary?.fileCount, report?.stats?.files, report?.fileCount];
    for (const c of candidates) {
      if (typeof c === "number") return c;
      if (Array.isArray(c)) return c.length;
    }
  } catch {
    // not JSON, or unreadable: fall back to the workspace count
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Child

async function childMain(argv) {
  const args = parseArgs(argv);
  const m = MEASUREMENTS.find((x) => x.name === args.child);
  if (!m) throw new Error(`unknown measurement ${args.child}`);
  const ts = require("typescript");
  const ctx = { dir: args.dir, tmp: args.tmp, ts, files: listSourceFiles(args.dir) };
  const state = m.setup ? await m.setup(ctx) : undefined;
  let session;
  if (args.profile) {
    // Profile the timed region only (not node startup or module loading).
    const inspector = await import("node:inspector/promises");
    session = new inspector.Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const u0 = process.resourceUsage();
  const t0 = performance.now();
  const result = await m.run(ctx, state);
  const ms = performance.now() - t0;
  const u1 = process.resourceUsage();
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    fs.mkdirSync(path.dirname(args.profile), { recursive: true });
    fs.writeFileSync(args.profile, JSON.stringify(profile));
    session.disconnect();
  }
  const cpuMs = (u1.userCPUTime - u0.userCPUTime + (u1.systemCPUTime - u0.systemCPUTime)) / 1000;
  const maxRssMB = u1.maxRSS / 1024;
  // The last stdout line is the result; anything the measured code printed comes before it.
  process.stdout.write("\n" + JSON.stringify({ ms: round(ms, 1), maxRssMB: round(maxRssMB, 1), cpuMs: round(cpuMs, 1), loadAvg1: round(os.loadavg()[0], 2), ...result }) + "\n");
}

// ---------------------------------------------------------------------------------------------
// Parent

function runChild(name, opts, runIndex, label) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `aalp-bench-${name}-`));
  const args = [SCRIPT, "--child", name, "--dir", opts.dir, "--tmp", tmp, "--cli", CLI_PATH];
  if (opts.cpuProf) args.push("--profile", profilePath(name, runIndex, label));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeout * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      fs.rmSync(tmp, { recursive: true, force: true });
      const last = stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop();
      let result;
      try {
        result = last ? JSON.parse(last) : undefined;
      } catch {
        result = undefined;
      }
      if (code !== 0 || !result || typeof result.ms !== "number") {
        const why = signal ? `killed by ${signal}${signal === "SIGKILL" ? ` (timeout ${opts.timeout}s?)` : ""}` : `exit code ${code}`;
        resolve({ ok: false, error: `${name} run ${runIndex + 1}: ${why}\n${tail(stderr || stdout, 30)}` });
      } else resolve({ ok: true, result });
    });
  });
}

async function parentMain(argv) {
  const opts = parseArgs(argv);
  if (opts.list) {
    for (const m of MEASUREMENTS) console.log(`${m.name.padEnd(12)} ${m.default === false ? "(opt-in) " : ""}${m.title}`);
    return 0;
  }
  // A --dir that the generator did not make is a real folder: measured as it is, never written.
  if (!opts.repos && opts.dirGiven && fs.existsSync(opts.dir) && fs.readdirSync(opts.dir).length > 0 && !fs.existsSync(path.join(opts.dir, MARKER_NAME))) opts.repos = [opts.dir];
  const defaults = opts.repos ? MEASUREMENTS.filter((m) => REPO_DEFAULTS.includes(m.name)) : MEASUREMENTS.filter((m) => m.default !== false);
  const selected = opts.only ? opts.only.map((n) => MEASUREMENTS.find((m) => m.name === n) ?? fail(`unknown measurement: ${n} (see --list)`)) : defaults;
  const missing = selected.map((m) => [m, m.requires?.()]).filter(([, why]) => why);
  if (missing.length > 0) {
    for (const [m, why] of missing) console.error(`bench: cannot run "${m.name}": ${why}`);
    return 1;
  }

  fs.mkdirSync(BENCH_DIR, { recursive: true });
  for (const prepare of new Set(selected.map((m) => m.prepare).filter(Boolean))) await prepare();
  if (opts.cpuProf) fs.rmSync(path.join(BENCH_DIR, "profiles"), { recursive: true, force: true });
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, ${opts.runs} run(s) each${opts.cpuProf ? ", CPU profiling on" : ""}`);

  const suites = [];
  if (opts.repos) {
    for (const dir of opts.repos) {
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail(`not a folder: ${dir}`);
      const st = folderStats(dir);
      console.log(`\nfolder ${dir}: ${fmtInt(st.files)} files, ${fmtInt(st.lines)} lines, ${(st.bytes / 1048576).toFixed(1)} MB (measured as it is)`);
      const suite = await runSuite({ ...opts, dir }, selected, st, path.basename(dir));
      if (!suite) return 1;
      suites.push({ dir, stats: st, ...suite });
    }
    if (suites.length > 1) printRepoSummary(suites);
  } else {
    const ws = await ensureWorkspace({ dir: opts.dir, files: opts.files, seed: opts.seed, force: opts.regenerate });
    const st = ws.stats;
    console.log(`workspace ${path.relative(ROOT, ws.dir) || ws.dir}: ${fmtInt(st.files)} files, ${fmtInt(st.lines)} lines, ${(st.bytes / 1048576).toFixed(1)} MB, ${st.agentFiles} agent files (${(st.agentShare * 100).toFixed(1)}%); ${ws.generated ? `generated in ${(ws.ms / 1000).toFixed(2)} s` : "reused"}`);
    const suite = await runSuite({ ...opts, dir: ws.dir }, selected, st, "workspace");
    if (!suite) return 1;
    suites.push({ dir: path.relative(ROOT, ws.dir) || ws.dir, stats: { ...st, reused: !ws.generated, generationMs: ws.generated ? round(ws.ms, 0) : undefined }, ...suite });
  }

  const loads = suites.flatMap((x) => Object.values(x.measurements).flatMap((m) => m.runs.map((r) => r.loadAvg1))).filter((x) => typeof x === "number");
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${os.cpus()[0]?.model ?? "?"} ×${os.cpus().length}`,
    runsPerMeasurement: opts.runs,
    loadAvg1: { min: round(Math.min(...loads), 2), max: round(Math.max(...loads), 2) },
    cpuProfiling: !!opts.cpuProf,
    ...(opts.repos
      ? { repos: suites.map((x) => ({ dir: x.dir, ...x.stats, measurements: x.measurements, comparisons: x.comparisons, profiles: x.profiles })) }
      : { workspace: { dir: suites[0].dir, ...suites[0].stats }, measurements: suites[0].measurements, comparisons: suites[0].comparisons, profiles: suites[0].profiles }),
  };
  fs.writeFileSync(path.join(BENCH_DIR, "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(ROOT, path.join(BENCH_DIR, "results.json"))}`);
  return 0;
}

/** Measurements a real folder gets by default (the others need the generated workspace's tsconfig and files). */
const REPO_DEFAULTS = ["parse", "analysis", "cache-cold", "cache-warm", "files"];

/** Every selected measurement `opts.runs` times over one folder, interleaved; its table, ratios and profiles. Undefined when a child failed. */
async function runSuite(opts, selected, st, label) {
  const runs = Object.fromEntries(selected.map((m) => [m.name, []]));
  for (let r = 0; r < opts.runs; r++) {
    for (const m of selected) {
      process.stderr.write(`  ${label}: ${m.name} run ${r + 1}/${opts.runs}…`);
      const res = await runChild(m.name, opts, r, label);
      if (!res.ok) {
        process.stderr.write(" failed\n");
        console.error(res.error);
        return undefined;
      }
      const phases = res.result.phases ? ` (${Object.entries(res.result.phases).map(([p, x]) => `${p} ${x.ms < 100 ? x.ms.toFixed(1) : x.ms.toFixed(0)} ms`).join(", ")})` : "";
      process.stderr.write(` ${res.result.ms.toFixed(0)} ms${phases}, ${res.result.maxRssMB.toFixed(0)} MB, load ${res.result.loadAvg1.toFixed(1)}\n`);
      runs[m.name].push(res.result);
    }
  }

  // One row per measurement, or per phase for measurements that report phases.
  const measurements = {};
  const rowNames = [];
  const row = (name, m, rs, title) => {
    const ms = median(rs.map((x) => x.ms));
    const files = rs[0].files;
    rowNames.push(name);
    measurements[name] = {
      title,
      measurement: m.name,
      files,
      lines: st.lines,
      medianMs: round(ms, 2),
      filesPerSec: round(files / (ms / 1000), 0),
      linesPerSec: round(st.lines / (ms / 1000), 0),
      peakRssMB: round(Math.max(...rs.map((x) => x.maxRssMB)), 1),
      medianCpuMs: round(median(rs.map((x) => x.cpuMs)), 1),
      runs: rs,
    };
  };
  for (const m of selected) {
    const rs = runs[m.name];
    if (!rs[0].phases) {
      row(m.name, m, rs, m.title);
      continue;
    }
    for (const phase of Object.keys(rs[0].phases)) {
      row(`${m.name}.${phase}`, m, rs.map((r) => ({ ...r.phases[phase], maxRssMB: r.maxRssMB, loadAvg1: r.loadAvg1 })), `${m.title}: ${phase}`);
    }
  }
  const comparisons = COMPARISONS.filter((c) => measurements[c.numerator] && measurements[c.denominator]).map((c) => {
    const num = measurements[c.numerator];
    const den = measurements[c.denominator];
    const paired = num.measurement === den.measurement;
    const ratio = paired ? median(num.runs.map((r, i) => r.ms / den.runs[i].ms)) : num.medianMs / den.medianMs;
    const rss = num.peakRssMB / den.peakRssMB;
    const rssMet = c.rssTarget === undefined ? undefined : rss <= c.rssTarget;
    // CPU time (user + system of the child) is the steadier figure on a loaded machine; with workers it sums the threads.
    const cpuRatio = num.medianCpuMs / den.medianCpuMs;
    return { name: c.name, label: c.label, ratio: round(ratio, 4), paired, rssRatio: round(rss, 3), cpuRatio: round(cpuRatio, 3), target: c.target, met: ratio <= c.target, ...(c.rssTarget !== undefined ? { rssTarget: c.rssTarget, rssMet } : {}) };
  });

  printTable(rowNames.map((n) => [n, measurements[n]]));
  printDetails(measurements);
  for (const c of comparisons) {
    const ratio = c.ratio < 0.1 ? `${(c.ratio * 100).toFixed(2)}%` : `${c.ratio.toFixed(2)}×`;
    console.log(`\n${c.name} = ${ratio} time${c.paired ? " (median of per-run ratios, same child)" : `, ${c.cpuRatio.toFixed(2)}× CPU time, ${c.rssRatio.toFixed(2)}× peak RSS`}`);
    console.log(`target: ${c.label} — ${c.met ? "met" : "NOT met"}${c.rssTarget !== undefined ? `; peak RSS ≤ ${c.rssTarget}× — ${c.rssMet ? "met" : "NOT met"}` : ""}`);
  }
  const slowest = measurements.files?.runs[0]?.slowest;
  if (slowest) {
    const worst = Math.max(...measurements.files.runs.map((r) => r.slowestFileMs));
    console.log(`\nmost CPU time per file (run 1): inclusive (with the summaries and parses of other modules it is the first to need), then its own (reported again after the run, other modules' answers kept):`);
    for (const x of slowest) console.log(`  CPU ${fmtInt(x.cpuMs ?? NaN).padStart(6)} ms (wall ${fmtInt(x.ms)} ms), own CPU ${fmtInt(x.ownCpuMs ?? NaN)} ms (wall ${fmtInt(x.ownMs ?? NaN)} ms)  ${x.file}${x.skipped ? `  (skipped: ${x.skipped})` : ""}`);
    const worstCpu = Math.max(...measurements.files.runs.map((r) => r.slowestCpuFileMs ?? NaN));
    const worstOwnCpu = Math.max(...measurements.files.runs.map((r) => r.slowestOwnCpuFileMs ?? NaN));
    console.log(`target: no file over ${SLOWEST_FILE_TARGET_MS / 1000} s — ${worst <= SLOWEST_FILE_TARGET_MS ? "met" : "NOT met"} (slowest ${fmtInt(worst)} ms wall over the runs; most CPU for one file ${fmtInt(worstCpu)} ms inclusive, ${fmtInt(worstOwnCpu)} ms of its own among those listed)`);
  }

  let profiles;
  if (opts.cpuProf) {
    profiles = {};
    for (const m of selected) {
      const file = profilePath(m.name, 0, label);
      if (!fs.existsSync(file)) continue;
      const top = summarizeProfile(file, 15);
      profiles[m.name] = { file: path.relative(ROOT, file), top };
      console.log(`\ntop self time, ${m.name} (run 1, timed region; open ${path.relative(ROOT, file)} in Chrome DevTools or VS Code):`);
      for (const t of top.functions) console.log(`  ${t.selfMs.toFixed(0).padStart(6)} ms ${t.pct.toFixed(1).padStart(5)}%  ${t.fn}  ${t.where}`);
      console.log(`  by script: ${top.scripts.map((x) => `${x.script} ${x.pct.toFixed(0)}%`).join(", ")}`);
    }
  }
  return { measurements, comparisons, profiles };
}

const SLOWEST_FILE_TARGET_MS = 2000;

/** One line per folder: the ratios the issue's targets name. */
function printRepoSummary(suites) {
  const header = ["folder", "files", "parse s", "report s", "ratio", "CPU ratio", "RSS ratio", "cold s", "warm s", "warm/cold", "slowest file ms", "CPU ms", "own CPU ms"];
  const cell = (x, f) => (x === undefined ? "—" : f(x));
  const body = suites.map(({ dir, stats, measurements: m, comparisons }) => {
    const cmp = (n) => comparisons.find((c) => c.name === n);
    return [
      path.basename(dir),
      fmtInt(stats.files),
      cell(m.parse?.medianMs, (x) => (x / 1000).toFixed(1)),
      cell(m.analysis?.medianMs, (x) => (x / 1000).toFixed(1)),
      cell(cmp("analysis/parse")?.ratio, (x) => `${x.toFixed(2)}×`),
      cell(cmp("analysis/parse")?.cpuRatio, (x) => `${x.toFixed(2)}×`),
      cell(cmp("analysis/parse")?.rssRatio, (x) => `${x.toFixed(2)}×`),
      cell(m["cache-cold"]?.medianMs, (x) => (x / 1000).toFixed(1)),
      cell(m["cache-warm"]?.medianMs, (x) => (x / 1000).toFixed(1)),
      cell(cmp("cache warm/cold")?.ratio, (x) => x.toFixed(2)),
      cell(m.files ? Math.max(...m.files.runs.map((r) => r.slowestFileMs)) : undefined, fmtInt),
      cell(m.files ? Math.max(...m.files.runs.map((r) => r.slowestCpuFileMs ?? NaN)) : undefined, fmtInt),
      cell(m.files ? Math.max(...m.files.runs.map((r) => r.slowestOwnCpuFileMs ?? NaN)) : undefined, fmtInt),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log("\n" + line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

/** Files, lines and bytes of the source files in a real folder (by the generator's listing). */
function folderStats(dir) {
  let lines = 0;
  let bytes = 0;
  const files = listSourceFiles(dir);
  for (const rel of files) {
    const buf = fs.readFileSync(path.join(dir, rel));
    bytes += buf.length;
    for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
  }
  return { files: files.length, lines, bytes };
}

function profilePath(name, runIndex, label = "workspace") {
  return path.join(BENCH_DIR, "profiles", `${label}-${name}-${runIndex + 1}.cpuprofile`);
}

function printTable(rows) {
  const header = ["measurement", "files", "lines", "files/s", "ms (median)", "peak RSS MB", "CPU ms"];
  const fmtMs = (x) => (x < 100 ? x.toFixed(1) : fmtInt(Math.round(x)));
  const body = rows.map(([name, r]) => [name, fmtInt(r.files), fmtInt(r.lines), fmtInt(r.filesPerSec), fmtMs(r.medianMs), r.peakRssMB.toFixed(0), fmtMs(r.medianCpuMs)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log("\n" + line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

/** Per-row details from the first run: time splits, counts, the edited files. */
function printDetails(measurements) {
  const lines = [];
  for (const [name, r] of Object.entries(measurements)) {
    const x = r.runs[0];
    const splits = Object.keys(x).filter((k) => k.endsWith("Ms") && k !== "cpuMs" && typeof x[k] === "number").map((k) => `${k.slice(0, -2)} ${fmtInt(median(r.runs.map((y) => y[k])))} ms`);
    const counts = ["parsed", "analyzed", "findings", "diagnostics", "programFiles"].filter((k) => typeof x[k] === "number").map((k) => `${k} ${fmtInt(x[k])}`);
    const what = x.file ? `${x.file} (${x.importers} importer${x.importers === 1 ? "" : "s"}${x.reachesLlm === false ? ", reaches no LLM" : ""}), ${x.editsMs.length} edits/run` : "";
    const parts = [what, splits.length ? `median ${splits.join(", ")}` : "", counts.join(", ")].filter(Boolean);
    if (parts.length) lines.push(`  ${name}: ${parts.join("; ")}`);
  }
  if (lines.length) console.log("\n" + lines.join("\n"));
}

/** Top functions by self time in a .cpuprofile (V8 format). */
function summarizeProfile(file, n) {
  const prof = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(prof.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const byScript = new Map();
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i] ?? 0;
    const node = byId.get(prof.samples[i]);
    if (!node) continue;
    const cf = node.callFrame;
    const key = `${cf.functionName || "(anonymous)"}\u0000${cf.url}\u0000${cf.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const script = cf.url ? shortUrl(cf.url) : cf.functionName.startsWith("(") ? cf.functionName : "(native)";
    byScript.set(script, (byScript.get(script) ?? 0) + dt);
    total += dt;
  }
  const scripts = [...byScript.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([script, us]) => ({ script, selfMs: us / 1000, pct: (100 * us) / total }));
  const functions = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => {
      const [fn, url, line] = key.split("\u0000");
      const where = url ? `${shortUrl(url)}:${Number(line) + 1}` : "";
      return { fn, where, selfMs: us / 1000, pct: (100 * us) / total };
    });
  return { functions, scripts };
}

function shortUrl(url) {
  const p = url.startsWith("file://") ? fileURLToPath(url) : url;
  const rel = path.relative(ROOT, p);
  return rel.startsWith("..") ? p : rel;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function parseArgs(argv) {
  const opts = { runs: 3, dir: path.join(BENCH_DIR, "workspace"), files: GEN_DEFAULTS.files, seed: GEN_DEFAULTS.seed, timeout: 900 };
  const value = (i) => (i + 1 < argv.length ? argv[i + 1] : fail(`${argv[i]} needs a value`));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") opts.runs = positiveInt(value(i++), a);
    else if (a === "--only") opts.only = value(i++).split(",").filter(Boolean);
    else if (a === "--dir") (opts.dir = path.resolve(value(i++))), (opts.dirGiven = true);
    else if (a === "--repos") opts.repos = value(i++).split(",").filter(Boolean).map((d) => path.resolve(d));
    else if (a === "--files") opts.files = positiveInt(value(i++), a);
    else if (a === "--seed") opts.seed = value(i++);
    else if (a === "--timeout") opts.timeout = positiveInt(value(i++), a);
    else if (a === "--regenerate") opts.regenerate = true;
    else if (a === "--cpu-prof") opts.cpuProf = true;
    else if (a === "--list") opts.list = true;
    else if (a === "--cli") CLI_PATH = path.resolve(value(i++));
    else if (a === "--child") opts.child = value(i++);
    else if (a === "--tmp") opts.tmp = value(i++);
    else if (a === "--profile") opts.profile = value(i++);
    else fail(`unknown argument: ${a}`);
  }
  return opts;
}

function positiveInt(s, flag) {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : fail(`${flag} expects a positive integer, got ${s}`);
}

function fail(msg) {
  throw new Error(msg);
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function fmtInt(n) {
  return Math.round(n).toLocaleString("en-US");
}

function tail(text, lines) {
  return text.trim().split("\n").slice(-lines).join("\n");
}

// ---------------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const isChild = argv.includes("--child");
(isChild ? childMain(argv).then(() => 0) : parentMain(argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`bench${isChild ? " child" : ""}: ${error instanceof Error ? error.stack ?? error.message : error}`);
    process.exitCode = 1;
  },
);
