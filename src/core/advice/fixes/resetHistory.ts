// Reset the history at the start of every iteration, back to what it held before the loop (the
// system prompt): each call sees only its own turn, so the input stops growing across iterations.
import type * as ts from "typescript";
import { historyOf, indentAt, readAfterLoop, writtenBeforeLoop } from "../source";
import type { QuickFix, TextEdit } from "../types";
import { boundFix, type FixContext } from "./context";

export function resetHistory(ctx: FixContext): QuickFix | undefined {
  const { src } = ctx;
  const t = src.ts;
  const h = historyOf(src, ctx.call, ctx.advice.finding.facts);
  if (!h || !t.isBlock(h.loop.statement) || writtenBeforeLoop(src, h) || readAfterLoop(src, h)) return undefined;
  const name = h.id.text;
  const init = h.decl.initializer!;
  const empty = t.isArrayLiteralExpression(init) && init.elements.length === 0;
  const edits: TextEdit[] = [];
  let reset: string;
  if (empty) reset = `${name}.length = 0;`;
  else {
    reset = `${name} = ${init.getText(src.sf)};`;
    const constKeyword = constKeywordOf(ctx, h.decl);
    if (constKeyword) edits.push({ start: constKeyword, end: constKeyword + "const".length, newText: "let" });
  }
  const body = h.loop.statement;
  const first = body.statements[0];
  if (!first) return undefined;
  const at = first.getStart(src.sf);
  edits.push({ start: at, end: at, newText: `${reset}\n${indentAt(src.text, at)}` });
  return boundFix(ctx, "reset-history", `Start ${name} afresh each iteration (forgets earlier turns)`, edits, false);
}

/** Offset of `const` in the declaration's list, when it is one. */
export function constKeywordOf(ctx: FixContext, decl: ts.VariableDeclaration): number | undefined {
  const t = ctx.src.ts;
  const list = decl.parent;
  if (!t.isVariableDeclarationList(list) || !(list.flags & t.NodeFlags.Const) || list.declarations.length !== 1) return undefined;
  return list.getStart(ctx.src.sf);
}
