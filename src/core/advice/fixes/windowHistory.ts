// Keep a sliding window: before the call, drop all but the last N messages, keeping the system
// messages the history starts with (see keptPrefix). `if (h.length > K + N) h.splice(K, h.length - (K + N))`
// keeps the array (and a const) and is a window the engine recognises.
import { historyOf, indentAt, keptPrefix, keptText, readAfterLoop, statementIn } from "../source";
import type { QuickFix } from "../types";
import { boundFix, type FixContext } from "./context";

export function windowHistory(ctx: FixContext): QuickFix | undefined {
  const { src, settings } = ctx;
  const t = src.ts;
  const h = historyOf(src, ctx.call, ctx.advice.finding.facts);
  if (!h || h.kind !== "array" || !t.isBlock(h.loop.statement) || readAfterLoop(src, h)) return undefined;
  const statement = statementIn(h.loop.statement, ctx.call);
  if (!statement) return undefined;
  const name = h.id.text;
  const kept = keptPrefix(src, h.decl.initializer!);
  if (!kept) return undefined;
  const keep = kept.count;
  const size = windowSizeFor(ctx.advice.finding.sdk, settings.windowSize);
  const cap = keep + size;
  const at = statement.getStart(src.sf);
  const trim = `if (${name}.length > ${cap}) ${name}.splice(${keep}, ${name}.length - ${cap});`;
  const edits = [{ start: at, end: at, newText: `${trim}\n${indentAt(src.text, at)}` }];
  return boundFix(ctx, "window-history", `Keep the last ${size} messages${keptText(kept, " and")}`, edits, true);
}

/** APIs whose conversations must start with a user turn (Anthropic's messages, Gemini's contents). */
const USER_FIRST = new Set(["@anthropic-ai/sdk", "@google/genai"]);

/**
 * The window, odd where the conversation must start with a user turn: trimmed just after a user
 * turn is pushed, an alternating history keeps a user turn first only with an odd number of messages.
 */
function windowSizeFor(sdk: string, size: number): number {
  return USER_FIRST.has(sdk) && size % 2 === 0 ? Math.max(1, size - 1) : size;
}
