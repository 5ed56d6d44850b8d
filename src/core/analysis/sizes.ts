// Sizes in tokens of the values that reach a call's prompt, and how they grow. The size of a value
// at a call site is an upper bound over all executions of that site; an accumulator declared
// outside a loop and grown inside it contributes (growth per iteration) × (iterations so far), so
// a b-turn loop that re-sends its history costs Θ(b²·δ) in all (paper §3.2.1).
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import type { Constants } from "../binder/constants";
import type { LlmCall } from "../binder/provenance";
import type { Scopes, TS } from "../binder/scopes";
import { outputSymbol, type Defined, type SymbolTable } from "../symbols";
import { countTokens, tokensInCharacters } from "../tokens";
import type { LoopInfo, Loops } from "./loops";
import { combine, constant, factsOf, indexSymbol, meanOf, sizeAtIteration, strongerGrowth, withMean, ZERO, type Growth, type Size } from "./sizeValues";
import { substitute, type Summary } from "./summary";
import { lineRef } from "../lineRefs";

/** Elements the growing writes add in one round of each (`push(a, b)` adds two). */
function elementsAdded(writes: readonly Write[]): number {
  return writes.filter((w) => w.kind === "grow").reduce((n, w) => n + (w.delta?.length ?? 1), 0);
}

