// How long the lens provider takes on a 3,000-line agent file, warm (engine loaded, JIT warmed):
// it places the latest analysis's lenses, unchanged or just edited; the analysis of an edited
// version runs once typing pauses (timed apart); and resolving every lens title. Runs dist/engine.js, the code the extension loads. `npm run bench:lenses`.
import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const engine = require("../dist/engine.js");
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { DEFAULT_SETTINGS } = engine;

// One file of agents: the examples' functions, renamed apart, repeated to 3,000 lines.
const bodies = ["chat-history.ts", "debug-naive.ts", "per-item.ts", "fan-out.ts", "evolution-global.ts"].map((f) => fs.readFileSync(path.join(ROOT, "examples", f), "utf8").replace(/^import .*$/gm, ""));
const lines = ['import OpenAI from "openai";', 'import { generateText } from "ai";', 'import { openai as provider } from "@ai-sdk/openai";', 'import ollama from "ollama";'];
for (let i = 0; lines.length < 3000; i++) lines.push(...bodies[i % bodies.length].replace(/export async function (\w+)/g, `export async function $1_${i}`).replace(/\bopenai\("/g, 'provider("').split("\n"));
const text = lines.slice(0, 3000).join("\n");
const file = "/bench/agents.ts";

function p95(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}
function time(runs, fn) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

for (let i = 0; i < 10; i++) engine.analyzeDocument(file, text + `\n// ${i}`, DEFAULT_SETTINGS);
// An edit: each run sees a new version, as after a keystroke.
const edited = time(50, (i) => engine.analyzeDocument(file, `${text}\n// edit ${i}`, DEFAULT_SETTINGS));
const analysis = engine.analyzeDocument(file, text, DEFAULT_SETTINGS);
const cache = new Map([[1, analysis]]);
// No change: what provideCodeLenses does when the version is cached (map findings to ranges).
const cached = time(200, () => cache.get(1).findings.map((f) => [f.start, f.start]));
const resolved = time(50, () => analysis.findings.map((f) => engine.lensTitle(f, engine.siteEstimate(analysis, f, DEFAULT_SETTINGS))));
const ms = (x) => `${x.toFixed(2)} ms`;
console.log(`3,000-line agent file, ${analysis.findings.length} LLM call sites`);
// provideCodeLenses never analyses: unchanged or just edited, it places the latest analysis's
// lenses (the edited case differs only in clamping positions to the new text).
console.log(`provideCodeLenses (latest analysis, any version) p95 ${ms(p95(cached))}`);
console.log(`analysis once typing pauses (debounced refresh)  p95 ${ms(p95(edited))}`);
console.log(`resolveCodeLens for every site                 p95 ${ms(p95(resolved))}`);
