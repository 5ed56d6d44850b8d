// The loops around a node and how many times each runs, with trip-count symbols named after the
// source: `i < turns` → turns; `for (const x of xs)`, `xs.map`, `i < xs.length` → |xs|; a literal
// bound → a constant; a loop whose exit only data decides → T[fn] (T[fn#2] for the function's
// second), unbounded.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import { ownValue } from "../nameTables";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";
import type { Defined, SymbolTable } from "../symbols";
import { lineRef } from "../lineRefs";
import { fieldDefault } from "./fieldDefaults";
import { functionNameOf } from "./functionName";
import { atCall, placeFrame, type LoopGuard } from "./loopGuard";
import { LoopHelpers, OWN_FRAME, type Frame, type Helper } from "./loopHelpers";
import { OutsideWrites, type WriteKind } from "./outsideWrites";
import { OptionCallbacks } from "./optionCallbacks";
import { WrappedFunctions } from "./wrappedFunctions";
import { CallbackRuns } from "./callbackRuns";
import { exits } from "./controlFlow";

/** Array methods that read the list and make a new value (or none): they leave its length as it is. */
const READING_METHODS = new Set(["map", "filter", "forEach", "join", "includes", "indexOf", "lastIndexOf", "slice", "some", "every", "find", "findIndex", "findLast", "at", "entries", "keys", "values", "flatMap", "reduce", "concat", "toSorted", "toReversed", "flat", "with"]);

export type LoopKind = "callback" | "for" | "for-of" | "for-in" | "for-await" | "while" | "do-while" | "map" | "forEach" | "flatMap" | "filter" | "reduce" | "some" | "every" | "find" | "pMap" | "each" | "batch";

export interface LoopInfo {
  readonly node: ts.Node;
  readonly kind: LoopKind;
  readonly line: number;
  readonly trip: Poly;
  /** The trip count as printed (`turns`, `|xs|`, `10`, `T[agent]`). */
  readonly tripText: string;
  readonly dataDependent: boolean;
  /** False when the loop may stop early (break, return, extra exit conditions): an O bound. */
  readonly exact: boolean;
  /** Iterations start without waiting for each other (an eager `.map` of async calls). */
  readonly parallel: boolean;
  /** At most this many iterations at once (p-map's `concurrency`, a p-limit limiter): the span is trips / concurrency. */
  readonly concurrency?: number;
  /** Why the trip count is what it is, for the derivation. */
  readonly why: string;
  /** The count is not read (a callback's host that stores it or hands it on): the site has no bound, for this reason. */
  readonly unknown?: string;
}

const CALLBACK_LOOPS: Record<string, { kind: LoopKind; parallel: boolean; exact: boolean }> = {
  map: { kind: "map", parallel: true, exact: true },
  forEach: { kind: "forEach", parallel: true, exact: true },
  flatMap: { kind: "flatMap", parallel: true, exact: true },
  filter: { kind: "filter", parallel: true, exact: true },
  reduce: { kind: "reduce", parallel: false, exact: true },
  reduceRight: { kind: "reduce", parallel: false, exact: true },
  some: { kind: "some", parallel: false, exact: false },
  every: { kind: "every", parallel: false, exact: false },
  find: { kind: "find", parallel: false, exact: false },
  findIndex: { kind: "find", parallel: false, exact: false },
  findLast: { kind: "find", parallel: false, exact: false },
};

/** Methods of an array (or a set, a map: those may be a class's own, so they are handed their receiver too) that lengthen it, and an array's that shorten it (`splice` when it inserts nothing). */
const LENGTHENING = new Set(["push", "unshift", "add", "set"]);
const SHORTENING = new Set(["shift", "pop", "splice"]);
const ARRAY_WRITES = new Set(["push", "unshift", "shift", "pop", "splice"]);
/** Methods of an array or a string that write nothing of it, or none of its length (`sort`): handed the receiver, they change no counter and no bound. */
const READ_ONLY_METHODS = new Set(["at", "concat", "entries", "every", "filter", "find", "findIndex", "findLast", "findLastIndex", "flat", "flatMap", "forEach", "includes", "indexOf", "join", "keys", "lastIndexOf", "map", "reduce", "reduceRight", "slice", "some", "toReversed", "toSorted", "toSpliced", "toString", "values", "with", "sort", "reverse", "fill", "trim", "split", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "replace", "replaceAll", "charAt", "substring", "padStart", "padEnd", "match", "repeat"]);
/** Functions of the language's own objects that write nothing they are handed (`Object.assign` writes its first argument: not here). */
const READ_ONLY_GLOBALS = new Set(["JSON.stringify", "JSON.parse", "Object.keys", "Object.values", "Object.entries", "Array.isArray", "Array.from", "String", "Number", "Boolean", "parseInt", "parseFloat", "console.log", "console.info", "console.warn", "console.error", "console.debug", "Math.min", "Math.max", "Math.floor", "Math.ceil", "Math.round", "Promise.all", "Promise.allSettled", "Promise.race", "Promise.resolve", "structuredClone"]);

/** A loop's stepped counters by the name the loop gives them (`i`, `state.turn`), and the way they go. */
interface Steps {
  get(key: string, via?: ts.CallExpression): "up" | "down" | undefined;
  /** Whether the loop may set the counter anew or step it back (`via`: the guard's own call, which may touch it). */
  reset?(key: string, via?: ts.CallExpression): boolean;
  /** Whether the loop may write a bound (or its object) at all. */
  written?(key: string, via?: ts.CallExpression): boolean;
  /** Whether the loop may change `key` other than by steps `allowed`. */
  changed?(key: string, allowed: "up" | "down" | undefined): boolean;
  /** Whether the loop writes something it cannot name (`all[0].push(x)`) or hands an object to code not read. */
  unattributed?(): boolean;
}

/** Every write a loop (or a function) makes, by key: the steps, the resets, and the calls of other code handed an object. */
interface Writes {
  readonly kinds: Map<string, Set<"up" | "down" | "reset">>;
  /** Calls of code not read here (another module, a method not found), with the keys of the objects they are handed. */
  readonly handed: { readonly call: ts.CallExpression; readonly keys: readonly string[] }[];
  /** Names declared inside the loop: a counter or object made anew every round. */
  readonly declared: Set<string>;
  /** A write of something no key names (`all[0].push(x)`, a helper handed `xs[0]` that writes it). */
  opaque: boolean;
}

/** A trip count, and what the derivation should say about where it comes from. */
interface Count {
  readonly trip: Poly;
  readonly text: string;
  readonly exact: boolean;
  readonly note?: string;
}

