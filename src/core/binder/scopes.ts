// Syntactic name resolution for one file: which declaration an identifier refers to, and every
// reference to a declaration. It needs no TypeChecker, so the fast mode stays a parse plus walks.
// Derived facts live in side tables keyed by node, never in the AST.
import type * as ts from "typescript";

export type TS = typeof ts;

/** Steps up the tree to a scope walked without keeping them (see scopeAbove). */
const SHORT_WALK = 16;

export class Scopes {
  private readonly declarations = new Map<ts.Node, Map<string, ts.Node>>();
  private readonly resolved = new Map<ts.Identifier, ts.Node | undefined>();
  private identifiersByName: Map<string, ts.Identifier[]> | undefined;
  /** References grouped by declaration, built once per name: agent files repeat names (`messages`,
   *  `r`) in every function, and filtering all of a name's identifiers per query is quadratic. */
  private readonly referencesByName = new Map<string, Map<ts.Node, ts.Identifier[]>>();
  /** Module-level names whose every reference was read: through these, one top-level statement's
   *  analysis can depend on another that does not declare anything it uses (see unitReuse). */
  readonly scannedModuleNames = new Set<string>();
  private readonly localReferences = new Map<ts.Node, ts.Identifier[]>();

  constructor(
    private readonly ts: TS,
    readonly sourceFile: ts.SourceFile,
  ) {}

  /** The declaration (variable, binding element, parameter, import, function, class) an identifier names. */
  resolve(id: ts.Identifier): ts.Node | undefined {
    if (this.resolved.has(id)) return this.resolved.get(id);
    const name = id.text;
    let found: ts.Node | undefined;
    for (let n = this.scopeAbove(id); n && !found; n = this.scopeAbove(n)) found = this.declarationsIn(n).get(name);
    this.resolved.set(id, found);
    return found;
  }

  /** The nearest scope above each node asked about (and above the nodes walked through to find it). */
  private readonly scopesAbove = new Map<ts.Node, ts.Node | null>();

  /**
   * The nearest scope strictly above `node`. Kept for every node passed on the way, so resolving
   * each identifier of a deep expression (`q + q + … + q`, thousands long) is not a walk to the top.
   */
  private scopeAbove(node: ts.Node): ts.Node | undefined {
    // Most scopes are a few steps up: only a longer walk is kept.
    let n: ts.Node = node;
    for (let i = 0; i < SHORT_WALK; i++, n = n.parent) {
      if (!n.parent) return undefined;
      if (this.isScope(n.parent)) return n.parent;
    }
    const passed: ts.Node[] = [];
    let scope: ts.Node | null | undefined;
    while (scope === undefined) {
      const known = this.scopesAbove.get(n);
      if (known !== undefined) scope = known;
      else if (!n.parent) scope = null;
      else {
        passed.push(n);
        if (this.isScope(n.parent)) scope = n.parent;
        else n = n.parent;
      }
    }
    for (const m of passed) this.scopesAbove.set(m, scope);
    return scope ?? undefined;
  }

  /** Every identifier in the file that resolves to `decl`, declaration names excluded. */
  referencesTo(decl: ts.Node, name: string): readonly ts.Identifier[] {
    const home = this.homeScope(decl, name);
    if (!home) return [];
    if (!this.ts.isSourceFile(home)) {
      // A local declaration is seen only inside its scope: read that, not the file.
      let refs = this.localReferences.get(decl);
      if (!refs) this.localReferences.set(decl, (refs = this.identifiersIn(home, name).filter((id) => !this.isDeclarationName(id) && this.resolve(id) === decl)));
      return refs;
    }
    this.scannedModuleNames.add(name);
    let byDecl = this.referencesByName.get(name);
    if (!byDecl) {
      byDecl = new Map();
      for (const id of this.indexIdentifiers().get(name) ?? []) {
        const d = this.isDeclarationName(id) ? undefined : this.resolve(id);
        if (!d) continue;
        const list = byDecl.get(d);
        if (list) list.push(id);
        else byDecl.set(d, [id]);
      }
      this.referencesByName.set(name, byDecl);
    }
    return byDecl.get(decl) ?? [];
  }

  /** The scope that declares `decl` under `name`: every reference to it lies inside. */
  private homeScope(decl: ts.Node, name: string): ts.Node | undefined {
    for (let n: ts.Node | undefined = decl; n; n = n.parent) if (this.isScope(n) && this.declarationsIn(n).get(name) === decl) return n;
    return undefined;
  }

  /** The name of a declaration found by `resolve`, when it has a simple one. */
  nameOf(decl: ts.Node): string | undefined {
    const t = this.ts;
    if ((t.isVariableDeclaration(decl) || t.isParameter(decl) || t.isBindingElement(decl)) && t.isIdentifier(decl.name)) return decl.name.text;
    if ((t.isFunctionDeclaration(decl) || t.isClassDeclaration(decl)) && decl.name) return decl.name.text;
    if (t.isImportSpecifier(decl) || t.isNamespaceImport(decl) || t.isImportClause(decl) || t.isImportEqualsDeclaration(decl)) return decl.name?.text;
    return undefined;
  }

