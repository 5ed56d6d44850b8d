// A class field that starts as a number and is only ever replaced by a setting with itself as the
// fallback (`maxIterations = 10;` and `this.maxIterations = fields.maxIterations ?? this.maxIterations`):
// the number is its default, what a loop it caps runs at most unless a caller sets another.
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import { classField } from "./classFields";

export interface FieldDefault {
  readonly name: string;
  readonly value: number;
}

/** Each field's answer, kept with its syntax tree: loop bounds and wrapper arguments ask for it again and again, and each asking walks the class. */
const known = new WeakMap<ts.Node, FieldDefault | null>();

/** `this.<name>`'s default, when the field has one and no write of the class changes it otherwise. */
export function fieldDefault(t: typeof ts, constants: Constants, e: ts.Expression): FieldDefault | undefined {
  const x = constants.skipTrivia(e);
  if (!t.isPropertyAccessExpression(x) || x.expression.kind !== t.SyntaxKind.ThisKeyword) return undefined;
  const field = classField(t, x);
  const member = field?.member;
  if (!field || !member?.initializer) return undefined;
  const init = constants.skipTrivia(member.initializer);
  if (!t.isNumericLiteral(init)) return undefined;
  const memo = known.get(member);
  if (memo !== undefined) return memo ?? undefined;
  const name = x.name.text;
  const isSelf = (n: ts.Node): boolean => t.isPropertyAccessExpression(n) && n.expression.kind === t.SyntaxKind.ThisKeyword && n.name.text === name;
  let changed = false;
  const visit = (n: ts.Node): void => {
    if (changed || n === member) return;
    const K = t.SyntaxKind;
    if ((t.isPrefixUnaryExpression(n) || t.isPostfixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken) && isSelf(constants.skipTrivia(n.operand))) changed = true;
    else if (t.isBinaryExpression(n) && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment && isSelf(constants.skipTrivia(n.left))) {
      changed = n.operatorToken.kind !== K.EqualsToken || !keepsSelfAsFallback(t, constants, n.right, isSelf);
    }
    t.forEachChild(n, visit);
  };
  t.forEachChild(field.cls, visit);
  const answer = changed ? null : { name, value: Number(init.text.replace(/_/g, "")) };
  known.set(member, answer);
  return answer ?? undefined;
}

/** `setting ?? this.x`, `setting || this.x`: the field keeps its value unless a setting is given. */
function keepsSelfAsFallback(t: typeof ts, constants: Constants, rhs: ts.Expression, isSelf: (n: ts.Node) => boolean): boolean {
  const r = constants.skipTrivia(rhs);
  if (!t.isBinaryExpression(r)) return false;
  const op = r.operatorToken.kind;
  return (op === t.SyntaxKind.QuestionQuestionToken || op === t.SyntaxKind.BarBarToken) && isSelf(constants.skipTrivia(r.right));
}