export class Loops {
  private readonly cache = new Map<ts.Node, { readonly value: LoopInfo; readonly defined: Defined }>();
  /** The file's for/while/do loops by the name of the function they are in (made on first use). */
  private conditionLoops: Map<string, ts.Node[]> | undefined;
  /** Functions written in an options object that the call receiving it runs (`runInSpan({ execute: async () => … })`). */
  readonly optionCallbacks: OptionCallbacks;
  private readonly wrapped: WrappedFunctions;

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
    private readonly symbols: SymbolTable,
    /** What another module's function a call runs does to a turn counter (LoopGuard), asked of the project. */
    private readonly foreignGuard?: (call: ts.CallExpression) => LoopGuard | undefined,
    /** Whether a call is an SDK's request, which reads what it is handed and writes none of it. */
    private readonly sdkCall?: (call: ts.CallExpression) => boolean,
    /** Whether a call makes or reaches an LLM request (the file's own classification, helpers and other modules included). */
    private readonly sends?: (call: ts.CallExpression) => boolean,
  ) {
    this.optionCallbacks = new OptionCallbacks(ts, scopes, constants);
    this.wrapped = new WrappedFunctions(ts, scopes);
    this.runs = new CallbackRuns(ts, scopes, constants, this);
    this.helpers = new LoopHelpers(ts, scopes, constants);
    this.outside = new OutsideWrites(ts, scopes, constants, this.helpers, (n, key) => this.writeKindsOf(n, key));
  }

  private readonly helpers: LoopHelpers;
  private readonly runs: CallbackRuns;
  private readonly outside: OutsideWrites;

  private line(n: ts.Node): number {
    return this.scopes.sourceFile.getLineAndCharacterOfPosition(n.getStart(this.scopes.sourceFile)).line + 1;
  }

  private text(n: ts.Node): string {
    const s = n.getText(this.scopes.sourceFile).replace(/\s+/g, " ");
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  }

  /** The loops that repeat `node`, innermost first, up to the enclosing function (array callbacks are crossed). */
  around(node: ts.Node): LoopInfo[] {
    const out: LoopInfo[] = [];
    let child: ts.Node = node;
    for (let n: ts.Node | undefined = node.parent; n; child = n, n = n.parent) {
      if (this.ts.isFunctionLike(n)) {
        const fanOut = this.sendFanOut(n);
        if (fanOut) out.push(fanOut);
        const host = this.callbackHost(n);
        if (!host) break;
        if (this.isIterationCallback(host, n)) out.push(this.info(host));
        else {
          const runs = this.callbackRuns(host, n);
          if (runs) out.push(runs);
        }
        n = host;
        continue;
      }
      if (this.repeats(n, child)) out.push(this.retried(n, node) ?? this.beforeGuard(n, node) ?? this.pastGuard(n, node) ?? this.info(n));
    }
    return out;
  }

  private readonly runsCache = new Map<ts.Node, { readonly value: LoopInfo | undefined; readonly defined: Defined }>();

  /** A function of this file that runs the callback it is handed other than once (CallbackRuns), as a loop around the callback's calls. */
  callbackRuns(host: ts.CallExpression | ts.NewExpression, fn: ts.Node): LoopInfo | undefined {
    return this.symbols.memo(this.runsCache, fn, () => {
      // The callee's own loops are read for their counts only: their symbols are not the site's.
      const runs = this.symbols.record(() => this.runs.of(host, fn), true).value;
      if (!runs || ("runs" in runs && runs.runs === 1 && runs.exact)) return undefined;
      const base = { node: host, kind: "callback" as const, line: this.line(host), parallel: false };
      if ("runs" in runs) return { ...base, trip: Poly.constant(runs.runs), tripText: String(runs.runs), dataDependent: false, exact: runs.exact, why: runs.why };
      const name = this.symbols.define({ name: `runs[${functionNameOf(this.ts, host)}@${base.line}]`, kind: "count", line: base.line, origin: runs.unknown, unbounded: true });
      // Not data-decided (no loop to cap, as the unbounded-loop advice would say): the site is unknown instead.
      return { ...base, trip: Poly.symbol(name), tripText: name, dataDependent: false, exact: false, why: runs.unknown, unknown: runs.unknown };
    });
  }

  private readonly retries = new Map<ts.Node, LoopInfo | null>();
  /** A guard-bounded loop's statement of its round that holds (or reaches) the guard. */
  private readonly guardAt = new Map<ts.Node, ts.Statement>();
  private readonly beforeGuards = new Map<ts.Node, LoopInfo>();

  /**
   * A guard bounds the rounds that get past it; what a round does before reaching the guard also runs
   * in the round the guard ends (`ask(); const stop = check(turn, max); if (stop) break; turn++`
   * asks max + 1 times): for `node` before the guard, one round more.
   */
  private beforeGuard(loop: ts.Node, node: ts.Node): LoopInfo | undefined {
    const info = this.info(loop);
    const at = this.guardAt.get(loop);
    if (!at || node.end > at.pos) return undefined;
    let more = this.beforeGuards.get(loop);
    if (!more) {
      const trip = info.trip.add(Poly.constant(1));
      more = { ...info, trip, tripText: trip.isConstant() ? String(trip.constantValue()) : `${info.tripText}+1`, why: `${info.why}; this call comes before the guard, so the round the guard ends makes it too: one more` };
      this.beforeGuards.set(loop, more);
    }
    return more;
  }

  private readonly pastGuards = new Map<ts.Node, Map<ts.Node, LoopInfo | null>>();

  /**
   * A loop no count bounds (`while (true)`, ended by a later round's throw) whose round awaits a
   * method of the file that returns early once a counted check fails and otherwise makes its
   * requests and steps the counter (AgentExecutorIterator's `_callNext`: `if
   * (!shouldContinue(this.iterations)) return this._stop(); …plan…; this.updateIterations()`): the
   * passes past the check, and so the requests at `node`, are at most the check's count. Only when
   * nothing before the check nor in its branch sends, the counter is stepped on every pass past it
   * before any `return`, the loop writes the counter no other way nor the bound at all (the guards'
   * rules), the call is awaited (a pass ends before the next starts) and an error it throws ends the loop.
   */
  private pastGuard(loop: ts.Node, node: ts.Node): LoopInfo | undefined {
    let byNode = this.pastGuards.get(loop);
    if (!byNode) this.pastGuards.set(loop, (byNode = new Map()));
    let info = byNode.get(node);
    if (info === undefined) {
      info = this.computePastGuard(loop, node) ?? null;
      byNode.set(node, info);
    }
    return info ?? undefined;
  }

  private computePastGuard(loop: ts.Node, node: ts.Node): LoopInfo | undefined {
    const t = this.ts;
    const K = t.SyntaxKind;
    if (!this.sends || !t.isCallExpression(node) || !(t.isForStatement(loop) || t.isWhileStatement(loop) || t.isDoStatement(loop))) return undefined;
    if (this.enclosingFunction(node) !== this.enclosingFunction(loop) || !t.isAwaitExpression(this.constants.skipTrivia(node).parent)) return undefined;
    // An error of the call must end the loop: every try around it in the round rethrows or returns from its catch, and no finally goes on.
    for (let n: ts.Node = node; n !== loop; n = n.parent) {
      if (!t.isTryStatement(n.parent) || n !== n.parent.tryBlock) continue;
      const { catchClause, finallyBlock } = n.parent;
      if (catchClause && (!exits(t, catchClause.block) || this.mayLeave(catchClause.block, K.ContinueStatement))) return undefined;
      if (finallyBlock && (this.mayLeave(finallyBlock, K.ContinueStatement) || this.mayLeave(finallyBlock, K.ReturnStatement) || this.mayLeave(finallyBlock, K.BreakStatement))) return undefined;
    }
    const info = this.info(loop);
    const helper = info.dataDependent ? this.helpers.helperOf(node, OWN_FRAME) : undefined;
    if (!helper || !t.isBlock(helper.fn.body)) return undefined;
    const statements = helper.fn.body.statements;
    const base = this.countedSteps(loop);
    const sendsIn = (n: ts.Node): boolean => (t.isCallExpression(n) && this.sends!(n)) || !!t.forEachChild(n, (c) => (sendsIn(c) ? true : undefined));
    for (const [i, guard] of statements.entries()) {
      if (sendsIn(guard)) return undefined;
      if (!t.isIfStatement(guard) || guard.elseStatement || !exits(t, guard.thenStatement)) continue;
      const past = new Map<string, "up" | "down">();
      this.everyPassSteps(statements.slice(i + 1), helper.frame, 1, K.ReturnStatement, past);
      let counter: string | undefined;
      const steps: Steps = {
        ...base,
        get: (key) => {
          if (past.get(key) !== "up" || base.changed!(key, "up")) return undefined;
          counter = key;
          return "up";
        },
      };
      const count = this.passedCheck(loop, guard.expression, helper.frame, steps);
      if (!count || counter === undefined) continue;
      const why = `${info.why}, but the requests of ${this.text(node)} come past its guard (line ${lineRef(this.line(guard))}: ${this.text(guard.expression)} ${this.lastStatement(guard.thenStatement)?.kind === K.ThrowStatement ? "throws" : "returns"}; ${counter} is stepped on every pass past it)`;
      return { ...info, trip: count.trip, tripText: count.text, dataDependent: false, exact: false, why: count.note ? `${why}: ${count.note}` : why };
    }
    return undefined;
  }

  /**
   * The passes a check lets by: `!C` (returning when `C` fails) counts like a loop's condition `C`
   * (through boolean helpers, a cap the caller may lift); `E` (returning when it holds) like a
   * guard's exit, one more when the comparison is strict (`turn > max` lets `turn = max` by, and the
   * step comes after the check).
   */
  private passedCheck(loop: ts.Node, check: ts.Expression, frame: Frame, steps: Steps): Count | undefined {
    const t = this.ts;
    const K = t.SyntaxKind;
    const x = this.constants.skipTrivia(check);
    if (t.isPrefixUnaryExpression(x) && x.operator === K.ExclamationToken) {
      const conjuncts: { readonly e: ts.Expression; readonly frame: Frame }[] = [];
      const split = (e: ts.Expression, f: Frame, depth: number): void => {
        e = this.constants.skipTrivia(e);
        if (t.isBinaryExpression(e) && e.operatorToken.kind === K.AmpersandAmpersandToken) {
          split(e.left, f, depth);
          split(e.right, f, depth);
          return;
        }
        const helper = depth < 2 && t.isCallExpression(e) ? this.helpers.helperOf(e, f) : undefined;
        const returned = helper && onlyReturned(t, helper.fn);
        if (returned) split(returned, helper.frame, depth + 1);
        else conjuncts.push({ e, frame: f });
      };
      split(x.operand, frame, 0);
      for (const { e, frame: f } of conjuncts) {
        if (!t.isBinaryExpression(e)) continue;
        const lifted = this.liftedCap(e);
        const count = this.comparison(loop, lifted?.comparison ?? e, f, steps, "continues", !!lifted);
        if (count) return count;
      }
      return undefined;
    }
    for (const exit of disjuncts(t, this.constants, x)) {
      const parts = conjunctsOf(t, this.constants, exit);
      const compared = parts.filter((p): p is ts.BinaryExpression => t.isBinaryExpression(p) && !this.isSetCheck(p));
      if (compared.length !== 1 || parts.length - 1 !== parts.filter((p) => this.isSetCheck(p)).length) continue;
      const c = compared[0]!;
      const count = this.comparison(loop, c, frame, steps, "exits", parts.length > 1);
      if (!count) continue;
      const strict = c.operatorToken.kind === K.GreaterThanToken || c.operatorToken.kind === K.LessThanToken;
      if (!strict) return count;
      return count.trip.isConstant() ? { ...count, trip: Poly.constant(count.trip.constantValue() + 1), text: String(count.trip.constantValue() + 1) } : { ...count, trip: count.trip.add(Poly.constant(1)), text: `${count.text}+1` };
    }
    return undefined;
  }

  /**
   * A loop that retries `node` on error: `node` is in a `try` (with a `catch`) that is a statement
   * of the loop's body and whose block ends by leaving the loop (`return`, `break`). When the request
   * succeeds the loop runs once; the failed attempts before it are not counted (a request that
   * fails is mostly not billed), and the derivation says so.
   */
  private retried(loop: ts.Node, node: ts.Node): LoopInfo | undefined {
    const t = this.ts;
    if (!(t.isForStatement(loop) || t.isForOfStatement(loop) || t.isForInStatement(loop) || t.isWhileStatement(loop) || t.isDoStatement(loop))) return undefined;
    const body = loop.statement;
    const statements: readonly ts.Statement[] = t.isBlock(body) ? body.statements : [body];
    const attempt = statements.find((st): st is ts.TryStatement => t.isTryStatement(st) && st.pos <= node.pos && node.end <= st.tryBlock.end);
    if (!attempt || !attempt.catchClause || node.pos < attempt.tryBlock.pos) return undefined;
    const last = attempt.tryBlock.statements[attempt.tryBlock.statements.length - 1];
    const label = t.isLabeledStatement(loop.parent) ? loop.parent.label.text : undefined;
    const leaves = !!last && (t.isReturnStatement(last) || (t.isBreakStatement(last) && (!last.label || last.label.text === label)));
    if (!leaves) return undefined;
    let info = this.retries.get(loop);
    if (info === undefined) {
      const upTo = this.info(loop);
      info = {
        ...upTo,
        trip: Poly.constant(1),
        tripText: "1",
        dataDependent: false,
        exact: true,
        why: `${upTo.kind} loop retries on error (the try block leaves the loop when the request succeeds): one request; failed attempts (up to ${upTo.tripText}) are not counted`,
      };
      this.retries.set(loop, info);
    }
    return info ?? undefined;
  }

  /** LangGraph: the nodes added by name, and the `xs.map(x => new Send("name", …))` that fan each out. */
  private namesSend: boolean | undefined;
  private sendIndex: { readonly nodes: Map<ts.Node, string>; readonly sends: Map<string, ts.CallExpression> } | undefined;

  /** A LangGraph node function that a `Send` fan-out runs once per element of a mapped collection. */
  private sendFanOut(fn: ts.Node): LoopInfo | undefined {
    // Asked at every function boundary `around` meets: the file's text is searched once.
    if (!(this.namesSend ??= this.scopes.sourceFile.text.includes("Send("))) return undefined;
    const index = (this.sendIndex ??= this.indexSends());
    const name = index.nodes.get(fn);
    const host = name === undefined ? undefined : index.sends.get(name);
    return host ? this.info(host) : undefined;
  }

  /** The `xs.map(x => new Send("name", …))` of this file that fans out the node `name`, if any. */
  fanOutOf(name: string): ts.CallExpression | undefined {
    if (!this.scopes.sourceFile.text.includes("Send(")) return undefined;
    return (this.sendIndex ??= this.indexSends()).sends.get(name);
  }

  private indexSends(): { nodes: Map<ts.Node, string>; sends: Map<string, ts.CallExpression> } {
    const t = this.ts;
    const nodes = new Map<ts.Node, string>();
    const sends = new Map<string, ts.CallExpression>();
    const functionOf = (e: ts.Expression): ts.Node | undefined => {
      const x = this.constants.skipTrivia(e);
      if (t.isArrowFunction(x) || t.isFunctionExpression(x)) return x;
      const decl = t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
      if (decl && t.isFunctionDeclaration(decl)) return decl;
      const init = decl && t.isVariableDeclaration(decl) && decl.initializer ? this.constants.skipTrivia(decl.initializer) : undefined;
      return init && (t.isArrowFunction(init) || t.isFunctionExpression(init)) ? init : undefined;
    };
    const visit = (n: ts.Node): void => {
      // `.addNode("summarize", summarize)`
      if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.name.text === "addNode" && n.arguments.length >= 2) {
        const name = this.constants.string(n.arguments[0]);
        const fn = functionOf(n.arguments[1]!);
        if (name !== undefined && fn) nodes.set(fn, name);
      }
      // `new Send("summarize", { doc })` inside `docs.map(doc => …)`
      if (t.isNewExpression(n) && this.isLangGraphSend(n.expression) && n.arguments?.length) {
        const name = this.constants.string(n.arguments[0]);
        let fn: ts.Node | undefined = n.parent;
        while (fn && !t.isFunctionLike(fn)) fn = fn.parent;
        const host = fn && this.callbackHost(fn);
        if (name !== undefined && host && this.isIterationCallback(host, fn!)) sends.set(name, host);
      }
      t.forEachChild(n, visit);
    };
    visit(this.scopes.sourceFile);
    return { nodes, sends };
  }

  /**
   * The fan-out a routing function makes (`(state) => state.docs.map((doc) => new Send("summarize", …))`):
   * the node it sends to and the collection it maps, for the graph's module that imports it.
   */
  sendsIn(fn: ts.Node): { node: string; collection: string; line: number } | undefined {
    const t = this.ts;
    let found: { node: string; collection: string; line: number } | undefined;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (t.isNewExpression(n) && this.isLangGraphSend(n.expression) && n.arguments?.length) {
        const node = this.constants.string(n.arguments[0]);
        let cb: ts.Node | undefined = n.parent;
        while (cb && !t.isFunctionLike(cb)) cb = cb.parent;
        const host = cb && this.callbackHost(cb);
        if (node !== undefined && host && this.isIterationCallback(host, cb!) && t.isPropertyAccessExpression(host.expression)) found = { node, collection: this.text(host.expression.expression), line: this.line(host) };
      }
      t.forEachChild(n, visit);
    };
    visit(fn);
    return found;
  }

  /** The loop of a fan-out another module's routing function makes, at the call that adds the node here. */
  foreignFanOut(at: ts.Node, fanOut: { readonly collection: string; readonly where: string }): LoopInfo {
    const name = this.symbols.define({ name: `|${fanOut.collection}|`, kind: "count", line: this.line(at), origin: `the number of elements of ${fanOut.collection} (${fanOut.where})` });
    return { node: at, kind: "map", line: this.line(at), trip: Poly.symbol(name), tripText: name, dataDependent: false, exact: true, parallel: true, why: `the routing function (${fanOut.where}) sends each element of ${fanOut.collection} to this node` };
  }

  private isLangGraphSend(e: ts.Expression): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    const decl = t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
    if (!decl || !t.isImportSpecifier(decl) || (decl.propertyName ?? decl.name).text !== "Send") return false;
    const spec = decl.parent.parent.parent.moduleSpecifier;
    return t.isStringLiteralLike(spec) && spec.text.startsWith("@langchain/langgraph");
  }

  /** The function containing `node` (the boundary `around` stops at), crossing callbacks passed to calls. */
  enclosingFunction(node: ts.Node): ts.Node {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (this.ts.isFunctionLike(n)) {
        const host = this.callbackHost(n);
        if (host) {
          n = host;
          continue;
        }
        return n;
      }
    }
    return this.scopes.sourceFile;
  }

  /**
   * The call an inline function is passed to: `xs.map(cb)` runs it once per element, and
   * `withRetry(() => …)`, `limit(() => …)`, `new Promise(…)` run it as part of the caller. A named
   * function declared elsewhere is a function of its own and has a summary. A function written in
   * an options object runs in the call that receives it when that call's function (of this file)
   * calls the property (OptionCallbacks).
   */
  callbackHost(fn: ts.Node): ts.CallExpression | ts.NewExpression | undefined {
    const t = this.ts;
    const call = fn.parent;
    if (!call) return undefined;
    if (!(t.isArrowFunction(fn) || t.isFunctionExpression(fn))) return t.isMethodDeclaration(fn) ? this.optionCallbacks.host(fn) : undefined;
    // `const ask = wrap(async (q) => …)` with `ask` called: a function of its own (WrappedFunctions).
    if ((t.isCallExpression(call) || t.isNewExpression(call)) && call.arguments?.includes(fn as ts.Expression)) return this.wrapped.isWrapped(fn, call) ? undefined : call;
    // `(async () => { … })()`: called in place, once, where it is written.
    let callee: ts.Node = fn;
    while (t.isParenthesizedExpression(callee.parent)) callee = callee.parent;
    if (t.isCallExpression(callee.parent) && callee.parent.expression === callee) return callee.parent;
    return t.isPropertyAssignment(call) ? this.optionCallbacks.host(fn) : undefined;
  }

  /** `xs.map(fn)` and friends, `pMap(xs, fn)`: the call runs `fn` once per element. */
  isIterationCallback(host: ts.Node, fn: ts.Node): host is ts.CallExpression {
    const t = this.ts;
    if (!t.isCallExpression(host)) return false;
    if (host.arguments[0] === fn && t.isPropertyAccessExpression(host.expression) && !!ownValue(CALLBACK_LOOPS, host.expression.name.text)) return true;
    return host.arguments[1] === fn && (this.isImportOf(host.expression, "p-map") || !!this.eachTable(host));
  }

  /**
   * `describe.each(models)("…", (m) => …)`, `it.each`, `test.each`: the test runs once per row of the table. A skipped
   * table (`test.skip.each`) runs no row, and `(live ? test.each(xs) : test.skip.each(xs))(…)` the rows of one branch:
   * both only bound the runs (`bound`).
   */
  private eachTable(host: ts.CallExpression): { tables: ts.Expression[]; bound: boolean } | undefined {
    const t = this.ts;
    const callee = this.eachAlias(this.constants.skipTrivia(host.expression));
    if (!t.isConditionalExpression(callee)) return this.eachOf(callee);
    const a = this.eachOf(this.constants.skipTrivia(callee.whenTrue));
    const b = this.eachOf(this.constants.skipTrivia(callee.whenFalse));
    if (!a || !b) return undefined;
    const [x, y] = [a.tables[0]!, b.tables[0]!];
    return { tables: this.text(x) === this.text(y) ? [x] : [x, y], bound: true };
  }

  /** `const runner = test.each(items); runner("t", fn)`: the const's table, so its rows are counted as where written in place. */
  private eachAlias(callee: ts.Expression): ts.Expression {
    const t = this.ts;
    if (!t.isIdentifier(callee)) return callee;
    const decl = this.scopes.resolve(callee);
    const init = decl && this.constants.isConstDeclaration(decl) ? this.constants.initializerOf(callee) : undefined;
    return init ? this.constants.skipTrivia(init) : callee;
  }

  /** `test.each(xs)`, `describe.skip.each(xs)`: the table, a bound only when the runner is skipped. */
  private eachOf(each: ts.Expression): { tables: ts.Expression[]; bound: boolean } | undefined {
    const t = this.ts;
    if (!t.isCallExpression(each) || !t.isPropertyAccessExpression(each.expression) || each.expression.name.text !== "each" || !each.arguments[0]) return undefined;
    const runner = this.constants.skipTrivia(each.expression.expression);
    const name = t.isIdentifier(runner) ? runner.text : t.isPropertyAccessExpression(runner) && t.isIdentifier(runner.expression) ? runner.expression.text : "";
    if (!["describe", "it", "test"].includes(name)) return undefined;
    return { tables: [each.arguments[0]], bound: t.isPropertyAccessExpression(runner) && runner.name.text === "skip" };
  }

  /** Whether an expression names the default export of a package (`import pMap from "p-map"`). */
  isImportOf(e: ts.Expression, module: string): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (!t.isIdentifier(x)) return false;
    const decl = this.scopes.resolve(x);
    if (decl && t.isImportClause(decl) && t.isStringLiteralLike(decl.parent.moduleSpecifier)) return decl.parent.moduleSpecifier.text === module;
    if (decl && t.isVariableDeclaration(decl) && decl.initializer) {
      const init = this.constants.skipTrivia(decl.initializer);
      return t.isCallExpression(init) && t.isIdentifier(init.expression) && init.expression.text === "require" && !!init.arguments[0] && t.isStringLiteralLike(init.arguments[0]) && init.arguments[0].text === module;
    }
    return false;
  }

  /** `limit(() => …)` with `const limit = pLimit(4)`: the limiter's concurrency. */
  limiterConcurrency(host: ts.Node): number | undefined {
    const t = this.ts;
    if (!t.isCallExpression(host) || !t.isIdentifier(host.expression)) return undefined;
    const init = this.constants.initializerOf(host.expression);
    const x = init && this.constants.skipTrivia(init);
    if (!x || !t.isCallExpression(x) || !this.isImportOf(x.expression, "p-limit")) return undefined;
    return this.constants.number(x.arguments[0]) ?? undefined;
  }

  /** Whether `child` is re-executed on each iteration of `loop`. */
  private repeats(loop: ts.Node, child: ts.Node): boolean {
    const t = this.ts;
    if (t.isForStatement(loop)) return child === loop.statement || child === loop.condition || child === loop.incrementor;
    if (t.isForOfStatement(loop) || t.isForInStatement(loop)) return child === loop.statement;
    if (t.isWhileStatement(loop) || t.isDoStatement(loop)) return child === loop.statement || child === loop.expression;
    return false;
  }

  /** `model.batch(inputs)`: the SDK sends one request per element, `concurrency` at a time. */
  batch(call: ts.CallExpression, of: ts.Expression, concurrency: ts.Expression | undefined): LoopInfo {
    const c = this.collection(of);
    const n = this.constants.number(concurrency);
    return { node: call, kind: "batch", line: this.line(call), trip: c.trip, tripText: c.text, dataDependent: false, exact: c.exact, parallel: true, ...(n ? { concurrency: n } : {}), why: `the SDK sends one request per element of ${this.text(of)}${n ? `, ${n} at a time` : ""}` };
  }

  info(loop: ts.Node): LoopInfo {
    return this.symbols.memo(this.cache, loop, (l) => this.compute(l));
  }

  private compute(loop: ts.Node): LoopInfo {
    const t = this.ts;
    const line = this.line(loop);
    const each = t.isCallExpression(loop) ? this.eachTable(loop) : undefined;
    if (each) {
      // Two branches' tables: one of them runs, at most the rows of both.
      const cs = each.tables.map((x) => this.collection(x));
      const names = each.tables.map((x) => this.text(x)).join(" or ");
      const why = each.bound ? `the test runs at most once per row of ${names} (a skipped table or one chosen by a condition)` : `the test runs once per row of ${names}`;
      return { node: loop, kind: "each", line, trip: Poly.sum(cs.map((c) => c.trip)), tripText: cs.map((c) => c.text).join(" + "), dataDependent: false, exact: !each.bound && cs.every((c) => c.exact), parallel: false, why };
    }
    if (t.isCallExpression(loop) && !t.isPropertyAccessExpression(loop.expression)) {
      // pMap(xs, fn, { concurrency })
      const c = this.collection(loop.arguments[0]!);
      const concurrency = this.constants.number(this.constants.property(loop.arguments[2], ["concurrency"]));
      return { node: loop, kind: "pMap", line, trip: c.trip, tripText: c.text, dataDependent: false, exact: c.exact, parallel: true, ...(concurrency ? { concurrency } : {}), why: `pMap runs once per element of ${this.text(loop.arguments[0]!)}${concurrency ? `, ${concurrency} at a time` : ""}` };
    }
    if (t.isCallExpression(loop) && t.isPropertyAccessExpression(loop.expression)) {
      const spec = ownValue(CALLBACK_LOOPS, loop.expression.name.text)!;
      const c = this.collection(loop.expression.expression);
      return { node: loop, kind: spec.kind, line, trip: c.trip, tripText: c.text, dataDependent: false, exact: spec.exact && c.exact, parallel: spec.parallel, why: `${this.text(loop.expression)}(…) runs once per element of ${this.text(loop.expression.expression)}` };
    }
    const early = this.hasEarlyExit(loop);
    if (t.isForOfStatement(loop) || t.isForInStatement(loop)) {
      const kind: LoopKind = t.isForInStatement(loop) ? "for-in" : loop.awaitModifier ? "for-await" : "for-of";
      const grown = t.isForOfStatement(loop) ? this.grownWhileIterated(loop) : undefined;
      if (grown) {
        const name = this.symbols.define({ name: this.dataDecidedName(loop), kind: "count", line, origin: `${kind} loop at line ${lineRef(line)} over ${grown}, which the loop may lengthen`, unbounded: true });
        return { node: loop, kind, line, trip: Poly.symbol(name), tripText: name, dataDependent: true, exact: false, parallel: false, why: `${kind} over ${this.text(loop.expression)} sees what the loop adds to ${grown}: it exits only when data says so` };
      }
      const c = this.collection(loop.expression);
      return { node: loop, kind, line, trip: c.trip, tripText: c.text, dataDependent: false, exact: c.exact && !early, parallel: false, why: `${kind} over ${this.text(loop.expression)}` };
    }
    if (t.isForStatement(loop) || t.isWhileStatement(loop) || t.isDoStatement(loop)) {
      const kind: LoopKind = t.isForStatement(loop) ? "for" : t.isWhileStatement(loop) ? "while" : "do-while";
      const condition = t.isForStatement(loop) ? loop.condition : loop.expression;
      const tested = condition ? this.countedBound(loop, condition) : undefined;
      // A do … while runs its first round before testing: max(1, rounds), n + 1 where the rounds are not a number.
      const counted = tested && kind === "do-while" ? this.atLeastOnce(tested) : tested;
      if (counted) {
        return { node: loop, kind, line, trip: counted.trip, tripText: counted.text, dataDependent: false, exact: counted.exact && !early, parallel: false, why: `${kind} loop while ${this.text(condition!)}${counted.note ? `: ${counted.note}` : ""}` };
      }
      const guarded = this.guardedBound(loop);
      if (guarded) {
        this.guardAt.set(loop, guarded.round ?? guarded.guard);
        const { count, guard, truthy } = guarded;
        const stops = t.isIfStatement(guard)
          ? `${this.text(guard.expression)} (line ${lineRef(this.line(guard))} ${this.lastStatement(guard.thenStatement) && t.isThrowStatement(this.lastStatement(guard.thenStatement)!) ? "throws" : "leaves the loop"}${truthy ? `; ${truthy}` : ""})`
          : `the turn passes ${count.text} (line ${lineRef(this.line(guard))}: ${this.text(guard)} steps the turn and throws past it, in another module)`;
        const why = `${kind} (${condition ? this.text(condition) : "no condition"}) stops once ${stops}${count.note ? `: ${count.note}` : ""}`;
        return { node: loop, kind, line, trip: count.trip, tripText: count.text, dataDependent: false, exact: false, parallel: false, why };
      }
      const name = this.symbols.define({ name: this.dataDecidedName(loop), kind: "count", line, origin: `${kind} loop at line ${lineRef(line)} whose exit only data decides (${condition ? this.text(condition) : "no condition"})`, unbounded: true });
      return { node: loop, kind, line, trip: Poly.symbol(name), tripText: name, dataDependent: true, exact: false, parallel: false, why: `${kind} (${condition ? this.text(condition) : "no condition"}) exits only when data says so` };
    }
    throw new Error(`not a loop: ${t.SyntaxKind[loop.kind]}`);
  }

  private atLeastOnce(c: Count): Count {
    if (c.trip.isConstant()) {
      const n = Math.max(1, c.trip.constantValue());
      return { ...c, trip: Poly.constant(n), text: String(n) };
    }
    return { ...c, trip: c.trip.add(Poly.constant(1)), text: `${c.text}+1`, exact: false, note: `${c.note ? `${c.note}; ` : ""}the first round runs before the test: at most one more` };
  }

  /**
   * A data-decided loop's count, named after its function and its place among that function's
   * data-decided loops (`T[agent]`, `T[agent#2]`, `T[Agent.run]`, `T[top]` outside functions), so
   * an assumption for it keeps applying when lines are added above it.
   */
  private dataDecidedName(loop: ts.Node): string {
    const t = this.ts;
    const fn = functionNameOf(t, loop, this.wrapped);
    if (!this.conditionLoops) {
      const byName = new Map<string, ts.Node[]>();
      const visit = (n: ts.Node): void => {
        if (t.isForStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n) || t.isForOfStatement(n)) {
          const name = functionNameOf(t, n, this.wrapped);
          const list = byName.get(name);
          if (list) list.push(n);
          else byName.set(name, [n]);
        }
        t.forEachChild(n, visit);
      };
      visit(this.scopes.sourceFile);
      this.conditionLoops = byName;
    }
    // The earlier loops' own definitions stay theirs (a sealed recording), not this loop's.
    const earlier = (this.conditionLoops.get(fn) ?? []).filter((l) => l.pos < loop.pos);
    const before = this.symbols.record(() => earlier.filter((l) => this.info(l).dataDependent).length, true).value;
    return `T[${fn === "<top level>" ? "top" : fn}${before ? `#${before + 1}` : ""}]`;
  }

  /** Trip count of iterating over a collection expression. */
  collection(expr: ts.Expression): { trip: Poly; text: string; exact: boolean } {
    const t = this.ts;
    const e = this.constants.skipTrivia(expr);
    if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression)) {
      const method = e.expression.name.text;
      const recv = e.expression.expression;
      if (t.isIdentifier(recv) && recv.text === "Object" && ["keys", "values", "entries"].includes(method) && e.arguments[0]) return this.collection(e.arguments[0]);
      if (method === "slice" || method === "splice") {
        const n = this.sliceLength(e);
        if (n !== undefined) return { trip: Poly.constant(n), text: String(n), exact: false };
        return { ...this.collection(recv), exact: false };
      }
      if (["entries", "keys", "values", "map", "reverse", "toReversed", "sort", "toSorted", "concat", "flat"].includes(method)) return this.collection(recv);
      if (["filter", "flatMap"].includes(method)) return { ...this.collection(recv), exact: false };
    }
    if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && t.isIdentifier(e.expression.expression) && e.expression.expression.text === "Array" && e.expression.name.text === "from" && e.arguments[0]) {
      const len = this.constants.property(e.arguments[0], ["length"]);
      return len ? this.count(len) : this.collection(e.arguments[0]);
    }
    if (t.isArrayLiteralExpression(e)) {
      const spread = e.elements.filter((x) => t.isSpreadElement(x));
      if (spread.length === 0) return { trip: Poly.constant(e.elements.length), text: String(e.elements.length), exact: true };
      return this.collection((spread[0] as ts.SpreadElement).expression);
    }
    const fixed = t.isIdentifier(e) ? this.fixedLength(e) : undefined;
    if (fixed !== undefined) return { trip: Poly.constant(fixed), text: String(fixed), exact: true };
    const name = this.collectionName(e);
    const sym = this.symbols.define({ name, kind: "count", line: this.line(e), origin: `the number of elements of ${this.text(e)}` });
    return { trip: Poly.symbol(sym), text: sym, exact: true };
  }

  /**
   * The length of a list written out in a const of this file (`const models = ["a", "b", "c"]`, no spread) that
   * nothing can change: every use of it reads (iterated, indexed, spread, its length or a method that
   * makes a new value); one exported, handed to a call, assigned into or pushed to is a size, as before.
   */
  private fixedLength(id: ts.Identifier): number | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    if (!decl || !t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name) || !decl.initializer || !this.constants.isConstDeclaration(decl)) return undefined;
    const list = this.constants.skipTrivia(decl.initializer);
    if (!t.isArrayLiteralExpression(list) || list.elements.length === 0 || list.elements.some((el) => t.isSpreadElement(el) || t.isOmittedExpression(el))) return undefined;
    const statement = decl.parent.parent;
    if (t.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword)) return undefined;
    return this.scopes.referencesTo(decl, decl.name.text).every((ref) => this.onlyReads(ref)) ? list.elements.length : undefined;
  }

  private onlyReads(ref: ts.Identifier): boolean {
    const t = this.ts;
    let use: ts.Node = ref;
    while (t.isParenthesizedExpression(use.parent) || t.isAsExpression(use.parent) || t.isSatisfiesExpression(use.parent) || t.isNonNullExpression(use.parent)) use = use.parent;
    const parent = use.parent;
    if (t.isForOfStatement(parent) || t.isForInStatement(parent)) return parent.expression === use;
    if (t.isSpreadElement(parent)) return t.isArrayLiteralExpression(parent.parent);
    // `xs[0]`, not `xs["push"](…)` (a method called by its name) or `xs[k]` handed on.
    if (t.isElementAccessExpression(parent)) return parent.expression === use && !t.isStringLiteralLike(parent.argumentExpression) && !this.writtenThrough(parent) && !(t.isCallExpression(parent.parent) && parent.parent.expression === parent);
    if (!t.isPropertyAccessExpression(parent) || parent.expression !== use) return false;
    if (parent.name.text === "length") return !this.writtenThrough(parent);
    const call = parent.parent;
    if (!READING_METHODS.has(parent.name.text) || !t.isCallExpression(call) || call.expression !== parent) return false;
    // A callback is handed the list itself after the element and its index (reduce: after the total too).
    const listAt = parent.name.text === "reduce" ? 3 : 2;
    return call.arguments.every((arg) => !this.mayTakeList(arg, listAt));
  }

  /** A function handed to a list's method that may be given the list (`(x, i, all) => all.push(x)`), or one not read here. */
  private mayTakeList(arg: ts.Expression, listAt: number): boolean {
    const t = this.ts;
    let fn: ts.Node | undefined = this.constants.skipTrivia(arg);
    if (t.isIdentifier(fn)) {
      const decl = this.scopes.resolve(fn);
      // A function handed in (`forEach(cb)`) may be any.
      if (decl && t.isParameter(decl)) return true;
      fn = decl && t.isVariableDeclaration(decl) && decl.initializer ? this.constants.skipTrivia(decl.initializer) : decl;
      // A function imported or not read (`models.map(bedrock)`) is the SDK's or a helper's: it is not handed lists to grow.
      if (!fn) return false;
    }
    if (!t.isFunctionLike(fn)) return false;
    return fn.parameters.length > listAt || fn.parameters.some((p) => !!p.dotDotDotToken);
  }

  /** `xs[0] = v`, `xs.length = 0`, `xs[i]++`, `delete xs[0]`. */
  private writtenThrough(access: ts.Expression): boolean {
    const t = this.ts;
    const p = access.parent;
    if (t.isBinaryExpression(p) && p.left === access && p.operatorToken.kind >= t.SyntaxKind.FirstAssignment && p.operatorToken.kind <= t.SyntaxKind.LastAssignment) return true;
    return t.isPrefixUnaryExpression(p) || t.isPostfixUnaryExpression(p) || t.isDeleteExpression(p);
  }

  /** `|xs|` for `xs`, `this.xs`, `opts.xs`; `|f()|` for anything else. */
  collectionName(e: ts.Expression): string {
    return `|${this.baseName(e)}|`;
  }

  baseName(e: ts.Expression): string {
    const t = this.ts;
    e = this.constants.skipTrivia(e);
    if (t.isIdentifier(e)) return e.text;
    if (t.isPropertyAccessExpression(e)) {
      if (e.expression.kind === t.SyntaxKind.ThisKeyword) return e.name.text;
      return `${this.baseName(e.expression)}.${e.name.text}`;
    }
    const s = e.getText(this.scopes.sourceFile).replace(/\s+/g, "");
    return s.length > 30 ? `${s.slice(0, 29)}…` : s;
  }

  private sliceLength(call: ts.CallExpression): number | undefined {
    const [a, b] = call.arguments;
    const start = this.constants.number(a);
    const end = b ? this.constants.number(b) : undefined;
    if (start !== undefined && start < 0 && !b) return -start;
    if (start !== undefined && end !== undefined && end >= start && start >= 0) return end - start;
    return undefined;
  }

  /** A count bound such as `turns`, `xs.length`, `10`, `this.maxTurns`, `Math.min(n, 5)`. */
  count(e: ts.Expression, liftable = false): Count {
    const t = this.ts;
    e = this.constants.skipTrivia(e);
    const n = this.constants.number(e);
    if (n !== undefined) return { trip: Poly.constant(Math.max(0, Math.ceil(n))), text: String(Math.max(0, Math.ceil(n))), exact: true };
    if (t.isPropertyAccessExpression(e) && e.name.text === "length") return this.collection(e.expression);
    if (t.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === t.SyntaxKind.MinusToken || op === t.SyntaxKind.SlashToken) return { ...this.count(e.left), exact: op === t.SyntaxKind.MinusToken };
      if (op === t.SyntaxKind.PlusToken || op === t.SyntaxKind.AsteriskToken) {
        const a = this.count(e.left);
        const b = this.count(e.right);
        const trip = op === t.SyntaxKind.PlusToken ? a.trip.add(b.trip) : a.trip.mul(b.trip);
        return { trip, text: `${a.text}${op === t.SyntaxKind.PlusToken ? "+" : "·"}${b.text}`, exact: a.exact && b.exact };
      }
    }
    if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && t.isIdentifier(e.expression.expression) && e.expression.expression.text === "Math") {
      const fn = e.expression.name.text;
      if (fn === "min" && e.arguments.length) {
        const parts = e.arguments.map((a) => this.count(a));
        const constant = parts.find((p) => p.trip.isConstant());
        return { ...(constant ?? parts[0]!), exact: false };
      }
      if (["ceil", "floor", "round", "trunc"].includes(fn) && e.arguments[0]) return this.count(e.arguments[0]);
    }
    if (t.isConditionalExpression(e)) {
      // `replay ? 5 : 1`: at most the larger branch.
      const [a, b] = [this.count(e.whenTrue), this.count(e.whenFalse)];
      if (a.trip.isConstant() && b.trip.isConstant()) return a.trip.constantValue() >= b.trip.constantValue() ? { ...a, exact: false } : { ...b, exact: false };
    }
    const name = this.baseName(e);
    // A field that starts as a number and is only replaced by a setting (`maxIterations = 10`,
    // `this.maxIterations = fields.maxIterations ?? this.maxIterations`): at most its default, a
    // constant cap, unless the loop lets the caller lift the cap (`this.max === undefined || i < this.max`),
    // where it is a setting like an SDK's step limit: a count valued at its default.
    const field = fieldDefault(t, this.constants, e);
    if (field && !liftable) return { trip: Poly.constant(field.value), text: String(field.value), exact: false, note: `at most ${field.name} = ${field.value} (its default)` };
    // A parameter with a default (`maxRounds = 8`), or a const that falls back to one (`const maxTurns =
    // config.maxTurns ?? DEFAULT_MAX_TURNS`): a count the caller may set, 8 unless it does.
    const stated = field?.value ?? (t.isIdentifier(e) ? this.constants.number(this.constants.parameterDefault(e) ?? this.fallbackOf(e)) : undefined);
    const sym = this.symbols.define({ name, kind: "count", line: this.line(e), origin: `the loop bound ${this.text(e)}${stated !== undefined ? ` (${stated} by default${field ? "; no cap when unset" : ""})` : ""}`, ...(stated !== undefined ? { value: stated } : {}) });
    return { trip: Poly.symbol(sym), text: sym, exact: true, ...(field ? { note: `${field.name} = ${field.value} by default, no cap when unset` } : {}) };
  }

  /** The right side of a const's `setting ?? 10` (or `||`): the value it has when the setting is not given. */
  private fallbackOf(id: ts.Identifier): ts.Expression | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    const init = decl && t.isVariableDeclaration(decl) && this.constants.isConstDeclaration(decl) && decl.initializer ? this.constants.skipTrivia(decl.initializer) : undefined;
    return init && t.isBinaryExpression(init) && (init.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || init.operatorToken.kind === t.SyntaxKind.BarBarToken) ? init.right : undefined;
  }

  /**
   * `i < n` with `i` stepped in the loop; `queue.length > 0` drained by `shift`/`pop`; a boolean
   * helper that compares (`while (this.shouldContinue(i))`, `shouldContinue(i) { return i < this.max }`);
   * `this.max === undefined || i < this.max`, a cap the caller may lift.
   */
  private countedBound(loop: ts.IterationStatement, condition: ts.Expression): Count | undefined {
    const t = this.ts;
    const steps = this.countedSteps(loop);
    const conjuncts: { readonly e: ts.Expression; readonly frame: Frame }[] = [];
    const split = (e: ts.Expression, frame: Frame, depth: number): void => {
      e = this.constants.skipTrivia(e);
      if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.AmpersandAmpersandToken) {
        split(e.left, frame, depth);
        split(e.right, frame, depth);
        return;
      }
      const helper = depth < 2 && t.isCallExpression(e) ? this.helpers.helperOf(e, frame) : undefined;
      const returned = helper && onlyReturned(t, helper.fn);
      if (returned) split(returned, helper.frame, depth + 1);
      else conjuncts.push({ e, frame });
    };
    split(condition, OWN_FRAME, 0);
    const candidates: Count[] = [];
    for (const { e: c, frame } of conjuncts) {
      if (!t.isBinaryExpression(c)) {
        const drained = frame === OWN_FRAME ? this.drainedQueue(loop, c, steps) : undefined;
        if (drained) candidates.push(drained);
        continue;
      }
      const lifted = this.liftedCap(c);
      const counted = this.comparison(loop, lifted?.comparison ?? c, frame, steps, "continues", !!lifted);
      if (counted) candidates.push(counted);
      else if (frame === OWN_FRAME) {
        const drained = this.drainedQueue(loop, c, steps);
        if (drained) candidates.push(drained);
      }
    }
    if (candidates.length === 0) return undefined;
    // Several counted exits: the loop stops at the first, so any one bounds it; prefer a constant.
    const best = candidates.find((c) => c.trip.isConstant()) ?? candidates[0]!;
    return { ...best, exact: best.exact && conjuncts.length === 1 };
  }

  /**
   * A comparison of a stepped counter with a bound: `i < n` while the loop `continues`, `turn > max`
   * where it `exits` (a guard that throws). The counter and bound are read through the helper's frame.
   */
  private comparison(loop: ts.Node, c: ts.BinaryExpression, frame: Frame, steps: Steps, polarity: "continues" | "exits", liftable: boolean): Count | undefined {
    const t = this.ts;
    const K = t.SyntaxKind;
    let op: ts.SyntaxKind = c.operatorToken.kind;
    const stepped = (e: ts.Expression, dir: "up" | "down"): boolean => {
      const key = this.helpers.key(e, frame);
      return key !== undefined && steps.get(key) === dir && !this.changedOutside(loop, e, frame, key, dir, steps);
    };
    // An exit on `turn > max` is a loop that continues while `turn <= max`.
    if (polarity === "exits") {
      const flipped = new Map([[K.GreaterThanToken, K.LessThanEqualsToken], [K.GreaterThanEqualsToken, K.LessThanToken], [K.LessThanToken, K.GreaterThanEqualsToken], [K.LessThanEqualsToken, K.GreaterThanToken], [K.EqualsEqualsEqualsToken, K.ExclamationEqualsEqualsToken], [K.EqualsEqualsToken, K.ExclamationEqualsToken]]).get(op);
      if (flipped === undefined) return undefined;
      op = flipped;
    }
    let counter: ts.Expression | undefined;
    let bound: ts.Expression | undefined;
    let direction: "up" | "down" | undefined;
    if (op === K.LessThanToken || op === K.LessThanEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken) [counter, bound, direction] = [c.left, c.right, "up"];
    else if (op === K.GreaterThanToken || op === K.GreaterThanEqualsToken) {
      if (stepped(c.right, "up")) [counter, bound, direction] = [c.right, c.left, "up"];
      else [counter, bound, direction] = [c.left, c.right, "down"];
    }
    if (!counter || !bound || !direction) return undefined;
    if (steps.written && this.boundWritten(bound, frame, (key, at) => steps.written!(key) || this.changedOutside(loop, at, frame, key, undefined, steps))) return undefined;
    const inLoop = this.helpers.inFrame(counter, frame);
    // Whether the round where the counter equals the bound runs (`i <= n`); only read in a loop's own condition (a guard's step may come before or after it).
    const reached = polarity === "continues" && (op === K.LessThanEqualsToken || op === K.GreaterThanEqualsToken);
    if (direction === "up" && stepped(counter, "up")) {
      const b = this.count(this.helpers.inFrame(bound, frame), liftable);
      const start = this.startValue(loop, inLoop);
      const strides = this.stridesOf(loop, inLoop);
      // `i !== n` stops only by meeting the bound: steps of one from a start not past it.
      if (op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken) {
        if (!strides.length || strides.some((k) => k !== 1) || start === undefined || start < 0) return undefined;
        if (b.trip.isConstant()) return b.trip.constantValue() >= start ? { trip: Poly.constant(b.trip.constantValue() - start), text: String(b.trip.constantValue() - start), exact: b.exact } : undefined;
        return start === 0 ? b : undefined;
      }
      // A stated stride below one (`i += 0.5`) takes more rounds than the bound's units: none counted.
      if (strides.some((k) => k !== undefined && !Number.isInteger(k))) return undefined;
      // `i += 10`: one iteration per 10 of the bound (batches of ten).
      const step = strides.length === 1 && strides[0] !== undefined && Number.isInteger(strides[0]) && strides[0] > 1 ? strides[0] : 1;
      // A start not stated is taken for an index (at least 0).
      const extra = (reached ? 1 : 0) - (start ?? 0);
      if (start !== undefined && b.trip.isConstant()) {
        const n = Math.max(0, Math.ceil((b.trip.constantValue() + extra) / step));
        return { trip: Poly.constant(n), text: String(n), exact: b.exact, ...(b.note ? { note: b.note } : {}) };
      }
      const more = extra > 0 ? { trip: b.trip.add(Poly.constant(extra)), text: `${b.text}+${extra}` } : b;
      // ⌈n/k⌉ ≤ (n + k − 1)/k: the bound evaluated at a size is never below the rounds.
      if (step > 1) return { trip: more.trip.add(Poly.constant(step - 1)).scale(1 / step), text: extra > 0 ? `⌈(${more.text})/${step}⌉` : `⌈${b.text}/${step}⌉`, exact: false };
      return extra > 0 ? { ...b, ...more } : b;
    }
    if (direction === "down" && stepped(counter, "down")) {
      const init = this.startExpression(loop, inLoop);
      if (!init) return undefined;
      // `i = xs.length - 1; i >= 0`: |xs| rounds; `i = n; i >= 0`: n + 1.
      const x = this.constants.skipTrivia(init);
      const K2 = t.SyntaxKind;
      const shift = t.isBinaryExpression(x) && (x.operatorToken.kind === K2.MinusToken || x.operatorToken.kind === K2.PlusToken) ? this.constants.number(x.right) : undefined;
      const from = shift !== undefined ? this.count((x as ts.BinaryExpression).left) : this.count(init);
      const offset = shift === undefined ? 0 : (x as ts.BinaryExpression).operatorToken.kind === K2.MinusToken ? -shift : shift;
      const floor = this.constants.number(this.helpers.inFrame(bound, frame));
      const extra = floor === undefined ? 0 : offset - floor + (reached ? 1 : 0);
      if (from.trip.isConstant()) {
        const n = Math.max(0, from.trip.constantValue() + extra);
        return { trip: Poly.constant(n), text: String(n), exact: from.exact };
      }
      return extra > 0 ? { ...from, trip: from.trip.add(Poly.constant(extra)), text: `${from.text}+${extra}` } : shift !== undefined ? { ...from, exact: true } : from;
    }
    return undefined;
  }

  /**
   * Whether what `e` names (keyed `key` in the loop's terms) may be changed other than by steps
   * `allowed` where the loop's walk does not see it (OutsideWrites): through another name the loop
   * writes, by code that may run while the loop runs, or kept where no name reaches it while the
   * loop writes something it cannot name.
   */
  private changedOutside(loop: ts.Node, e: ts.Expression, frame: Frame, key: string, allowed: "up" | "down" | undefined, steps: Steps): boolean {
    const root = this.rootInLoop(e, frame);
    const o = root && this.outside.of(loop, root);
    if (!o || !(key === o.root || key.startsWith(`${o.root}.`))) return false;
    for (const [k, kinds] of o.foreign) if (key.startsWith(`${k}.`) || (k === key && [...kinds].some((kind) => kind !== allowed))) return true;
    // A variable itself (`turn`, not `state.turn`) is written only by its own name: a copy of its value is no other name for it.
    if (key === o.root) return false;
    for (const [alias, path] of o.aliases) {
      if (key.startsWith(`${path}.`) && steps.changed?.(alias + key.slice(path.length), allowed)) return true;
    }
    return o.opaque && !!steps.unattributed?.();
  }

  /** The expression `e` is read from in the loop's own terms: a helper's parameter is its argument, its `this` the receiver. */
  private rootInLoop(e: ts.Expression, frame: Frame): ts.Expression | undefined {
    const t = this.ts;
    let x = this.constants.skipTrivia(e);
    while (t.isPropertyAccessExpression(x)) x = this.constants.skipTrivia(x.expression);
    if (t.isIdentifier(x)) {
      const arg = frame.params.get(x.text);
      if (arg) return arg;
      return frame.keys?.has(x.text) ? undefined : x;
    }
    if (x.kind === t.SyntaxKind.ThisKeyword) return frame.self ?? (frame.keys?.has("this") && frame.keys.get("this") !== "this" ? undefined : x);
    return undefined;
  }

  /** Whether a bound (a name or field in it, not a constant) may be written in the loop: raised, it bounds nothing. */
  private boundWritten(bound: ts.Expression, frame: Frame, written: (key: string, at: ts.Expression) => boolean): boolean {
    const t = this.ts;
    if (this.constants.number(this.helpers.inFrame(bound, frame)) !== undefined) return false;
    const visit = (n: ts.Node): boolean => {
      if ((t.isIdentifier(n) || t.isPropertyAccessExpression(n) || n.kind === t.SyntaxKind.ThisKeyword) && !(t.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
        const key = this.helpers.key(n as ts.Expression, frame);
        if (key !== undefined && written(key, n as ts.Expression)) return true;
        if (!t.isPropertyAccessExpression(n)) return false;
      }
      return !!t.forEachChild(n, (c) => (visit(c) ? true : undefined));
    };
    return visit(bound);
  }

  /**
   * `while (true) { turn++; check(turn, max); … }` with `check` throwing once `t > m` (or the check
   * written in the body, or a method of the state: `state.nextTurn()` stepping and checking its own
   * fields): a guard that leaves the loop when a stepped counter passes a bound. At most that many
   * rounds (an O bound: data may end the loop sooner).
   */
  private guardedBound(loop: ts.IterationStatement): { count: Count; guard: ts.Statement; truthy?: string; foreign?: boolean; round?: ts.Statement } | undefined {
    const t = this.ts;
    const steps = this.everyRoundSteps(loop);
    const label = t.isLabeledStatement(loop.parent) ? loop.parent.label.text : undefined;
    const leaves = (st: ts.Statement, inLoop: boolean): boolean => {
      const last = this.lastStatement(st);
      if (!last) return false;
      if (t.isThrowStatement(last)) return true;
      return inLoop && (t.isReturnStatement(last) || (t.isBreakStatement(last) && (!last.label || last.label.text === label)));
    };
    const exitCount = (condition: ts.Expression, frame: Frame): Count | undefined => {
      for (const exit of disjuncts(t, this.constants, condition)) {
        const parts = conjunctsOf(t, this.constants, exit);
        const compared = parts.filter((p): p is ts.BinaryExpression => t.isBinaryExpression(p) && !this.isSetCheck(p));
        // `max !== null && turn > max`: the other parts only say the cap is set (a cap the caller may lift).
        if (compared.length !== 1 || parts.length - 1 !== parts.filter((p) => this.isSetCheck(p)).length) continue;
        const count = this.comparison(loop, compared[0]!, frame, steps, "exits", parts.length > 1);
        if (count) return count;
      }
      return undefined;
    };
    const search = (statements: readonly ts.Statement[], frame: Frame, depth: number): { count: Count; guard: ts.Statement; truthy?: string; foreign?: boolean; round?: ts.Statement } | undefined => {
      for (const st of statements) {
        if (t.isIfStatement(st) && !st.elseStatement && leaves(st.thenStatement, depth === 0)) {
          const own = exitCount(st.expression, frame);
          if (own) return { count: own, guard: st };
          const tested = this.testedHelper(st.expression, statements, frame, exitCount);
          if (tested) return { ...tested, guard: st };
        } else {
          const call = depth < 2 ? calledIn(t, this.constants, st) : undefined;
          const helper = call && this.helpers.helperOf(call, frame);
          const found = helper && t.isBlock(helper.fn.body) ? search(helper.fn.body.statements, helper.frame, depth + 1) : undefined;
          if (found) return { ...found, round: st };
          const foreign = call && !helper ? this.foreignExit(call, frame, steps) : undefined;
          if (foreign) return { count: foreign, guard: st, foreign: true };
        }
        // A guard after a statement that may end the pass early (a `continue`, a helper's `return`, even
        // inside a branch that otherwise leaves) is not reached every round: none after it counts.
        if (this.mayLeave(st, depth === 0 ? t.SyntaxKind.ContinueStatement : t.SyntaxKind.ReturnStatement)) return undefined;
      }
      return undefined;
    };
    const body = loop.statement;
    return search(t.isBlock(body) ? body.statements : [body], OWN_FRAME, 0);
  }

  /**
   * `if (reason)` with `const reason = this.checkTermination(turn, max)` declared before it in the
   * same round (or `if (check(turn, max))`): the exit the helper's truthy return stands for
   * (LoopHelpers.truthyWhen), read in the helper's frame.
   */
  private testedHelper(test: ts.Expression, statements: readonly ts.Statement[], frame: Frame, exitCount: (condition: ts.Expression, frame: Frame) => Count | undefined): { count: Count; truthy: string } | undefined {
    const t = this.ts;
    let x = this.constants.skipTrivia(test);
    if (t.isIdentifier(x)) {
      const decl = this.scopes.resolve(x);
      const declared = decl && t.isVariableDeclaration(decl) && this.constants.isConstDeclaration(decl) && decl.initializer ? statements.find((st) => t.isVariableStatement(st) && st.declarationList === decl.parent) : undefined;
      if (!declared || declared.pos >= test.pos) return undefined;
      x = this.constants.skipTrivia((decl as ts.VariableDeclaration).initializer!);
      // `const reason = check(turn, max); turn++; if (reason) break` breaks in the same round as testing
      // before the step would: steps between change nothing the verdict says; any other write refuses it.
      const between = statements.filter((st) => st.pos >= declared.end && st.end <= test.pos);
      if (t.isCallExpression(x) && this.writtenBetween(x, between, frame)) return undefined;
    }
    const helper = t.isCallExpression(x) ? this.helpers.helperOf(x, frame) : undefined;
    const exits = helper && this.helpers.truthyWhen(helper.fn);
    for (const exit of exits ?? []) {
      const count = exitCount(exit, helper!.frame);
      if (count) return { count, truthy: `${this.text(x)} is truthy once ${this.text(exit)}` };
    }
    return undefined;
  }

  /** Whether `statements` write anything a call is handed (its arguments, its receiver, or what they hold). */
  private writtenBetween(call: ts.CallExpression, statements: readonly ts.Statement[], frame: Frame): boolean {
    const callee = this.constants.skipTrivia(call.expression);
    const handed = [...call.arguments, ...(this.ts.isPropertyAccessExpression(callee) ? [callee.expression] : [])].flatMap((a) => this.helpers.key(a, frame) ?? []);
    const touches = (k: string): boolean => handed.some((h) => h === k || h.startsWith(`${k}.`) || k.startsWith(`${h}.`));
    return statements.some((st) => {
      const writes = this.writesIn(st, frame);
      return [...writes.kinds].some(([k, kinds]) => touches(k) && kinds.has("reset")) || writes.handed.some((c) => c.keys.some(touches));
    });
  }

  /** The statement a branch ends with: itself, or a block's last. */
  private lastStatement(st: ts.Statement): ts.Statement | undefined {
    return this.ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  }

  /** `max !== null`, `max !== undefined`, `max != null`: a check that a cap is set. */
  private isSetCheck(e: ts.Expression): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (!t.isBinaryExpression(x)) return false;
    const op = x.operatorToken.kind;
    if (op !== t.SyntaxKind.ExclamationEqualsEqualsToken && op !== t.SyntaxKind.ExclamationEqualsToken) return false;
    const other = this.constants.skipTrivia(x.right);
    return other.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(other) && other.text === "undefined");
  }

  /** `max === undefined || i < max` (or `== null`): the comparison, when the cap it makes may be unset. */
  private liftedCap(c: ts.BinaryExpression): { comparison: ts.BinaryExpression } | undefined {
    const t = this.ts;
    if (c.operatorToken.kind !== t.SyntaxKind.BarBarToken) return undefined;
    const unset = this.constants.skipTrivia(c.left);
    const comparison = this.constants.skipTrivia(c.right);
    if (!t.isBinaryExpression(unset) || !t.isBinaryExpression(comparison)) return undefined;
    const eq = unset.operatorToken.kind;
    if (eq !== t.SyntaxKind.EqualsEqualsEqualsToken && eq !== t.SyntaxKind.EqualsEqualsToken) return undefined;
    const nothing = this.constants.skipTrivia(unset.right);
    const isNothing = nothing.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(nothing) && nothing.text === "undefined");
    const capped = unset.left.getText(this.scopes.sourceFile);
    const sides = [comparison.left, comparison.right].map((x) => x.getText(this.scopes.sourceFile));
    return isNothing && sides.includes(capped) ? { comparison } : undefined;
  }

  /**
   * `i++`, `i += k`, `i = i + k` (up) or their opposites (down), recorded under the counter's key;
   * `queue.push(x)` (up) and `queue.shift()` (down) step `queue.length`. A stride stated as a number
   * goes its sign's way (`i += -1` is down, `i += 0` no step); one not stated is taken to be positive
   * (`i += batchSize`). `i *= 2` is no step: from 0 it never moves.
   */
  private recordStep(n: ts.Node, key: (e: ts.Expression) => string | undefined, out: Map<string, "up" | "down">): void {
    const t = this.ts;
    const K = t.SyntaxKind;
    if (t.isPostfixUnaryExpression(n) || t.isPrefixUnaryExpression(n)) {
      const k = key(n.operand);
      if (k !== undefined && n.operator === K.PlusPlusToken) out.set(k, "up");
      if (k !== undefined && n.operator === K.MinusMinusToken) out.set(k, "down");
    }
    if (t.isBinaryExpression(n)) {
      const k = key(n.left);
      if (k === undefined) return;
      const by = (amount: ts.Expression, sign: number): void => {
        const v = this.constants.number(amount);
        // A stride not stated must be shown to be one or more (`Math.max(1, k)`, a guard `if (k < 1) throw`): a parameter may be 0 or 0.5.
        if (v === undefined && !this.atLeastOne(amount, 0)) return;
        const d = v === undefined ? sign : Math.sign(v) * sign;
        if (d > 0) out.set(k, "up");
        else if (d < 0) out.set(k, "down");
      };
      const op = n.operatorToken.kind;
      if (op === K.PlusEqualsToken) by(n.right, 1);
      if (op === K.MinusEqualsToken) by(n.right, -1);
      const right = this.constants.skipTrivia(n.right);
      if (op === K.EqualsToken && t.isBinaryExpression(right) && key(right.left) === k) {
        if (right.operatorToken.kind === K.PlusToken) by(right.right, 1);
        if (right.operatorToken.kind === K.MinusToken) by(right.right, -1);
      }
    }
    if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression)) {
      const m = n.expression.name.text;
      const dir = LENGTHENING.has(m) ? "up" : SHORTENING.has(m) && (m !== "splice" || n.arguments.length <= 2) ? "down" : undefined;
      const k = dir && key(n.expression.expression);
      if (dir && k !== undefined) out.set(`${k}.length`, dir);
    }
  }

  /**
   * Whether a stride is surely one or more: a number, `Math.max(…)` of one that is, a `const` holding
   * one, or a name never written after it is made that a guard before its use leaves the function
   * below one (`if (step < 1) throw …`, `return`).
   */
  private atLeastOne(e: ts.Expression, depth: number): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    const v = this.constants.number(x);
    if (v !== undefined) return v >= 1;
    if (depth > 4) return false;
    if (t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && t.isIdentifier(x.expression.expression) && x.expression.expression.text === "Math" && x.expression.name.text === "max" && !this.scopes.resolve(x.expression.expression)) return x.arguments.some((a) => this.atLeastOne(a, depth + 1));
    if (!t.isIdentifier(x)) return false;
    const decl = this.scopes.resolve(x);
    if (!decl || !(t.isVariableDeclaration(decl) || t.isParameter(decl)) || !t.isIdentifier(decl.name)) return false;
    if (this.constants.isConstDeclaration(decl) && decl.initializer && this.atLeastOne(decl.initializer, depth + 1)) return true;
    const written = this.scopes.referencesTo(decl, decl.name.text).some((r) => this.isWriteTarget(r));
    return !written && this.guardedBelowOne(x, decl.name.text);
  }

  /** Whether an identifier is written there (`x = …`, `x += …`, `x++`). */
  private isWriteTarget(id: ts.Identifier): boolean {
    const t = this.ts;
    const K = t.SyntaxKind;
    let x: ts.Node = id;
    while (t.isParenthesizedExpression(x.parent)) x = x.parent;
    const p = x.parent;
    if ((t.isPostfixUnaryExpression(p) || t.isPrefixUnaryExpression(p)) && (p.operator === K.PlusPlusToken || p.operator === K.MinusMinusToken)) return true;
    return t.isBinaryExpression(p) && p.left === x && p.operatorToken.kind >= K.FirstAssignment && p.operatorToken.kind <= K.LastAssignment;
  }

  /** An `if (name < c …) throw|return` (c ≥ 1) before `use` in a block around it, in its function. */
  private guardedBelowOne(use: ts.Node, name: string): boolean {
    const t = this.ts;
    const K = t.SyntaxKind;
    const below = (c: ts.Expression): boolean => {
      const x = this.constants.skipTrivia(c);
      if (!t.isBinaryExpression(x)) return false;
      const [l, r] = [this.constants.skipTrivia(x.left), this.constants.skipTrivia(x.right)];
      const one = (e: ts.Expression): boolean => (this.constants.number(e) ?? 0) >= 1;
      if (x.operatorToken.kind === K.LessThanToken) return t.isIdentifier(l) && l.text === name && one(r);
      if (x.operatorToken.kind === K.GreaterThanToken) return t.isIdentifier(r) && r.text === name && one(l);
      return false;
    };
    for (let child: ts.Node = use, n: ts.Node | undefined = use.parent; n; child = n, n = n.parent) {
      if (t.isBlock(n) || t.isSourceFile(n)) {
        for (const st of n.statements) {
          if (st.pos >= child.pos) break;
          if (!t.isIfStatement(st) || st.elseStatement) continue;
          const last = this.lastStatement(st.thenStatement);
          if (last && (t.isThrowStatement(last) || t.isReturnStatement(last)) && disjuncts(t, this.constants, st.expression).some(below)) return true;
        }
      }
      if (t.isFunctionLike(n)) return false;
    }
    return false;
  }

  /**
   * The counters every round steps (everyPathSteps): a guard on a counter stepped only sometimes
   * (`if (bad) errors++; if (errors > 5) break`) bounds nothing: the loop may never step it.
   */
  private everyRoundSteps(loop: ts.IterationStatement): Steps {
    return this.countedSteps(loop);
  }

  private readonly counted = new Map<ts.Node, Steps>();

  /**
   * The counters a loop steps on every way through a round that goes on to the next (its body's
   * end, a `continue`; a for loop's step, a condition's own step such as `i++ < n`), each the one
   * way, and nothing else in the loop writing them: a step outside branches, nested loops and
   * callbacks, or in such a place of a helper it calls, before anything that may `return`. A
   * counter the loop also sets anew (`turn = 0`, `state = {…}`, a call that may, anywhere in it) or
   * steps back may never pass its bound; `written` says what else the loop may change (a bound, a
   * list it walks).
   */
  private countedSteps(loop: ts.IterationStatement): Steps {
    const known = this.counted.get(loop);
    if (known) return known;
    const t = this.ts;
    const K = t.SyntaxKind;
    const body = loop.statement;
    const label = t.isLabeledStatement(loop.parent) ? loop.parent.label.text : undefined;
    const out = this.everyPathSteps(t.isBlock(body) ? body.statements : [body], label);
    const condition = t.isForStatement(loop) ? loop.condition : t.isWhileStatement(loop) || t.isDoStatement(loop) ? loop.expression : undefined;
    const incrementor = t.isForStatement(loop) ? loop.incrementor : undefined;
    for (const e of [condition, incrementor]) if (e) this.stepsIn(e, OWN_FRAME, 0, K.ContinueStatement, out);
    const writes = this.writesIn(body, OWN_FRAME);
    for (const e of [condition, incrementor]) {
      if (!e) continue;
      const more = this.writesIn(e, OWN_FRAME);
      for (const [k, kinds] of more.kinds) writes.kinds.set(k, new Set([...(writes.kinds.get(k) ?? []), ...kinds]));
      writes.handed.push(...more.handed);
    }
    const steps: Steps = {
      get: (key, via) => (out.has(key) && !this.disturbed(writes, key, out.get(key), via) ? out.get(key) : undefined),
      // Asked of a counter another module's guard steps up.
      reset: (key, via) => this.disturbed(writes, key, "up", via),
      written: (key, via) => this.disturbed(writes, key, undefined, via),
      changed: (key, allowed) => this.disturbed(writes, key, allowed),
      unattributed: () => writes.opaque || writes.handed.some((h) => !this.sdkCall?.(h.call)),
    };
    this.counted.set(loop, steps);
    return steps;
  }

  /**
   * The steps made on every way through a loop's body that goes on to the next round: falling off
   * its end or reaching a `continue` of the loop. Both branches of an `if` are followed; a `catch`
   * starts from what was stepped before its `try`; a nested loop's or a `switch`'s steps may not run.
   */
  private everyPathSteps(statements: readonly ts.Statement[], label: string | undefined): Map<string, "up" | "down"> {
    const t = this.ts;
    const K = t.SyntaxKind;
    type Stepped = Map<string, "up" | "down">;
    /** The steps when it falls through (none: it never does), and at each `continue` of the loop. */
    interface Flow { readonly out: Stepped | undefined; readonly next: Stepped[] }
    const meet = (a: Stepped | undefined, b: Stepped | undefined): Stepped | undefined => (!a ? b : !b ? a : new Map([...a].filter(([k, d]) => b.get(k) === d)));
    const simple = (n: ts.Node, before: Stepped): Stepped => {
      const at = new Map(before);
      this.stepsIn(n, OWN_FRAME, 0, K.ContinueStatement, at);
      return at;
    };
    // A `continue` of this loop inside a nested loop (labelled) or a `switch` (plain).
    const continues = (n: ts.Node, nested: boolean): boolean => {
      if (t.isFunctionLike(n)) return false;
      if (t.isContinueStatement(n)) return n.label ? n.label.text === label : !nested;
      return !!t.forEachChild(n, (c) => (continues(c, nested || t.isIterationStatement(n, false)) ? true : undefined));
    };
    const block = (sts: readonly ts.Statement[], before: Stepped): Flow => {
      let at: Stepped | undefined = before;
      const next: Stepped[] = [];
      for (const st of sts) {
        if (!at) break;
        const f = flow(st, at);
        next.push(...f.next);
        at = f.out;
      }
      return { out: at, next };
    };
    const flow = (st: ts.Statement, before: Stepped): Flow => {
      if (t.isBlock(st)) return block(st.statements, before);
      if (t.isIfStatement(st)) {
        const at = simple(st.expression, before);
        const a = flow(st.thenStatement, at);
        const b = st.elseStatement ? flow(st.elseStatement, at) : { out: at, next: [] };
        return { out: meet(a.out, b.out), next: [...a.next, ...b.next] };
      }
      if (t.isContinueStatement(st)) return { out: undefined, next: !st.label || st.label.text === label ? [before] : [] };
      if (t.isBreakStatement(st) || t.isReturnStatement(st) || t.isThrowStatement(st)) return { out: undefined, next: [] };
      if (t.isTryStatement(st)) {
        const tried = flow(st.tryBlock, before);
        const caught = st.catchClause ? flow(st.catchClause.block, before) : { out: undefined, next: [] };
        const f = { out: meet(tried.out, caught.out), next: [...tried.next, ...caught.next] };
        if (!st.finallyBlock) return f;
        const fin = simple(st.finallyBlock, new Map());
        const add = (m: Stepped): Stepped => new Map([...m, ...fin]);
        return { out: f.out && add(f.out), next: [...f.next.map(add), ...(continues(st.finallyBlock, false) ? [before] : [])] };
      }
      if (t.isIterationStatement(st, false) || t.isSwitchStatement(st) || t.isLabeledStatement(st)) {
        const at = t.isSwitchStatement(st) ? simple(st.expression, before) : before;
        return { out: at, next: continues(st, t.isIterationStatement(st, false)) ? [before] : [] };
      }
      return { out: simple(st, before), next: [] };
    };
    const f = block(statements, new Map());
    return [f.out, ...f.next].reduce<Stepped | undefined>((a, b) => (b ? meet(a, b) : a), undefined) ?? new Map();
  }

  /**
   * `this.handleParsingErrors(e)`, `this.isTrustedFolderFn?.()`: a function the class keeps in a field
   * (declared as a property, not a method), given by its user as an option. It is taken to write
   * nothing of the object it is called on (AgentExecutor's loop on this.maxIterations, gemini-cli's
   * loop over this.rules); its arguments are still handed to it.
   */
  private isFieldCallback(callee: ts.PropertyAccessExpression): boolean {
    const t = this.ts;
    if (this.constants.skipTrivia(callee.expression).kind !== t.SyntaxKind.ThisKeyword) return false;
    let cls: ts.Node | undefined = callee.parent;
    while (cls && !t.isClassLike(cls)) cls = cls.parent;
    return !!cls && (cls as ts.ClassLikeDeclaration).members.some((m) => t.isPropertyDeclaration(m) && !!m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === callee.name.text);
  }

  /** `JSON.stringify(x)`, `Object.keys(x)`, `String(x)`: a function of the language's own (not shadowed here) that writes nothing it is handed. */
  private isReadOnlyGlobal(callee: ts.Expression): boolean {
    const t = this.ts;
    const root = t.isPropertyAccessExpression(callee) ? this.constants.skipTrivia(callee.expression) : callee;
    if (!t.isIdentifier(root) || this.scopes.resolve(root)) return false;
    return READ_ONLY_GLOBALS.has(t.isPropertyAccessExpression(callee) ? `${root.text}.${callee.name.text}` : root.text);
  }

  /**
   * Whether `key` may be changed other than by steps `allowed` (none: any write) in code whose writes
   * are `writes`: declared there, written there, its object replaced there, or its object handed to a
   * call of code not read here (other than `via`, the guard itself) whose loop-guard summary does not
   * say it only steps `key`.
   */
  private disturbed(writes: Writes, key: string, allowed: "up" | "down" | undefined, via?: ts.CallExpression, summaries = true): boolean {
    if (writes.declared.has(key.split(".")[0]!)) return true;
    for (const [k, kinds] of writes.kinds) {
      if (key.startsWith(`${k}.`) || (k === key && [...kinds].some((kind) => kind !== allowed))) return true;
    }
    for (const { call, keys } of writes.handed) {
      if (call === via || !keys.some((h) => key.startsWith(`${h}.`)) || this.sdkCall?.(call)) continue;
      const guard = summaries ? this.foreignGuard?.(call) : undefined;
      const steps = (guard?.steps ?? []).flatMap((k) => {
        const at = atCall(this.ts, this.constants, call, k);
        const head = at && this.helpers.key(at.expression, OWN_FRAME);
        return head === undefined ? [] : [[head, ...at!.rest].join(".")];
      });
      if (allowed !== "up" || !steps.includes(key)) return true;
    }
    return false;
  }

  /**
   * Every write in `root` and the helpers it calls, keyed in the caller's terms: the helpers two
   * deep walked with their arguments, deeper ones by what they write whatever their caller
   * (helperWrites); calls of other code handed an object; names declared in `root`.
   */
  private writesIn(root: ts.Node, frame: Frame, from = 0): Writes {
    const t = this.ts;
    const K = t.SyntaxKind;
    const writes: Writes = { kinds: new Map(), handed: [], declared: new Set(), opaque: false };
    const add = (k: string | undefined, kind: WriteKind): void => {
      if (k === undefined) return;
      const kinds = writes.kinds.get(k) ?? new Set();
      kinds.add(kind);
      writes.kinds.set(k, kinds);
    };
    const declare = (name: ts.BindingName): void => {
      if (t.isIdentifier(name)) writes.declared.add(name.text);
      else for (const el of name.elements) if (!t.isOmittedExpression(el)) declare(el.name);
    };
    const walk = (n: ts.Node, frame: Frame, depth: number, top: boolean): void => {
      const key = (e: ts.Expression): string | undefined => this.helpers.key(e, frame);
      // `xs[0].done = true`, `get().n++`, `all[0].push(x)`: a target no key names (an element set by index is its named list's).
      const unnamed = (target: ts.Expression, slot: boolean): boolean => {
        const x = this.constants.skipTrivia(target);
        return key(slot && t.isElementAccessExpression(x) ? x.expression : x) === undefined;
      };
      const visit = (n: ts.Node): void => {
        // A function declared here runs only where it is called, and those calls are read as helpers: its body is not walked in place (nested declarations walked at every level made the walk quadratic).
        if (t.isFunctionDeclaration(n) || t.isMethodDeclaration(n) || ((t.isArrowFunction(n) || t.isFunctionExpression(n)) && t.isVariableDeclaration(n.parent))) return;
        if (top && t.isVariableDeclaration(n)) declare(n.name);
        for (const [k, kinds] of this.writeKindsOf(n, key)) for (const kind of kinds) add(k, kind);
        if ((t.isBinaryExpression(n) && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment && unnamed(n.left, true)) || ((t.isPostfixUnaryExpression(n) || t.isPrefixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken) && unnamed(n.operand, true))) writes.opaque = true;
        if (t.isCallExpression(n)) {
          const helper = this.helpers.helperOf(n, frame);
          const callee = this.constants.skipTrivia(n.expression);
          const method = t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
          if (helper && depth < 2) walk(helper.fn.body, helper.frame, depth + 1, false);
          else if (helper) this.calledHelper(n, helper, key, writes, add);
          else if (method !== undefined && (READ_ONLY_METHODS.has(method) || ARRAY_WRITES.has(method))) {
            // An array's own method: what it does to the length is a step recorded above (writeKindsOf); it writes nothing it is handed.
            if (ARRAY_WRITES.has(method) && unnamed((callee as ts.PropertyAccessExpression).expression, false)) writes.opaque = true;
          } else if (this.isReadOnlyGlobal(callee)) {
            // `JSON.stringify(state)`: reads.
          } else {
            const keys: string[] = [];
            const hand = (e: ts.Expression): void => {
              const x = this.constants.skipTrivia(e);
              if (t.isObjectLiteralExpression(x)) {
                for (const p of x.properties) {
                  if (t.isPropertyAssignment(p)) hand(p.initializer);
                  else if (t.isShorthandPropertyAssignment(p)) hand(p.name);
                  else if (t.isSpreadAssignment(p)) hand(p.expression);
                }
                return;
              }
              const k = key(x);
              if (k !== undefined) keys.push(k);
            };
            n.arguments.forEach(hand);
            if (t.isPropertyAccessExpression(callee) && !this.isFieldCallback(callee)) hand(callee.expression);
            if (keys.length) writes.handed.push({ call: n, keys });
          }
        }
        t.forEachChild(n, visit);
      };
      visit(n);
    };
    walk(root, frame, from, true);
    return writes;
  }

  /**
   * What a write does, by key: `i++`/`i += k` step (recordStep), any other assignment sets anew, an
   * element written past a named index may lengthen its list, `splice` inserting sets the length anew.
   */
  private writeKindsOf(n: ts.Node, key: (e: ts.Expression) => string | undefined): Map<string, Set<WriteKind>> {
    const t = this.ts;
    const K = t.SyntaxKind;
    const out = new Map<string, Set<WriteKind>>();
    const add = (k: string | undefined, kind: WriteKind): void => {
      if (k === undefined) return;
      const kinds = out.get(k) ?? new Set<WriteKind>();
      kinds.add(kind);
      out.set(k, kinds);
    };
    const steps = new Map<string, "up" | "down">();
    this.recordStep(n, key, steps);
    for (const [k, dir] of steps) add(k, dir);
    if (t.isBinaryExpression(n) && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment) {
      const left = this.constants.skipTrivia(n.left);
      const k = key(left);
      if (k !== undefined && !steps.has(k)) add(k, "reset");
      // `[a, b] = …`, `({ turn } = …)`: each name set anew.
      if (t.isArrayLiteralExpression(left)) for (const el of left.elements) add(key(el), "reset");
      if (t.isObjectLiteralExpression(left)) for (const p of left.properties) add(t.isShorthandPropertyAssignment(p) ? key(p.name) : t.isPropertyAssignment(p) ? key(p.initializer) : undefined, "reset");
      // `xs[xs.length] = x`, `xs[i + 1] = x` may lengthen xs; an index named by a variable (`xs[i] = x`) is taken to be in the list.
      const of = t.isElementAccessExpression(left) && !t.isIdentifier(this.constants.skipTrivia(left.argumentExpression)) ? key(left.expression) : undefined;
      if (of !== undefined) add(`${of}.length`, "reset");
    }
    if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const of = method === "splice" && n.arguments.length > 2 ? key(n.expression.expression) : undefined;
      if (of !== undefined) add(`${of}.length`, "reset");
    }
    return out;
  }

  /** A helper more than two calls deep: what it writes whatever its caller (helperWrites), in this call's terms. */
  private calledHelper(call: ts.CallExpression, helper: Helper, key: (e: ts.Expression) => string | undefined, writes: Writes, add: (k: string, kind: WriteKind) => void): void {
    const t = this.ts;
    const summary = this.helperWrites(helper.fn);
    const callee = this.constants.skipTrivia(call.expression);
    // `#0`, `#this`: the helper's parameters and receiver; null where the caller has none (a missing argument, a plain function's `this`).
    const base = (head: string): string | undefined | null => {
      if (head === "#this") return t.isPropertyAccessExpression(callee) ? key(callee.expression) : null;
      if (!head.startsWith("#")) return head;
      const arg = call.arguments[Number(head.slice(1))];
      return arg && !t.isSpreadElement(arg) ? key(arg) : arg ? undefined : null;
    };
    const mapped = (k: string): string | undefined | null => {
      const dot = k.indexOf(".");
      const b = base(dot < 0 ? k : k.slice(0, dot));
      return b === null || b === undefined ? b : b + (dot < 0 ? "" : k.slice(dot));
    };
    for (const [k, kinds] of summary.kinds) {
      const m = mapped(k);
      if (m === undefined) writes.opaque = true;
      else if (m !== null) for (const kind of kinds) add(m, kind);
    }
    for (const h of summary.handed) {
      const keys = h.keys.map(mapped);
      if (keys.some((k) => k === undefined)) writes.opaque = true;
      const named = keys.filter((k): k is string => typeof k === "string");
      if (named.length) writes.handed.push({ call: h.call, keys: named });
    }
    if (summary.opaque) writes.opaque = true;
  }

  private readonly helperSummaries = new Map<ts.Node, Writes>();
  private readonly summaryStack: ts.Node[] = [];
  private readonly partialSummaries = new Map<ts.Node, Writes>();
  /** A recursion's functions other than its first, read once per round of the first (kept for that round, and their last reading carried to the next). */
  private readonly tentative = new Map<ts.Node, Writes>();
  private readonly carried = new Map<ts.Node, Writes>();
  private readonly tentativeOrder: ts.Node[] = [];
  /** The lowest place on summaryStack a summary being made has read (a recursion back into it). */
  private summaryLow = Infinity;
  /** Whether a recursion's function read in this round of its first wrote more than in the last. */
  private recursionGrew = false;

  /**
   * What a helper of this file writes whatever its caller, through helpers to any depth: keys named
   * by parameter place (`#0.length`, `#this.max`) or by a variable it does not declare (`max`, a
   * closure's or the module's). A recursion is read from its first function, round after round,
   * until none of its functions writes more (six rounds, then taken to set anew all it is handed).
   */
  private helperWrites(fn: Helper["fn"]): Writes {
    const known = this.helperSummaries.get(fn) ?? this.tentative.get(fn);
    if (known) return known;
    const t = this.ts;
    const at = this.summaryStack.indexOf(fn);
    if (at >= 0) {
      this.summaryLow = Math.min(this.summaryLow, at);
      return this.partialSummaries.get(fn) ?? emptyWrites();
    }
    if (this.summaryStack.length >= MAX_SUMMARY_DEPTH) {
      // A chain of helpers this deep is not read further: all it is handed may be set anew.
      return setsAllAnew(fn);
    }
    const keys = new Map<string, string | undefined>();
    fn.parameters.forEach((p, i) => {
      if (t.isIdentifier(p.name)) keys.set(p.name.text, `#${i}`);
      else if (t.isObjectBindingPattern(p.name)) {
        for (const el of p.name.elements) {
          const k = el.propertyName ?? el.name;
          if (!el.dotDotDotToken && t.isIdentifier(el.name) && t.isIdentifier(k)) keys.set(el.name.text, `#${i}.${k.text}`);
        }
      }
    });
    keys.set("this", "#this");
    const frame: Frame = { params: new Map(), self: undefined, keys };
    const read = (): Writes => {
      const all = this.writesIn(fn.body, frame, 2);
      // A name the helper declares is its own (a parameter's is `#i`); each call handed once, with each key once.
      const own = (k: string): boolean => all.declared.has(k.split(".")[0]!);
      const handed = new Map<ts.CallExpression, Set<string>>();
      for (const h of all.handed) for (const k of h.keys) if (!own(k)) handed.set(h.call, (handed.get(h.call) ?? new Set()).add(k));
      return { kinds: new Map([...all.kinds].filter(([k]) => !own(k))), handed: [...handed].map(([call, ks]) => ({ call, keys: [...ks] })), declared: new Set(), opaque: all.opaque };
    };
    const me = this.summaryStack.push(fn) - 1;
    const outerLow = this.summaryLow;
    const outerGrew = this.recursionGrew;
    const mark = this.tentativeOrder.length;
    let result = this.carried.get(fn) ?? emptyWrites();
    let low = Infinity;
    let settled = true;
    for (let round = 0; ; round++) {
      for (const f of this.tentativeOrder.splice(mark)) this.tentative.delete(f);
      this.partialSummaries.set(fn, result);
      this.summaryLow = Infinity;
      this.recursionGrew = false;
      const next = read();
      const roundLow = this.summaryLow;
      low = Math.min(low, roundLow);
      const same = writesSignature(next) === writesSignature(result) && !this.recursionGrew;
      result = next;
      // Not recursive, settled, or a function of a recursion entered further up (read again in that one's next round).
      if (roundLow > me || same || low < me) break;
      if (round === 5) {
        result = setsAllAnew(fn);
        settled = false;
        break;
      }
    }
    const grewHere = low < me && writesSignature(result) !== writesSignature(this.carried.get(fn) ?? emptyWrites());
    this.summaryStack.pop();
    this.partialSummaries.delete(fn);
    this.summaryLow = Math.min(outerLow, low < me ? low : Infinity);
    this.recursionGrew = outerGrew || grewHere;
    if (low < me) {
      this.tentative.set(fn, result);
      this.carried.set(fn, result);
      this.tentativeOrder.push(fn);
    } else {
      // The recursion's functions read in its last round were read against its settled summary.
      for (const f of this.tentativeOrder.splice(mark)) {
        if (settled) this.helperSummaries.set(f, this.tentative.get(f)!);
        this.tentative.delete(f);
        this.carried.delete(f);
      }
      this.helperSummaries.set(fn, result);
    }
    return result;
  }

  /** The steps made on every pass through `statements` that is not cut short by `leaving` (a `continue` of the loop, a helper's `return`). */
  private everyPassSteps(statements: readonly ts.Statement[], frame: Frame, depth: number, leaving: ts.SyntaxKind, out: Map<string, "up" | "down">): void {
    for (const st of statements) {
      this.stepsIn(st, frame, depth, leaving, out);
      if (this.mayLeave(st, leaving)) return;
    }
  }

  /** The steps `n` makes whenever it runs (outside branches, nested loops, callbacks; a helper's up to anything that may `return`). */
  private stepsIn(n: ts.Node, frame: Frame, depth: number, leaving: ts.SyntaxKind, out: Map<string, "up" | "down">): void {
    const t = this.ts;
    const K = t.SyntaxKind;
    const key = (e: ts.Expression): string | undefined => this.helpers.key(e, frame);
    const visit = (n: ts.Node): void => {
      if (t.isFunctionLike(n) || t.isIterationStatement(n, false) || t.isCatchClause(n) || t.isCaseBlock(n)) return;
      if (t.isIfStatement(n)) return visit(n.expression);
      // A try block that may be left for a `catch` going on (or for the next round) may skip its steps.
      if (t.isTryStatement(n) && (this.mayLeave(n, leaving) || (n.catchClause && this.lastStatement(n.catchClause.block)?.kind !== K.ThrowStatement))) return n.finallyBlock && visit(n.finallyBlock);
      if (t.isConditionalExpression(n)) return visit(n.condition);
      if (t.isBinaryExpression(n) && [K.AmpersandAmpersandToken, K.BarBarToken, K.QuestionQuestionToken].includes(n.operatorToken.kind)) return visit(n.left);
      this.recordStep(n, key, out);
      if (depth < 2 && t.isCallExpression(n)) {
        const helper = this.helpers.helperOf(n, frame);
        if (helper && t.isBlock(helper.fn.body)) this.everyPassSteps(helper.fn.body.statements, helper.frame, depth + 1, K.ReturnStatement, out);
      }
      t.forEachChild(n, visit);
    };
    visit(n);
  }

  /** Whether `n` holds a `kind` statement (a `continue` of this loop: not one of a nested loop's; nested functions aside). */
  private mayLeave(n: ts.Node, kind: ts.SyntaxKind): boolean {
    const t = this.ts;
    if (n.kind === kind) return true;
    if (t.isFunctionLike(n) || (kind === t.SyntaxKind.ContinueStatement && t.isIterationStatement(n, false))) return false;
    return !!t.forEachChild(n, (c) => (this.mayLeave(c, kind) ? true : undefined));
  }

  /**
   * What a function does to a caller's turn counter on every call (LoopGuard): the counters it steps
   * up before any `return` (through helpers of its file), and the throws once a parameter's counter
   * passes a bound, checked before any `return`. Undefined when it does neither.
   */
  guardOf(fn: ts.SignatureDeclaration): LoopGuard | undefined {
    const t = this.ts;
    const K = t.SyntaxKind;
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (!body || !t.isBlock(body)) return undefined;
    const frame = placeFrame(t, fn);
    const stepped = new Map<string, "up" | "down">();
    this.everyPassSteps(body.statements, frame, 0, K.ReturnStatement, stepped);
    // Another module's guard is read without the summaries of the calls it makes: any of them handed the object may reset it.
    const writes = this.writesIn(body, frame);
    const changed = (key: string, allowed: "up" | undefined): boolean => this.disturbed(writes, key, allowed, undefined, false);
    const steps = [...stepped].filter(([k, dir]) => dir === "up" && k.startsWith("$") && !changed(k, "up")).map(([k]) => k);
    const exits: LoopGuard["exits"][number][] = [];
    for (const st of body.statements) {
      if (t.isIfStatement(st) && !st.elseStatement && this.lastStatement(st.thenStatement)?.kind === K.ThrowStatement) {
        for (const exit of disjuncts(t, this.constants, st.expression)) {
          const parts = conjunctsOf(t, this.constants, exit);
          const compared = parts.filter((p): p is ts.BinaryExpression => t.isBinaryExpression(p) && !this.isSetCheck(p));
          if (compared.length !== 1 || parts.length - 1 !== parts.filter((p) => this.isSetCheck(p)).length) continue;
          const c = compared[0]!;
          const op = c.operatorToken.kind;
          // `counter > bound` or `bound < counter` (and their `=` forms): the counter on the greater side.
          const [counter, bound] = op === K.GreaterThanToken || op === K.GreaterThanEqualsToken ? [c.left, c.right] : op === K.LessThanToken || op === K.LessThanEqualsToken ? [c.right, c.left] : [];
          const counterKey = counter && this.helpers.key(counter, frame);
          const boundKey = bound && (this.constants.number(bound) ?? this.helpers.key(bound, frame));
          if (counterKey?.startsWith("$") && !changed(counterKey, "up") && boundKey !== undefined && (typeof boundKey === "number" || (boundKey.startsWith("$") && !changed(boundKey, undefined)))) exits.push({ counter: counterKey, bound: boundKey, orEqual: op === K.GreaterThanEqualsToken || op === K.LessThanEqualsToken, liftable: parts.length > 1 });
        }
      }
      if (this.mayLeave(st, K.ReturnStatement)) break;
    }
    return steps.length || exits.length ? { steps, exits } : undefined;
  }

  /**
   * A call of another module's function (ForeignGuard) at a place every round reaches, that throws
   * once a counter passes a bound: the loop's bound, when the counter is stepped every round (by the
   * loop, or by that call on every call).
   */
  private foreignExit(call: ts.CallExpression, frame: Frame, steps: Steps): Count | undefined {
    const guard = this.foreignGuard?.(call);
    if (!guard?.exits.length) return undefined;
    const inLoop = (key: string): { key?: string; expression?: ts.Expression } | undefined => {
      const at = atCall(this.ts, this.constants, call, key);
      if (!at) return undefined;
      if (!at.rest.length) return { key: this.helpers.key(at.expression, frame), expression: this.helpers.inFrame(at.expression, frame) };
      const head = this.helpers.key(at.expression, frame);
      return head === undefined ? undefined : { key: [head, ...at.rest].join(".") };
    };
    const steppedByCall = new Set(guard.steps.flatMap((k) => inLoop(k)?.key ?? []));
    for (const exit of guard.exits) {
      const counter = inLoop(exit.counter)?.key;
      if (counter === undefined || steps.reset?.(counter, call) || (steps.get(counter, call) !== "up" && !steppedByCall.has(counter))) continue;
      if (typeof exit.bound === "number") {
        const n = Math.max(0, Math.ceil(exit.bound) + (exit.orEqual ? 0 : 1));
        return { trip: Poly.constant(n), text: String(n), exact: false };
      }
      const bound = inLoop(exit.bound);
      if (bound?.key !== undefined && steps.written?.(bound.key, call)) continue;
      if (bound?.expression) return this.count(bound.expression, exit.liftable);
      if (bound?.key === undefined) continue;
      const name = this.symbols.define({ name: bound.key, kind: "count", line: this.line(call), origin: `the loop bound ${bound.key} (checked in ${this.text(call.expression)}, another module)` });
      return { trip: Poly.symbol(name), text: name, exact: true };
    }
    return undefined;
  }

  /** What each write of a counter in the loop adds (`i++` 1, `i += 10`, `i = i + k` with `const k = 10`; undefined when not a number). */
  private stridesOf(loop: ts.Node, counter: ts.Expression): (number | undefined)[] {
    const t = this.ts;
    const x = this.constants.skipTrivia(counter);
    if (!t.isIdentifier(x)) return [undefined];
    const K = t.SyntaxKind;
    const amounts: (number | undefined)[] = [];
    const visit = (n: ts.Node): void => {
      if (t.isFunctionLike(n)) return;
      if ((t.isPostfixUnaryExpression(n) || t.isPrefixUnaryExpression(n)) && t.isIdentifier(n.operand) && n.operand.text === x.text) amounts.push(1);
      const k = t.isBinaryExpression(n) ? n.operatorToken.kind : undefined;
      if (t.isBinaryExpression(n) && k !== undefined && k >= K.FirstAssignment && k <= K.LastAssignment && t.isIdentifier(n.left) && n.left.text === x.text) {
        if (k === K.PlusEqualsToken) amounts.push(this.constants.number(n.right));
        else if (k === K.EqualsToken && t.isBinaryExpression(n.right) && t.isIdentifier(n.right.left) && n.right.left.text === x.text && n.right.operatorToken.kind === K.PlusToken) amounts.push(this.constants.number(n.right.right));
        else if (k !== K.EqualsToken || !t.isForStatement(loop) || n !== loop.initializer) amounts.push(undefined);
      }
      t.forEachChild(n, visit);
    };
    t.forEachChild(loop, visit);
    return amounts;
  }

  private startExpression(loop: ts.Node, counter: ts.Expression): ts.Expression | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(counter);
    if (!t.isIdentifier(x)) return undefined;
    if (t.isForStatement(loop) && loop.initializer && t.isVariableDeclarationList(loop.initializer)) {
      const d = loop.initializer.declarations.find((d) => t.isIdentifier(d.name) && d.name.text === x.text);
      if (d?.initializer) return d.initializer;
    }
    const decl = this.scopes.resolve(x);
    return decl && t.isVariableDeclaration(decl) ? decl.initializer : undefined;
  }

  private startValue(loop: ts.Node, counter: ts.Expression): number | undefined {
    return this.constants.number(this.startExpression(loop, counter));
  }

  /**
   * `while (queue.length)` / `queue.length > 0` with `queue.shift()` (or `pop()`) on every round and
   * nothing else lengthening, replacing or handing on the queue there (its length is a counter stepped down).
   */
  private drainedQueue(loop: ts.Node, c: ts.Expression, steps: Steps): { trip: Poly; text: string; exact: boolean } | undefined {
    const t = this.ts;
    let lengthOf: ts.Expression | undefined;
    const x = this.constants.skipTrivia(c);
    if (t.isPropertyAccessExpression(x) && x.name.text === "length") lengthOf = x.expression;
    else if (t.isBinaryExpression(x) && t.isPropertyAccessExpression(x.left) && x.left.name.text === "length" && this.constants.number(x.right) === 0) lengthOf = x.left.expression;
    if (!lengthOf || !t.isIdentifier(lengthOf) || steps.get(`${lengthOf.text}.length`) !== "down" || this.changedOutside(loop, lengthOf, OWN_FRAME, `${lengthOf.text}.length`, "down", steps)) return undefined;
    return { ...this.collection(lengthOf), exact: true };
  }

  /** `xs` of `for (const x of xs)` (or of `xs.entries()`) when the loop may lengthen it: for … of goes on over what is added. */
  private grownWhileIterated(loop: ts.ForOfStatement): string | undefined {
    const t = this.ts;
    let e = this.constants.skipTrivia(loop.expression);
    if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && ["entries", "keys", "values"].includes(e.expression.name.text) && !e.arguments.length) e = this.constants.skipTrivia(e.expression.expression);
    if (!t.isIdentifier(e) && !t.isPropertyAccessExpression(e)) return undefined;
    const key = this.helpers.key(e, OWN_FRAME);
    const steps = this.countedSteps(loop);
    return key !== undefined && (steps.written?.(`${key}.length`) || this.changedOutside(loop, e, OWN_FRAME, `${key}.length`, undefined, steps)) ? this.text(e) : undefined;
  }

  /** A `break` out of this loop, a `return` or a `throw` inside it (nested functions aside). */
  hasEarlyExit(loop: ts.Node): boolean {
    const t = this.ts;
    let found = false;
    const visit = (n: ts.Node, nestedBreakTarget: boolean): void => {
      if (found || t.isFunctionLike(n)) return;
      if (t.isReturnStatement(n) || t.isThrowStatement(n)) found = true;
      else if (t.isBreakStatement(n) && (n.label || !nestedBreakTarget)) found = true;
      const nested = nestedBreakTarget || t.isIterationStatement(n, false) || t.isSwitchStatement(n);
      t.forEachChild(n, (c) => visit(c, nested));
    };
    const body = t.isIterationStatement(loop, false) ? loop.statement : loop;
    visit(body, false);
    return found;
  }
}

