// The bounds of one LLM call site: calls, input, output, generation cost and span over the loop
// nest around it, with the derivation a reader can follow line by line.
import type * as ts from "typescript";
import { Bound, formatBound, formatValue, type SymbolRank } from "../algebra/bound";
import { Poly } from "../algebra/poly";
import type { Constants } from "../binder/constants";
import type { LlmCall } from "../binder/provenance";
import { countPolys, mapCounts, type CostBounds, type Counts } from "../model";
import type { Scopes, TS } from "../binder/scopes";
import { modelSymbol, type SymbolTable } from "../symbols";
import { startsTogether } from "./fanOut";
import type { LoopInfo, Loops } from "./loops";
import type { Sizes } from "./sizes";
import { factsOf, fillingOf, indexSymbol, meanOf, sizeAtIteration, strongerGrowth, type Growth } from "./sizeValues";
import { formatCount } from "../algebra/countText";
import { substitute, type Summary } from "./summary";
import { lineRef } from "../lineRefs";
import { ContinuedRuns, type Continued } from "./continuedRuns";
import { stepSymbol } from "./stepSymbols";
import { stepCap } from "./stopConditions";
import { keptSize } from "./keptText";

export interface SiteBounds extends CostBounds {
  /**
   * What a chain the server keeps (`previous_response_id`) gains over one invocation of the
   * enclosing function, from this site: a caller that passes the last id back bills it again.
   */
  readonly chainGrowth?: Poly;
  /** State fields of `this` its requests are handed (`{ network: this }`) and how many requests send them: a caller's loop appending to one grows them. */
  readonly handedFields?: readonly HandedField[];
  readonly loops: readonly LoopInfo[];
  readonly conditional: boolean;
  readonly explanation: readonly string[];
}

/** A field of `this` an SDK run is handed as its state (ApiSpec.handedState), `method` its append, `requests` the requests that send it. */
export interface HandedField {
  readonly name: string;
  readonly method: string;
  readonly source: string;
  readonly requests: Poly;
}

/** The derivation's line for a call under a condition (a recursion's base case drops it: it counts that condition). */
export const CONDITIONAL_NOTE = "the call runs only on some iterations (a condition or continue guards it): upper bounds";

/**
 * What one execution of a site leaves in the conversation it is sent on, for a later site that continues it
 * (ContinuedRuns): `fresh` its prompt and answers (with every step's tool results), `after` that and the
 * earlier conversation it was sent with; each at its most and its mean over the site's executions.
 */
interface Leaves {
  readonly fresh: { readonly worst: Poly; readonly mean: Poly };
  readonly after: { readonly worst: Poly; readonly mean: Poly };
  readonly tight: boolean;
  /** Why what it leaves is not bounded (it continues more earlier sites than are added up): a later site continuing it is not either. */
  readonly unknown?: string;
}

