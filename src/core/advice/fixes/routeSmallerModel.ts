// Route a constant-size answer to a smaller model of the same provider (paper §3.1): the bounds
// keep their shape, the model factor m shrinks, so the title shows the dollars per run.
import type * as ts from "typescript";
import { smallerModel } from "../../pricing/smallerModel";
import { argumentProperty } from "../source";
import type { QuickFix, TextEdit } from "../types";
import { dollarsBeforeAfter, findingAfter, perRun, type FixContext } from "./context";

export function routeSmallerModel(ctx: FixContext): QuickFix | undefined {
  const f = ctx.advice.finding;
  const smaller = smallerModel(f.model, f.sdk);
  const target = modelLiteral(ctx);
  if (!smaller || !target) return undefined;
  const edits: TextEdit[] = [{ start: target.getStart(ctx.src.sf), end: target.end, newText: JSON.stringify(smaller.model) }];
  const after = findingAfter(ctx, edits);
  // The bounds keep their shape: only the price tells what the fix saves.
  const dollars = after && dollarsBeforeAfter(ctx.settings, f, after);
  if (!dollars) return undefined;
  const label = `Use ${smaller.model} for this short answer`;
  return { id: "route-smaller-model", label, title: `${label}: ${dollars.from} → ${dollars.to} ${perRun(ctx.settings)}`, code: ctx.advice.code, edits, before: dollars.from, after: dollars.to, isPreferred: true };
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