/** Helpers read one inside another past this depth are taken to set anew all they are handed (the walk's stack stays small). */
const MAX_SUMMARY_DEPTH = 48;

function emptyWrites(): Writes {
  return { kinds: new Map(), handed: [], declared: new Set(), opaque: false };
}

/** What a helper not read is taken to do: set anew all it is handed (its receiver, each parameter). */
function setsAllAnew(fn: Helper["fn"]): Writes {
  const kinds = new Map<string, Set<WriteKind>>(["#this", ...fn.parameters.map((_, i) => `#${i}`)].map((k) => [k, new Set<WriteKind>(["reset"])]));
  return { kinds, handed: [], declared: new Set(), opaque: true };
}

/** A summary's writes as text, to tell when reading a recursion again changed nothing. */
function writesSignature(w: Writes): string {
  const kinds = [...w.kinds].map(([k, ks]) => `${k}:${[...ks].sort().join(",")}`).sort();
  const handed = w.handed.flatMap((h) => h.keys.map((k) => `${h.call.pos}:${k}`)).sort();
  return JSON.stringify([kinds, handed, w.opaque]);
}

/** The one expression a helper returns: an arrow's body, or a block that is one `return`. */
function onlyReturned(t: TS, fn: ts.FunctionLikeDeclaration & { readonly body: ts.Block | ts.Expression }): ts.Expression | undefined {
  if (!t.isBlock(fn.body)) return fn.body;
  const only = fn.body.statements.length === 1 ? fn.body.statements[0] : undefined;
  return only && t.isReturnStatement(only) ? only.expression : undefined;
}

