// Where a loop's counter, bound or list may change outside the code the loop walks (its body and
// the helpers it calls): through another name for the same object (`let xs = items; xs.push(…)`
// under `i < items.length`, `const box = { list: items }`), by a function kept and run later (a
// timer's callback, a listener, an arrow kept in a field), or, for a variable of the module or of
// an enclosing function, by any other code, which may run while the loop awaits. Read from the
// declaration's references (Scopes.referencesTo), once per declaration and loop.
//
// Not followed (stated in docs/estimates.md): an object handed to a call of code not read is taken
// not to be kept by it; an object imported from another module, or exported, is taken to be written
// only where this module writes it; a method of the class other than the loop's is not taken to run
// while the loop awaits (only functions kept in the class's fields are).
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";
import { OWN_FRAME, type LoopHelpers } from "./loopHelpers";

export type WriteKind = "up" | "down" | "reset";
export type WriteKinds = ReadonlyMap<string, ReadonlySet<WriteKind>>;

export interface Outside {
  /** The root's key (`items`, `this`): the other fields are in its terms. */
  readonly root: string;
  /** Other names of the object (`xs` for `let xs = items`, `box.list`): a write of `alias + rest` writes `root + rest`. */
  readonly aliases: ReadonlyMap<string, string>;
  /** The object is kept where no name reaches it (an array's element, a constructor's argument, a returned value). */
  readonly opaque: boolean;
  /** Writes, in the root's terms, that code other than the loop's own may make while the loop runs. */
  readonly foreign: WriteKinds;
}

/** Array methods that run their callback before they return: a write there happens where the call is. */
const SYNC_CALLBACKS = new Set(["map", "forEach", "flatMap", "filter", "reduce", "reduceRight", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "sort", "toSorted"]);
/** Methods that keep what they are handed in the receiver (an array, a map, a set). */
const KEEPING = new Set(["push", "unshift", "splice", "set", "add", "concat", "fill", "with"]);

