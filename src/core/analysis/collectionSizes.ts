// Sizes of collections at a call site: one element, a slice or window of them, a mapped copy, and
// how many elements a local array holds (its literal plus what is pushed, accumulated over loops).
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import { classField, declaresArray, isArrayType } from "./classFields";
import { tokensInCharacters } from "../tokens";
import { SizePart } from "./sizeContext";
import { combine, constant, meanOf, withMean, ZERO, type Size } from "./sizeValues";
import { argumentAt, copiedParameter, rebuiltParameter, type CopiedParameter } from "./parameterCopy";
import { fillingOfRun } from "./windowRuns";
import { repeated, type Write } from "./writes";

/** Array methods whose result has at most the receiver's elements. */
const COUNT_KEEPING = new Set(["filter", "map", "toSorted", "toReversed"]);

export class CollectionSizes extends SizePart {
  /** `s.slice(0, 200)` is constant; `history.slice(-8)` keeps a window of 8 elements. */
  sliceSize(e: ts.CallExpression, recv: ts.Expression, site: ts.Node): Size {
    const [a, b] = e.arguments;
    const start = this.constants.number(a);
    const end = b ? this.constants.number(b) : undefined;
    let n: number | undefined;
    if (start !== undefined && start < 0 && !b) n = -start;
    else if (start !== undefined && end !== undefined && end >= start) n = end - start;
    if (n === undefined) return { ...this.parts.expressions.sizeOf(recv, site), tight: false };
    if (this.isArrayLike(recv)) {
      const el = this.elementOrWhole(recv, site, false);
      // Run on the history's elements where the loop's pushes are known: exact, iteration by iteration.
      // (Not in a fan-out: its rounds' pushes do not come in source order.)
      const run = start !== undefined && start < 0 && !b && !this.loops.around(site).some((l) => l.parallel) ? this.parts.windows.sliced(recv, n, site) : undefined;
      // Without a run, every turn counts a full window: an upper bound while the window fills.
      // Without a run, the last n, ending with the question just pushed, may hold more questions than
      // answers: not n mean elements (windowSlots).
      const slots = run ? run.steady : this.windowSlots(recv, site, n) ?? el.poly.scale(n);
      const sized = withMean({ ...el, poly: el.poly.scale(n), growth: "none", tight: el.tight && !!run, notes: [...el.notes, `${this.ctx.text(e)} keeps at most ${n} elements`] }, slots);
      const filling = run && fillingOfRun(run);
      return filling ? { ...sized, filling } : sized;
    }
    // A string slice: n characters (CHARACTERS_PER_TOKEN to a token); constant either way.
    return { ...constant(tokensInCharacters(n)), notes: [`${this.ctx.text(e)} is at most ${n} characters (${tokensInCharacters(n)} tokens): constant`] };
  }

  /** `xs.map(x => `…${x}…`)`: one callback result per element. */
  mappedSize(e: ts.CallExpression, recv: ts.Expression, site: ts.Node): Size {
    const t = this.ts;
    const fn = e.arguments[0];
    // A mapped copy of an array that grows (`history.map(m => ({ role, content }))`) grows with it.
    const whole = this.isGrowingLocal(recv) ? this.parts.expressions.sizeOf(recv, site) : undefined;
    if (whole && whole.growth !== "none") return { ...whole, tight: false };
    // So does a builder's parameter mapped (`fmt(posts)` with `posts.map(…).join()`) called with one;
    // and a builder's parameter whose elements are copied one by one (a callback that does not
    // write text around them: gemini-cli's stripToolCallIdPrefixes(contentsToUse)) is the argument,
    // not the builder's own |contents| of elements.
    const argument = this.parts.expressions.boundArgument(recv);
    if (argument && (argument.growth !== "none" || !this.writesText(fn))) return { ...argument, tight: false };
    // `turns.map((h) => h.content)` of a collection whose length is not known here but whose size
    // is, as a parameter's collection or a history grown across calls: each result is a part of its
    // element, so all of them are at most the collection.
    if (this.countOf(recv, site) === undefined && this.isProjection(fn)) {
      const all = this.parts.expressions.sizeOf(recv, site);
      if (all.growth !== "none" || all.poly.symbols().some((x) => x.startsWith("calls[") || this.isParameterCount(x, site))) return { ...all, tight: false };
    }
    const count = this.countOf(recv, site) ?? this.loops.collection(recv).trip;
    if (fn && (t.isArrowFunction(fn) || t.isFunctionExpression(fn))) {
      const body = t.isBlock(fn.body) ? fn.body.statements.find(t.isReturnStatement)?.expression : fn.body;
      if (body) {
        const each = this.parts.expressions.sizeOf(body, site);
        return { ...each, poly: count.mul(each.poly) };
      }
    }
    return this.parts.expressions.sizeOf(recv, site);
  }

