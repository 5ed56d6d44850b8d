// Where values go between prompts and answers: the declarations whose values reach a call's prompt,
// the LLM call an expression reads the answer of, and the variable an answer is assigned back to
// (a rewrite, or a history the result returns whole).
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";
import { isWithin } from "./controlFlow";
import { isIdProperty } from "./idProperties";
import { passedThroughCallback, returnedValues } from "./passThrough";
import { SizePart } from "./sizeContext";

/** Properties of a model's result that hold the whole conversation, input included. */
const HISTORY_PROPERTIES = new Set(["history", "messages", "responseMessages", "conversation"]);

export class PromptFlow extends SizePart {
  private readonly sourcesMemo = new Map<ts.CallExpression, Set<ts.Node>>();

  /** The LLM call whose result an expression reads (`res.choices[0].message.content`, `{ text }`). */
  producingCall(expr: ts.Expression, depth = 0): ts.CallExpression | undefined {
    return this.producedBy(expr, depth, undefined);
  }

  /** producingCall, `key` being the property read off `expr`'s value by the caller (`x.content` of `x`), if any. */
  private producedBy(expr: ts.Expression, depth: number, outerKey: string | undefined): ts.CallExpression | undefined {
    const t = this.ts;
    if (depth > 6) return undefined;
    let e = this.constants.skipTrivia(expr);
    // The first key read off the root (`content` of `current.content.filter(…)`), where a callback's returned object is read.
    let key = outerKey;
    for (;;) {
      if (t.isPropertyAccessExpression(e)) {
        key = e.name.text;
        e = this.constants.skipTrivia(e.expression);
      } else if (t.isElementAccessExpression(e)) {
        key = undefined;
        e = this.constants.skipTrivia(e.expression);
      } else if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && !this.llmCall(e)) {
        key = undefined;
        e = this.constants.skipTrivia(e.expression.expression);
      } else break;
    }
    if (t.isCallExpression(e)) return this.llmCall(e) ? e : this.passedThrough(e, key, depth);
    if (!t.isIdentifier(e)) return undefined;
    let decl = this.scopes.resolve(e);
    while (decl && t.isBindingElement(decl)) decl = decl.parent.parent;
    // `const first = r.content[0]; … first.text`: a part of an answer is the answer.
    if (decl && t.isVariableDeclaration(decl) && decl.initializer && this.constants.isConstDeclaration(decl)) return this.producedBy(decl.initializer, depth + 1, key);
    if (decl && t.isVariableDeclaration(decl) && decl.initializer) {
      const init = this.constants.skipTrivia(decl.initializer);
      if (t.isCallExpression(init) && this.llmCall(init)) return init;
    }
    if (decl && t.isVariableDeclaration(decl) && !decl.initializer && t.isIdentifier(decl.name)) return this.onlyAssignedCall(decl, decl.name.text) ?? this.onlyAssignedThrough(decl, decl.name.text, key, depth);
    return undefined;
  }

  /**
   * `retry(async () => { const r = await create(…); return { ...r, id } })` of a function that gives
   * back its callback's value (passThrough.ts): the LLM call every return of the callback reads, at
   * `key` (an object literal's own key there, else its one spread).
   */
  private passedThrough(call: ts.CallExpression, key: string | undefined, depth: number): ts.CallExpression | undefined {
    let values = this.callbackValues.get(call);
    if (values === undefined) {
      const fn = passedThroughCallback(this.ts, this.scopes, this.constants, call);
      this.callbackValues.set(call, (values = (fn && returnedValues(this.ts, fn)) ?? null));
    }
    if (!values) return undefined;
    let found: ts.CallExpression | undefined;
    for (const v of values) {
      const read = this.readAt(v, key);
      const producer = read && this.producedBy(read.value, depth + 1, read.key);
      if (!producer || (found && found !== producer)) return undefined;
      found = producer;
    }
    return found;
  }

  /** Per call, what the callback it passes through returns (null: not such a call). */
  private readonly callbackValues = new Map<ts.CallExpression, ts.Expression[] | null>();

  /** What reading `key` off `e` reads: an object literal's property of that name, else the value it spreads (one spread, no key read: the whole). */
  private readAt(e: ts.Expression, key: string | undefined): { value: ts.Expression; key: string | undefined } | undefined {
    const t = this.ts;
    const o = this.constants.skipTrivia(e);
    if (!t.isObjectLiteralExpression(o)) return { value: e, key };
    if (key === undefined) return undefined;
    const own = o.properties.find((p) => p.name && t.isIdentifier(p.name) && p.name.text === key);
    if (own) return t.isPropertyAssignment(own) && !o.properties.slice(o.properties.indexOf(own) + 1).some((p) => t.isSpreadAssignment(p)) ? { value: own.initializer, key: undefined } : undefined;
    const spreads = o.properties.filter((p): p is ts.SpreadAssignment => t.isSpreadAssignment(p));
    return spreads.length === 1 && !o.properties.some((p) => !t.isSpreadAssignment(p) && !(p.name && t.isIdentifier(p.name))) ? { value: spreads[0]!.expression, key } : undefined;
  }

  /** `let current; current = await retry(async () => …)`: the one assignment, of a call that passes its callback's value through. */
  private onlyAssignedThrough(decl: ts.VariableDeclaration, name: string, key: string | undefined, depth: number): ts.CallExpression | undefined {
    const t = this.ts;
    let found: ts.Expression | undefined;
    for (const ref of this.scopes.referencesTo(decl, name)) {
      const p = ref.parent;
      if (!t.isBinaryExpression(p) || p.left !== ref || p.operatorToken.kind < t.SyntaxKind.FirstAssignment || p.operatorToken.kind > t.SyntaxKind.LastAssignment) continue;
      if (found || p.operatorToken.kind !== t.SyntaxKind.EqualsToken) return undefined;
      found = this.constants.skipTrivia(p.right);
    }
    return found && t.isCallExpression(found) && !this.llmCall(found) ? this.passedThrough(found, key, depth + 1) : undefined;
  }

  /**
   * `let result; await withTrace("x", async () => { result = await run(agent, inputs) })`: a variable
   * declared empty whose one assignment (here or in a closure) is an LLM call holds that call's result.
   */
  private onlyAssignedCall(decl: ts.VariableDeclaration, name: string): ts.CallExpression | undefined {
    const t = this.ts;
    let found: ts.CallExpression | undefined;
    for (const ref of this.scopes.referencesTo(decl, name)) {
      const p = ref.parent;
      if (!t.isBinaryExpression(p) || p.left !== ref || p.operatorToken.kind < t.SyntaxKind.FirstAssignment || p.operatorToken.kind > t.SyntaxKind.LastAssignment) continue;
      const value = this.constants.skipTrivia(p.right);
      if (found || p.operatorToken.kind !== t.SyntaxKind.EqualsToken || !t.isCallExpression(value) || !this.llmCall(value)) return undefined;
      found = value;
    }
    return found;
  }

  /** `code = (await fix(code)).text`: the variable an LLM call's answer replaces, when that variable is in its prompt. */
  rewriteTarget(call: ts.CallExpression): { decl: ts.Node; name: string } | undefined {
    const t = this.ts;
    for (const { target, value } of this.assignmentsOfResult(call)) {
      // `history = result.response.messages` adds the answer to the history; `prev = result.responseID`
      // passes the answer's id on (a chain): neither is a rewrite.
      const read = this.withoutFallback(value);
      // The response object itself (`response = await create(…)`) is rewritten only by a direct read of it (see rewriteSources).
      const sources = this.constants.skipTrivia(read) === call ? this.rewriteSources(call) : this.promptSources(call);
      if (!t.isIdentifier(target) || this.readsHistoryProperty(read) || (t.isPropertyAccessExpression(read) && isIdProperty(read.name.text))) continue;
      const decl = this.scopes.resolve(target);
      // `result = await run(agent, [...result.history, q])`: the new result carries the old one's history on.
      if (decl && sources.has(decl) && !this.promptReadsHistoryOf(call, decl)) return { decl, name: target.text };
    }
    return undefined;
  }

  /**
   * `run(agent, [...result.history, next])`: the LLM call whose result `result` holds where its
   * `history` is read, when that is the last write before it in straight-line code (the
   * declaration's or an assignment's, not in an `if`, and no loop around the read writes it: a
   * loop's history is the accumulation's to grow).
   */
  carriedRun(e: ts.PropertyAccessExpression): ts.CallExpression | undefined {
    const t = this.ts;
    if (e.name.text !== "history") return undefined;
    const root = this.constants.skipTrivia(e.expression);
    const decl = t.isIdentifier(root) ? this.scopes.resolve(root) : undefined;
    if (!decl || !t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name)) return undefined;
    const home = enclosingFunction(t, e);
    if (enclosingFunction(t, decl) !== home) return undefined;
    const writes: { at: ts.Node; value: ts.Expression }[] = decl.initializer ? [{ at: decl, value: decl.initializer }] : [];
    // `let result; await withTrace(…, async () => { result = await run(…) })`: the one assignment, made
    // by the callback the statement holding it runs, stands where that statement is, as an initialiser would.
    const only = decl.initializer ? undefined : this.onlyAssignedCall(decl, decl.name.text);
    if (only) {
      let at: ts.Node = only;
      while (at.parent && enclosingFunction(t, at) !== home) at = at.parent;
      if (enclosingFunction(t, decl) === home && at !== only) return this.carriedFrom(e, home, decl, [{ at, value: only }], true);
    }
    for (const ref of this.scopes.referencesTo(decl, decl.name.text)) {
      const p = ref.parent;
      if (t.isBinaryExpression(p) && p.left === ref && p.operatorToken.kind === t.SyntaxKind.EqualsToken) writes.push({ at: p, value: p.right });
    }
    return this.carriedFrom(e, home, decl, writes, false);
  }

  /** The run whose history `e` reads, given the writes of its variable (`fresh`: a write made anew with the variable, in its loops). */
  private carriedFrom(e: ts.PropertyAccessExpression, home: ts.Node | undefined, decl: ts.VariableDeclaration, writes: { at: ts.Node; value: ts.Expression }[], fresh: boolean): ts.CallExpression | undefined {
    const t = this.ts;
    for (let n: ts.Node | undefined = e.parent; n && n !== home; n = n.parent) {
      if (isLoop(t, n) && writes.some((w) => w.at !== decl && isWithin(w.at, n!) && !(fresh && isWithin(decl, n!)))) return undefined;
    }
    let last: { at: ts.Node; value: ts.Expression } | undefined;
    for (const w of writes) if (w.at.getEnd() <= e.getStart(this.scopes.sourceFile) && (!last || w.at.getEnd() > last.at.getEnd())) last = w;
    // The write's statement lies in a block that holds the read: it runs before it every time.
    let statement: ts.Node | undefined = last?.at;
    while (statement && !t.isStatement(statement)) statement = statement.parent;
    if (!last || !statement?.parent || !isWithin(e, statement.parent)) return undefined;
    const value = this.constants.skipTrivia(last.value);
    return t.isCallExpression(value) && this.llmCall(value) ? value : undefined;
  }

  /** Whether a call's prompt reads `x.history` of the variable `decl` (`run(agent, [...result.history, q])`). */
  private promptReadsHistoryOf(call: ts.CallExpression, decl: ts.Node): boolean {
    const t = this.ts;
    const visit = (n: ts.Node): boolean => {
      if (t.isFunctionLike(n)) return false;
      if (this.isHistoryOf(n, decl)) return true;
      return !!t.forEachChild(n, (c) => visit(c) || undefined);
    };
    return (this.llmCall(call)?.prompt ?? []).some(visit);
  }

  private isHistoryOf(n: ts.Node, decl: ts.Node): boolean {
    const t = this.ts;
    if (!t.isPropertyAccessExpression(n) || n.name.text !== "history") return false;
    const root = this.constants.skipTrivia(n.expression);
    return t.isIdentifier(root) && this.scopes.resolve(root) === decl;
  }

  /**
   * `run(agent, [...result.history, q])` assigned back to `result`: what the call's prompt adds to
   * the history it carries (the list's other elements). Undefined when it carries none.
   */
  addedToHistory(call: ts.CallExpression, decl: ts.Node): ts.Expression[] | undefined {
    const t = this.ts;
    const prompt = this.llmCall(call)?.prompt ?? [];
    const list = prompt.length === 1 ? this.constants.skipTrivia(prompt[0]!) : undefined;
    if (!list || !t.isArrayLiteralExpression(list)) return undefined;
    const carried = list.elements.filter((el) => t.isSpreadElement(el) && this.isHistoryOf(this.constants.skipTrivia(el.expression), decl));
    return carried.length === 1 ? list.elements.filter((el) => !carried.includes(el)) : undefined;
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
    return this.sources(call, this.sourcesMemo, true);
  }

  /**
   * The variables whose current value an LLM call's prompt reads: its sources, not following what another
   * variable grew by. `let response; do { response = await create({ messages }); messages.push(response.message) }`:
   * `messages` keeps each old answer, and `response`, the response object, holds the next one, not a rewrite
   * of the last (a text read off the answer and pushed as a prompt, `code = answer.text ?? code`, is one).
   */
  rewriteSources(call: ts.CallExpression): Set<ts.Node> {
    return this.sources(call, this.rewriteSourcesMemo, false);
  }

  private readonly rewriteSourcesMemo = new Map<ts.CallExpression, Set<ts.Node>>();

  private sources(call: ts.CallExpression, memos: Map<ts.CallExpression, Set<ts.Node>>, throughGrowth: boolean): Set<ts.Node> {
    const memo = memos.get(call);
    if (memo) return memo;
    const t = this.ts;
    const seen = new Set<ts.Node>();
    memos.set(call, seen);
    const llm = this.llmCall(call);
    const work: ts.Node[] = [...(llm?.prompt ?? [])];
    while (work.length) {
      const n = work.pop()!;
      if (t.isIdentifier(n)) {
        const decl = this.scopes.resolve(n);
        if (decl && !seen.has(decl) && (t.isVariableDeclaration(decl) || t.isParameter(decl) || t.isBindingElement(decl))) {
          seen.add(decl);
          if (t.isVariableDeclaration(decl) && decl.initializer) work.push(decl.initializer);
          for (const w of this.parts.writes.writesOf(decl, n.text)) if (throughGrowth || w.kind !== "grow") work.push(...(w.delta ?? []));
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

  /** `result.responseMessages`, `result.response.messages`, or a name destructured from the first (`const { responseMessages } = …`). */
  readsResponseMessages(e: ts.Expression): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isPropertyAccessExpression(x)) return x.name.text === "responseMessages" || (x.name.text === "messages" && t.isPropertyAccessExpression(this.constants.skipTrivia(x.expression)) && (this.constants.skipTrivia(x.expression) as ts.PropertyAccessExpression).name.text === "response");
    if (!t.isIdentifier(x)) return false;
    const decl = this.scopes.resolve(x);
    if (!decl || !t.isBindingElement(decl) || !t.isObjectBindingPattern(decl.parent)) return false;
    const key = decl.propertyName ?? decl.name;
    return t.isIdentifier(key) && key.text === "responseMessages";
  }

  withoutFallback(e: ts.Expression): ts.Expression {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isBinaryExpression(x) && (x.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || x.operatorToken.kind === t.SyntaxKind.BarBarToken)) return this.withoutFallback(x.left);
    return x;
  }

  /** `result.history`, `response.messages`, `responseMessages`: the whole conversation comes back. */
  readsHistoryProperty(rhs: ts.Expression): boolean {
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
}

function enclosingFunction(t: TS, n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (t.isFunctionLike(p)) return p;
  return undefined;
}

function isLoop(t: TS, n: ts.Node): boolean {
  return t.isForStatement(n) || t.isForOfStatement(n) || t.isForInStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n);
}