/** Methods that return (about) the same text or collection as their receiver. */
const SAME_SIZE = new Set(["trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "toString", "normalize", "replace", "replaceAll", "join", "concat", "reverse", "toReversed", "sort", "toSorted", "flat", "padStart", "padEnd", "valueOf", "split", "entries", "values"]);
const NARROWING = new Set(["filter", "find", "findLast", "at"]);
/** `id`, `uuid`, `userId`, `ticket_id`: properties holding an identifier. */
const ID_PROPERTY = /^(id|uuid|guid|[A-Za-z]+Id|[a-z]+_id)$/;
/** Tokens of an identifier (`resp_abc123`, `4821`): a few (a UUID in hex is more, a number fewer). */
const ID_TOKENS = 4;
/** Properties of a model's result that hold the whole conversation, input included. */
const HISTORY_PROPERTIES = new Set(["history", "messages", "responseMessages", "conversation"]);

interface Write {
  readonly node: ts.Node;
  readonly kind: "grow" | "reset" | "window" | "reassign" | "rewrite";
  readonly delta?: ts.Expression[];
  /** For "grow" by a result's history: the call whose output is added. */
  readonly outputOf?: ts.CallExpression;
  readonly cap?: number;
  readonly conditional: boolean;
}

export class Sizes {
  private readonly inProgress = new Set<ts.Node>();
  private readonly inProgressFields = new Set<string>();
  /** Parameters of a builder being inlined, sized as the arguments of the call being sized. */
  private readonly bound = new Map<ts.Node, Size>();
  /** Memos whose results hold symbols keep their definitions, to repeat for each reader (SymbolTable.record). */
  private readonly writesMemo = new Map<ts.Node, { readonly writes: Write[]; defined: Defined }>();
  private readonly sourcesMemo = new Map<ts.CallExpression, Set<ts.Node>>();
  private readonly outputMemo = new Map<ts.CallExpression, { readonly value: Size; readonly defined: Defined }>();

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
    private readonly loops: Loops,
    private readonly symbols: SymbolTable,
    private readonly llmCall: (call: ts.CallExpression) => LlmCall | undefined,
    private readonly modelName: (call: LlmCall) => string | null,
  ) {}

  private line(n: ts.Node): number {
    return this.scopes.sourceFile.getLineAndCharacterOfPosition(n.getStart(this.scopes.sourceFile)).line + 1;
  }

  private text(n: ts.Node): string {
    const s = n.getText(this.scopes.sourceFile).replace(/\s+/g, " ");
    return s.length > 50 ? `${s.slice(0, 47)}…` : s;
  }

  private sizeSymbol(name: string, at: ts.Node, origin: string): Size {
    const sym = this.symbols.define({ name: `|${name}|`, kind: "size", line: this.line(at), origin });
    return { ...ZERO, poly: Poly.symbol(sym) };
  }

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
    const fixed = this.staticTokens(e, 0);
    if (fixed !== undefined) return constant(Math.max(1, fixed));
    if (t.isIdentifier(e)) return e.text === "undefined" ? ZERO : this.identifierSize(e, site);
    if (t.isArrayLiteralExpression(e)) return combine(e.elements.map((x) => (t.isSpreadElement(x) ? this.sizeOf(x.expression, site) : this.sizeOf(x, site))));
    if (t.isObjectLiteralExpression(e)) {
      return combine(
        e.properties.filter((p) => !this.isMessageRole(p)).map((p) => {
          if (t.isPropertyAssignment(p)) return this.sizeOf(p.initializer, site);
          if (t.isShorthandPropertyAssignment(p)) return this.sizeOf(p.name, site);
          if (t.isSpreadAssignment(p)) return this.sizeOf(p.expression, site);
          return ZERO;
        }),
      );
    }
    if (t.isConditionalExpression(e)) return combine([this.sizeOf(e.whenTrue, site), this.sizeOf(e.whenFalse, site)]);
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
    return this.sizeSymbol(this.loops.baseName(e), e, `the size of ${this.text(e)}`);
  }

  /** A message's `role` (`{ role: "user", content }`): framing the API adds per message, not prompt text. */
  private isMessageRole(p: ts.ObjectLiteralElementLike): boolean {
    const t = this.ts;
    return (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && t.isIdentifier(p.name) && p.name.text === "role";
  }

  /**
   * Tokens of a value fixed in the code (literals, consts holding literal tables, keys or members of
   * them): an upper bound, the sum of every string the value could come from. Undefined otherwise.
   */
  private staticTokens(e: ts.Expression, depth: number): number | undefined {
    const t = this.ts;
    if (depth > 16) return undefined;
    const x = this.constants.skipTrivia(e);
    if (t.isStringLiteral(x) || t.isNoSubstitutionTemplateLiteral(x)) return countTokens(x.text);
    if (t.isNumericLiteral(x) || x.kind === t.SyntaxKind.TrueKeyword || x.kind === t.SyntaxKind.FalseKeyword || x.kind === t.SyntaxKind.NullKeyword) return 1;
    const all = (parts: readonly ts.Expression[]): number | undefined => {
      let sum = 0;
      for (const p of parts) {
        const v = this.staticTokens(p, depth + 1);
        if (v === undefined) return undefined;
        sum += v;
      }
      return sum;
    };
    if (t.isIdentifier(x)) {
      const decl = this.scopes.resolve(x);
      if (!decl || !this.constants.isConstDeclaration(decl) || !t.isVariableDeclaration(decl) || !decl.initializer) return undefined;
      // A const array that is pushed into is not fixed.
      return this.writesOf(decl, x.text).length === 0 ? this.staticTokens(decl.initializer, depth + 1) : undefined;
    }
    if (t.isArrayLiteralExpression(x)) return all(x.elements.map((el) => (t.isSpreadElement(el) ? el.expression : el)));
    if (t.isObjectLiteralExpression(x)) {
      const parts: ts.Expression[] = [];
      for (const p of x.properties) {
        if (this.isMessageRole(p)) continue;
        if (t.isPropertyAssignment(p)) parts.push(p.initializer);
        else if (t.isShorthandPropertyAssignment(p)) parts.push(p.name);
        else if (t.isSpreadAssignment(p)) parts.push(p.expression);
        else return undefined;
      }
      return all(parts);
    }
    if (t.isTemplateExpression(x)) {
      const spans = all(x.templateSpans.map((sp) => sp.expression));
      return spans === undefined ? undefined : spans + countTokens(x.head.text + x.templateSpans.map((sp) => sp.literal.text).join(""));
    }
    // A member of a literal table, whatever the key: bounded by the whole table.
    if (t.isPropertyAccessExpression(x) || t.isElementAccessExpression(x)) return this.staticTokens(x.expression, depth + 1);
    if (t.isBinaryExpression(x) && [t.SyntaxKind.QuestionQuestionToken, t.SyntaxKind.BarBarToken, t.SyntaxKind.PlusToken].includes(x.operatorToken.kind)) return all([x.left, x.right]);
    if (t.isConditionalExpression(x)) return all([x.whenTrue, x.whenFalse]);
    if (t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression)) {
      const recv = x.expression.expression;
      if (t.isIdentifier(recv) && recv.text === "Object" && x.arguments[0]) return this.staticTokens(x.arguments[0], depth + 1);
      if (SAME_SIZE.has(x.expression.name.text) || NARROWING.has(x.expression.name.text) || x.expression.name.text === "slice") {
        const r = this.staticTokens(recv, depth + 1);
        const args = all(x.arguments.filter((a) => !t.isFunctionLike(a)) as ts.Expression[]);
        return r === undefined || args === undefined ? undefined : r + args;
      }
    }
    return undefined;
  }

  private callSize(e: ts.CallExpression, site: ts.Node): Size {
    const t = this.ts;
    const llm = this.llmCall(e);
    if (llm) return this.outputOf(e);
    const callee = e.expression;
    if (t.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const recv = callee.expression;
      if (t.isIdentifier(recv) && recv.text === "JSON" && method === "stringify" && e.arguments[0]) return this.sizeOf(e.arguments[0], site);
      if (method === "slice" || method === "substring" || method === "substr") return this.sliceSize(e, recv, site);
      if (method === "concat") return combine([this.sizeOf(recv, site), ...e.arguments.map((a) => this.sizeOf(t.isSpreadElement(a) ? a.expression : a, site))]);
      if (SAME_SIZE.has(method)) return this.sizeOf(recv, site);
      if (NARROWING.has(method)) return { ...this.elementOrWhole(recv, site, method === "filter"), tight: false };
      if (method === "map" || method === "flatMap") return this.mappedSize(e, recv, site);
    }
    if (t.isIdentifier(callee) && ["String", "structuredClone"].includes(callee.text) && e.arguments[0]) return this.sizeOf(e.arguments[0], site);
    const local = this.constants.localFunctionOf(e);
    if (local && !this.inProgress.has(local.fn)) return this.inlinedSize(e, local.fn, local.returns, site);
    if (t.isIdentifier(callee) && callee.text === "Array" && e.arguments.length === 0) return ZERO;
    return this.sizeSymbol(`${this.loops.baseName(callee)}()`, e, `the result of ${this.text(e)}, which the analysis does not see into`);
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
    try {
      return this.sizeOf(returns, site);
    } finally {
      for (const [p] of bindings) this.bound.delete(p);
      this.inProgress.delete(fn);
    }
  }

  /** `xs.map(x => `…${x}…`)`: one callback result per element. */
  private mappedSize(e: ts.CallExpression, recv: ts.Expression, site: ts.Node): Size {
    const t = this.ts;
    const fn = e.arguments[0];
    // A mapped copy of an array that grows (`history.map(m => ({ role, content }))`) grows with it.
    const whole = this.isGrowingLocal(recv) ? this.sizeOf(recv, site) : undefined;
    if (whole && whole.growth !== "none") return { ...whole, tight: false };
    const count = this.loops.collection(recv);
    if (fn && (t.isArrowFunction(fn) || t.isFunctionExpression(fn))) {
      const body = t.isBlock(fn.body) ? fn.body.statements.find(t.isReturnStatement)?.expression : fn.body;
      if (body) {
        const each = this.sizeOf(body, site);
        return { ...each, poly: count.trip.mul(each.poly) };
      }
    }
    return this.sizeOf(recv, site);
  }

  /** `s.slice(0, 200)` is constant; `history.slice(-8)` keeps a window of 8 elements. */
  private sliceSize(e: ts.CallExpression, recv: ts.Expression, site: ts.Node): Size {
    const [a, b] = e.arguments;
    const start = this.constants.number(a);
    const end = b ? this.constants.number(b) : undefined;
    let n: number | undefined;
    if (start !== undefined && start < 0 && !b) n = -start;
    else if (start !== undefined && end !== undefined && end >= start) n = end - start;
    if (n === undefined) return { ...this.sizeOf(recv, site), tight: false };
    if (this.isArrayLike(recv)) {
      const el = this.elementOrWhole(recv, site, false);
      const filling = start !== undefined && start < 0 && !b ? this.windowFilling(recv, n, site) : undefined;
      const sized = withMean({ ...el, poly: el.poly.scale(n), growth: "none", notes: [...el.notes, `${this.text(e)} keeps at most ${n} elements`] }, meanOf(el).scale(n));
      return filling ? { ...sized, filling, notes: [...sized.notes, `the window fills after ${filling.filledAfter} iterations: the first ones send fewer than ${n} elements`] } : sized;
    }
    // A string slice: n characters (CHARACTERS_PER_TOKEN to a token); constant either way.
    return { ...constant(tokensInCharacters(n)), notes: [`${this.text(e)} is at most ${n} characters (${tokensInCharacters(n)} tokens): constant`] };
  }

  /**
   * `history.slice(-W)` of a history that starts empty and grows by pushes in the one loop around
   * the site: at iteration i it holds E_i = i·R + (pushed before the site) elements,
   * so the window is not full while E_i < W. What a full window each time counts too many over
   * those first iterations: each push's elements present then ((i + [before the site])·k) against
   * its share of a full window. Undefined for any other shape.
   */
  private windowFilling(recv: ts.Expression, W: number, site: ts.Node): Size["filling"] {
    const t = this.ts;
    const x = this.constants.skipTrivia(recv);
    const decl = t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !t.isIdentifier(x)) return undefined;
    const init = this.constants.skipTrivia(decl.initializer);
    if (!t.isArrayLiteralExpression(init) || init.elements.length > 0) return undefined;
    const declLoops = new Set(this.loops.around(decl).map((l) => l.node));
    const loops = this.loops.around(site).filter((l) => !declLoops.has(l.node));
    if (loops.length !== 1 || !loops[0]!.exact) return undefined;
    const loop = loops[0]!.node;
    const writes = this.writesOf(decl, x.text);
    if (writes.length === 0 || writes.some((w) => w.kind !== "grow" || w.conditional || !w.delta || this.loops.around(w.node).filter((l) => !declLoops.has(l.node)).map((l) => l.node).join() !== [loop].join())) return undefined;
    const pushes = writes.map((w) => ({ k: w.delta!.length, before: w.node.pos < site.pos ? 1 : 0, size: Poly.sum(w.delta!.map((d) => meanOf(this.sizeOf(d, w.node)))) }));
    const R = pushes.reduce((s, p) => s + p.k, 0);
    const b = pushes.reduce((s, p) => s + p.before * p.k, 0);
    const filledAfter = Math.max(0, Math.ceil((W - b) / R));
    if (filledAfter === 0) return undefined;
    // A full window: each push's share of W (as the mean above counts it).
    const perElement = Poly.sum(pushes.map((p) => p.size)).scale(1 / R);
    let excess = Poly.zero;
    for (let i = 0; i < filledAfter; i++) {
      const present = Poly.sum(pushes.map((p) => p.size.scale(i + p.before)));
      excess = excess.add(perElement.scale(W).add(present.scale(-1)));
    }
    return { excess: excess.dropZeros(), filledAfter };
  }

  /** A local variable (or parameter) that some write in its scope grows. */
  private isGrowingLocal(e: ts.Expression): boolean {
    const x = this.constants.skipTrivia(e);
    if (!this.ts.isIdentifier(x)) return false;
    const decl = this.scopes.resolve(x);
    return !!decl && (this.ts.isVariableDeclaration(decl) || this.ts.isParameter(decl)) && this.writesOf(decl, x.text).some((w) => w.kind === "grow");
  }

  private isArrayLike(e: ts.Expression): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isArrayLiteralExpression(x)) return true;
    if (!t.isIdentifier(x) && !t.isPropertyAccessExpression(x)) return false;
    if (t.isPropertyAccessExpression(x)) return false;
    const decl = this.scopes.resolve(x);
    if (!decl) return false;
    if ((t.isVariableDeclaration(decl) || t.isParameter(decl)) && decl.type) return this.isArrayType(decl.type);
    if (t.isVariableDeclaration(decl) && decl.initializer) return t.isArrayLiteralExpression(this.constants.skipTrivia(decl.initializer));
    return false;
  }

  isArrayType(type: ts.TypeNode): boolean {
    const t = this.ts;
    if (t.isTypeOperatorNode(type)) return this.isArrayType(type.type);
    return t.isArrayTypeNode(type) || t.isTupleTypeNode(type) || (t.isTypeReferenceNode(type) && /^(Readonly)?Array$/.test(type.typeName.getText(this.scopes.sourceFile)));
  }

  /** The size of one element of a collection. */
  elementSize(recv: ts.Expression, site: ts.Node): Size {
    return this.elementOrWhole(recv, site, false);
  }

  /** The size of one element of a collection (or of the whole, for strings). */
  private elementOrWhole(recv: ts.Expression, site: ts.Node, whole: boolean): Size {
    const t = this.ts;
    const x = this.constants.skipTrivia(recv);
    if (whole) return this.sizeOf(recv, site);
    // `xs.map((x) => [new HumanMessage(x)])`: one element is what the callback returns for one x.
    if (t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && x.expression.name.text === "map") {
      const fn = x.arguments[0];
      const body = fn && (t.isArrowFunction(fn) || t.isFunctionExpression(fn)) ? (t.isBlock(fn.body) ? fn.body.statements.find(t.isReturnStatement)?.expression : fn.body) : undefined;
      if (body) return this.sizeOf(body, site);
    }
    // An array literal: any of its elements (their sum bounds the largest).
    if (t.isArrayLiteralExpression(x)) return combine(x.elements.map((el) => (t.isSpreadElement(el) ? this.elementOrWhole(el.expression, site, false) : this.sizeOf(el, site))));
    if (t.isIdentifier(x)) {
      const decl = this.scopes.resolve(x);
      if (decl && t.isVariableDeclaration(decl) && decl.initializer && t.isArrayLiteralExpression(this.constants.skipTrivia(decl.initializer))) {
        if (this.inProgress.has(decl)) return this.sizeSymbol(`${x.text}[]`, recv, `the size of one element of ${x.text}`);
        this.inProgress.add(decl);
        try {
          const writes = this.writesOf(decl, x.text);
          const parts = writes.filter((w) => w.kind === "grow").flatMap((w) => (w.outputOf ? [this.outputOf(w.outputOf)] : (w.delta ?? []).map((d) => this.sizeOf(d, w.node))));
          const any = combine([this.elementOrWhole(decl.initializer, site, false), ...parts]);
          // Their sum bounds the largest element; an element of a long history is on average one
          // of what each round pushes (a question or an answer).
          return parts.length ? withMean(any, Poly.sum(parts.map(meanOf)).scale(1 / parts.length)) : any;
        } finally {
          this.inProgress.delete(decl);
        }
      }
    }
    return this.sizeSymbol(`${this.loops.baseName(recv)}[]`, recv, `the size of one element of ${this.text(recv)}`);
  }

  private accessSize(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, site: ts.Node): Size {
    const t = this.ts;
    if (t.isPropertyAccessExpression(e) && e.name.text === "length") return constant(1);
    // `t.id`, `user.userId`: an identifier is a short value of constant size, not a text.
    if (t.isPropertyAccessExpression(e) && ID_PROPERTY.test(e.name.text)) return { ...constant(ID_TOKENS), notes: [`${this.text(e)} is an id: about ${ID_TOKENS} tokens`] };
    const producer = this.producingCall(e);
    if (producer) return this.outputOf(producer);
    if (t.isElementAccessExpression(e)) {
      const idx = this.constants.string(e.argumentExpression);
      if (idx === undefined) return this.elementOrWhole(e.expression, site, false);
    }
    if (t.isPropertyAccessExpression(e) && e.expression.kind === t.SyntaxKind.ThisKeyword) {
      const field = this.fieldSize(e, site);
      if (field) return field;
    }
    // A field of a local object literal: the size of what was put there.
    const root = this.constants.skipTrivia(e.expression);
    if (t.isPropertyAccessExpression(e) && t.isIdentifier(root)) {
      const field = this.constants.property(this.constants.objectLiteral(root), [e.name.text]);
      if (field) return this.sizeOf(field, site);
      const decl = this.scopes.resolve(root);
      if (decl && t.isBindingElement(decl)) return this.sizeSymbol(`${root.text}.${e.name.text}`, e, `the size of ${this.text(e)}`);
    }
    if (t.isElementAccessExpression(e)) return this.elementOrWhole(e.expression, site, false);
    return this.sizeSymbol(this.loops.baseName(e), e, `the size of ${this.text(e)}`);
  }

  /**
   * `this.history`: a field that the class's methods grow. At a call inside a method it holds what
   * this invocation added plus what every earlier invocation on the same instance added:
   * `calls[Class]` of them, which a caller's loop fills in.
   */
  private fieldSize(e: ts.PropertyAccessExpression, site: ts.Node): Size | undefined {
    const t = this.ts;
    let cls: ts.Node | undefined = e.parent;
    while (cls && !t.isClassLike(cls)) cls = cls.parent;
    if (!cls || !t.isClassLike(cls)) return undefined;
    const name = e.name.text;
    const key = `${cls.pos}:${name}`;
    if (this.inProgressFields.has(key)) return this.sizeSymbol(name, e, `the size of this.${name}`);
    const isSelf = (n: ts.Node): boolean => t.isPropertyAccessExpression(n) && n.expression.kind === t.SyntaxKind.ThisKeyword && n.name.text === name;
    const refs: ts.PropertyAccessExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (isSelf(n)) refs.push(n as ts.PropertyAccessExpression);
      t.forEachChild(n, visit);
    };
    visit(cls);
    const member = cls.members.find((m) => t.isPropertyDeclaration(m) && m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === name) as ts.PropertyDeclaration | undefined;
    const writes = refs.flatMap((r) => this.classifyWrite(r, member ?? cls!, isSelf) ?? []);
    if (!writes.some((w) => w.kind === "grow")) return undefined;
    this.inProgressFields.add(key);
    try {
      const siteFn = this.loops.enclosingFunction(site);
      const className = (cls as ts.ClassLikeDeclaration).name?.text ?? "<class>";
      const freshEachCall = writes.some((w) => w.kind === "reset" && !w.conditional && this.loops.enclosingFunction(w.node) === siteFn && w.node.pos < site.pos);
      const invocations = Poly.symbol(this.symbols.define({ name: `calls[${className}]`, kind: "count", line: this.line(cls), origin: `calls of ${className}'s methods on one instance so far` }));
      const window = writes.find((w) => w.kind === "window");
      const parts: Size[] = [member?.initializer ? this.sizeOf(member.initializer, site) : ZERO];
      for (const w of writes) {
        if (w.kind !== "grow") continue;
        const sameCall = this.loops.enclosingFunction(w.node) === siteFn && w.node.pos < site.pos;
        if (freshEachCall && !sameCall) continue;
        const delta = combine((w.delta ?? []).map((d) => this.sizeOf(d, w.node)));
        const grown = this.accumulate(`this.${name}`, w, delta, this.loops.around(w.node), window, site, elementsAdded(writes));
        if (window || freshEachCall) parts.push(grown);
        else {
          const kind: Growth = delta.fromRewrite ? "rewrite" : delta.fromOutput ? "output" : "constant";
          // Exactly: each earlier invocation added all it grows; this one, what it added before the site.
          const mean = grown.poly.mul(invocations).add(sameCall ? meanOf(grown) : Poly.zero);
          const at = grown.poly.mul(invocations).add(sameCall ? sizeAtIteration(grown) : Poly.zero);
          parts.push(withMean({ ...grown, poly: grown.poly.mul(invocations), tight: false, growth: strongerGrowth(grown.growth, kind), notes: [...grown.notes, `this.${name} grows at line ${lineRef(this.line(w.node))} and keeps growing across calls of ${className}'s methods (calls[${className}])`] }, mean, at));
        }
      }
      return combine(parts);
    } finally {
      this.inProgressFields.delete(key);
    }
  }

  /** The LLM call whose result an expression reads (`res.choices[0].message.content`, `{ text }`). */
  producingCall(expr: ts.Expression, depth = 0): ts.CallExpression | undefined {
    const t = this.ts;
    if (depth > 6) return undefined;
    let e = this.constants.skipTrivia(expr);
    for (;;) {
      if (t.isPropertyAccessExpression(e) || t.isElementAccessExpression(e)) e = this.constants.skipTrivia(e.expression);
      else if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && !this.llmCall(e)) e = this.constants.skipTrivia(e.expression.expression);
      else break;
    }
    if (t.isCallExpression(e)) return this.llmCall(e) ? e : undefined;
    if (!t.isIdentifier(e)) return undefined;
    let decl = this.scopes.resolve(e);
    while (decl && t.isBindingElement(decl)) decl = decl.parent.parent;
    // `const first = r.content[0]; … first.text`: a part of an answer is the answer.
    if (decl && t.isVariableDeclaration(decl) && decl.initializer && this.constants.isConstDeclaration(decl)) return this.producingCall(decl.initializer, depth + 1);
    if (decl && t.isVariableDeclaration(decl) && decl.initializer) {
      const init = this.constants.skipTrivia(decl.initializer);
      if (t.isCallExpression(init) && this.llmCall(init)) return init;
    }
    return undefined;
  }

  /** Output tokens of one execution of an LLM call. */
  outputOf(call: ts.CallExpression): Size {
    return this.symbols.memo(this.outputMemo, call, (c) => this.outputOnce(c));
  }

  private outputOnce(call: ts.CallExpression): Size {
    const llm = this.llmCall(call)!;
    let out: Size;
    const cap = llm.maxTokens ? this.constants.number(llm.maxTokens) : undefined;
    const rewritten = this.rewriteTarget(call);
    if (llm.summary && !rewritten) {
      // A wrapper returns one answer: its summary's result, in the sizes of this call's arguments.
      out = { ...ZERO, poly: substitute(llm.summary.result, this.argumentValues(llm, llm.summary)), tight: llm.summary.tight, fromOutput: true };
    } else if (cap !== undefined) {
      out = { ...constant(cap), fromOutput: true, notes: [`output of line ${lineRef(this.line(call))} is capped at ${cap} tokens: Θ(1)`] };
    } else if (rewritten) {
      // While the base is sized, the answer assigned back stands for itself.
      this.outputMemo.set(call, { value: { ...this.sizeSymbol(rewritten.name, rewritten.decl, `the size of ${rewritten.name}`), fromOutput: true }, defined: { own: new Map(), offered: new Map() } });
      const base = this.declarationBaseSize(rewritten.decl, rewritten.name, call);
      out = { ...base, growth: "none", fromOutput: true, fromRewrite: true, notes: [`line ${lineRef(this.line(call))} rewrites ${rewritten.name} whole (its answer is assigned back to ${rewritten.name}), so its output is Θ(|${rewritten.name}|)`] };
    } else if (llm.maxTokens) {
      out = { ...this.sizeOf(llm.maxTokens, call), fromOutput: true };
    } else {
      const model = this.modelName(llm);
      const sym = this.symbols.define({ name: outputSymbol(model), kind: "output", line: this.line(call), origin: `output length of ${model ?? "the model"} with no output cap` });
      out = { ...ZERO, poly: Poly.symbol(sym), fromOutput: true, notes: [`output of line ${lineRef(this.line(call))} has no max-token cap: ${sym}`] };
    }
    return out;
  }

  /**
   * The values of a summary's parameter symbols at a call: `|p|` ← the argument's size, or for a
   * collection `|p|` ← its length and `|p[]|` ← one element's size; `p` ← the argument as a count.
   */
  argumentValues(llm: LlmCall, summary: Summary, pick: (s: Size) => Poly = (s) => s.poly): Map<string, Poly> {
    const t = this.ts;
    const call = llm.node;
    const values = new Map<string, Poly>();
    // `xs.map(ask)`: each invocation gets one element of xs.
    if (llm.elementOf) {
      const p = summary.params[0];
      if (p?.name) values.set(`|${p.name}|`, pick(this.elementSize(llm.elementOf, call)));
      return values;
    }
    const args = call.arguments;
    summary.params.forEach((p, i) => {
      const arg = args[i];
      if (p.rest) {
        const rest = args.slice(i).map((a) => pick(this.sizeOf(t.isSpreadElement(a) ? a.expression : a, call)));
        if (p.name) {
          values.set(`|${p.name}|`, Poly.constant(Math.max(1, rest.length)));
          values.set(`|${p.name}[]|`, Poly.sum(rest));
        }
        return;
      }
      if (!arg && p.defaultValue && p.name) {
        values.set(`|${p.name}|`, p.defaultValue.size);
        values.set(p.name, p.defaultValue.count);
        return;
      }
      if (!arg || t.isSpreadElement(arg)) return;
      for (const f of p.fields) {
        const field = this.constants.property(arg, [f]);
        values.set(`|${f}|`, pick(this.sizeOf(field ?? arg, call)));
      }
      if (!p.name) return;
      if (p.array || this.isArrayLike(arg)) {
        values.set(`|${p.name}|`, this.countOf(arg, call) ?? this.loops.collection(arg).trip);
        values.set(`|${p.name}[]|`, pick(this.elementSize(arg, call)));
      } else values.set(`|${p.name}|`, pick(this.sizeOf(arg, call)));
      values.set(p.name, this.loops.count(arg).trip);
    });
    // Passed by reference and grown by the callee: earlier invocations in this loop added to it too
    // (what they add is in the callee's terms, so it is written in the caller's with the values above).
    const grown = new Map<string, Poly>();
    summary.params.forEach((p, i) => {
      const arg = args[i];
      if (!p.grows || !p.name || !arg || t.isSpreadElement(arg)) return;
      const earlier = this.invocationsSince(arg, call);
      const key = `|${p.name}|`;
      const who = `${summary.name}() grows ${p.name}`;
      if (p.array || this.isArrayLike(arg)) {
        grown.set(key, grownBy(key, p.grows.count, earlier, values, who));
        // What the callee pushes bounds one element too (their sum bounds the largest).
        grown.set(`|${p.name}[]|`, (values.get(`|${p.name}[]|`) ?? Poly.zero).add(substitute(p.grows.size, values)));
      } else grown.set(key, grownBy(key, p.grows.size, earlier, values, who));
    });
    for (const [k, v] of grown) values.set(k, v);
    return values;
  }

  /**
   * For each parameter the callee grows (`history.push(…)` inside it), what its earlier
   * invocations here added to the argument, on average over this call's executions: of n, the k-th
   * sees k earlier ones, so g·(n−1)/2 for g added per invocation (in this call's terms, `values`).
   */
  meanGrowthByEarlierCalls(llm: LlmCall, summary: Summary, values: ReadonlyMap<string, Poly>): Map<string, Poly> {
    const t = this.ts;
    const out = new Map<string, Poly>();
    if (llm.elementOf) return out;
    summary.params.forEach((p, i) => {
      const arg = llm.node.arguments[i];
      if (!p.grows || !p.name || !arg || t.isSpreadElement(arg)) return;
      const n = this.invocationsSince(arg, llm.node);
      // Growth in proportion to the size compounds: no such mean (the bound says why).
      if (n.isZero() || p.grows.size.degreeIn(`|${p.name}|`) > 0) return;
      out.set(p.name, substitute(p.grows.size, values).mul(n.scale(0.5).add(Poly.constant(-0.5))));
    });
    return out;
  }

  /** How many times a call has run before, since the variable passed to it was declared. */
  private invocationsSince(arg: ts.Expression, call: ts.Node): Poly {
    const t = this.ts;
    const x = this.constants.skipTrivia(arg);
    const decl = t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
    if (!decl) return Poly.zero;
    const outer = new Set(this.loops.around(decl).map((l) => l.node));
    // `for (const h of hs) f(h)`: a loop's own variable is a fresh value on every iteration.
    const declaredBy = (loop: ts.Node): boolean => decl.pos >= loop.pos && decl.end <= loop.end;
    return Poly.product(this.loops.around(call).filter((l) => !outer.has(l.node) && !declaredBy(l.node)).map((l) => l.trip));
  }

  /** Elements and tokens a function adds to a parameter it grows (`history.push(…)`), per invocation. */
  growthPerInvocation(param: ts.ParameterDeclaration, name: string, fn: ts.Node): { count: Poly; size: Poly } | undefined {
    const grows = this.writesOf(param, name).filter((w) => w.kind === "grow" && !w.outputOf && this.loops.enclosingFunction(w.node) === fn);
    if (grows.length === 0) return undefined;
    let count = Poly.zero;
    let size = Poly.zero;
    for (const w of grows) {
      const trips = Poly.product(this.loops.around(w.node).map((l) => l.trip));
      count = count.add(trips.scale((w.delta ?? []).length));
      size = size.add(trips.mul(Poly.sum((w.delta ?? []).map((d) => this.sizeOf(d, w.node).poly))));
    }
    return { count, size };
  }

  /** `code = (await fix(code)).text`: the variable an LLM call's answer replaces, when that variable is in its prompt. */
  rewriteTarget(call: ts.CallExpression): { decl: ts.Node; name: string } | undefined {
    const t = this.ts;
    const sources = this.promptSources(call);
    for (const { target, value } of this.assignmentsOfResult(call)) {
      // `history = result.response.messages` adds the answer to the history; it is not a rewrite.
      if (!t.isIdentifier(target) || this.readsHistoryProperty(this.withoutFallback(value))) continue;
      const decl = this.scopes.resolve(target);
      if (decl && sources.has(decl)) return { decl, name: target.text };
    }
    return undefined;
  }

  /** Left-hand sides of assignments whose right side reads this call's result. */
  private assignmentsOfResult(call: ts.CallExpression): { target: ts.Expression; value: ts.Expression }[] {
    const t = this.ts;
    const K = t.SyntaxKind;
    const out: { target: ts.Expression; value: ts.Expression }[] = [];
    // The result's readers, through `const answer = res.choices[0].message.content ?? x` hops.
    const readers: ts.Node[] = [call];
    const seen = new Set<ts.Node>();
    while (readers.length) {
      const r = readers.pop()!;
      let n: ts.Node = r;
      while (n.parent && (t.isPropertyAccessExpression(n.parent) || t.isElementAccessExpression(n.parent) || t.isAwaitExpression(n.parent) || t.isParenthesizedExpression(n.parent) || t.isNonNullExpression(n.parent) || (t.isBinaryExpression(n.parent) && n.parent.left === n && (n.parent.operatorToken.kind === K.QuestionQuestionToken || n.parent.operatorToken.kind === K.BarBarToken)))) {
        // `answer ?? fn`: the answer stands in for `fn`, as a replacement of the same thing.
        if (t.isBinaryExpression(n.parent) && n.parent.left === n && t.isIdentifier(this.constants.skipTrivia(n.parent.right))) out.push({ target: this.constants.skipTrivia(n.parent.right), value: n.parent });
        n = n.parent;
      }
      const p = n.parent;
      if (p && t.isBinaryExpression(p) && p.operatorToken.kind === K.EqualsToken && p.right === n) out.push({ target: p.left, value: p.right });
      if (p && t.isVariableDeclaration(p) && p.initializer === n && t.isIdentifier(p.name) && !seen.has(p) && seen.size < 8) {
        seen.add(p);
        readers.push(...this.scopes.referencesTo(p, p.name.text));
      }
    }
    return out;
  }

  /** Declarations whose values reach a call's prompt, through initialisers, pushes and assignments. */
  promptSources(call: ts.CallExpression): Set<ts.Node> {
    const memo = this.sourcesMemo.get(call);
    if (memo) return memo;
    const t = this.ts;
    const seen = new Set<ts.Node>();
    this.sourcesMemo.set(call, seen);
    const llm = this.llmCall(call);
    const work: ts.Node[] = [...(llm?.prompt ?? [])];
    while (work.length) {
      const n = work.pop()!;
      if (t.isIdentifier(n)) {
        const decl = this.scopes.resolve(n);
        if (decl && !seen.has(decl) && (t.isVariableDeclaration(decl) || t.isParameter(decl) || t.isBindingElement(decl))) {
          seen.add(decl);
          if (t.isVariableDeclaration(decl) && decl.initializer) work.push(decl.initializer);
          for (const w of this.writesOf(decl, n.text)) work.push(...(w.delta ?? []));
        }
        continue;
      }
      if (t.isFunctionLike(n)) continue;
      // An SDK call's answer comes from its prompt (and its session, when it keeps one), not from
      // the client object it is called on. A call of the user's own function may read its receiver.
      const inner = t.isCallExpression(n) ? this.llmCall(n) : undefined;
      if (inner && !inner.summary && !inner.state) work.push(...inner.prompt);
      else t.forEachChild(n, (c) => {
        work.push(c);
      });
    }
    return seen;
  }

  private identifierSize(id: ts.Identifier, site: ts.Node): Size {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    if (!decl) return this.sizeSymbol(id.text, id, `the free variable ${id.text}`);
    const bound = this.bound.get(decl);
    if (bound) return bound;
    const producer = this.producingCall(id);
    if (producer && !this.isReassigned(decl, id.text)) return this.outputOf(producer);
    if (t.isFunctionDeclaration(decl) || t.isClassDeclaration(decl) || t.isImportClause(decl) || t.isImportSpecifier(decl) || t.isNamespaceImport(decl)) return this.sizeSymbol(id.text, id, `the imported or declared value ${id.text}`);
    if (this.inProgress.has(decl)) return this.sizeSymbol(id.text, id, `the size of ${id.text}`);
    this.inProgress.add(decl);
    try {
      return this.variableSize(decl, id.text, site);
    } finally {
      this.inProgress.delete(decl);
    }
  }

  private isReassigned(decl: ts.Node, name: string): boolean {
    return this.writesOf(decl, name).some((w) => w.kind !== "rewrite");
  }

  /** The size a declaration starts with: its initializer, or a size symbol for a parameter or opaque value. */
  private declarationBaseSize(decl: ts.Node, name: string, site: ts.Node): Size {
    const t = this.ts;
    if (t.isVariableDeclaration(decl) && decl.initializer) {
      const init = this.constants.skipTrivia(decl.initializer);
      // A value from outside (a file read, a query, a call we do not see into) is an input: |name|.
      if (t.isCallExpression(init) && !this.llmCall(init) && !this.isKnownShape(init)) return this.sizeSymbol(name, decl, `the size of ${name} (${this.text(init)})`);
      return this.sizeOf(decl.initializer, site);
    }
    if (t.isParameter(decl) && decl.type && this.isArrayType(decl.type)) {
      // A collection parameter: its length times the size of one element.
      const count = this.symbols.define({ name: `|${name}|`, kind: "count", line: this.line(decl), origin: `the number of elements of the parameter ${name}` });
      return { ...this.sizeSymbol(`${name}[]`, decl, `the size of one element of ${name}`), poly: Poly.symbol(count).mul(Poly.symbol(`|${name}[]|`)) };
    }
    if (t.isBindingElement(decl) || t.isParameter(decl)) {
      // A loop variable named after its source element: `for (const turn of turns)` → |turn|.
      return this.sizeSymbol(name, decl, t.isParameter(decl) ? `the size of the parameter ${name}` : `the size of ${name}`);
    }
    if (t.isVariableDeclaration(decl)) return t.isVariableDeclarationList(decl.parent) && decl.parent.parent && (t.isForOfStatement(decl.parent.parent) || t.isForInStatement(decl.parent.parent)) ? this.sizeSymbol(name, decl, `the size of one element ${name}`) : ZERO;
    return this.sizeSymbol(name, decl, `the size of ${name}`);
  }

  /** Calls whose result size follows from their arguments (string and array helpers). */
  private isKnownShape(call: ts.CallExpression): boolean {
    const t = this.ts;
    const c = call.expression;
    if (t.isPropertyAccessExpression(c)) {
      const m = c.name.text;
      return SAME_SIZE.has(m) || NARROWING.has(m) || ["slice", "substring", "substr", "map", "flatMap"].includes(m) || (t.isIdentifier(c.expression) && c.expression.text === "JSON");
    }
    return t.isIdentifier(c) && ["String", "structuredClone"].includes(c.text);
  }

  /** A variable's size at the site: what it starts with, plus every growth that reaches the site. */
  private variableSize(decl: ts.Node, name: string, site: ts.Node): Size {
    return this.accumulated(decl, name, site, this.declarationBaseSize(decl, name, site), (w) => (w.outputOf ? this.outputOf(w.outputOf) : combine((w.delta ?? []).map((d) => this.sizeOf(d, w.node)))), (d) => this.sizeOf(d, site));
  }

  /**
   * How many elements a collection holds at the site: its literal length plus one per pushed
   * argument, accumulated over the loops exactly as sizes are. Undefined when it is not a local array.
   */
  countOf(expr: ts.Expression, site: ts.Node): Poly | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(expr);
    if (t.isArrayLiteralExpression(x)) {
      const spread = x.elements.filter(t.isSpreadElement);
      return Poly.sum([Poly.constant(x.elements.length - spread.length), ...spread.map((sp) => this.countOf(sp.expression, site) ?? this.loops.collection(sp.expression).trip)]);
    }
    if (!t.isIdentifier(x)) return undefined;
    const decl = this.scopes.resolve(x);
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !t.isArrayLiteralExpression(this.constants.skipTrivia(decl.initializer)) || this.inProgress.has(decl)) return undefined;
    this.inProgress.add(decl);
    try {
      const one = (d: ts.Expression): Size => ({ ...ZERO, poly: t.isArrayLiteralExpression(this.constants.skipTrivia(d)) ? this.countOf(d, site) ?? Poly.one : Poly.one });
      const base = { ...ZERO, poly: this.countOf(decl.initializer, site) ?? Poly.zero };
      return this.accumulated(decl, x.text, site, base, (w) => combine((w.delta ?? [w.node as ts.Expression]).map(one)), one).poly;
    } finally {
      this.inProgress.delete(decl);
    }
  }

  private accumulated(decl: ts.Node, name: string, site: ts.Node, base: Size, deltaOf: (w: Write) => Size, valueOf: (e: ts.Expression) => Size): Size {
    const writes = this.writesOf(decl, name);
    const declLoops = new Set(this.loops.around(decl).map((l) => l.node));
    const siteLoops = this.loops.around(site);
    const siteLoopSet = new Set(siteLoops.map((l) => l.node));
    const siteFn = this.loops.enclosingFunction(site);
    const window = writes.find((w) => w.kind === "window");
    const resets = writes.filter((w) => w.kind === "reset" && !w.conditional);
    const parts: Size[] = [base];
    // A variable that a model rewrites whole carries that rewrite into whatever it is added to.
    if (writes.some((w) => w.kind === "rewrite" && this.reaches(w.node, site, siteLoopSet))) {
      // Rewritten on every iteration of a loop around the site (`result = (await ask(step + result)).text`): each call sees the previous rewrite.
      const chained = writes.some((w) => w.kind === "rewrite" && this.loops.around(w.node).some((l) => siteLoopSet.has(l.node) && !declLoops.has(l.node)));
      parts.push({ ...ZERO, fromRewrite: true, fromOutput: true, ...(chained ? { growth: "rewrite" as const } : {}) });
    }
    for (const w of writes) {
      if (w.kind === "reassign" || w.kind === "reset") {
        // Another value the variable may hold at the site.
        if (w.delta && this.reaches(w.node, site, siteLoopSet)) parts.push(combine(w.delta.map(valueOf)));
        continue;
      }
      if (w.kind !== "grow") continue;
      if (this.loops.enclosingFunction(w.node) !== siteFn) continue;
      const growLoops = this.loops.around(w.node).filter((l) => !declLoops.has(l.node));
      if (!this.reaches(w.node, site, siteLoopSet)) continue;
      // An unconditional reset inside a loop shared with the site stops accumulation across that loop.
      const cut = new Set<ts.Node>();
      for (const r of resets) for (const l of this.loops.around(r.node)) if (siteLoopSet.has(l.node) && !declLoops.has(l.node)) cut.add(l.node);
      const factorLoops = growLoops.filter((l) => !cut.has(l.node));
      const grown = this.accumulate(name, w, deltaOf(w), factorLoops, window, site, elementsAdded(writes));
      // A closure growing a variable it captures: earlier invocations of the closure added too.
      const captured = !window && this.ts.isFunctionLike(siteFn) && !this.isWithin(decl, siteFn);
      if (captured) {
        const fnName = this.functionLabel(siteFn);
        const invocations = Poly.symbol(this.symbols.define({ name: `calls[${fnName}]`, kind: "count", line: this.line(siteFn), origin: `calls of ${fnName} so far (it grows ${name}, declared outside it)` }));
        const delta = deltaOf(w);
        const kind: Growth = delta.fromRewrite ? "rewrite" : delta.fromOutput ? "output" : "constant";
        const mean = grown.poly.mul(invocations).add(meanOf(grown));
        const at = grown.poly.mul(invocations).add(sizeAtIteration(grown));
        parts.push(withMean({ ...grown, poly: grown.poly.mul(invocations), tight: false, growth: strongerGrowth(grown.growth, kind), notes: [...grown.notes, `${name} is declared outside ${fnName} and keeps growing across its calls (calls[${fnName}])`] }, mean, at));
      } else parts.push(grown);
    }
    return combine(parts);
  }

  private isWithin(node: ts.Node, ancestor: ts.Node): boolean {
    for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
    return false;
  }

  private functionLabel(fn: ts.Node): string {
    const t = this.ts;
    if ((t.isFunctionDeclaration(fn) || t.isMethodDeclaration(fn)) && fn.name && t.isIdentifier(fn.name)) return fn.name.text;
    if (fn.parent && t.isVariableDeclaration(fn.parent) && t.isIdentifier(fn.parent.name)) return fn.parent.name.text;
    return `<function at line ${lineRef(this.line(fn))}>`;
  }

  /** Whether a write at `write` can have happened before an execution of `site`. */
  private reaches(write: ts.Node, site: ts.Node, siteLoops: ReadonlySet<ts.Node>): boolean {
    if (write.pos < site.pos) return true;
    return this.loops.around(write).some((l) => siteLoops.has(l.node));
  }

  private accumulate(name: string, w: Write, delta: Size, factorLoops: LoopInfo[], window: Write | undefined, site: ts.Node, elementsPerRound = 1): Size {
    const at = lineRef(this.line(w.node));
    if (window) {
      // The bound takes every slot as this write's; in a full window each write holds its share of
      // the slots (a question and an answer: half each).
      const slots = window.cap ?? 1;
      const poly = delta.poly.scale(slots);
      const mean = meanOf(delta).scale((slots * (w.delta?.length ?? 1)) / Math.max(1, elementsPerRound));
      return withMean({ ...delta, poly, growth: "none", notes: [...delta.notes, `${name} is windowed at line ${lineRef(this.line(window.node))} (at most ${window.cap} items): no growth`] }, mean);
    }
    // A loop that reads one streamed answer adds that answer once, not once per chunk; the loops
    // around it still repeat that.
    const streamed = factorLoops.find((l) => this.streamedCall(l));
    if (streamed) {
      const call = this.streamedCall(streamed)!;
      const out = this.outputOf(call);
      delta = { ...out, notes: [...out.notes, `${name} collects the streamed answer of line ${lineRef(this.line(call))}`] };
      factorLoops = factorLoops.filter((l) => l !== streamed);
    }
    if (factorLoops.length === 0) return { ...delta, growth: "none" };
    const trips = Poly.product(factorLoops.map((l) => l.trip));
    const kind: Growth = delta.fromRewrite ? "rewrite" : delta.fromOutput ? "output" : "constant";
    const over = factorLoops.map((l) => `${l.tripText} (${l.kind} at line ${lineRef(l.line)})`).join(" × ");
    const poly = delta.poly.mul(trips);
    const writes = this.writesBefore(factorLoops, w.node, site);
    return withMean({
      poly,
      tight: delta.tight && factorLoops.every((l) => l.exact) && !w.conditional,
      growth: strongerGrowth(delta.growth, kind),
      fromOutput: delta.fromOutput,
      fromRewrite: delta.fromRewrite,
      notes: [...delta.notes, `${name} grows at line ${at} on every iteration of ${over}`],
      ...factsOf([delta, { ...ZERO, facts: [{ kind: "grows", symbol: name, line: this.line(w.node), loops: factorLoops.map((l) => l.line) }] }]),
    }, meanOf(delta).mul(writes.mean), sizeAtIteration(delta).mul(writes.at));
  }

  /**
   * How many times a write in `loops` has run before an execution of `site`, on average over the
   * site's executions: loops the site is not in ran whole (P); over the N iterations of the loops
   * both are in, the i-th sees i earlier ones, plus this iteration's when the write comes first:
   * P·((N−1)/2 + [write before site]), so Σ_{i<N} (s + i·g) = N·s + g·N(N−1)/2 summed over the site.
   * `at` is the count at the i-th execution, P·(i + [write before site]), for the derivation.
   */
  private writesBefore(loops: readonly LoopInfo[], write: ts.Node, site: ts.Node): { mean: Poly; at: Poly } {
    const siteLoops = new Set(this.loops.around(site).map((l) => l.node));
    const shared = loops.filter((l) => siteLoops.has(l.node));
    const whole = Poly.product(loops.filter((l) => !siteLoops.has(l.node)).map((l) => l.trip));
    if (shared.length === 0) return { mean: whole, at: whole };
    const n = Poly.product(shared.map((l) => l.trip));
    const before = write.pos < site.pos ? 1 : 0;
    const i = Poly.symbol(indexSymbol(shared.map((l) => l.tripText).join("·")));
    return { mean: whole.mul(n.scale(0.5).add(Poly.constant(before - 0.5))), at: whole.mul(i.add(Poly.constant(before))) };
  }

  /** The LLM call whose stream a `for await` loop reads, if that is what the loop does. */
  private streamedCall(l: LoopInfo): ts.CallExpression | undefined {
    if (l.kind !== "for-await" && l.kind !== "for-of") return undefined;
    const loop = l.node as ts.ForOfStatement;
    // A loop over an answer's items that makes calls of its own is an agent loop, not a stream read.
    return this.makesLlmCalls(loop.statement) ? undefined : this.producingCall(loop.expression);
  }

  private makesLlmCalls(body: ts.Node): boolean {
    const t = this.ts;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || t.isFunctionLike(n)) return;
      if (t.isCallExpression(n) && this.llmCall(n)) found = true;
      else t.forEachChild(n, visit);
    };
    visit(body);
    return found;
  }

  /** Every write to a variable, classified (memoised per declaration). */
  writesOf(decl: ts.Node, name: string): Write[] {
    const memo = this.writesMemo.get(decl);
    if (memo) {
      this.symbols.repeat(memo.defined);
      return memo.writes;
    }
    const entry = { writes: [] as Write[], defined: { own: new Map(), offered: new Map() } as Defined };
    this.writesMemo.set(decl, entry);
    // A const string or number cannot change: no need to read every use of a shared prompt.
    if (this.isConstPrimitive(decl)) return entry.writes;
    entry.defined = this.symbols.record(() => {
      for (const ref of this.scopes.referencesTo(decl, name)) {
        const w = this.classifyWrite(ref, decl);
        if (w) entry.writes.push(w);
      }
    }).defined;
    return entry.writes;
  }

  private isConstPrimitive(decl: ts.Node): boolean {
    const t = this.ts;
    if (!t.isVariableDeclaration(decl) || !decl.initializer || !(t.getCombinedNodeFlags(decl) & t.NodeFlags.Const)) return false;
    const init = this.constants.skipTrivia(decl.initializer);
    return t.isStringLiteralLike(init) || t.isNumericLiteral(init) || t.isTemplateExpression(init);
  }

  private classifyWrite(ref: ts.Expression, decl: ts.Node, isSelf: (n: ts.Node) => boolean = (n) => this.ts.isIdentifier(n) && this.scopes.resolve(n) === decl): Write | undefined {
    const t = this.ts;
    const K = t.SyntaxKind;
    const p = ref.parent;
    const conditional = this.isConditional(ref, decl) && !this.emptiesUnderOwnTest(ref);
    // v.push(x), v.unshift(x), v.splice(i, n, ...xs), v.length = 0, v.shift() under a length test
    if (t.isPropertyAccessExpression(p) && p.expression === ref) {
      const m = p.name.text;
      const call = p.parent;
      if (t.isCallExpression(call) && call.expression === p) {
        const args = call.arguments.map((a) => (t.isSpreadElement(a) ? a.expression : a));
        if (m === "push" || m === "unshift") return { node: call, kind: "grow", delta: args, conditional };
        if (m === "splice") {
          if (args.length <= 1 && this.constants.number(args[0]) === 0) return { node: call, kind: "reset", conditional };
          if (args.length > 2) return { node: call, kind: "grow", delta: args.slice(2), conditional };
          return this.windowByRemoval(call, ref.getText(this.scopes.sourceFile));
        }
        if (m === "shift" || m === "pop") return this.windowByRemoval(call, ref.getText(this.scopes.sourceFile));
      }
      if (m === "length" && t.isBinaryExpression(call) && call.left === p && call.operatorToken.kind === K.EqualsToken && this.constants.number(call.right) === 0) {
        return { node: call, kind: "reset", conditional };
      }
      return undefined;
    }
    if (!t.isBinaryExpression(p) || p.left !== ref) return undefined;
    const op = p.operatorToken.kind;
    if (op === K.PlusEqualsToken) return { node: p, kind: "grow", delta: [p.right], conditional };
    if (op !== K.EqualsToken) return undefined;
    const rhs = this.constants.skipTrivia(p.right);
    const window = this.windowCap(rhs, isSelf);
    if (window !== undefined) return { node: p, kind: "window", cap: window, conditional };
    // `v = answer ?? v`: the answer decides the size; the fallback only keeps the old value.
    const answer = this.withoutFallback(rhs);
    const producer = this.producingCall(answer);
    if (producer && this.promptSources(producer).has(decl)) {
      if (this.readsHistoryProperty(answer)) return { node: p, kind: "grow", outputOf: producer, conditional };
      return { node: p, kind: "rewrite", conditional };
    }
    const self = this.selfReferences(rhs, isSelf);
    if (self.length) return { node: p, kind: "grow", delta: this.othersThan(rhs, self), conditional };
    return { node: p, kind: conditional ? "reassign" : "reset", delta: [p.right], conditional };
  }

  /** `while (h.length > N) h.shift()` or `if (h.length > N) h.splice(…)`: a window of N. */
  private windowByRemoval(call: ts.CallExpression, name: string): Write | undefined {
    // `name` is the collection as written (`history`, `this.history`).
    const t = this.ts;
    for (let n: ts.Node | undefined = call.parent; n && !t.isFunctionLike(n); n = n.parent) {
      const cond = t.isWhileStatement(n) || t.isIfStatement(n) ? n.expression : undefined;
      if (!cond) continue;
      const c = this.constants.skipTrivia(cond);
      if (t.isBinaryExpression(c) && t.isPropertyAccessExpression(c.left) && c.left.name.text === "length" && c.left.expression.getText(this.scopes.sourceFile) === name) {
        const cap = this.constants.number(c.right);
        // `while` removes until N are left; an `if` only when it cuts down to N in one go
        // (`splice(0, h.length - N)`): one `shift()` per turn does not keep up with two pushes.
        if (cap !== undefined && (t.isWhileStatement(n) || this.cutsDownTo(call, name))) return { node: call, kind: "window", cap, conditional: false };
      }
    }
    return undefined;
  }

  /** `h.splice(k, h.length - N)`: leaves N elements (the first k kept, e.g. a system message). */
  private cutsDownTo(call: ts.CallExpression, name: string): boolean {
    const t = this.ts;
    const [start, count] = call.arguments;
    if (!t.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "splice" || this.constants.number(start) === undefined || !count) return false;
    const c = this.constants.skipTrivia(count);
    return t.isBinaryExpression(c) && c.operatorToken.kind === t.SyntaxKind.MinusToken && c.left.getText(this.scopes.sourceFile).replace(/\s+/g, "") === `${name}.length`;
  }

  /** `v.slice(-N)`, `[...v.slice(-N), x]`, `v.slice(v.length - N)`: keeps N elements. */
  private windowCap(rhs: ts.Expression, isSelf: (n: ts.Node) => boolean): number | undefined {
    const t = this.ts;
    const sliceCap = (e: ts.Expression): number | undefined => {
      const x = this.constants.skipTrivia(e);
      if (!t.isCallExpression(x) || !t.isPropertyAccessExpression(x.expression) || x.expression.name.text !== "slice") return undefined;
      const recv = this.constants.skipTrivia(x.expression.expression);
      if (!isSelf(recv)) return undefined;
      const a = x.arguments[0];
      const start = this.constants.number(a);
      if (start !== undefined && start < 0) return -start;
      if (a && t.isBinaryExpression(a) && a.operatorToken.kind === t.SyntaxKind.MinusToken) return this.constants.number(a.right);
      return undefined;
    };
    const direct = sliceCap(rhs);
    if (direct !== undefined) return direct;
    if (t.isArrayLiteralExpression(rhs)) {
      for (const el of rhs.elements) if (t.isSpreadElement(el)) {
        const cap = sliceCap(el.expression);
        if (cap !== undefined) return cap + rhs.elements.length - 1;
      }
    }
    return undefined;
  }

  private withoutFallback(e: ts.Expression): ts.Expression {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isBinaryExpression(x) && (x.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || x.operatorToken.kind === t.SyntaxKind.BarBarToken)) return this.withoutFallback(x.left);
    return x;
  }

  /** `result.history`, `response.messages`, `responseMessages`: the whole conversation comes back. */
  private readsHistoryProperty(rhs: ts.Expression): boolean {
    const t = this.ts;
    for (let e: ts.Expression = rhs; ; ) {
      e = this.constants.skipTrivia(e);
      if (t.isPropertyAccessExpression(e)) {
        if (HISTORY_PROPERTIES.has(e.name.text)) return true;
        e = e.expression;
      } else if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression)) {
        if (e.expression.name.text === "getHistory") return true;
        e = e.expression.expression;
      } else return false;
    }
  }

  private selfReferences(rhs: ts.Expression, isSelf: (n: ts.Node) => boolean): ts.Expression[] {
    const t = this.ts;
    const out: ts.Expression[] = [];
    const visit = (n: ts.Node): void => {
      if (isSelf(n)) out.push(n as ts.Expression);
      else if (!t.isFunctionLike(n)) t.forEachChild(n, visit);
    };
    visit(rhs);
    return out;
  }

  /** The parts of a self-referencing right side other than the variable itself: `[...v, x]` → x; `v + x` → x. */
  private othersThan(rhs: ts.Expression, self: readonly ts.Expression[]): ts.Expression[] {
    const t = this.ts;
    const e = this.constants.skipTrivia(rhs);
    const isSelf = (x: ts.Node): boolean => self.includes(this.constants.skipTrivia(x as ts.Expression));
    if (t.isArrayLiteralExpression(e)) return e.elements.filter((x) => !(t.isSpreadElement(x) && isSelf(x.expression))).map((x) => (t.isSpreadElement(x) ? x.expression : x));
    if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) return [...(isSelf(e.left) ? [] : this.othersThan(e.left, self)), ...(isSelf(e.right) ? [] : this.othersThan(e.right, self))];
    if (t.isTemplateExpression(e)) return e.templateSpans.map((s) => s.expression).filter((x) => !isSelf(x));
    if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && e.expression.name.text === "concat" && isSelf(e.expression.expression)) return e.arguments.map((a) => (t.isSpreadElement(a) ? a.expression : a));
    if (isSelf(e)) return [];
    return [e];
  }

  /**
   * `if (pending.length) { …; pending = []; }`: emptying an array only when it is not empty
   * leaves it empty either way, so the reset holds on every path.
   */
  private emptiesUnderOwnTest(ref: ts.Expression): boolean {
    const t = this.ts;
    const p = ref.parent;
    const empties = (t.isBinaryExpression(p) && p.left === ref && p.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isArrayLiteralExpression(this.constants.skipTrivia(p.right)) && (this.constants.skipTrivia(p.right) as ts.ArrayLiteralExpression).elements.length === 0)
      || (t.isPropertyAccessExpression(p) && p.name.text === "length" && t.isBinaryExpression(p.parent) && p.parent.left === p && this.constants.number(p.parent.right) === 0);
    if (!empties) return false;
    const name = ref.getText(this.scopes.sourceFile);
    let guard: ts.IfStatement | undefined;
    for (let n: ts.Node = ref; n.parent && !t.isFunctionLike(n.parent) && !t.isIterationStatement(n.parent, false); n = n.parent) {
      if (t.isIfStatement(n.parent) && n.parent.thenStatement === n) {
        if (guard) return false;
        guard = n.parent;
      } else if (t.isIfStatement(n.parent) || t.isConditionalExpression(n.parent) || t.isCaseClause(n.parent) || t.isDefaultClause(n.parent) || t.isCatchClause(n.parent)) return false;
    }
    if (!guard) return false;
    const c = this.constants.skipTrivia(guard.expression);
    const isLength = (e: ts.Expression): boolean => {
      const x = this.constants.skipTrivia(e);
      return t.isPropertyAccessExpression(x) && x.name.text === "length" && x.expression.getText(this.scopes.sourceFile) === name;
    };
    if (isLength(c)) return true;
    return t.isBinaryExpression(c) && isLength(c.left) && this.constants.number(c.right) === 0 && [t.SyntaxKind.GreaterThanToken, t.SyntaxKind.ExclamationEqualsEqualsToken, t.SyntaxKind.ExclamationEqualsToken].includes(c.operatorToken.kind);
  }

  /** Whether a write runs only on some paths of its enclosing loop body or function. */
  private isConditional(node: ts.Node, decl: ts.Node): boolean {
    // The walk stops at `decl` only when it lies above the write (`x = [...x, x.length ? … : …]` in
    // x's own initialiser): walked then. Otherwise the answer is the node's own, kept per node.
    if (decl.pos <= node.pos && node.end <= decl.end) return this.conditionalBelow(node, decl);
    const passed: ts.Node[] = [];
    let answer: boolean | undefined;
    for (let n: ts.Node = node; answer === undefined; ) {
      const known = this.conditionalMemo.get(n);
      const step = known ?? (n.parent ? this.conditionalStep(n, n.parent) : false);
      if (known === undefined) passed.push(n);
      if (step !== undefined) answer = step;
      else n = n.parent!;
    }
    for (const n of passed) this.conditionalMemo.set(n, answer);
    return answer;
  }

  /** Each node's answer to isConditional: writes in deep expressions each asked for it. */
  private readonly conditionalMemo = new Map<ts.Node, boolean>();

  private conditionalBelow(node: ts.Node, decl: ts.Node): boolean {
    for (let n: ts.Node = node; n.parent && n !== decl; n = n.parent) {
      const step = this.conditionalStep(n, n.parent);
      if (step !== undefined) return step;
    }
    return false;
  }

  /** What the step from `n` to its parent `p` says: the end of the walk (false), a branch (true), or nothing. */
  private conditionalStep(n: ts.Node, p: ts.Node): boolean | undefined {
    const t = this.ts;
    if (t.isFunctionLike(p) || t.isIterationStatement(p, false) || t.isSourceFile(p)) return false;
    if (t.isIfStatement(p) && p.expression !== n) return true;
    if (t.isConditionalExpression(p) && p.condition !== n) return true;
    if (t.isCaseClause(p) || t.isDefaultClause(p) || t.isCatchClause(p)) return true;
    if (t.isBinaryExpression(p) && p.right === n && [t.SyntaxKind.AmpersandAmpersandToken, t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) return true;
    return undefined;
  }
}

