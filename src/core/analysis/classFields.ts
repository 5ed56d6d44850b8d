// `this.<name>` inside a class: the class around it and the field's own declaration, if it has one.
// Sizing asks whether the field is an array; accumulation asks what the class's methods write to it.
import type * as ts from "typescript";

export interface ClassField {
  readonly cls: ts.ClassLikeDeclaration;
  readonly member: ts.PropertyDeclaration | undefined;
}

export function classField(t: typeof ts, e: ts.PropertyAccessExpression): ClassField | undefined {
  let cls: ts.Node | undefined = e.parent;
  while (cls && !t.isClassLike(cls)) cls = cls.parent;
  if (!cls || !t.isClassLike(cls)) return undefined;
  const name = e.name.text;
  const member = cls.members.find((m): m is ts.PropertyDeclaration => t.isPropertyDeclaration(m) && !!m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === name);
  return { cls, member };
}
