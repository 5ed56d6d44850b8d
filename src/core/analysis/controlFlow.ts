// Small facts about statements that several analyses ask: whether a node lies inside another,
// whether a statement always leaves its function.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";

export function isWithin(node: ts.Node, ancestor: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** A statement that always leaves the function: a return or throw, or a block ending in one. */
export function exits(t: TS, s: ts.Statement): boolean {
  if (t.isReturnStatement(s) || t.isThrowStatement(s)) return true;
  return t.isBlock(s) && s.statements.length > 0 && exits(t, s.statements[s.statements.length - 1]!);
}
