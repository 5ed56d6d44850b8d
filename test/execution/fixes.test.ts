// Execution check of the quick fixes: every fix offered on the programs in
// test/fixtures/fixes/exec is applied, and the program before and after runs on the token-counting
// fakes at two sizes of each swept parameter. Each fix must
//   - be exactly the set of fixes expected at that call (a fix that would change what the program
//     means is not offered at all),
//   - cost what it promises: the measured growth of the call's input tokens (and of all calls'
//     input, helpers the fix adds included) between the two sizes is the degree of the bound the fix
//     reports after the edit; a span fix's span is exactly the one its title states,
//   - keep every system prompt: each call of the site carries every system prompt it carried before,
//   - return the same results: the function's value is deep-equal before and after (same count,
//     same order), the replies of the fakes being functions of what each call asks,
//   - type-check no worse than before.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { boundTerms, Project, type Bound, type Finding } from "../../src/core";
import { applyEdits, DEFAULT_ADVICE_SETTINGS, QUICK_FIX_IDS, type AnalyzeEdited, adviseFindings, quickFixesFor, type Advice, type AdviceSettings, type DiagnosticCode, type QuickFix, type QuickFixId } from "../../src/core/advice";
import { findingAfter } from "../../src/core/advice/fixes/context";
import { lookupPrice } from "../../src/core/pricing/prices";
import { callAt, parseSource } from "../../src/core/advice/source";
import type { TS } from "../../src/core/binder/scopes";
import { typeDiagnostics } from "../unit/advice/harness";
import { FakeHost, filler, loadProgram, logLogSlope, makeTempDir, removeDir, REPO_ROOT, type OutputPolicy, type RecordedCall } from "./harness";

const PROGRAMS = path.join(REPO_ROOT, "test", "fixtures", "fixes", "exec");
/** A small summary budget, so that summarising starts within the sizes run here. */
const SETTINGS: AdviceSettings = { ...DEFAULT_ADVICE_SETTINGS, summarizeBudgetTokens: 1000 };
/** A measured slope further than this from the promised degree fails. */
const TOLERANCE = 0.3;

interface Sweep {
  readonly name: string;
  readonly sizes: readonly [number, number];
  readonly args: (n: number) => unknown[];
  /** How each symbol of the bounds grows with n in this sweep (its exponent); others stay fixed. */
  readonly scales: Readonly<Record<string, number>>;
}

interface Site {
  readonly line: number;
  readonly model: string;
  /** The fixes offered at this call, by diagnostic code, in order: exactly these. */
  readonly offered: Partial<Record<DiagnosticCode, readonly QuickFixId[]>>;
  /** The system prompts each call of the site carries. */
  readonly systems: readonly string[];
  /** The span each span fix states, and what the runs must measure: the calls waited for in a row at size n. */
  readonly spans?: Partial<Record<QuickFixId, { readonly bound: string; readonly depth: (n: number) => number }>>;
}

interface Program {
  readonly file: string;
  readonly fn: string;
  readonly sites: readonly Site[];
  readonly sweeps: readonly Sweep[];
  readonly outputs: Readonly<Record<string, OutputPolicy>>;
}

/** Item `i` of a list: its tag (`Q3`) then `size` tokens. */
const item = (tag: string, i: number, size: number): string => `${tag}${i}${filler(size, i)}`;
const items = (tag: string, n: number, size: number): string[] => Array.from({ length: n }, (_, i) => item(tag, i, size));
/** A reply naming the last item the call asks about, so that results show which call made them. */
const answers: OutputPolicy = (request) => {
  const tags = request.prompt.join("\n").match(/\b[QRTH]\d+\b/g) ?? [];
  return `re ${tags[tags.length - 1] ?? "none"}${filler(30)}`;
};
/** A one-word label that depends on the request only: refund, shipping or billing. */
const labels: OutputPolicy = (request) => {
  const tags = request.prompt.join("\n").match(/\bR(\d+)\b/g) ?? [];
  return ["Refund", "Shipping", "Billing"][Number(tags[tags.length - 1]?.slice(1) ?? 0) % 3]!;
};
/** A developer that returns the program it was shown, unchanged: the result is then the same program. */
const PROGRAM_MARKER = /^Current version of the program:\n\n/;
const echoProgram: OutputPolicy = (request) => {
  const shown = request.prompt.filter((s) => PROGRAM_MARKER.test(s));
  return (shown[shown.length - 1] ?? "").replace(PROGRAM_MARKER, "");
};
/** A program of `n` top-level functions. */
const program = (n: number): string => Array.from({ length: n }, (_, i) => `function f${i}() {\n  return "${filler(20, i)}";\n}`).join("\n");

