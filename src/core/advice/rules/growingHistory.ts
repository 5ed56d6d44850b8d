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
    // Each growing variable and the lines it grows at, as the analysis found them; another module's
    // lines as plain numbers with its name (a marked line is this file's, renumbered with it).
    const grows = new Map<string, { name: string; file?: string; lines: string[] }>();
    for (const fact of f.facts ?? []) {
      if (fact.kind !== "grows") continue;
      const key = `${fact.symbol}\u0000${fact.file ?? ""}`;
      const g = grows.get(key) ?? { name: fact.symbol, ...(fact.file ? { file: fact.file } : {}), lines: [] };
      g.lines.push(fact.file ? String(fact.line) : lineRef(fact.line));
      grows.set(key, g);
    }
    const bound = formatBound(f.inputTokens, f.rank);
    if (grows.size === 0) return { messageId: "resent", data: { bound } };
    const where = [...grows.values()].map((g) => `${g.name} grows at line${g.lines.length > 1 ? "s" : ""} ${g.lines.join(", ")}${g.file ? ` of ${baseName(g.file)}` : ""}`).join("; ");
    return { messageId: "resentGrowsAt", data: { bound, where } };
  },
};

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
}
