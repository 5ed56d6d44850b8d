// A loop around an LLM call that ends only when data says so (a verdict, a score): the number of
// calls has no bound in the code.
import { formatBound } from "../../algebra/bound";
import { lineRef } from "../../lineRefs";
import type { Rule } from "./rule";

export const unboundedLoop: Rule<"dataDecidesExit"> = {
  name: "unbounded-loop",
  code: "aalp.unbounded-loop",
  number: 91003,
  severity: "configured",
  meta: {
    type: "problem",
    docs: { description: "A loop around an LLM call whose exit only data decides: no bound on the number of calls in the code.", url: "docs/diagnostics/unbounded-loop.md" },
    messages: {
      dataDecidesExit: "The {{kind}} loop at line {{line}} ends only when data says so ({{trips}} iterations, no bound in the code): calls {{calls}}. Cap its iterations.",
    },
  },
  check(f) {
    const l = f.loops.find((x) => x.dataDependent);
    if (!l) return undefined;
    return { messageId: "dataDecidesExit", data: { kind: l.kind, line: lineRef(l.line), trips: l.tripCount, calls: formatBound(f.calls, f.rank) } };
  },
};