const SUPPORT = "You are the support agent of Acme Tools. Answer briefly and politely.";
const HISTORY_FIXES = { "aalp.growing-history": ["window-history", "summarize-history", "reset-history"] } as const;
/**
 * The spans of a loop of one call per element of `items`: ⌈n/K⌉ rounds K at a time, one call
 * when all run at once.
 */
const PARALLEL_FIXES = { "aalp.sequential-independent-calls": ["parallelize", "parallelize-all"] } as const;
const oneCallPerItem = (items: string): Site["spans"] => ({
  parallelize: { bound: `⌈${items}/${SETTINGS.concurrency}⌉`, depth: (n) => Math.ceil(n / SETTINGS.concurrency) },
  "parallelize-all": { bound: "Θ(1)", depth: () => 1 },
});
const chatSweep = (tag: string): Sweep => ({ name: "turns", sizes: [16, 64], args: (n) => [items(tag, n, 40)], scales: {} });

const PROGRAMS_RUN: readonly Program[] = [
  {
    file: "support-chat.ts",
    fn: "supportChat",
    sites: [{ line: 14, model: "gpt-4o", offered: HISTORY_FIXES, systems: [SUPPORT] }],
    sweeps: [{ ...chatSweep("Q"), scales: { "|userMessages|": 1 } }],
    outputs: { "gpt-4o": answers },
  },
  {
    file: "travel-agent.ts",
    fn: "planTrips",
    sites: [{ line: 16, model: "claude-sonnet-4-5", offered: HISTORY_FIXES, systems: ["You are a travel agent. Propose one concrete plan per request."] }],
    sweeps: [{ ...chatSweep("R"), scales: { "|requests|": 1 } }],
    outputs: { "claude-sonnet-4-5": answers },
  },
  {
    file: "tutor.ts",
    fn: "tutor",
    sites: [{ line: 11, model: "gpt-4.1", offered: HISTORY_FIXES, systems: ["You are a patient tutor."] }],
    sweeps: [{ ...chatSweep("Q"), scales: { "|questions|": 1 } }],
    outputs: { "gpt-4.1": answers },
  },
  {
    file: "debug-loop.ts",
    fn: "debugProgram",
    sites: [
      // One diagnostic per call: the whole program re-sent is related to the growing history, with its fix.
      { line: 12, model: "gpt-4o-mini", offered: { "aalp.growing-history": [...HISTORY_FIXES["aalp.growing-history"], "scope-to-function"] }, systems: ["Find one bug and describe it briefly."] },
      { line: 20, model: "gpt-4o", offered: { "aalp.growing-history": [...HISTORY_FIXES["aalp.growing-history"], "scope-to-function"] }, systems: ["Fix the reported bug. Reply with the complete program only."] },
    ],
    sweeps: [
      { name: "rounds", sizes: [8, 32], args: (n) => [program(3), n], scales: { rounds: 1 } },
      { name: "functions", sizes: [32, 128], args: (n) => [program(n), 6], scales: { "|program|": 1, "|programUnits|": 1 } },
    ],
    outputs: { "gpt-4o-mini": (_r, c) => `Bug: ${filler(30, c.index)}`, "gpt-4o": echoProgram },
  },
  {
    file: "section-summaries.ts",
    fn: "summarizeSections",
    sites: [{ line: 9, model: "gpt-4o-mini", offered: { "aalp.whole-input-per-item": [], ...PARALLEL_FIXES }, systems: ["Summarize the named section of the document in two sentences."], spans: oneCallPerItem("|headings|") }],
    sweeps: [{ name: "headings", sizes: [8, 32], args: (n) => [filler(200), items("H", n, 5)], scales: { "|headings|": 1 } }],
    outputs: { "gpt-4o-mini": answers },
  },
  {
    file: "contract-questions.ts",
    fn: "askContract",
    sites: [{ line: 9, model: "gpt-4o", offered: { "aalp.whole-input-per-item": [], ...PARALLEL_FIXES }, systems: ["Answer from the contract only."], spans: oneCallPerItem("|questions|") }],
    sweeps: [{ name: "questions", sizes: [8, 32], args: (n) => [`${filler(100)}\n\n${filler(100, 3)}`, items("Q", n, 10)], scales: { "|questions|": 1 } }],
    outputs: { "gpt-4o": answers },
  },
  {
    file: "research-fan-out.ts",
    fn: "research",
    sites: [{ line: 9, model: "gpt-4o-mini", offered: { "aalp.whole-input-per-item": [] }, systems: ["You are a research assistant. Cite your sources."] }],
    sweeps: [{ name: "topics", sizes: [8, 32], args: (n) => [filler(200), items("T", n, 5)], scales: { "|topics|": 1 } }],
    outputs: { "gpt-4o-mini": answers },
  },
  {
    file: "ticket-triage.ts",
    fn: "triage",
    sites: [{ line: 9, model: "gpt-4o-mini", offered: { ...PARALLEL_FIXES }, systems: ["Label the ticket: bug, feature or question."], spans: oneCallPerItem("|tickets|") }],
    sweeps: [{ name: "tickets", sizes: [8, 30], args: (n) => [items("T", n, 20)], scales: { "|tickets|": 1 } }],
    outputs: { "gpt-4o-mini": answers },
  },
  {
    // The transcript is the result: trimming or resetting it would change what the function returns.
    file: "meeting-notes.ts",
    fn: "minutes",
    sites: [{ line: 11, model: "gpt-4.1", offered: { "aalp.growing-history": [] }, systems: ["Add a one-line note on the last remark."] }],
    sweeps: [{ ...chatSweep("R"), scales: { "|remarks|": 1 } }],
    outputs: { "gpt-4.1": answers },
  },
  {
    // The call of the wrapper in interview-llm.ts: the history is this file's, so its fixes apply
    // here, verified with the wrapper's summary. The wrapper's own SDK call cannot be summarised
    // here (no client of ours), so no summary fix.
    file: "interview-agent.ts",
    fn: "interview",
    sites: [{ line: 13, model: "gpt-4o", offered: { "aalp.growing-history": ["window-history", "reset-history"] }, systems: ["You are interviewing a candidate for a backend role. Comment briefly."] }],
    sweeps: [{ ...chatSweep("Q"), scales: { "|questions|": 1 } }],
    outputs: { "gpt-4o": answers },
  },
  {
    // One call per ticket of the classifier in triage-llm.ts: the loop is this file's, so the
    // parallel fixes apply here (the smaller model is offered at the classifier's own call).
    file: "triage-agent.ts",
    fn: "triageAll",
    sites: [{ line: 7, model: "gpt-4o", offered: { ...PARALLEL_FIXES }, systems: ["Label the ticket: bug, feature or question."], spans: oneCallPerItem("|tickets|") }],
    sweeps: [{ name: "tickets", sizes: [8, 30], args: (n) => [items("T", n, 20)], scales: { "|tickets|": 1 } }],
    outputs: { "gpt-4o": answers },
  },
  {
    // A large model for a one-word label (paper §3.1), one request after another: the smaller
    // model of the same provider, or the requests run concurrently. The fakes answer alike
    // whichever model is asked, so that the results show the program around the call is unchanged.
    file: "request-router.ts",
    fn: "routeRequests",
    sites: [
      {
        line: 12,
        model: "claude-sonnet-4-5",
        offered: { "aalp.generalist-for-constant-output": ["route-smaller-model"], ...PARALLEL_FIXES },
        systems: ["Classify the request. Reply with one word: refund, shipping or billing."],
        spans: oneCallPerItem("|requests|"),
      },
    ],
    sweeps: [{ name: "requests", sizes: [8, 32], args: (n) => [items("R", n, 30)], scales: { "|requests|": 1 } }],
    outputs: { "claude-sonnet-4-5": labels, "claude-haiku-4-5": labels },
  },
];

