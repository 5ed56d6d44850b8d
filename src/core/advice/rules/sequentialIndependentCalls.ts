// Independent iterations awaited one after another: the span (calls waited for in a row) equals
// the number of calls, where running them concurrently would shorten it.
import type * as ts from "typescript";
import { formatBound } from "../../algebra/bound";
import { lineRef } from "../../lineRefs";
import { independentIterations, loopsAround, type ParsedSource } from "../source";
import type { Rule } from "./rule";

export const sequentialIndependentCalls: Rule<"awaitedOneByOne"> = {
  name: "sequential-independent-calls",
  code: "aalp.sequential-independent-calls",
  number: 91005,
  severity: "information",
  meta: {
    type: "suggestion",
    docs: { description: "Iterations that do not depend on each other but await their calls one after another: the span equals the calls.", url: "docs/diagnostics/sequential-independent-calls.md" },
    messages: {
      awaitedOneByOne: "The iterations of the loop at line {{line}} do not depend on each other but wait for one another: span {{span}} calls. Run them concurrently.",
    },
  },
  check(f, { src, call }) {
    // A rewrite chained inside an inner loop leaves an outer loop independent; independentLoop checks what is carried.
    if (!call || !["none", "rewrite"].includes(f.growth) || f.loops.length === 0 || f.loops.some((l) => l.parallel)) return undefined;
    const span = formatBound(f.span, f.rank);
    if (span !== formatBound(f.calls, f.rank)) return undefined;
    const loop = independentLoop(src, call);
    if (!loop) return undefined;
    const line = src.sf.getLineAndCharacterOfPosition(loop.getStart(src.sf)).line + 1;
    return { messageId: "awaitedOneByOne", data: { line: lineRef(line), span } };
  },
};

/** The outermost for/for-of loop around the call whose iterations are independent. */
export function independentLoop(src: ParsedSource, call: ts.CallExpression): ts.ForStatement | ts.ForOfStatement | undefined {
  const t = src.ts;
  const loops = loopsAround(t, call).reverse();
  for (const l of loops) {
    if ((t.isForOfStatement(l) && !l.awaitModifier) || t.isForStatement(l)) {
      if (independentIterations(src, l)) return l;
    }
  }
  return undefined;
}
