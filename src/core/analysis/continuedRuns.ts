// Runs that continue an earlier site's conversation in the same function: a straight-line
// `const r1 = await a.run(q1); await a.run(q2, { state: r1.data.state })`, a second `invoke` on one
// checkpointed thread, a second message to one chat session. The later request re-sends what the
// earlier site left (its prompt, answers and tool results); a loop around one site alone does not
// see it (see CallSites, docs/estimates.md "Runs continued across sites").
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import type { LlmCall } from "../binder/provenance";
import type { Scopes, TS } from "../binder/scopes";
import type { Constants } from "../binder/constants";
import type { LoopInfo, Loops } from "./loops";
import { isIdProperty } from "./idProperties";
import { indexSymbol } from "./sizeValues";

/** How many of an earlier site's executions one execution of the later site carries: the most, the mean, at the i-th. */
export interface Times {
  readonly worst: Poly;
  readonly mean: Poly;
  readonly at: Poly;
}

/**
 * An earlier site whose conversation a site continues. `result`: the state is read from the earlier
 * site's own result (`state: r1.data.state`, `previous_response_id: r1.id`), so it carries everything
 * that site's conversation held after it. `shared`: both send on one session or thread, so each
 * earlier execution left its prompt and answers there.
 */
export interface Continued {
  readonly llm: LlmCall;
  readonly kind: "result" | "shared";
  readonly times: Times;
  /** Every counted execution surely ran before (not under a condition of its own, in exact loops, in order). */
  readonly tight: boolean;
  /** Whether the carried part grows over a loop around both sites (a shared session kept across its rounds). */
  readonly grows: boolean;
}

const ONCE: Times = { worst: Poly.one, mean: Poly.one, at: Poly.one };

/**
 * The most earlier sites on one conversation a site adds up: each is a sum of its own, so a function of n sends
 * on one chat costs n² of them. Past it the site's input is not bounded here (unknown, with the reason).
 */
export const MAX_CONTINUED = 32;

