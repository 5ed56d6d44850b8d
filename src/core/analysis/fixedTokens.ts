// Tokens of a value fixed in the code (string literals, const tables and their members), counted
// without symbols: a prompt built only from such values has a constant size.
import type * as ts from "typescript";
import { countTokens } from "../tokens";
import { NARROWING, SAME_SIZE } from "./expressionSizes";
import { SizePart } from "./sizeContext";

export class FixedTokens extends SizePart {
  /** A message's `role` (`{ role: "user", content }`): framing the API adds per message, not prompt text. */
  isMessageRole(p: ts.ObjectLiteralElementLike): boolean {
    const t = this.ts;
    return (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && t.isIdentifier(p.name) && p.name.text === "role";
  }

  /**
   * Tokens of a value fixed in the code (literals, consts holding literal tables, keys or members of
   * them): an upper bound, the sum of every string the value could come from. Undefined otherwise.
   */
  staticTokens(e: ts.Expression, depth: number): number | undefined {
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
      return this.parts.writes.writesOf(decl, x.text).length === 0 ? this.staticTokens(decl.initializer, depth + 1) : undefined;
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
}
