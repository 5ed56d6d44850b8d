// Whether a LangGraph graph, as its builder calls are written, has no cycle: a pipeline runs each
// node once per invoke, so its `invoke` is not an agent loop of `recursionLimit` steps.
// Anything the builder calls do not state (a target computed at run time, a node routing with
// `Command`, the builder handed elsewhere) answers false: the loop claim stays.
import type * as ts from "typescript";
import type { Constants } from "./constants";
import { awaitedImport } from "./dynamicImport";
import type { Scopes, TS } from "./scopes";

const START = "__start__";
const END = "__end__";
/** Builder methods that add nodes and edges; any other call on the builder is not understood. */
const BUILDER_METHODS = new Set(["addNode", "addEdge", "addConditionalEdges", "addSequence"]);

const MAX_NODES = 500;

type BuilderCall = { readonly method: string; readonly args: readonly ts.Expression[] };

/** True when the graph compiled by `compileCall` provably has no cycle. */
export function compiledGraphIsAcyclic(t: TS, scopes: Scopes, constants: Constants, compileCall: ts.Node, isClient: (e: ts.Expression) => boolean): boolean {
  if (!t.isCallExpression(compileCall) || !t.isPropertyAccessExpression(compileCall.expression) || compileCall.expression.name.text !== "compile") return false;
  const calls = builderCalls(t, scopes, constants, compileCall.expression.expression);
  if (!calls) return false;
  const edges = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = edges.get(from);
    if (list) list.push(to);
    else edges.set(from, [to]);
  };
  for (const c of calls) {
    const named = (e: ts.Expression | undefined) => (e ? endpoint(t, scopes, constants, e) : undefined);
    if (c.method === "addNode") {
      // A node that is itself a graph or an agent (`addNode("cua", createCua())`) loops inside.
      const first = c.args[0] && constants.skipTrivia(c.args[0]);
      const fns = first && t.isObjectLiteralExpression(first) ? first.properties.map((p) => (t.isPropertyAssignment(p) ? p.initializer : undefined)) : [c.args[1]];
      if (!fns.every((f) => f && isNodeFunction(t, scopes, constants, f, isClient))) return false;
      // `addNode(name, fn, { ends })` routes with Command to the nodes listed: not read here
      // (`{ input }`, `{ retryPolicy }` and other options add no edge).
      const options = c.args[2] && constants.skipTrivia(c.args[2]);
      if (options && (!t.isObjectLiteralExpression(options) || options.properties.some((p) => !t.isPropertyAssignment(p) || !(t.isIdentifier(p.name) || t.isStringLiteral(p.name)) || p.name.text === "ends"))) return false;
      continue;
    }
    if (c.method === "addEdge") {
      const to = named(c.args[1]);
      const from = c.args[0] && t.isArrayLiteralExpression(constants.skipTrivia(c.args[0])) ? (constants.skipTrivia(c.args[0]) as ts.ArrayLiteralExpression).elements.map(named) : [named(c.args[0])];
      if (to === undefined || from.some((f) => f === undefined)) return false;
      for (const f of from) add(f!, to);
      continue;
    }
    if (c.method === "addConditionalEdges") {
      const from = named(c.args[0]);
      const targets = c.args[2] && conditionalTargets(t, scopes, constants, c.args[2]);
      if (from === undefined || !targets) return false;
      for (const to of targets) add(from, to);
      continue;
    }
    // addSequence([a, b, c]) of names or [name, fn] pairs: a → b → c.
    const list = c.args[0] && constants.skipTrivia(c.args[0]);
    if (!list || !t.isArrayLiteralExpression(list)) return false;
    const names = list.elements.map((el) => (t.isArrayLiteralExpression(el) ? named(el.elements[0]) : named(el)));
    if (names.some((n) => n === undefined)) return false;
    for (let i = 1; i < names.length; i++) add(names[i - 1]!, names[i]!);
  }
  // A node returning `new Command({ goto })` routes at run time; a graph with no edge stated (its
  // building not seen) or too large to walk is not proven either.
  if (compileCall.getSourceFile().text.includes("new Command(") || edges.size === 0 || edges.size > MAX_NODES) return false;
  return !hasCycle(edges);
}

/**
 * True when every node of the graph compiled by `compileCall` is a function written in place that
 * makes no call at all (`addNode("test", async () => {})`, a framework's export smoke test), and so
 * is everything else the graph is handed that runs (a router given to `addConditionalEdges`, a
 * reducer in its state): such a graph cannot reach a model, so its `invoke` sends nothing. Anything
 * it cannot read (a function named elsewhere, a state schema by name) answers false.
 */
