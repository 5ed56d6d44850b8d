// Whether a file's functions may ask for each other's summaries in a cycle (a tangle): a superset of
// what the summaries follow, read from names. A tangle is solved from whichever member is asked
// first, and its answer (its derivation's names, its root) depends on that, so a walk that leaves
// calls unclassified (FileAnalyzer.maySite) may do so only where no tangle can form.
import type * as ts from "typescript";
import type { Scopes, TS } from "../binder/scopes";

/**
 * The graph's nodes are the file's declarations with a body or a value: functions, methods and
 * accessors, classes (their constructor and fields), variables and binding elements, and an object's
 * properties and members assigned (`x.run = …`) that hold a function. Each has an edge to the declarations nested in it (a class not to
 * its methods, which run only when called) and, for every name written inside it, to what the name
 * resolves to and, for a member's name (`this.run`, `o.run`, `{ run }`, or a name that resolves to
 * nothing here), to every member of that name. True when a cycle passes through two declarations or
 * more; a function that reaches only itself is a recursion, solved on its own.
 */
export function mayCallInCycle(tsm: TS, scopes: Scopes, sourceFile: ts.SourceFile): boolean {
  const t = tsm;
  const edges = new Map<ts.Node, ts.Node[]>();
  const membersByName = new Map<string, ts.Node[]>();
  const mentions: { owner: ts.Node; id: ts.Identifier | ts.PrivateIdentifier }[] = [];
  /** The names declarations take: a name that is none of them resolves to no node of the graph, and is not looked up. */
  const unitNames = new Set<string>();
  const edge = (from: ts.Node, to: ts.Node): void => {
    if (from === to) return;
    const list = edges.get(from);
    if (list) list.push(to);
    else edges.set(from, [to]);
  };
  const memberName = (n: ts.Node): string | undefined => {
    if (t.isBinaryExpression(n)) return t.isPropertyAccessExpression(n.left) ? n.left.name.text : undefined;
    const name = (n as { name?: ts.Node }).name;
    return name && (t.isIdentifier(name) || t.isPrivateIdentifier(name) || t.isStringLiteral(name) || t.isNumericLiteral(name)) ? name.text : undefined;
  };
  // An object's property is a member only when it holds a function (any other value is its owner's to size).
  const isFunction = (e: ts.Node | undefined): boolean => {
    while (e && (t.isParenthesizedExpression(e) || t.isAsExpression(e) || t.isSatisfiesExpression(e))) e = e.expression;
    return !!e && (t.isArrowFunction(e) || t.isFunctionExpression(e) || t.isClassExpression(e));
  };
  const holdsFunction = (id: ts.Identifier): boolean => {
    const decl = scopes.resolve(id);
    return !!decl && (t.isFunctionDeclaration(decl) || t.isClassDeclaration(decl) || (t.isVariableDeclaration(decl) && isFunction(decl.initializer)));
  };
  const isMember = (n: ts.Node): boolean =>
    t.isMethodDeclaration(n) || t.isGetAccessorDeclaration(n) || t.isSetAccessorDeclaration(n) || t.isPropertyDeclaration(n) || (t.isPropertyAssignment(n) && isFunction(n.initializer)) || (t.isShorthandPropertyAssignment(n) && holdsFunction(n.name)) || (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && isFunction(n.right));
  const isUnit = (n: ts.Node): boolean => isMember(n) || t.isFunctionDeclaration(n) || t.isConstructorDeclaration(n) || t.isClassDeclaration(n) || t.isClassExpression(n) || t.isVariableDeclaration(n) || t.isBindingElement(n);
  const K = t.SyntaxKind;
  const unitKinds = new Set<ts.SyntaxKind>([K.MethodDeclaration, K.GetAccessor, K.SetAccessor, K.PropertyDeclaration, K.PropertyAssignment, K.ShorthandPropertyAssignment, K.BinaryExpression, K.FunctionDeclaration, K.Constructor, K.ClassDeclaration, K.ClassExpression, K.VariableDeclaration, K.BindingElement]);
  // One walk with the innermost declaration in a variable (no closure or record per node: it visits every node of the file).
  let owner: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (n.kind === K.Identifier || n.kind === K.PrivateIdentifier) {
      if (owner) mentions.push({ owner, id: n as ts.Identifier });
      return;
    }
    const outer = owner;
    if (unitKinds.has(n.kind) && isUnit(n)) {
      const own = (n as { name?: ts.Node }).name;
      if (own && t.isIdentifier(own)) unitNames.add(own.text);
      const name = isMember(n) ? memberName(n) : undefined;
      if (name !== undefined) {
        const list = membersByName.get(name);
        if (list) list.push(n);
        else membersByName.set(name, [n]);
      }
      const method = t.isMethodDeclaration(n) || t.isGetAccessorDeclaration(n) || t.isSetAccessorDeclaration(n);
      if (outer && !(method && t.isClassLike(outer))) edge(outer, n);
      owner = n;
    }
    t.forEachChild(n, visit);
    owner = outer;
  };
  visit(sourceFile);
  for (const { owner, id } of mentions) {
    if (!unitNames.has(id.text) && !membersByName.has(id.text)) continue;
    const member = isMemberPosition(t, id);
    // A member's name is no reference (`{ output: docs }` beside `const output`), unless it is one too (`{ run }`).
    const decl = t.isIdentifier(id) && (!member || t.isShorthandPropertyAssignment(id.parent)) ? scopes.resolve(id) : undefined;
    if (decl) edge(owner, decl);
    if (!decl || member) for (const m of membersByName.get(id.text) ?? []) edge(owner, m);
  }
  return hasCycle(edges);
}

/** `o.run`, `{ run: … }`, `{ run }`, `run() {}`, `run: string`, `{ run: r } = o`: a name that may be a member's. */
function isMemberPosition(t: TS, id: ts.Node): boolean {
  const p = id.parent;
  if ((t.isPropertyAccessExpression(p) && p.name === id) || (t.isQualifiedName(p) && p.right === id) || (t.isBindingElement(p) && p.propertyName === id) || t.isShorthandPropertyAssignment(p)) return true;
  const named = t.isPropertyAssignment(p) || t.isPropertyDeclaration(p) || t.isPropertySignature(p) || t.isMethodDeclaration(p) || t.isMethodSignature(p) || t.isGetAccessorDeclaration(p) || t.isSetAccessorDeclaration(p) || t.isEnumMember(p) || t.isJsxAttribute(p);
  return named && (p as { name?: ts.Node }).name === id;
}

/** Whether the graph has a strongly connected component of two nodes or more (Tarjan's, with an explicit stack). */
function hasCycle(edges: ReadonlyMap<ts.Node, readonly ts.Node[]>): boolean {
  const index = new Map<ts.Node, number>();
  const low = new Map<ts.Node, number>();
  const onStack = new Set<ts.Node>();
  const stack: ts.Node[] = [];
  let next = 0;
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const frames: { v: ts.Node; out: readonly ts.Node[]; i: number }[] = [];
    const open = (v: ts.Node): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      frames.push({ v, out: edges.get(v) ?? [], i: 0 });
    };
    open(root);
    while (frames.length) {
      const f = frames[frames.length - 1]!;
      if (f.i < f.out.length) {
        const w = f.out[f.i++]!;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(f.v, Math.min(low.get(f.v)!, index.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(f.v)!));
      if (low.get(f.v) === index.get(f.v)) {
        let size = 0;
        for (let w: ts.Node | undefined; w !== f.v; size++) {
          w = stack.pop()!;
          onStack.delete(w);
        }
        if (size > 1) return true;
      }
    }
  }
  return false;
}
