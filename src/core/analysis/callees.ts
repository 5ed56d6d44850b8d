// Which user function a call invokes: a local function or arrow, a method of a local class (through
// `this`, an instance or a typed parameter), or an export of another module of the project.
import type * as ts from "typescript";
import type { Constants } from "../binder/constants";
import type { Scopes, TS } from "../binder/scopes";
import { awaitedImport, awaitedImportExport } from "../binder/dynamicImport";
import { classField, declaresArray } from "./classFields";
import { tracedFunction } from "./tracedFunctions";
import { WrappedFunctions } from "./wrappedFunctions";

export type Callee =
  | { readonly kind: "local"; readonly fn: ts.SignatureDeclaration & { body?: ts.Node }; readonly name: string }
  /** `exportName` is `default`, a named export, or `Class.method`. */
  | { readonly kind: "external"; readonly specifier: string; readonly exportName: string }
  /** A method of an interface (or an abstract method of a class) of this module: what its implementing classes' methods do. */
  | { readonly kind: "implemented"; readonly iface: ts.InterfaceDeclaration | ts.ClassDeclaration; readonly member: string };

/** A class: declared in this file, or an export of another module (`load()`: what its function `load` returns). */
export type ClassRef =
  | { readonly kind: "local"; readonly node: ts.ClassLikeDeclaration }
  | { readonly kind: "external"; readonly specifier: string; readonly exportName: string }
  /** An interface of this module: an instance of one of the classes that implement it. */
  | { readonly kind: "interface"; readonly node: ts.InterfaceDeclaration };

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export class Callees {
  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
  ) {
    this.wrapped = new WrappedFunctions(ts, scopes);
  }

  /** Inline functions handed to a call that returns a wrapper of them (`const ask = wrap(async (q) => …)`). */
  readonly wrapped: WrappedFunctions;

  of(call: ts.CallExpression): Callee | undefined {
    return this.ofReference(call.expression);
  }

  /** The function an expression names (`ask`, `llm.ask`, `this.ask`), called or passed. */
  ofReference(e: ts.Expression): Callee | undefined {
    const t = this.ts;
    const callee = this.constants.skipTrivia(e);
    if (t.isIdentifier(callee)) return this.ofIdentifier(callee);
    if (t.isPropertyAccessExpression(callee)) return this.ofMember(callee.expression, callee.name.text);
    return undefined;
  }

  /**
   * `f.call(self, …args)` runs `f`; its arguments match `f`'s parameters by position only when `f`
   * declares `this` as its first (gemini-cli's `async function* (this: GeminiChat)`) or has none.
   */
  private boundByCall(fn: FunctionNode): boolean {
    const first = fn.parameters[0];
    return !first || (this.ts.isIdentifier(first.name) && first.name.text === "this");
  }

  /**
   * A closure declared in the function that passes it by name to another call (`retryWithBackoff(apiCall, …)`):
   * the call runs it as part of this function (at least once), like an inline callback (Loops.callbackHost).
   */
  passedClosure(call: ts.CallExpression): { fn: FunctionNode; name: ts.Identifier } | undefined {
    const t = this.ts;
    for (const a of call.arguments) {
      const x = this.constants.skipTrivia(a);
      const fn = t.isIdentifier(x) ? this.closureOf(x, call) : undefined;
      if (fn) return { fn, name: x as ts.Identifier };
    }
    return undefined;
  }

  /** The closure `x` names when it is declared in the function that makes `call` (`const step = async () => …`). */
  closureOf(x: ts.Identifier, call: ts.CallExpression): FunctionNode | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(x);
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    const init = this.constants.skipTrivia(decl.initializer);
    if (!(t.isArrowFunction(init) || t.isFunctionExpression(init)) || init.asteriskToken) return undefined;
    return enclosingFunctionLike(t, decl) === enclosingFunctionLike(t, call) ? init : undefined;
  }

  /**
   * The function a declaration or expression denotes, when it is one (through langsmith's `traceable(f)`:
   * see tracedFunctions; an inline function wrapped by the call that initializes it: see wrappedFunctions).
   */
  asFunction(n: ts.Node | undefined, seen: ReadonlySet<ts.Node> = new Set()): FunctionNode | undefined {
    const t = this.ts;
    if (!n || seen.has(n)) return undefined;
    if (t.isVariableDeclaration(n) || t.isPropertyDeclaration(n)) {
      if (!n.initializer) return undefined;
      const wrapped = this.wrapped.wrappedBy(n);
      if (wrapped) return wrapped;
      const init = this.constants.skipTrivia(n.initializer);
      const traced = tracedFunction(t, this.scopes, this.constants, init);
      return traced ? this.asFunction(traced, new Set([...seen, n])) : this.asFunction(init);
    }
    if ((t.isFunctionDeclaration(n) || t.isFunctionExpression(n) || t.isArrowFunction(n) || t.isMethodDeclaration(n)) && n.body) return n;
    return undefined;
  }

  private ofIdentifier(id: ts.Identifier): Callee | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    if (!decl) return undefined;
    const fn = this.asFunction(decl);
    if (fn) return { kind: "local", fn, name: id.text };
    // `const ask = traceable(askFunc)` with `askFunc` imported: a call of the imported function.
    const traced = t.isVariableDeclaration(decl) && decl.initializer ? tracedFunction(t, this.scopes, this.constants, this.constants.skipTrivia(decl.initializer)) : undefined;
    const imported = this.importOf(traced ?? decl);
    if (imported) return imported;
    if (t.isBindingElement(decl) && t.isObjectBindingPattern(decl.parent) && t.isVariableDeclaration(decl.parent.parent)) {
      const spec = this.moduleObject(decl.parent.parent.initializer);
      const key = decl.propertyName && t.isIdentifier(decl.propertyName) ? decl.propertyName.text : id.text;
      if (spec) return { kind: "external", specifier: spec, exportName: key };
    }
    return undefined;
  }

  private ofMember(receiver: ts.Expression, member: string): Callee | undefined {
    const t = this.ts;
    const recv = this.constants.skipTrivia(receiver);
    if (recv.kind === t.SyntaxKind.ThisKeyword) {
      let cls: ts.Node | undefined = recv.parent;
      while (cls && !t.isClassLike(cls)) cls = cls.parent;
      return cls && t.isClassLike(cls) ? this.methodOf(cls, member) : undefined;
    }
    // `new Assistant().ask()`
    if (t.isNewExpression(recv) && t.isIdentifier(recv.expression)) {
      const cls = this.classFromReference(recv.expression);
      return cls && cls.kind !== "interface" ? this.memberOf(cls, member) : undefined;
    }
    // `this.llm.ask(p)`: an instance held in a field of the enclosing class.
    if (t.isPropertyAccessExpression(recv) && recv.expression.kind === t.SyntaxKind.ThisKeyword) {
      const cls = this.fieldClass(recv);
      return cls && this.memberOf(cls, member);
    }
    // `(await import("./llm")).ask()`
    const loaded = awaitedImport(t, recv);
    if (loaded !== undefined) return this.external(loaded, member);
    if (!t.isIdentifier(recv)) return undefined;
    const decl = this.scopes.resolve(recv);
    if (!decl) return undefined;
    // `stream.call(this)` of a local function whose arguments line up with the call's (see boundByCall).
    if (member === "call") {
      const fn = this.asFunction(decl);
      if (fn && this.boundByCall(fn)) return { kind: "local", fn, name: recv.text };
    }
    // `import * as llm from "./llm"; llm.ask()`, `const llm = require("./llm"); llm.ask()`, `const llm = await import("./llm"); llm.ask()`
    if (t.isNamespaceImport(decl) && t.isStringLiteralLike(decl.parent.parent.moduleSpecifier)) return this.external(decl.parent.parent.moduleSpecifier.text, member);
    if (t.isVariableDeclaration(decl)) {
      const spec = this.moduleObject(decl.initializer);
      if (spec) return this.external(spec, member);
    }
    // An instance of a class: `new Assistant()`, or a parameter typed `Assistant`.
    const cls = this.classOf(decl);
    return cls && this.memberOf(cls, member);
  }

  /** A method of a class here, of another module's class or interface (`Class.method`), or of an interface here. */
  private memberOf(cls: ClassRef, member: string): Callee | undefined {
    if (cls.kind === "local") return this.methodOf(cls.node, member) ?? (this.ts.isClassDeclaration(cls.node) && this.isAbstract(cls.node) ? { kind: "implemented", iface: cls.node, member } : undefined);
    if (cls.kind === "interface") return cls.node.members.some((m) => m.name && this.ts.isIdentifier(m.name) && m.name.text === member) ? { kind: "implemented", iface: cls.node, member } : undefined;
    return { kind: "external", specifier: cls.specifier, exportName: `${cls.exportName}.${member}` };
  }

  /** `abstract class`: its abstract methods are what the classes extending it do. */
  isAbstract(n: ts.Node): n is ts.ClassDeclaration {
    return this.ts.isClassDeclaration(n) && !!this.ts.getModifiers(n)?.some((m) => m.kind === this.ts.SyntaxKind.AbstractKeyword);
  }

  /** The classes of this module that implement an interface (`class Llm implements Summarizer`) or extend an abstract class, in source order. */
  implementationsOf(iface: ts.InterfaceDeclaration | ts.ClassDeclaration): ts.ClassDeclaration[] {
    const t = this.ts;
    const name = iface.name?.text;
    if (!name) return [];
    return (this.implementersByName(this.sourceFileOf(iface)).get(name) ?? []).filter((c) => c.heritageClauses!.some((h) => h.types.some((x) => t.isIdentifier(x.expression) && x.expression.text === name && this.scopes.resolve(x.expression) === iface)));
  }

  /** A file's classes by the names they implement or extend, in source order: read once, not once per interface asked. */
  private implementersByName(file: ts.SourceFile): Map<string, ts.ClassDeclaration[]> {
    const known = this.implementers.get(file);
    if (known) return known;
    const t = this.ts;
    const byName = new Map<string, ts.ClassDeclaration[]>();
    for (const s of file.statements) {
      if (!t.isClassDeclaration(s)) continue;
      const names = new Set((s.heritageClauses ?? []).flatMap((h) => h.types.flatMap((x) => (t.isIdentifier(x.expression) ? [x.expression.text] : []))));
      for (const n of names) {
        const list = byName.get(n);
        if (list) list.push(s);
        else byName.set(n, [s]);
      }
    }
    this.implementers.set(file, byName);
    return byName;
  }

  private readonly implementers = new Map<ts.SourceFile, Map<string, ts.ClassDeclaration[]>>();

  private sourceFileOf(n: ts.Node): ts.SourceFile {
    return n.getSourceFile();
  }

  private methodOf(cls: ts.ClassLikeDeclaration, member: string): Callee | undefined {
    const t = this.ts;
    for (const m of cls.members) {
      if (!m.name || !(t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) || m.name.text !== member) continue;
      const fn = this.asFunction(m);
      if (fn) return { kind: "local", fn, name: `${cls.name?.text ?? "<class>"}.${member}` };
    }
    return undefined;
  }

  /** Declarations whose class is being found: two variables made from each other (`a = b.next()`, `b = a.next()`) end there. */
  private readonly finding = new Set<ts.Node>();

  private classOf(decl: ts.Node): ClassRef | undefined {
    if (this.finding.has(decl)) return undefined;
    this.finding.add(decl);
    try {
      return this.classOfDeclaration(decl);
    } finally {
      this.finding.delete(decl);
    }
  }

  private classOfDeclaration(decl: ts.Node): ClassRef | undefined {
    const t = this.ts;
    // A field's assignment (`this.llm = await load()`): the instance it stores.
    if (t.isBinaryExpression(decl)) return this.instanceOf(decl.right);
    if ((t.isVariableDeclaration(decl) || t.isPropertyDeclaration(decl)) && decl.initializer) {
      // `const reviewer = await load()`, `private llm = new Wrapper()`.
      const made = this.instanceOf(decl.initializer);
      if (made) return made;
    }
    return (t.isParameter(decl) || t.isVariableDeclaration(decl) || t.isPropertyDeclaration(decl)) && decl.type ? this.classOfType(decl.type) : undefined;
  }

  /**
   * Per class, where each field gets its value: its declaration, a constructor parameter property,
   * and every `this.f = …` in the class's own code. Built in one walk of the class the first time
   * one of its fields is asked about, so a class with many `this.x.y()` calls is walked once, not
   * once per call (the cost that made an earlier attempt slow).
   */
  private readonly fieldSources = new Map<ts.ClassLikeDeclaration, Map<string, ts.Node[]>>();

  private fieldsOf(cls: ts.ClassLikeDeclaration): Map<string, ts.Node[]> {
    let fields = this.fieldSources.get(cls);
    if (fields) return fields;
    const t = this.ts;
    const found = new Map<string, ts.Node[]>();
    fields = found;
    const add = (name: string, source: ts.Node): void => {
      const list = found.get(name);
      if (list) list.push(source);
      else found.set(name, [source]);
    };
    const visit = (n: ts.Node): void => {
      if (t.isClassLike(n)) return;
      if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken) {
        const left = this.constants.skipTrivia(n.left);
        if (t.isPropertyAccessExpression(left) && left.expression.kind === t.SyntaxKind.ThisKeyword) add(left.name.text, n);
      }
      t.forEachChild(n, visit);
    };
    for (const m of cls.members) {
      if (t.isPropertyDeclaration(m) && m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name))) add(m.name.text, m);
      if (t.isConstructorDeclaration(m)) for (const p of m.parameters) if (t.isIdentifier(p.name) && p.modifiers?.length) add(p.name.text, p);
      t.forEachChild(m, visit);
    }
    this.fieldSources.set(cls, fields);
    return fields;
  }

  /**
   * The type name a receiver is declared with (`this.generator: ContentGenerator`, a parameter or a
   * variable typed so, `this.getGenerator()` declared to return it; `Promise<T>` and `T | null` read
   * as T), as written, for matching calls through an interface with its implementations.
   */
  declaredTypeName(receiver: ts.Expression): ts.Identifier | undefined {
    const type = this.declaredType(receiver, true);
    return type && this.typeName(type);
  }

  /** The type a receiver is declared with, as written: a field of `this`, a parameter or variable, or (with `calls`) a local function's declared return. */
  private declaredType(receiver: ts.Expression, calls: boolean): ts.TypeNode | undefined {
    const t = this.ts;
    const r = this.constants.skipTrivia(receiver);
    let type: ts.TypeNode | undefined;
    if (t.isPropertyAccessExpression(r) && r.expression.kind === t.SyntaxKind.ThisKeyword) {
      let cls: ts.Node | undefined = r.parent;
      while (cls && !t.isClassLike(cls)) cls = cls.parent;
      if (cls && t.isClassLike(cls)) for (const s of this.fieldsOf(cls).get(r.name.text) ?? []) if ((t.isPropertyDeclaration(s) || t.isParameter(s)) && s.type) type ??= s.type;
    } else if (t.isIdentifier(r)) {
      const decl = this.scopes.resolve(r);
      if (decl && (t.isParameter(decl) || t.isVariableDeclaration(decl))) type = decl.type;
    } else if (calls && t.isCallExpression(r)) {
      const callee = this.of(r);
      if (callee?.kind === "local") type = callee.fn.type;
    }
    return type;
  }

  /**
   * `this.agent.plan(…)` with `agent: SingleActionAgent | MultiActionAgent`: the method of each class
   * the receiver's declared union names (each may be abstract: its implementations answer), for a
   * call that may run any of them.
   */
  unionMembers(call: ts.CallExpression): Callee[] {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    if (!t.isPropertyAccessExpression(callee)) return [];
    const type = this.declaredType(callee.expression, false);
    if (!type || !t.isUnionTypeNode(type)) return [];
    const named = type.types.filter((x) => !(t.isLiteralTypeNode(x) && x.literal.kind === t.SyntaxKind.NullKeyword) && x.kind !== t.SyntaxKind.UndefinedKeyword);
    if (named.length < 2) return [];
    const out: Callee[] = [];
    for (const x of named) {
      const name = this.typeName(x);
      const cls = name && this.classFromReference(name);
      const m = cls && this.memberOf(cls, callee.name.text);
      if (m) out.push(m);
    }
    return out;
  }

  /** `Reviewer`, `Reviewer | null`, `Promise<Reviewer | undefined>`: the one type name it stands for. */
  private typeName(type: ts.TypeNode): ts.Identifier | undefined {
    const t = this.ts;
    if (t.isUnionTypeNode(type)) {
      const named = type.types.filter((x) => !(t.isLiteralTypeNode(x) && x.literal.kind === t.SyntaxKind.NullKeyword) && x.kind !== t.SyntaxKind.UndefinedKeyword);
      return named.length === 1 ? this.typeName(named[0]!) : undefined;
    }
    if (t.isParenthesizedTypeNode(type)) return this.typeName(type.type);
    if (!t.isTypeReferenceNode(type) || !t.isIdentifier(type.typeName)) return undefined;
    if (type.typeName.text === "Promise" && type.typeArguments?.length === 1) return this.typeName(type.typeArguments[0]!);
    return type.typeName;
  }

  /** `this.history`: the class of the instance the field holds, if one is known. */
  classOfField(access: ts.PropertyAccessExpression): ClassRef | undefined {
    return this.fieldClass(access);
  }

  /**
   * Whether a class's method `member` takes nothing and returns the array the class keeps in a field
   * (`return this.turns`, `[...this.turns]`, `this.turns.slice()`): a history class's `get()`.
   */
  returnsOwnArray(cls: ts.ClassLikeDeclaration, member: string): boolean {
    const t = this.ts;
    const m = cls.members.find((x): x is ts.MethodDeclaration => t.isMethodDeclaration(x) && !!x.name && t.isIdentifier(x.name) && x.name.text === member);
    if (!m?.body || m.parameters.length || m.asteriskToken) return false;
    const last = m.body.statements[m.body.statements.length - 1];
    let e = last && t.isReturnStatement(last) && last.expression ? this.constants.skipTrivia(last.expression) : undefined;
    if (e && t.isArrayLiteralExpression(e) && e.elements.length === 1 && t.isSpreadElement(e.elements[0]!)) e = this.constants.skipTrivia(e.elements[0].expression);
    if (e && t.isCallExpression(e) && e.arguments.length === 0 && t.isPropertyAccessExpression(e.expression) && e.expression.name.text === "slice") e = this.constants.skipTrivia(e.expression.expression);
    if (!e || !t.isPropertyAccessExpression(e) || e.expression.kind !== t.SyntaxKind.ThisKeyword) return false;
    const field = classField(t, e)?.member;
    return !!field && declaresArray(t, (x) => this.constants.skipTrivia(x), field);
  }

  /** `this.reviewer`: the class of what its field is initialised with, typed as, or assigned in its class. */
  private fieldClass(access: ts.PropertyAccessExpression): ClassRef | undefined {
    const t = this.ts;
    let cls: ts.Node | undefined = access.parent;
    while (cls && !t.isClassLike(cls)) cls = cls.parent;
    if (!cls || !t.isClassLike(cls)) return undefined;
    for (const source of this.fieldsOf(cls).get(access.name.text) ?? []) {
      const c = this.classOf(source);
      if (c) return c;
    }
    return undefined;
  }

  /** `new X()`, or a factory's result (`await load()`). */
  private instanceOf(e: ts.Expression): ClassRef | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isNewExpression(x)) return t.isIdentifier(x.expression) ? this.classFromReference(x.expression) : undefined;
    return t.isCallExpression(x) ? this.madeBy(x) : undefined;
  }

  /** The class of the instance a call of a factory returns: local, imported, or `load()` of another module. */
  private madeBy(call: ts.CallExpression): ClassRef | undefined {
    const callee = this.of(call);
    if (!callee) return undefined;
    if (callee.kind === "external") return callee.exportName.includes(".") ? undefined : { kind: "external", specifier: callee.specifier, exportName: `${callee.exportName}()` };
    return callee.kind === "local" ? this.returnedClass(callee.fn) : undefined;
  }

  /** Each function's returned class: every `x.m()` on a `const x = f()` asks for f's, and finding it walks f's body. */
  private readonly returned = new Map<ts.Node, ClassRef | null>();

  /** The class whose instance a function returns: its declared return type, else a `return new X()`. */
  returnedClass(fn: ts.SignatureDeclaration & { body?: ts.Node }): ClassRef | undefined {
    let cls = this.returned.get(fn);
    if (cls === undefined) this.returned.set(fn, (cls = this.findReturnedClass(fn) ?? null));
    return cls ?? undefined;
  }

  private findReturnedClass(fn: ts.SignatureDeclaration & { body?: ts.Node }): ClassRef | undefined {
    const t = this.ts;
    const declared = fn.type ? this.classOfType(fn.type) : undefined;
    if (declared || !fn.body) return declared;
    if (!t.isBlock(fn.body)) return this.newedClass(fn.body as ts.Expression);
    let found: ClassRef | undefined;
    const visit = (n: ts.Node): void => {
      if (found || t.isFunctionLike(n) || t.isClassLike(n)) return;
      if (t.isReturnStatement(n) && n.expression) found = this.newedClass(n.expression);
      t.forEachChild(n, visit);
    };
    t.forEachChild(fn.body, visit);
    return found;
  }

  private newedClass(e: ts.Expression): ClassRef | undefined {
    let x = this.constants.skipTrivia(e);
    // `const r = new Reviewer(); await r.init(); return r;`
    if (this.ts.isIdentifier(x)) x = this.constants.skipTrivia(this.constants.initializerOf(x) ?? x);
    return this.ts.isNewExpression(x) && this.ts.isIdentifier(x.expression) ? this.classFromReference(x.expression) : undefined;
  }

  /** `Reviewer`, `Reviewer | null`, `Promise<Reviewer | undefined>`: the one class the type names. */
  private classOfType(type: ts.TypeNode): ClassRef | undefined {
    const name = this.typeName(type);
    return name && this.classFromReference(name);
  }

  private classFromReference(classRef: ts.Identifier): ClassRef | undefined {
    const t = this.ts;
    const classDecl = this.scopes.resolve(classRef);
    if (!classDecl) return undefined;
    if (t.isClassDeclaration(classDecl)) return { kind: "local", node: classDecl };
    if (t.isInterfaceDeclaration(classDecl)) return { kind: "interface", node: classDecl };
    const imported = this.importOf(classDecl);
    return imported?.kind === "external" ? { kind: "external", specifier: imported.specifier, exportName: imported.exportName } : undefined;
  }

  private importOf(decl: ts.Node): Callee | undefined {
    const t = this.ts;
    if (t.isImportSpecifier(decl) && t.isStringLiteralLike(decl.parent.parent.parent.moduleSpecifier)) return this.external(decl.parent.parent.parent.moduleSpecifier.text, (decl.propertyName ?? decl.name).text);
    if (t.isImportClause(decl) && t.isStringLiteralLike(decl.parent.moduleSpecifier)) return this.external(decl.parent.moduleSpecifier.text, "default");
    if (t.isVariableDeclaration(decl)) {
      // `const ask = require("./llm")` is the module's default (`module.exports = ask`); an awaited `import()` is its namespace, not callable.
      const spec = this.requiredModule(decl.initializer);
      if (spec) return this.external(spec, "default");
      // `const ask = await import("./llm").then((m) => m.ask)`
      const loaded = decl.initializer && awaitedImportExport(this.ts, this.constants.skipTrivia(decl.initializer));
      if (loaded) return this.external(loaded.specifier, loaded.exportName);
    }
    return undefined;
  }

  /** Whether the specifier is one of the project's modules is the resolver's call (tsconfig paths). */
  private external(specifier: string, exportName: string): Callee {
    return { kind: "external", specifier, exportName };
  }

  /** `require("./llm")`, `await import("./llm")` → "./llm": a value whose members are the module's exports. */
  private moduleObject(init: ts.Expression | undefined): string | undefined {
    return this.requiredModule(init) ?? (init && awaitedImport(this.ts, this.constants.skipTrivia(init)));
  }

  /** `require("./llm")` → "./llm". */
  private requiredModule(init: ts.Expression | undefined): string | undefined {
    const t = this.ts;
    const x = init && this.constants.skipTrivia(init);
    if (x && t.isCallExpression(x) && t.isIdentifier(x.expression) && x.expression.text === "require" && x.arguments[0] && t.isStringLiteralLike(x.arguments[0])) return x.arguments[0].text;
    return undefined;
  }
}

function enclosingFunctionLike(t: TS, n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (t.isFunctionLike(p)) return p;
  return undefined;
}