  private isDeclarationName(id: ts.Identifier): boolean {
    const p = id.parent;
    const t = this.ts;
    return (
      ((t.isVariableDeclaration(p) || t.isParameter(p) || t.isFunctionDeclaration(p) || t.isClassDeclaration(p) || t.isImportSpecifier(p) || t.isNamespaceImport(p) || t.isImportClause(p)) && p.name === id) ||
      (t.isBindingElement(p) && p.name === id)
    );
  }

  private indexIdentifiers(): Map<string, ts.Identifier[]> {
    if (this.identifiersByName) return this.identifiersByName;
    const index = new Map<string, ts.Identifier[]>();
    this.forEachIdentifier(this.sourceFile, (id) => {
      const list = index.get(id.text);
      if (list) list.push(id);
      else index.set(id.text, [id]);
    });
    this.identifiersByName = index;
    return index;
  }

  /**
   * The identifiers named `name` in `scope`, but for those inside a nested scope that declares
   * `name` again: `resolve` finds that declaration first for all of them. (Functions nested in
   * functions, each with a parameter `q`: reading every nested one for each made the walk quadratic.)
   */
  private identifiersIn(scope: ts.Node, name: string): ts.Identifier[] {
    const out: ts.Identifier[] = [];
    this.forEachIdentifier(
      scope,
      (id) => {
        if (id.text === name) out.push(id);
      },
      (n) => n !== scope && this.isScope(n) && this.declarationsIn(n).has(name),
    );
    return out;
  }

  private forEachIdentifier(root: ts.Node, f: (id: ts.Identifier) => void, skip?: (n: ts.Node) => boolean): void {
    const t = this.ts;
    const visit = (n: ts.Node): void => {
      if (t.isIdentifier(n)) {
        f(n);
        return;
      }
      if (skip?.(n)) return;
      // A property name after a dot is not a reference to a variable.
      if (t.isPropertyAccessExpression(n)) {
        visit(n.expression);
        return;
      }
      t.forEachChild(n, visit);
    };
    visit(root);
  }

  /** Whether a node of each SyntaxKind opens a scope: asked for every ancestor of every identifier resolved. */
  private readonly scopeKinds: (boolean | undefined)[] = [];

  private isScope(n: ts.Node): boolean {
    return (this.scopeKinds[n.kind] ??= this.opensScope(n));
  }

  private opensScope(n: ts.Node): boolean {
    const t = this.ts;
    return (
      t.isSourceFile(n) || t.isBlock(n) || t.isModuleBlock(n) || t.isCaseClause(n) || t.isDefaultClause(n) ||
      t.isFunctionLike(n) || t.isForStatement(n) || t.isForOfStatement(n) || t.isForInStatement(n) ||
      t.isCatchClause(n) || t.isClassExpression(n)
    );
  }

  private declarationsIn(scope: ts.Node): Map<string, ts.Node> {
    let map = this.declarations.get(scope);
    if (map) return map;
    map = new Map();
    const t = this.ts;
    const addBinding = (name: ts.BindingName, decl: ts.Node): void => {
      if (t.isIdentifier(name)) {
        map!.set(name.text, decl);
        return;
      }
      for (const el of name.elements) if (!t.isOmittedExpression(el)) addBinding(el.name, t.isIdentifier(el.name) ? el : decl);
    };
    const addStatements = (statements: readonly ts.Statement[]): void => {
      for (const s of statements) {
        if (t.isVariableStatement(s)) for (const d of s.declarationList.declarations) addBinding(d.name, d);
        else if ((t.isFunctionDeclaration(s) || t.isClassDeclaration(s) || t.isEnumDeclaration(s)) && s.name) map!.set(s.name.text, s);
        // An interface or a type alias names a type only: a value of the same name wins (an interface
        // can stand for a client; an alias can be an options object's type).
        else if ((t.isInterfaceDeclaration(s) || t.isTypeAliasDeclaration(s)) && !map!.has(s.name.text)) map!.set(s.name.text, s);
        else if (t.isImportEqualsDeclaration(s)) map!.set(s.name.text, s);
        else if (t.isImportDeclaration(s) && s.importClause) {
          const c = s.importClause;
          if (c.name) map!.set(c.name.text, c);
          const b = c.namedBindings;
          if (b && t.isNamespaceImport(b)) map!.set(b.name.text, b);
          else if (b) for (const el of b.elements) map!.set(el.name.text, el);
        }
      }
    };
    if (t.isSourceFile(scope) || t.isBlock(scope) || t.isModuleBlock(scope) || t.isCaseClause(scope) || t.isDefaultClause(scope)) {
      addStatements(scope.statements);
    } else if (t.isFunctionLike(scope)) {
      for (const p of scope.parameters) addBinding(p.name, p);
      if (t.isFunctionExpression(scope) && scope.name) map.set(scope.name.text, scope);
    } else if (t.isForStatement(scope) || t.isForOfStatement(scope) || t.isForInStatement(scope)) {
      const init = scope.initializer;
      if (init && t.isVariableDeclarationList(init)) for (const d of init.declarations) addBinding(d.name, d);
    } else if (t.isCatchClause(scope)) {
      if (scope.variableDeclaration) addBinding(scope.variableDeclaration.name, scope.variableDeclaration);
    } else if (t.isClassExpression(scope) && scope.name) {
      map.set(scope.name.text, scope);
    }
    this.declarations.set(scope, map);
    return map;
  }
}
