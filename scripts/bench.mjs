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
// Adding a measurement: append an entry to MEASUREMENTS (name, title, optional `requires`,
// `setup`, `run`, and `default: false` for opt-in ones); add a COMPARISONS entry for a target.
// `run` executes in the child between the clock reads and returns at least `{ files }`; extra
// numeric fields it returns are kept in results.json.
//
// Options:
//   --runs N            runs per measurement (default 3)
//   --only a,b          measurements to run (default: all with default !== false)
//   --list              list measurements and exit
//   --dir PATH          workspace folder (default .bench/workspace)
//   --files N --seed S  generator parameters (defaults in generate-workspace.mjs)
//   --regenerate        regenerate the workspace even if its marker matches
//   --cpu-prof          also write a V8 CPU profile of each run's timed region to .bench/profiles
//                       and print the top functions by self time (profiling slows the runs a little)
//   --timeout SECONDS   per child (default 900)
//   --cli PATH          CLI bundle to measure (default dist/cli.js; env AALP_BENCH_CLI)
// Child mode (internal): node scripts/bench.mjs --child <name> --dir <workspace> --tmp <folder>

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULTS as GEN_DEFAULTS, ensureWorkspace, listSourceFiles } from "./bench/generate-workspace.mjs";

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
    run: (ctx) => parseAll(ctx, false),
  },
  {
    // Opt-in: the same, but every AST stays reachable until the end, as in a tool that holds the
    // whole project in memory. Costs GC time and several times the RSS; helps read "analysis" RSS.
    name: "parse-retain",
    title: "read + ts.createSourceFile, all ASTs retained",
    default: false,
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
  {
    // Opt-in (--only typecheck): a full type check, the yardstick of the type-aware mode to come.
    name: "typecheck",
    title: "tsc --noEmit equivalent (ts.createProgram + diagnostics)",
    default: false,
    run(ctx) {
      const { ts } = ctx;
      const options = { noEmit: true, allowJs: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, esModuleInterop: true, types: [] };
      const program = ts.createProgram(ctx.files.map((f) => path.join(ctx.dir, f)), options);
      const diagnostics = ts.getPreEmitDiagnostics(program).length;
      return { files: program.getSourceFiles().filter((sf) => !sf.isDeclarationFile).length, diagnostics };
    },
  },
];

/** Ratios to report. `target` is the largest acceptable numerator/denominator. */
export const COMPARISONS = [{ name: "analysis/parse", numerator: "analysis", denominator: "parse", target: 1.5, label: "analysis ≤ 1.5× parse" }];

function parseAll(ctx, retain) {
  // Walks the folder too, since the analyzer has to.
  const { ts } = ctx;
  const files = listSourceFiles(ctx.dir);
  const kept = [];
  let statements = 0;
  for (const rel of files) {
    const text = fs.readFileSync(path.join(ctx.dir, rel), "utf8");
    const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, /* setParentNodes */ true);
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
  process.stdout.write("\n" + JSON.stringify({ ms: round(ms, 1), maxRssMB: round(maxRssMB, 1), cpuMs: round(cpuMs, 1), ...result }) + "\n");
}

// ---------------------------------------------------------------------------------------------
// Parent

