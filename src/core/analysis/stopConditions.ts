// The most steps an AI SDK stop condition lets a call's tool loop run, when the code states it: `maxSteps: 5`
// (v4), `stopWhen: stepCountIs(5)` / `isStepCount(5)` (v5+: the loop stops after a step once a condition holds,
// and always makes its first step), `c ? stepCountIs(3) : stepCountIs(5)` (the larger), `[stepCountIs(5),
// hasToolCall("done")]` (the loop stops at the first condition met: the smallest count). A condition with no
// count (`hasToolCall`, one handed in) bounds nothing.
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { TS } from "../binder/scopes";

const STEP_COUNTS = new Set(["stepCountIs", "isStepCount"]);

export function stepCap(t: TS, constants: Constants, e: ts.Expression, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const x = constants.skipTrivia(e);
  if (t.isArrayLiteralExpression(x)) {
    const counts = x.elements.flatMap((el) => {
      const c = t.isSpreadElement(el) ? undefined : stepCap(t, constants, el, depth + 1);
      return c === undefined ? [] : [c];
    });
    return counts.length ? Math.min(...counts) : undefined;
  }
  if (t.isConditionalExpression(x)) {
    const a = stepCap(t, constants, x.whenTrue, depth + 1);
    const b = stepCap(t, constants, x.whenFalse, depth + 1);
    return a === undefined || b === undefined ? undefined : Math.max(a, b);
  }
  if (t.isCallExpression(x)) {
    const name = t.isIdentifier(x.expression) ? x.expression.text : t.isPropertyAccessExpression(x.expression) ? x.expression.name.text : "";
    // `steps.length === k`: a count that is not a whole number never stops the loop.
    return STEP_COUNTS.has(name) && x.arguments[0] ? atLeastOne(constants.number(x.arguments[0])) : undefined;
  }
  return atLeastOne(constants.number(x));
}

/** The first step is always made; a count that is no whole number is none. */
function atLeastOne(n: number | undefined): number | undefined {
  return n === undefined || !Number.isInteger(n) ? undefined : Math.max(1, n);
}
