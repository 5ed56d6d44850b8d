// A whole text or collection, sized before the loop, sent with every iteration (alongside the
// iteration's own unit, or kept in every version in a history).
import { formatBound } from "../../algebra/bound";
import type { Finding } from "../../model";
import type { Rule } from "./rule";

export const wholeInputPerItem: Rule<"sentWhole" | "everyVersionKept"> = {
  name: "whole-input-per-item",
  code: "aalp.whole-input-per-item",
  number: 91002,
  severity: "configured",
  meta: {
    type: "problem",
    docs: { description: "A whole document, program or collection re-sent with every iteration of a loop.", url: "docs/diagnostics/whole-input-per-item.md" },
    // No promise of a fix: one is offered only where it keeps what the loop computes.
    messages: {
      sentWhole: "{{name}} is sent whole on each of {{iterations}} iterations: input {{bound}}. If each iteration needs only part of it, send that part.",
      everyVersionKept: "{{name}} is sent whole on each of {{iterations}} iterations, and every version is kept: input {{bound}}. If each iteration needs only part of it, send that part.",
    },
  },
  check(f) {
    const whole = wholeInputOf(f);
    if (!whole) return undefined;
    const data = { name: whole.name, iterations: f.loops.map((l) => l.tripCount).join("·"), bound: formatBound(f.inputTokens, f.rank) };
    return { messageId: whole.everyVersion ? "everyVersionKept" : "sentWhole", data };
  },
};

/**
 * A size that does not come from the loop (a parameter or value from before it) multiplied by a
 * loop count in the per-call input (a history of whole copies, unless the server's state re-bills
 * it), or sent alongside the loop's own unit (the whole with each item).
 */
export function wholeInputOf(f: Finding): { name: string; everyVersion: boolean } | undefined {
  const outer = f.loops[0];
  if (!outer || f.inputPerCall.kind !== "poly") return undefined;
  const counts = new Set(f.symbols.filter((s) => s.kind === "count").map((s) => s.name));
  const trips = new Set(f.loops.map((l) => l.tripCount));
  const isUnit = (name: string): boolean => {
    const s = f.symbols.find((x) => x.name === name);
    if (!s || s.kind !== "size") return false;
    const collection = /^\|(.+)\[\]\|$/.exec(name);
    // A size from another file's summary is sized per invocation: not a whole from before the loop.
    return !!s.file || s.line >= outer.line || (collection !== null && trips.has(`|${collection[1]}|`));
  };
  const isWhole = (name: string): boolean => f.symbols.find((x) => x.name === name)?.kind === "size" && !isUnit(name);
  const terms = f.inputPerCall.poly.dominant();
  // A chain the server keeps (`previous_response_id`) bills each request's input again on later
  // turns: that is the state's cost, not a whole sent with every request.
  const copies = f.growth === "stateful" ? undefined : terms.find((m) => Object.keys(m.factors).some((s) => counts.has(s)) && Object.keys(m.factors).some(isWhole));
  const hasUnit = terms.some((m) => Object.keys(m.factors).some(isUnit));
  const alongside = hasUnit ? terms.find((m) => Object.keys(m.factors).length === 1 && isWhole(Object.keys(m.factors)[0]!)) : undefined;
  const term = copies ?? alongside;
  if (!term) return undefined;
  const name = Object.keys(term.factors).find(isWhole)!;
  return { name: name.replace(/^\||\|$/g, ""), everyVersion: copies !== undefined };
}
