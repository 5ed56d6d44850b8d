// Execution check: runs each program in examples/ against token-counting fakes of its SDKs
// (test/execution/fakes) at growing sizes of one parameter at a time, fits the log-log growth
// exponent of each call site's measured cost, and asserts that it equals the degree of the
// analyzer's bound (`node bin/aalp.js report examples --format json`) in that parameter.
//
// One row of CASES per example:
//   knobs   size parameter (the analyzer's symbol) → how it is swept. "count" knobs set a
//           number or a list length; "tokens" knobs set a string's size in tokens. The knob "T"
//           stands for the analyzer's data-dependent loop symbol T[fn]. Uncapped model output
//           out[<model>] needs no knob: when the analyzer's bound mentions it, the run sweeps
//           that model's reply size, unless `ties` says the output scales with another knob.
//   args    builds the function's arguments from the sizes of one run.
//   outputs model → output policy of the fake (reply size, verdicts that make loops end).
//   ties    analyzer symbol → knob it equals in these runs (e.g. a developer that rewrites the
//           program at its own size: out[gpt-4o] ≡ |program|); degrees add up under a tie.
//   sites   the call sites checked; a site is found by the model of its calls at base sizes,
//           and matched to the analyzer's finding by line. `paper` lists the degrees the paper
//           (or the example's header) gives; they are checked against the measurement too.
//           A model's size factor m[<model>] is fixed in every run and never swept.
//           `frame: "outer"` attributes each call to the outermost frame of the example file
//           (the driver's call of a method, wrapper or recursive function of the same file)
//           instead of the SDK call itself, to check the analyzer's finding at that call.
//
// Every parameter of the row and every symbol of the analyzer's bound is swept, so a
// parameter the analyzer leaves out must measure as degree 0. Set AALP_EXEC_TABLE=1 to print
// the table of all measurements.
import * as assert from "assert";
import * as path from "path";
import {
  EXAMPLES_DIR,
  ExampleModule,
  FakeHost,
  Finding,
  OutputPolicy,
  RecordedCall,
  Report,
  analyzerReport,
  degreeIn,
  filler,
  loadExample,
  logLogSlope,
  makeTempDir,
  removeDir,
  reply,
  rewrite,
  sameExample,
  says,
  symbolsOf,
} from "./harness";

type Measure = "calls" | "inputTokens" | "generationCost" | "span";

interface Knob {
  kind: "count" | "tokens";
  base: number;
  sweep: number[];
}

const COUNT_SWEEP = [8, 16, 32, 64];
const TOKEN_SWEEP = [200, 400, 800, 1600];
const count = (base = 3): Knob => ({ kind: "count", base, sweep: COUNT_SWEEP });
const tokens = (base = 20): Knob => ({ kind: "tokens", base, sweep: TOKEN_SWEEP });

interface Sizes {
  /** The value of a count knob. */
  n(symbol: string): number;
  /** A string whose size in tokens is the value of a tokens knob. */
  text(symbol: string): string;
  /** A list of n(countSymbol) strings, each of n(sizeSymbol) tokens. */
  list(countSymbol: string, sizeSymbol: string): string[];
}

interface SiteCheck {
  role: string;
  model: string;
  frame?: "outer";
  measures: Measure[];
  paper?: Partial<Record<Measure, Record<string, number>>>;
}

interface Case {
  example: string;
  fn: string;
  knobs: Record<string, Knob>;
  args(sizes: Sizes): unknown[];
  outputs?: Record<string, OutputPolicy>;
  ties?: Record<string, string>;
  sites: SiteCheck[];
}

/** "v7 river stone …" → 7: the fitness of a solution in the evolution examples is its version. */
const versionOf = (solution: string): number => Number(/^v(\d+)\b/.exec(solution)?.[1] ?? 0);