export class ContinuedRuns {
  /** The state-carrying sites of each function by their state's anchor, in source order (made on first use). */
  private readonly stateSites = new Map<ts.Node, Map<ts.Node, LlmCall[]>>();

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
    private readonly loops: Loops,
    private readonly classify: (call: ts.CallExpression) => LlmCall | undefined,
    /** Whether `within` assigns the variable `decl` (or a property of it). */
    private readonly writes: (within: ts.Node, decl: ts.Node) => boolean,
    /** One step of the file's analysis budget. */
    private readonly step: (at: ts.Node) => void,
  ) {}

  /** Whether a loop's body holds a `continue`, per loop. */
  private readonly continues = new Map<ts.Node, boolean>();

  /**
   * The earlier sites of `llm`'s function whose conversation it continues. `loops` are the loops around
   * `llm`, `stateLoops` those of them its own state is kept across (the loop rule counts its own turns).
   * A string: why they are not counted (more than MAX_CONTINUED of them).
   */
  earlier(llm: LlmCall, loops: readonly LoopInfo[], stateLoops: readonly LoopInfo[]): Continued[] | string {
    const t = this.ts;
    const state = llm.state;
    if (!state || state.window !== undefined || state.appendedIn || state.field || llm.summary) return [];
    const fn = this.loops.enclosingFunction(llm.node);
    const anchor = state.anchor;
    if (t.isVariableDeclaration(anchor)) {
      // `const r1 = await a.run(q1)` read for the state: that run's conversation, once.
      const from = this.resultOf(anchor);
      if (from && this.loops.enclosingFunction(from.node) !== fn) return [];
      if (from) {
        const out: Continued[] = [{ llm: from, kind: "result", times: ONCE, tight: true, grows: false }];
        // An id (`r1.id`) names one point of a chain: other requests chained to it are siblings. A state object
        // (`r1.data.state`) is grown in place by every run handed it: those before this one count too.
        if (this.readsIdOf(llm.node, anchor)) return out;
        const more = this.onSameState(llm, fn, loops, stateLoops);
        return typeof more === "string" ? more : out.concat(more);
      }
      // A `let` the code moves on (`prev = r.id`) names a different point of the chain at each site: not read.
      if (!(t.getCombinedNodeFlags(anchor) & t.NodeFlags.Const)) return [];
    } else if (t.isParameter(anchor) && this.writes(fn, anchor)) return [];
    return this.onSameState(llm, fn, loops, stateLoops);
  }

  /** The other sites of `fn` on `llm`'s state (its anchor, and its thread when a fixed id names one). */
  private onSameState(llm: LlmCall, fn: ts.Node, loops: readonly LoopInfo[], stateLoops: readonly LoopInfo[]): Continued[] | string {
    const out: Continued[] = [];
    for (const other of this.sitesOf(fn).get(llm.state!.anchor) ?? []) {
      this.step(other.node);
      if (other.node === llm.node || other.state!.thread !== llm.state!.thread || other.state!.keptBy !== llm.state!.keptBy) continue;
      const shared = this.shared(other.node, llm.node, loops, stateLoops);
      if (!shared) continue;
      if (out.length === MAX_CONTINUED) return `more than ${MAX_CONTINUED} sites of this function send on the same conversation before it: what they leave there is not added up`;
      out.push({ llm: other, kind: "shared", ...shared });
    }
    return out;
  }

  /** Whether `llm`'s state is an id read off an earlier site's const result (`previous_response_id: r1.id`): one point of the chain, which no loop moves. */
  fixedId(llm: LlmCall): boolean {
    const anchor = llm.state?.anchor;
    return !!anchor && this.ts.isVariableDeclaration(anchor) && !!this.resultOf(anchor) && this.readsIdOf(llm.node, anchor);
  }

  /** Whether the call reads an id off the variable `decl` (`previous_response_id: r1.id`, `r1.lastResponseId`), not an object. */
  private readsIdOf(call: ts.CallExpression, decl: ts.Node): boolean {
    const t = this.ts;
    const visit = (n: ts.Node): boolean | undefined => {
      if (t.isPropertyAccessExpression(n)) {
        let root: ts.Expression = n;
        while (t.isPropertyAccessExpression(root) || t.isNonNullExpression(root)) root = this.constants.skipTrivia(root.expression);
        if (t.isIdentifier(root) && this.scopes.resolve(root) === decl) return isIdProperty(n.name.text);
      }
      return t.forEachChild(n, visit);
    };
    return call.arguments.some((a) => visit(a) === true);
  }

  /** The site whose awaited answer a `const` holds, as written: `const r = await a.run(q)`. */
  private resultOf(decl: ts.VariableDeclaration): LlmCall | undefined {
    const t = this.ts;
    if (!t.isIdentifier(decl.name) || !decl.initializer || !(t.getCombinedNodeFlags(decl) & t.NodeFlags.Const)) return undefined;
    let init = this.constants.skipTrivia(decl.initializer);
    if (t.isAwaitExpression(init)) init = this.constants.skipTrivia(init.expression);
    if (!t.isCallExpression(init)) return undefined;
    const llm = this.classify(init);
    return llm && !llm.summary ? llm : undefined;
  }

  /**
   * How many executions of `earlier` one execution of `site` carries on a shared state: every one in loops
   * around `earlier` alone, in each round so far of the loops both are in that the state outlives
   * (this round's too when `earlier` comes first). None when it comes after and no such loop repeats it.
   */
  private shared(earlier: ts.CallExpression, site: ts.CallExpression, loops: readonly LoopInfo[], stateLoops: readonly LoopInfo[]): Omit<Continued, "llm" | "kind"> | undefined {
    // Handed to one Promise.all, either may run first: counted as before, at most.
    const together = this.concurrent(earlier, site);
    const before = together || earlier.end <= site.pos || (earlier.pos >= site.pos && earlier.end <= site.end);
    const aroundSite = new Set(loops.map((l) => l.node));
    const own = this.loops.around(earlier).filter((l) => !aroundSite.has(l.node));
    const aroundEarlier = new Set(this.loops.around(earlier).map((l) => l.node));
    const common = stateLoops.filter((l) => aroundEarlier.has(l.node));
    if (!before && !common.length) return undefined;
    const extra = Poly.product(own.map((l) => l.trip));
    const turns = Poly.product(common.map((l) => l.trip));
    const index = common.length ? Poly.symbol(indexSymbol(common.map((l) => l.tripText).join("·"))) : Poly.zero;
    // In round i of the common loops: i + 1 rounds of the earlier site when it comes first, i otherwise.
    const rounds = before ? { worst: turns, mean: turns.add(Poly.one).scale(0.5), at: index.add(Poly.one) } : { worst: turns, mean: turns.add(Poly.constant(-1)).scale(0.5), at: index };
    const times = { worst: extra.mul(rounds.worst), mean: extra.mul(rounds.mean), at: extra.mul(rounds.at) };
    // A `continue` in a loop around both may skip the earlier site on some rounds: at most.
    const tight = !together && own.every((l) => l.exact && !l.parallel) && common.every((l) => !l.parallel && !this.hasContinue(l.node)) && !this.conditionalUpTo(earlier, site);
    return { times, tight, grows: common.length > 0 };
  }

  /** Whether two calls run together: elements of one array handed to `Promise.all` (`allSettled`, `race`, `any`). */
  private concurrent(a: ts.Node, b: ts.Node): boolean {
    const t = this.ts;
    for (let n: ts.Node = a; n.parent; n = n.parent) {
      const p = n.parent;
      if (b.pos < p.pos || b.end > p.end) continue;
      if (!t.isArrayLiteralExpression(p) || !t.isCallExpression(p.parent) || !p.parent.arguments.includes(p)) return false;
      const callee = p.parent.expression;
      return t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) && callee.expression.text === "Promise" && ["all", "allSettled", "race", "any"].includes(callee.name.text);
    }
    return false;
  }

  /** Whether a loop's body holds a `continue` (outside functions of their own). */
  private hasContinue(loop: ts.Node): boolean {
    const known = this.continues.get(loop);
    if (known !== undefined) return known;
    const t = this.ts;
    const visit = (n: ts.Node): boolean => t.isContinueStatement(n) || (!t.isFunctionLike(n) && !!t.forEachChild(n, (c) => visit(c) || undefined));
    const found = !!t.forEachChild(loop, (c) => visit(c) || undefined);
    this.continues.set(loop, found);
    return found;
  }

  /** Whether `node` runs under a condition of its own, one that does not also hold `site`. */
  private conditionalUpTo(node: ts.Node, site: ts.Node): boolean {
    const t = this.ts;
    for (let n: ts.Node = node; n.parent && !(site.pos >= n.parent.pos && site.end <= n.parent.end); n = n.parent) {
      const p = n.parent;
      if (t.isIfStatement(p) && p.expression !== n) return true;
      if (t.isConditionalExpression(p) && p.condition !== n) return true;
      if (t.isCaseClause(p) || t.isDefaultClause(p) || t.isCatchClause(p) || t.isTryStatement(p)) return true;
      if (t.isBinaryExpression(p) && p.right === n && [t.SyntaxKind.AmpersandAmpersandToken, t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) return true;
    }
    return false;
  }

  /** The SDK calls of `fn` (callbacks it runs included, functions of their own not) that keep conversation state. */
  private sitesOf(fn: ts.Node): Map<ts.Node, LlmCall[]> {
    let sites = this.stateSites.get(fn);
    if (sites) return sites;
    const t = this.ts;
    const found = new Map<ts.Node, LlmCall[]>();
    const visit = (n: ts.Node): void => {
      if (t.isCallExpression(n) && this.loops.enclosingFunction(n) === fn) {
        const llm = this.classify(n);
        if (llm?.state && !llm.summary && llm.state.window === undefined && !llm.state.appendedIn && !llm.state.field) {
          const same = found.get(llm.state.anchor);
          if (same) same.push(llm);
          else found.set(llm.state.anchor, [llm]);
        }
      }
      if (t.isFunctionLike(n) && !this.loops.callbackHost(n)) return;
      t.forEachChild(n, visit);
    };
    const body = t.isSourceFile(fn) ? fn : (fn as { body?: ts.Node }).body;
    if (body) visit(body);
    sites = found;
    this.stateSites.set(fn, sites);
    return sites;
  }
}
