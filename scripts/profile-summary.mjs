// `node scripts/profile-summary.mjs PROFILE [--map dist/cli.js.map] [--top N]`: a V8 CPU profile of
// a report (`node --cpu-prof bin/aalp.js report <dir> --format json > /dev/null`) summarised three
// ways, each sample's time given once:
//   - by phase: the innermost frame on the sample's stack that names one (the parse, the parent
//     links, the garbage collector, loading code, the tokenizer, reading, the text scans…), else
//     "analysis" when a frame of the engine is on the stack (the per-function work), else "other";
//   - by source module, self time, through the bundle's source map (dist/cli.js is not minified);
//   - by function, self time, with its source line.
// `--under NAME` keeps only the samples with a frame of function NAME on their stack (`--under summaryIn`:
// what making summaries costs, by phase), the percentages of those samples.
// V8 keeps at most a fixed depth of stack per sample: a deep recursion of summaries loses its outer
// frames, so such samples count under their innermost frames only.
import * as fs from "node:fs";
import { SourceMap } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const PHASES = [
  ["garbage collector", /^\(garbage collector\)/],
  ["idle", /^\((idle|program)\)/],
  ["parse (createSourceFile)", /^createSourceFile /],
  ["parent links", /^(setParents|bind) .*syntaxTree\.ts/],
  ["loading code", /^(wrapSafe|compileFunction) /],
  ["tokenizer", /o200k\.js|gpt-tokenizer/],
  ["reading files", /^(readSourceFile|readFileSync|readFileUtf8) /],
  ["listing files (.gitignore)", /^collectFiles /],
  ["heritage scan", /heritageScan\.ts/],
  ["import scan", /^(importedNames|importedSpecifiers) /],
  ["catalog text scan", /^scanOf /],
  ["module resolution", /^resolve .*project\.ts/],
  ["quick fixes", /^fixOutcomes /],
  ["report sites", /^sitesOfFile /],
  ["report model and output", /^(buildReport|render) /],
  ["name resolution (scopes)", /binder\/scopes\.ts/],
];
const ENGINE = /src\/core\//;

function main(argv) {
  const file = argv.find((a, i) => !a.startsWith("--") && !["--map", "--top", "--under"].includes(argv[i - 1]));
  if (!file) throw new Error("usage: node scripts/profile-summary.mjs PROFILE [--map dist/cli.js.map] [--top N] [--under NAME]");
  const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const mapFile = option("--map", path.join(ROOT, "dist", "cli.js.map"));
  const top = Number(option("--top", "30"));
  const under = option("--under", undefined);
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const map = fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, "utf8"))) : undefined;
  const bundle = path.basename(mapFile, ".map");

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labels = new Map();
  /** The frame as "function source@line" (the engine's sources through the map), and its module. */
  const frame = (id) => {
    let known = labels.get(id);
    if (known) return known;
    const cf = nodes.get(id).callFrame;
    let module = cf.url ? cf.url.replace(/^file:\/\//, "") : cf.functionName.startsWith("(") ? cf.functionName : "(native)";
    let line = cf.lineNumber + 1;
    if (map && cf.url.endsWith(`/${bundle}`)) {
      const entry = map.findEntry(cf.lineNumber, cf.columnNumber);
      if (entry?.originalSource) {
        module = entry.originalSource;
        line = entry.originalLine + 1;
      }
    }
    module = module.startsWith(`${ROOT}/`) ? module.slice(ROOT.length + 1) : module;
    module = module.replace(/^.*?\/?((src|node_modules)\/)/, "$1");
    if (module.includes("node_modules/typescript/")) module = "typescript";
    known = { label: `${cf.functionName || "(anonymous)"} ${module}${module.startsWith("(") ? "" : `@${line}`}`, module };
    labels.set(id, known);
    return known;
  };

  const byPhase = new Map();
  const byModule = new Map();
  const byFunction = new Map();
  const add = (table, key, us) => table.set(key, (table.get(key) ?? 0) + us);
  let total = 0;
  /** Whether a frame of function `under` is on the sample's stack (every sample without `--under`). */
  const kept = (sample) => {
    if (under === undefined) return true;
    for (let id = sample; id !== undefined; id = parent.get(id)) if (nodes.get(id).callFrame.functionName === under) return true;
    return false;
  };
  profile.samples.forEach((sample, i) => {
    if (!kept(sample)) return;
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const own = frame(sample);
    add(byModule, own.module, us);
    add(byFunction, own.label, us);
    let phase;
    let engine = false;
    for (let id = sample; id !== undefined && !phase; id = parent.get(id)) {
      const { label } = frame(id);
      phase = PHASES.find(([, re]) => re.test(label))?.[0];
      engine ||= ENGINE.test(label);
    }
    add(byPhase, phase ?? (engine ? "analysis (the rest of the engine)" : "other"), us);
  });

  const rows = (title, table, n) => {
    console.log(`\n${title}`);
    for (const [key, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`${((100 * us) / total).toFixed(1).padStart(6)}% ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
    }
  };
  console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled${under === undefined ? "" : ` under ${under}`}`);
  rows("by phase (innermost frame that names one)", byPhase, PHASES.length + 2);
  rows("by module, self time", byModule, top);
  rows("by function, self time", byFunction, top);
}

main(process.argv.slice(2));