/** The parts of `a || b || c`. */
function disjuncts(t: TS, constants: Constants, e: ts.Expression): ts.Expression[] {
  const x = constants.skipTrivia(e);
  return t.isBinaryExpression(x) && x.operatorToken.kind === t.SyntaxKind.BarBarToken ? [...disjuncts(t, constants, x.left), ...disjuncts(t, constants, x.right)] : [x];
}

/** The parts of `a && b && c`. */
function conjunctsOf(t: TS, constants: Constants, e: ts.Expression): ts.Expression[] {
  const x = constants.skipTrivia(e);
  return t.isBinaryExpression(x) && x.operatorToken.kind === t.SyntaxKind.AmpersandAmpersandToken ? [...conjunctsOf(t, constants, x.left), ...conjunctsOf(t, constants, x.right)] : [x];
}

/** The call a statement makes: `check(turn, max);`, `await state.nextTurn();`, `const x = await prepare(state);`. */
function calledIn(t: TS, constants: Constants, st: ts.Statement): ts.CallExpression | undefined {
  let e: ts.Expression | undefined;
  if (t.isExpressionStatement(st)) e = st.expression;
  else if (t.isVariableStatement(st) && st.declarationList.declarations.length === 1) e = st.declarationList.declarations[0]!.initializer;
  const x = e && constants.skipTrivia(e);
  return x && t.isCallExpression(x) ? x : undefined;
}