/** What the calls cost at the price table's prices. */
function dollarsOf(calls: readonly RecordedCall[]): number {
  return calls.reduce((sum, c) => {
    const p = lookupPrice(c.model, c.sdk);
    assert.ok(p.found, `no price for ${c.model}`);
    return sum + (c.inputTokens * p.prices.input + c.outputTokens * p.prices.output) / 1e6;
  }, 0);
}

/** The degree of a bound in a sweep: the largest, over its terms, of the exponents weighted by how each symbol grows. */
function degreeIn(bound: Bound, scales: Readonly<Record<string, number>>): number {
  return Math.max(0, ...boundTerms(bound).map((t) => Object.entries(t.factors).reduce((d, [s, e]) => d + e * (scales[s] ?? 0), 0)));
}

/** The file's findings with the other modules of its folder, and the project's re-analysis of an edited text (a wrapper's call is bounded by its summary). */
function projectFindings(file: string, text: string): { findings: readonly Finding[]; analyze: AnalyzeEdited } {
  const host = { readFile: (f: string) => (path.resolve(f) === file ? text : fs.existsSync(f) ? fs.readFileSync(f, "utf8") : undefined), fileExists: (f: string) => path.resolve(f) === file || fs.existsSync(f) };
  const project = new Project(ts as unknown as TS, host);
  return { findings: project.analyze(file).findings, analyze: (f, t) => project.analyzeEdited(f, t) };
}