  /** A callback that returns text it writes (a template, a concatenation, a string literal). */
  private writesText(fn: ts.Expression | undefined): boolean {
    const t = this.ts;
    if (!fn || !(t.isArrowFunction(fn) || t.isFunctionExpression(fn))) return true;
    const body = t.isBlock(fn.body) ? fn.body.statements.find(t.isReturnStatement)?.expression : fn.body;
    const x = body && this.constants.skipTrivia(body);
    return !x || t.isTemplateExpression(x) || t.isStringLiteralLike(x) || (t.isBinaryExpression(x) && x.operatorToken.kind === t.SyntaxKind.PlusToken);
  }

  /** `|history|`: the length of a collection parameter of a function the site is in (a closure's enclosing ones too). */
  private isParameterCount(symbol: string, site: ts.Node): boolean {
    for (let n: ts.Node | undefined = site.parent; n; n = n.parent) {
      if (this.ts.isFunctionLike(n) && n.parameters.some((p) => this.ts.isIdentifier(p.name) && symbol === `|${p.name.text}|`)) return true;
    }
    return false;
  }

  /** `(h) => h.content`, `(h) => h`: a callback returning its element or a property read off it. */
  private isProjection(fn: ts.Expression | undefined): boolean {
    const t = this.ts;
    if (!fn || !(t.isArrowFunction(fn) || t.isFunctionExpression(fn)) || t.isBlock(fn.body)) return false;
    const p = fn.parameters[0];
    if (!p || !t.isIdentifier(p.name)) return false;
    let x: ts.Expression = this.constants.skipTrivia(fn.body);
    while (t.isPropertyAccessExpression(x) || t.isNonNullExpression(x)) x = this.constants.skipTrivia(x.expression);
    return t.isIdentifier(x) && this.scopes.resolve(x) === p;
  }

  /** A local variable (or parameter), or a field of one (`state.history`), that some write in its scope grows. */
  private isGrowingLocal(e: ts.Expression): boolean {
    const x = this.constants.skipTrivia(e);
    if (this.ts.isPropertyAccessExpression(x) && this.ts.isIdentifier(x.expression)) {
      const decl = this.scopes.resolve(x.expression);
      return !!decl && (this.ts.isVariableDeclaration(decl) || this.ts.isParameter(decl)) && this.parts.writes.fieldWritesOf(decl, x.expression.text, x.name.text).some((w) => w.kind === "grow");
    }
    if (!this.ts.isIdentifier(x)) return false;
    const decl = this.scopes.resolve(x);
    return !!decl && (this.ts.isVariableDeclaration(decl) || this.ts.isParameter(decl)) && this.parts.writes.writesOf(decl, x.text).some((w) => w.kind === "grow");
  }

  /** An expression, or the field a history class's method call reads (`this.history.get()` → `this.history`). */
  private held(e: ts.Expression): ts.Expression {
    const x = this.constants.skipTrivia(e);
    return (this.ts.isCallExpression(x) && this.ctx.heldCollection(x)) || x;
  }

