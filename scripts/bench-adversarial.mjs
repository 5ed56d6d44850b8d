// Time on the engine's adversarial inputs (issue 21, issue 16 item 6): `npm run bench:adversarial`.
// 1. TypeScript's own typescript.js minified with esbuild, an `openai` import put in front, cut at
//    statement boundaries to 1.2 MB and 1.9 MB (generated here into the temp folder, not committed):
//    the whole CLI run in a fresh process (wall and CPU), then parse and analysis apart, warm.
// 2. Each pathological shape of the fuzz suite (test/fuzz/generators.ts) over its range of sizes:
//    the slowest size, warm, median of three.
// 3. Chains and cycles of summaries 10–50 deep (test/unit/generatedPrograms.ts), in one file and
//    one module per level: the slowest file.
// Wall-clock figures on a shared machine are noisy: CPU time (user + system) is printed beside
// them. Figures go in docs/performance.md ("Adversarial inputs").
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const core = require("../out/src/core/index.js");
const { FileAnalyzer } = require("../out/src/core/analysis/fileAnalyzer.js");
const { parseAnnotations } = require("../out/src/core/annotations.js");
const fuzz = require("../out/test/fuzz/generators.js");
const gen = require("../out/test/unit/generatedPrograms.js");

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Median wall and CPU ms of `runs` runs of fn, and its last result. */
function timed(fn, runs = 3) {
  const walls = [];
  const cpus = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const [t, c] = [performance.now(), cpuMs()];
    result = fn();
    walls.push(performance.now() - t);
    cpus.push(cpuMs() - c);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(walls), cpu: median(cpus), result };
}
const pad = (x, n) => String(x).padStart(n);

// 1. Minified typescript.js.
/** typescript.js minified, with `import OpenAI from "openai"` in front, cut to at most `limit` characters at statement boundaries. */
function minifiedPrefixes(limits) {
  const minified = transformSync(fs.readFileSync(require.resolve("typescript/lib/typescript.js"), "utf8"), { minify: true, loader: "js" }).code;
  const sf = ts.createSourceFile("ts.min.js", minified, ts.ScriptTarget.Latest, false);
  // `var ts = {}; ((module) => { …every statement… })({ … });`: cut inside the function's body.
  const statement = sf.statements.find((s) => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression));
  const callee = statement.expression.expression;
  const fn = ts.isParenthesizedExpression(callee) ? callee.expression : callee;
  // Whole statements while they fit; a function that does not is entered and cut inside its body.
  const cut = (statements, from, budget) => {
    let out = "";
    let at = from;
    for (const s of statements) {
      const piece = minified.slice(at, s.end);
      if (out.length + piece.length <= budget) {
        out += piece;
        at = s.end;
        continue;
      }
      if (ts.isFunctionDeclaration(s) && s.body?.statements.length) {
        const open = minified.slice(at, s.body.statements[0].pos);
        out += `${open}${cut(s.body.statements, s.body.statements[0].pos, budget - out.length - open.length - 1)}}`;
      }
      break;
    }
    return out;
  };
  const head = `import OpenAI from "openai";\n${minified.slice(0, statement.pos)}(${minified.slice(fn.pos, fn.body.statements[0].pos)}`;
  const tail = "})();\n";
  return limits.map((limit) => head + cut(fn.body.statements, fn.body.statements[0].pos, limit - head.length - tail.length) + tail);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-bench-"));