/** Where a position of the text before the edits is in the text after them (edits wholly before it shift it). */
function shiftedLine(text: string, edits: QuickFix["edits"], pos: number): number {
  const at = edits.reduce((p, e) => (e.end <= pos && e.start < pos ? p + e.newText.length - (e.end - e.start) : p), pos);
  return applyEdits(text, edits).slice(0, at).split("\n").length;
}

interface Run {
  readonly result: unknown;
  readonly calls: readonly RecordedCall[];
}

describe("execution check: every quick fix keeps what the program means and costs what it promises", function () {
  it("runs every kind of quick fix the code offers", () => {
    const run = new Set(PROGRAMS_RUN.flatMap((p) => p.sites.flatMap((s) => Object.values(s.offered).flat())));
    assert.deepEqual([...QUICK_FIX_IDS].filter((id) => !run.has(id)), []);
  });

  this.timeout(600000);
  const host = new FakeHost();
  let dir = "";
  before(() => {
    dir = makeTempDir();
    host.install();
  });
  after(() => {
    host.uninstall();
    removeDir(dir);
  });

  let bundles = 0;
  /** Writes the program's files (the one edited replaced by `text`) to a fresh directory and loads it. */
  async function load(p: Program, text: string): Promise<{ fn: (...args: unknown[]) => Promise<unknown>; entry: string }> {
    const into = path.join(dir, `v${++bundles}`);
    fs.mkdirSync(into);
    for (const f of fs.readdirSync(PROGRAMS)) fs.writeFileSync(path.join(into, f), f === p.file ? text : fs.readFileSync(path.join(PROGRAMS, f), "utf8"));
    const entry = path.join(into, p.file);
    const mod = await loadProgram(entry, path.join(into, "bundle.cjs"));
    const fn = mod[p.fn];
    assert.equal(typeof fn, "function", `${p.file} exports no ${p.fn}`);
    return { fn: fn as (...args: unknown[]) => Promise<unknown>, entry };
  }

  async function run(p: Program, loaded: { fn: (...args: unknown[]) => Promise<unknown>; entry: string }, args: unknown[]): Promise<Run> {
    host.begin(loaded.entry, p.outputs);
    const result = await loaded.fn(...args);
    return { result, calls: host.calls.slice() };
  }

  for (const p of PROGRAMS_RUN) {
    describe(p.file, function () {
      const file = path.join(PROGRAMS, p.file);
      const text = fs.readFileSync(file, "utf8");
      const { findings, analyze } = projectFindings(file, text);
      const advice = adviseFindings(findings, SETTINGS, { ts, fileName: file, text });

      for (const site of p.sites) {
        const here = advice.filter((a) => a.finding.line === site.line);
        const fixesOf = (a: Advice): QuickFix[] => quickFixesFor(ts, file, text, a, SETTINGS, analyze);

        it(`line ${site.line}: offers exactly ${JSON.stringify(site.offered)}`, () => {
          const offered = Object.fromEntries(here.map((a) => [a.code, fixesOf(a).map((f) => f.id)]));
          assert.deepEqual(offered, site.offered);
        });

        for (const a of here) {
          for (const fix of fixesOf(a)) {
            describe(`${fix.id} at line ${site.line}: ${fix.title}`, function () {
              const edited = applyEdits(text, fix.edits);
              // Calls from helpers the fix appended (a summariser) are not the site's.
              const helper = fix.edits.find((e) => e.start >= text.trimEnd().length);
              const helperLine = helper ? shiftedLine(text, fix.edits, helper.start) + 1 : Infinity;
              // Routing changes the site's model to the one its edit writes.
              const modelAfter = fix.id === "route-smaller-model" ? (JSON.parse(fix.edits[0]!.newText) as string) : site.model;
              const ofSite = (calls: readonly RecordedCall[], helperFrom: number, model = site.model): RecordedCall[] => calls.filter((c) => c.model === model && (c.line === undefined || c.line < helperFrom));

              it("type-checks no worse than before", () => {
                assert.deepEqual(typeDiagnostics(p.file, edited), typeDiagnostics(p.file, text));
              });

              for (const sweep of p.sweeps) {
                it(`${sweep.name} ${sweep.sizes.join(" → ")}: same results, every system prompt kept, the promised cost`, async () => {
                  const before = await load(p, text);
                  const afterFix = await load(p, edited);
                  const runs: Array<{ before: Run; after: Run }> = [];
                  for (const n of sweep.sizes) runs.push({ before: await run(p, before, sweep.args(n)), after: await run(p, afterFix, sweep.args(n)) });

                  for (const [k, r] of runs.entries()) {
                    const n = sweep.sizes[k]!;
                    assert.deepEqual(r.after.result, r.before.result, `n=${n}: the results differ`);
                    const calls = ofSite(r.after.calls, helperLine, modelAfter);
                    assert.ok(calls.length > 0, `n=${n}: no call of ${modelAfter} after the fix`);
                    for (const s of site.systems) {
                      assert.ok(ofSite(r.before.calls, Infinity).every((c) => c.prompt.includes(s)), `n=${n}: a call before the fix lacks the system prompt ${JSON.stringify(s)}`);
                      const without = calls.filter((c) => !c.prompt.includes(s)).length;
                      assert.equal(without, 0, `n=${n}: ${without} of ${calls.length} calls after the fix lack the system prompt ${JSON.stringify(s)}`);
                    }
                  }

                  const input = (calls: readonly RecordedCall[]): number => calls.reduce((sum, c) => sum + c.inputTokens, 0);
                  const slope = (pick: (r: { before: Run; after: Run }) => number): number => logLogSlope([...sweep.sizes], runs.map(pick));
                  const was = slope((r) => input(ofSite(r.before.calls, Infinity)));
                  assert.ok(Math.abs(was - degreeIn(a.finding.inputTokens, sweep.scales)) <= TOLERANCE, `before the fix: input slope ${was.toFixed(2)}, bound ${fix.before}`);
                  const spanned = site.spans?.[fix.id];
                  if (fix.id === "parallelize" || fix.id === "parallelize-all") {
                    // The same calls with the same prompts; only the span changes, to the one the title states.
                    assert.ok(spanned, `no span expected for ${fix.id}`);
                    assert.equal(fix.after, spanned.bound);
                    assert.ok(fix.title.includes(`→ ${spanned.bound} calls`), fix.title);
                    for (const [k, r] of runs.entries()) {
                      assert.equal(input(r.after.calls), input(r.before.calls));
                      const span = Math.max(...ofSite(r.after.calls, helperLine, modelAfter).map((c) => c.depth));
                      assert.equal(span, spanned.depth(sweep.sizes[k]!), `span at n=${sweep.sizes[k]}`);
                    }
                    return;
                  }
                  const src = parseSource(ts, file, text);
                  const now = findingAfter({ src, fileName: file, call: callAt(src, a.start, a.end)!, advice: a, settings: SETTINGS, analyze }, fix.edits);
                  assert.ok(now, "the call is re-analysed after the fix");
                  const promised = degreeIn(now.inputTokens, sweep.scales);
                  const atSite = slope((r) => input(ofSite(r.after.calls, helperLine, modelAfter)));
                  const all = slope((r) => input(r.after.calls));
                  assert.ok(Math.abs(atSite - promised) <= TOLERANCE, `after the fix: the call's input slope ${atSite.toFixed(2)}, promised ${fix.after} (degree ${promised})`);
                  assert.ok(Math.abs(all - promised) <= TOLERANCE || all < promised, `after the fix: all calls' input slope ${all.toFixed(2)}, promised ${fix.after} (degree ${promised})`);
                  const last = runs[runs.length - 1]!;
                  assert.ok(input(last.after.calls) <= input(last.before.calls), `the fix costs more at n=${sweep.sizes[1]}: ${input(last.after.calls)} > ${input(last.before.calls)} tokens`);
                  if (fix.id === "route-smaller-model") {
                    // The same tokens at the smaller model's price: the runs' dollars fall by the title's ratio.
                    for (const r of runs) assert.deepEqual(ofSite(r.after.calls, helperLine, modelAfter).map((c) => [c.inputTokens, c.outputTokens]), ofSite(r.before.calls, Infinity).map((c) => [c.inputTokens, c.outputTokens]));
                    const [from, to] = [fix.before, fix.after].map((d) => Number(/[\d.]+/.exec(d)![0]));
                    const measured = dollarsOf(last.after.calls) / dollarsOf(last.before.calls);
                    assert.ok(Math.abs(measured - to! / from!) <= 0.1 * (to! / from!), `measured ${measured.toFixed(3)} of the dollars, the title ${fix.before} → ${fix.after}`);
                  }
                });
              }
            });
          }
        }
      }
    });
  }
});