const CASES: Case[] = [
  {
    example: "routing-generalist.ts",
    fn: "answerRequest",
    knobs: { "|request|": tokens() },
    args: (s) => [s.text("|request|")],
    sites: [{ role: "generalist", model: "claude-opus-4-1", measures: ["calls", "inputTokens", "span"], paper: { calls: { "|request|": 0 }, inputTokens: { "|request|": 1 } } }],
  },
  {
    example: "routing-specialists.ts",
    fn: "routeRequest",
    knobs: { "|request|": tokens() },
    args: (s) => [s.text("|request|")],
    outputs: { "claude-sonnet-4-5": says("refund") },
    sites: [
      { role: "delegator", model: "claude-sonnet-4-5", measures: ["calls", "inputTokens", "span"], paper: { calls: { "|request|": 0 }, inputTokens: { "|request|": 0 } } },
      { role: "specialist", model: "claude-3-5-haiku-latest", measures: ["calls", "inputTokens", "span"], paper: { calls: { "|request|": 0 }, inputTokens: { "|request|": 1 } } },
    ],
  },
  {
    example: "debug-naive.ts",
    fn: "debugProgram",
    knobs: { rounds: count(), "|program|": tokens() },
    args: (s) => [s.text("|program|"), s.n("rounds")],
    outputs: {
      "gpt-4o-mini": reply(40),
      "gpt-4o": rewrite({ marker: /^Current version of the program:\n\n/ }),
    },
    ties: { "out[gpt-4o]": "|program|" },
    sites: [
      {
        role: "QA",
        model: "gpt-4o-mini",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { rounds: 1, "|program|": 0 }, inputTokens: { rounds: 2, "|program|": 1 } },
      },
      {
        role: "developer",
        model: "gpt-4o",
        measures: ["calls", "inputTokens", "generationCost", "span"],
        paper: { calls: { rounds: 1, "|program|": 0 }, inputTokens: { rounds: 2, "|program|": 1 }, generationCost: { rounds: 2, "|program|": 2 } },
      },
    ],
  },
  {
    example: "debug-focused.ts",
    fn: "debugFunctions",
    knobs: { "|functions|": count(), "|fn|": tokens() },
    args: (s) => [s.list("|functions|", "|fn|")],
    outputs: {
      // Every other function has a bug.
      "gpt-4o-mini": says((c) => (c.modelIndex % 2 === 0 ? "OK" : "BUG: the loop stops one element early.")),
      "gpt-4o": rewrite({ marker: /^Bug report: [^\n]*\n\n/ }),
    },
    sites: [
      {
        role: "QA",
        model: "gpt-4o-mini",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|functions|": 1, "|fn|": 0 }, inputTokens: { "|functions|": 1, "|fn|": 1 } },
      },
      {
        role: "developer",
        model: "gpt-4o",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|functions|": 1, "|fn|": 0 }, inputTokens: { "|functions|": 1, "|fn|": 1 } },
      },
    ],
  },
  {
    example: "evolution-global.ts",
    fn: "evolve",
    // T: generations until the fitness target is met; each mutation is one version better.
    knobs: { T: count(), "|x|": tokens() },
    args: (s) => [s.text("|x|"), versionOf, s.n("T")],
    outputs: { "gpt-4o": rewrite({ prefix: (c) => `v${c.modelIndex + 1}` }) },
    ties: { "out[gpt-4o]": "|x|" },
    sites: [
      {
        role: "mutator",
        model: "gpt-4o",
        measures: ["calls", "inputTokens", "generationCost", "span"],
        paper: { calls: { T: 1, "|x|": 0 }, inputTokens: { T: 1, "|x|": 1 }, generationCost: { T: 1, "|x|": 2 } },
      },
    ],
  },
  {
    example: "evolution-local.ts",
    fn: "evolveBlocks",
    knobs: { "|blocks|": count(), "|block|": tokens() },
    args: (s) => [s.list("|blocks|", "|block|"), (block: string) => block.startsWith("FIXED")],
    // Every block is fixed by its second mutation.
    outputs: { "gpt-4o": rewrite({ prefix: (c) => (c.modelIndex % 2 === 1 ? "FIXED" : "DRAFT") }) },
    ties: { "out[gpt-4o]": "|block|" },
    sites: [
      {
        role: "mutator",
        model: "gpt-4o",
        measures: ["calls", "inputTokens", "generationCost", "span"],
        paper: { calls: { "|blocks|": 1, "|block|": 0 }, inputTokens: { "|blocks|": 1, "|block|": 1 }, generationCost: { "|blocks|": 1, "|block|": 2 } },
      },
    ],
  },
  {
    example: "chat-history.ts",
    fn: "tutor",
    knobs: { "|questions|": count(), "|question|": tokens() },
    args: (s) => [s.list("|questions|", "|question|")],
    sites: [
      {
        role: "tutor",
        model: "gpt-4.1",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|questions|": 1, "|question|": 0 }, inputTokens: { "|questions|": 2, "|question|": 1, "out[gpt-4.1]": 1 } },
      },
    ],
  },
  {
    example: "per-item.ts",
    fn: "triageTickets",
    knobs: { "|tickets|": count(), "|tickets[]|": tokens() },
    args: (s) => [s.list("|tickets|", "|tickets[]|")],
    outputs: { "llama3.1:8b": says("bug") },
    sites: [
      {
        role: "labeller",
        model: "llama3.1:8b",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|tickets|": 1, "|tickets[]|": 0 }, inputTokens: { "|tickets|": 1, "|tickets[]|": 1 }, span: { "|tickets|": 1 } },
      },
    ],
  },
  {
    example: "fan-out.ts",
    fn: "summarizeAll",
    knobs: { "|docs|": count(), "|doc|": tokens() },
    args: (s) => [s.list("|docs|", "|doc|")],
    sites: [
      {
        role: "summarizer",
        model: "gpt-4o-mini",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|docs|": 1, "|doc|": 0 }, inputTokens: { "|docs|": 1, "|doc|": 1 }, span: { "|docs|": 0 } },
      },
    ],
  },
  {
    example: "transcript-debate.ts",
    fn: "debate",
    knobs: { turns: count(), "|topic|": tokens() },
    args: (s) => [s.text("|topic|"), s.n("turns")],
    outputs: { "gpt-4.1-mini": reply(40) },
    sites: [
      {
        role: "debater",
        model: "gpt-4.1-mini",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { turns: 1, "|topic|": 0 }, inputTokens: { turns: 2, "|topic|": 1 } },
      },
    ],
  },
  {
    example: "windowed-history.ts",
    fn: "supportSession",
    knobs: { "|userMessages|": count(), "|userMessage|": tokens() },
    args: (s) => [s.list("|userMessages|", "|userMessage|")],
    sites: [
      {
        role: "agent",
        model: "gpt-4o-mini",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|userMessages|": 1, "|userMessage|": 0 }, inputTokens: { "|userMessages|": 1, "|userMessage|": 1 } },
      },
    ],
  },
  {
    example: "wrapper-llm.ts",
    fn: "ask",
    knobs: { "|messages|": count(), "|messages[]|": tokens() },
    args: (s) => [s.list("|messages|", "|messages[]|").map((content) => ({ role: "user", content }))],
    sites: [
      {
        role: "wrapper",
        model: "gpt-4o",
        measures: ["calls", "inputTokens", "generationCost", "span"],
        paper: { calls: { "|messages|": 0, "|messages[]|": 0 }, inputTokens: { "|messages|": 1, "|messages[]|": 1 } },
      },
    ],
  },
  {
    // The SDK call is in wrapper-llm.ts; the site checked is the call of ask() in the loop.
    example: "wrapper-agent.ts",
    fn: "interview",
    knobs: { "|questions|": count(), "|question|": tokens() },
    args: (s) => [s.list("|questions|", "|question|")],
    sites: [
      {
        role: "interviewer",
        model: "gpt-4o",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|questions|": 1, "|question|": 0 }, inputTokens: { "|questions|": 2, "|question|": 1, "out[gpt-4o]": 1 } },
      },
    ],
  },
  {
    example: "class-history.ts",
    fn: "walkThroughPlan",
    knobs: { "|steps|": count(), "|step|": tokens() },
    args: (s) => [s.list("|steps|", "|step|")],
    sites: [
      {
        role: "planner",
        model: "claude-sonnet-4-5",
        frame: "outer",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|steps|": 1, "|step|": 0 }, inputTokens: { "|steps|": 2, "|step|": 1 } },
      },
    ],
  },
  {
    example: "recursive-summarizer.ts",
    fn: "summarizeLibrary",
    // Documents long enough to be split: CHUNK is 2000 characters, about 320 filler tokens, so
    // the sweep runs 8 to 64 leaves per document.
    knobs: { "|docs|": count(), "|d|": { kind: "tokens", base: 20, sweep: [1600, 3200, 6400, 12800] } },
    args: (s) => [s.list("|docs|", "|d|")],
    sites: [
      {
        role: "summarizer",
        model: "gpt-4o-mini",
        frame: "outer",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|docs|": 1, "|d|": 1 }, inputTokens: { "|docs|": 1, "|d|": 1 } },
      },
    ],
  },
  {
    example: "agent-shapes.ts",
    fn: "mappedHistory",
    knobs: { turns: count(), "|task|": tokens() },
    args: (s) => [s.text("|task|"), s.n("turns")],
    sites: [{ role: "mapped copy of a growing history", model: "gpt-4.1", measures: ["calls", "inputTokens", "span"] }],
  },
  {
    example: "agent-shapes.ts",
    fn: "drainPending",
    knobs: { "|notes|": count(), "|note|": tokens() },
    args: (s) => [s.list("|notes|", "|note|")],
    sites: [{ role: "reset under its own length test", model: "gpt-4o-mini", measures: ["calls", "inputTokens", "span"] }],
  },
  {
    example: "agent-shapes.ts",
    fn: "runLoopers",
    knobs: { "|tasks|": count(), maxLoops: count(), "|task|": tokens() },
    args: (s) => [s.list("|tasks|", "|task|"), s.n("maxLoops")],
    sites: [{ role: "method recursion up to maxLoops", model: "gpt-4o", frame: "outer", measures: ["calls", "inputTokens"] }],
  },
  {
    example: "ai-sdk-steps.ts",
    fn: "investigate",
    knobs: { steps: count(), "|task|": tokens() },
    args: (s) => [s.text("|task|"), s.n("steps")],
    sites: [
      {
        role: "on-call agent",
        model: "gpt-4.1",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { steps: 1, "|task|": 0 }, inputTokens: { steps: 2, "|task|": 1, "out[gpt-4.1]": 1 } },
      },
    ],
  },
  {
    example: "gemini-chat.ts",
    fn: "studyGuide",
    knobs: { "|questions|": count(), "|q|": tokens() },
    args: (s) => [s.list("|questions|", "|q|")],
    sites: [
      {
        role: "study guide",
        model: "gemini-2.5-flash",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|questions|": 1, "|q|": 0 }, inputTokens: { "|questions|": 2, "|q|": 1 } },
      },
    ],
  },
  {
    example: "responses-chain.ts",
    fn: "followUps",
    knobs: { "|questions|": count(), "|q|": tokens() },
    args: (s) => [s.list("|questions|", "|q|")],
    sites: [
      {
        role: "support",
        model: "gpt-4.1",
        measures: ["calls", "inputTokens", "span"],
        paper: { calls: { "|questions|": 1, "|q|": 0 }, inputTokens: { "|questions|": 2, "|q|": 1 } },
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------

const OUT_SYMBOL = /^out\[(.+)\]$/;
const LOOP_SYMBOL = /^T\[[^\]]*\]$/;
/** The size factor of a model (paper Def. 2.2), m[<model>]: fixed in a run, never swept. */
const MODEL_SYMBOL = /^m(\[.*\])?$/;
/** The tool results one step of an SDK loop adds, tool[<fn>/<api>]: fixed by the example's tools, never
 *  swept here (estimates.test.ts counts them on a fixture whose tool answers a known text). */
const TOOL_SYMBOL = /^tool\[.*\]$/;
/** A fitted slope further than this from the nearest integer is reported as ambiguous. */
const AMBIGUITY = 0.3;

interface Row {
  example: string;
  site: string;
  line: number;
  measure: Measure;
  symbol: string;
  analyzer: number | undefined;
  paper: number | undefined;
  slope: number;
  ok: boolean;
  note: string;
}

function sizesOf(values: Record<string, number>): Sizes {
  const value = (symbol: string): number => {
    const v = values[symbol];
    if (v === undefined) throw new Error(`no knob named ${symbol}`);
    return v;
  };
  return {
    n: value,
    text: (symbol) => filler(value(symbol)),
    list: (countSymbol, sizeSymbol) => Array.from({ length: value(countSymbol) }, (_, i) => filler(value(sizeSymbol), i)),
  };
}

function measureOf(calls: RecordedCall[], measure: Measure): number {
  switch (measure) {
    case "calls":
      return calls.length;
    case "inputTokens":
      return calls.reduce((sum, c) => sum + c.inputTokens, 0);
    case "generationCost":
      return calls.reduce((sum, c) => sum + c.generationCost, 0);
    case "span":
      return calls.reduce((max, c) => Math.max(max, c.depth), 0);
  }
}

function fmt(n: number | undefined): string {
  return n === undefined ? "-" : Number.isNaN(n) ? "NaN" : Number.isInteger(n) ? String(n) : n.toFixed(2);
}

describe("execution check: measured growth of examples/ matches the analyzer", function () {
  this.timeout(300000);

  const host = new FakeHost();
  const modules = new Map<string, ExampleModule>();
  const sweeps = new Map<string, Promise<Array<{ size: number; calls: RecordedCall[] }>>>();
  const rows: Row[] = [];
  let report: Report | undefined;
  let tempDir: string | undefined;

  before(async function () {
    report = analyzerReport();
    tempDir = makeTempDir();
    for (const c of CASES) modules.set(c.example, await loadExample(c.example, tempDir));
    host.install();
  });

  after(function () {
    host.uninstall();
    if (tempDir) removeDir(tempDir);
    if (process.env.AALP_EXEC_TABLE) {
      const lines = rows.map(
        (r) =>
          `${r.ok ? "  " : "✗ "}${r.example}:${r.line} ${r.site} ${r.measure} ${r.symbol}: analyzer ${fmt(r.analyzer)}, paper ${fmt(r.paper)}, measured ${fmt(r.slope)}${r.note ? ` (${r.note})` : ""}`,
      );
      console.log(`\nexecution check table:\n${lines.join("\n")}\n`);
    }
  });

  /** One run of the case's function at the given sizes, with per-model output overrides. */
  async function run(c: Case, values: Record<string, number>, overrides: Record<string, OutputPolicy> = {}): Promise<RecordedCall[]> {
    const fn = modules.get(c.example)?.[c.fn];
    if (typeof fn !== "function") throw new Error(`examples/${c.example} does not export a function ${c.fn}`);
    host.begin(path.join(EXAMPLES_DIR, c.example), { ...(c.outputs ?? {}), ...overrides });
    await (fn as (...args: unknown[]) => Promise<unknown>)(...c.args(sizesOf(values)));
    return host.calls.slice();
  }

  function baseValues(c: Case): Record<string, number> {
    return Object.fromEntries(Object.entries(c.knobs).map(([k, knob]) => [k, knob.base]));
  }

  /** Runs of the case sweeping one symbol (a knob, or an uncapped model output out[<model>]). */
  function sweep(c: Case, symbol: string): Promise<Array<{ size: number; calls: RecordedCall[] }>> {
    // One example may hold several cases (functions): their sweeps are their own.
    const key = `${c.example}\u0000${c.fn}\u0000${symbol}`;
    let runs = sweeps.get(key);
    if (!runs) {
      runs = (async () => {
        const knob = c.knobs[symbol];
        const out = OUT_SYMBOL.exec(symbol);
        const sizes = knob ? knob.sweep : TOKEN_SWEEP;
        const result: Array<{ size: number; calls: RecordedCall[] }> = [];
        for (const size of sizes) {
          const calls = knob
            ? await run(c, { ...baseValues(c), [symbol]: size })
            : await run(c, baseValues(c), { [out![1]]: reply(size) });
          result.push({ size, calls });
        }
        return result;
      })();
      sweeps.set(key, runs);
    }
    return runs;
  }

  for (const c of CASES) {
    describe(c.example, function () {
      for (const site of c.sites) {
        it(`${site.role} (${site.model}): ${site.measures.join(", ")}`, async function () {
          assert.ok(report, "no analyzer report");
          const lineOf = (call: RecordedCall): number | undefined => (site.frame === "outer" ? call.outerLine : call.line);
          const base = await run(c, baseValues(c));
          const lines = [...new Set(base.filter((call) => call.model === site.model).map(lineOf))];
          assert.ok(lines.length > 0, `no call to ${site.model} at base sizes in examples/${c.example}`);
          assert.ok(lines.length === 1 && lines[0] !== undefined, `calls to ${site.model} come from lines ${lines.join(", ")}; cannot tell the site`);
          const line = lines[0] as number;

          const inFile = report.findings.filter((f) => sameExample(f.file, c.example));
          const finding: Finding | undefined =
            inFile.find((f) => f.line === line) ??
            inFile.filter((f) => f.line < line && f.line >= line - 3).sort((a, b) => b.line - a.line)[0];
          assert.ok(
            finding,
            `the analyzer reports no finding for the call at examples/${c.example}:${line}` +
              ` (its findings in this file: ${inFile.map((f) => `line ${f.line}`).join(", ") || "none"})`,
          );

          const rename = (symbol: string): string => {
            if (MODEL_SYMBOL.test(symbol) || TOOL_SYMBOL.test(symbol)) return "";
            const tied = c.ties?.[symbol];
            if (tied) return tied;
            if (LOOP_SYMBOL.test(symbol) && c.knobs.T) return "T";
            return symbol;
          };
          const failures: string[] = [];
          const siteRows: Row[] = [];
          for (const measure of site.measures) {
            const bound = finding[measure];
            if (!bound || !Array.isArray(bound.terms)) {
              failures.push(`${measure}: the finding has no bound`);
              continue;
            }
            const symbols = new Set<string>(Object.keys(c.knobs));
            for (const s of symbolsOf(bound)) symbols.add(rename(s));
            for (const p of Object.keys(site.paper?.[measure] ?? {})) symbols.add(rename(p));
            symbols.delete("");
            for (const symbol of symbols) {
              const analyzer = degreeIn(bound, symbol, rename);
              const paper = site.paper?.[measure]?.[symbol];
              const row: Row = { example: c.example, site: site.role, line, measure, symbol, analyzer, paper, slope: Number.NaN, ok: false, note: "" };
              if (!c.knobs[symbol] && !OUT_SYMBOL.test(symbol)) {
                row.note = "the row has no knob for this symbol";
              } else {
                const runs = await sweep(c, symbol);
                const ys = runs.map((r) => measureOf(r.calls.filter((call) => lineOf(call) === line), measure));
                row.slope = logLogSlope(runs.map((r) => r.size), ys);
                const rounded = Math.round(row.slope);
                if (Number.isNaN(row.slope)) row.note = `no fit: ${ys.join(", ")}`;
                else if (Math.abs(row.slope - rounded) > AMBIGUITY) row.note = `ambiguous fit over ${ys.join(", ")}`;
                else if (rounded !== analyzer) row.note = "analyzer degree differs from the measured one";
                else if (paper !== undefined && rounded !== paper) row.note = "measured degree differs from the paper's";
                else row.ok = true;
              }
              siteRows.push(row);
              if (!row.ok)
                failures.push(
                  `${measure} in ${symbol}: measured slope ${Number.isNaN(row.slope) ? "-" : fmt(row.slope)}, analyzer degree ${analyzer}` +
                    `${paper === undefined ? "" : `, paper ${paper}`} — ${row.note}; analyzer: ${bound.text}`,
                );
            }
          }
          rows.push(...siteRows);
          if (failures.length > 0)
            assert.fail(`examples/${c.example}:${line} ${site.role} (analyzer finding at line ${finding.line}):\n  ${failures.join("\n  ")}`);
        });
      }
    });
  }
});
