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
 * earlier execution left its prompt and answers there. `helper`: a function of the code's own handed
 * the session sends on it (at most what it sent and got).
 */
export interface Continued {
  readonly llm: LlmCall;
  readonly kind: "result" | "shared" | "helper";
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
  /** The state-carrying sites of each function by their state's variable, in source order, and its helper calls (made on first use). */
  private readonly stateSites = new Map<ts.Node, FunctionSites>();
  /** Where each site's state is read from (readOf). */
  private readonly reads = new Map<ts.Node, StateRead>();
  /** The writes of each `let` a state is read from (writesOf). */
  private readonly letWrites = new Map<ts.Node, { writes: readonly LetWrite[]; closure: boolean }>();

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
    const state = llm.state;
    if (!state || state.window !== undefined || state.appendedIn || state.field || llm.summary) return [];
    const fn = this.loops.enclosingFunction(llm.node);
    const found = this.earlierOn(llm, fn, loops, stateLoops);
    // A state one branch of a condition names (`c ? undefined : r1.id`) may not be sent: what it carries is at most.
    return typeof found === "string" || !state.maybe ? found : found.map((e) => ({ ...e, tight: false }));
  }

  private earlierOn(llm: LlmCall, fn: ts.Node, loops: readonly LoopInfo[], stateLoops: readonly LoopInfo[]): Continued[] | string {
    const t = this.ts;
    const read = this.readOf(llm);
    const anchor = read.decl;
    // `n > 100 ? r1.id : r2.id` as the state: either chain, at most.
    const choice = this.choiceIn(llm.node, anchor);
    if (choice) return this.atMost(choice.filter((r) => r.node !== llm.node && this.loops.enclosingFunction(r.node) === fn), "the state here");
    // `const ctx = { prev: r1.id }` handed on or aliased (`Object.assign(ctx, …)`, `const c2 = ctx`): its field may be moved on unseen.
    if (read.path.length && t.isVariableDeclaration(anchor) && !this.resultOf(anchor) && this.escapes(anchor)) return this.atMost(this.resultsBefore(llm.node, fn), `${anchor.name.getText()}.${read.path.join(".")}`);
    if (t.isVariableDeclaration(anchor)) {
      // `const r1 = await a.run(q1)` read for the state (also through consts: `const st = r1.data.state`): that run's conversation, once.
      const from = this.resultOf(anchor);
      if (from && this.loops.enclosingFunction(from.node) !== fn) return [];
      if (from) {
        const out: Continued[] = [{ llm: from, kind: "result", times: ONCE, tight: true, grows: false }];
        // An id (`r1.id`) names one point of a chain: other requests chained to it are siblings. A state object
        // (`r1.data.state`) is grown in place by every run handed it: those before this one count too.
        if (isIdRead(read)) return out;
        const more = this.onSameState(llm, fn, anchor, loops, stateLoops);
        return typeof more === "string" ? more : out.concat(more);
      }
      // A `let` the code moves on (`prev = r2.id`): the result ids written to it.
      if (!(t.getCombinedNodeFlags(anchor) & t.NodeFlags.Const)) return this.reassigned(llm, fn, anchor, loops);
    } else if (t.isParameter(anchor) && this.writes(fn, anchor)) return [];
    return this.onSameState(llm, fn, anchor, loops, stateLoops);
  }

  /** The other sites of `fn` on `llm`'s state (its anchor, and its thread when a fixed id names one), and the local helpers handed it. */
  private onSameState(llm: LlmCall, fn: ts.Node, anchor: ts.Node, loops: readonly LoopInfo[], stateLoops: readonly LoopInfo[]): Continued[] | string {
    const out: Continued[] = [];
    const { sites, helpers } = this.sitesOf(fn);
    const tooMany = `more than ${MAX_CONTINUED} sites of this function send on the same conversation before it: what they leave there is not added up`;
    for (const other of sites.get(anchor) ?? []) {
      this.step(other.node);
      if (other.node === llm.node || other.state!.thread !== llm.state!.thread || other.state!.keptBy !== llm.state!.keptBy) continue;
      const shared = this.shared(other.node, llm.node, loops, stateLoops);
      if (!shared) continue;
      if (out.length === MAX_CONTINUED) return tooMany;
      out.push({ llm: other, kind: "shared", ...shared });
    }
    // A function of this module handed the chat or session (`await note(chat)`) sends on it: what it sent and got, at most.
    if (llm.state!.thread !== undefined) return out;
    const handed = this.variableOf(anchor);
    for (const helper of (handed && helpers.get(handed)) ?? []) {
      this.step(helper.node);
      const shared = this.shared(helper.node, llm.node, loops, stateLoops);
      if (!shared) continue;
      if (out.length === MAX_CONTINUED) return tooMany;
      out.push({ llm: helper, kind: "helper", ...shared, tight: false });
    }
    return out;
  }

  /** The variable a state's anchor is (a `session` variable) or is made in (`const chat = ai.chats.create(…)`), if any. */
  private variableOf(anchor: ts.Node): ts.Node | undefined {
    const t = this.ts;
    if (t.isVariableDeclaration(anchor) || t.isParameter(anchor) || t.isBindingElement(anchor)) return anchor;
    for (let n: ts.Node | undefined = anchor; n && !t.isStatement(n) && !t.isFunctionLike(n); n = n.parent) {
      if (t.isVariableDeclaration(n)) return n.initializer && anchor.pos >= n.initializer.pos && anchor.end <= n.initializer.end ? n : undefined;
    }
    return undefined;
  }

  /**
   * A `let` holding ids of earlier sites' results (`let prev = r1.id; … prev = r2.id`). A variable of the site's function, outside
   * loops, with the last write before the site a statement of a block around it and none in a function of its own: that write's site, exactly.
   * Otherwise every result id written (before the site, or anywhere when a loop or a closure may write it after): at most.
   * A write of this site's own result is the loop rule's.
   */
  private reassigned(llm: LlmCall, fn: ts.Node, decl: ts.VariableDeclaration, loops: readonly LoopInfo[]): Continued[] | string {
    const { writes, closure } = this.writesOf(decl, fn);
    const site = llm.node;
    const other = (w: LetWrite): w is LetWrite & { from: LlmCall } => !!w.from && w.from.node !== site && this.loops.enclosingFunction(w.from.node) === fn;
    // The writes are in source order: the last one before the site by bisection.
    let lo = 0;
    for (let hi = writes.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (writes[mid]!.at.end <= site.pos) lo = mid + 1;
      else hi = mid;
    }
    const last = writes[lo - 1];
    // Exact only for a variable of this function: another's may be moved on by code not read here.
    const local = this.loops.enclosingFunction(decl) === fn;
    if (local && !closure && !loops.length && last && !last.opaque && this.statementAround(last.at, site)) return other(last) ? [{ llm: last.from, kind: "result", times: ONCE, tight: true, grows: false }] : [];
    const reaching = loops.length || closure ? writes : writes.slice(0, lo);
    const seen = new Set<ts.Node>();
    const out: Continued[] = [];
    for (const w of reaching) {
      // A write not read as one result's id (`({ id: prev } = r2)`, `prev ??= r2.id`, `prev = String(r2.id)`): any result it reads, at most.
      // One that reads none (`session = await agent.createSession()`) names no chain of this function's sites: nothing to carry from here.
      for (const r of w.opaque ?? []) {
        if (r.node === site || this.loops.enclosingFunction(r.node) !== fn || seen.has(r.node)) continue;
        if (out.length === MAX_CONTINUED) return `more than ${MAX_CONTINUED} earlier results may be the one ${decl.name.getText()} names here: what they leave there is not added up`;
        seen.add(r.node);
        out.push({ llm: r, kind: "result", times: ONCE, tight: false, grows: false });
      }
      if (!other(w) || seen.has(w.from.node)) continue;
      this.step(w.at);
      if (out.length === MAX_CONTINUED) return `more than ${MAX_CONTINUED} earlier results may be the one ${decl.name.getText()} names here: what they leave there is not added up`;
      seen.add(w.from.node);
      out.push({ llm: w.from, kind: "result", times: ONCE, tight: false, grows: false });
    }
    return out;
  }

  /** The writes of a `let` in its function (its initialiser, then each `x = …` in source order), and whether a function of its own writes it; found once. */
  private writesOf(decl: ts.VariableDeclaration, fn: ts.Node): { writes: readonly LetWrite[]; closure: boolean } {
    const known = this.letWrites.get(decl);
    if (known) return known;
    const t = this.ts;
    const writes: LetWrite[] = [];
    if (decl.initializer) writes.push(this.writeOf(decl, decl.initializer));
    let closure = false;
    const isDecl = (n: ts.Node): boolean => t.isIdentifier(n) && this.scopes.resolve(n) === decl;
    const add = (w: LetWrite): void => {
      if (this.loops.enclosingFunction(w.at) !== fn) closure = true;
      writes.push(w);
    };
    const visit = (n: ts.Node): void => {
      if (t.isBinaryExpression(n) && n.operatorToken.kind >= t.SyntaxKind.FirstAssignment && n.operatorToken.kind <= t.SyntaxKind.LastAssignment) {
        const left = this.constants.skipTrivia(n.left);
        if (isDecl(left)) add(n.operatorToken.kind === t.SyntaxKind.EqualsToken ? this.writeOf(n, n.right) : { at: n, opaque: this.resultsIn(n.right) });
        // A destructuring assignment naming it (`({ id: prev } = r2)`).
        else if ((t.isObjectLiteralExpression(left) || t.isArrayLiteralExpression(left)) && this.mentions(left, isDecl)) add({ at: n, opaque: this.resultsIn(n.right) });
      } else if ((t.isPrefixUnaryExpression(n) || t.isPostfixUnaryExpression(n)) && isDecl(this.constants.skipTrivia(n.operand)) && (n.operator === t.SyntaxKind.PlusPlusToken || n.operator === t.SyntaxKind.MinusMinusToken)) add({ at: n, opaque: [] });
      else if ((t.isForOfStatement(n) || t.isForInStatement(n)) && !t.isVariableDeclarationList(n.initializer) && this.mentions(n.initializer, isDecl)) add({ at: n.initializer, opaque: this.resultsIn(n.expression) });
      t.forEachChild(n, visit);
    };
    const body = t.isSourceFile(fn) ? fn : (fn as { body?: ts.Node }).body;
    if (body) visit(body);
    const found = { writes, closure };
    this.letWrites.set(decl, found);
    return found;
  }

  /** A plain write of a value: one result's id (`r1.id`), none (`undefined`, `null`, a path read of no result), or anything else (opaque: the results it reads). */
  private writeOf(at: ts.Node, value: ts.Expression): LetWrite {
    const t = this.ts;
    const v = this.constants.skipTrivia(value);
    if (v.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(v) && v.text === "undefined") || t.isIdentifier(v) || t.isPropertyAccessExpression(v) || t.isNonNullExpression(v)) return { at, from: this.idResult(value) };
    return { at, opaque: this.resultsIn(value) };
  }

  /** The earlier sites whose results a value reads anywhere in it (`n > 1 ? r1.id : r2.id`, `String(r2.id)`, `r2`). */
  private resultsIn(value: ts.Node): LlmCall[] {
    const t = this.ts;
    const out: LlmCall[] = [];
    const visit = (n: ts.Node): void => {
      this.step(n);
      if (t.isIdentifier(n)) {
        const read = this.follow({ decl: this.scopes.resolve(n) ?? n, path: [] });
        const r = t.isVariableDeclaration(read.decl) ? this.resultOf(read.decl) : undefined;
        if (r && !out.includes(r)) out.push(r);
        return;
      }
      t.forEachChild(n, visit);
    };
    visit(value);
    return out;
  }

  /** Whether a node holds an identifier `is` accepts. */
  private mentions(n: ts.Node, is: (n: ts.Node) => boolean): boolean {
    return is(n) || !!this.ts.forEachChild(n, (c) => this.mentions(c, is) || undefined);
  }

  /** Earlier results a state may name, each at most; none known: why. */
  private atMost(results: readonly LlmCall[], what: string): Continued[] | string {
    if (results.length > MAX_CONTINUED) return `more than ${MAX_CONTINUED} earlier results may be the one ${what} names: what they leave there is not added up`;
    return results.map((llm) => ({ llm, kind: "result" as const, times: ONCE, tight: false, grows: false }));
  }

  /** A condition in the call's arguments (`c ? r1.id : r2.id`, `a ?? b`) holding a read of `decl`: the results it reads. */
  private choiceIn(call: ts.CallExpression, decl: ts.Node): LlmCall[] | undefined {
    const t = this.ts;
    const isChoice = (n: ts.Node): boolean => t.isConditionalExpression(n) || (t.isBinaryExpression(n) && [t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken, t.SyntaxKind.AmpersandAmpersandToken].includes(n.operatorToken.kind));
    const reads = (n: ts.Node): boolean => this.mentions(n, (c) => t.isIdentifier(c) && this.scopes.resolve(c) === decl);
    const visit = (n: ts.Node): LlmCall[] | undefined => {
      if (t.isFunctionLike(n)) return undefined;
      if (isChoice(n) && reads(n)) {
        const found = this.resultsIn(n);
        return found.length > 1 ? found : undefined;
      }
      return t.forEachChild(n, visit);
    };
    for (const a of call.arguments) {
      const found = visit(a);
      if (found) return found;
    }
    return undefined;
  }

  /** The earlier sites of `fn` whose results it reads before `site`: what an object handed on may have been given. */
  private resultsBefore(site: ts.CallExpression, fn: ts.Node): LlmCall[] {
    const body = this.ts.isSourceFile(fn) ? fn : (fn as { body?: ts.Node }).body;
    return body ? this.resultsIn(body).filter((r) => r.node !== site && r.node.end <= site.pos && this.loops.enclosingFunction(r.node) === fn) : [];
  }

  /** Whether a const is used other than by reading a property off it (`ctx.prev`): handed to a call, aliased, spread, returned. */
  private escapes(decl: ts.VariableDeclaration): boolean {
    const t = this.ts;
    const init = decl.initializer && this.constants.skipTrivia(decl.initializer);
    if (!init || !t.isObjectLiteralExpression(init)) return false;
    const fn = this.loops.enclosingFunction(decl);
    const body = t.isSourceFile(fn) ? fn : (fn as { body?: ts.Node }).body;
    const visit = (n: ts.Node): boolean => {
      if (t.isIdentifier(n) && n !== decl.name && this.scopes.resolve(n) === decl) {
        let p: ts.Node = n;
        while (t.isParenthesizedExpression(p.parent) || t.isNonNullExpression(p.parent)) p = p.parent;
        return !(t.isPropertyAccessExpression(p.parent) && p.parent.expression === p);
      }
      return !!t.forEachChild(n, (c) => visit(c) || undefined);
    };
    return !!body && visit(body);
  }

  /** Whether a write (`prev = …`, or the declaration) is a statement of a block that holds `site`: it runs whenever the site does, before it. */
  private statementAround(write: ts.Node, site: ts.Node): boolean {
    const t = this.ts;
    let statement: ts.Node | undefined;
    if (t.isVariableDeclaration(write)) statement = t.isVariableStatement(write.parent.parent) ? write.parent.parent : undefined;
    else {
      let n: ts.Node = write;
      while (t.isParenthesizedExpression(n.parent)) n = n.parent;
      statement = t.isExpressionStatement(n.parent) ? n.parent : undefined;
    }
    const block = statement?.parent;
    return !!block && (t.isBlock(block) || t.isSourceFile(block)) && site.pos >= block.pos && site.end <= block.end;
  }

  /** The earlier site whose result's id a value reads (`r1.id`, through consts), if any. */
  private idResult(value: ts.Expression): LlmCall | undefined {
    const at = this.pathOf(value);
    const read = at && this.follow(at);
    if (!read || !this.ts.isVariableDeclaration(read.decl) || !isIdRead(read)) return undefined;
    return this.resultOf(read.decl);
  }

  /** Whether `llm`'s state is an id read off an earlier site's const result (`previous_response_id: r1.id`): one point of the chain, which no loop moves. */
  fixedId(llm: LlmCall): boolean {
    if (!llm.state) return false;
    const read = this.readOf(llm);
    return this.ts.isVariableDeclaration(read.decl) && !!this.resultOf(read.decl) && isIdRead(read);
  }

  /** Where a site's state is read: the variable and the properties read off it, through the consts that name it (`const st = r1.data.state`, `const ctx = { prev: r1.id }`). */
  private readOf(llm: LlmCall): StateRead {
    const known = this.reads.get(llm.node);
    if (known) return known;
    const anchor = llm.state!.anchor;
    const at = this.readIn(llm.node, anchor);
    const read = (at && this.follow(at)) ?? { decl: anchor, path: [] };
    this.reads.set(llm.node, read);
    return read;
  }

  /** The outermost read of the variable `decl` in the call's arguments, as a variable and a path (`r1.data.state`). */
  private readIn(call: ts.CallExpression, decl: ts.Node): StateRead | undefined {
    const t = this.ts;
    // Property names (`{ state: st }`, `a.state`) are not reads of a variable.
    const visit = (n: ts.Node): StateRead | undefined => {
      if (t.isPropertyAccessExpression(n) || t.isIdentifier(n)) {
        const at = this.pathOf(n as ts.Expression);
        if (at?.decl === decl) return at;
        return t.isPropertyAccessExpression(n) ? visit(n.expression) : undefined;
      }
      if (t.isPropertyAssignment(n)) return visit(n.initializer);
      return t.forEachChild(n, visit);
    };
    for (const a of call.arguments) {
      const found = visit(a);
      if (found) return found;
    }
    return undefined;
  }

  /** `a.b.c` as the variable `a` resolves to and the names `b`, `c`; none for anything else (an element access, a call). */
  private pathOf(e: ts.Expression): StateRead | undefined {
    const t = this.ts;
    const path: string[] = [];
    let root = this.constants.skipTrivia(e);
    while (t.isPropertyAccessExpression(root) || t.isNonNullExpression(root)) {
      if (t.isPropertyAccessExpression(root)) path.unshift(root.name.text);
      root = this.constants.skipTrivia(root.expression);
    }
    const decl = t.isIdentifier(root) ? this.scopes.resolve(root) : undefined;
    return decl ? { decl, path } : undefined;
  }

  /** A read followed through the consts it names: a const holding a read (`const t = s`) or an object literal whose property is read (`ctx.prev`). */
  private follow(read: StateRead): StateRead {
    const t = this.ts;
    let at = read;
    for (let hops = 0; hops < MAX_ALIASES; hops++) {
      const decl = at.decl;
      if (!t.isVariableDeclaration(decl) || !decl.initializer || !(t.getCombinedNodeFlags(decl) & t.NodeFlags.Const) || this.resultOf(decl)) break;
      const init = this.constants.skipTrivia(decl.initializer);
      let next: StateRead | undefined;
      if (t.isIdentifier(init) || t.isPropertyAccessExpression(init)) {
        const inner = this.pathOf(init);
        next = inner && { decl: inner.decl, path: [...inner.path, ...at.path] };
      } else if (t.isObjectLiteralExpression(init) && at.path.length && !this.writes(this.loops.enclosingFunction(decl), decl) && !this.escapes(decl)) {
        const value = this.member(init, at.path[0]!);
        const inner = value && this.pathOf(value);
        next = inner && { decl: inner.decl, path: [...inner.path, ...at.path.slice(1)] };
      }
      if (!next) break;
      at = next;
    }
    return at;
  }

  /** The value an object literal gives a property (`{ prev: r1.id }`, `{ prev }`). */
  private member(o: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
    const t = this.ts;
    for (const p of o.properties) {
      if (t.isPropertyAssignment(p) && (t.isIdentifier(p.name) || t.isStringLiteral(p.name)) && p.name.text === name) return p.initializer;
      if (t.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
    }
    return undefined;
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

  /**
   * The SDK calls of `fn` (callbacks it runs included, functions of their own not) that keep conversation state, by
   * the variable their state is read from; and the calls of the code's own functions that make LLM calls.
   */
  private sitesOf(fn: ts.Node): FunctionSites {
    let sites = this.stateSites.get(fn);
    if (sites) return sites;
    const t = this.ts;
    const found = new Map<ts.Node, LlmCall[]>();
    const helpers = new Map<ts.Node, LlmCall[]>();
    const visit = (n: ts.Node): void => {
      if (t.isCallExpression(n) && this.loops.enclosingFunction(n) === fn) {
        const llm = this.classify(n);
        if (llm?.summary) {
          // Indexed by each variable handed as an argument (`note(chat)`).
          for (const a of n.arguments) {
            const x = this.constants.skipTrivia(a);
            const decl = t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
            if (!decl) continue;
            const same = helpers.get(decl);
            if (!same) helpers.set(decl, [llm]);
            else if (!same.includes(llm)) same.push(llm);
          }
        } else if (llm?.state && llm.state.window === undefined && !llm.state.appendedIn && !llm.state.field) {
          const anchor = this.readOf(llm).decl;
          const same = found.get(anchor);
          if (same) same.push(llm);
          else found.set(anchor, [llm]);
        }
      }
      if (t.isFunctionLike(n) && !this.loops.callbackHost(n)) return;
      t.forEachChild(n, visit);
    };
    const body = t.isSourceFile(fn) ? fn : (fn as { body?: ts.Node }).body;
    if (body) visit(body);
    sites = { sites: found, helpers };
    this.stateSites.set(fn, sites);
    return sites;
  }
}

/** Where a site's state is read from: the variable and the properties read off it (`r1` and `data.state`). */
interface StateRead {
  readonly decl: ts.Node;
  readonly path: readonly string[];
}

/** A function's state-carrying sites by their state's variable, and its calls of helpers that make LLM calls. */
interface FunctionSites {
  readonly sites: Map<ts.Node, LlmCall[]>;
  /** By the variable they are handed. */
  readonly helpers: Map<ts.Node, LlmCall[]>;
}

/** A write of a `let` (its declaration, or `x = …`), and the earlier site whose result id it writes, if any. */
interface LetWrite {
  readonly at: ts.Node;
  readonly from?: LlmCall;
  /** A write not read as one result's id (destructuring, `??=`, a call or a condition around ids): the results it reads. */
  readonly opaque?: readonly LlmCall[];
}

/** How many consts naming one another a state's read is followed through. */
const MAX_ALIASES = 8;

/** Whether a read ends in an id (`r1.id`, `r1.lastResponseId`): one point of a chain, not an object grown in place. */
function isIdRead(read: StateRead): boolean {
  const last = read.path[read.path.length - 1];
  return last !== undefined && isIdProperty(last);
}