export function compiledGraphMakesNoCalls(t: TS, scopes: Scopes, constants: Constants, compileCall: ts.Node): boolean {
  if (!t.isCallExpression(compileCall) || !t.isPropertyAccessExpression(compileCall.expression) || compileCall.expression.name.text !== "compile") return false;
  const made: ts.Expression[] = [];
  const calls = builderCalls(t, scopes, constants, compileCall.expression.expression, (n) => made.push(...(n.arguments ?? [])));
  if (!calls) return false;
  const nodes = calls.filter((c) => c.method === "addNode" || c.method === "addSequence");
  const inert = (e: ts.Expression, depth = 0): boolean => {
    const x = constants.skipTrivia(e);
    if (t.isArrowFunction(x) || t.isFunctionExpression(x)) return callsOnOwnParameters(t, x);
    if (t.isStringLiteral(x) || t.isNoSubstitutionTemplateLiteral(x) || t.isNumericLiteral(x) || x.kind === t.SyntaxKind.TrueKeyword || x.kind === t.SyntaxKind.FalseKeyword) return true;
    if (depth > 8) return false;
    if (t.isIdentifier(x)) {
      if (endpoint(t, scopes, constants, x) !== undefined) return true;
      // A state schema or router kept in a const (`const graphState = { messages: { value: (x, y) => x.concat(y) } }`).
      const init = constants.initializerOf(x);
      return init !== undefined && inert(init, depth + 1);
    }
    if (t.isArrayLiteralExpression(x)) return x.elements.every((el) => inert(el, depth + 1));
    if (t.isObjectLiteralExpression(x)) return x.properties.every((p) => t.isPropertyAssignment(p) && !t.isComputedPropertyName(p.name) && inert(p.initializer, depth + 1));
    return false;
  };
  return nodes.length > 0 && nodes.every((c) => c.method === "addNode" && !!c.args[1] && callFree(t, constants.skipTrivia(c.args[1]))) && calls.every((c) => c.args.every((a) => inert(a))) && made.every((a) => inert(a));
}

/**
 * A router or reducer written in place whose only calls are an array's or a string's own methods on
 * its parameters' values (`(x, y) => x.concat(y)`, `(s) => s.messages.at(-1).content.includes("x")`):
 * it works on the graph's state and reaches no model. Any other call answers false: `model.invoke`,
 * `route(s)`, and `s.model.invoke()` too, a method of a parameter's field that may be a model.
 */
function callsOnOwnParameters(t: TS, fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const own = new Set<string>();
  let only = true;
  const visit = (n: ts.Node): void => {
    if (!only) return;
    if (t.isArrowFunction(n) || t.isFunctionExpression(n)) for (const p of n.parameters) if (t.isIdentifier(p.name)) own.add(p.name.text);
    if (t.isNewExpression(n) || t.isTaggedTemplateExpression(n)) only = false;
    else if (t.isCallExpression(n)) {
      if (!t.isPropertyAccessExpression(n.expression) || !STATE_METHODS.has(n.expression.name.text)) only = false;
      let root: ts.Expression = n.expression;
      // Through the values of such calls too (`s.messages.at(-1).content`): the calls are visited in turn.
      while (t.isPropertyAccessExpression(root) || t.isElementAccessExpression(root) || t.isNonNullExpression(root) || t.isCallExpression(root)) root = root.expression;
      if (!t.isIdentifier(root) || !own.has(root.text)) only = false;
    }
    if (only) t.forEachChild(n, visit);
  };
  visit(fn);
  return only;
}

/** Methods of an array or a string: a reducer or router calling only these on its state reaches no model. */
const STATE_METHODS = new Set(["at", "concat", "every", "filter", "find", "findIndex", "findLast", "findLastIndex", "flat", "flatMap", "forEach", "includes", "indexOf", "join", "lastIndexOf", "map", "reduce", "reduceRight", "slice", "some", "toReversed", "toSorted", "toSpliced", "toString", "with", "push", "unshift", "pop", "shift", "splice", "sort", "reverse", "trim", "split", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "replace", "replaceAll", "match", "charAt", "substring", "padStart", "padEnd", "entries", "keys", "values"]);

function callFree(t: TS, fn: ts.Expression): boolean {
  if (!t.isArrowFunction(fn) && !t.isFunctionExpression(fn)) return false;
  let free = true;
  const visit = (n: ts.Node): void => {
    if (!free) return;
    if (t.isCallExpression(n) || t.isNewExpression(n) || t.isTaggedTemplateExpression(n)) free = false;
    else t.forEachChild(n, visit);
  };
  visit(fn.body);
  return free;
}

