// A history or accumulator re-sent on every iteration of a loop: the input grows with the square
// (or a higher power) of the loop counts (paper §3.2: Θ(b²·n) for b turns of size n).
import { formatBound } from "../../algebra/bound";
import { loopDegree } from "../../report/costClass";
import { lineRef } from "../../lineRefs";
import type { Rule, RuleReport } from "./rule";

const GROWTHS = new Set(["constant", "output", "rewrite"]);

export const growingHistory: Rule<"resent" | "resentGrowsAt"> = {
  name: "growing-history",
  code: "aalp.growing-history",
  number: 91001,
  severity: "configured",
  meta: {
    type: "problem",
    docs: { description: "A history re-sent whole on every iteration of a loop: input quadratic (or worse) in the loop counts.", url: "docs/diagnostics/growing-history.md" },
    messages: {
      resent: "History re-sent on every iteration: input {{bound}}.",
      resentGrowsAt: "History re-sent on every iteration: input {{bound}} ({{where}}).",
    },
  },
  check(f, { settings }): RuleReport<"resent" | "resentGrowsAt"> | undefined {
    if (loopDegree(f) < settings.warnDegree || !GROWTHS.has(f.growth)) return undefined;
    // Each growing variable and the lines it grows at, as the analysis found them.
    const grows = new Map<string, string[]>();
    for (const fact of f.facts ?? []) if (fact.kind === "grows") grows.set(fact.symbol, [...(grows.get(fact.symbol) ?? []), lineRef(fact.line)]);
    const bound = formatBound(f.inputTokens, f.rank);
    if (grows.size === 0) return { messageId: "resent", data: { bound } };
    const where = [...grows].map(([name, lines]) => `${name} grows at line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}`).join("; ");
    return { messageId: "resentGrowsAt", data: { bound, where } };
  },
};
