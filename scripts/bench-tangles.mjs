// Time against size for the engine's worst shapes (issue 21's call tangles, issue 17's import
// cycles): `npm run bench:tangles`. Runs the compiled core (out/), one process, warm (a first
// run of each shape is untimed), median of three seeds per size. Figures go in docs/performance.md.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const core = require("../out/src/core/index.js");
const gen = require("../out/test/unit/generatedPrograms.js");
const { FileAnalyzer } = require("../out/src/core/analysis/fileAnalyzer.js");

/** The findings of one generated file, and how many summaries the analysis made. */
function analyse(name, text) {
  const a = new FileAnalyzer(ts, ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true));
  const findings = a.findings();
  return { findings, summaries: a.summariesMade };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Wall and CPU time: on a shared machine the wall clock also counts other processes' turns.
const ms = (fn) => {
  const [t, c] = [performance.now(), cpuMs()];
  const r = fn();
  return { ms: performance.now() - t, cpu: cpuMs() - c, r };
};

analyse("warm.ts", gen.callTangle(20, 9));
console.log("call tangles: M functions, each calling 3 others (one in a loop); one in 10 asks the model itself");
console.log("functions  median ms  (seeds 1-3)         median cpu ms  cpu ms per function  findings  unknown  summaries made (seed 1)");
for (const m of [10, 20, 30, 35, 40, 60, 80, 100, 150, 200]) {
  const runs = [1, 2, 3].map((seed) => ms(() => analyse(`t${m}.ts`, gen.callTangle(m, seed, 10))));
  const f = runs[0].r.findings;
  const cpu = median(runs.map((r) => r.cpu));
  console.log(`${String(m).padStart(9)}  ${median(runs.map((r) => r.ms)).toFixed(0).padStart(9)}  (${runs.map((r) => r.ms.toFixed(0)).join(", ").padEnd(18)})  ${cpu.toFixed(0).padStart(13)}  ${(cpu / m).toFixed(1).padStart(19)}  ${String(f.length).padStart(8)}  ${String(f.filter((x) => x.calls.kind === "unknown").length).padStart(7)}  ${String(runs[0].r.summaries).padStart(14)}`);
}

console.log("\nimport cycles: N modules in one cycle (m_i imports m_i+1 and m_i+2), every module analysed");
console.log("modules  ms  exported summaries made");
for (const n of [7, 8, 9, 10, 11, 12, 20, 40]) {
  const files = gen.importCycle(n);
  const project = new core.Project(ts, { readFile: (p) => files[p], fileExists: (p) => p in files });
  const { ms: t } = ms(() => Object.keys(files).forEach((f) => project.analyze(f)));
  console.log(`${String(n).padStart(7)}  ${t.toFixed(0).padStart(3)}  ${project.stats.exportedSummaries}`);
}
