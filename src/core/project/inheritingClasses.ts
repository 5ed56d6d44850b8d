// The classes and interfaces of a parsed module that implement or extend a name, with where that
// name comes from (the import it is taken by, or this module), for the project's implementations
// index: heritage clauses are syntax, and an imported name is resolved by the project through the
// module's imports and re-exports.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";

export interface InheritingDeclaration {
  readonly name: string;
  /** A class (its methods may answer for the base) or an interface (its implementations may). */
  readonly kind: "class" | "interface";
  /** The import the base is named by (`import { Llm as Model } from "./llm"` → ./llm, Llm; a default import → default); undefined when not imported. */
  readonly from?: { readonly specifier: string; readonly name: string };
  /** The base as written, when not imported: a declaration of this module (or a global). */
  readonly local?: string;
}

/** A heritage clause's entry: the declaration, and the base it names (`Model` of `ns.Model`). */
export interface HeritageEntry extends InheritingDeclaration {
  readonly base: string;
}

/**
 * Every top-level class and interface (exported or not) with each name its `implements` or
 * `extends` clause gives (`Model`, `ns.Model` of a namespace import): read once per module, so the
 * project keeps them when the syntax tree is let go and asks them by name.
 */
export function heritageEntries(t: TS, file: ts.SourceFile): HeritageEntry[] {
  const imports = importedBindings(t, file);
  const out: HeritageEntry[] = [];
  for (const s of file.statements) {
    if (!(t.isClassDeclaration(s) || t.isInterfaceDeclaration(s)) || !s.name || !s.heritageClauses) continue;
    const kind = t.isClassDeclaration(s) ? "class" : "interface";
    for (const h of s.heritageClauses) {
      for (const x of h.types) {
        const e = x.expression;
        if (t.isIdentifier(e)) {
          const from = imports.named.get(e.text);
          out.push({ name: s.name.text, kind, base: e.text, ...(from ? { from } : { local: e.text }) });
        } else if (t.isPropertyAccessExpression(e) && t.isIdentifier(e.expression)) {
          // `types.Llm` of a namespace import.
          const spec = imports.namespaces.get(e.expression.text);
          if (spec !== undefined) out.push({ name: s.name.text, kind, base: e.name.text, from: { specifier: spec, name: e.name.text } });
        }
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