function runChild(name, opts, runIndex) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `aalp-bench-${name}-`));
  const args = [SCRIPT, "--child", name, "--dir", opts.dir, "--tmp", tmp, "--cli", CLI_PATH];
  if (opts.cpuProf) args.push("--profile", profilePath(name, runIndex));
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
  const selected = opts.only ? opts.only.map((n) => MEASUREMENTS.find((m) => m.name === n) ?? fail(`unknown measurement: ${n} (see --list)`)) : MEASUREMENTS.filter((m) => m.default !== false);
  const missing = selected.map((m) => [m, m.requires?.()]).filter(([, why]) => why);
  if (missing.length > 0) {
    for (const [m, why] of missing) console.error(`bench: cannot run "${m.name}": ${why}`);
    return 1;
  }

  fs.mkdirSync(BENCH_DIR, { recursive: true });
  if (opts.cpuProf) fs.rmSync(path.join(BENCH_DIR, "profiles"), { recursive: true, force: true });
  const ws = await ensureWorkspace({ dir: opts.dir, files: opts.files, seed: opts.seed, force: opts.regenerate });
  opts.dir = ws.dir;
  const st = ws.stats;
  console.log(`workspace ${path.relative(ROOT, ws.dir) || ws.dir}: ${fmtInt(st.files)} files, ${fmtInt(st.lines)} lines, ${(st.bytes / 1048576).toFixed(1)} MB, ${st.agentFiles} agent files (${(st.agentShare * 100).toFixed(1)}%); ${ws.generated ? `generated in ${(ws.ms / 1000).toFixed(2)} s` : "reused"}`);
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, ${opts.runs} run(s) each${opts.cpuProf ? ", CPU profiling on" : ""}`);

  const runs = Object.fromEntries(selected.map((m) => [m.name, []]));
  for (let r = 0; r < opts.runs; r++) {
    for (const m of selected) {
      process.stderr.write(`  ${m.name} run ${r + 1}/${opts.runs}…`);
      const res = await runChild(m.name, opts, r);
      if (!res.ok) {
        process.stderr.write(" failed\n");
        console.error(res.error);
        return 1;
      }
      process.stderr.write(` ${res.result.ms.toFixed(0)} ms, ${res.result.maxRssMB.toFixed(0)} MB\n`);
      runs[m.name].push(res.result);
    }
  }

  const measurements = {};
  for (const m of selected) {
    const rs = runs[m.name];
    const ms = median(rs.map((x) => x.ms));
    const files = rs[0].files;
    measurements[m.name] = {
      title: m.title,
      files,
      lines: st.lines,
      medianMs: round(ms, 1),
      filesPerSec: round(files / (ms / 1000), 0),
      linesPerSec: round(st.lines / (ms / 1000), 0),
      peakRssMB: round(Math.max(...rs.map((x) => x.maxRssMB)), 1),
      medianCpuMs: round(median(rs.map((x) => x.cpuMs)), 1),
      runs: rs,
    };
  }
  const comparisons = COMPARISONS.filter((c) => measurements[c.numerator] && measurements[c.denominator]).map((c) => {
    const ratio = measurements[c.numerator].medianMs / measurements[c.denominator].medianMs;
    const rss = measurements[c.numerator].peakRssMB / measurements[c.denominator].peakRssMB;
    return { name: c.name, label: c.label, ratio: round(ratio, 3), rssRatio: round(rss, 3), target: c.target, met: ratio <= c.target };
  });

  printTable(selected.map((m) => [m.name, measurements[m.name]]));
  for (const c of comparisons) {
    console.log(`\n${c.name} = ${c.ratio.toFixed(2)}× time, ${c.rssRatio.toFixed(2)}× peak RSS`);
    console.log(`target: ${c.label} — ${c.met ? "met" : "NOT met"}`);
  }

  let profiles;
  if (opts.cpuProf) {
    profiles = {};
    for (const m of selected) {
      const file = profilePath(m.name, 0);
      if (!fs.existsSync(file)) continue;
      const top = summarizeProfile(file, 15);
      profiles[m.name] = { file: path.relative(ROOT, file), top };
      console.log(`\ntop self time, ${m.name} (run 1, timed region; open ${path.relative(ROOT, file)} in Chrome DevTools or VS Code):`);
      for (const t of top.functions) console.log(`  ${t.selfMs.toFixed(0).padStart(6)} ms ${t.pct.toFixed(1).padStart(5)}%  ${t.fn}  ${t.where}`);
      console.log(`  by script: ${top.scripts.map((x) => `${x.script} ${x.pct.toFixed(0)}%`).join(", ")}`);
    }
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${os.cpus()[0]?.model ?? "?"} ×${os.cpus().length}`,
    runsPerMeasurement: opts.runs,
    cpuProfiling: !!opts.cpuProf,
    workspace: { dir: path.relative(ROOT, ws.dir) || ws.dir, reused: !ws.generated, generationMs: ws.generated ? round(ws.ms, 0) : undefined, ...st },
    measurements,
    comparisons,
    profiles,
  };
  fs.writeFileSync(path.join(BENCH_DIR, "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(ROOT, path.join(BENCH_DIR, "results.json"))}`);
  return 0;
}

function profilePath(name, runIndex) {
  return path.join(BENCH_DIR, "profiles", `${name}-${runIndex + 1}.cpuprofile`);
}

function printTable(rows) {
  const header = ["measurement", "files", "lines", "files/s", "ms (median)", "peak RSS MB", "CPU ms"];
  const body = rows.map(([name, r]) => [name, fmtInt(r.files), fmtInt(r.lines), fmtInt(r.filesPerSec), fmtInt(Math.round(r.medianMs)), r.peakRssMB.toFixed(0), fmtInt(Math.round(r.medianCpuMs))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log("\n" + line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
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
    else if (a === "--dir") opts.dir = path.resolve(value(i++));
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
