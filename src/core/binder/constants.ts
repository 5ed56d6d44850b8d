// Static values of expressions: string and number literals, and consts initialised with them (in
// this module, or imported from another of the project's: `import { MAX_TURNS } from "./config"`).
import type * as ts from "typescript";
import type { Scopes, TS } from "./scopes";

/** The number or string another module's `export const` states under a key path (`MAX_TURNS`, `config.maxSteps`), through the project's module resolution. */
export type ImportedConstant = (specifier: string, exportName: string, path: readonly string[]) => number | string | undefined;

export class Constants {
  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly importedConstant?: ImportedConstant,
  ) {}

  /** `import { MAX_TURNS } from "./config"` (or a default import): the value the module exports under that name. */
  private imported(decl: ts.Node): number | string | undefined {
    const t = this.ts;
    if (!this.importedConstant) return undefined;
    if (t.isImportSpecifier(decl) && !decl.isTypeOnly && t.isStringLiteralLike(decl.parent.parent.parent.moduleSpecifier)) return this.importedConstant(decl.parent.parent.parent.moduleSpecifier.text, (decl.propertyName ?? decl.name).text, []);
    if (t.isImportClause(decl) && !decl.isTypeOnly && t.isStringLiteralLike(decl.parent.moduleSpecifier)) return this.importedConstant(decl.parent.moduleSpecifier.text, "default", []);
    return undefined;
  }

  /** Strips parentheses, `await`, type assertions, `!` and type arguments (`generateText<TOOLS>`, the function itself). */
  skipTrivia(e: ts.Expression): ts.Expression {
    const t = this.ts;
    for (;;) {
      if (t.isParenthesizedExpression(e) || t.isAwaitExpression(e) || t.isNonNullExpression(e) || t.isAsExpression(e) || t.isTypeAssertionExpression(e) || t.isSatisfiesExpression(e) || t.isExpressionWithTypeArguments(e)) e = e.expression;
      else return e;
    }
  }

  /** The initializer of a `const`/`let` an identifier refers to (one level). */
  initializerOf(id: ts.Identifier): ts.Expression | undefined {
    const decl = this.scopes.resolve(id);
    if (decl && this.ts.isVariableDeclaration(decl) && this.ts.isIdentifier(decl.name)) return decl.initializer;
    return undefined;
  }

  /** `maxRounds = 8`, `model = "gpt-4o"`: the default of the parameter an identifier refers to. */
  parameterDefault(id: ts.Identifier): ts.Expression | undefined {
    const decl = this.scopes.resolve(id);
    return decl && this.ts.isParameter(decl) && this.ts.isIdentifier(decl.name) ? decl.initializer : undefined;
  }

  isConstDeclaration(decl: ts.Node): boolean {
    const t = this.ts;
    return t.isVariableDeclaration(decl) && t.isVariableDeclarationList(decl.parent) && (decl.parent.flags & t.NodeFlags.Const) !== 0;
  }

  string(e: ts.Expression | undefined, depth = 0): string | undefined {
    if (!e || depth > 8) return undefined;
    const t = this.ts;
    e = this.skipTrivia(e);
    if (t.isStringLiteral(e) || t.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (t.isIdentifier(e)) {
      const decl = this.scopes.resolve(e);
      if (decl && this.isConstDeclaration(decl) && t.isVariableDeclaration(decl)) return this.string(decl.initializer, depth + 1);
      const v = decl && this.imported(decl);
      if (typeof v === "string") return v;
    }
    if (t.isTemplateExpression(e)) {
      let s = e.head.text;
      for (const span of e.templateSpans) {
        const v = this.string(span.expression, depth + 1);
        if (v === undefined) return undefined;
        s += v + span.literal.text;
      }
      return s;
    }
    if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) {
      const a = this.string(e.left, depth + 1);
      const b = this.string(e.right, depth + 1);
      return a !== undefined && b !== undefined ? a + b : undefined;
    }
    return undefined;
  }

  /** The static prefix of a string expression (a URL built with a template keeps its host and path). */
  stringPrefix(e: ts.Expression | undefined, depth = 0): string | undefined {
    if (!e || depth > 8) return undefined;
    const t = this.ts;
    e = this.skipTrivia(e);
    const whole = this.string(e, depth);
    if (whole !== undefined) return whole;
    if (t.isTemplateExpression(e)) {
      // `${BASE}/v1/chat/completions`: join the static parts we know, mark the rest as a gap.
      let s = e.head.text;
      for (const span of e.templateSpans) s += (this.string(span.expression, depth + 1) ?? "\u0000") + span.literal.text;
      return s;
    }
    if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) {
      return (this.stringPrefix(e.left, depth + 1) ?? "\u0000") + (this.stringPrefix(e.right, depth + 1) ?? "\u0000");
    }
    return undefined;
  }

  number(e: ts.Expression | undefined, depth = 0): number | undefined {
    if (!e || depth > 8) return undefined;
    const t = this.ts;
    e = this.skipTrivia(e);
    if (t.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ""));
    if (t.isPrefixUnaryExpression(e) && e.operator === t.SyntaxKind.MinusToken) {
      const v = this.number(e.operand, depth + 1);
      return v === undefined ? undefined : -v;
    }
    if (t.isIdentifier(e)) {
      const decl = this.scopes.resolve(e);
      if (decl && this.isConstDeclaration(decl) && t.isVariableDeclaration(decl)) return this.number(decl.initializer, depth + 1);
      const v = decl && this.imported(decl);
      if (typeof v === "number") return v;
    }
    if (t.isBinaryExpression(e)) {
      const a = this.number(e.left, depth + 1);
      const b = this.number(e.right, depth + 1);
      if (a === undefined || b === undefined) return undefined;
      switch (e.operatorToken.kind) {
        case t.SyntaxKind.PlusToken: return a + b;
        case t.SyntaxKind.MinusToken: return a - b;
        case t.SyntaxKind.AsteriskToken: return a * b;
        case t.SyntaxKind.SlashToken: return b === 0 ? undefined : a / b;
        default: return undefined;
      }
    }
    return undefined;
  }

  /**
   * `config.maxSteps`, `settings.limits.turns`, `MAX_TURNS`: a number under a key path of a const
   * declared here or exported as a const by another module (imported by name or as a namespace).
   */
  memberNumber(e: ts.Expression): number | undefined {
    const v = this.memberValue(e);
    return typeof v === "number" ? v : undefined;
  }

  /** What `memberNumber` reads, a string too; and an enum's member (`Mode.MAX_TURNS`), declared here or exported by another module. */
  memberValue(e: ts.Expression): number | string | undefined {
    const t = this.ts;
    const path: string[] = [];
    let x = this.skipTrivia(e);
    while (t.isPropertyAccessExpression(x) && t.isIdentifier(x.name)) {
      path.unshift(x.name.text);
      x = this.skipTrivia(x.expression);
    }
    if (!t.isIdentifier(x)) return undefined;
    const decl = this.scopes.resolve(x);
    if (!decl) return undefined;
    if (this.isConstDeclaration(decl) && t.isVariableDeclaration(decl)) {
      const value = this.property(decl.initializer, path);
      return this.number(value) ?? this.string(value);
    }
    if (t.isEnumDeclaration(decl)) return path.length === 1 ? this.enumMember(decl, path[0]!) : undefined;
    if (t.isImportSpecifier(decl) && t.isStringLiteralLike(decl.parent.parent.parent.moduleSpecifier)) return this.importedConstant?.(decl.parent.parent.parent.moduleSpecifier.text, (decl.propertyName ?? decl.name).text, path);
    if (t.isNamespaceImport(decl) && path.length && t.isStringLiteralLike(decl.parent.parent.moduleSpecifier)) return this.importedConstant?.(decl.parent.parent.moduleSpecifier.text, path[0]!, path.slice(1));
    return undefined;
  }

  /** The value of an enum's member: its initializer, or one more than the member before (0 for the first). */
  enumMember(decl: ts.EnumDeclaration, name: string): number | string | undefined {
    const t = this.ts;
    let value: number | string | undefined;
    for (const [i, m] of decl.members.entries()) {
      value = m.initializer ? (this.number(m.initializer) ?? this.string(m.initializer)) : i === 0 ? 0 : typeof value === "number" ? value + 1 : undefined;
      if ((t.isIdentifier(m.name) || t.isStringLiteral(m.name)) && m.name.text === name) return value;
    }
    return undefined;
  }

  /**
   * The object literal an expression denotes: itself, or the initializer of the const it names.
   * `through` (options passed on: an SDK's step cap) also follows the value a method of the class
   * returns (`this.prepareCall(…)`), the seen side of `hook?.(base) ?? base`, and the object a rest
   * binding (`const { prompt, ...callArgs } = args`) was taken from, for a key it does not name.
   */
  objectLiteral(e: ts.Expression | undefined, depth = 0, through?: { readonly key: string }): ts.ObjectLiteralExpression | undefined {
    if (!e || depth > 4) return undefined;
    const t = this.ts;
    e = this.skipTrivia(e);
    if (t.isObjectLiteralExpression(e)) return e;
    if (t.isIdentifier(e)) {
      const rest = through && this.restSource(e, through.key);
      if (rest) return this.objectLiteral(rest, depth + 1, through);
      const init = this.initializerOf(e);
      return this.objectLiteral(init, depth + 1, through);
    }
    if (t.isCallExpression(e)) return this.objectLiteral((this.localFunctionOf(e) ?? (through ? this.ownMethodOf(e) : undefined))?.returns, depth + 1, through);
    if (through && t.isBinaryExpression(e) && (e.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === t.SyntaxKind.BarBarToken)) return this.objectLiteral(e.left, depth + 1, through) ?? this.objectLiteral(e.right, depth + 1, through);
    return undefined;
  }

  /** `callArgs` of `const { prompt, ...callArgs } = preparedArgs`: `preparedArgs`, when `key` is not one the pattern takes out. */
  private restSource(id: ts.Identifier, key: string): ts.Expression | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    if (!decl || !t.isBindingElement(decl) || !decl.dotDotDotToken || !t.isObjectBindingPattern(decl.parent) || !t.isVariableDeclaration(decl.parent.parent)) return undefined;
    const named = decl.parent.elements.some((el) => el !== decl && ((el.propertyName ?? el.name) as ts.Node).kind === t.SyntaxKind.Identifier && ((el.propertyName ?? el.name) as ts.Identifier).text === key);
    return named ? undefined : decl.parent.parent.initializer;
  }

  /**
   * A call of a function declared in this file that ends in one returned expression (a request
   * builder such as `const ask = (q) => ({ model, messages: [...] })`): the function and that expression.
   */
  localFunctionOf(call: ts.CallExpression): { fn: ts.SignatureDeclaration; returns: ts.Expression } | undefined {
    const t = this.ts;
    const callee = this.skipTrivia(call.expression);
    if (!t.isIdentifier(callee)) return undefined;
    const decl = this.scopes.resolve(callee);
    let fn: ts.Node | undefined = decl;
    if (decl && t.isVariableDeclaration(decl) && decl.initializer) fn = this.skipTrivia(decl.initializer);
    if (!fn || !(t.isFunctionDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn)) || !fn.body) return undefined;
    if (!t.isBlock(fn.body)) return { fn, returns: fn.body };
    const last = fn.body.statements[fn.body.statements.length - 1];
    return last && t.isReturnStatement(last) && last.expression ? { fn, returns: last.expression } : undefined;
  }

  /**
   * The function a call runs, when declared in this file: `append(h, x)` of a function (or a const
   * arrow function), `this.append(h, x)` of a method (or an arrow-function field) of the enclosing class.
   */
  calledFunction(call: ts.CallExpression): ts.SignatureDeclaration | undefined {
    const t = this.ts;
    const callee = this.skipTrivia(call.expression);
    let fn: ts.Node | undefined;
    if (t.isIdentifier(callee)) {
      fn = this.scopes.resolve(callee);
      if (fn && t.isVariableDeclaration(fn) && fn.initializer) fn = this.skipTrivia(fn.initializer);
    } else if (t.isPropertyAccessExpression(callee) && callee.expression.kind === t.SyntaxKind.ThisKeyword) {
      let cls: ts.Node | undefined = callee.parent;
      while (cls && !t.isClassLike(cls)) cls = cls.parent;
      const m = cls && t.isClassLike(cls) ? cls.members.find((x) => !!x.name && (t.isIdentifier(x.name) || t.isPrivateIdentifier(x.name)) && x.name.text === callee.name.text) : undefined;
      fn = m && t.isPropertyDeclaration(m) && m.initializer ? this.skipTrivia(m.initializer) : m;
    }
    return fn && (t.isFunctionDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn) || t.isMethodDeclaration(fn)) && fn.body ? fn : undefined;
  }

  /**
   * `this.getHistory()`: a method of the enclosing class that ends in one returned expression. Read
   * only for the collection it copies (CollectionSizes.copiedCollection): sizing every such call by
   * its returned expression pulled constructor settings (`this.x = fields.x ?? this.x`) into requests.
   */
  ownMethodOf(call: ts.CallExpression): { fn: ts.SignatureDeclaration; returns: ts.Expression } | undefined {
    const t = this.ts;
    const callee = this.skipTrivia(call.expression);
    if (!t.isPropertyAccessExpression(callee) || callee.expression.kind !== t.SyntaxKind.ThisKeyword) return undefined;
    let cls: ts.Node | undefined = callee.parent;
    while (cls && !t.isClassLike(cls)) cls = cls.parent;
    if (!cls || !t.isClassLike(cls)) return undefined;
    const m = cls.members.find((x): x is ts.MethodDeclaration => t.isMethodDeclaration(x) && !!x.name && (t.isIdentifier(x.name) || t.isPrivateIdentifier(x.name)) && x.name.text === callee.name.text);
    if (!m?.body || m.asteriskToken) return undefined;
    const last = m.body.statements[m.body.statements.length - 1];
    return last && t.isReturnStatement(last) && last.expression ? { fn: m, returns: last.expression } : undefined;
  }

  /** The expression under a dotted key path (`config.maxOutputTokens`) inside an object literal (`through`: see objectLiteral). */
  property(obj: ts.Expression | undefined, path: readonly string[], depth = 0, through = false): ts.Expression | undefined {
    let cur: ts.Expression | undefined = obj;
    for (const key of path) {
      const lit = this.objectLiteral(cur, 0, through ? { key } : undefined);
      if (!lit) return undefined;
      cur = undefined;
      for (const p of lit.properties) {
        // `{ ...request, stream: false }`: what the spread object holds, unless a later key replaces it.
        if (this.ts.isSpreadAssignment(p)) {
          const spread = depth < (through ? 8 : 4) ? this.property(p.expression, [key], depth + 1, through) : undefined;
          if (spread) cur = spread;
          continue;
        }
        const name = p.name && (this.ts.isIdentifier(p.name) || this.ts.isStringLiteral(p.name)) ? p.name.text : undefined;
        if (name !== key) continue;
        if (this.ts.isPropertyAssignment(p)) cur = p.initializer;
        else if (this.ts.isShorthandPropertyAssignment(p)) cur = p.name;
      }
      if (!cur) return undefined;
    }
    return cur;
  }

}
