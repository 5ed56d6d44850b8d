// The classes of a parsed module that implement or extend a name, with where that name comes from
// (the import it is taken by), for the project's implementations index: heritage clauses are
// syntax, and an imported name is resolved by the project through the module's imports.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";

export interface InheritingClass {
  readonly className: string;
  /** The import the base is named by (`import { Llm } from "./llm"`, `import * as t` then `t.Llm`); undefined when declared here or a global. */
  readonly from?: { readonly specifier: string; readonly name: string };
}

/** Top-level classes (exported or not) whose `implements` or `extends` clause names `name`. */
export function classesInheriting(t: TS, file: ts.SourceFile, name: string): InheritingClass[] {
  const imports = importedBindings(t, file);
  const out: InheritingClass[] = [];
  for (const s of file.statements) {
    if (!t.isClassDeclaration(s) || !s.name || !s.heritageClauses) continue;
    for (const h of s.heritageClauses) {
      for (const x of h.types) {
        const e = x.expression;
        // `Llm` (taken by a named import), or `types.Llm` of a namespace import.
        let from: InheritingClass["from"];
        if (t.isIdentifier(e) && e.text === name) from = imports.named.get(name);
        else if (t.isPropertyAccessExpression(e) && e.name.text === name && t.isIdentifier(e.expression)) {
          const spec = imports.namespaces.get(e.expression.text);
          from = spec === undefined ? undefined : { specifier: spec, name };
        } else continue;
        out.push({ className: s.name.text, ...(from ? { from } : {}) });
      }
    }
  }
  return out;
}

function importedBindings(t: TS, file: ts.SourceFile): { named: Map<string, { specifier: string; name: string }>; namespaces: Map<string, string> } {
  const named = new Map<string, { specifier: string; name: string }>();
  const namespaces = new Map<string, string>();
  for (const s of file.statements) {
    if (!t.isImportDeclaration(s) || !t.isStringLiteralLike(s.moduleSpecifier) || !s.importClause) continue;
    const specifier = s.moduleSpecifier.text;
    const bindings = s.importClause.namedBindings;
    if (s.importClause.name) named.set(s.importClause.name.text, { specifier, name: "default" });
    if (bindings && t.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, specifier);
    else if (bindings) for (const el of bindings.elements) named.set(el.name.text, { specifier, name: (el.propertyName ?? el.name).text });
  }
  return { named, namespaces };
}
