// Whether a file's functions may ask for each other's summaries in a cycle (a tangle), read from
// names alone: a superset of what the summaries follow. A tangle is solved from whichever member is
// asked first, and its answer (its derivation's names, its root) depends on that, so a walk that
// leaves calls unclassified (FileAnalyzer.maySite) may do so only where no tangle can form.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";

/**
 * Every declaration with a body or a value (function, method, accessor, class, variable, property)
 * is a node named by its name; it has an edge to every name written inside it, and to each such
 * declaration nested in it. Same-named declarations share a node and shadowing is ignored, so every
 * call a summary may follow (by name, `this.x`, a declared type's member, an alias, a closure passed
 * or sized through a variable's value) is an edge or a path. True when some cycle passes through two
 * names or more; a declaration that names only itself is a recursion, solved on its own.
 */
export function mayCallInCycle(tsm: TS, sourceFile: ts.SourceFile): boolean {
  const t = tsm;
  const edges = new Map<string, Set<string>>();
  const edge = (from: string, to: string): void => {
    if (from === to) return;
    let set = edges.get(from);
    if (!set) edges.set(from, (set = new Set()));
    set.add(to);
  };
  const declared = new Set<string>();
  const nameOf = (n: ts.Node): string | undefined => {
    const name = (n as { name?: ts.Node }).name;
    if (!name) return t.isConstructorDeclaration(n) && n.parent.name ? n.parent.name.text : undefined;
    return t.isIdentifier(name) || t.isPrivateIdentifier(name) || t.isStringLiteral(name) || t.isNumericLiteral(name) ? name.text : undefined;
  };
  const isUnit = (n: ts.Node): boolean =>
    t.isFunctionDeclaration(n) || t.isMethodDeclaration(n) || t.isGetAccessorDeclaration(n) || t.isSetAccessorDeclaration(n) || t.isConstructorDeclaration(n) || t.isClassDeclaration(n) || t.isClassExpression(n) || t.isFunctionExpression(n) || t.isVariableDeclaration(n) || t.isPropertyDeclaration(n) || t.isPropertyAssignment(n) || t.isBindingElement(n);
  const visit = (n: ts.Node, owners: readonly string[]): void => {
    let inner = owners;
    if (isUnit(n)) {
      // `const { a, b } = make()`: each name bound takes the whole value.
      const names = t.isVariableDeclaration(n) && !t.isIdentifier(n.name) ? bindingNames(t, n.name) : [nameOf(n)].filter((x): x is string => x !== undefined);
      if (names.length) {
        for (const name of names) {
          declared.add(name);
          for (const owner of owners) edge(owner, name);
        }
        inner = names;
      }
    }
    if ((t.isIdentifier(n) || t.isPrivateIdentifier(n)) && owners.length) for (const owner of owners) edge(owner, n.text);
    t.forEachChild(n, (c) => visit(c, inner));
  };
  visit(sourceFile, []);
  return hasCycle(edges, declared);
}

function bindingNames(t: TS, pattern: ts.BindingName): string[] {
  if (t.isIdentifier(pattern)) return [pattern.text];
  return pattern.elements.flatMap((e) => (t.isOmittedExpression(e) ? [] : bindingNames(t, e.name)));
}

/** Whether the graph restricted to declared names has a strongly connected component of two nodes or more (Tarjan's, with an explicit stack). */
function hasCycle(edges: ReadonlyMap<string, ReadonlySet<string>>, declared: ReadonlySet<string>): boolean {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let next = 0;
  const succ = (v: string): string[] => [...(edges.get(v) ?? [])].filter((w) => declared.has(w));
  for (const root of declared) {
    if (index.has(root)) continue;
    const frames: { v: string; out: string[]; i: number }[] = [];
    const open = (v: string): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      frames.push({ v, out: succ(v), i: 0 });
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
        for (let w: string | undefined; w !== f.v; size++) {
          w = stack.pop()!;
          onStack.delete(w);
        }
        if (size > 1) return true;
      }
    }
  }
  return false;
}