export class OutsideWrites {
  private readonly memo = new Map<ts.Node, Map<ts.Node, Outside | null>>();

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
    private readonly helpers: LoopHelpers,
    /** What a write (`x++`, `x.y = …`, `xs.push(…)`, `o.reset()`) does, by key: Loops' reading of steps. */
    private readonly writeKinds: (n: ts.Node, key: (e: ts.Expression) => string | undefined) => WriteKinds | undefined,
  ) {}

  /** What may change the object `e` (in the loop's terms) names, outside what `loop` walks. */
  of(loop: ts.Node, e: ts.Expression): Outside | undefined {
    const root = this.rootOf(e, 0);
    if (!root) return undefined;
    const t = this.ts;
    const decl = t.isIdentifier(root) ? this.scopes.resolve(root) : this.classOf(root);
    if (!decl || !(t.isVariableDeclaration(decl) || t.isParameter(decl) || t.isBindingElement(decl) || t.isClassLike(decl))) return undefined;
    let byLoop = this.memo.get(decl);
    if (!byLoop) this.memo.set(decl, (byLoop = new Map()));
    let found = byLoop.get(loop);
    if (found === undefined) {
      found = this.compute(loop, root, decl) ?? null;
      byLoop.set(loop, found);
    }
    return found ?? undefined;
  }

  /** The name an object is reached from: `items` of `items.length`, `state` of `s.max` with `const s = state`, `this`. */
  private rootOf(e: ts.Expression, depth: number): ts.Identifier | ts.Expression | undefined {
    const t = this.ts;
    let x = this.constants.skipTrivia(e);
    while (t.isPropertyAccessExpression(x)) x = this.constants.skipTrivia(x.expression);
    if (x.kind === t.SyntaxKind.ThisKeyword) return x;
    if (!t.isIdentifier(x)) return undefined;
    const same = depth < 8 ? this.helpers.constAlias(x) : undefined;
    return same ? this.rootOf(same, depth + 1) : x;
  }

  private classOf(self: ts.Node): ts.ClassLikeDeclaration | undefined {
    const t = this.ts;
    // `this` of a method, or of an arrow in one (an arrow keeps its maker's `this`).
    for (let n: ts.Node | undefined = self.parent; n; n = n.parent) {
      if (t.isClassLike(n)) return n;
      if (t.isFunctionLike(n) && !t.isArrowFunction(n) && !(n.parent && t.isClassLike(n.parent))) return undefined;
    }
    return undefined;
  }

  private compute(loop: ts.Node, root: ts.Expression, decl: ts.Node): Outside | undefined {
    const t = this.ts;
    const rootKey = this.helpers.key(root, OWN_FRAME);
    if (rootKey === undefined) return undefined;
    const fn = this.functionOf(loop);
    const aliases = new Map<string, string>();
    const foreign = new Map<string, Set<WriteKind>>();
    const state = { opaque: false };
    const record = (kinds: WriteKinds, translate: (k: string) => string | undefined): void => {
      for (const [k, ks] of kinds) {
        const mine = translate(k);
        if (mine === undefined) continue;
        const set = foreign.get(mine) ?? new Set<WriteKind>();
        for (const kind of ks) set.add(kind);
        foreign.set(mine, set);
      }
    };
    if (t.isClassLike(decl)) {
      this.keptFunctions(decl, loop, fn, (n) => record(this.writeKinds(n, (e) => this.helpers.key(e, OWN_FRAME)) ?? new Map(), (k) => (k === "this" || k.startsWith("this.") ? k : undefined)));
      return { root: rootKey, aliases, opaque: false, foreign };
    }
    // A variable of this function (or its parameter) is written outside the loop only before or after it.
    const local = fn.pos <= decl.pos && decl.end <= fn.end;
    const seen = new Set<ts.Node>();
    const visit = (d: ts.Node, prefix: string, mapsTo: string): void => {
      if (seen.has(d) || seen.size > 32) {
        if (seen.size > 32) state.opaque = true;
        return;
      }
      seen.add(d);
      const name = this.scopes.nameOf(d);
      if (name === undefined) return;
      const translate = (k: string): string | undefined => (k === prefix ? mapsTo : k.startsWith(`${prefix}.`) ? mapsTo + k.slice(prefix.length) : undefined);
      for (const ref of this.scopes.referencesTo(d, name)) {
        // The chain of names read from the reference (`box.list` of `box.list.push(x)`), up to a method called on it.
        let top: ts.Expression = ref;
        while (t.isPropertyAccessExpression(top.parent) && top.parent.expression === top && !(t.isCallExpression(top.parent.parent) && top.parent.parent.expression === top.parent)) top = top.parent;
        const chain = this.helpers.key(top, OWN_FRAME);
        const mine = chain === undefined ? undefined : translate(chain);
        if (mine === undefined) {
          // `box` of `const box = { list: items }` kept where no name reaches it keeps items there too.
          if (chain !== undefined && prefix.startsWith(`${chain}.`) && this.keptUnnamed(top)) state.opaque = true;
          continue;
        }
        const p = top.parent;
        const writes =
          (t.isPostfixUnaryExpression(p) || t.isPrefixUnaryExpression(p)) && p.operand === top
            ? p
            : t.isBinaryExpression(p) && p.left === top && p.operatorToken.kind >= t.SyntaxKind.FirstAssignment && p.operatorToken.kind <= t.SyntaxKind.LastAssignment
              ? p
              : t.isPropertyAccessExpression(p) && t.isCallExpression(p.parent) && p.parent.expression === p
                ? p.parent
                : t.isElementAccessExpression(p) && p.expression === top && t.isBinaryExpression(p.parent) && p.parent.left === p && p.parent.operatorToken.kind === t.SyntaxKind.EqualsToken
                  ? p.parent
                  : undefined;
        if (writes) {
          if (this.foreignPlace(ref, loop, fn, local)) record(this.writeKinds(writes, (e) => this.helpers.key(e, OWN_FRAME)) ?? new Map(), translate);
          continue;
        }
        this.escape(top, mine, aliases, state, visit, local && this.functionOf(ref) === fn);
      }
    };
    visit(decl, rootKey, rootKey);
    return { root: rootKey, aliases, opaque: state.opaque, foreign };
  }

  /**
   * Where a value naming the object goes: another variable (`let xs = items`, `xs = items`, a
   * property `this.list = items`, an object kept in a variable `{ list: items }`) is another name
   * for it; an array's element, a constructor's argument, a returned value, a keeping method's
   * argument keep it where no name reaches (opaque). Read positions and calls' arguments are neither.
   */
  private escape(value: ts.Expression, mine: string, aliases: Map<string, string>, state: { opaque: boolean }, visit: (d: ts.Node, prefix: string, mapsTo: string) => void, ownCode: boolean): void {
    const t = this.ts;
    const at = this.valuePlace(value);
    const p = at.parent;
    const named = (target: ts.Expression | ts.BindingName, path: string): void => {
      if (t.isObjectBindingPattern(target)) {
        for (const el of target.elements) {
          const key = el.propertyName ?? el.name;
          // `...rest` copies the fields: the objects they hold are kept under names not followed.
          if (el.dotDotDotToken || !t.isIdentifier(key)) state.opaque = true;
          else named(el.name, `${path}.${key.text}`);
        }
        return;
      }
      if (t.isArrayBindingPattern(target)) return void (state.opaque = true);
      const k = this.helpers.key(target as ts.Expression, OWN_FRAME);
      if (k === undefined) return void (state.opaque = true);
      if (k !== path) aliases.set(k, path);
      // A variable made or set to name it: its own references are read too (a const's keys are already the object's).
      const d = t.isIdentifier(target) ? (t.isVariableDeclaration(target.parent) || t.isBindingElement(target.parent) ? target.parent : this.scopes.resolve(target)) : undefined;
      if (d) visit(d, k, path);
    };
    if (t.isVariableDeclaration(p) && p.initializer === at) return named(p.name, mine);
    if (t.isBinaryExpression(p) && p.right === at && p.operatorToken.kind === t.SyntaxKind.EqualsToken) return named(p.left, mine);
    if ((t.isPropertyAssignment(p) && p.initializer === at) || (t.isShorthandPropertyAssignment(p) && p.name === at)) {
      const prop = p.name;
      const holder = this.valuePlace(p.parent);
      const hp = holder.parent;
      if (!t.isIdentifier(prop) && !t.isStringLiteral(prop)) return void (state.opaque = true);
      if (t.isVariableDeclaration(hp) && hp.initializer === holder) {
        const k = t.isIdentifier(hp.name) ? this.helpers.key(hp.name, OWN_FRAME) : undefined;
        if (k === undefined) return void (state.opaque = true);
        aliases.set(`${k}.${prop.text}`, mine);
        visit(hp, `${k}.${prop.text}`, mine);
        return;
      }
      if (t.isBinaryExpression(hp) && hp.right === holder && hp.operatorToken.kind === t.SyntaxKind.EqualsToken) {
        const k = this.helpers.key(hp.left, OWN_FRAME);
        if (k === undefined) return void (state.opaque = true);
        aliases.set(`${k}.${prop.text}`, mine);
        return;
      }
      // Handed to a call in an object (`create({ messages })`): a call's argument.
      if ((t.isCallExpression(hp) && hp.arguments.includes(holder) && !this.keeps(hp)) || t.isSpreadAssignment(hp)) return;
      return void (state.opaque = true);
    }
    // Returned by the loop's own function (a variable of it): the loop has ended by then.
    if (ownCode && t.isReturnStatement(p)) return;
    if (this.keptUnnamed(value)) state.opaque = true;
  }

  /** Whether a value is kept where no name reaches it: an array's element, a constructor's or a keeping method's argument, a returned or yielded value, a default. */
  private keptUnnamed(value: ts.Expression): boolean {
    const t = this.ts;
    const at = this.valuePlace(value);
    const p = at.parent;
    if (t.isArrayLiteralExpression(p) || t.isReturnStatement(p) || t.isYieldExpression(p) || t.isNewExpression(p) || (t.isArrowFunction(p) && p.body === at) || t.isParameter(p) || t.isPropertyDeclaration(p)) return true;
    if (t.isCallExpression(p) && p.arguments.includes(at)) return this.keeps(p);
    return false;
  }

  /** `list.push(items)`, `map.set(k, items)`, `Object.assign(o, { items })`: a call that keeps its arguments in its receiver. */
  private keeps(call: ts.CallExpression): boolean {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    if (!t.isPropertyAccessExpression(callee)) return false;
    return KEEPING.has(callee.name.text) || (t.isIdentifier(callee.expression) && callee.expression.text === "Object" && callee.name.text === "assign");
  }

  /** The place a value ends up: through parentheses, `as`, `!`, `await`, a conditional's branch, `??`/`||`/`&&`. */
  private valuePlace(e: ts.Expression): ts.Expression {
    const t = this.ts;
    const K = t.SyntaxKind;
    let x = e;
    for (;;) {
      const p = x.parent;
      if (t.isParenthesizedExpression(p) || t.isAsExpression(p) || t.isNonNullExpression(p) || t.isAwaitExpression(p) || t.isSatisfiesExpression(p) || t.isTypeAssertionExpression(p)) x = p;
      else if (t.isConditionalExpression(p) && p.condition !== x) x = p;
      else if (t.isBinaryExpression(p) && [K.QuestionQuestionToken, K.BarBarToken, K.AmpersandAmpersandToken, K.CommaToken].includes(p.operatorToken.kind) && (p.right === x || p.operatorToken.kind !== K.CommaToken)) x = p;
      else return x;
    }
  }

  /** The function a loop is in (the file for a loop at the top level). */
  private functionOf(n: ts.Node): ts.Node {
    for (let p: ts.Node | undefined = n.parent; p; p = p.parent) if (this.ts.isFunctionLike(p)) return p;
    return this.scopes.sourceFile;
  }

  /**
   * Whether a write at `ref` may happen while the loop runs without the loop's walk reading it: not
   * in the loop's body (where it is read in place), not in the loop function's own code before or
   * after the loop (for a variable of that function), not in a function only ever called where one
   * of those runs (read as the loop's helper).
   */
  private foreignPlace(ref: ts.Node, loop: ts.Node, fn: ts.Node, local: boolean): boolean {
    return !this.runsInPlace(ref, loop, fn, local, new Set());
  }

  private runsInPlace(at: ts.Node, loop: ts.Node, fn: ts.Node, local: boolean, seen: Set<ts.Node>): boolean {
    const t = this.ts;
    const inLoop = loop.pos <= at.pos && at.end <= loop.end;
    // The innermost function around `at` that does not run where it is written.
    let n: ts.Node | undefined = at.parent;
    for (; n && n !== fn; n = n.parent) {
      if (!t.isFunctionLike(n)) continue;
      if (inLoop && loop.pos <= n.pos && n.end <= loop.end && !this.namedFunction(n)) continue;
      if (this.syncCallback(n)) continue;
      return this.onlyCalledInPlace(n, loop, fn, local, seen);
    }
    if (inLoop) return true;
    // The loop's own function writing an outer variable before or after it: another invocation can do so
    // during the loop only while this one is suspended, at an await (or yield) of the loop.
    return local || (n === fn && !this.suspends(loop));
  }

  /** Whether the loop itself may suspend (an `await`, a `yield`, `for await`), not counting functions written in it. */
  private suspends(loop: ts.Node): boolean {
    const t = this.ts;
    const visit = (n: ts.Node): boolean => {
      if (t.isAwaitExpression(n) || t.isYieldExpression(n) || (t.isForOfStatement(n) && !!n.awaitModifier)) return true;
      if (t.isFunctionLike(n)) return false;
      return !!t.forEachChild(n, visit);
    };
    return visit(loop);
  }

  /** A callback an array method runs before it returns (`xs.forEach((x) => …)`). */
  private syncCallback(fn: ts.Node): boolean {
    const t = this.ts;
    const call = fn.parent;
    if (!(t.isArrowFunction(fn) || t.isFunctionExpression(fn)) || !call || !t.isCallExpression(call) || !call.arguments.includes(fn)) return false;
    const callee = this.constants.skipTrivia(call.expression);
    return t.isPropertyAccessExpression(callee) && SYNC_CALLBACKS.has(callee.name.text);
  }

  /** `function f() {}`, `const f = () => {}`: the declaration a function is called by, if it has one. */
  private namedFunction(fn: ts.Node): ts.Node | undefined {
    const t = this.ts;
    if (t.isFunctionDeclaration(fn) && fn.name) return fn;
    if ((t.isArrowFunction(fn) || t.isFunctionExpression(fn)) && t.isVariableDeclaration(fn.parent) && fn.parent.initializer === fn && t.isIdentifier(fn.parent.name)) return fn.parent;
    return undefined;
  }

  /** Whether a function is only called directly, and each call runs in place (in the loop, or before or after it for a local). */
  private onlyCalledInPlace(fn: ts.Node, loop: ts.Node, home: ts.Node, local: boolean, seen: Set<ts.Node>): boolean {
    const t = this.ts;
    if (seen.has(fn)) return true;
    seen.add(fn);
    const decl = this.namedFunction(fn);
    const name = decl && this.scopes.nameOf(decl);
    if (!decl || name === undefined || this.exported(decl)) return false;
    return this.scopes.referencesTo(decl, name).every((ref) => t.isCallExpression(ref.parent) && ref.parent.expression === ref && this.runsInPlace(ref.parent, loop, home, local, seen));
  }

  private readonly kept = new Map<ts.ClassLikeDeclaration, readonly { readonly write: ts.Node; readonly fn: ts.Node }[]>();

  /** `export function f`, `export const f = …`, `export default function`: callable from other modules. */
  private exported(decl: ts.Node): boolean {
    const t = this.ts;
    const holder = t.isVariableDeclaration(decl) ? decl.parent.parent : decl;
    const mods = t.canHaveModifiers(holder) ? t.getModifiers(holder) : undefined;
    return !!mods?.some((m) => m.kind === t.SyntaxKind.ExportKeyword || m.kind === t.SyntaxKind.DefaultKeyword);
  }

  /**
   * The functions a class keeps (an arrow or a function expression written in a member, not the
   * member itself: `this.onStep = () => { this.max++ }`, `bump = () => …`): each write of `this`
   * in one that may run outside the loop's walk is handed to `found`.
   */
  private keptFunctions(cls: ts.ClassLikeDeclaration, loop: ts.Node, fn: ts.Node, found: (write: ts.Node) => void): void {
    let writes = this.kept.get(cls);
    if (!writes) this.kept.set(cls, (writes = this.keptWrites(cls)));
    for (const w of writes) if (!(w.fn.pos <= fn.pos && fn.end <= w.fn.end) && !this.runsInPlace(w.write, loop, fn, true, new Set())) found(w.write);
  }

  /** The writes of `this` in the functions a class keeps, each with the kept function it is in. */
  private keptWrites(cls: ts.ClassLikeDeclaration): { write: ts.Node; fn: ts.Node }[] {
    const t = this.ts;
    const K = t.SyntaxKind;
    const out: { write: ts.Node; fn: ts.Node }[] = [];
    const isThis = (e: ts.Expression): boolean => {
      let x = this.constants.skipTrivia(e);
      while (t.isPropertyAccessExpression(x)) x = this.constants.skipTrivia(x.expression);
      return x.kind === K.ThisKeyword;
    };
    const visit = (n: ts.Node, kept: ts.Node | undefined): void => {
      if (t.isClassLike(n) && n !== cls) return;
      let inKept = kept;
      if ((t.isArrowFunction(n) || t.isFunctionExpression(n)) && !kept) inKept = n;
      // A function declared in one has a `this` of its own.
      else if (t.isFunctionLike(n) && !t.isArrowFunction(n) && kept) return;
      if (inKept) {
        const write =
          (t.isPostfixUnaryExpression(n) || t.isPrefixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken) && isThis(n.operand)
            ? n
            : t.isBinaryExpression(n) && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment && isThis(n.left)
              ? n
              : t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && t.isPropertyAccessExpression(this.constants.skipTrivia(n.expression.expression)) && isThis(n.expression.expression)
                ? n
                : undefined;
        if (write) out.push({ write, fn: inKept });
      }
      t.forEachChild(n, (c) => visit(c, inKept));
    };
    for (const m of cls.members) visit(m, undefined);
    return out;
  }
}
