// When the rounds of a fan-out (`Promise.all(xs.map(async (x) => …))`) send their requests: an
// eager `.map` runs each callback up to its first `await` before the next one starts, so a request
// made before anything is awaited in its callback starts while no other round has had an answer.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";
import type { LoopInfo } from "./loops";

/**
 * Whether every round of the parallel loop `loop` reaches `site` before any round is answered:
 * `site` is in the loop's own callback, outside any loop or function of its own there, and nothing
 * before it in the callback awaits or yields. Then round i's request sees what rounds 0..i wrote
 * before their requests, and nothing any round writes after its answer.
 */
export function startsTogether(t: TS, loop: LoopInfo, site: ts.Node): boolean {
  if (!loop.parallel || !t.isCallExpression(loop.node)) return false;
  let callback: ts.Node | undefined;
  for (let n: ts.Node | undefined = site.parent; n && n !== loop.node; n = n.parent) {
    if (t.isFunctionLike(n)) {
      if (n.parent !== loop.node) return false;
      callback = n;
      break;
    }
    if (t.isIterationStatement(n, false)) return false;
  }
  const body = callback && (callback as ts.FunctionLikeDeclaration).body;
  if (!body) return false;
  let waits = false;
  const visit = (n: ts.Node): void => {
    if (waits || n.pos >= site.pos || t.isFunctionLike(n)) return;
    if ((t.isAwaitExpression(n) || t.isYieldExpression(n)) && n.end <= site.pos) waits = true;
    else t.forEachChild(n, visit);
  };
  visit(body);
  return !waits;
}
