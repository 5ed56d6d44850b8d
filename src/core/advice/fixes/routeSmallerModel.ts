// Route a constant-size answer to a smaller model of the same provider (paper §3.1): the bounds
// keep their shape, the model factor m shrinks, so the title shows dollars at default sizes.
import type * as ts from "typescript";
import { dollarEstimate, formatDollars } from "../../pricing/dollars";
import { smallerModel } from "../../pricing/smallerModel";
import { argumentProperty } from "../source";
import type { QuickFix, TextEdit } from "../types";
import { findingAfter, type FixContext } from "./context";

export function routeSmallerModel(ctx: FixContext): QuickFix | undefined {
  const f = ctx.advice.finding;
  const smaller = smallerModel(f.model, f.sdk);
  const target = modelLiteral(ctx);
  if (!smaller || !target) return undefined;
  const edits: TextEdit[] = [{ start: target.getStart(ctx.src.sf), end: target.end, newText: JSON.stringify(smaller.model) }];
  const after = findingAfter(ctx, edits);
  const before = dollarEstimate(f, {});
  const now = after && dollarEstimate(after, {});
  if (before.dollars === null || !now || now.dollars === null) return undefined;
  const from = formatDollars(before.dollars);
  const to = formatDollars(now.dollars);
  return { id: "route-smaller-model", title: `Use ${smaller.model} for this short answer: ${from} → ${to} per run at default sizes`, code: ctx.advice.code, edits, before: from, after: to, isPreferred: true };
}

/** What to replace: `model: "x"`, the `"x"` of `model: openai("x")`, or a `model: MODEL` reference (this call only). */
function modelLiteral(ctx: FixContext): ts.Expression | undefined {
  const t = ctx.src.ts;
  const m = argumentProperty(t, ctx.call, "model");
  if (!m || t.isShorthandPropertyAssignment(m.parent)) return undefined;
  if (t.isStringLiteralLike(m) || t.isIdentifier(m)) return m;
  if (t.isCallExpression(m) && m.arguments.length === 1 && t.isStringLiteralLike(m.arguments[0]!)) return m.arguments[0];
  return undefined;
}
