// The name of the function a node is in (`Class.method`, `<top level>`), for matching sites across
// edits and naming the counts that belong to a function.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";
import type { WrappedFunctions } from "./wrappedFunctions";

/** The enclosing function's name: a declaration's, a method's (`Class.method`), a variable's (also one holding a wrapper of it, when `wrapped` is given). */
export function functionNameOf(tsm: TS, node: ts.Node, wrapped?: WrappedFunctions): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (tsm.isFunctionDeclaration(n) && n.name) return n.name.text;
    if ((tsm.isMethodDeclaration(n) || tsm.isGetAccessor(n)) && n.name && tsm.isIdentifier(n.name)) {
      const cls = n.parent;
      return tsm.isClassLike(cls) && cls.name ? `${cls.name.text}.${n.name.text}` : n.name.text;
    }
    if ((tsm.isArrowFunction(n) || tsm.isFunctionExpression(n)) && tsm.isVariableDeclaration(n.parent) && tsm.isIdentifier(n.parent.name)) return n.parent.name.text;
    const wrapper = wrapped?.wrapperOf(n);
    if (wrapper) return wrapper.name;
  }
  return "<top level>";
}