export class CallSites {
  private readonly continued: ContinuedRuns;
  /** Sites whose bounds are being worked out for a later site continuing them (a guard against cycles). */
  private readonly leaving = new Set<ts.Node>();
  /** What each site leaves, without and with the earlier sites' part: each site's bounds are worked out once for the sites after it. */
  private readonly left = [new Map<ts.Node, Leaves>(), new Map<ts.Node, Leaves>()];

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
    private readonly loops: Loops,
    private readonly sizes: Sizes,
    private readonly symbols: SymbolTable,
    classify: (call: ts.CallExpression) => LlmCall | undefined,
    private readonly modelOf: (llm: LlmCall) => string | null,
    step: (at: ts.Node) => void,
    /** Whether an answer worked out now may be kept: no summary it reads is still being made. */
    private readonly settled: () => { readonly pending: number; readonly provisional: boolean },
  ) {
    this.continued = new ContinuedRuns(ts, scopes, constants, loops, classify, (within, decl) => this.writes(within, decl), step);
  }

  private line(n: ts.Node): number {
    return this.scopes.sourceFile.getLineAndCharacterOfPosition(n.getStart(this.scopes.sourceFile)).line + 1;
  }

  bounds(llm: LlmCall, model: string | null): SiteBounds {
    return this.boundsOf(llm, model, true);
  }

  /**
   * What one execution of `llm` leaves in its conversation; `withEarlier`: with what earlier sites left there too.
   * Kept once worked out (unless a summary it read was still being made): a chain of n sites works out n, not n².
   */
  private leaves(llm: LlmCall, withEarlier: boolean): Leaves | undefined {
    const memo = this.left[withEarlier ? 1 : 0];
    const known = memo.get(llm.node);
    if (known) return known;
    if (this.leaving.has(llm.node)) return undefined;
    this.leaving.add(llm.node);
    const before = this.settled();
    try {
      const bounds = this.boundsOf(llm, this.modelOf(llm), withEarlier);
      const after = this.settled();
      if (bounds.leaves && !before.provisional && !after.provisional && before.pending === after.pending) {
        memo.set(llm.node, bounds.leaves);
      }
      return bounds.leaves;
    } finally {
      this.leaving.delete(llm.node);
    }
  }

  private boundsOf(llm: LlmCall, model: string | null, withEarlier: boolean): SiteBounds & { leaves?: Leaves } {
    const call = llm.node;
    const rank = this.symbols.rank;
    const show = (p: Poly, tight: boolean): string => formatBound(Bound.of(p, tight), rank);
    // `xs.map(ask)`: the iteration method is the loop around each invocation.
    // `twice(step)`: a closure handed by name runs as often as the function it is handed to calls it.
    const passedArg = llm.passed && call.arguments.find((a) => a === llm.passed);
    const passedRuns = passedArg ? this.loops.callbackRuns(call, passedArg) : undefined;
    const loops = passedRuns ? [passedRuns, ...this.loops.around(call)] : llm.fanOutFrom ? [this.loops.foreignFanOut(call, llm.fanOutFrom), ...this.loops.around(call)] : llm.elementOf ? [this.loops.info(llm.iteration ?? call), ...this.loops.around(call)] : llm.batch ? [this.loops.batch(call, llm.batch.of, llm.batch.concurrency), ...this.loops.around(call)] : this.loops.around(call);
    const conditional = this.isConditional(call, loops);
    const loopsTight = !conditional && loops.every((l) => l.exact);
    const iterations = Poly.product(loops.map((l) => l.trip));
    const awaitedInLoop = !this.isCollectedPromise(call);
    const limiter = this.limiterAround(call);
    // Concurrency changes the span, not the cost: a bounded fan-out of n takes n / c rounds.
    const loopSpan = Poly.product(
      loops.map((l) => {
        const c = l.concurrency ?? (limiter && l.node.pos < limiter.host.pos && l.parallel ? limiter.concurrency : undefined);
        if (c) return l.trip.scale(1 / c);
        return l.parallel || !awaitedInLoop ? Poly.one : l.trip;
      }),
    );
    const explanation: string[] = [];
    for (const l of [...loops].reverse()) {
      const trips = l.dataDependent ? `${l.tripText} iterations, unbounded` : `${l.exact ? "" : "at most "}${l.tripText} ${l.tripText === "1" ? "iteration" : "iterations"}`;
      explanation.push(`line ${lineRef(l.line)}: ${l.why} → ${trips}${l.parallel ? ", in parallel" : ""}`);
    }
    if (conditional) explanation.push(CONDITIONAL_NOTE);

    // A callback's host whose runs of it are not read: no bound for the site.
    const unread = loops.find((l) => l.unknown !== undefined)?.unknown;
    if (unread !== undefined) {
      const unknown = Bound.unknown(unread);
      return { calls: unknown, inputTokens: unknown, inputPerCall: unknown, outputTokens: unknown, outputPerCall: unknown, generationCost: unknown, span: unknown, growth: "unknown", loops, conditional, explanation };
    }
    if (llm.summary) return this.wrapperBounds(llm, llm.summary, { loops, conditional, loopsTight, iterations, loopSpan, explanation });
    // An agent's middleware whose requests no count in the code bounds: no bound for the site.
    const middleware = llm.steps?.middleware;
    if (middleware && "unknown" in middleware) {
      explanation.push(middleware.unknown);
      const unknown = Bound.unknown(middleware.unknown);
      return { calls: unknown, inputTokens: unknown, inputPerCall: unknown, outputTokens: unknown, outputPerCall: unknown, generationCost: unknown, span: unknown, growth: "unknown", loops, conditional, explanation };
    }

    // A chain over a collection's elements repeats once per element: their number is a loop count,
    // named before the prompt's sizes name the same collection as a size.
    if (llm.steps?.elements) this.loops.collection(llm.steps.elements);
    // A batch sends each element on its own.
    const prompt = llm.batch ? [this.sizes.elementSize(llm.batch.of, call)] : [...llm.prompt.map((p) => this.sizes.sizeOf(p, call)), ...(llm.kept ?? []).map((e) => keptSize(this.ts, this.symbols, e, this.line(call)))];
    let perCall = Poly.sum(prompt.map((p) => p.poly));
    // The exact input per call, averaged over the site's executions and at the i-th (see Size.exact).
    let perCallMean = Poly.sum(prompt.map(meanOf));
    let perCallAt = Poly.sum(prompt.map(sizeAtIteration));
    let perCallTight = prompt.every((p) => p.tight);
    let growth = prompt.reduce<Growth>((g, p) => strongerGrowth(g, p.growth), "none");
    const out = this.sizes.outputOf(call);
    explanation.push(...new Set(prompt.flatMap((p) => p.notes).concat(out.notes)));
    // A state the run is handed but its function did not make empty: what it already holds goes with every run.
    // Added below, after the loop rule: sent once a request, not grown with each round's prompt.
    const held = llm.state?.history;
    const history = held ? Poly.symbol(this.symbols.define({ name: `|${held}|`, kind: "size", line: this.line(call), origin: `the history ${held} already holds when the run at line ${lineRef(this.line(call))} is handed it (its messages and earlier results)` })) : undefined;
    if (history) explanation.push(`${llm.state!.source}: ${held} is not made empty here, so the history it already holds (${formatCount(history, rank)}) goes with each run`);

    // A loop inside the SDK over a collection (a chain's documents): one request per element, each
    // with that element and one earlier answer; otherwise S requests per call, each re-sending the
    // conversation grown by the previous answers. Counted before the state: a session kept between
    // calls gains every step's answer and tool results.
    const elements = llm.steps?.elements;
    const stepLines: string[] = [];
    const steps = elements ? this.loops.collection(elements).trip : llm.steps ? this.stepCount(llm, stepLines) : undefined;
    const S = steps ?? Poly.one;
    // A step's answer calls tools, whose results join the conversation the next step re-sends: a size
    // the code does not state (each step's, assumed like an output).
    const spec = llm.steps?.spec;
    const fixedRequests = !!spec && !spec.from.length && spec.default !== undefined;
    const toolResults = steps && !elements && !fixedRequests && !spec?.withoutTools ? Poly.symbol(this.symbols.define({ name: this.stepSymbol(llm.node).replace(/^steps/, "tool"), kind: "size", line: this.line(call), origin: `the tool results one step of the SDK's loop at line ${lineRef(this.line(call))} adds to the conversation` })) : undefined;
    const gained = toolResults ? out.poly.add(toolResults) : out.poly;
    // What one call leaves in a conversation kept between calls: its answers, and its steps' tool results.
    const answeredBySteps = steps && !elements ? S.mul(gained) : out.poly;
    const appendedIn = llm.state?.appendedIn;

    // State kept between requests is billed again on each one: it grows by prompt + answer per iteration.
    const window = llm.state?.window;
    let stateGrowth: Poly | undefined;
    // A fan-out whose rounds all send before any is answered moves the id on by none of them: each chains to the id it started with.
    // An id read off an earlier site's const result (`previous_response_id: r1.id`) names one point of the chain: no loop moves it.
    const stateLoops = !llm.state || window !== undefined || this.continued.fixedId(llm) ? [] : (appendedIn ? loops.filter((l) => appendedIn.includes(l.node)) : this.loopsSince(loops, llm.state.anchor)).filter((l) => !startsTogether(this.ts, l, call));
    // One that does not (a round awaits something first) moves it on in an order no count follows: an upper bound.
    if (stateLoops.some((l) => l.parallel)) perCallTight = false;
    if (window !== undefined) {
      // At most W earlier messages come back with each request, each a prompt or an answer.
      perCall = perCall.add(perCall.add(out.poly).scale(window));
      perCallMean = perCallMean.add(perCallMean.add(out.poly).scale(window));
      perCallAt = perCallAt.add(perCallAt.add(out.poly).scale(window));
      explanation.push(`${llm.state!.source}: at most ${window} earlier messages (prompts or answers) are billed again with each request`);
    } else if (llm.state && stateLoops.length) {
      // A state appended to by the code keeps the answers only; a conversation the server keeps, the prompts too.
      // AgentKit's run (no steps) keeps the results of the tools it ran in its result, which the state keeps.
      const ranTools = appendedIn && !steps ? Poly.symbol(this.symbols.define({ name: this.stepSymbol(llm.node).replace(/^steps/, "tool"), kind: "size", line: this.line(call), origin: `the results of the tools the run at line ${lineRef(this.line(call))} calls, kept in its result` })) : undefined;
      const answered = ranTools ? answeredBySteps.add(ranTools) : answeredBySteps;
      const prompted = appendedIn ? Poly.zero : perCall;
      const promptedMean = appendedIn ? Poly.zero : perCallMean;
      const promptedAt = appendedIn ? Poly.zero : perCallAt;
      // What the chain gains over one invocation here: each execution's prompt and answer (every step's, with its tools' results).
      stateGrowth = iterations.mul(promptedMean.add(answered));
      const turns = Poly.product(stateLoops.map((l) => l.trip));
      perCall = perCall.add(prompted.add(answered).mul(turns));
      // The i-th request re-sends the i before it: Σ_{i<n} i = n(n−1)/2, a mean of (n−1)/2.
      perCallMean = perCallMean.add(promptedMean.add(answered).mul(turns.scale(0.5).add(Poly.constant(-0.5))));
      perCallAt = perCallAt.add(promptedAt.add(answered).mul(Poly.symbol(indexSymbol(stateLoops.map((l) => l.tripText).join("·")))));
      growth = "stateful";
      // Cut by the SDK past a token limit, a request sends less than the whole history: the growth is an upper bound.
      // So is one a condition may send without its state (`c ? undefined : prev`).
      if (llm.state.trimmed || llm.state.maybe) perCallTight = false;
      const what = appendedIn ? `each run's answer and the results of the tools it ran (${formatCount(ranTools!, rank)}), appended` : steps && !elements ? `the prompt and every step's answer${toolResults ? " and tool results" : ""}` : "the prompt and the answer";
      explanation.push(`${llm.state.source}: the billed input grows by ${what} on every iteration of ${stateLoops.map((l) => `${l.tripText} (line ${lineRef(l.line)})`).join(" × ")}${llm.state.trimmed ? `, ${llm.state.trimmed}` : ""}`);
    }
    if (history) {
      perCall = perCall.add(history);
      perCallMean = perCallMean.add(history);
      perCallAt = perCallAt.add(history);
    }

    // Earlier sites of this function on the same conversation: what they left is sent again here.
    // Not added up (too many of them, one that continues this one, one not bounded): the input is not bounded.
    let notAdded: string | undefined;
    if (withEarlier) {
      const continued = this.continued.earlier(llm, loops, stateLoops);
      if (typeof continued === "string") notAdded = continued;
      for (const e of typeof continued === "string" ? [] : continued) {
        const left = this.leaves(e.llm, e.kind === "result");
        if (!left || left.unknown) {
          notAdded = left?.unknown ?? `line ${lineRef(this.line(e.llm.node))} sends on the same conversation and its input counts this site's: neither is bounded`;
          break;
        }
        const part = e.kind === "result" ? left.after : left.fresh;
        perCall = perCall.add(part.worst.mul(e.times.worst));
        perCallMean = perCallMean.add(part.mean.mul(e.times.mean));
        perCallAt = perCallAt.add(part.mean.mul(e.times.at));
        // A history the SDK cuts past a token limit sends at most what the earlier sites left.
        if (!e.tight || !left.tight || llm.state?.trimmed) perCallTight = false;
        if (e.grows) growth = "stateful";
        explanation.push(this.continuedLine(e, part.worst));
      }
    }
    // What this site leaves for a later one: its prompt and answers, and (after) the conversation it was sent with.
    const leaves: Leaves = {
      fresh: { worst: (appendedIn ? Poly.zero : Poly.sum(prompt.map((p) => p.poly))).add(answeredBySteps), mean: (appendedIn ? Poly.zero : Poly.sum(prompt.map(meanOf))).add(answeredBySteps) },
      after: { worst: perCall.add(answeredBySteps), mean: perCallMean.add(answeredBySteps) },
      tight: perCallTight && out.tight && (!steps || S.isConstant()),
      ...(notAdded ? { unknown: notAdded } : {}),
    };
    if (notAdded) explanation.push(notAdded);

    // What the session was made with (a chat's systemInstruction) goes with every request, outside the history.
    if (llm.instructions?.length) {
      const fixed = llm.instructions.map((e) => this.sizes.sizeOf(e, call));
      perCall = perCall.add(Poly.sum(fixed.map((s) => s.poly)));
      perCallMean = perCallMean.add(Poly.sum(fixed.map(meanOf)));
      perCallAt = perCallAt.add(Poly.sum(fixed.map(sizeAtIteration)));
      explanation.push(...new Set(fixed.flatMap((s) => s.notes)));
    }

    if (elements) {
      const element = this.sizes.elementSize(elements, call);
      perCall = element.poly;
      perCallMean = meanOf(element);
      perCallAt = sizeAtIteration(element);
    }
    explanation.push(...stepLines);
    // Middleware that repeats a model step's request or sends its own: k requests a step, each sending at most what the
    // step sends and its own prompt (counted in every request of the step): k times the requests of the step.
    const perStep = middleware ? middleware.perStep : 1;
    if (middleware) {
      const own = Poly.sum(middleware.prompts.map((p) => (typeof p === "number" ? Poly.constant(p) : this.sizes.sizeOf(p, call).poly)));
      perCall = perCall.add(own);
      perCallMean = perCallMean.add(own);
      perCallAt = perCallAt.add(own);
      explanation.push(middleware.told);
    }
    const runs = perStep > 1 ? iterations.scale(perStep) : iterations;
    // A fixed number of requests (a constant S) is exact; a cap is at most (a retry, only on a failure).
    const requestsTight = loopsTight && (!steps || S.isConstant()) && perStep === 1;
    const compacted = steps && !elements ? this.compactionThreshold(llm, explanation) : undefined;
    // Compacted, a step re-sends at most the threshold: linear in the steps (the count below is the
    // sum until the threshold is reached). A chain over elements carries one earlier answer.
    const carried = elements ? S.mul(out.poly) : compacted ? S.mul(compacted) : S.mul(S).mul(gained);
    const inputPerCall = steps ? S.mul(perCall).add(carried) : perCall;
    // Σ_{j<S} (in + j·(out + tool)) = S·in + (out + tool)·S(S−1)/2; a chain over elements carries one answer: S·out.
    const inputPerCallMean = steps ? S.mul(perCallMean).add(elements ? S.mul(out.poly) : S.mul(S).add(S.scale(-1)).scale(0.5).mul(gained)) : perCallMean;
    const outputPerCall = S.mul(out.poly);
    // Σ over requests of m·(in·out + out²) (paper, Def. 2.2 applied to each generated token).
    const generationPerCall = S.mul(perCall).mul(out.poly).add(carried.mul(out.poly));
    if (elements) {
      growth = strongerGrowth(growth, "output");
      explanation.push(`${llm.steps!.spec.source}: ${show(S, true).slice(2, -1)} requests, each with one element and one earlier answer: ${show(inputPerCall, false)} input per call`);
    } else if (steps) {
      growth = strongerGrowth(growth, "output");
      const s = S.isConstant() ? String(S.constantValue()) : formatCount(S, rank);
      const grown = toolResults ? `the previous answers and their tools' results (${formatCount(toolResults, rank)} a step): Σ_{j<${s}} (in + j·(out + tool))` : `the previous answers: Σ_{j<${s}} (in + j·out)`;
      explanation.push(`each step (${s} of them) re-sends the conversation grown by ${grown} = ${formatCount(inputPerCallMean, rank)} input per call`);
    }

    const m = Poly.symbol(this.symbols.define({ name: modelSymbol(model), kind: "model", line: this.line(call), origin: `the size of ${model ?? "the model"} (paper, Def. 2.2: a forward pass costs m per token)` }));
    // A compaction is one more request each time the conversation reaches the threshold: S·out/threshold.
    const calls = runs.mul(compacted ? S.add(S.mul(out.poly).scale(1 / compacted.constantValue())) : S);
    const input = runs.mul(inputPerCall);
    const generation = m.mul(runs).mul(generationPerCall);
    // A window that fills again in each round of an outer loop (or each request of a model step) is counted full every time (below): an upper bound.
    if ((loops.length !== 1 || steps || llm.state || perStep > 1) && fillingOf(prompt).filling) perCallTight = false;
    const inputTight = requestsTight && perCallTight;
    const generationTight = inputTight && out.tight;
    explanation.push(`input per call ${show(inputPerCall, perCallTight && !steps)}; over ${show(iterations, loopsTight)} executions${perStep > 1 ? `, ${perStep} requests a model step` : ""}: ${show(input, inputTight)}`);
    // A window still filling sends fewer elements on the loop's first iterations than a full one.
    const filling = loops.length === 1 && !steps && !llm.state && perStep === 1 ? fillingOf(prompt).filling : undefined;
    const inputCount = filling ? iterations.mul(inputPerCallMean).add(filling.excess.scale(-1)) : runs.mul(inputPerCallMean);
    if (filling) explanation.push(`the window is steady after ${filling.filledAfter} iterations: the first ones send ${formatCount(filling.excess, rank)} tokens fewer in all than the steady window each time (counted one by one, also when the loop runs fewer times)`);
    const sum = this.sumLine(perCallAt, inputCount, loops, !!llm.state?.trimmed);
    if (sum) explanation.push(sum);
    explanation.push(`generation Σ m·(in·out + out²) with out = ${show(out.poly, out.tight)}: ${show(generation, generationTight)}`);
    // Each request's j-th token reads in + j: out·in + out(out−1)/2 per request (paper, eq. 5), summed.
    const outputCount = runs.mul(outputPerCall);
    const generationCount = m.mul(out.poly.mul(inputCount).add(runs.mul(S).mul(out.poly.mul(out.poly).add(out.poly.scale(-1))).scale(0.5)));
    explanation.push(generationLine(generationCount, rank, !!llm.state?.trimmed));

    const unbounded = notAdded ? Bound.unknown(notAdded) : undefined;
    return {
      calls: Bound.of(calls, requestsTight),
      inputTokens: unbounded ?? Bound.of(input, inputTight),
      inputPerCall: unbounded ?? Bound.of(inputPerCall, perCallTight && !steps),
      outputTokens: Bound.of(runs.mul(outputPerCall), requestsTight && out.tight),
      outputPerCall: Bound.of(outputPerCall, out.tight && !steps),
      generationCost: unbounded ?? Bound.of(generation, generationTight),
      span: Bound.of(loopSpan.mul(S), requestsTight),
      growth,
      ...(stateGrowth ? { chainGrowth: stateGrowth } : {}),
      ...(llm.state?.field ? { handedFields: [{ ...llm.state.field, source: llm.state.source, requests: calls }] } : {}),
      ...(notAdded ? {} : { counts: { calls, input: inputCount, output: outputCount, generation: generationCount, ...(filling ? { filling: { trip: iterations, shortfall: filling.shortfall, perInputToken: m.mul(out.poly) } } : {}) } }),
      leaves,
      ...factsOf(prompt),
      loops,
      conditional,
      explanation,
    };
  }

  /** The derivation's line for an earlier site's conversation sent again here. */
  private continuedLine(e: Continued, part: Poly): string {
    const rank = this.symbols.rank;
    const at = `line ${lineRef(this.line(e.llm.node))}`;
    if (e.kind === "result") return `the state is ${at}'s result: its conversation (what it was sent, and its answers${e.llm.steps ? " and tool results" : ""}) is sent again, ${formatCount(part, rank)}${e.tight ? "" : " (at most: the request may be sent on another point of the chain, or on none)"}`;
    const times = e.times.worst.isConstant() && e.times.worst.constantValue() === 1 ? "" : ` × ${formatCount(e.times.worst, rank)} of its executions`;
    if (e.kind === "helper") return `${at} hands the conversation to ${e.llm.summary!.name}(), which sends on it: what it sent and got is sent again, at most ${formatCount(part, rank)}${times}`;
    return `${at} sends on the same ${e.llm.state!.thread !== undefined ? `thread ("${e.llm.state!.thread}")` : "conversation"} before: its prompt and answers${e.llm.steps ? " and tool results" : ""} are sent again, ${formatCount(part, rank)}${times}${e.tight ? "" : " (at most: it may not run every time)"}`;
  }

  /** A call of a function that makes LLM calls: its summary at this call's argument sizes, times the loops around. */
  private wrapperBounds(llm: LlmCall, summary: Summary, around: { loops: LoopInfo[]; conditional: boolean; loopsTight: boolean; iterations: Poly; loopSpan: Poly; explanation: string[] }): SiteBounds & { leaves?: Leaves } {
    const call = llm.node;
    const rank = this.symbols.rank;
    this.symbols.offer(summary.symbols);
    if (summary.unknown) {
      const unknown = Bound.unknown(summary.unknown);
      around.explanation.push(`${summary.name}() (${this.placeOf(summary)}): ${summary.unknown}`);
      return { calls: unknown, inputTokens: unknown, inputPerCall: unknown, outputTokens: unknown, outputPerCall: unknown, generationCost: unknown, span: unknown, growth: "unknown", loops: around.loops, conditional: around.conditional, explanation: around.explanation };
    }
    const values = this.sizes.argumentValues(llm, summary);
    // `calls[X]`: how many earlier invocations on the same state: the loops around this call that
    // do not also enclose the receiver's creation (a fresh instance per iteration starts empty).
    const receiver = this.receiverDeclaration(call);
    const anchorLoops = receiver ? new Set(this.loops.around(receiver).map((l) => l.node)) : new Set<ts.Node>();
    const repeated = Poly.product(around.loops.filter((l) => !anchorLoops.has(l.node)).map((l) => l.trip));
    const earlier = this.earlierInvocations(call, repeated);
    for (const sym of [summary.calls, summary.input, summary.generation, summary.output].flatMap((p) => p.symbols())) {
      const v = /^calls\[/.test(sym) ? earlier(sym, false) : undefined;
      if (v) values.set(sym, v);
    }
    const at = (p: Poly): Poly => substitute(p, values);
    const args = llm.prompt.map((a) => this.sizes.sizeOf(a, call));
    const growth = args.reduce<Growth>((g, a) => strongerGrowth(g, a.growth), summary.growth);
    // A count-up recursion's start that is not a known number: its levels are a bound.
    // A chain started from an id of its own (`let prev = r0.id`): what that conversation holds is not priced here, at most.
    const chain = this.chainedTurns(llm, summary, around.loops);
    const tight = summary.tight && args.every((a) => a.tight) && this.sizes.startKnown(llm, summary) && (!chain || chain.startsEmpty);
    const out = this.sizes.outputOf(call);
    const { explanation, iterations, loopsTight } = around;
    explanation.push(...new Set(args.flatMap((a) => a.notes)));
    if (llm.passed) explanation.push(passedNote(this.ts, llm, this.scopes.sourceFile)!);
    explanation.push(`${summary.name}() (${this.placeOf(summary)}) makes ${formatBound(Bound.of(summary.calls, summary.tight), rank)} LLM calls per invocation with input ${formatBound(Bound.of(summary.input, summary.tight), rank)}`);
    for (const line of summary.explanation) explanation.push(`  ${line}`);
    for (const line of summary.carried ?? []) explanation.push(`  ${line}`);
    const bound = [...values].filter(([name, v]) => summary.calls.degreeIn(name) + summary.input.degreeIn(name) + summary.generation.degreeIn(name) > 0 && !(v.symbols().length === 1 && v.symbols()[0] === name && v.degreeIn(name) === 1 && v.monomials.length === 1));
    // The callee's name for a size, qualified where the caller's value also names it (`|q| = |q| + |x|`).
    const calleeName = (name: string, v: Poly): string => (v.symbols().includes(name) ? `${summary.name}()'s ${name}` : name);
    if (bound.length) explanation.push(`here ${bound.map(([name, v]) => `${calleeName(name, v)} = ${formatValue(v, rank)}`).join(", ")}`);
    // The calls are exact only if whatever they count in the arguments is (`for (const x of xs)` inside).
    const callsExact = loopsTight && summary.callsTight && (tight || !summary.calls.symbols().some((sym) => values.has(sym)));
    // An id passed back each turn (`prev = (await ask(q, prev)).id`) chains its one request to the
    // state the server keeps: billed again, that state grows by a prompt and an answer per turn.
    if (chain?.startsEmpty) this.chainPricedHere(summary, values);
    let chainGrowth = growth;
    let inputPerCall = at(summary.input);
    let generationPerCall = at(summary.generation);
    // The state this call's invocations add to a chain, for a caller that passes the id on.
    let stateGrowth = summary.chainGrowth && iterations.mul(at(summary.chainGrowth));
    if (chain) {
      // One request: it adds its prompt and answer. Several (a turn loop of their own, chained too):
      // what the helper's chain gains per invocation, billed again by each of its requests.
      const perTurn = chain.multi ? at(summary.chainGrowth!) : inputPerCall.add(at(summary.output));
      inputPerCall = inputPerCall.add(perTurn.mul(chain.turns).mul(chain.multi ? at(summary.calls) : Poly.constant(1)));
      generationPerCall = generationPerCall.add(perTurn.mul(chain.turns).mul(at(summary.output)).mul(chain.m));
      stateGrowth = iterations.mul(perTurn);
      chainGrowth = "stateful";
      explanation.push(`${chain.source} (the id ${summary.name}() is passed back): the billed input grows by ${chain.multi ? `the prompts and answers of its ${formatValue(at(summary.calls), rank)} requests` : "the prompt and the answer"} on every iteration of ${chain.loops.map((l) => `${l.tripText} (line ${lineRef(l.line)})`).join(" × ")}`);
    }
    const handed = this.handedFieldsAt(llm, summary, around.loops, at);
    if (handed.grown) {
      inputPerCall = inputPerCall.add(handed.grown);
      chainGrowth = "stateful";
      explanation.push(...handed.lines);
    }
    const input = iterations.mul(inputPerCall);
    explanation.push(`input per invocation ${formatBound(Bound.of(inputPerCall, tight), rank)}; over ${formatBound(Bound.of(iterations, loopsTight), rank)} invocations: ${formatBound(Bound.of(input, tight && loopsTight), rank)}`);
    // The results a caller's loop appends are priced at their bound, not counted one by one.
    const counts = handed.grown ? undefined : this.wrapperCounts(llm, summary, earlier, iterations, chain);
    // The callee's growth facts name lines of its file: marked with it when that is another file.
    const calleeFacts = summary.file === this.scopes.sourceFile.fileName ? [summary] : [{ facts: summary.facts?.map((f) => ({ ...f, file: f.file ?? summary.file })) }];
    if (counts) explanation.push(generationLine(counts.generation, rank));
    // What one invocation leaves on a session it is handed (ContinuedRuns' helper): at most all it sent and got.
    const sentAndGot = { worst: inputPerCall.add(at(summary.output)), mean: inputPerCall.add(at(summary.output)) };
    return {
      leaves: { fresh: sentAndGot, after: sentAndGot, tight: false },
      ...(counts ? { counts } : {}),
      ...factsOf([...args, ...calleeFacts]),
      calls: Bound.of(iterations.mul(at(summary.calls)), callsExact),
      inputTokens: Bound.of(input, loopsTight && tight && !handed.grown),
      inputPerCall: Bound.of(inputPerCall, tight && !handed.grown),
      outputTokens: Bound.of(iterations.mul(at(summary.output)), loopsTight && tight),
      outputPerCall: Bound.of(out.poly, out.tight),
      generationCost: Bound.of(iterations.mul(generationPerCall), loopsTight && tight),
      span: Bound.of(around.loopSpan.mul(at(summary.span)), callsExact),
      growth: chainGrowth,
      ...(stateGrowth ? { chainGrowth: stateGrowth } : {}),
      ...(handed.onward.length ? { handedFields: handed.onward.map((h) => ({ ...h, requests: iterations.mul(h.requests) })) } : {}),
      loops: around.loops,
      conditional: around.conditional,
      explanation,
    };
  }

  /**
   * A method of this object called as `this.route(…)` whose runs are handed a field of `this` as their state
   * (`{ network: this }`, ApiSpec.handedState): each loop around the call that appends to that field
   * (`this.state.appendResult(call)`) leaves one more result in it per turn, which every later request sends,
   * up to turns results each: `requests · turns · |result|`, an upper bound (the i-th turn's sees i). The fields
   * no loop here appends to are the caller's to grow (`onward`, with the requests in this function's terms).
   */
  private handedFieldsAt(llm: LlmCall, summary: Summary, loops: readonly LoopInfo[], at: (p: Poly) => Poly): { grown?: Poly; lines: string[]; onward: HandedField[] } {
    const t = this.ts;
    const callee = llm.node.expression;
    const fields = summary.handedFields ?? [];
    if (!fields.length || llm.passed || llm.elementOf || !t.isPropertyAccessExpression(callee) || callee.expression.kind !== t.SyntaxKind.ThisKeyword) return { lines: [], onward: [] };
    const rank = this.symbols.rank;
    let grown: Poly | undefined;
    const lines: string[] = [];
    const onward: HandedField[] = [];
    for (const h of fields) {
      const appends = loops.map((l) => ({ loop: l, arg: this.appendedIn(l.node, h) })).filter((a) => a.arg);
      onward.push({ ...h, requests: at(h.requests) });
      if (!appends.length) continue;
      const turns = Poly.product(appends.map((a) => a.loop.trip));
      const result = this.appendedSize(appends[0]!.arg!, llm.node);
      grown = (grown ?? Poly.zero).add(at(h.requests).mul(turns).mul(result));
      lines.push(`${h.source}: ${summary.name}() sends this.${h.name}, which ${appends.map((a) => `${a.loop.tripText} (line ${lineRef(a.loop.line)})`).join(" × ")} grows by one result (${formatCount(result, rank)}) a turn: at most ${formatCount(turns, rank)} results in each of its requests`);
    }
    return { ...(grown ? { grown } : {}), lines, onward };
  }

  /** What a loop appends to `this.<field>` with the field's method (`this.state.appendResult(call)`): the argument. */
  private appendedIn(loop: ts.Node, h: HandedField): ts.Expression | undefined {
    const t = this.ts;
    let found: ts.Expression | undefined;
    const visit = (n: ts.Node): void => {
      if (found || (t.isFunctionLike(n) && n !== loop)) return;
      if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.name.text === h.method && n.arguments[0]) {
        const on = this.constants.skipTrivia(n.expression.expression);
        if (t.isPropertyAccessExpression(on) && on.name.text === h.name && on.expression.kind === t.SyntaxKind.ThisKeyword) found = n.arguments[0];
      }
      t.forEachChild(n, visit);
    };
    visit(loop);
    return found;
  }

  /** One appended result: its answer, and when it is a run's (`const call = await agent.run(…)`) the results of the tools that run called. */
  private appendedSize(arg: ts.Expression, at: ts.Node): Poly {
    const t = this.ts;
    const answer = this.sizes.sizeOf(arg, at).poly;
    const x = this.constants.skipTrivia(arg);
    const decl = t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
    const init = decl && t.isVariableDeclaration(decl) && decl.initializer ? this.constants.skipTrivia(decl.initializer) : undefined;
    const run = init && t.isAwaitExpression(init) ? this.constants.skipTrivia(init.expression) : init;
    if (!run || !t.isCallExpression(run)) return answer;
    const tools = this.symbols.define({ name: this.stepSymbol(run).replace(/^steps/, "tool"), kind: "size", line: this.line(run), origin: `the results of the tools the run at line ${lineRef(this.line(run))} calls, kept in its result` });
    return answer.add(Poly.symbol(tools));
  }

  /**
   * `Σ_{i<|questions|} (38 + i·(|question| + out)) = …`: the input summed over the executions of
   * a site whose prompt grows by iteration (one index, the loops around the site); else, when the
   * count differs from the bound, the count alone.
   */
  /** `upper`: the SDK sends less than this past a limit (a trimmed history), so the sum is at most, not exactly. */
  private sumLine(at: Poly, count: Poly, loops: readonly LoopInfo[], upper = false): string | undefined {
    const rank = this.symbols.rank;
    const whole = (): string => `${upper ? "at most" : "exactly"}, summed over its executions: ${formatCount(count, rank)} input tokens`;
    const indices = at.symbols().filter((s) => s.startsWith("i["));
    if (indices.length !== 1) return undefined;
    const index = indices[0]!;
    const n = index.slice(2, -1);
    if (n !== loops.map((l) => l.tripText).join("·")) return whole();
    // `a + i·(g)`: what the first execution sends, and what each one adds.
    const first = Poly.sum(at.monomials.filter((m) => !m.factors[index]).map((m) => termPoly(m.factors, m.coef)));
    const step = Poly.sum(at.monomials.filter((m) => m.factors[index] === 1).map((m) => termPoly(Object.fromEntries(Object.entries(m.factors).filter(([s]) => s !== index)), m.coef)));
    if (!at.add(first.scale(-1)).add(step.mul(Poly.symbol(index)).scale(-1)).dropZeros().isZero()) return whole();
    const g = formatCount(step, rank);
    return `input summed over the iterations: Σ_{i<${n}} (${formatCount(first, rank)} + ${step.isConstant() ? `${g}·i` : `i·${step.monomials.length > 1 ? `(${g})` : g}`}) ${upper ? "≤" : "="} ${formatCount(count, rank)}`;
  }

  /**
   * The callee's exact counts at this call: its arguments at their mean sizes over the loops here;
   * an array it sends whole (`|p|·|p[]|` in its terms) is that array's own size, not its length
   * times its largest element; `calls[X]` earlier invocations on one instance average (n−1)/2.
   */
  /**
   * The loops whose turns a wrapper's state chain grows over: an argument the summary chains its
   * request by (`ask(q, prev)`), read from a variable declared outside them, when the wrapper makes
   * one request per invocation.
   */
  private chainedTurns(llm: LlmCall, summary: Summary, loops: readonly LoopInfo[]): { source: string; loops: LoopInfo[]; turns: Poly; m: Poly; multi: boolean; startsEmpty: boolean } | undefined {
    const single = summary.calls.isConstant() && summary.calls.evaluate({}, 0) === 1;
    if (llm.passed || llm.elementOf || (!single && !summary.chainGrowth)) return undefined;
    for (const [i, p] of summary.params.entries()) {
      const decl = p.chains ? this.chainRoot((llm.arguments ?? llm.node.arguments)[i], p.chains.field) : undefined;
      // Only a loop that writes the id (`prev = r.id`) moves the chain on: a fixed id chains every turn to one response.
      const chained = decl ? this.loopsSince(loops, decl) : [];
      if (chained.length && chained.some((l) => this.writes(l.node, decl!))) return { source: p.chains!.source, loops: chained, turns: Poly.product(chained.map((l) => l.trip)), m: Poly.symbol(modelSymbol(summary.model)), multi: !single, startsEmpty: this.startsEmpty(decl!) };
    }
    // A module's variable the function moves on itself: no loop here encloses it, each moves the chain on.
    if (summary.movesChain && loops.length) return { source: summary.movesChain, loops: [...loops], turns: Poly.product(loops.map((l) => l.trip)), m: Poly.symbol(modelSymbol(summary.model)), multi: !single, startsEmpty: true };
    return undefined;
  }

  /**
   * Whether the id a caller's loop chains starts on no conversation: a variable declared without a value, with `undefined`/`null`, or `{}`.
   * Any other start (`let prev = r0.id`, a parameter) names a conversation the first turn already carries: `|prev's conversation|` stays.
   */
  private startsEmpty(decl: ts.Node): boolean {
    const t = this.ts;
    if (!t.isVariableDeclaration(decl)) return false;
    const init = decl.initializer && this.constants.skipTrivia(decl.initializer);
    return !init || init.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(init) && init.text === "undefined") || (t.isObjectLiteralExpression(init) && !init.properties.length);
  }

  /** Whether `within` assigns the variable `decl` or one of its properties (`prev = …`, `state.prev = …`). */
  writes(within: ts.Node, decl: ts.Node): boolean {
    const t = this.ts;
    const visit = (n: ts.Node): boolean => {
      if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && this.chainRoot(n.left) === decl) return true;
      return !!t.forEachChild(n, (c) => visit(c) || undefined);
    };
    return visit(within);
  }

  /** The variable an id argument is read from (`prev`, `last.id`, `state.prev!`; with `field`, that property of an options object: `{ previousResponseID: prev }`). */
  chainRoot(arg: ts.Expression | undefined, field?: string): ts.Node | undefined {
    const t = this.ts;
    const picked = field === undefined ? arg : arg && this.constants.property(arg, [field]);
    let root = picked && this.constants.skipTrivia(picked);
    while (root && (t.isPropertyAccessExpression(root) || t.isElementAccessExpression(root) || t.isNonNullExpression(root))) root = this.constants.skipTrivia(root.expression);
    return root && t.isIdentifier(root) ? this.scopes.resolve(root) : undefined;
  }

  /**
   * What the chain a handed id names already holds (`|prev's conversation|`, also through a helper's helper or a destructured
   * parameter) is the chain the caller prices turn by turn: none of its own. (A helper handed a second conversation as well
   * would lose it here: not seen in the repositories.)
   */
  private chainPricedHere(summary: Summary, values: Map<string, Poly>): void {
    for (const sym of [summary.calls, summary.input, summary.generation, summary.output, ...(summary.counts ? [summary.counts.calls, summary.counts.input, summary.counts.output, summary.counts.generation] : [])].flatMap((p) => p.symbols())) {
      if (sym.endsWith("'s conversation|")) values.set(sym, Poly.zero);
    }
  }

  private wrapperCounts(llm: LlmCall, summary: Summary, earlier: (sym: string, mean: boolean) => Poly | undefined, iterations: Poly, chain?: { turns: Poly; m: Poly; multi: boolean; startsEmpty: boolean }): Counts | undefined {
    const c = summary.counts;
    if (!c) return undefined;
    const t = this.ts;
    const values = this.sizes.argumentValues(llm, summary, meanOf);
    if (chain?.startsEmpty) this.chainPricedHere(summary, values);
    const whole = new Map<string, string>();
    // An array the callee grows holds what its earlier invocations here added, too.
    const grown = this.sizes.meanGrowthByEarlierCalls(llm, summary, values);
    summary.params.forEach((p, i) => {
      const arg = (llm.arguments ?? llm.node.arguments)[i];
      if (llm.elementOf || llm.passed || !p.name || !arg || t.isSpreadElement(arg) || !values.has(`|${p.name}[]|`)) return;
      const name = `\uE002${p.name}`;
      whole.set(p.name, name);
      values.set(name, meanOf(this.sizes.sizeOf(arg, llm.node)).add(grown.get(p.name) ?? Poly.zero));
    });
    for (const sym of countPolys(c).flatMap((p) => p.symbols())) {
      const v = /^calls\[/.test(sym) ? earlier(sym, true) : undefined;
      if (v) values.set(sym, v);
      // A recursion's leaves follow from the size passed here: the same count, of this argument.
      const leaves = summary.symbols.find((s) => s.name === sym && s.leavesOf);
      if (!leaves?.leavesOf) continue;
      const from = values.get(leaves.leavesOf.from);
      const arg = from?.monomials.length === 1 && from.monomials[0]!.coef === 1 ? Object.entries(from.monomials[0]!.factors) : [];
      if (arg.length !== 1 || arg[0]![1] !== 1) return undefined;
      const name = this.symbols.define({ ...leaves, name: `${sym.slice(0, -1)}:${arg[0]![0]}]`, leavesOf: { from: arg[0]![0], characters: leaves.leavesOf.characters } });
      values.set(sym, Poly.symbol(name));
    }
    const at = (p: Poly): Poly => iterations.mul(substitute(wholeArrays(p, whole), values));
    const counts = mapCounts(c, at);
    if (!chain) return counts;
    // The i-th turn re-sends the i before it, each a prompt and an answer (a helper of several
    // requests: what its chain gained, billed again by each of them): (n−1)/2 of them on average.
    const once = (p: Poly): Poly => substitute(wholeArrays(p, whole), values);
    const earlierTurns = chain.turns.scale(0.5).add(Poly.constant(-0.5));
    const gained = chain.multi ? once(summary.chainGrowth!) : once(c.input).add(once(c.output));
    const resent = gained.mul(earlierTurns);
    const requests = chain.multi ? once(c.calls) : Poly.constant(1);
    return { ...counts, input: counts.input.add(iterations.mul(resent).mul(requests)), generation: counts.generation.add(iterations.mul(resent).mul(once(c.output)).mul(chain.m)) };
  }

  /** `ask() (llm.ts:5)`: a summary's own file's lines are marked (see lineRefs), another's are final. */
  private placeOf(summary: Summary): string {
    const here = summary.file === this.scopes.sourceFile.fileName;
    return `${summary.file.split(/[\\/]/).pop()}:${here ? lineRef(summary.line) : summary.line}`;
  }

  /** The p-limit limiter the call runs under, if any. */
  private limiterAround(call: ts.Node): { host: ts.Node; concurrency: number } | undefined {
    for (let n: ts.Node | undefined = call.parent; n; n = n.parent) {
      if (!this.ts.isFunctionLike(n)) continue;
      const host = this.loops.callbackHost(n);
      if (!host) return undefined;
      const concurrency = this.loops.limiterConcurrency(host);
      if (concurrency) return { host, concurrency };
      n = host;
    }
    return undefined;
  }

  /** `assistant.ask()`: where `assistant` is declared. */
  /**
   * `calls[X]` at a call: the earlier invocations on the instance — `repeated` of them here (their
   * mean, (repeated − 1)/2, when counted); outside a loop inside X's own methods (`this.send()`, a
   * closure or generator of X's), none: the instance is the same, and X's caller fills it in. Through a field
   * of the enclosing class C outside any loop (`this.chat.send()` once per call of C's method), one
   * per earlier invocation of C's methods: calls[C], for C's caller. (In a loop here, the loop's
   * count alone, as before: the earlier calls of C's methods are not added.) Outside a loop, on an
   * instance of another class this invocation did not make (a parameter, `getChat()`, a module's
   * instance, or handed to a helper: gemini-cli's `callModel(chat, …)`), the earlier invocations are
   * the caller's to count: calls[X] stays for it, not one.
   */
  private earlierInvocations(call: ts.CallExpression, repeated: Poly): (sym: string, mean: boolean) => Poly | undefined {
    const t = this.ts;
    let cls: ts.Node | undefined = call.parent;
    while (cls && !t.isClassLike(cls)) cls = cls.parent;
    const own = cls && t.isClassLike(cls) ? cls : undefined;
    const ownName = own?.name?.text ?? "<class>";
    const callee = this.constants.skipTrivia(call.expression);
    const viaField = !!own && repeated.isConstant() && t.isPropertyAccessExpression(callee) && t.isPropertyAccessExpression(callee.expression) && callee.expression.expression.kind === t.SyntaxKind.ThisKeyword;
    const fresh = this.freshReceiver(call);
    return (sym, mean) => {
      if (own && sym === `calls[${ownName}]` && repeated.isConstant()) return undefined;
      if (!viaField && repeated.isConstant() && !fresh) return undefined;
      if (!viaField) return mean ? repeated.scale(0.5).add(Poly.constant(-0.5)) : repeated;
      return Poly.symbol(this.symbols.define({ name: `calls[${ownName}]`, kind: "count", line: this.line(own!), origin: `calls of ${ownName}'s methods on one instance so far` }));
    };
  }

  /**
   * `new Chat().ask()`, or `chat.ask()` with `const chat = new Chat()` in the call's own function: an
   * instance this invocation made, handed nothing that may hold another's state (only literals and
   * instances made so in place): a
   * `new Turn(this.getChat(), id)` each turn wraps the one chat (gemini-cli's client), not a fresh one.
   */
  private freshReceiver(call: ts.CallExpression): boolean {
    const t = this.ts;
    const decl = this.receiverDeclaration(call);
    if (!decl) return false;
    const literal = (a: ts.Expression): boolean => {
      const x = this.constants.skipTrivia(a);
      return t.isStringLiteralLike(x) || t.isNumericLiteral(x) || [t.SyntaxKind.TrueKeyword, t.SyntaxKind.FalseKeyword, t.SyntaxKind.NullKeyword].includes(x.kind);
    };
    const made = (e: ts.Expression): boolean => t.isNewExpression(e) && (e.arguments ?? []).every((a) => literal(a) || made(this.constants.skipTrivia(a)));
    if (t.isNewExpression(decl)) return made(decl);
    if (!t.isVariableDeclaration(decl) || !decl.initializer) return false;
    let init = this.constants.skipTrivia(decl.initializer);
    if (t.isAwaitExpression(init)) init = this.constants.skipTrivia(init.expression);
    return made(init) && this.loops.enclosingFunction(decl) === this.loops.enclosingFunction(call);
  }

  private receiverDeclaration(call: ts.CallExpression): ts.Node | undefined {
    const t = this.ts;
    const callee = call.expression;
    if (!t.isPropertyAccessExpression(callee)) return undefined;
    // `new Assistant().ask()`: a fresh instance on every execution.
    if (t.isNewExpression(callee.expression)) return callee.expression;
    return t.isIdentifier(callee.expression) ? this.scopes.resolve(callee.expression) : undefined;
  }

  /** The loops around the call that do not also enclose `anchor` (where the state was created). */
  private loopsSince(loops: readonly LoopInfo[], anchor: ts.Node): LoopInfo[] {
    const outer = new Set(this.loops.around(anchor).map((l) => l.node));
    return loops.filter((l) => !outer.has(l.node));
  }

  /**
   * How many requests one call makes inside the SDK: a count of this site, `steps[fn]`, that
   * `--assume`, settings and `// @aalp` can set, with the value the code states (`maxSteps: 5`) or
   * else the SDK's default; unbounded when neither sets one. Undefined when the call makes one request.
   */
  private stepCount(llm: LlmCall, explanation: string[]): Poly | undefined {
    const steps = llm.steps!;
    const line = this.line(llm.node);
    const sf = this.scopes.sourceFile;
    // A number of requests no option changes (a SQL chain's query and answer, an assign before a chain): a constant, not a count to set.
    if (!steps.spec.from.length && steps.spec.default !== undefined) {
      if (steps.spec.default <= 1) return undefined;
      explanation.push(`${steps.spec.source}: ${steps.spec.default} requests`);
      return Poly.constant(steps.spec.default);
    }
    const capText = steps.cap ? steps.cap.getText(sf).replace(/\s+/g, " ").slice(0, 60) : "";
    const fallback = steps.cap && this.fallbackCap(steps.cap);
    if (fallback) return this.fallbackStepCount(llm, fallback, explanation);
    const counted = steps.cap ? this.capOf(steps.cap) : steps.stated ? Poly.constant(steps.stated.value) : undefined;
    // A cap of tool turns leaves one more request, the answer after the last turn (Genkit's maxTurns);
    // a cap of graph supersteps runs the model node in every other one.
    const answer = steps.spec.answerAfterCap ? 1 : 0;
    const alternating = !!steps.alternates;
    const turns = answer ? " tool turns, then the answer" : alternating ? " supersteps" : " steps";
    const modelNode = (requests: string): string => `; the model node runs in every other one (model, tools, …): at most ${requests} model requests`;
    if (counted && !counted.isConstant()) {
      const requests = answer ? counted.add(Poly.constant(answer)) : alternating ? counted.scale(0.5).add(Poly.constant(1)) : counted;
      explanation.push(`line ${lineRef(this.line(steps.cap!))}: ${capText} lets the SDK's loop run at most ${formatValue(counted, this.symbols.rank)}${turns}${alternating ? modelNode(formatCount(requests, this.symbols.rank)) : ""}`);
      return requests;
    }
    const cap = counted ? counted.constantValue() : steps.cap ? undefined : steps.spec.default;
    const stated = cap === undefined ? undefined : alternating ? Math.floor(cap / 2) + 1 : cap + answer;
    const name = this.stepSymbol(llm.node);
    const where = `steps of the SDK's loop at line ${lineRef(line)}`;
    // A middleware that stops the run after a stated number of model requests, when that is fewer.
    const limit = steps.limit && this.capOf(steps.limit);
    const limited = limit?.isConstant() ? limit.constantValue() : undefined;
    if (limited !== undefined && (stated === undefined || limited < stated)) {
      if (limited <= 1) return undefined;
      const text = steps.limit!.getText(sf).replace(/\s+/g, " ").slice(0, 60);
      this.symbols.define({ name, kind: "count", line, origin: `${where}: ${text} model requests per run`, value: limited });
      explanation.push(`line ${lineRef(this.line(steps.limit!))}: ${steps.spec.callLimit!.key}: ${text} (${steps.spec.callLimit!.maker}) stops each run after ${limited} model requests: ${name} = ${limited}`);
      return Poly.symbol(name);
    }
    if (stated !== undefined && stated <= 1) return undefined;
    if (stated !== undefined) {
      // A cap read where another module made the client is told with its place there.
      const told = steps.stated ? steps.stated.text : capText;
      const halved = alternating ? modelNode(`⌊${cap}/2⌋ + 1 = ${stated}`) : "";
      const most = answer ? `at most ${cap}${turns}, ${stated} requests` : alternating ? `at most ${cap}${turns}${halved}` : `at most ${stated} steps`;
      const why = !counted ? steps.spec.source + halved : steps.stated ? `${told} lets the SDK's loop run ${most}` : `line ${lineRef(this.line(steps.cap!))}: ${capText} lets the SDK's loop run ${most}`;
      // Options handed in may set the cap the default stands for: the count is the default only as an assumption.
      if (!counted && steps.open) {
        const option = steps.spec.from.find((p) => !p.startsWith("client:"))?.split(".").pop() ?? "the cap";
        this.symbols.define({ name, kind: "count", line, origin: `${where}: ${steps.open} may set ${option}; ${stated} with the SDK's default`, value: stated, defaultOnly: true });
        explanation.push(`${steps.open} may set ${option} (not read here): ${name} requests, not bounded in the code; ${why}: ${name} = ${stated} only by default`);
        return Poly.symbol(name);
      }
      this.symbols.define({ name, kind: "count", line, origin: `${where}: ${counted ? told : steps.spec.source}`, value: stated });
      explanation.push(`${why}: ${name} = ${stated}`);
      return Poly.symbol(name);
    }
    this.symbols.define({ name, kind: "count", line, origin: `${where}: ${steps.cap ? `${capText} is not a step count` : steps.spec.source}`, unbounded: true });
    explanation.push(`${steps.cap ? `the stop condition ${capText} sets no step count` : steps.spec.source}: ${name} steps, unbounded`);
    return Poly.symbol(name);
  }

  /**
   * `stopWhen: options?.stopWhen ?? this.stopWhen ?? stepCountIs(maxSteps)`: the caller's stop
   * condition when given (any condition), else a step count. The count is the default, as an SDK's
   * own default is (a stopWhen given replaces that too): a stated number is the steps' value, a
   * count the code does not state leaves them unbounded.
   */
  private fallbackCap(cap: ts.Expression): { readonly given: readonly ts.Expression[]; readonly last: ts.Expression; readonly count: Poly } | undefined {
    const t = this.ts;
    const alternatives: ts.Expression[] = [];
    const collect = (e: ts.Expression): void => {
      const x = this.constants.skipTrivia(e);
      if (t.isBinaryExpression(x) && (x.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || x.operatorToken.kind === t.SyntaxKind.BarBarToken)) {
        collect(x.left);
        collect(x.right);
      } else alternatives.push(x);
    };
    collect(cap);
    const last = alternatives.pop()!;
    const count = alternatives.length && t.isCallExpression(last) ? this.capOf(last) : undefined;
    // The earlier alternatives are values handed in (`options?.stopWhen`, `this.stopWhen`), not conditions written here.
    return count && alternatives.every((a) => t.isIdentifier(a) || t.isPropertyAccessExpression(a)) ? { given: alternatives, last, count } : undefined;
  }

  private fallbackStepCount(llm: LlmCall, cap: { readonly given: readonly ts.Expression[]; readonly last: ts.Expression; readonly count: Poly }, explanation: string[]): Poly | undefined {
    const sf = this.scopes.sourceFile;
    const text = (e: ts.Expression): string => e.getText(sf).replace(/\s+/g, " ").slice(0, 60);
    const value = cap.count.isConstant() ? cap.count.constantValue() : undefined;
    if (value !== undefined && value <= 1) return undefined;
    const name = this.stepSymbol(llm.node);
    const line = this.line(llm.node);
    const given = cap.given.map(text).join(", ");
    const where = `line ${lineRef(this.line(cap.last))}: the stop condition is the one given (${given}: any condition), else ${text(cap.last)}`;
    if (value !== undefined) {
      this.symbols.define({ name, kind: "count", line, origin: `steps of the SDK's loop at line ${lineRef(line)}: ${text(cap.last)} unless ${given} is given`, value });
      explanation.push(`${where}: at most ${value} steps by default: ${name} = ${value}`);
      return Poly.symbol(name);
    }
    this.symbols.define({ name, kind: "count", line, origin: `steps of the SDK's loop at line ${lineRef(line)}: ${given} when given (any condition), else ${text(cap.last)}`, unbounded: true });
    explanation.push(`${where}, whose count ${formatValue(cap.count, this.symbols.rank)} is not a number stated here: ${name} steps, unbounded`);
    return Poly.symbol(name);
  }

  /** The threshold a compacting SDK loop keeps each step's input under (`compactionControl`), if any. */
  private compactionThreshold(llm: LlmCall, explanation: string[]): Poly | undefined {
    const spec = llm.steps?.spec.compaction;
    const option = llm.steps?.compaction;
    if (!spec || !option) return undefined;
    const threshold = this.constants.number(this.constants.property(option, [spec.threshold])) ?? spec.defaultThreshold;
    explanation.push(`line ${lineRef(this.line(option))}: the conversation is compacted at ${threshold} tokens: each step re-sends at most that much, and each compaction is a summary call`);
    return Poly.constant(threshold);
  }

  private stepSymbol(call: ts.CallExpression): string {
    return stepSymbol(this.ts, this.loops, call);
  }

  /** `stepCountIs(5)`, `isStepCount(5)`, `[stepCountIs(5), hasToolCall("x")]`, `c ? stepCountIs(3) : stepCountIs(5)`, `maxSteps: n`. */
  private capOf(e: ts.Expression): Poly | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    // Stated counts: the smallest of a list, the larger of a conditional's two (stopConditions.ts).
    const stated = t.isArrayLiteralExpression(x) || t.isConditionalExpression(x) ? stepCap(t, this.constants, x) : undefined;
    if (stated !== undefined) return Poly.constant(stated);
    if (t.isArrayLiteralExpression(x)) {
      // The loop stops at the first condition met: any step count bounds it.
      for (const el of x.elements) {
        const c = this.capOf(el);
        if (c) return c;
      }
      return undefined;
    }
    if (t.isCallExpression(x)) {
      const name = t.isIdentifier(x.expression) ? x.expression.text : t.isPropertyAccessExpression(x.expression) ? x.expression.name.text : "";
      return /^(stepCountIs|isStepCount)$/.test(name) && x.arguments[0] ? this.loops.count(x.arguments[0]).trip : undefined;
    }
    if (t.isPropertyAccessExpression(x) || t.isIdentifier(x)) {
      // `maxSteps: config.maxSteps` with `config` a const object literal, here or imported.
      const stated = this.constants.memberNumber(x);
      if (stated !== undefined) return Poly.constant(stated);
    }
    if (t.isNumericLiteral(x) || t.isIdentifier(x) || t.isPropertyAccessExpression(x)) return this.loops.count(x).trip;
    return undefined;
  }

  /** Whether the call runs on only some paths: under if/?:/&&/||/case/catch or after a `continue`. */
  private isConditional(call: ts.Node, loops: readonly LoopInfo[]): boolean {
    const t = this.ts;
    const boundary = this.loops.enclosingFunction(call);
    for (let n: ts.Node = call; n.parent && n !== boundary; n = n.parent) {
      const p = n.parent;
      if (t.isIfStatement(p) && p.expression !== n) return true;
      if (t.isConditionalExpression(p) && p.condition !== n) return true;
      if (t.isCaseClause(p) || t.isDefaultClause(p) || t.isCatchClause(p)) return true;
      if (t.isBinaryExpression(p) && p.right === n && [t.SyntaxKind.AmpersandAmpersandToken, t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) return true;
    }
    return loops.some((l) => t.isIterationStatement(l.node, false) && this.hasContinueBefore((l.node as ts.IterationStatement).statement, call.pos));
  }

  private hasContinueBefore(body: ts.Node, pos: number): boolean {
    const t = this.ts;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || t.isFunctionLike(n) || t.isIterationStatement(n, false)) return;
      if (t.isContinueStatement(n) && n.pos < pos) found = true;
      t.forEachChild(n, visit);
    };
    t.forEachChild(body, visit);
    return found;
  }

  /** `tasks.push(llm(x))` or `[llm(a), llm(b)]`: the promise is gathered, not awaited in the loop. */
  private isCollectedPromise(call: ts.CallExpression): boolean {
    const t = this.ts;
    const p = call.parent;
    if (t.isArrayLiteralExpression(p)) return true;
    return t.isCallExpression(p) && t.isPropertyAccessExpression(p.expression) && p.expression.name.text === "push" && p.arguments.includes(call);
  }
}


