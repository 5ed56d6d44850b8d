// The syntax the advice reads around a finding: its call, the loops around it, the history
// variable it re-sends, and whether a loop's iterations depend on each other.
import type * as ts from "typescript";
import { scriptKindOf } from "../analysis/analyzeFile";
import { Scopes, type TS } from "../binder/scopes";
import type { Fact } from "../model";

export interface ParsedSource {
  readonly ts: TS;
  readonly sf: ts.SourceFile;
  readonly scopes: Scopes;
  readonly text: string;
}

/** The file's syntax tree: the one given (a program's, in tsserver) when it holds this text, else a
 *  fresh parse; with the analysis's name resolution of that tree when given, else a new one. */
export function parseSource(tsm: TS, fileName: string, text: string, parsed?: ts.SourceFile, scopes?: Scopes): ParsedSource {
  const sf = parsed && parsed.text === text ? parsed : tsm.createSourceFile(fileName, text, tsm.ScriptTarget.Latest, true, scriptKindOf(tsm, fileName));
  return { ts: tsm, sf, scopes: scopes?.sourceFile === sf ? scopes : new Scopes(tsm, sf), text };
}

/** The call expression a finding points at (its 0-based start and end). */
export function callAt(src: ParsedSource, start: number, end: number): ts.CallExpression | undefined {
  const t = src.ts;
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found || n.end < start || n.pos > end) return;
    if (t.isCallExpression(n) && n.getStart(src.sf) === start && n.end === end) found = n;
    else t.forEachChild(n, visit);
  };
  visit(src.sf);
  return found;
}

export type StatementLoop = ts.ForStatement | ts.ForOfStatement | ts.ForInStatement | ts.WhileStatement | ts.DoStatement;

/** The loop statements around a node inside its function, innermost first. */
export function loopsAround(t: TS, node: ts.Node): StatementLoop[] {
  const out: StatementLoop[] = [];
  for (let n: ts.Node | undefined = node.parent; n && !t.isFunctionLike(n); n = n.parent) {
    if (t.isIterationStatement(n, false) && isWithin(node, n.statement)) out.push(n as StatementLoop);
  }
  return out;
}

export function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** The statement of `block` that contains `node`. */
export function statementIn(block: ts.Block, node: ts.Node): ts.Statement | undefined {
  return block.statements.find((s) => isWithin(node, s));
}

/** `{ messages, model }` of a call's first argument, by key. */
export function argumentProperty(t: TS, call: ts.CallExpression, key: string): ts.Expression | undefined {
  const arg = call.arguments[0];
  if (!arg || !t.isObjectLiteralExpression(arg)) return undefined;
  for (const p of arg.properties) {
    if (t.isPropertyAssignment(p) && t.isIdentifier(p.name) && p.name.text === key) return p.initializer;
    if (t.isShorthandPropertyAssignment(p) && p.name.text === key) return p.name;
  }
  return undefined;
}

const PROMPT_KEYS = ["messages", "input", "prompt", "contents"];

/** A variable declared before a loop, grown inside it (as the analysis found: its growth facts), and sent whole (or spread) as the prompt. */
export interface History {
  readonly id: ts.Identifier;
  readonly decl: ts.VariableDeclaration;
  readonly loop: StatementLoop;
  readonly kind: "array" | "string";
}

export function historyOf(src: ParsedSource, call: ts.CallExpression, facts: readonly Fact[] = []): History | undefined {
  const t = src.ts;
  const lineOf = (n: ts.Node): number => src.sf.getLineAndCharacterOfPosition(n.getStart(src.sf)).line + 1;
  const candidates: ts.Identifier[] = [];
  // An SDK call's prompt property, or an argument itself: the call of a wrapper (`ask(history)`).
  const sent = [...PROMPT_KEYS.map((key) => argumentProperty(t, call, key)), ...call.arguments];
  for (const v of sent) {
    if (!v) continue;
    if (t.isIdentifier(v)) candidates.push(v);
    if (t.isArrayLiteralExpression(v)) for (const el of v.elements) if (t.isSpreadElement(el) && t.isIdentifier(el.expression)) candidates.push(el.expression);
  }
  for (const id of candidates) {
    const decl = src.scopes.resolve(id);
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer) continue;
    // The innermost loop around the call that the declaration is outside of.
    const loop = loopsAround(t, call).find((l) => !isWithin(decl, l));
    if (!loop) continue;
    // One growth detection: the writes the analysis found growing this variable, inside the loop.
    const grownAt = new Set(facts.flatMap((f) => (f.kind === "grows" && !f.file && f.symbol === id.text ? [f.line] : [])));
    const grows = src.scopes.referencesTo(decl, id.text).some((ref) => isWithin(ref, loop.statement) && grownAt.has(lineOf(ref)));
    if (!grows) continue;
    const init = decl.initializer;
    const kind = t.isArrayLiteralExpression(init) ? "array" : t.isStringLiteralLike(init) || t.isTemplateExpression(init) ? "string" : undefined;
    if (kind) return { id, decl, loop, kind };
  }
  return undefined;
}