try {
  console.log("typescript.js minified, an openai import in front, cut at statement boundaries (+: and a client used once at the end)");
  console.log("prefix      chars  syntax errors  CLI wall ms  CLI cpu ms  parse ms (cpu)  analysis ms (cpu)  summaries  findings");
  const [small, large] = minifiedPrefixes([1_200_000, 1_900_000]);
  // The same with the client used once: the import is then a source, and every call is classified.
  const used = `const ai = new OpenAI();\nexport async function ask(q) { return ai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] }); }\n`;
  for (const [name, text] of [["1.2 MB", small], ["1.9 MB", large], ["1.2 MB+", small + used], ["1.9 MB+", large + used]]) {
    const file = path.join(dir, `typescript-${name.replace(/\W/g, "")}.js`);
    fs.writeFileSync(file, text);
    // The CLI in a fresh process, its own CPU time reported on exit.
    const probe = `require(${JSON.stringify(path.join(root, "dist/cli.js"))}).main(["report", ${JSON.stringify(file)}, "--workers", "0", "--format", "json", "--out", ${JSON.stringify(path.join(dir, "out.json"))}]).then((code) => { const u = process.cpuUsage(); process.stderr.write("\\n" + JSON.stringify({ code, cpu: (u.user + u.system) / 1000 })); });`;
    const t = performance.now();
    const run = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
    const wall = performance.now() - t;
    const { code, cpu } = JSON.parse(run.stderr.trim().split("\n").pop());
    if (code !== 0) throw new Error(`the CLI exited ${code}: ${run.stderr}`);
    const report = JSON.parse(fs.readFileSync(path.join(dir, "out.json"), "utf8"));
    const parse = timed(() => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
    const errors = parse.result.parseDiagnostics.length;
    const analysis = timed(() => {
      const a = new FileAnalyzer(ts, parse.result);
      return { findings: a.findings(), summaries: a.summariesMade };
    });
    console.log(`${name.padEnd(7)} ${pad(text.length, 9)}  ${pad(errors, 13)}  ${pad(wall.toFixed(0), 11)}  ${pad(cpu.toFixed(0), 10)}  ${pad(`${parse.wall.toFixed(0)} (${parse.cpu.toFixed(0)})`, 14)}  ${pad(`${analysis.wall.toFixed(0)} (${analysis.cpu.toFixed(0)})`, 17)}  ${pad(analysis.result.summaries, 9)}  ${pad(report.findings.length, 8)}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

// 2. The fuzz suite's pathological shapes over the sizes it draws (500 to 6,499).
console.log("\npathological shapes (test/fuzz/generators.ts): the slowest size of each, analysis and @aalp comments as the fuzz suite runs them");
console.log("shape                     slowest size     chars   wall ms  cpu ms  outcome");
for (const shape of fuzz.PATHOLOGICAL_SHAPES) {
  let worst;
  for (const size of [500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6499]) {
    const text = shape.make(size, fuzz.rng(size));
    const r = timed(() => {
      const a = core.analyzeFile(ts, "deep.ts", text);
      parseAnnotations(ts, text);
      return a;
    });
    if (!worst || r.wall > worst.wall) worst = { ...r, size, chars: text.length };
  }
  const outcome = worst.result.skipped ? `skipped: ${worst.result.skipped}` : `${worst.result.findings.length} findings`;
  console.log(`${shape.name.padEnd(24)}  ${pad(worst.size, 12)}  ${pad(worst.chars, 8)}  ${pad(worst.wall.toFixed(0), 8)}  ${pad(worst.cpu.toFixed(0), 6)}  ${outcome}`);
}

// 3. Chains and cycles of summaries.
console.log("\nchains and cycles of summaries (randomChain, seed = depth; growingChain): the slowest file");
console.log("program                              files  slowest file wall ms (cpu)  findings  unknown");
const analyseAll = (files) => {
  const project = new core.Project(ts, { readFile: (p) => files[p], fileExists: (p) => p in files });
  let slowest = { wall: 0, cpu: 0 };
  let findings = 0;
  let unknown = 0;
  for (const f of Object.keys(files)) {
    const r = timed(() => project.analyze(f), 1);
    if (r.wall > slowest.wall) slowest = r;
    if (r.result.skipped) throw new Error(`${f}: ${r.result.skipped}`);
    findings += r.result.findings.length;
    unknown += r.result.findings.filter((x) => x.calls.kind === "unknown").length;
  }
  return { slowest, findings, unknown, files: Object.keys(files).length };
};
const rows = [];
for (const depth of [10, 20, 30, 40, 50]) {
  rows.push([`random chain ${depth} deep, one file`, gen.randomChain(depth, depth, false)]);
  rows.push([`random chain ${depth} deep, a module each`, gen.randomChain(depth, depth, true)]);
}
for (const levels of [10, 30, 50]) rows.push([`growing chain ${levels} levels`, { "/g.ts": gen.growingChain(levels) }]);
for (const n of [10, 30, 50]) rows.push([`import cycle of ${n} modules`, gen.importCycle(n)]);
analyseAll(gen.randomChain(10, 1, true));
for (const [name, files] of rows) {
  const r = analyseAll(files);
  console.log(`${name.padEnd(37)} ${pad(r.files, 5)}  ${pad(`${r.slowest.wall.toFixed(0)} (${r.slowest.cpu.toFixed(0)})`, 26)}  ${pad(r.findings, 8)}  ${pad(r.unknown, 7)}`);
}