  /**
   * The collection a value copies: `this.getHistory()` (a method of the class taking nothing that
   * returns a field or a history class's `get()`, as is or copied: `[...this.turns.get()]`,
   * `this.turns.slice()`), or a const never written to after it is made from one
   * (`const requestContents = this.getHistory()`, `const requestHistory = this.agentHistory.get()`).
   */
  copiedCollection(x: ts.Expression): ts.Expression | undefined {
    const t = this.ts;
    if (t.isCallExpression(x)) {
      const own = this.constants.ownMethodOf(x);
      return own && own.fn.parameters.length === 0 && !this.inProgress.has(own.fn) && this.isFieldCopy(own.returns) ? own.returns : this.copiedByProjectFunction(x);
    }
    if (!t.isIdentifier(x)) return undefined;
    const decl = this.scopes.resolve(x);
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !this.constants.isConstDeclaration(decl) || this.inProgress.has(decl)) return undefined;
    const init = this.constants.skipTrivia(decl.initializer);
    if (!t.isCallExpression(init) || !(this.constants.ownMethodOf(init) || this.ctx.heldCollection(init) || this.copiedByProjectFunction(init)) || this.parts.writes.writesOf(decl, x.text).length) return undefined;
    return init;
  }

  /**
   * The collections a call of a function of this file (or a method of the enclosing class) is made
   * from: the argument it copies (copiedByProjectFunction) or rebuilds (`rebuilt`: rebuiltParameter,
   * what it adds is a size not seen), or, for a method with several returns, each collection it
   * returns when none is a parameter's (`getHistoryTurns(curated)`: a curated copy of the field,
   * or that copy cleaned by a rebuild). Another module's copy or rebuild (`scrubHistory(h)`): its argument.
   */
  projectSources(call: ts.CallExpression): { exprs: ts.Expression[]; rebuilt: boolean } | undefined {
    if (this.sourcesMemo.has(call)) return this.sourcesMemo.get(call) ?? undefined;
    const found = this.sourcesOfCall(call);
    // Not memoised while its function is being read (the answer then is "none", for this path only).
    const fn = this.constants.calledFunction(call);
    if (!fn || !this.inProgress.has(fn)) this.sourcesMemo.set(call, found ?? null);
    return found;
  }

  private readonly sourcesMemo = new Map<ts.CallExpression, { exprs: ts.Expression[]; rebuilt: boolean } | null>();

  private sourcesOfCall(call: ts.CallExpression): { exprs: ts.Expression[]; rebuilt: boolean } | undefined {
    const t = this.ts;
    const foreign = this.ctx.copiedArgument(call);
    if (foreign) return { exprs: [foreign.arg], rebuilt: foreign.built };
    const fn = this.constants.calledFunction(call);
    if (!fn || (fn as { asteriskToken?: unknown }).asteriskToken || this.inProgress.has(fn)) return undefined;
    const copied = this.copiedByProjectFunction(call);
    if (copied) return { exprs: [copied], rebuilt: false };
    const rebuilt = rebuiltParameter(t, fn);
    const arg = rebuilt && argumentAt(t, this.constants, call, rebuilt);
    if (arg) return { exprs: [arg], rebuilt: true };
    if (!t.isMethodDeclaration(fn) || fn.modifiers?.some((m) => m.kind === t.SyntaxKind.AsyncKeyword) || !fn.body) return undefined;
    const returns = returnedExpressions(t, fn.body);
    const params = new Set<ts.Node>(fn.parameters);
    const readsParameter = (n: ts.Node): boolean => (t.isIdentifier(n) && params.has(this.scopes.resolve(n)!)) || !!t.forEachChild(n, (c) => readsParameter(c) || undefined);
    return returns.length > 1 && !returns.some(readsParameter) ? { exprs: returns, rebuilt: false } : undefined;
  }

  /** What `sources` gives each of its collections, or undefined when one is unknown; `inProgress` holds the function. */
  private fromSources<T>(call: ts.CallExpression, each: (e: ts.Expression) => T | undefined): T[] | undefined {
    const src = this.projectSources(call);
    if (!src) return undefined;
    const fn = this.constants.calledFunction(call);
    if (fn) this.inProgress.add(fn);
    try {
      const got = src.exprs.map(each);
      return got.every((g) => g !== undefined) ? (got as T[]) : undefined;
    } finally {
      if (fn) this.inProgress.delete(fn);
    }
  }

  /**
   * The argument a function of this file (or a method of the enclosing class) returns a derived copy
   * of (see parameterCopy): `this.ensureActiveLoopHasThoughtSignatures(requestContents)`,
   * `stripToolCallIdPrefixes(contentsToUse)` (gemini-cli's), as another module's are (copiedArgument).
   */
  copiedByProjectFunction(call: ts.CallExpression): ts.Expression | undefined {
    const t = this.ts;
    const fn = this.constants.calledFunction(call);
    if (!fn || (fn as { asteriskToken?: unknown }).asteriskToken) return undefined;
    const copy = this.copyOf(fn);
    return copy && argumentAt(t, this.constants, call, copy);
  }

  private readonly copies = new Map<ts.SignatureDeclaration, CopiedParameter | null>();

  /** The parameter a function returns a derived copy of on every return (see copiedByProjectFunction), read once per function. */
  private copyOf(fn: ts.SignatureDeclaration): CopiedParameter | undefined {
    const t = this.ts;
    if (this.copies.has(fn)) return this.copies.get(fn) ?? undefined;
    const copy = copiedParameter(t, this.scopes, this.constants, fn);
    this.copies.set(fn, null);
    if (!copy) return undefined;
    // copiedParameter reads the last return: an earlier one must give back the parameter itself
    // (`if (start === -1) return requestContents;`), not some other value.
    const param = fn.parameters[copy.index];
    const body = (fn as { body?: ts.Node }).body;
    const returns = body && t.isBlock(body) ? returnedExpressions(t, body) : [];
    const last = returns[returns.length - 1];
    const same = (e: ts.Expression): boolean => {
      const x = this.constants.skipTrivia(e);
      return e === last || (!copy.path.length && t.isIdentifier(x) && this.scopes.resolve(x) === param);
    };
    if (!returns.every(same)) return undefined;
    this.copies.set(fn, copy);
    return copy;
  }

  /** `this.turns`, `this.turns.get()` of a history class, or `[...x]` / `x.slice()` of one. */
  private isFieldCopy(e: ts.Expression): boolean {
    const t = this.ts;
    let x = this.constants.skipTrivia(e);
    if (t.isArrayLiteralExpression(x) && x.elements.length === 1 && t.isSpreadElement(x.elements[0]!)) x = this.constants.skipTrivia(x.elements[0].expression);
    else if (t.isCallExpression(x) && x.arguments.length === 0 && t.isPropertyAccessExpression(x.expression) && x.expression.name.text === "slice") x = this.constants.skipTrivia(x.expression.expression);
    x = this.held(x);
    return t.isPropertyAccessExpression(x) && x.expression.kind === t.SyntaxKind.ThisKeyword;
  }

  isArrayLike(e: ts.Expression): boolean {
    const t = this.ts;
    const x = this.held(e);
    if (t.isArrayLiteralExpression(x) || x !== this.constants.skipTrivia(e)) return true;
    if (!t.isIdentifier(x) && !t.isPropertyAccessExpression(x)) return false;
    if (t.isPropertyAccessExpression(x)) return x.expression.kind === t.SyntaxKind.ThisKeyword && this.isArrayField(x);
    const decl = this.scopes.resolve(x);
    if (!decl) return false;
    if ((t.isVariableDeclaration(decl) || t.isParameter(decl)) && decl.type) return this.isArrayType(decl.type);
    if (t.isVariableDeclaration(decl) && decl.initializer) return t.isArrayLiteralExpression(this.constants.skipTrivia(decl.initializer));
    return false;
  }

  /** `this.history` of a class that declares the field an array (by its type or an array literal). */
  private isArrayField(e: ts.PropertyAccessExpression): boolean {
    const member = classField(this.ts, e)?.member;
    return !!member && declaresArray(this.ts, (x) => this.constants.skipTrivia(x), member);
  }

  isArrayType(type: ts.TypeNode): boolean {
    return isArrayType(this.ts, type);
  }

  /** The size of one element of a collection. */
  elementSize(recv: ts.Expression, site: ts.Node): Size {
    return this.elementOrWhole(recv, site, false);
  }

  /** The size of one element of a collection (or of the whole, for strings). */
  elementOrWhole(recv: ts.Expression, site: ts.Node, whole: boolean): Size {
    const t = this.ts;
    const x = this.held(recv);
    if (whole) return this.parts.expressions.sizeOf(recv, site);
    // `xs.map((x) => [new HumanMessage(x)])`: one element is what the callback returns for one x.
    if (t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && x.expression.name.text === "map") {
      const fn = x.arguments[0];
      const body = fn && (t.isArrowFunction(fn) || t.isFunctionExpression(fn)) ? (t.isBlock(fn.body) ? fn.body.statements.find(t.isReturnStatement)?.expression : fn.body) : undefined;
      if (body) return this.parts.expressions.sizeOf(body, site);
    }
    // An array literal: any of its elements (their sum bounds the largest).
    if (t.isArrayLiteralExpression(x)) return combine(x.elements.map((el) => (t.isSpreadElement(el) ? this.elementOrWhole(el.expression, site, false) : this.parts.expressions.sizeOf(el, site))));
    const copied = this.copiedCollection(x);
    if (copied) return this.elementOrWhole(copied, site, false);
    if (t.isConditionalExpression(x)) return combine([this.elementOrWhole(x.whenTrue, site, false), this.elementOrWhole(x.whenFalse, site, false)]);
    const sources = t.isCallExpression(x) ? this.fromSources(x, (e) => this.elementOrWhole(e, site, false)) : undefined;
    if (sources) return { ...combine(sources), tight: false };
    if (t.isIdentifier(x)) {
      const decl = this.scopes.resolve(x);
      const init = decl && t.isVariableDeclaration(decl) && decl.initializer && this.constants.isConstDeclaration(decl) && !this.inProgress.has(decl) ? this.constants.skipTrivia(decl.initializer) : undefined;
      if (decl && init && (t.isConditionalExpression(init) || (t.isCallExpression(init) && this.projectSources(init)))) {
        this.inProgress.add(decl);
        try {
          return this.elementOrWhole(init, site, false);
        } finally {
          this.inProgress.delete(decl);
        }
      }
    }
    if (t.isIdentifier(x)) {
      const decl = this.scopes.resolve(x);
      if (decl && t.isVariableDeclaration(decl) && decl.initializer && t.isArrayLiteralExpression(this.constants.skipTrivia(decl.initializer))) {
        return this.pushedElement(decl, recv, site, decl.initializer, () => this.parts.writes.writesOf(decl, x.text));
      }
    }
    // `this.history` of a class whose methods push to it: one of what they push, as for a local.
    if (t.isPropertyAccessExpression(x) && x.expression.kind === t.SyntaxKind.ThisKeyword) {
      const field = this.parts.accumulation.fieldWrites(x);
      const init = field?.member?.initializer;
      if (field && field.member && field.writes.some((w) => w.kind === "grow")) return this.pushedElement(field.member, recv, site, init && t.isArrayLiteralExpression(this.constants.skipTrivia(init)) ? init : undefined, () => field.writes);
    }
    return this.ctx.sizeSymbol(`${this.loops.baseName(recv)}[]`, recv, `the size of one element of ${this.ctx.text(recv)}`);
  }

  /**
   * What n slots of a window of a local array or a class's field may hold: each push of one element
   * on every round, of P such pushes a round, fills at most ⌈n/P⌉ of them (the last 6 of questions and
   * answers: 3 of each; the last 1: the question); otherwise every slot the largest kind of element
   * (its literal's, each push's), each kind at its mean size.
   */
  private windowSlots(recv: ts.Expression, site: ts.Node, n: number): Poly | undefined {
    const t = this.ts;
    const x = this.held(recv);
    let kinds: { size: Size; single: boolean }[] | undefined;
    const literal = (init: ts.Expression | undefined): { size: Size; single: boolean }[] => {
      const i = init && this.constants.skipTrivia(init);
      return i && t.isArrayLiteralExpression(i) ? i.elements.map((el) => ({ size: t.isSpreadElement(el) ? this.elementOrWhole(el.expression, site, false) : this.parts.expressions.sizeOf(el, site), single: false })) : [];
    };
    if (t.isIdentifier(x)) {
      const decl = this.scopes.resolve(x);
      if (decl && t.isVariableDeclaration(decl) && decl.initializer && t.isArrayLiteralExpression(this.constants.skipTrivia(decl.initializer)) && !this.inProgress.has(decl)) kinds = [...literal(decl.initializer), ...this.pushedKinds(decl, () => this.parts.writes.writesOf(decl, x.text), site)];
    } else if (t.isPropertyAccessExpression(x) && x.expression.kind === t.SyntaxKind.ThisKeyword) {
      const field = this.parts.accumulation.fieldWrites(x);
      if (field?.member && !this.inProgress.has(field.member)) kinds = [...literal(field.member.initializer), ...this.pushedKinds(field.member, () => field.writes, site)];
    }
    if (!kinds?.length) return undefined;
    if (kinds.every((k) => k.single)) return Poly.sum(kinds.map((k) => meanOf(k.size).scale(Math.ceil(n / kinds!.length))));
    return Poly.largest(kinds.map((k) => meanOf(k.size))).scale(n);
  }

  /** The sizes of what each write pushes to the array declared at `decl`; `single`: one element on every round of the site's loops (Writes.pushesEveryRound). */
  private pushedKinds(decl: ts.Node, writesOf: () => readonly Write[], site?: ts.Node): { size: Size; single: boolean }[] {
    this.inProgress.add(decl);
    try {
      return writesOf()
        .filter((w) => w.kind === "grow")
        .flatMap((w) => {
          const single = site !== undefined && this.parts.writes.pushesEveryRound(w, site) && (w.outputOf !== undefined || (w.delta ?? []).length === 1);
          return w.outputOf ? [{ size: this.parts.outputs.outputOf(w.outputOf), single }] : (w.delta ?? []).map((d) => ({ size: this.parts.expressions.sizeOf(d, w.node), single }));
        });
    } finally {
      this.inProgress.delete(decl);
    }
  }

  /** One element of an array declared at `decl` (its literal's and what is pushed to it). */
  private pushedElement(decl: ts.Node, recv: ts.Expression, site: ts.Node, initializer: ts.Expression | undefined, writesOf: () => readonly Write[]): Size {
    const name = this.loops.baseName(recv);
    if (this.inProgress.has(decl)) return this.ctx.sizeSymbol(`${name}[]`, recv, `the size of one element of ${name}`);
    const parts = this.pushedKinds(decl, writesOf).map((k) => k.size);
    this.inProgress.add(decl);
    try {
      const any = combine([initializer ? this.elementOrWhole(initializer, site, false) : ZERO, ...parts]);
      // Their sum bounds the largest element; an element of a long history is on average one
      // of what each round pushes (a question or an answer).
      return parts.length ? withMean(any, Poly.sum(parts.map(meanOf)).scale(1 / parts.length)) : any;
    } finally {
      this.inProgress.delete(decl);
    }
  }

  /**
   * How many elements a collection holds at the site: its literal length plus one per pushed
   * argument, accumulated over the loops exactly as sizes are. Undefined when it is not a local array.
   */
  countOf(expr: ts.Expression, site: ts.Node): Poly | undefined {
    return this.countSize(expr, site)?.poly;
  }

  /** The collection whose elements `expr` holds as many of (through `map`, `filter`, … and consts made so): what a count symbol names. */
  countedCollection(expr: ts.Expression): ts.Expression {
    const t = this.ts;
    const keeping = (e: ts.Expression): ts.Expression | undefined => {
      const callee = t.isCallExpression(e) ? this.constants.skipTrivia(e.expression) : undefined;
      return callee && t.isPropertyAccessExpression(callee) && (COUNT_KEEPING.has(callee.name.text) || (callee.name.text === "slice" && !(e as ts.CallExpression).arguments.length)) ? callee.expression : undefined;
    };
    let x = this.held(expr);
    for (let depth = 0; depth < 8; depth++) {
      const kept = keeping(x);
      const decl = !kept && t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
      const init = decl && t.isVariableDeclaration(decl) && decl.initializer && this.constants.isConstDeclaration(decl) ? this.constants.skipTrivia(decl.initializer) : undefined;
      // A const is followed only when it is such a copy itself (`const formatted = state.results.map(…)`).
      const next = kept ?? (init && keeping(init) ? init : undefined);
      if (!next) break;
      x = this.held(next);
    }
    return x;
  }

  /** countOf with its mean over the site's executions and its value at the i-th (Size.exact); not tight where it is only at most. */
  countSize(expr: ts.Expression, site: ts.Node): Size | undefined {
    const t = this.ts;
    const x = this.held(expr);
    const atMost = (poly: Poly): Size => ({ ...ZERO, poly, tight: false });
    if (t.isArrayLiteralExpression(x)) {
      const spread = x.elements.filter(t.isSpreadElement);
      return combine([constant(x.elements.length - spread.length), ...spread.map((sp) => this.countSize(sp.expression, site) ?? { ...ZERO, poly: this.loops.collection(sp.expression).trip })]);
    }
    const one = (d: ts.Expression): Size => ({ ...ZERO, poly: t.isArrayLiteralExpression(this.constants.skipTrivia(d)) ? this.countOf(d, site) ?? Poly.one : Poly.one });
    // `[...this.history]` handed to a helper: a field the class's methods grow holds what every
    // earlier invocation on the instance pushed (calls[Class]), counted as its size is.
    if (t.isPropertyAccessExpression(x) && x.expression.kind === t.SyntaxKind.ThisKeyword) return this.parts.accumulation.fieldSize(x, site, one);
    const copied = this.copiedCollection(x);
    if (copied) return this.countSize(copied, site);
    // Either branch's collection (`curated ? extract(h) : [...h]`), each a copy or a rebuild of one.
    if (t.isConditionalExpression(x)) {
      const both = [this.countOf(x.whenTrue, site), this.countOf(x.whenFalse, site)];
      return both.every((c) => c !== undefined) ? atMost(Poly.largest(both as Poly[])) : undefined;
    }
    if (t.isCallExpression(x)) {
      // `h.map(…)`, `h.slice()`: the elements of h; `h.filter(…)`: at most them.
      const callee = this.constants.skipTrivia(x.expression);
      if (t.isPropertyAccessExpression(callee) && (COUNT_KEEPING.has(callee.name.text) || (callee.name.text === "slice" && !x.arguments.length))) {
        const kept = this.countSize(callee.expression, site);
        return kept && callee.name.text === "filter" ? { ...kept, tight: false } : kept;
      }
      const counts = this.fromSources(x, (e) => this.countOf(e, site));
      return counts && atMost(Poly.largest(counts));
    }
    if (!t.isIdentifier(x)) return undefined;
    // A builder's parameter, inlined: the argument's elements (`formatPosts(posts)`).
    const argument = this.parts.expressions.boundExpression(x);
    if (argument) return this.countSize(argument, site);
    const decl = this.scopes.resolve(x);
    if (decl && t.isVariableDeclaration(decl) && decl.initializer && this.constants.isConstDeclaration(decl) && !this.inProgress.has(decl) && !t.isArrayLiteralExpression(this.constants.skipTrivia(decl.initializer))) {
      const init = this.constants.skipTrivia(decl.initializer);
      if (!t.isConditionalExpression(init) && !t.isCallExpression(init)) return undefined;
      this.inProgress.add(decl);
      try {
        return this.countSize(init, site);
      } finally {
        this.inProgress.delete(decl);
      }
    }
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !t.isArrayLiteralExpression(this.constants.skipTrivia(decl.initializer)) || this.inProgress.has(decl)) return undefined;
    this.inProgress.add(decl);
    try {
      const base = { ...ZERO, poly: this.countOf(decl.initializer, site) ?? Poly.zero };
      return this.parts.accumulation.accumulated(decl, x.text, site, base, (w) => repeated(combine((w.delta ?? [w.node as ts.Expression]).map(one)), w), one);
    } finally {
      this.inProgress.delete(decl);
    }
  }
}

/** The expressions `return` statements of a body give back (not those of functions nested in it). */
function returnedExpressions(t: typeof ts, body: ts.Node): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isReturnStatement(n) && n.expression) found.push(n.expression);
    if (!t.isFunctionLike(n)) t.forEachChild(n, visit);
  };
  t.forEachChild(body, visit);
  return found;
}