/** Invocations whose compounding growth is followed one by one; more widen. */
const MAX_COMPOUNDED = 8;

/**
 * The size `key` has at a call after `earlier` invocations of the callee, each adding `added` (in
 * the callee's terms, `values` giving them in the caller's). Growth that does not depend on the
 * size itself adds up: |h| + earlier·added. Growth in proportion to the size (the callee pushes
 * once per element: it doubles the array) compounds: after k invocations the size is
 * (1 + c)^k·|h|, a constant factor when k is a constant (2·|h| after one), exponential when k is
 * a loop count, which no polynomial bounds: widened, with the reason.
 */
function grownBy(key: string, added: Poly, earlier: Poly, values: ReadonlyMap<string, Poly>, who: string): Poly {
  const start = values.get(key) ?? Poly.zero;
  if (earlier.isZero()) return start;
  if (added.degreeIn(key) === 0) return start.add(earlier.mul(substitute(added, values)));
  const k = earlier.isConstant() ? Math.ceil(earlier.constantValue()) : Infinity;
  if (k > MAX_COMPOUNDED) return Poly.widened(`${who} in proportion to its size, ${Number.isFinite(k) ? `${k} times` : "on every iteration of a loop"} before this call: exponential growth, no polynomial bound`);
  let size = start;
  for (let j = 0; j < k; j++) size = size.add(substitute(added, new Map([...values, [key, size]])));
  return size;
}
