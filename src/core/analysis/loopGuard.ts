// What a function of another module does to a caller's turn counter on every call, for the loop
// that calls it (agents-core's runner calls `prepareTurn({ state, … })`, which steps
// `state._currentTurn` and throws once it passes `state._maxTurns`). Named by parameter place, so
// the caller reads it in its own terms: `$0.state._currentTurn` is the `state` of the first argument.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";
import type { Constants } from "../binder/constants";
import type { Frame } from "./loopHelpers";

export interface LoopGuard {
  /** Counters stepped up on every call (before any `return`), as parameter keys. */
  readonly steps: readonly string[];
  /** `if (counter > bound) throw …` on every call: the counter's key, the bound's key or number, whether `>=`, whether a set check comes with it (a cap the caller may lift). */
  readonly exits: readonly { readonly counter: string; readonly bound: string | number; readonly orEqual: boolean; readonly liftable: boolean }[];
}

/** The frame a function's guard is read in: each parameter as `$i`, each name a destructured parameter binds as `$i.name`. */
export function placeFrame(t: TS, fn: ts.SignatureDeclaration): Frame {
  const keys = new Map<string, string | undefined>();
  fn.parameters.forEach((p, i) => {
    if (t.isIdentifier(p.name)) keys.set(p.name.text, `$${i}`);
    else if (t.isObjectBindingPattern(p.name)) {
      for (const el of p.name.elements) {
        const key = el.propertyName ?? el.name;
        if (!el.dotDotDotToken && t.isIdentifier(el.name) && t.isIdentifier(key)) keys.set(el.name.text, `$${i}.${key.text}`);
      }
    }
  });
  // `this` is no parameter: what the function does to its own fields is not the caller's counter.
  keys.set("this", undefined);
  return { params: new Map(), self: undefined, keys };
}

/**
 * A guard's key in the caller's terms: `$0.state._currentTurn` at `prepareTurn({ state })` is the
 * caller's `state` (an expression) and the rest of the path. Undefined when the argument is not there.
 */
export function atCall(t: TS, constants: Constants, call: ts.CallExpression, key: string): { readonly expression: ts.Expression; readonly rest: readonly string[] } | undefined {
  const [head, ...path] = key.split(".");
  const index = Number(head!.slice(1));
  let e: ts.Expression | undefined = call.arguments[index];
  if (!e || t.isSpreadElement(e)) return undefined;
  let i = 0;
  for (; i < path.length; i++) {
    const o = constants.skipTrivia(e);
    if (!t.isObjectLiteralExpression(o)) break;
    const prop = o.properties.find((p) => p.name && t.isIdentifier(p.name) && p.name.text === path[i]);
    if (prop && t.isPropertyAssignment(prop)) e = prop.initializer;
    else if (prop && t.isShorthandPropertyAssignment(prop)) e = prop.name;
    else return undefined;
  }
  return { expression: e, rest: path.slice(i) };
}