/** The derivation's line for the exact generation cost. */
function generationLine(count: Poly, rank: SymbolRank, upper = false): string {
  return `generation summed over the requests: Σ m·(out·in + out(out−1)/2) ${upper ? "≤" : "="} ${formatCount(count, rank)}`;
}

/** `|p|·|p[]|` (a length times one element) → the symbol `whole.get(p)` (the array's own size). */
function wholeArrays(p: Poly, whole: ReadonlyMap<string, string>): Poly {
  if (whole.size === 0) return p;
  return Poly.sum(
    p.monomials.map((m) => {
      const factors: Record<string, number> = { ...m.factors };
      for (const [name, sym] of whole) {
        if (factors[`|${name}|`] !== 1 || factors[`|${name}[]|`] !== 1) continue;
        delete factors[`|${name}|`];
        delete factors[`|${name}[]|`];
        factors[sym] = 1;
      }
      return termPoly(factors, m.coef);
    }),
  );
}

/** One monomial, `coef·Π s^e`, as a polynomial. */
function termPoly(factors: Readonly<Record<string, number>>, coef: number): Poly {
  return Poly.product(Object.entries(factors).map(([s, e]) => Poly.symbol(s, e))).scale(coef);
}

/** For a closure passed to a call (`retryWithBackoff(apiCall, 3)`): that the call runs it, counted once. */
export function passedNote(t: TS, llm: LlmCall, file: ts.SourceFile): string | undefined {
  if (!llm.passed) return undefined;
  const e = llm.node.expression;
  const host = (t.isPropertyAccessExpression(e) ? e.name.text : e.getText(file)).replace(/\s+/g, "");
  return `${llm.passed.text} is passed to ${host}(), which runs it: counted once (it runs at least once; a retry may run it again)`;
}
