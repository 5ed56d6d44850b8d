// The name of an SDK loop's step count at a call, shared by the call's bounds and the sizes that read
// what its steps add (the tool results in an AI SDK result's response messages).
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";
import { functionNameOf } from "./functionName";
import type { Loops } from "./loops";

/** `steps[review/generateText]`, `…#2` for the function's second such call: stable under edits elsewhere. */
export function stepSymbol(t: TS, loops: Loops, call: ts.CallExpression): string {
  const fn = loops.enclosingFunction(call);
  const method = (e: ts.Expression): string => (t.isPropertyAccessExpression(e) ? e.name.text : t.isIdentifier(e) ? e.text : "");
  const name = method(call.expression);
  let before = 0;
  const visit = (n: ts.Node): void => {
    if (n.pos >= call.pos) return;
    if (t.isCallExpression(n) && method(n.expression) === name && loops.enclosingFunction(n) === fn) before++;
    t.forEachChild(n, visit);
  };
  t.forEachChild(fn, visit);
  return `steps[${functionNameOf(t, call)}/${name}${before ? `#${before + 1}` : ""}]`;
}

/** `tool[review/generateText]`: the tool results one step of that call adds. */
export function toolSymbol(t: TS, loops: Loops, call: ts.CallExpression): string {
  return stepSymbol(t, loops, call).replace(/^steps/, "tool");
}