/** The builder's calls, from the `StateGraph` made to the compiled receiver; undefined when not all are seen. */
function builderCalls(t: TS, scopes: Scopes, constants: Constants, receiver: ts.Expression, made?: (n: ts.NewExpression) => void): BuilderCall[] | undefined {
  const calls: BuilderCall[] = [];
  let e = constants.skipTrivia(receiver);
  for (let depth = 0; depth < 200; depth++) {
    if (t.isNewExpression(e)) {
      made?.(e);
      return calls;
    }
    if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression)) {
      if (!BUILDER_METHODS.has(e.expression.name.text)) return undefined;
      calls.push({ method: e.expression.name.text, args: e.arguments });
      e = constants.skipTrivia(e.expression.expression);
      continue;
    }
    if (!t.isIdentifier(e)) return undefined;
    const decl = scopes.resolve(e);
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !constants.isConstDeclaration(decl)) return undefined;
    // `const builder = new StateGraph(…)`, then `builder.addNode(…)` statements: every other use of
    // the builder must be such a call chain (or the compile itself).
    for (const ref of scopes.referencesTo(decl, e.text)) {
      let at: ts.Node = ref;
      while (t.isPropertyAccessExpression(at.parent) && at.parent.expression === at && t.isCallExpression(at.parent.parent) && at.parent.parent.expression === at.parent) {
        const method = at.parent.name.text;
        if (method === "compile") break;
        if (!BUILDER_METHODS.has(method)) return undefined;
        calls.push({ method, args: at.parent.parent.arguments });
        at = at.parent.parent;
      }
      const used = at.parent;
      const compiles = t.isPropertyAccessExpression(used) && used.name.text === "compile";
      if (!compiles && !t.isExpressionStatement(used)) return undefined;
    }
    e = constants.skipTrivia(decl.initializer);
  }
  return undefined;
}

/** A function written here, declared, or imported (unless the import is a client: a compiled graph another module made). */
function isNodeFunction(t: TS, scopes: Scopes, constants: Constants, e: ts.Expression, isClient: (e: ts.Expression) => boolean): boolean {
  const x = constants.skipTrivia(e);
  if (t.isArrowFunction(x) || t.isFunctionExpression(x)) return true;
  if (!t.isIdentifier(x)) return false;
  const decl = scopes.resolve(x);
  if (!decl) return false;
  if (t.isFunctionDeclaration(decl)) return true;
  if (t.isVariableDeclaration(decl)) return !!decl.initializer && (t.isArrowFunction(decl.initializer) || t.isFunctionExpression(decl.initializer));
  return (t.isImportSpecifier(decl) || t.isImportClause(decl)) && !isClient(x);
}

/** A node's name as written: a string, or LangGraph's `START`/`END`. */
function endpoint(t: TS, scopes: Scopes, constants: Constants, e: ts.Expression): string | undefined {
  const x = constants.skipTrivia(e);
  if (t.isIdentifier(x) && (x.text === "START" || x.text === "END")) {
    const decl = scopes.resolve(x);
    if (decl && t.isImportSpecifier(decl)) return (decl.propertyName ?? decl.name).text === "START" ? START : END;
    // `const { START, END } = require("@langchain/langgraph")`, `… = await import("@langchain/langgraph")`.
    const element = decl && (t.isBindingElement(decl) ? decl : t.isBindingElement(decl.parent) ? decl.parent : undefined);
    const declaration = element?.parent.parent;
    const init = declaration && t.isVariableDeclaration(declaration) && declaration.initializer ? constants.skipTrivia(declaration.initializer) : undefined;
    const loads = init && t.isCallExpression(init) && ((t.isIdentifier(init.expression) && init.expression.text === "require") || awaitedImport(t, init) !== undefined);
    const required = loads ? init.arguments[0] : undefined;
    if (element && required && t.isStringLiteral(required) && required.text.startsWith("@langchain/langgraph")) {
      const name = (element.propertyName ?? element.name) as ts.Node;
      if (t.isIdentifier(name) && (name.text === "START" || name.text === "END")) return name.text === "START" ? START : END;
    }
  }
  return constants.string(x);
}

/** `["a", "b"]` or `{ yes: "a", no: END }`: where a conditional edge may lead. */
function conditionalTargets(t: TS, scopes: Scopes, constants: Constants, e: ts.Expression): string[] | undefined {
  const x = constants.skipTrivia(e);
  const values = t.isArrayLiteralExpression(x) ? [...x.elements] : t.isObjectLiteralExpression(x) && x.properties.every(t.isPropertyAssignment) ? x.properties.map((p) => (p as ts.PropertyAssignment).initializer) : undefined;
  const names = values?.map((v) => endpoint(t, scopes, constants, v));
  return names && names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

function hasCycle(edges: ReadonlyMap<string, readonly string[]>): boolean {
  const state = new Map<string, "open" | "done">();
  const visit = (n: string): boolean => {
    const s = state.get(n);
    if (s === "open") return true;
    if (s === "done") return false;
    state.set(n, "open");
    for (const m of edges.get(n) ?? []) if (m !== END && visit(m)) return true;
    state.set(n, "done");
    return false;
  };
  return [...edges.keys()].some(visit);
}
