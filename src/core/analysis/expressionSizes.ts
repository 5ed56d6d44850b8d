// The size in tokens of an expression at an LLM call site: literals, templates, objects, calls of
// string and array helpers, local builders inlined with their arguments, fields, and variables (their
// initial value plus what the writes around the site add, see accumulation.ts). An upper bound over
// the site's executions; what it cannot see into is a size symbol |x|.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import { countTokens } from "../tokens";
import { isIdProperty } from "./idProperties";
import { argumentAt, convertedParameters, type CopiedParameter } from "./parameterCopy";
import { SizePart } from "./sizeContext";
import { combine, constant, meanOf, sizeAtIteration, withMean, ZERO, type Size } from "./sizeValues";
import { repeated } from "./writes";

/** Methods that return (about) the same text or collection as their receiver. */
export const SAME_SIZE = new Set(["trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "toString", "normalize", "replace", "replaceAll", "join", "concat", "reverse", "toReversed", "sort", "toSorted", "flat", "padStart", "padEnd", "valueOf", "split", "entries", "values"]);
export const NARROWING = new Set(["filter", "find", "findLast", "at"]);
/** A request's body read whole (`await req.json()`), and the request types of the Fetch API and Next.js. */
const REQUEST_BODY = new Set(["json", "text", "formData"]);
const REQUEST_TYPES = new Set(["Request", "NextRequest"]);
/** Tokens of an identifier (`resp_abc123`, `4821`): a few (a UUID in hex is more, a number fewer). */
const ID_TOKENS = 4;

export class ExpressionSizes extends SizePart {
  /** Parameters of a builder being inlined, sized as the arguments of the call being sized. */
  private readonly bound = new Map<ts.Node, Size>();

  /** The argument a parameter of the builder being inlined stands for (`fmt(posts)` called as `fmt(history)`). */
  boundArgument(e: ts.Expression): Size | undefined {
    const x = this.constants.skipTrivia(e);
    if (!this.ts.isIdentifier(x)) return undefined;
    const decl = this.scopes.resolve(x);
    return decl ? this.bound.get(decl) : undefined;
  }

  /** The argument expression itself (`history` for `posts`), to count its elements. */
  boundExpression(e: ts.Expression): ts.Expression | undefined {
    const x = this.constants.skipTrivia(e);
    if (!this.ts.isIdentifier(x)) return undefined;
    const decl = this.scopes.resolve(x);
    return decl ? this.boundExpressions.get(decl) : undefined;
  }

  private readonly boundExpressions = new Map<ts.Node, ts.Expression>();

  /**
   * The returned expression of each builder being inlined: a variable the builder declares itself
   * (`const out = []; out.push(x); return [...out]`) is sized there, where the builder's own writes
   * reach it; at the caller's site they are another function's, and none would count.
   */
  private readonly inlinedReturns = new Map<ts.Node, ts.Expression>();

  /** The size of `expr` at the LLM call `site` (an upper bound over the site's executions). */
  sizeOf(expr: ts.Expression, site: ts.Node): Size {
    const t = this.ts;
    const e = this.constants.skipTrivia(expr);
    if (t.isStringLiteral(e) || t.isNoSubstitutionTemplateLiteral(e)) return constant(e.text === "" ? 0 : Math.max(1, countTokens(e.text)));
    if (t.isNumericLiteral(e) || e.kind === t.SyntaxKind.TrueKeyword || e.kind === t.SyntaxKind.FalseKeyword || e.kind === t.SyntaxKind.NullKeyword) return constant(1);
    if (t.isTemplateExpression(e)) {
      const literal = e.head.text + e.templateSpans.map((s) => s.literal.text).join("");
      return combine([constant(countTokens(literal)), ...e.templateSpans.map((s) => this.sizeOf(s.expression, site))]);
    }
    // An empty collection sends nothing (a value fixed in the code is otherwise at least a token).
    if ((t.isArrayLiteralExpression(e) && e.elements.length === 0) || (t.isObjectLiteralExpression(e) && e.properties.length === 0)) return ZERO;
    const fixed = this.parts.fixed.staticTokens(e, 0);
    if (fixed !== undefined) return constant(Math.max(1, fixed));
    if (t.isIdentifier(e)) return e.text === "undefined" ? ZERO : this.identifierSize(e, site);
    if (t.isArrayLiteralExpression(e)) return combine(e.elements.map((x) => (t.isSpreadElement(x) ? this.sizeOf(x.expression, site) : this.sizeOf(x, site))));
    if (t.isObjectLiteralExpression(e)) {
      return combine(
        e.properties.filter((p) => !this.parts.fixed.isMessageRole(p)).map((p) => {
          if (t.isPropertyAssignment(p)) return this.sizeOf(p.initializer, site);
          if (t.isShorthandPropertyAssignment(p)) return this.sizeOf(p.name, site);
          if (t.isSpreadAssignment(p)) return this.sizeOf(p.expression, site);
          return ZERO;
        }),
      );
    }
    if (t.isConditionalExpression(e)) {
      // One branch is sent, not both: counted, the larger (term by term); the bound keeps their sum.
      const branches = [this.sizeOf(e.whenTrue, site), this.sizeOf(e.whenFalse, site)];
      return withMean(combine(branches), Poly.largest(branches.map(meanOf)), Poly.largest(branches.map(sizeAtIteration)));
    }
    if (t.isBinaryExpression(e)) {
      const k = e.operatorToken.kind;
      if (k === t.SyntaxKind.PlusToken) return combine([this.sizeOf(e.left, site), this.sizeOf(e.right, site)]);
      if (k === t.SyntaxKind.QuestionQuestionToken || k === t.SyntaxKind.BarBarToken) {
        // Either side: their sum bounds it; counted, it is the value (`answer ?? ""`), the fallback is rare.
        const left = this.sizeOf(e.left, site);
        return withMean(combine([left, this.sizeOf(e.right, site)]), meanOf(left), sizeAtIteration(left));
      }
      if (k === t.SyntaxKind.AmpersandAmpersandToken) return this.sizeOf(e.right, site);
      return constant(1);
    }
    if (t.isCallExpression(e)) return this.callSize(e, site);
    if (t.isPropertyAccessExpression(e) || t.isElementAccessExpression(e)) return this.accessSize(e, site);
    if (t.isFunctionLike(e)) return ZERO;
    // `new HumanMessage(line)`, `new SystemMessage({ content })`: a constructed value holds its arguments.
    if (t.isNewExpression(e)) return combine((e.arguments ?? []).map((a) => this.sizeOf(t.isSpreadElement(a) ? a.expression : a, site)));
    return this.ctx.sizeSymbol(this.loops.baseName(e), e, `the size of ${this.ctx.text(e)}`);
  }

  private callSize(e: ts.CallExpression, site: ts.Node): Size {
    const t = this.ts;
    const llm = this.llmCall(e);
    if (llm) return this.parts.outputs.outputOf(e);
    // `this.history.get()` of a small history class: the field it is, grown by `this.history.push(…)`.
    // A copy made by a function of this file is sized by inlining it below (a window it keeps stays one).
    const held = this.ctx.heldCollection(e) ?? (this.constants.localFunctionOf(e) ? undefined : this.parts.collections.copiedCollection(e));
    if (held) return this.sizeOf(held, site);
    const callee = e.expression;
    if (t.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const recv = callee.expression;
      if (t.isIdentifier(recv) && recv.text === "JSON" && method === "stringify" && e.arguments[0]) return this.sizeOf(e.arguments[0], site);
      if (this.isRequestBody(e)) return this.sizeOf(recv, site);
      if (method === "slice" || method === "substring" || method === "substr") return this.parts.collections.sliceSize(e, recv, site);
      if (method === "concat") return combine([this.sizeOf(recv, site), ...e.arguments.map((a) => this.sizeOf(t.isSpreadElement(a) ? a.expression : a, site))]);
      // A template filled by `PROMPT.replace("{TWEETS}", formatTweets(chunk))`: the text put in is
      // sent too (the placeholder it removes is left in, an upper bound by a few tokens).
      const filling = (method === "replace" || method === "replaceAll") && e.arguments[1];
      if (filling && !t.isSpreadElement(filling) && !t.isFunctionLike(this.constants.skipTrivia(filling))) return combine([this.sizeOf(recv, site), this.sizeOf(filling, site)]);
      if (method === "join") return this.joinedSize(e, recv, site);
      if (SAME_SIZE.has(method)) return this.sizeOf(recv, site);
      if (NARROWING.has(method)) return { ...this.parts.collections.elementOrWhole(recv, site, method === "filter"), tight: false };
      if (method === "map" || method === "flatMap") return this.parts.collections.mappedSize(e, recv, site);
    }
    if (t.isIdentifier(callee) && ["String", "structuredClone"].includes(callee.text) && e.arguments[0]) return this.sizeOf(e.arguments[0], site);
    // A rebuild of its argument by a function of this file (not a copy read through), or a method whose returns are all collections made here.
    const rebuilt = this.projectRebuild(e, site);
    if (rebuilt) return rebuilt;
    const converted = this.localConverted(e);
    if (converted) return this.convertedSizes(this.ctx.sizeSymbol(`${this.loops.baseName(callee)}()`, e, `what ${this.ctx.text(e)} adds to the elements it converts`), converted, site);
    const local = this.constants.localFunctionOf(e);
    if (local && !this.inProgress.has(local.fn)) return this.inlinedSize(e, local.fn, local.returns, site);
    // Another module's function returning a filtered, mapped, sliced or spread copy of a parameter: at most that argument.
    // A converter of its elements (`toResponseMessages({ content })`): that argument and what it adds, unseen.
    const copied = this.ctx.copiedArgument(e);
    if (copied && !copied.built) return { ...this.sizeOf(copied.arg, site), tight: false };
    if (copied) return this.convertedSize(this.ctx.sizeSymbol(`${this.loops.baseName(callee)}()`, e, `what ${this.ctx.text(e)} adds to the elements it converts`), copied.arg, site);
    if (t.isIdentifier(callee) && callee.text === "Array" && e.arguments.length === 0) return ZERO;
    const opaque = this.ctx.sizeSymbol(`${this.loops.baseName(callee)}()`, e, `the result of ${this.ctx.text(e)}, which the analysis does not see into`);
    // A formatter we do not see into (`formatBodyPostsForPrompt(posts)` of another module) handed a
    // growing array: what it returns grows with it.
    const growing = e.arguments.filter((a) => !t.isSpreadElement(a) && !t.isFunctionLike(this.constants.skipTrivia(a))).map((a) => this.sizeOf(a, site)).filter((s) => s.growth !== "none");
    return growing.length ? { ...combine([opaque, ...growing]), tight: false } : opaque;
  }

  /**
   * `parts.join(sep)`: the parts and a separator between each two (`,` when none is given), one
   * fewer than the elements where there is always one; otherwise one a part, at most.
   */
  private joinedSize(e: ts.CallExpression, recv: ts.Expression, site: ts.Node): Size {
    const t = this.ts;
    const parts = this.sizeOf(recv, site);
    const arg = e.arguments[0];
    const sep = arg === undefined ? constant(1) : t.isSpreadElement(arg) ? this.sizeOf(arg.expression, site) : this.sizeOf(arg, site);
    if (sep.poly.isZero()) return parts;
    const count = this.parts.collections.countSize(recv, site) ?? { ...ZERO, poly: this.loops.collection(this.parts.collections.countedCollection(recv)).trip };
    // At least one element at the first execution (index symbols 0, pushes made before it): one fewer
    // separator than elements. Otherwise one an element, a separator too many on the executions that
    // have elements (as a literal's tokens counted apart, within what the estimates hold exact).
    const first = sizeAtIteration(count).constantValue();
    const between = (n: Poly): Poly => (first >= 1 ? n.add(Poly.constant(-1)) : n).mul(sep.poly);
    const separators = withMean({ ...sep, poly: between(count.poly), tight: sep.tight && count.tight }, between(meanOf(count)), between(sizeAtIteration(count)));
    return combine([parts, separators]);
  }

  /** See CollectionSizes.projectSources: a rebuild of this file's (its argument and what it adds), or a method's several returned collections. */
  private projectRebuild(e: ts.CallExpression, site: ts.Node): Size | undefined {
    if (this.ctx.copiedArgument(e) || this.parts.collections.copiedByProjectFunction(e)) return undefined;
    const src = this.parts.collections.projectSources(e);
    const fn = src && this.constants.calledFunction(e);
    if (!src || !fn) return undefined;
    this.inProgress.add(fn);
    try {
      if (src.rebuilt) return this.convertedSize(this.ctx.sizeSymbol(`${this.loops.baseName(e.expression)}()`, e, `what ${this.ctx.text(e)} adds to the elements it rebuilds`), src.exprs[0]!, site);
      return { ...combine(src.exprs.map((x) => this.sizeOf(x, site))), tight: false };
    } finally {
      this.inProgress.delete(fn);
    }
  }

  /** A converter's result: its argument, whose growth and answer it carries, and what it adds (`added`, a size we do not see). */
  private convertedSize(added: Size, arg: ts.Expression, site: ts.Node): Size {
    return this.convertedSizes(added, [arg], site);
  }

  private convertedSizes(added: Size, args: readonly ts.Expression[], site: ts.Node): Size {
    return { ...combine([added, ...args.map((a) => this.sizeOf(a, site))]), tight: false };
  }

  private readonly convertersMemo = new Map<ts.Node, CopiedParameter[] | null>();

  /** `asContent({ content: result.content, toolCalls })` of a converter of this file (convertedParameters): the arguments it converts or copies. */
  private localConverted(call: ts.CallExpression): ts.Expression[] | undefined {
    const fn = this.constants.localFunctionOf(call)?.fn;
    if (!fn) return undefined;
    let parts = this.convertersMemo.get(fn);
    if (parts === undefined) this.convertersMemo.set(fn, (parts = convertedParameters(this.ts, this.scopes, this.constants, fn) ?? null));
    const args = parts?.map((p) => argumentAt(this.ts, this.constants, call, p));
    return args?.every((a) => !!a) ? (args as ts.Expression[]) : undefined;
  }

  /** A local builder's result: its returned expression, with each parameter sized as its argument. */
  private inlinedSize(call: ts.CallExpression, fn: ts.SignatureDeclaration, returns: ts.Expression, site: ts.Node): Size {
    const t = this.ts;
    const bindings = fn.parameters.map((p, i) => {
      const arg = call.arguments[i];
      const size = arg && !t.isSpreadElement(arg) ? this.sizeOf(arg, site) : p.initializer ? this.sizeOf(p.initializer, site) : ZERO;
      return [p, size] as const;
    });
    this.inProgress.add(fn);
    for (const [p, size] of bindings) this.bound.set(p, size);
    fn.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      if (arg && !t.isSpreadElement(arg)) this.boundExpressions.set(p, arg);
    });
    try {
      this.inlinedReturns.set(fn, returns);
      return this.sizeOf(returns, site);
    } finally {
      for (const [p] of bindings) {
        this.bound.delete(p);
        this.boundExpressions.delete(p);
      }
      this.inlinedReturns.delete(fn);
      this.inProgress.delete(fn);
    }
  }

  private accessSize(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, site: ts.Node): Size {
    const t = this.ts;
    if (t.isPropertyAccessExpression(e) && e.name.text === "length") return constant(1);
    // `t.id`, `user.userId`: an identifier is a short value of constant size, not a text.
    if (t.isPropertyAccessExpression(e) && isIdProperty(e.name.text)) return { ...constant(ID_TOKENS), notes: [`${this.ctx.text(e)} is an id: about ${ID_TOKENS} tokens`] };
    // `run(agent, [...result.history, q])`: the earlier run's history, not its answer alone.
    const carried = t.isPropertyAccessExpression(e) ? this.parts.flow.carriedRun(e) : undefined;
    if (carried && t.isPropertyAccessExpression(e) && !this.inProgress.has(carried)) return this.carriedHistory(e, carried);
    // In a loop that assigns the result back (`result = await run(agent, [...result.history, q])`): the history it grows.
    if (t.isPropertyAccessExpression(e) && e.name.text === "history" && t.isIdentifier(e.expression) && this.growsByRuns(e.expression)) return this.identifierSize(e.expression, site);
    const producer = this.parts.flow.producingCall(e);
    if (producer) return (this.parts.flow.readsResponseMessages(e) && this.parts.outputs.responseMessagesOf(producer)) || this.parts.outputs.outputOf(producer);
    if (t.isElementAccessExpression(e)) {
      const k = this.constants.number(e.argumentExpression);
      const pinned = k !== undefined && Number.isInteger(k) && k >= 0 ? this.parts.windows.pinned(e.expression, k, site) : undefined;
      if (pinned) return pinned;
      const idx = this.constants.string(e.argumentExpression);
      if (idx === undefined) return this.parts.collections.elementOrWhole(e.expression, site, false);
    }
    if (t.isPropertyAccessExpression(e) && e.expression.kind === t.SyntaxKind.ThisKeyword) {
      const field = this.parts.accumulation.fieldSize(e, site);
      if (field) return field;
    }
    // A field of a local object literal: the size of what was put there.
    const root = this.constants.skipTrivia(e.expression);
    if (t.isPropertyAccessExpression(e) && t.isIdentifier(root)) {
      // `state.messages` grown by `state.messages.push(…)` or by a helper handed `state`: what it starts with and what is added.
      const decl = this.scopes.resolve(root);
      const field = this.constants.property(this.constants.objectLiteral(root), [e.name.text]);
      const grown = decl && this.localFieldSize(decl, root.text, e, field, site);
      if (grown) return grown;
      if (field) return this.sizeOf(field, site);
      if (decl && t.isBindingElement(decl)) return this.ctx.sizeSymbol(`${root.text}.${e.name.text}`, e, `the size of ${this.ctx.text(e)}`);
    }
    if (t.isElementAccessExpression(e)) return this.parts.collections.elementOrWhole(e.expression, site, false);
    return this.ctx.sizeSymbol(this.loops.baseName(e), e, `the size of ${this.ctx.text(e)}`);
  }

  /**
   * `result.history` of an earlier run: what that run was sent and what it answered (sized at that
   * run). A run of several turns also holds each turn's tool calls and results: a size of their own.
   */
  private carriedHistory(e: ts.PropertyAccessExpression, run: ts.CallExpression): Size {
    const llm = this.llmCall(run)!;
    this.inProgress.add(run);
    try {
      const line = this.ctx.line(run);
      const turns = llm.steps ? [this.ctx.sizeSymbol(`tool turns@${line}`, run, `the tool calls and results of the turns of line ${line}, in its history`)] : [];
      const size = combine([...llm.prompt.map((p) => this.sizeOf(p, run)), this.parts.outputs.outputOf(run), ...turns]);
      return { ...size, notes: [...size.notes, `${this.ctx.text(e)} is the history of line ${line}: its input and its answer${turns.length ? ", and its turns' tool items" : ""}`] };
    } finally {
      this.inProgress.delete(run);
    }
  }

  /** A variable holding a result that writes grow by runs that carry its history on. */
  private growsByRuns(id: ts.Identifier): boolean {
    const decl = this.scopes.resolve(id);
    return !!decl && this.parts.writes.writesOf(decl, id.text).some((w) => w.kind === "grow" && w.outputOf && w.delta);
  }

  private identifierSize(id: ts.Identifier, site: ts.Node): Size {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    if (!decl) return this.ctx.sizeSymbol(id.text, id, `the free variable ${id.text}`);
    const bound = this.bound.get(decl) ?? this.boundAtCall(decl, site);
    if (bound) return bound;
    const producer = this.parts.flow.producingCall(id);
    if (producer && !this.isReassigned(decl, id.text)) return (this.parts.flow.readsResponseMessages(id) && this.parts.outputs.responseMessagesOf(producer)) || this.parts.outputs.outputOf(producer);
    if (t.isFunctionDeclaration(decl) || t.isClassDeclaration(decl) || t.isImportClause(decl) || t.isImportSpecifier(decl) || t.isNamespaceImport(decl)) return this.ctx.sizeSymbol(id.text, id, `the imported or declared value ${id.text}`);
    if (this.inProgress.has(decl)) return this.ctx.sizeSymbol(id.text, id, `the size of ${id.text}`);
    const home = t.isVariableDeclaration(decl) ? this.loops.enclosingFunction(decl) : undefined;
    const returned = home && home !== this.loops.enclosingFunction(site) ? this.inlinedReturns.get(home) : undefined;
    if (returned && this.writtenInUnboundLoop(decl, id.text, home!)) return this.ctx.sizeSymbol(`${id.text}@${this.ctx.line(decl)}`, id, `what the builder's ${id.text} holds: it is filled in a loop whose count is not a constant (not bound to the call's arguments)`);
    this.inProgress.add(decl);
    try {
      return this.variableSize(decl, id.text, returned ?? site);
    } finally {
      this.inProgress.delete(decl);
    }
  }

  /**
   * A builder's own variable used in a loop of the builder that does not run a constant number of
   * times: that count is the builder's (`for (let i = 0; i < n; i++) out.push(x)`), in its own
   * parameters, which inlining binds by size only, never by value; read at the caller it would be
   * the caller's symbol of that name, so the variable is not sized by its writes.
   */
  private writtenInUnboundLoop(decl: ts.Node, name: string, home: ts.Node): boolean {
    return this.scopes.referencesTo(decl, name).some((r) => this.loops.around(r).some((l) => this.loops.enclosingFunction(l.node) === home && !l.trip.isConstant()));
  }

  /**
   * Sized at a call of the function it is a parameter of (what a helper pushes, added at its call,
   * see Writes.grownByCallee): the call's argument.
   */
  private boundAtCall(decl: ts.Node, site: ts.Node): Size | undefined {
    const t = this.ts;
    // `for (const r of rs) h.push(r)` in the callee: r is one element of the argument given for rs.
    const loop = t.isVariableDeclaration(decl) && t.isVariableDeclarationList(decl.parent) && t.isForOfStatement(decl.parent.parent) ? decl.parent.parent : undefined;
    const over = loop && t.isIdentifier(this.constants.skipTrivia(loop.expression)) ? this.scopes.resolve(this.constants.skipTrivia(loop.expression) as ts.Identifier) : undefined;
    if (over && t.isParameter(over) && t.isCallExpression(site) && !this.inProgress.has(decl)) {
      const arg = this.argumentFor(over, site);
      if (!arg) return undefined;
      this.inProgress.add(decl);
      try {
        return this.parts.collections.elementSize(arg, site);
      } finally {
        this.inProgress.delete(decl);
      }
    }
    if (!t.isParameter(decl) || !t.isCallExpression(site) || this.inProgress.has(decl)) return undefined;
    const fn = decl.parent;
    const i = fn.parameters.indexOf(decl);
    const arg = site.arguments[i];
    if (!arg || t.isSpreadElement(arg) || decl.dotDotDotToken || this.constants.calledFunction(site) !== fn) return undefined;
    this.inProgress.add(decl);
    try {
      return this.sizeOf(arg, site);
    } finally {
      this.inProgress.delete(decl);
    }
  }

  /** The argument `call` passes for the parameter `p`, when `call` calls p's function. */
  private argumentFor(p: ts.ParameterDeclaration, call: ts.CallExpression): ts.Expression | undefined {
    const fn = p.parent;
    const arg = call.arguments[fn.parameters.indexOf(p)];
    return arg && !this.ts.isSpreadElement(arg) && !p.dotDotDotToken && this.constants.calledFunction(call) === fn ? arg : undefined;
  }

  private isReassigned(decl: ts.Node, name: string): boolean {
    return this.parts.writes.writesOf(decl, name).some((w) => w.kind !== "rewrite");
  }

  /** The size a declaration starts with: its initializer, or a size symbol for a parameter or opaque value. */
  declarationBaseSize(decl: ts.Node, name: string, site: ts.Node): Size {
    const t = this.ts;
    if (t.isVariableDeclaration(decl) && decl.initializer) {
      const init = this.constants.skipTrivia(decl.initializer);
      // A value from outside (a file read, a query, a call we do not see into) is an input: |name|.
      const local = t.isCallExpression(init) ? this.localConverted(init) : undefined;
      if (local) return this.convertedSizes(this.ctx.sizeSymbol(name, decl, `the size of ${name} (${this.ctx.text(init)}) besides what it converts`), local, site);
      if (t.isCallExpression(init) && !this.llmCall(init) && !this.isKnownShape(init)) return this.ctx.sizeSymbol(name, decl, `the size of ${name} (${this.ctx.text(init)})`);
      // `const messages = await toResponseMessages({ content })`: named as before, with the argument it converts.
      const converted = t.isCallExpression(init) ? this.ctx.copiedArgument(init) : undefined;
      if (converted?.built) return this.convertedSize(this.ctx.sizeSymbol(name, decl, `the size of ${name} (${this.ctx.text(init)}) besides what it converts`), converted.arg, site);
      return this.sizeOf(decl.initializer, site);
    }
    if (t.isParameter(decl) && decl.type && this.parts.collections.isArrayType(decl.type)) {
      // A collection parameter: its length times the size of one element.
      const count = this.symbols.define({ name: `|${name}|`, kind: "count", line: this.ctx.line(decl), origin: `the number of elements of the parameter ${name}` });
      return { ...this.ctx.sizeSymbol(`${name}[]`, decl, `the size of one element of ${name}`), poly: Poly.symbol(count).mul(Poly.symbol(`|${name}[]|`)) };
    }
    // `const { messages } = await req.json()`: that field of the request's body, |req.messages| (a fetch of the route sizes it as the field it sends).
    const whole = t.isBindingElement(decl) && t.isObjectBindingPattern(decl.parent) && t.isVariableDeclaration(decl.parent.parent) ? decl.parent.parent.initializer : undefined;
    const body = whole && this.constants.skipTrivia(whole);
    const field = t.isBindingElement(decl) ? (decl.propertyName ?? decl.name) : undefined;
    if (body && field && t.isIdentifier(field) && t.isCallExpression(body) && this.isRequestBody(body)) {
      const request = ((body.expression as ts.PropertyAccessExpression).expression as ts.Identifier).text;
      return this.ctx.sizeSymbol(`${request}.${field.text}`, decl, `the size of the field ${field.text} of the request's body`);
    }
    if (t.isBindingElement(decl) || t.isParameter(decl)) {
      // A loop variable named after its source element: `for (const turn of turns)` → |turn|.
      return this.ctx.sizeSymbol(name, decl, t.isParameter(decl) ? `the size of the parameter ${name}` : `the size of ${name}`);
    }
    if (t.isVariableDeclaration(decl)) return t.isVariableDeclarationList(decl.parent) && decl.parent.parent && (t.isForOfStatement(decl.parent.parent) || t.isForInStatement(decl.parent.parent)) ? this.ctx.sizeSymbol(name, decl, `the size of one element ${name}`) : ZERO;
    return this.ctx.sizeSymbol(name, decl, `the size of ${name}`);
  }

  /** Calls whose result size follows from their arguments (string and array helpers). */
  private isKnownShape(call: ts.CallExpression): boolean {
    const t = this.ts;
    const c = call.expression;
    if (this.ctx.heldCollection(call) || this.parts.collections.copiedCollection(call) || this.ctx.copiedArgument(call) || this.parts.collections.projectSources(call)) return true;
    if (this.isRequestBody(call)) return true;
    if (t.isPropertyAccessExpression(c)) {
      const m = c.name.text;
      return SAME_SIZE.has(m) || NARROWING.has(m) || ["slice", "substring", "substr", "map", "flatMap"].includes(m) || (t.isIdentifier(c.expression) && c.expression.text === "JSON");
    }
    return t.isIdentifier(c) && ["String", "structuredClone"].includes(c.text);
  }

  /**
   * `state.history` of a variable or parameter whose field the code grows (`state.history.push(answer)`
   * in a turn loop, the field sent whole): what it starts with (the object literal's value, else
   * `|state.history|`), plus every growth that reaches the site, as for a variable.
   */
  private localFieldSize(decl: ts.Node, root: string, e: ts.PropertyAccessExpression, initial: ts.Expression | undefined, site: ts.Node): Size | undefined {
    const t = this.ts;
    if (!(t.isVariableDeclaration(decl) || t.isParameter(decl) || t.isBindingElement(decl)) || this.inProgress.has(e)) return undefined;
    // The field's own writes (`state.history.push(x)`, `state.history = []`), and the grows of it a
    // helper handed `state` makes (`addResult(state, r)`, see Writes.grownByCallee).
    const own = this.parts.writes.fieldWritesOf(decl, root, e.name.text);
    const seen = new Set(own.map((w) => w.node));
    const writes = [...own, ...this.parts.writes.writesOf(decl, root).filter((w) => w.kind === "grow" && w.field === e.name.text && !seen.has(w.node))];
    if (!writes.some((w) => w.kind === "grow")) return undefined;
    const name = `${root}.${e.name.text}`;
    this.inProgress.add(e);
    try {
      const base = initial ? this.sizeOf(initial, site) : this.ctx.sizeSymbol(name, e, `the size of ${name} before`);
      return this.parts.accumulation.accumulated(decl, name, site, base, (w) => (w.outputOf ? this.parts.outputs.outputOf(w.outputOf) : repeated(combine((w.delta ?? []).map((d) => this.sizeOf(d, w.node))), w)), (d) => this.sizeOf(d, site), writes);
    } finally {
      this.inProgress.delete(e);
    }
  }

  /**
   * `await req.json()` in a route handler `POST(req: Request)`: the body the request carries, the
   * size of the parameter (a `fetch` of the route passes its body as that argument).
   */
  private isRequestBody(call: ts.CallExpression): boolean {
    const t = this.ts;
    const c = call.expression;
    if (!t.isPropertyAccessExpression(c) || !REQUEST_BODY.has(c.name.text) || call.arguments.length || !t.isIdentifier(c.expression)) return false;
    const decl = this.scopes.resolve(c.expression);
    return !!decl && t.isParameter(decl) && !!decl.type && t.isTypeReferenceNode(decl.type) && t.isIdentifier(decl.type.typeName) && REQUEST_TYPES.has(decl.type.typeName.text);
  }

  /** A variable's size at the site: what it starts with, plus every growth that reaches the site. */
  private variableSize(decl: ts.Node, name: string, site: ts.Node): Size {
    return this.parts.accumulation.accumulated(decl, name, site, this.declarationBaseSize(decl, name, site), (w) => combine([...(w.outputOf ? [this.parts.outputs.outputOf(w.outputOf)] : []), repeated(combine((w.delta ?? []).map((d) => this.sizeOf(d, w.node))), w)]), (d) => this.sizeOf(d, site));
  }
}
