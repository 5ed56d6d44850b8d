// `this.<name>` inside a class: the class around it and the field's own declaration, if it has one.
// Sizing and a history class's getter ask whether the field is an array; accumulation asks what the
// class's methods write to it.
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

/** `string[]`, `readonly Msg[]`, a tuple, `Array<T>`, `ReadonlyArray<T>`. */
export function isArrayType(t: typeof ts, type: ts.TypeNode): boolean {
  if (t.isTypeOperatorNode(type)) return isArrayType(t, type.type);
  return t.isArrayTypeNode(type) || t.isTupleTypeNode(type) || (t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName) && (type.typeName.text === "Array" || type.typeName.text === "ReadonlyArray"));
}

/** A field declared an array: by its type when it has one, else by an array literal it starts as. */
export function declaresArray(t: typeof ts, skipTrivia: (e: ts.Expression) => ts.Expression, member: ts.PropertyDeclaration): boolean {
  if (member.type) return isArrayType(t, member.type);
  return !!member.initializer && t.isArrayLiteralExpression(skipTrivia(member.initializer));
}