/**
 * Whether anything writes the history between its declaration and its loop (grows, empties or
 * replaces it): then its value when the loop starts is not its initializer, which a reset would
 * restore. Growth inside the loop is the analysis's (its growth facts, historyOf); this is not a
 * growth test.
 */
export function writtenBeforeLoop(src: ParsedSource, h: History): boolean {
  return src.scopes.referencesTo(h.decl, h.id.text).some((ref) => ref.pos > h.decl.end && ref.end <= h.loop.getStart(src.sf) && isWrite(src.ts, ref));
}

/**
 * Whether the history is read once its loop is done (after it, or on a later iteration of a loop
 * around it): its final value is then part of what the program computes, which trimming or
 * resetting it would change.
 */
export function readAfterLoop(src: ParsedSource, h: History): boolean {
  const around = loopsAround(src.ts, h.loop).filter((l) => !isWithin(h.decl, l));
  return src.scopes.referencesTo(h.decl, h.id.text).some((ref) => !isWithin(ref, h.loop) && (ref.pos >= h.loop.end || around.some((l) => isWithin(ref, l))));
}

/** The messages a history starts with that trimming it must keep. */
export interface KeptPrefix {
  readonly count: number;
  /** Each is a system message; otherwise some are messages the code does not show (an import, a parameter). */
  readonly allSystem: boolean;
}

/**
 * The leading messages of a history's array literal that may be system messages: `{ role:
 * "system" | "developer", … }` written inline or through a `const` that holds one, and messages
 * whose role the file does not show (an imported `SYSTEM`), which are kept too rather than risk
 * dropping a system prompt. Undefined when a spread starts it (its length is unknown).
 */
export function keptPrefix(src: ParsedSource, init: ts.Expression): KeptPrefix | undefined {
  const t = src.ts;
  if (!t.isArrayLiteralExpression(init)) return { count: 0, allSystem: true };
  let count = 0;
  let allSystem = true;
  for (const el of init.elements) {
    const role = roleOf(src, el);
    if (role === "spread") return undefined;
    if (role === "other") break;
    if (role === "unknown") allSystem = false;
    count++;
  }
  return { count, allSystem };
}

function roleOf(src: ParsedSource, e: ts.Expression, depth = 0): "system" | "other" | "unknown" | "spread" {
  const t = src.ts;
  if (t.isSpreadElement(e)) return "spread";
  const message = withoutTypeAssertions(t, e);
  if (t.isIdentifier(message)) {
    const decl = src.scopes.resolve(message);
    const constant = decl && t.isVariableDeclaration(decl) && t.isVariableDeclarationList(decl.parent) && (decl.parent.flags & t.NodeFlags.Const) !== 0;
    // A chain of consts is followed a few steps; a cycle or a longer chain stays unknown.
    return constant && decl.initializer && depth < 8 ? roleOf(src, decl.initializer, depth + 1) : "unknown";
  }
  if (!t.isObjectLiteralExpression(message)) return "unknown";
  const role = message.properties.find((p): p is ts.PropertyAssignment => t.isPropertyAssignment(p) && t.isIdentifier(p.name) && p.name.text === "role");
  const value = role && withoutTypeAssertions(t, role.initializer);
  if (!value || !t.isStringLiteralLike(value)) return "unknown";
  return ["system", "developer"].includes(value.text) ? "system" : "other";
}

/** " and the system message", " and the first 2 messages": what a trim keeps, for a fix's title. */
export function keptText(kept: KeptPrefix, joiner: string): string {
  if (kept.count === 0) return "";
  const s = kept.count > 1 ? "s" : "";
  return kept.allSystem ? `${joiner} the system message${s}` : `${joiner} the first ${kept.count > 1 ? `${kept.count} messages` : "message"}`;
}

