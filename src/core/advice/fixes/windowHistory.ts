// Keep a sliding window: before the call, drop all but the last N messages, keeping the system
// messages the history starts with (see keptPrefix). `if (h.length > K + N) h.splice(K, h.length - (K + N))`
// keeps the array (and a const) and is a window the engine recognises.
import { historyOf, indentAt, keptPrefix, keptText, statementIn } from "../source";
import type { QuickFix } from "../types";
import { boundFix, type FixContext } from "./context";

export function windowHistory(ctx: FixContext): QuickFix | undefined {
  const { src, settings } = ctx;
  const t = src.ts;
  const h = historyOf(src, ctx.call);
  if (!h || h.kind !== "array" || !t.isBlock(h.loop.statement)) return undefined;
  const statement = statementIn(h.loop.statement, ctx.call);
  if (!statement) return undefined;
  const name = h.id.text;
  const kept = keptPrefix(src, h.decl.initializer!);
  if (!kept) return undefined;
  const keep = kept.count;
  const cap = keep + settings.windowSize;
  const at = statement.getStart(src.sf);
  const trim = `if (${name}.length > ${cap}) ${name}.splice(${keep}, ${name}.length - ${cap});`;
  const edits = [{ start: at, end: at, newText: `${trim}\n${indentAt(src.text, at)}` }];
  return boundFix(ctx, "window-history", `Keep the last ${settings.windowSize} messages${keptText(kept, " and")}`, edits, true);
}