/** `x as T`, `x satisfies T`, `<T>x`, `(x)`: the `x`. */
function withoutTypeAssertions(t: TS, e: ts.Expression): ts.Expression {
  while (t.isAsExpression(e) || t.isSatisfiesExpression(e) || t.isTypeAssertionExpression(e) || t.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** The element type written in `T[]` or `Array<T>`, as source text. */
export function elementTypeText(src: ParsedSource, decl: ts.VariableDeclaration): string | undefined {
  const t = src.ts;
  const type = decl.type;
  if (!type) return undefined;
  if (t.isArrayTypeNode(type)) return type.elementType.getText(src.sf);
  if (t.isTypeReferenceNode(type) && type.typeName.getText(src.sf) === "Array" && type.typeArguments?.length === 1) return type.typeArguments[0]!.getText(src.sf);
  return undefined;
}

/**
 * Whether a loop's iterations are independent: no early exit, and the only writes to variables
 * from outside the loop are pushes into collectors that the loop never reads. Returns those collectors.
 */
export function independentIterations(src: ParsedSource, loop: StatementLoop): ts.VariableDeclaration[] | undefined {
  const t = src.ts;
  const collectors = new Set<ts.VariableDeclaration>();
  let dependent = false;
  const outside = (id: ts.Identifier): ts.Node | undefined => {
    const decl = src.scopes.resolve(id);
    return decl && !isWithin(decl, loop) ? decl : undefined;
  };
  const visit = (n: ts.Node, nestedLoop: boolean, nestedFunction: boolean): void => {
    if (dependent) return;
    if (!nestedFunction && (t.isReturnStatement(n) || t.isYieldExpression(n))) dependent = true;
    if (!nestedFunction && !nestedLoop && (t.isBreakStatement(n) || t.isContinueStatement(n))) dependent = true;
    if (t.isIdentifier(n)) {
      const decl = outside(n);
      const p = n.parent;
      if (decl && isWrite(t, n)) {
        const pushed = t.isPropertyAccessExpression(p) && p.name.text === "push" && t.isCallExpression(p.parent) && t.isVariableDeclaration(decl);
        if (pushed) collectors.add(decl as ts.VariableDeclaration);
        else dependent = true;
      }
    }
    t.forEachChild(n, (c) => visit(c, nestedLoop || t.isIterationStatement(n, false) || t.isSwitchStatement(n), nestedFunction || t.isFunctionLike(n)));
  };
  t.forEachChild(loop.statement, (c) => visit(c, false, false));
  if (dependent) return undefined;
  // A collector read inside the loop (other than pushed into) carries state between iterations.
  for (const c of collectors) {
    const name = (c.name as ts.Identifier).text;
    const readsInLoop = src.scopes.referencesTo(c, name).some((ref) => isWithin(ref, loop.statement) && !(t.isPropertyAccessExpression(ref.parent) && ref.parent.name.text === "push"));
    if (readsInLoop) return undefined;
  }
  return [...collectors];
}

/** The declarations from outside a loop that its body assigns or mutates. */
export function outerWrites(src: ParsedSource, loop: StatementLoop): Set<ts.Node> {
  const t = src.ts;
  const out = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (t.isIdentifier(n) && isWrite(t, n)) {
      const decl = src.scopes.resolve(n);
      if (decl && !isWithin(decl, loop)) out.add(decl);
    }
    t.forEachChild(n, visit);
  };
  visit(loop.statement);
  return out;
}

/** Whether a loop's own body leaves it early: a `return`, or a `break` of this loop. */
export function exitsEarly(src: ParsedSource, loop: StatementLoop): boolean {
  const t = src.ts;
  const visit = (n: ts.Node, nestedLoop: boolean): boolean => {
    if (t.isFunctionLike(n)) return false;
    if (t.isReturnStatement(n) || (t.isBreakStatement(n) && (!nestedLoop || n.label !== undefined))) return true;
    return t.forEachChild(n, (c) => visit(c, nestedLoop || t.isIterationStatement(n, false) || t.isSwitchStatement(n)) || undefined) ?? false;
  };
  return visit(loop.statement, false);
}

/** An identifier that is assigned, incremented, or the receiver of a mutating method. */
function isWrite(t: TS, id: ts.Identifier): boolean {
  const p = id.parent;
  if (t.isBinaryExpression(p) && p.left === id) return p.operatorToken.kind >= t.SyntaxKind.FirstAssignment && p.operatorToken.kind <= t.SyntaxKind.LastAssignment;
  if ((t.isPrefixUnaryExpression(p) || t.isPostfixUnaryExpression(p)) && (p.operator === t.SyntaxKind.PlusPlusToken || p.operator === t.SyntaxKind.MinusMinusToken)) return true;
  if (t.isPropertyAccessExpression(p) && p.expression === id) {
    if (t.isBinaryExpression(p.parent) && p.parent.left === p && p.parent.operatorToken.kind === t.SyntaxKind.EqualsToken) return true;
    return ["push", "unshift", "splice", "shift", "pop", "set", "add", "delete", "clear", "sort", "reverse", "fill"].includes(p.name.text) && t.isCallExpression(p.parent);
  }
  return false;
}

/** The whitespace that starts the line `pos` is on. */
export function indentAt(text: string, pos: number): string {
  const start = text.lastIndexOf("\n", pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

export function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** A name not yet used in the file: `base`, `base2`, … */
export function freshName(src: ParsedSource, base: string): string {
  const used = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (src.ts.isIdentifier(n)) used.add(n.text);
    src.ts.forEachChild(n, visit);
  };
  visit(src.sf);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}

/** Whether the file already declares a top-level function of this name (a helper a fix inserted). */
export function hasFunction(src: ParsedSource, name: string): boolean {
  return src.sf.statements.some((s) => src.ts.isFunctionDeclaration(s) && s.name?.text === name);
}
