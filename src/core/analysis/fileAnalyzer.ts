// One file's analysis: the LLM calls found by provenance, the calls of the user's functions that
// make LLM calls (through their summaries), and the summaries this file offers to others.
import type * as ts from "typescript";
import { Bound, formatBound } from "../algebra/bound";
import { Poly } from "../algebra/poly";
import { Constants } from "../binder/constants";
import { Provenance, type DeclaredTypes, type ExportedClient, type LlmCall, type TypeMember } from "../binder/provenance";
import { Scopes, type TS } from "../binder/scopes";
import { ENDPOINT_CATALOG, SDK_CATALOG, catalogCalleeNames, moduleMatches, type LoopsWith, type SdkEntry } from "../catalog/sdks";
import { countPolys, mapCounts, type AnalysisOptions, type Finding } from "../model";
import { SymbolTable, rankBy, type SymbolInfo } from "../symbols";
import { Callees, type Callee } from "./callees";
import { wrapperNote } from "./wrappedFunctions";
import { CallSites, passedNote, type HandedField, type SiteBounds } from "./callSite";
import { Loops } from "./loops";
import { solveRecursion, type SiteSolver } from "./recursion";
import { countedTangle, type CountedTangle } from "./countedTangle";
import { Sizes } from "./sizes";
import { factsOf, strongerGrowth, type Growth } from "./sizeValues";
import { MAX_REACHES, qualifiedSymbol, renameSymbols, substitute, summaryParams, type Summary, type SummaryParam } from "./summary";
import { lineRef } from "../lineRefs";
import { functionNameOf } from "./functionName";
import { exits, isWithin } from "./controlFlow";
import { dispatchGuardOf, guardExcludes } from "./dispatchGuard";
import { writtenTwice } from "./writtenTwice";
import { mayBeCatalogValue } from "./catalogExports";
import { argumentAt, builtFromParameter, copiedParameter, rebuiltParameter, type CopiedParameter } from "./parameterCopy";
import type { LoopGuard } from "./loopGuard";
import { compactCode } from "../compactCode";

/** Summaries of other modules' exports, provided by the project (undefined: not a project module, or none). */
export interface ExternalSummaries {
  summaryOf(specifier: string, exportName: string, fromFile: string): Summary | undefined;
  /** Counts answers given provisionally on import cycles: a classification that saw one is not kept. */
  provisional?(): number;
  /** A client another module exports (`export const client = new OpenAI()`, `export function getClient()`). */
  clientOf?(specifier: string, exportName: string, fromFile: string): ExportedClient | undefined;
  /** Whether a specifier names a module of the project, which may offer summaries or clients (asked as when undefined: yes). */
  resolves?(specifier: string, fromFile: string): boolean;
  /** The number or string another module's `export const` states, under a key path (`MAX_TURNS`, `config.maxSteps`). */
  constantOf?(specifier: string, exportName: string, path: readonly string[], fromFile: string): number | string | undefined;
  /** Declared types of other modules: where an imported class or interface is declared, and what its members are. */
  typeAt?(specifier: string, exportName: string, fromFile: string): { file: string; name: string } | undefined;
  /** The LangGraph fan-out another module's exported routing function makes: the node it sends to, the collection it maps, where. */
  fanOutOf?(specifier: string, exportName: string, fromFile: string): { node: string; collection: string; where: string } | undefined;
  typeMember?(file: string, name: string, key: string, called: boolean, fromFile: string): TypeMember | undefined;
  /** What other modules' classes implementing (or extending) this module's exported interface (or abstract class) `name` do in `member`: one summary per class that makes LLM calls there. */
  implementedBy?(name: string, member: string): Summary[];
  /** The interface another module's class's (or interface's) method is declared to return (`Config.getContentGenerator(): ContentGenerator`), as `file#Name`. */
  returnedInterface?(file: string, name: string, member: string, fromFile: string): string | undefined;
  /** What another module's exported function does to a caller's turn counter (see LoopGuard). */
  loopGuard?(specifier: string, exportName: string, fromFile: string): LoopGuard | undefined;
  /** Which parameter another module's exported function returns a copy of (`history.filter(…)`, `[...history]`, `structuredClone(history)`). */
  copiedParameter?(specifier: string, exportName: string, fromFile: string): CopiedParameter | undefined;
  /** Whether another module's class's method returns the array the class keeps (`ChatTurns.get`: `return this.turns`). */
  collectionMethod?(specifier: string, exportName: string, member: string, fromFile: string): boolean;
  /** What the app's route handler for a fetched path and method costs (`fetch("/api/responses", { method: "POST" })`). */
  routeHandler?(path: string, method: string, fromFile: string): Summary | undefined;
  /** The agent the project registers under a name (`new Mastra({ agents: { weatherAgent } })`). */
  registeredAgent?(name: string, fromFile: string, byId?: boolean): ExportedClient | undefined;
  /** Whether another module's exported agent was made with none of the options that make its runner loop (`export const agent = new Agent({ tools: [webSearchTool()] })`). */
  madeWithoutLoops?(specifier: string, exportName: string, loopsWith: LoopsWith, fromFile: string): boolean | undefined;
}

/** The call locations a function's requests are sent from: its sites and, through them, their callees'. */
function reachesOf(file: string, sites: readonly { line: number; summary?: Summary }[]): { file: string; line: number }[] {
  const out = new Map<string, { file: string; line: number }>();
  const add = (r: { file: string; line: number }): void => {
    if (out.size < MAX_REACHES) out.set(`${r.file}\u0000${r.line}`, r);
  };
  for (const s of sites) {
    add({ file, line: s.line });
    for (const r of s.summary?.reaches ?? []) add(r);
  }
  return [...out.values()];
}

function declaredTypesOf(external: ExternalSummaries | undefined, fromFile: string): DeclaredTypes | undefined {
  const { typeAt, typeMember } = external ?? {};
  if (!typeAt || !typeMember) return undefined;
  return { at: (specifier, name) => typeAt(specifier, name, fromFile), member: (file, name, key, called) => typeMember(file, name, key, called, fromFile) };
}

/** Thrown when a file's analysis passes its time budget (`AnalysisOptions.timeBudgetMs`). */
export class BudgetExceeded extends Error {
  constructor(readonly functionName: string) {
    super(`analysis budget exceeded (in ${functionName})`);
  }
}

/** Thrown when `AnalysisOptions.shouldStop` answers true: the request was superseded, nothing is wrong with the file. */
export class AnalysisCancelled extends Error {
  constructor() {
    super("analysis cancelled");
  }
}

const DEFAULT_TIME_BUDGET_MS = 5000;
/** How many carried notes a summary keeps (a long chain of helpers each passed a closure stops adding). */
const MAX_CARRIED = 8;
/** Of several summaries one call may run, the costliest (the only one when there is one), with what was chosen from. */
function costliestOf(found: readonly Summary[], chosenFrom: (names: string) => string): Summary | undefined {
  if (found.length <= 1) return found[0];
  const cost = (s: Summary): number => s.generation.evaluate({}, IMPLEMENTATION_COMPARISON_SIZE);
  const costliest = found.reduce((a, b) => (cost(b) > cost(a) ? b : a));
  return { ...costliest, explanation: [`${chosenFrom(found.map((s) => s.name).join(", "))}: the costliest, ${costliest.name}, is counted`, ...costliest.explanation] };
}

/** The value every symbol takes when implementations of one interface method are compared by cost. */
const IMPLEMENTATION_COMPARISON_SIZE = 100;
/** Steps between two looks at the clock: a step is a call classified or a summary made. */
const STEPS_PER_CLOCK_READ = 64;

export function catalogWith(options: AnalysisOptions | undefined): readonly SdkEntry[] {
  return options?.catalog?.length ? [...options.catalog, ...SDK_CATALOG] : SDK_CATALOG;
}

export class FileAnalyzer {
  readonly scopes: Scopes;
  private readonly constants: Constants;
  private readonly provenance: Provenance;
  private readonly symbols = new SymbolTable();
  private readonly loops: Loops;
  private readonly sizes: Sizes;
  private readonly sites: CallSites;
  private readonly callees: Callees;
  private readonly llmCalls = new Map<ts.CallExpression, LlmCall | null>();
  private readonly classifying = new Set<ts.CallExpression>();
  private readonly summaries = new Map<ts.Node, Summary | null>();
  private readonly exportTargets = new Map<string, ts.Node | null>();
  private readonly inProgress = new Set<ts.Node>();
  /**
   * The summaries being made, innermost last (Tarjan's stack): `low` is the shallowest frame whose
   * unfinished summary this one's answer used (a call back into a function still being made).
   */
  private readonly frames: { readonly fn: ts.Node; readonly depth: number; low: number }[] = [];
  /**
   * Summaries made inside a tangle of functions calling each other, before the tangle's first
   * function (its root on the stack) is done: kept for the rest of that solve, so each function of
   * a strongly connected component is summarised once, not once per path through it.
   */
  private readonly solving = new Map<ts.Node, { readonly summary: Summary | undefined; readonly low: number }>();
  /** While a tangle is solved again: each member's summary from the previous pass, for the calls back into it. */
  private previousPass: ReadonlyMap<ts.Node, Summary | undefined> | undefined;
  private calleesSummarised = false;
  /** Why a function calling itself has no recurrence (solveRecursion's reason), while it may be a tangle's member. */
  private readonly selfRecursionReasons = new Map<ts.Node, string>();
  /** The name each function was summarised under (a tangle's members are named in its derivation). */
  private readonly names = new Map<ts.Node, string>();
  /** While a counted tangle's round is priced: its members, whose calls of themselves are rounds, not recurrences. */
  private roundMembers: ReadonlySet<ts.Node> | undefined;
  /** Functions found calling themselves while their summary was being made. */
  private readonly recursive = new Set<ts.Node>();
  /** What a recursive function returns, while its recurrence is being set up. */
  private readonly provisional = new Map<ts.Node, Summary>();
  /** The sites of solved self-recursive functions: their bounds over the whole recursion. */
  private readonly recurrences = new Map<ts.CallExpression, SiteSolver>();
  /** A call a function makes of itself, or null: whether its sites are counted by a recurrence. */
  private readonly selfCallOf = new Map<ts.Node, ts.CallExpression | null>();
  private readonly budgetMs: number;
  private readonly shouldStop: (() => boolean) | undefined;
  /** Set while a public entry runs: when its budget ends. */
  private deadline: number | undefined;
  private steps = 0;
  /** Summaries made (each function once per pass over its tangle), for tests and benchmarks. */
  summariesMade = 0;
  /** Counts summaries asked for while in progress, so such answers are not cached. */
  private pending = 0;
  private readonly catalog: readonly SdkEntry[];
  private readonly wrapperNames: readonly string[];
  private readonly typeAware: boolean;
  private llmSources: boolean | undefined;

  constructor(
    private readonly tsm: TS,
    readonly sourceFile: ts.SourceFile,
    options?: AnalysisOptions,
    private readonly external?: ExternalSummaries,
    checker?: ts.TypeChecker,
  ) {
    const catalog = catalogWith(options);
    this.catalog = catalog;
    this.wrapperNames = options?.wrappers ?? [];
    this.typeAware = !!checker;
    this.budgetMs = options?.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    this.shouldStop = options?.shouldStop;
    this.scopes = new Scopes(tsm, sourceFile);
    this.constants = new Constants(tsm, this.scopes, external?.constantOf && ((specifier, name, path) => external.constantOf!(specifier, name, path, sourceFile.fileName)));
    this.callees = new Callees(tsm, this.scopes, this.constants);
    this.provenance = new Provenance(tsm, this.scopes, this.constants, catalog, ENDPOINT_CATALOG, catalogCalleeNames(catalog), new Set(options?.wrappers ?? []), (call) => this.summaryOfCallee(call), checker && ((e) => declaredType(tsm, checker, e)), external?.clientOf && ((specifier, name) => external.clientOf!(specifier, name, sourceFile.fileName)), declaredTypesOf(external, sourceFile.fileName), external?.routeHandler && ((path, method) => external.routeHandler!(path, method, sourceFile.fileName)), external?.registeredAgent && ((name, byId) => external.registeredAgent!(name, sourceFile.fileName, byId)), external?.madeWithoutLoops && ((specifier, name, loopsWith) => external.madeWithoutLoops!(specifier, name, loopsWith, sourceFile.fileName)));
    this.loops = new Loops(tsm, this.scopes, this.constants, this.symbols, external?.loopGuard && ((call) => this.foreignLoopGuard(call)), (call) => this.provenance.isSdkCall(call), (call) => !!this.classify(call));
    this.sizes = new Sizes(tsm, this.scopes, this.constants, this.loops, this.symbols, (c) => this.classify(c), (llm) => this.modelName(llm), (c) => this.heldCollection(c), (c) => this.copiedArgument(c));
    this.sites = new CallSites(tsm, this.scopes, this.constants, this.loops, this.sizes, this.symbols, (c) => this.classify(c), (llm) => this.modelName(llm), (at) => this.step(at), () => ({ pending: this.pendingCount(), provisional: this.provisional.size > 0 }));
  }

  /**
   * Every SDK call, and every call of an LLM-making function of the user's inside a loop (the lens
   * belongs where the loop is; the wrapper's own SDK call keeps its per-call finding). With
   * `within`, only the calls inside those top-level statements (the rest of an edited file's
   * findings are reused, see unitReuse).
   */
  findings(within?: ReadonlySet<ts.Statement>): Finding[] {
    if (!(this.llmSources ??= this.hasLlmSources())) return [];
    return this.withBudget(() => {
      try {
        return this.findingsWithin(within);
      } catch (err) {
        // The stack ran out: if summaries asked for their callees' along a long chain, making them
        // callees-first keeps that recursion shallow. (Only then: the order names a tangle's functions.)
        if (!(err instanceof RangeError) || this.calleesSummarised) throw err;
        this.solving.clear();
        this.previousPass = undefined;
        this.summariseCalleesFirst();
        return this.findingsWithin(within);
      }
    });
  }

  private findingsWithin(within?: ReadonlySet<ts.Statement>): Finding[] {
    const out: Finding[] = [];
    const visit = (n: ts.Node): void => {
      if (this.tsm.isFunctionLike(n)) this.stopIfAsked();
      if (this.tsm.isCallExpression(n)) {
        const llm = this.classify(n);
        // A call of a user's LLM-calling function is a site where it repeats: in a loop, in a recursion, or
        // handing a recursion the budget that counts its levels.
        const budgeted = llm?.summary?.budget !== undefined;
        // Its own call of itself is one of its levels, not a site of its own.
        const level = budgeted && this.loops.around(n).length === 0 && this.isSelfCall(n, this.loops.enclosingFunction(n));
        if (llm && !level && (!llm.summary || llm.elementOf || budgeted || this.loops.around(n).length > 0 || this.recurrenceOf(n))) out.push(this.finding(llm));
      }
      this.tsm.forEachChild(n, visit);
    };
    if (within) {
      for (const s of this.sourceFile.statements) if (within.has(s)) visit(s);
    } else visit(this.sourceFile);
    return out;
  }

  /**
   * Whether any call in the file can be an LLM call: every one starts from a catalog module that
   * the file imports and uses (or requires), a project module (its summaries and clients), a
   * request to an endpoint (`fetch`, axios's `post`), a wrapper's name, or a type the checker names. A file
   * with none of these has no finding, and the walk over every call (a minified bundle's tens of
   * thousands) is skipped: an SDK imported and never used (`import OpenAI from "openai"` in front of
   * 1.9 MB of minified code) is no source.
   */
  private hasLlmSources(): boolean {
    if (this.typeAware || this.wrapperNames.length) return true;
    const t = this.tsm;
    const file = this.sourceFile.fileName;
    // axios is read for its `post` to an endpoint (Provenance.classifyHttp).
    const isCatalog = (specifier: string): boolean => specifier === "axios" || this.catalog.some((e) => e.modules.some((m) => moduleMatches(m, specifier)));
    const projectModule = (specifier: string): boolean => !!this.external && (this.external.resolves?.(specifier, file) ?? true);
    // A name written once in the file (at its import) has no reference, and the file's identifiers
    // need not be indexed to say so (a fifth of a 1.9 MB minified file's run).
    const used = (decl: ts.Node, name: ts.Identifier | undefined): boolean => !!name && writtenTwice(this.sourceFile.text, name.text) && this.scopes.referencesTo(decl, name.text).length > 0;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (t.isImportDeclaration(n) && t.isStringLiteralLike(n.moduleSpecifier)) {
        const specifier = n.moduleSpecifier.text;
        if (!isCatalog(specifier)) found = projectModule(specifier);
        else {
          const c = n.importClause;
          const b = c?.namedBindings;
          // A named import is a source only if provenance can make something of its name (see catalogExports).
          const named = (el: ts.ImportSpecifier): boolean => (specifier === "axios" || mayBeCatalogValue(this.catalog, specifier, (el.propertyName ?? el.name).text)) && used(el, el.name);
          found = !!c && (used(c, c.name) || (!!b && (t.isNamespaceImport(b) ? used(b, b.name) : b.elements.some(named))));
        }
        return;
      }
      if (t.isImportEqualsDeclaration(n)) {
        const ref = n.moduleReference;
        found = !t.isExternalModuleReference(ref) || !t.isStringLiteralLike(ref.expression) || (isCatalog(ref.expression.text) ? used(n, n.name) : projectModule(ref.expression.text));
        return;
      }
      if (t.isCallExpression(n)) {
        const callee = this.constants.skipTrivia(n.expression);
        const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        const arg = n.arguments[0];
        // A module named by a string: provenance follows no other `require` or `import()`.
        const loaded = (name === "require" || callee.kind === t.SyntaxKind.ImportKeyword) && arg && t.isStringLiteralLike(arg) ? arg.text : undefined;
        if (name === "fetch" || (loaded !== undefined && (isCatalog(loaded) || projectModule(loaded)))) {
          found = true;
          return;
        }
      }
      t.forEachChild(n, visit);
    };
    visit(this.sourceFile);
    return found;
  }

  /**
   * Summarises the file's functions that other functions call, callees before callers, with an
   * explicit stack. A summary asks for its callees' summaries recursively (through many frames per
   * call), so a chain of a few hundred functions each calling the next exhausted the stack and the
   * file was skipped as "nested too deeply"; made in this order, each summary finds its callees'
   * summaries kept and the recursion stays one call deep.
   */
  private summariseCalleesFirst(): void {
    this.calleesSummarised = true;
    const t = this.tsm;
    const calls = new Map<ts.Node, Set<ts.SignatureDeclaration>>();
    const names = new Map<ts.SignatureDeclaration, string>();
    const visit = (n: ts.Node): void => {
      if (t.isCallExpression(n)) {
        const callee = this.callees.of(n);
        if (callee?.kind === "local") {
          names.set(callee.fn, callee.name);
          const caller = this.loops.enclosingFunction(n);
          let set = calls.get(caller);
          if (!set) calls.set(caller, (set = new Set()));
          set.add(callee.fn);
        }
      }
      t.forEachChild(n, visit);
    };
    visit(this.sourceFile);
    const done = new Set<ts.Node>();
    for (const root of names.keys()) {
      if (done.has(root)) continue;
      done.add(root);
      const stack: { fn: ts.SignatureDeclaration; next: Iterator<ts.SignatureDeclaration> }[] = [{ fn: root, next: (calls.get(root) ?? new Set()).values() }];
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const step = top.next.next();
        if (!step.done) {
          if (!done.has(step.value)) {
            done.add(step.value);
            stack.push({ fn: step.value, next: (calls.get(step.value) ?? new Set()).values() });
          }
          continue;
        }
        stack.pop();
        this.summaryOf(top.fn, names.get(top.fn)!);
      }
    }
  }

  /** The summary of an export: `default`, a name, or `Class.method`. */
  exportedSummary(exportName: string): Summary | undefined {
    return this.withBudget(() => {
      const [head, member] = exportName.split(".");
      // `load().review`: a method of the instance the exported function `load` returns.
      if (head!.endsWith("()") && member) {
        const factory = this.exportedFunction(head!.slice(0, -2));
        const cls = factory && this.callees.returnedClass(factory.fn);
        if (cls?.kind === "external") return this.external?.summaryOf(cls.specifier, `${cls.exportName}.${member}`, this.sourceFile.fileName);
        const target = cls?.node.name ? cls.node : undefined;
        const fn = target && this.exportedFunctionOf(target, target.name!.text, member);
        return fn ? this.summaryOf(fn.fn, fn.name) : undefined;
      }
      const target = member ? this.exportTarget(head!) : undefined;
      // `Summarizer.summarize` of an exported interface (or an abstract method): its implementations
      // here and in other modules (`Summarizer.*`: any method's).
      if (target && (this.tsm.isInterfaceDeclaration(target) || (this.callees.isAbstract(target) && !this.exportedFunction(exportName)))) {
        const members = member === "*" ? target.members.flatMap((m) => (m.name && this.tsm.isIdentifier(m.name) ? [m.name.text] : [])) : [member!];
        for (const m of members) {
          const summary = this.implementedSummary(target, m);
          if (summary) return summary;
        }
        return undefined;
      }
      const fn = this.exportedFunction(exportName);
      return fn ? this.summaryOf(fn.fn, fn.name) : undefined;
    });
  }

  /** Runs a public entry under the time budget (one budget for the outermost entry). */
  private withBudget<T>(run: () => T): T {
    if (this.deadline !== undefined) return run();
    this.deadline = Date.now() + this.budgetMs;
    this.steps = 0;
    try {
      return run();
    } catch (err) {
      // Unwound (the budget, a stack overflow): nothing half-solved may be reused.
      this.solving.clear();
      this.previousPass = undefined;
      throw err;
    } finally {
      this.deadline = undefined;
    }
  }

  /** Between functions: a superseded request stops here (the same unwinding as the time budget's). */
  private stopIfAsked(): void {
    if (this.deadline !== undefined && this.shouldStop?.()) throw new AnalysisCancelled();
  }

  /** One step of work at `at`; every STEPS_PER_CLOCK_READ steps, a look at the clock. */
  private step(at: ts.Node): void {
    if (this.deadline === undefined || ++this.steps % STEPS_PER_CLOCK_READ !== 0) return;
    if (Date.now() >= this.deadline) throw new BudgetExceeded(functionNameOf(this.tsm, at));
  }

  /** The client an export is (or a function of it returns), for the modules that import it. */
  exportedClient(exportName: string): ExportedClient | undefined {
    const target = this.exportTarget(exportName);
    return target ? this.provenance.portable(this.provenance.exportedClient(target), (e) => modelOf(this.tsm, this.constants, e)) : undefined;
  }

  /**
   * The agent this module registers under `name`: `new Mastra({ agents: { name } })` or `{ name: agent }`;
   * `byId`, the registered agent made with `id: name` (`mastra.getAgentById("review-agent")`), here or in the module it is imported from.
   */
  registeredAgent(name: string, byId = false): ExportedClient | undefined {
    const t = this.tsm;
    let agents: ts.Expression | undefined;
    const visit = (n: ts.Node): void => {
      if (agents) return;
      if (t.isNewExpression(n) && t.isIdentifier(n.expression) && n.expression.text === "Mastra") agents = this.constants.property(n.arguments?.[0], ["agents"]);
      else t.forEachChild(n, visit);
    };
    visit(this.sourceFile);
    const portable = (value: ts.Expression): ExportedClient | undefined => this.withBudget(() => this.provenance.portable(this.provenance.exportedClient(value), (e) => modelOf(this.tsm, this.constants, e)));
    if (!byId) {
      const value = this.constants.property(agents, [name]);
      return value && portable(value);
    }
    for (const p of this.constants.objectLiteral(agents)?.properties ?? []) {
      const value = t.isPropertyAssignment(p) ? p.initializer : t.isShorthandPropertyAssignment(p) ? p.name : undefined;
      const agent = value && portable(value);
      if (agent?.id === name) return agent;
    }
    return undefined;
  }

  /**
   * What member `key` of this module's top-level class or interface `name` is (`called`: what the
   * method returns), for modules that hold one of its instances: a client, or another declared type.
   */
  typeMember(name: string, key: string, called: boolean): TypeMember | undefined {
    const t = this.tsm;
    const decl = this.sourceFile.statements.find((s): s is ts.ClassDeclaration | ts.InterfaceDeclaration => (t.isClassDeclaration(s) || t.isInterfaceDeclaration(s)) && s.name?.text === name);
    const v = decl && this.provenance.memberOfType(decl, key, called);
    if (!v) return undefined;
    if (v.kind !== "typed") {
      const client = this.provenance.portable(v, (e) => modelOf(this.tsm, this.constants, e));
      return client && { client };
    }
    if (v.member !== undefined) return undefined;
    if ("file" in v.type) return { type: v.type };
    // An object type literal has no name another module could ask about.
    const own = this.tsm.isTypeLiteralNode(v.type.decl) ? undefined : v.type.decl.name?.text;
    return own && v.type.decl.parent === this.sourceFile ? { type: { file: this.sourceFile.fileName, name: own } } : undefined;
  }

  /**
   * An SDK call made through a project interface's method (`this.generator.generateContent(…)` with
   * `generator: ContentGenerator`): the method's key, and whether the call is itself an
   * implementation of that method handing the request on (`LoggingContentGenerator.generateContent`
   * calling `this.wrapped.generateContent`). The report counts such a forwarding call in a call
   * through the interface (see countedIn).
   */
  private routeOf(llm: LlmCall): { viaInterface?: { key: string; forwards: boolean } } {
    const t = this.tsm;
    if (llm.summary) return {};
    const callee = this.constants.skipTrivia(llm.node.expression);
    if (!t.isPropertyAccessExpression(callee)) return {};
    const typeName = this.callees.declaredTypeName(callee.expression);
    const iface = typeName ? this.typeKey(typeName) : this.getterInterfaceKey(callee.expression);
    if (!iface) return {};
    const member = callee.name.text;
    const fn = this.loops.enclosingFunction(llm.node);
    const cls = t.isMethodDeclaration(fn) && fn.name && t.isIdentifier(fn.name) && fn.name.text === member && t.isClassLike(fn.parent) ? fn.parent : undefined;
    const implemented = (cls?.heritageClauses ?? []).filter((h) => h.token === t.SyntaxKind.ImplementsKeyword).flatMap((h) => h.types.flatMap((x) => (t.isIdentifier(x.expression) ? [x.expression] : [])));
    return { viaInterface: { key: `${iface}.${member}`, forwards: implemented.some((x) => this.typeKey(x) === iface) } };
  }

  /**
   * `this.context.config.getContentGenerator()`: the interface the getter is declared to return,
   * where the declared types lead its receiver to a class of this module or another's (the
   * getter's body may make the client itself; the declared type is what its implementations share).
   */
  private getterInterfaceKey(receiver: ts.Expression): string | undefined {
    const t = this.tsm;
    const call = this.constants.skipTrivia(receiver);
    if (!t.isCallExpression(call) || !t.isPropertyAccessExpression(call.expression)) return undefined;
    const owner = this.provenance.declaredTypeOf(call.expression.expression);
    if (!owner) return undefined;
    const member = call.expression.name.text;
    if ("file" in owner) return this.external?.returnedInterface?.(owner.file, owner.name, member, this.sourceFile.fileName);
    return !t.isTypeLiteralNode(owner.decl) && owner.decl.name ? this.returnedInterface(owner.decl.name.text, member) : undefined;
  }

  /** `file#Name` of the interface this module's top-level class or interface `name` declares its method `member` to return (through `Promise<…>`). */
  returnedInterface(name: string, member: string): string | undefined {
    const t = this.tsm;
    const decl = this.sourceFile.statements.find((s): s is ts.ClassDeclaration | ts.InterfaceDeclaration => (t.isClassDeclaration(s) || t.isInterfaceDeclaration(s)) && s.name?.text === name);
    const m = (decl?.members as ts.NodeArray<ts.ClassElement | ts.TypeElement> | undefined)?.find((x) => x.name && t.isIdentifier(x.name) && x.name.text === member);
    let type = m && (t.isMethodDeclaration(m) || t.isMethodSignature(m)) ? m.type : undefined;
    if (type && t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName) && type.typeName.text === "Promise" && type.typeArguments?.length === 1) type = type.typeArguments[0];
    return type && t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName) ? this.typeKey(type.typeName) : undefined;
  }

  /**
   * The types a class or interface of this module hands out (`file#Name`): its methods' declared
   * return types (through `Promise<…>`) and its fields' declared types or `new X()` values. A type
   * import of it leads to an LLM when one of these does (`config.getClient().ask(q)`).
   */
  typesHandedOut(name: string): string[] {
    const t = this.tsm;
    const decl = this.sourceFile.statements.find((s): s is ts.ClassDeclaration | ts.InterfaceDeclaration => (t.isClassDeclaration(s) || t.isInterfaceDeclaration(s)) && s.name?.text === name);
    const out = new Set<string>();
    // The names a declared type stands for: through Promise<…>, parentheses, a union's members
    // (`Client | undefined`) and this module's type aliases (`type Ref = Client`).
    const names = (type: ts.TypeNode | undefined, depth: number): ts.Identifier[] => {
      if (!type || depth > 4) return [];
      if (t.isParenthesizedTypeNode(type)) return names(type.type, depth + 1);
      if (t.isUnionTypeNode(type)) return type.types.flatMap((x) => names(x, depth + 1));
      if (!t.isTypeReferenceNode(type) || !t.isIdentifier(type.typeName)) return [];
      if (type.typeName.text === "Promise" && type.typeArguments?.length === 1) return names(type.typeArguments[0], depth + 1);
      const alias = this.scopes.resolve(type.typeName);
      return alias && t.isTypeAliasDeclaration(alias) ? names(alias.type, depth + 1) : [type.typeName];
    };
    for (const m of (decl?.members ?? []) as readonly (ts.ClassElement | ts.TypeElement)[]) {
      const type = t.isMethodDeclaration(m) || t.isMethodSignature(m) || t.isPropertyDeclaration(m) || t.isPropertySignature(m) || t.isGetAccessorDeclaration(m) ? m.type : undefined;
      const init = t.isPropertyDeclaration(m) && m.initializer ? this.constants.skipTrivia(m.initializer) : undefined;
      const named = [...names(type, 0), ...(init && t.isNewExpression(init) && t.isIdentifier(init.expression) ? [init.expression] : [])];
      for (const n of named) {
        const key = this.typeKey(n);
        if (key) out.add(key);
      }
    }
    return [...out];
  }

  /** `file#Name` of the interface a type name denotes: declared here, or imported from a project module. */
  private typeKey(name: ts.Identifier): string | undefined {
    const t = this.tsm;
    const decl = this.scopes.resolve(name);
    if (decl && t.isInterfaceDeclaration(decl)) return `${this.sourceFile.fileName}#${decl.name.text}`;
    if (!decl || !t.isImportSpecifier(decl) || !t.isStringLiteralLike(decl.parent.parent.parent.moduleSpecifier)) return undefined;
    const at = this.external?.typeAt?.(decl.parent.parent.parent.moduleSpecifier.text, (decl.propertyName ?? decl.name).text, this.sourceFile.fileName);
    return at && `${at.file}#${at.name}`;
  }

  /** Whether this module's top-level class `name` has a method `member` that returns the array it keeps. */
  collectionMethod(name: string, member: string): boolean {
    const t = this.tsm;
    const cls = this.sourceFile.statements.find((s): s is ts.ClassDeclaration => t.isClassDeclaration(s) && s.name?.text === name);
    return !!cls && this.callees.returnsOwnArray(cls, member);
  }

  private readonly held = new Map<ts.CallExpression, ts.PropertyAccessExpression | null>();
  private readonly pushed = new Map<ts.ClassLikeDeclaration, Set<string>>();

  /** The fields a class's code calls `push` or `unshift` on (`this.history.push(…)`), found in one walk. */
  private pushedFields(cls: ts.ClassLikeDeclaration): Set<string> {
    let names = this.pushed.get(cls);
    if (names) return names;
    const t = this.tsm;
    const found = new Set<string>();
    const visit = (n: ts.Node): void => {
      if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && (n.expression.name.text === "push" || n.expression.name.text === "unshift")) {
        const recv = n.expression.expression;
        if (t.isPropertyAccessExpression(recv) && recv.expression.kind === t.SyntaxKind.ThisKeyword) found.add(recv.name.text);
      }
      t.forEachChild(n, visit);
    };
    for (const m of cls.members) visit(m);
    this.pushed.set(cls, (names = found));
    return names;
  }

  /**
   * `this.history.get()` with `history` a field holding a small history class (this module's or
   * another's) whose `get` returns the array it keeps: the field itself, which `this.history.push(…)`
   * grows like an array (gemini-cli's `GeminiChat.agentHistory`, an `AgentChatHistory`).
   */
  private heldCollection(call: ts.CallExpression): ts.PropertyAccessExpression | undefined {
    const t = this.tsm;
    const callee = this.constants.skipTrivia(call.expression);
    if (call.arguments.length || !t.isPropertyAccessExpression(callee)) return undefined;
    const field = this.constants.skipTrivia(callee.expression);
    if (!t.isPropertyAccessExpression(field) || field.expression.kind !== t.SyntaxKind.ThisKeyword) return undefined;
    const memo = this.held.get(call);
    if (memo !== undefined) return memo ?? undefined;
    // Only a field the class pushes to can be a growing history (and the other module is not asked).
    let owner: ts.Node | undefined = field.parent;
    while (owner && !t.isClassLike(owner)) owner = owner.parent;
    if (!owner || !this.pushedFields(owner as ts.ClassLikeDeclaration).has(field.name.text)) {
      this.held.set(call, null);
      return undefined;
    }
    const cls = this.callees.classOfField(field);
    const member = callee.name.text;
    const keeps = cls?.kind === "local" ? this.callees.returnsOwnArray(cls.node, member) : cls?.kind === "external" && !cls.exportName.includes("(") ? !!this.external?.collectionMethod?.(cls.specifier, cls.exportName, member, this.sourceFile.fileName) : false;
    this.held.set(call, keeps ? field : null);
    return keeps ? field : undefined;
  }

  /** `curated(history)`, `curated` imported from a module whose function returns a copy of its parameter (or converts its elements): `history`. */
  private copiedArgument(call: ts.CallExpression): { arg: ts.Expression; built: boolean } | undefined {
    const callee = this.callees.of(call);
    if (callee?.kind !== "external" || !this.external?.copiedParameter) return undefined;
    const copied = this.external.copiedParameter(callee.specifier, callee.exportName, this.sourceFile.fileName);
    const arg = copied && argumentAt(this.tsm, this.constants, call, copied);
    return arg && { arg, built: !!copied.built };
  }

  /** Which parameter (and key below it) this module's exported function returns a derived copy of (see parameterCopy), so a caller sizes the call as that argument. */
  exportedCopy(exportName: string): CopiedParameter | undefined {
    const fn = exportName.includes(".") ? undefined : this.exportedFunction(exportName)?.fn;
    if (!fn) return undefined;
    const copy = copiedParameter(this.tsm, this.scopes, this.constants, fn);
    if (copy) return copy;
    const built = builtFromParameter(this.tsm, this.scopes, this.constants, fn);
    return built ? { ...built, built: true } : rebuiltParameter(this.tsm, fn);
  }

  /** What this module's exported function does to a caller's turn counter on every call (see LoopGuard). */
  exportedLoopGuard(exportName: string): LoopGuard | undefined {
    const fn = exportName.includes(".") ? undefined : this.exportedFunction(exportName)?.fn;
    return fn && this.loops.guardOf(fn);
  }

  /** `prepareTurn({ state })` of another module: what it does to the loop's turn counter. */
  private foreignLoopGuard(call: ts.CallExpression): LoopGuard | undefined {
    const callee = this.callees.of(call);
    return callee?.kind === "external" ? this.external?.loopGuard?.(callee.specifier, callee.exportName, this.sourceFile.fileName) : undefined;
  }

  /** The number or string an `export const` of this module states under a key path (`export const MAX_TURNS = 8`, `export const config = { maxSteps: 5 }`). */
  exportedConstant(exportName: string, path: readonly string[]): number | string | undefined {
    const target = this.exportTarget(exportName);
    if (target && this.tsm.isEnumDeclaration(target)) return path.length === 1 ? this.constants.enumMember(target, path[0]!) : undefined;
    if (!target || !this.tsm.isVariableDeclaration(target) || !this.constants.isConstDeclaration(target)) return undefined;
    const value = path.length ? this.constants.property(target.initializer, path) : target.initializer;
    return this.constants.number(value) ?? this.constants.string(value);
  }

  /** Whether this module itself declares the export (not through `export … from`, nor an imported name exported again). */
  declaresExport(exportName: string): boolean {
    const target = this.exportTarget(exportName);
    return !!target && !this.importedBinding(target);
  }

  /** The name of the class or interface an export is (`Llm` for `default` of `export default interface Llm`, for `Model` of `export { Llm as Model }`). */
  exportedDeclarationName(exportName: string): string | undefined {
    const target = this.exportTarget(exportName);
    return target && (this.tsm.isClassDeclaration(target) || this.tsm.isInterfaceDeclaration(target)) ? target.name?.text : undefined;
  }

  /**
   * What another module asks of this one to find where a name is declared (declaresExport,
   * exportedDeclarationName and reExports). `standalone`: read for every name at once, so that the
   * project can keep it when the syntax tree is let go (a barrel's names asked later need no parse
   * again); not when a `module.exports = { … }` may export any name, which is asked of this analyser.
   */
  exportShape(): ExportShape {
    const index = this.exportStatements();
    const reExports = this.reExports();
    if (index.anyName.length) return { standalone: false, exports: () => true, declares: (name) => this.declaresExport(name), declarationName: (name) => this.exportedDeclarationName(name), isFunction: (name) => !!this.exportedFunction(name), reExports };
    const names = new Map<string, ExportedName>();
    for (const name of index.named.keys()) names.set(name, { declared: this.declaresExport(name), declarationName: this.exportedDeclarationName(name), isFunction: !!this.exportedFunction(name) });
    return standaloneShape(names, reExports);
  }

  /**
   * `export { a as b } from "./x"`, `export * from "./x"`, and an imported name exported again
   * (`import { Llm } from "./llm"; export { Llm as Model }`): where other exports come from.
   */
  reExports(): { specifier: string; all: boolean; names: Map<string, string> }[] {
    const t = this.tsm;
    const out: { specifier: string; all: boolean; names: Map<string, string> }[] = [];
    for (const s of this.sourceFile.statements) {
      if (!t.isExportDeclaration(s)) continue;
      if (!s.moduleSpecifier) {
        if (!s.exportClause || !t.isNamedExports(s.exportClause)) continue;
        for (const el of s.exportClause.elements) {
          const local = el.propertyName ?? el.name;
          const imported = t.isIdentifier(local) ? this.importedBinding(this.scopes.resolve(local)) : undefined;
          if (imported) out.push({ specifier: imported.specifier, all: false, names: new Map([[el.name.text, imported.name]]) });
        }
        continue;
      }
      if (!t.isStringLiteralLike(s.moduleSpecifier)) continue;
      const names = new Map<string, string>();
      if (s.exportClause && t.isNamedExports(s.exportClause)) for (const el of s.exportClause.elements) names.set(el.name.text, (el.propertyName ?? el.name).text);
      out.push({ specifier: s.moduleSpecifier.text, all: !s.exportClause, names });
    }
    return out;
  }

  /** The module and name an import binding takes (`{ Llm as Model }` → Llm; a default import → default). */
  private importedBinding(decl: ts.Node | undefined): { specifier: string; name: string } | undefined {
    const t = this.tsm;
    if (decl && t.isImportSpecifier(decl) && t.isStringLiteralLike(decl.parent.parent.parent.moduleSpecifier)) return { specifier: decl.parent.parent.parent.moduleSpecifier.text, name: (decl.propertyName ?? decl.name).text };
    if (decl && t.isImportClause(decl) && t.isStringLiteralLike(decl.parent.moduleSpecifier)) return { specifier: decl.parent.moduleSpecifier.text, name: "default" };
    return undefined;
  }

  private classify(call: ts.CallExpression): LlmCall | undefined {
    const memo = this.llmCalls.get(call);
    if (memo !== undefined) return memo ?? undefined;
    this.step(call);
    if (this.classifying.has(call)) {
      // Re-entered while setting up a recursion: the recursive call returns what the function returns.
      const callee = this.callees.of(call);
      const provisional = callee?.kind === "local" ? this.provisional.get(callee.fn) : undefined;
      if (provisional) return this.provenance.userFunctionCall(call, provisional);
      this.pending++;
      if (callee?.kind === "local") {
        this.noteBackEdge(callee.fn, call);
        const earlier = this.previousPass?.get(callee.fn);
        if (earlier) return this.provenance.userFunctionCall(call, earlier);
      }
      return undefined;
    }
    this.classifying.add(call);
    const pendingBefore = this.pendingCount();
    let c: LlmCall | null;
    try {
      c = this.provenance.classifyCall(call) ?? this.classifyCallback(call) ?? this.classifyPassedClosure(call) ?? this.classifyFannedNode(call) ?? null;
    } finally {
      this.classifying.delete(call);
    }
    // An answer that depended on a summary still being made is asked again once it is done.
    // (Found through a summary that a tangle's later pass may change, it is asked again too.)
    if (this.pendingCount() === pendingBefore) this.llmCalls.set(call, c);
    return c ?? undefined;
  }

  private pendingCount(): number {
    return this.pending + (this.external?.provisional?.() ?? 0);
  }

  /** `xs.map(ask)`, `docs.forEach(this.review)`: a summarised function passed to an iteration method. */
  private classifyCallback(call: ts.CallExpression): LlmCall | undefined {
    const t = this.tsm;
    const fn = call.arguments[0];
    if (!fn || !(t.isIdentifier(fn) || t.isPropertyAccessExpression(fn)) || !t.isPropertyAccessExpression(call.expression) || !this.loops.isIterationCallback(call, fn)) return undefined;
    const callee = this.callees.ofReference(fn);
    if (!callee) return undefined;
    if (callee.kind === "local" && this.inProgress.has(callee.fn)) {
      this.noteBackEdge(callee.fn, call);
      this.pending++;
      const earlier = this.previousPass?.get(callee.fn);
      return earlier ? this.provenance.callbackCall(call, fn, earlier) : undefined;
    }
    const summary = callee.kind === "external" ? this.external?.summaryOf(callee.specifier, callee.exportName, this.sourceFile.fileName) : callee.kind === "implemented" ? this.implementedSummary(callee.iface, callee.member) : this.summaryOf(callee.fn, callee.name);
    return summary ? this.provenance.callbackCall(call, fn, summary) : undefined;
  }

  /**
   * `retryWithBackoff(apiCall, …)`: a closure declared here and passed by name to a function of the
   * project runs as part of this function, once (as an inline callback does). A package's function
   * (`expect(fn)`, `emitter.on("x", fn)`) is not taken to run it: summarising every closure handed
   * to one cost a tenth of openai-node's report for no site.
   */
  private classifyPassedClosure(call: ts.CallExpression): LlmCall | undefined {
    const passed = this.passedClosure(call);
    if (!passed) return undefined;
    if (this.inProgress.has(passed.fn)) {
      this.noteBackEdge(passed.fn, call);
      this.pending++;
      const earlier = this.previousPass?.get(passed.fn);
      return earlier ? this.provenance.passedClosureCall(call, passed.name, earlier) : undefined;
    }
    const summary = this.summaryOf(passed.fn, passed.name.text);
    return summary ? this.provenance.passedClosureCall(call, passed.name, summary) : undefined;
  }

  /** The closure of this function a call runs: passed by name to a project function, or in an options object whose property the callee calls (OptionCallbacks). */
  private passedClosure(call: ts.CallExpression): { fn: ts.SignatureDeclaration & { body?: ts.Node }; name: ts.Identifier } | undefined {
    const t = this.tsm;
    if (call.arguments.some((a) => t.isIdentifier(a))) {
      const host = this.callees.of(call);
      const passed = host && !(host.kind === "external" && !(this.external?.resolves?.(host.specifier, this.sourceFile.fileName) ?? true)) ? this.callees.passedClosure(call) : undefined;
      if (passed) return passed;
    }
    if (!call.arguments.some((a) => t.isObjectLiteralExpression(a))) return undefined;
    return this.loops.optionCallbacks.passedInOptions(call, (name) => this.callees.closureOf(name, call));
  }

  /**
   * `.addNode("summarize", summarize)` of a node imported from another module and fanned out here by
   * `new Send("summarize", …)` in a map: a site at the addNode, the node's calls once per element.
   * (A node declared in this file gets the fan-out as a loop around its own calls: see Loops.around.)
   */
  private classifyFannedNode(call: ts.CallExpression): LlmCall | undefined {
    const t = this.tsm;
    const fn = call.arguments[1];
    if (!fn || !t.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "addNode") return undefined;
    const name = this.constants.string(call.arguments[0]);
    if (name === undefined) return undefined;
    const fanOut = this.loops.fanOutOf(name);
    const foreign = fanOut ? undefined : this.foreignFanOuts().get(name);
    const callee = (fanOut || foreign) && this.callees.ofReference(fn);
    if (callee?.kind !== "external") return undefined;
    const summary = this.external?.summaryOf(callee.specifier, callee.exportName, this.sourceFile.fileName);
    if (!summary) return undefined;
    return fanOut ? this.provenance.fannedNodeCall(call, fn, summary, fanOut) : this.provenance.foreignFannedNodeCall(call, fn, summary, foreign!.fanOut, foreign!.router);
  }

  private foreignFanOutsMemo: Map<string, { fanOut: { collection: string; where: string }; router: ts.Expression }> | undefined;

  /**
   * `.addConditionalEdges(START, fanOut, […])` with `fanOut` imported from another module: the node
   * each such routing function sends to, and what it maps (the file is searched once).
   */
  private foreignFanOuts(): Map<string, { fanOut: { collection: string; where: string }; router: ts.Expression }> {
    if (this.foreignFanOutsMemo) return this.foreignFanOutsMemo;
    const t = this.tsm;
    const out = new Map<string, { fanOut: { collection: string; where: string }; router: ts.Expression }>();
    this.foreignFanOutsMemo = out;
    if (!this.external?.fanOutOf || !this.sourceFile.text.includes("addConditionalEdges")) return out;
    const visit = (n: ts.Node): void => {
      if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.name.text === "addConditionalEdges" && n.arguments[1]) {
        const router = n.arguments[1];
        const callee = this.callees.ofReference(router);
        const found = callee?.kind === "external" ? this.external!.fanOutOf!(callee.specifier, callee.exportName, this.sourceFile.fileName) : undefined;
        if (found && !out.has(found.node)) out.set(found.node, { fanOut: { collection: found.collection, where: found.where }, router });
      }
      t.forEachChild(n, visit);
    };
    visit(this.sourceFile);
    return out;
  }

  /** Whether an exported const is an agent made with none of the options that loop (see `Provenance.madeWithoutLoops`). */
  exportMadeWithoutLoops(exportName: string, loopsWith: LoopsWith): boolean {
    const t = this.tsm;
    const target = this.exportTarget(exportName);
    // `export const agent = new Agent(…)`, or `export default new Agent(…)` (the expression itself).
    const made = target && t.isVariableDeclaration(target) ? (this.constants.isConstDeclaration(target) ? target.initializer : undefined) : target && t.isExpression(target) ? target : undefined;
    return !!made && this.provenance.madeWithoutLoops(made, loopsWith);
  }

  /** The fan-out an exported routing function makes (`new Send("node", …)` in a map over a collection). */
  exportedFanOut(exportName: string): { node: string; collection: string; line: number } | undefined {
    const fn = this.exportedFunction(exportName);
    return fn ? this.loops.sendsIn(fn.fn) : undefined;
  }

  private modelName(llm: LlmCall): string | null {
    if (llm.summary) return llm.summary.model;
    return modelOf(this.tsm, this.constants, llm.model);
  }

  /** What a call costs: its callee's summary, none when the call hands a message its requests are not made for (see dispatchGuard). */
  private summaryOfCallee(call: ts.CallExpression): Summary | undefined {
    const summary = this.calleeSummary(call);
    return summary?.dispatch && guardExcludes(this.tsm, this.constants, call, summary.dispatch) ? undefined : summary;
  }

  private calleeSummary(call: ts.CallExpression): Summary | undefined {
    const callee = this.callees.of(call);
    if (!callee) return this.declaredTypeMethodSummary(call) ?? this.unionMethodSummary(call);
    if (callee.kind === "local" && servesQueued(this.tsm, this.scopes, this.constants, call)) return undefined;
    if (callee.kind === "external") return this.external?.summaryOf(callee.specifier, callee.exportName, this.sourceFile.fileName);
    if (callee.kind === "implemented") return this.implementedSummary(callee.iface, callee.member);
    if (this.inProgress.has(callee.fn)) {
      const provisional = this.provisional.get(callee.fn);
      if (provisional) return provisional;
      this.noteBackEdge(callee.fn, call);
      this.pending++;
      const earlier = this.previousPass?.get(callee.fn);
      if (earlier && this.loops.enclosingFunction(call) !== callee.fn) return earlier;
      this.recursive.add(callee.fn);
      return undefined;
    }
    return this.summaryOf(callee.fn, callee.name);
  }

  /**
   * `this.context.client.ask(p)`, `config.getLlm().ask(p)`: a method of the project class the
   * receiver's declared types lead to (the chain provenance follows for clients), here or in
   * another module.
   */
  private declaredTypeMethodSummary(call: ts.CallExpression): Summary | undefined {
    const t = this.tsm;
    const callee = this.constants.skipTrivia(call.expression);
    if (!t.isPropertyAccessExpression(callee)) return undefined;
    const type = this.provenance.declaredTypeOf(callee.expression);
    if (!type) return undefined;
    const member = callee.name.text;
    if ("file" in type) return this.external?.summaryOf(type.file, `${type.name}.${member}`, this.sourceFile.fileName);
    if (!t.isClassLike(type.decl)) return undefined;
    const fn = this.callees.asFunction(type.decl.members.find((m) => m.name && t.isIdentifier(m.name) && m.name.text === member));
    return fn && this.summaryOf(fn, `${type.decl.name?.text ?? "<class>"}.${member}`);
  }

  /**
   * `this.agent.plan(…)` with `agent: SingleActionAgent | MultiActionAgent`: any of the classes' `plan`
   * may run (each abstract one through its implementations, here and in other modules); the costliest
   * that makes LLM calls is counted, as for an interface's implementations.
   */
  private unionMethodSummary(call: ts.CallExpression): Summary | undefined {
    const found: Summary[] = [];
    for (const c of this.callees.unionMembers(call)) {
      if (c.kind === "local" && this.inProgress.has(c.fn)) continue;
      const summary = c.kind === "external" ? this.external?.summaryOf(c.specifier, c.exportName, this.sourceFile.fileName) : c.kind === "implemented" ? this.implementedSummary(c.iface, c.member) : this.summaryOf(c.fn, c.name);
      if (summary) found.push(summary);
    }
    const member = this.tsm.isPropertyAccessExpression(call.expression) ? call.expression.name.text : "<method>";
    return costliestOf(found, (names) => `${this.constants.skipTrivia(call.expression).getText(this.sourceFile)} may run any of ${found.length} classes' ${member} that make LLM calls (${names})`);
  }

  /**
   * A method called through an interface of this module (`s: Summarizer`, `s.summarize(d)`): what
   * the classes of this module that implement it do there. Of several that make LLM calls, the
   * costliest (by its generation cost at one size for every symbol), and the summary says which.
   */
  private implementedSummary(iface: ts.InterfaceDeclaration | ts.ClassDeclaration, member: string): Summary | undefined {
    const found: Summary[] = [];
    for (const cls of this.callees.implementationsOf(iface)) {
      const m = cls.members.find((x) => x.name && this.tsm.isIdentifier(x.name) && x.name.text === member);
      const fn = this.callees.asFunction(m);
      const summary = fn && this.summaryOf(fn, `${cls.name?.text ?? "<class>"}.${member}`);
      if (summary) found.push(summary);
    }
    // Classes of other modules that import it to implement it (the project's index of heritage clauses).
    if (iface.name && this.isExported(iface)) found.push(...(this.external?.implementedBy?.(iface.name.text, member) ?? []));
    return costliestOf(found, (names) => `${iface.name?.text ?? "<class>"}.${member} has ${found.length} implementations that make LLM calls (${names})`);
  }

  /** Whether a declaration is exported: `export interface Llm`, or after it (`export default Llm`, `export { Llm as Model }`). */
  private isExported(decl: ts.InterfaceDeclaration | ts.ClassDeclaration): boolean {
    const t = this.tsm;
    if (t.getModifiers(decl)?.some((m) => m.kind === t.SyntaxKind.ExportKeyword)) return true;
    if (!this.exportedByName) {
      // Read once per file: each interface asked would walk the statements again.
      const names = new Set<string>();
      for (const s of this.sourceFile.statements) {
        if (t.isExportAssignment(s) && t.isIdentifier(s.expression)) names.add(s.expression.text);
        else if (t.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && t.isNamedExports(s.exportClause)) for (const el of s.exportClause.elements) names.add((el.propertyName ?? el.name).text);
      }
      this.exportedByName = names;
    }
    return !!decl.name && this.exportedByName.has(decl.name.text);
  }

  /** Names a statement after their declaration exports (`export default Llm`, `export { Llm as Model }`). */
  private exportedByName: Set<string> | undefined;

  /** What a method of a top-level class of this module (exported or not) costs: another module's interface has it as an implementation. */
  classMethodSummary(className: string, member: string): Summary | undefined {
    return this.withBudget(() => {
      const t = this.tsm;
      const cls = this.sourceFile.statements.find((s): s is ts.ClassDeclaration => t.isClassDeclaration(s) && s.name?.text === className);
      const fn = cls && this.callees.asFunction(cls.members.find((x) => x.name && t.isIdentifier(x.name) && x.name.text === member));
      return fn ? this.summaryOf(fn, `${className}.${member}`) : undefined;
    });
  }

  /** The cost of one invocation of `fn`: the sum over the LLM calls it makes (directly or through others). */
  summaryOf(fn: ts.SignatureDeclaration, name: string): Summary | undefined {
    const memo = this.summaries.get(fn);
    if (memo !== undefined) return memo ?? undefined;
    this.names.set(fn, name);
    const solved = this.solving.get(fn);
    if (solved) {
      // It leans on a summary still being made: an answer that used it is not kept either.
      this.pending++;
      this.lowerTop(solved.low);
      return solved.summary;
    }
    const externalBefore = this.external?.provisional?.() ?? 0;
    const depth = this.frames.length;
    const first = this.summaryPass(fn, name);
    let summary = first.summary;
    const frame = first.frame;
    // Made while a function it calls (directly or not) was still being made (a tangle of functions
    // calling each other), it is kept while that function's summary is made, so each member of the
    // tangle is summarised once per pass, not once per path. The tangle's root then solves it again
    // with the previous pass's summaries for the calls back into it, until they settle (or widens
    // them), and keeps them all. (A function calling itself is solved as a recurrence.) An answer
    // that leaned on another module's summary still being made (an import cycle) is not kept.
    if (frame.low < frame.depth) {
      this.solving.set(fn, { summary, low: frame.low });
      return summary;
    }
    // The root of a tangle: a recursion counted by an argument handed round it is priced by rounds;
    // else it is solved again with each pass's summaries for the calls back into it, until they no
    // longer change.
    let pass = this.componentOf(fn, summary, depth);
    const counted = pass.size > 1 && !this.previousPass ? this.solveCountedTangle(fn, pass, depth) : undefined;
    if (counted?.kind === "solved") pass = counted.pass;
    for (let i = 1; counted?.kind !== "solved" && pass.size > 1 && i < TANGLE_PASSES && !this.previousPass; i++) {
      this.previousPass = pass;
      try {
        summary = this.summaryPass(fn, name).summary;
      } finally {
        this.previousPass = undefined;
      }
      const next = this.componentOf(fn, summary, depth);
      const settled = sameSummaries(pass, next);
      pass = next;
      if (settled) break;
      if (i === TANGLE_PASSES - 1) pass = widenTangle(pass, counted?.kind === "unknown" ? counted.reason : undefined);
    }
    // A member calling itself as well is no recurrence of its own shape: the tangle's reason says why it is not bounded.
    if (counted?.kind === "unknown") pass = new Map([...pass].map(([m, s]) => [m, s?.unknown !== undefined && s.unknown === this.selfRecursionReasons.get(m) ? { ...s, unknown: counted.reason } : s]));
    summary = pass.get(fn) ?? summary;
    const external = (this.external?.provisional?.() ?? 0) !== externalBefore;
    for (const [member, s] of pass) if (!external) this.summaries.set(member, s ?? null);
    return summary;
  }

  /**
   * A tangle whose members hand a counter round, one smaller each time (countedTangle.ts): one
   * round is priced as the root with every call back into the tangle counting nothing, the root
   * costs that times the rounds, and a last pass prices the other members with the root's total
   * for their calls back into it (upper bounds: they enter the rounds part-way).
   */
  private solveCountedTangle(first: ts.SignatureDeclaration, pass: ReadonlyMap<ts.Node, Summary | undefined>, depth: number): { kind: "solved"; pass: Map<ts.Node, Summary | undefined> } | { kind: "unknown"; reason: string } {
    const t = this.tsm;
    const members = [...pass.keys()].flatMap((fn) => (t.isFunctionLike(fn) ? [{ fn: fn as ts.SignatureDeclaration, name: this.names.get(fn) ?? functionNameOf(t, fn) }] : []));
    const memberOf = (call: ts.CallExpression): ts.Node | undefined => {
      const c = this.callees.of(call);
      return c?.kind === "local" ? c.fn : undefined;
    };
    const shape = countedTangle(t, this.scopes, this.constants, this.loops, memberOf, members, first, (call) => !pass.has(memberOf(call) as ts.Node) && !!this.classify(call), (fn) => isEntry(t, fn));
    if (shape.kind === "unknown") return shape;
    const { fn: root, name } = shape.root;
    const names = [name, ...members.filter((m) => m.fn !== root).map((m) => m.name)].join(" ↔ ");

    this.roundMembers = new Set(pass.keys());
    // A call whose classification led here (a member's call of another) is priced again within the rounds.
    const classifying = [...this.classifying];
    this.classifying.clear();
    try {
      this.previousPass = new Map();
      let round: Summary | undefined;
      try {
        round = this.summaryPass(root, name).summary;
      } finally {
        this.componentOf(root, undefined, depth);
      }
      if (!round) return { kind: "unknown", reason: `functions that call each other (${names}) with no LLM call in a round` };
      // As a recursion's levels (recursion.ts, grownAcrossLevels): each round re-sends what the rounds before it added.
      if (round.movesChain) return { kind: "unknown", reason: `functions that call each other (${names}): each round's request chains to state the server keeps (${round.movesChain}) that the rounds before it moved on, so no round's sizes bound the next's` };
      const { info, times, derivation, exact: exactShape } = this.tangleRounds(shape, name, names);
      // A history the members' class keeps (calls[X]: earlier invocations on the instance) grows by
      // one invocation a round, and each earlier invocation from outside ran its rounds too: round i
      // sees calls[X]·rounds + i, at most (calls[X] + 1)·rounds.
      const grown = new Map(round.symbols.filter((s) => s.name.startsWith("calls[")).map((s) => [s.name, Poly.symbol(s.name).add(Poly.one).mul(times)]));
      const mul = (p: Poly): Poly => times.mul(substitute(p, grown));
      const exact = exactShape && grown.size === 0;
      const { counts: perRound, ...rest } = round;
      const total: Summary = {
        ...rest,
        calls: mul(round.calls),
        input: mul(round.input),
        output: mul(round.output),
        generation: mul(round.generation),
        span: mul(round.span),
        tight: round.tight && exact,
        callsTight: round.callsTight && exact,
        explanation: [...round.explanation, derivation],
        symbols: [...round.symbols.filter((s) => s.name !== info.name), info],
        ...(perRound && exact ? { counts: mapCounts(perRound, mul) } : {}),
      };
      // The other members, with the root's total for their calls back into it.
      this.previousPass = new Map([[root, total]]);
      try {
        this.summaryPass(root, name);
      } finally {
        this.previousPass = undefined;
      }
      const out = this.componentOf(root, total, depth);
      for (const [fn, s] of out) {
        if (fn === root || !s) continue;
        const { counts: _exactPerInvocation, ...upper } = s;
        out.set(fn, { ...upper, tight: false, callsTight: false });
      }
      return { kind: "solved", pass: out };
    } finally {
      this.roundMembers = undefined;
      this.previousPass = undefined;
      for (const c of classifying) this.classifying.add(c);
    }
  }

  /**
   * How many rounds a tangle runs, as a count: at most the counter's value at entry (a constant cap
   * becomes `rounds[f]` with the code's value); or, where no count in the code bounds them, a count
   * of their own: `rounds[f]` marked unbounded when data decides, `pieces[f]` when the rounds are
   * the pieces of a parameter at every depth.
   */
  private tangleRounds(shape: Exclude<CountedTangle, { kind: "unknown" }>, name: string, names: string): { info: SymbolInfo; times: Poly; derivation: string; exact: boolean } {
    const t = this.tsm;
    const left = `each round as one invocation of ${name} with the calls back into them left out`;
    if (shape.kind === "uncounted") {
      const what = shape.unbounded ? `the rounds of ${names}, not bounded in the code` : `the rounds of ${names}, one for each piece`;
      const info: SymbolInfo = { name: `${shape.unbounded ? "rounds" : "pieces"}[${name}]`, kind: "count", line: this.lineOf(shape.root.fn), origin: `${what}: ${shape.why}`, ...(shape.unbounded ? { unbounded: true } : {}) };
      const derivation = `${info.name} = ${what}: ${shape.why}; ${left}`;
      return { info, times: Poly.symbol(info.name), derivation, exact: false };
    }
    const cap = this.loops.count(shape.cap);
    const value = cap.trip.isConstant() ? cap.trip.constantValue() : undefined;
    const capName = value !== undefined ? constantName(t, this.constants, shape.cap) : undefined;
    const capText = value !== undefined ? (capName ? `${capName} = ${value}` : String(value)) : cap.text;
    const origin = `the rounds of ${names}: at most ${capText} (${shape.step} each round)`;
    const info: SymbolInfo = value !== undefined ? { name: `rounds[${name}]`, kind: "count", line: this.lineOf(shape.cap), origin, value } : { name: cap.text, kind: "count", line: this.lineOf(shape.cap), origin };
    const R = value !== undefined ? Poly.symbol(info.name) : cap.trip;
    const derivation = `at most ${capText} rounds of ${names}: ${shape.step} each round${shape.baseFirst ? "" : `, and ${name} once more before it stops`}; ${left}`;
    return { info, times: shape.baseFirst ? R : R.add(Poly.one), derivation, exact: shape.exact && cap.exact };
  }

  /**
   * Whether the summary under way is a tangle's: it leaned on a function still being made, a
   * function made under it leaned on it, or the tangle is being solved again.
   */
  private inTangle(): boolean {
    const top = this.frames[this.frames.length - 1];
    if (!top || this.previousPass || this.roundMembers) return true;
    if (top.low < top.depth) return true;
    for (const s of this.solving.values()) if (s.low >= top.depth) return true;
    return false;
  }

  /** One summary made on the stack of those under way. */
  private summaryPass(fn: ts.SignatureDeclaration, name: string): { summary: Summary | undefined; frame: { low: number; depth: number } } {
    const frame = { fn, depth: this.frames.length, low: Infinity };
    this.frames.push(frame);
    this.inProgress.add(fn);
    let summary: Summary | undefined;
    this.summariesMade++;
    try {
      this.stopIfAsked();
      this.step((fn as { body?: ts.Node }).body ?? fn);
      summary = this.computeSummary(fn, name);
    } finally {
      this.inProgress.delete(fn);
      this.frames.pop();
    }
    this.lowerTop(frame.low);
    return { summary, frame };
  }

  /** The root's summary and those of the tangle's members made under it (taken out of `solving`). */
  private componentOf(root: ts.Node, summary: Summary | undefined, depth: number): Map<ts.Node, Summary | undefined> {
    const out = new Map<ts.Node, Summary | undefined>([[root, summary]]);
    for (const [member, s] of this.solving) {
      if (s.low < depth) continue;
      this.solving.delete(member);
      out.set(member, s.summary);
    }
    return out;
  }

  /** A call into `target` while its summary is being made (not a function calling itself). */
  private noteBackEdge(target: ts.Node, call: ts.Node): void {
    const top = this.frames[this.frames.length - 1];
    if (!top || (top.fn === target && this.loops.enclosingFunction(call) === target)) return;
    const depth = this.frames.findIndex((f) => f.fn === target);
    if (depth >= 0) top.low = Math.min(top.low, depth);
  }

  /** The innermost summary under way used an answer that leans on the frame at `low`. */
  private lowerTop(low: number): void {
    const top = this.frames[this.frames.length - 1];
    if (top && low < top.depth) top.low = Math.min(top.low, low);
  }

  private computeSummary(fn: ts.SignatureDeclaration, name: string): Summary | undefined {
    // Its symbols are the definitions its own sites used, whatever else was analysed first.
    const { value: made, defined } = this.symbols.record(() => this.summaryOfSites(fn, name), true);
    if (!made) return undefined;
    const definition = this.symbols.definitionIn(defined);
    const symbols = made.usedNames.flatMap((n) => {
      const info = definition(n);
      return info ? [{ ...info, name: qualifiedSymbol(n, made.summary.file) }] : [];
    });
    return { ...made.summary, symbols };
  }

  /** A summary but for its symbols, and the names its polynomials use. */
  private summaryOfSites(fn: ts.SignatureDeclaration, name: string): { summary: Summary; usedNames: string[] } | undefined {
    const t = this.tsm;
    const body = (fn as { body?: ts.Node }).body;
    if (!body) return undefined;
    const sites: { llm: LlmCall; bounds: SiteBounds }[] = [];
    const selfCalls: ts.CallExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (t.isCallExpression(n) && this.loops.enclosingFunction(n) === fn) {
        const llm = this.classify(n);
        if (llm) sites.push({ llm, bounds: this.sites.bounds(llm, this.modelName(llm)) });
        else if (!this.roundMembers?.has(fn) && this.isSelfCall(n, fn)) selfCalls.push(n);
      }
      // A nested function of its own (not a callback run by a call here) has its own summary: its
      // calls are not this function's, and walking it from every enclosing function is quadratic.
      if (t.isFunctionLike(n) && !this.loops.callbackHost(n)) return;
      t.forEachChild(n, visit);
    };
    visit(body);
    if (this.recursive.has(fn) && !this.roundMembers?.has(fn) && selfCalls.length === 0) selfCalls.push(...this.findSelfCalls(body, fn));
    if (sites.length === 0) return undefined;
    if (selfCalls.length) {
      // The sites' inputs may hold what the recursive calls return: size them again with that known.
      // (The result is final already: a recurrence changes the costs, not what one invocation returns.)
      this.provisional.set(fn, { ...this.placeholder(fn, name), result: this.resultOf(fn, sites), tight: sites.every((s) => s.bounds.outputPerCall.kind === "poly" && s.bounds.outputPerCall.tight) });
      try {
        for (const s of sites) s.bounds = this.sites.bounds(s.llm, this.modelName(s.llm));
      } finally {
        this.provisional.delete(fn);
      }
    }
    const sum = (pick: (b: SiteBounds) => Bound): Poly => Poly.sum(sites.map((s) => polyOf(pick(s.bounds))));
    const isExact = (b: Bound): boolean => b.kind === "poly" && b.tight;
    const tight = sites.every((s) => isExact(s.bounds.calls) && isExact(s.bounds.inputTokens));
    let callsTight = sites.every((s) => isExact(s.bounds.calls));
    const models = new Set(sites.map((s) => this.modelName(s.llm)));
    const sdks = new Set(sites.map((s) => s.llm.sdk));
    const line = this.sourceFile.getLineAndCharacterOfPosition(fn.getStart(this.sourceFile)).line + 1;
    const file = this.sourceFile.fileName;
    let polys = {
      calls: sum((b) => b.calls),
      input: sum((b) => b.inputTokens),
      output: sum((b) => b.outputTokens),
      result: this.resultOf(fn, sites),
      generation: sum((b) => b.generationCost),
      span: sum((b) => b.span),
    };
    const explanation = sites.map((s) => `line ${lineRef(this.lineOf(s.llm.node))}: ${s.llm.api} — calls ${formatBound(s.bounds.calls, this.symbols.rank)}, input ${formatBound(s.bounds.inputTokens, this.symbols.rank)}`);
    const wrapper = this.callees.wrapped.wrapperOf(fn);
    const own = wrapper ? [wrapperNote(wrapper.name, wrapper.host)] : [];
    const carried = [...new Set([...own, ...sites.flatMap((s) => [...(s.llm.passed ? [passedNote(this.tsm, s.llm, this.sourceFile)!] : []), ...(s.llm.summary?.carried ?? [])])])].slice(0, MAX_CARRIED);
    // A site without a bound (a callee's, or a polynomial past the algebra's limits: see
    // POLY_LIMITS) leaves the summary without one: counting it as 0 would hide it from callers.
    const unbounded = sites.flatMap((s) => [s.bounds.calls, s.bounds.inputTokens]).find((x) => x.kind === "unknown");
    let unknown: string | undefined = unbounded?.kind === "unknown" ? unbounded.reason : Object.values(polys).find((p) => p.widenedReason !== undefined)?.widenedReason;
    let isTight = tight;
    let budget: string | undefined;
    let countsUp: true | undefined;
    // Exact counts add up over the sites (each site's own, or its bound's); a recurrence has its own.
    const counted = (pick: (c: NonNullable<SiteBounds["counts"]>) => Poly, bound: (b: SiteBounds) => Bound): Poly => Poly.sum(sites.map((s) => (s.bounds.counts ? pick(s.bounds.counts) : polyOf(bound(s.bounds)))));
    let counts: SiteBounds["counts"] = selfCalls.length ? undefined : { calls: counted((c) => c.calls, (b) => b.calls), input: counted((c) => c.input, (b) => b.inputTokens), output: counted((c) => c.output, (b) => b.outputTokens), generation: counted((c) => c.generation, (b) => b.generationCost) };
    if (selfCalls.length && !unknown) {
      const solved = solveRecursion(this.tsm, this.scopes, this.constants, this.loops, this.symbols, fn, selfCalls, sites, polys, name, !this.inTangle());
      if (solved.kind === "unknown") {
        unknown = solved.reason;
        this.selfRecursionReasons.set(fn, solved.reason);
        // Its own sites run once per invocation of a recursion nothing counts: no bound of theirs holds
        // (inside a tangle of functions, the tangle's solution counts its rounds instead).
        const none = Bound.unknown(solved.reason);
        if (!this.inTangle()) for (const s of sites) this.recurrences.set(s.llm.node, (site) => ({ ...site.bounds, calls: none, inputTokens: none, outputTokens: none, generationCost: none, counts: undefined, explanation: [...site.bounds.explanation, `the call recurs: ${solved.reason}`] }));
      }
      else {
        for (const s of sites) this.recurrences.set(s.llm.node, solved.site);
        polys = solved.polys;
        counts = solved.counts;
        budget = solved.budget;
        countsUp = solved.countsUp;
        isTight = solved.tight;
        callsTight = solved.tight;
        explanation.push(solved.explanation);
      }
    }
    // A recursion's rounds may hand on another message: only a function that does not call itself is read so.
    const dispatch = selfCalls.length ? undefined : dispatchGuardOf(t, this.scopes, this.constants, fn, sites.map((s) => s.llm.node));
    const usedNames = [...new Set([...Object.values(polys), ...(counts ? countPolys(counts) : [])].flatMap((p) => p.symbols()))];
    const rename = (p: Poly): Poly => renameSymbols(p, file);
    const summary: Summary = {
      name,
      file,
      line,
      params: this.chainedParams(fn, sites, this.paramsOf(fn)),
      calls: rename(polys.calls),
      input: rename(polys.input),
      output: rename(polys.output),
      result: rename(polys.result),
      generation: rename(polys.generation),
      span: rename(polys.span),
      ...(counts ? { counts: mapCounts(counts, rename) } : {}),
      ...chainGrowthOf(sites, rename),
      ...this.movedChain(fn, sites),
      tight: isTight,
      callsTight,
      growth: sites.reduce<Growth>((g, s) => strongerGrowth(g, s.bounds.growth), "none"),
      sdk: sdks.size === 1 ? [...sdks][0]! : "several",
      api: sites.length === 1 ? sites[0]!.llm.api : `${sites.length} LLM call sites`,
      model: models.size === 1 ? [...models][0]! : null,
      symbols: [],
      explanation,
      // Growth that outlives an invocation (a field, a captured variable): a caller's loop sees it.
      ...factsOf([{ facts: sites.flatMap((s) => s.bounds.facts ?? []).filter((f) => f.loops.length === 0) }]),
      ...(unknown ? { unknown } : {}),
      ...(budget !== undefined ? { budget } : {}),
      ...(countsUp ? { countsUp } : {}),
      ...handedFieldsOf(sites, rename),
      ...(carried.length ? { carried } : {}),
      ...(dispatch ? { dispatch } : {}),
      reaches: reachesOf(file, sites.map((s) => ({ line: this.lineOf(s.llm.node), summary: s.llm.summary }))),
    };
    return { summary, usedNames };
  }

  /**
   * What one invocation returns: the answers of the calls on one path through it. A branch that
   * ends in a return (`if (fits) { … return … }`) is one path, the rest of the body another: the
   * largest path's answers (their sum on it, an upper bound).
   */
  private resultOf(fn: ts.SignatureDeclaration, sites: readonly { llm: LlmCall; bounds: SiteBounds }[]): Poly {
    const paths = new Map<ts.Node | undefined, Poly>();
    for (const s of sites) {
      const path = this.exitingBranchOf(s.llm.node, fn);
      paths.set(path, (paths.get(path) ?? Poly.zero).add(polyOf(s.bounds.outputPerCall)));
    }
    return Poly.largest(paths.values());
  }

  /** The statement of `fn`'s body, `if (…) { …; return … }`, whose branch holding `node` always returns; else undefined. */
  private exitingBranchOf(node: ts.Node, fn: ts.SignatureDeclaration): ts.Node | undefined {
    const t = this.tsm;
    const body = (fn as { body?: ts.Node }).body;
    let n: ts.Node = node;
    while (n.parent && n.parent !== body) n = n.parent;
    if (!n.parent || !t.isIfStatement(n)) return undefined;
    const branch = isWithin(node, n.thenStatement) ? n.thenStatement : n.elseStatement && isWithin(node, n.elseStatement) ? n.elseStatement : undefined;
    return branch && exits(t, branch) ? branch : undefined;
  }

  private placeholder(fn: ts.SignatureDeclaration, name: string): Summary {
    return {
      name,
      file: this.sourceFile.fileName,
      line: this.lineOf(fn),
      params: this.paramsOf(fn),
      calls: Poly.zero,
      input: Poly.zero,
      output: Poly.zero,
      result: Poly.zero,
      generation: Poly.zero,
      span: Poly.zero,
      tight: false,
      callsTight: false,
      growth: "none",
      sdk: "",
      api: "",
      model: null,
      symbols: [],
      explanation: [],
    };
  }

  /**
   * The parameters its requests chain to server-side state by (`previous_response_id: prev`, or
   * handed to a wrapper that does, or seeding a variable that does): the state grows in the
   * caller's loop that passes back each answer's id (`prev = (await ask(q, prev)).id`), by what one
   * invocation adds (one prompt and answer, or its own chained loop's: `Summary.chainGrowth`).
   */
  private chainedParams(fn: ts.SignatureDeclaration, sites: readonly { llm: LlmCall; bounds: SiteBounds }[], params: SummaryParam[]): SummaryParam[] {
    const chains = new Map<number, NonNullable<SummaryParam["chains"]>>();
    const add = (decl: ts.Node | undefined, source: string): void => {
      // `let current = previousResponseID` seeds a turn loop's chain with the parameter.
      const seed = decl && this.tsm.isVariableDeclaration(decl) && decl.initializer && this.tsm.isIdentifier(this.constants.skipTrivia(decl.initializer)) ? this.scopes.resolve(this.constants.skipTrivia(decl.initializer) as ts.Identifier) : undefined;
      const at = decl && (this.parameterOf(fn, decl) ?? (seed && this.parameterOf(fn, seed)));
      if (at && !chains.has(at.index)) chains.set(at.index, { source, ...(at.field ? { field: at.field } : {}) });
    };
    for (const { llm, bounds } of sites) {
      // A turn loop of its own chained from the parameter is a chain too: its summary says what it gains (chainGrowth).
      if (llm.state && (bounds.growth !== "stateful" || bounds.chainGrowth)) add(llm.state.anchor, llm.state.source);
      llm.summary?.params.forEach((p, i) => p.chains && add(this.sites.chainRoot(llm.node.arguments[i], p.chains.field), p.chains.source));
    }
    return chains.size ? params.map((p, i) => (chains.has(i) ? { ...p, chains: chains.get(i)! } : p)) : params;
  }

  /** A module's variable its requests chain by that the function moves on itself (Summary.movesChain). */
  private movedChain(fn: ts.SignatureDeclaration, sites: readonly { llm: LlmCall; bounds: SiteBounds }[]): { movesChain?: string } {
    const t = this.tsm;
    for (const { llm, bounds } of sites) {
      const state = llm.state;
      if (!state || state.window !== undefined || state.appendedIn || (bounds.growth === "stateful" && !bounds.chainGrowth)) continue;
      const decl = state.anchor;
      const moduleLevel = t.isVariableDeclaration(decl) && t.isVariableStatement(decl.parent.parent) && t.isSourceFile(decl.parent.parent.parent);
      const body = (fn as { body?: ts.Node }).body;
      if (moduleLevel && body && this.sites.writes(body, decl)) return { movesChain: state.source };
    }
    return {};
  }

  /** `decl` as a parameter of `fn`: its index, and the field when it is bound by destructuring it (`{ previousResponseID }`). */
  private parameterOf(fn: ts.SignatureDeclaration, decl: ts.Node): { index: number; field?: string } | undefined {
    const t = this.tsm;
    if (t.isParameter(decl)) return decl.parent === fn ? { index: fn.parameters.indexOf(decl) } : undefined;
    if (!t.isBindingElement(decl) || !t.isObjectBindingPattern(decl.parent) || !t.isParameter(decl.parent.parent) || decl.parent.parent.parent !== fn) return undefined;
    const key = decl.propertyName ?? decl.name;
    return t.isIdentifier(key) ? { index: fn.parameters.indexOf(decl.parent.parent), field: key.text } : undefined;
  }

  private paramsOf(fn: ts.SignatureDeclaration): SummaryParam[] {
    return summaryParams(
      this.tsm,
      fn,
      (type) => this.sizes.isArrayType(type),
      (p) => {
        const value = this.constants.number(p.initializer);
        return { size: this.sizes.sizeOf(p.initializer!, p).poly, count: this.loops.count(p.initializer!).trip, ...(value !== undefined ? { value } : {}) };
      },
      (p) => (this.tsm.isIdentifier(p.name) ? this.sizes.growthPerInvocation(p, p.name.text, fn) : undefined),
    );
  }

  /** How a site of a self-recursive function is counted over the recursion (its function's summary solved first), if it is. */
  private recurrenceOf(call: ts.CallExpression): SiteSolver | undefined {
    const fn = this.loops.enclosingFunction(call);
    let self = this.selfCallOf.get(fn);
    if (self === undefined) {
      const t = this.tsm;
      const body = t.isFunctionLike(fn) ? (fn as { body?: ts.Node }).body : undefined;
      let found: ts.CallExpression | null = null;
      // Its own body (inline callbacks are part of it): nested functions are theirs, walked once each.
      const visit = (n: ts.Node): void => {
        if (found || (t.isFunctionLike(n) && !this.loops.callbackHost(n))) return;
        if (t.isCallExpression(n) && this.isSelfCall(n, fn)) found = n;
        else t.forEachChild(n, visit);
      };
      if (body) t.forEachChild(body, visit);
      self = found;
      this.selfCallOf.set(fn, self);
    }
    const callee = self ? this.callees.of(self) : undefined;
    if (callee?.kind !== "local") return undefined;
    this.summaryOf(callee.fn, callee.name);
    return this.recurrences.get(call);
  }

  private isSelfCall(call: ts.CallExpression, fn: ts.Node): boolean {
    const c: Callee | undefined = this.callees.of(call);
    return c?.kind === "local" && c.fn === fn;
  }

  private findSelfCalls(body: ts.Node, fn: ts.Node): ts.CallExpression[] {
    const out: ts.CallExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (this.tsm.isCallExpression(n) && this.isSelfCall(n, fn)) out.push(n);
      this.tsm.forEachChild(n, visit);
    };
    visit(body);
    return out;
  }

  /** `export function f`, `export const f = …`, `export default …`, `export { f as g }`, `module.exports = …`, `Class.method`. */
  private exportedFunction(exportName: string): { fn: ts.SignatureDeclaration; name: string } | undefined {
    const [head, member] = exportName.split(".");
    const target = this.exportTarget(head!);
    return target ? this.exportedFunctionOf(target, head!, member) : undefined;
  }

  /** The declaration (or expression) a module exports under a name (memoised: importers ask for each name they import). */
  private exportTarget(head: string): ts.Node | undefined {
    const memo = this.exportTargets.get(head);
    if (memo !== undefined) return memo ?? undefined;
    const target = this.findExportTarget(head);
    this.exportTargets.set(head, target ?? null);
    return target;
  }

  /**
   * The top-level statements that may export each name, found in one pass over the statements:
   * every name asked (a barrel's importers ask hundreds) then reads only its own statements, in
   * order, rather than every statement of the file. `anyName`: `module.exports = { … }`, which may
   * hold any name.
   */
  private exportStatements(): { readonly named: Map<string, number[]>; readonly anyName: readonly number[] } {
    if (this.exportStatementIndex) return this.exportStatementIndex;
    const t = this.tsm;
    const named = new Map<string, number[]>();
    const anyName: number[] = [];
    const add = (name: string, i: number): void => {
      const list = named.get(name);
      if (!list) named.set(name, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    this.sourceFile.statements.forEach((s, i) => {
      const modifiers = t.canHaveModifiers(s) ? t.getModifiers(s) : undefined;
      const exported = modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword);
      if ((t.isFunctionDeclaration(s) || t.isClassDeclaration(s) || t.isInterfaceDeclaration(s) || t.isEnumDeclaration(s)) && exported) {
        if (modifiers?.some((m) => m.kind === t.SyntaxKind.DefaultKeyword)) add("default", i);
        if (s.name) add(s.name.text, i);
      } else if (t.isVariableStatement(s) && exported) {
        for (const d of s.declarationList.declarations) if (t.isIdentifier(d.name)) add(d.name.text, i);
      } else if (t.isExportAssignment(s)) add("default", i);
      else if (t.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && t.isNamedExports(s.exportClause)) {
        for (const el of s.exportClause.elements) add(el.name.text, i);
      } else if (t.isExpressionStatement(s) && t.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === t.SyntaxKind.EqualsToken) {
        const left = commonJsTarget(s.expression, this.sourceFile);
        if (left === "module.exports") {
          add("default", i);
          if (t.isObjectLiteralExpression(s.expression.right)) anyName.push(i);
        } else if (left.startsWith("module.exports.")) add(left.slice("module.exports.".length), i);
        else if (left.startsWith("exports.")) add(left.slice("exports.".length), i);
      }
    });
    return (this.exportStatementIndex = { named, anyName });
  }

  private exportStatementIndex: { readonly named: Map<string, number[]>; readonly anyName: readonly number[] } | undefined;

  private findExportTarget(head: string): ts.Node | undefined {
    const t = this.tsm;
    const index = this.exportStatements();
    const own = index.named.get(head) ?? [];
    // In the order of the file: the last statement that exports the name wins.
    const candidates = index.anyName.length ? [...new Set([...own, ...index.anyName])].sort((a, b) => a - b) : own;
    let target: ts.Node | undefined;
    for (const i of candidates) {
      const s = this.sourceFile.statements[i]!;
      const exported = t.canHaveModifiers(s) && t.getModifiers(s)?.some((m) => m.kind === t.SyntaxKind.ExportKeyword);
      const isDefault = t.canHaveModifiers(s) && t.getModifiers(s)?.some((m) => m.kind === t.SyntaxKind.DefaultKeyword);
      if ((t.isFunctionDeclaration(s) || t.isClassDeclaration(s) || t.isInterfaceDeclaration(s) || t.isEnumDeclaration(s)) && exported && ((isDefault && head === "default") || s.name?.text === head)) target = s;
      else if (t.isVariableStatement(s) && exported) {
        for (const d of s.declarationList.declarations) if (t.isIdentifier(d.name) && d.name.text === head) target = d;
      } else if (t.isExportAssignment(s) && head === "default") target = this.declarationOf(s.expression);
      else if (t.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && t.isNamedExports(s.exportClause)) {
        for (const el of s.exportClause.elements) if (el.name.text === head) target = this.declarationOf((el.propertyName ?? el.name) as ts.Identifier);
      } else if (t.isExpressionStatement(s) && t.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === t.SyntaxKind.EqualsToken) {
        // CommonJS: `module.exports = f`, `module.exports.f = f`, `exports.f = f`.
        const left = commonJsTarget(s.expression, this.sourceFile);
        if ((head === "default" && left === "module.exports") || left === `module.exports.${head}` || left === `exports.${head}`) target = this.declarationOf(s.expression.right);
        else if (left === "module.exports" && t.isObjectLiteralExpression(s.expression.right)) {
          const prop = this.constants.property(s.expression.right, [head!]);
          if (prop) target = this.declarationOf(prop);
        }
      }
    }
    return target;
  }

  private exportedFunctionOf(target: ts.Node, head: string, member: string | undefined): { fn: ts.SignatureDeclaration; name: string } | undefined {
    const t = this.tsm;
    if (member) {
      if (!t.isClassDeclaration(target)) return undefined;
      // `Class.*`: any method that makes LLM calls (whether the class is worth analysing its users for).
      if (member === "*") {
        for (const m of target.members) {
          const fn = this.callees.asFunction(m);
          if (fn && m.name && t.isIdentifier(m.name) && this.summaryOf(fn, `${target.name?.text ?? head}.${m.name.text}`)) return { fn, name: `${target.name?.text ?? head}.${m.name.text}` };
        }
        return undefined;
      }
      const m = target.members.find((x) => x.name && t.isIdentifier(x.name) && x.name.text === member);
      const fn = this.callees.asFunction(m);
      return fn ? { fn, name: `${target.name?.text ?? head}.${member}` } : undefined;
    }
    const fn = this.callees.asFunction(target);
    return fn ? { fn, name: head! } : undefined;
  }

  private declarationOf(e: ts.Expression): ts.Node | undefined {
    const x = this.constants.skipTrivia(e);
    if (this.tsm.isIdentifier(x)) return this.scopes.resolve(x);
    return x;
  }

  /** `cache_control` breakpoints (Anthropic's form) in the request or in what is put into its prompt. */
  private asksForPromptCaching(llm: LlmCall): boolean {
    if (llm.summary) return false;
    const sf = this.sourceFile;
    const has = (n: ts.Node | undefined): boolean => !!n && n.getText(sf).includes("cache_control");
    if (llm.node.arguments.some(has)) return true;
    for (const decl of this.sizes.promptSources(llm.node)) {
      if (this.tsm.isVariableDeclaration(decl) && has(decl.initializer)) return true;
      const name = this.scopes.nameOf(decl);
      if (name && this.sizes.writesOf(decl, name).some((w) => (w.delta ?? []).some(has))) return true;
    }
    return false;
  }

  private lineOf(n: ts.Node): number {
    return this.sourceFile.getLineAndCharacterOfPosition(n.getStart(this.sourceFile)).line + 1;
  }

  private finding(llm: LlmCall): Finding {
    const sf = this.sourceFile;
    const model = this.modelName(llm);
    // Its symbols stand for the definitions its own bounds made or repeated.
    const recurrence = this.recurrenceOf(llm.node);
    const { value: b, defined } = this.symbols.record(() => {
      const bounds = this.sites.bounds(llm, model);
      return recurrence ? recurrence({ llm, bounds }) : bounds;
    });
    const definition = this.symbols.definitionIn(defined);
    const start = llm.node.getStart(sf);
    const s = sf.getLineAndCharacterOfPosition(start);
    const e = sf.getLineAndCharacterOfPosition(llm.node.end);
    const used = new Set([...[b.calls, b.inputTokens, b.outputTokens, b.generationCost].flatMap((x) => (x.kind === "poly" ? x.poly.symbols() : [])), ...(b.counts ? countPolys(b.counts).flatMap((p) => p.symbols()) : [])]);
    return {
      file: sf.fileName,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      start,
      end: llm.node.end,
      functionName: functionNameOf(this.tsm, llm.node, this.callees.wrapped),
      sdk: llm.sdk,
      api: llm.api,
      callee: compactCode(llm.node.expression.getText(sf)),
      ...(llm.summary ? { through: llm.summary.name } : {}),
      // Another module's line: this file's edits never move it (its own lines are renumbered, see lineRefs).
      ...(llm.summary && llm.summary.file !== sf.fileName ? { throughAt: { file: llm.summary.file, line: llm.summary.line } } : {}),
      // Its own file's locations as "" (their lines move with the finding's when an edit renumbers it).
      ...(llm.summary?.reaches?.length ? { reaches: llm.summary.reaches.map((r) => (r.file === sf.fileName ? { file: "", line: r.line } : r)) } : {}),
      ...this.routeOf(llm),
      model,
      ...(this.asksForPromptCaching(llm) ? { promptCaching: "explicit" as const } : {}),
      calls: b.calls,
      inputTokens: b.inputTokens,
      inputPerCall: b.inputPerCall,
      outputTokens: b.outputTokens,
      outputPerCall: b.outputPerCall,
      generationCost: b.generationCost,
      span: b.span,
      growth: b.growth,
      ...(b.counts ? { counts: b.counts } : {}),
      ...(b.facts ? { facts: b.facts } : {}),
      loops: [...b.loops].reverse().map((l) => ({ line: l.line, kind: l.kind, tripCount: l.tripText, dataDependent: l.dataDependent, exact: l.exact, parallel: l.parallel })),
      explanation: [...b.explanation, ...widenings(b)],
      symbols: [...used].sort().flatMap((n) => definition(n) ?? []),
      rank: rankBy(definition),
    };
  }
}

/** The chain state a function's sites add over one invocation (see SiteBounds.chainGrowth), if any. */
function chainGrowthOf(sites: readonly { bounds: SiteBounds }[], rename: (p: Poly) => Poly): { chainGrowth?: Poly } {
  const grown = sites.flatMap((s) => (s.bounds.chainGrowth ? [s.bounds.chainGrowth] : []));
  return grown.length ? { chainGrowth: rename(Poly.sum(grown)) } : {};
}

/** The fields of `this` its sites' runs are handed as state, with the requests that send each (one entry a field). */
function handedFieldsOf(sites: readonly { bounds: SiteBounds }[], rename: (p: Poly) => Poly): { handedFields?: HandedField[] } {
  const byField = new Map<string, HandedField>();
  for (const h of sites.flatMap((s) => s.bounds.handedFields ?? [])) {
    const key = `${h.name}.${h.method}`;
    const seen = byField.get(key);
    byField.set(key, { ...h, requests: rename(seen ? seen.requests.add(h.requests) : h.requests) });
  }
  return byField.size ? { handedFields: [...byField.values()] } : {};
}

/**
 * `const next = this.queue.shift()!; this.schedule(next.requests).then(next.resolve)`: a batch
 * another call queued (gemini-cli's Scheduler drains its request queue when a batch is done), run
 * to settle that call's own promise. Its cost is the queuing call's, counted where that call is
 * made (it may run the batch itself), so it is no re-entry of the function draining the queue.
 */
function servesQueued(t: TS, scopes: Scopes, constants: Constants, call: ts.CallExpression): boolean {
  const then = call.parent;
  if (!then || !t.isPropertyAccessExpression(then) || then.expression !== call || then.name.text !== "then" || !t.isCallExpression(then.parent)) return false;
  const settle = then.parent.arguments[0];
  if (!settle || !t.isPropertyAccessExpression(settle) || settle.name.text !== "resolve" || !t.isIdentifier(settle.expression)) return false;
  const item = scopes.resolve(settle.expression);
  if (!item || !t.isVariableDeclaration(item) || !item.initializer) return false;
  let taken = constants.skipTrivia(item.initializer);
  if (t.isNonNullExpression(taken)) taken = constants.skipTrivia(taken.expression);
  if (!t.isCallExpression(taken) || !t.isPropertyAccessExpression(taken.expression) || !["shift", "pop"].includes(taken.expression.name.text)) return false;
  const queue = taken.expression.expression;
  return t.isPropertyAccessExpression(queue) && queue.expression.kind === t.SyntaxKind.ThisKeyword;
}

/** Passes over a tangle of functions calling each other before its summaries are widened. */
const TANGLE_PASSES = 3;

function sameSummaries(a: ReadonlyMap<ts.Node, Summary | undefined>, b: ReadonlyMap<ts.Node, Summary | undefined>): boolean {
  if (a.size !== b.size) return false;
  for (const [fn, x] of a) {
    if (!b.has(fn)) return false;
    const y = b.get(fn);
    if (!x || !y) {
      if (x !== y) return false;
      continue;
    }
    if (x.unknown !== y.unknown || x.tight !== y.tight) return false;
    if (!(["calls", "input", "output", "result", "generation", "span"] as const).every((k) => x[k].equals(y[k]))) return false;
  }
  return true;
}

/** A tangle whose costs still grow from pass to pass: its functions call each other without a shape that bounds the recursion. */
function widenTangle(pass: ReadonlyMap<ts.Node, Summary | undefined>, why?: string): Map<ts.Node, Summary | undefined> {
  const names = [...pass.values()].flatMap((s) => (s ? [s.name] : []));
  const shown = names.length > 4 ? `${names.slice(0, 4).join(", ")} and ${names.length - 4} more` : names.join(", ");
  const reason = why ?? `functions that call each other (${shown}) with LLM costs that grow on every pass: a recursion of no recognised shape`;
  return new Map([...pass].map(([fn, s]) => [fn, s && { ...s, unknown: s.unknown ?? reason }]));
}

/** The package and name of the class (or interface) an expression's type was declared as. */
function declaredType(tsm: TS, checker: ts.TypeChecker, e: ts.Expression): { module: string; name: string } | undefined {
  let type: ts.Type;
  try {
    type = checker.getTypeAtLocation(e);
  } catch {
    return undefined;
  }
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const decl = symbol?.declarations?.[0];
  if (!symbol || !decl) return undefined;
  const file = decl.getSourceFile().fileName.replace(/\\/g, "/");
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (!m) return undefined;
  // `export default class OpenAI`: the class is reached as the module's default export too.
  const name = tsm.isClassDeclaration(decl) && decl.name ? decl.name.text : symbol.getName();
  return { module: m[1]!, name };
}

/** Why a bound has none (the algebra's limits, a growth it cannot bound), where the derivation does not say it yet. */
function widenings(b: SiteBounds): string[] {
  const reasons = new Set([b.calls, b.inputTokens, b.outputTokens, b.generationCost, b.span].flatMap((x) => (x.kind === "unknown" ? [x.reason] : [])));
  return [...reasons].filter((r) => !b.explanation.some((line) => line.includes(r))).map((r) => `no bound: ${r}`);
}



function polyOf(b: Bound): Poly {
  return b.kind === "poly" ? b.poly : Poly.zero;
}


/** The model a call uses when it is static: `"gpt-4o"`, `openai("gpt-4.1")`, `new Agent({ model })`, a const. */
function modelOf(tsm: TS, constants: Constants, e: ts.Expression | undefined, depth = 0): string | null {
  if (!e || depth > 4) return null;
  const s = constants.string(e);
  if (s !== undefined) return s;
  const x = constants.skipTrivia(e);
  if ((tsm.isCallExpression(x) || tsm.isNewExpression(x)) && x.arguments?.length) {
    const first = x.arguments[0]!;
    const direct = constants.string(first);
    // `getStringArg("--model", DEFAULT_MODEL)`: a command-line flag's name is no model id; its default is the model.
    if (direct?.startsWith("-")) return modelOf(tsm, constants, x.arguments[1], depth + 1);
    if (direct !== undefined) return direct;
    const fromConfig = constants.property(first, ["model"]);
    if (fromConfig) return modelOf(tsm, constants, fromConfig, depth + 1);
  }
  // A const's value, or a parameter's default (`complete(prompt, model = "gpt-4o")`).
  if (tsm.isIdentifier(x)) return modelOf(tsm, constants, constants.initializerOf(x) ?? constants.parameterDefault(x), depth + 1);
  return null;
}

/** `MAX_TURNS` of `Math.min(turns, MAX_TURNS)`: the name of the constant a count is, for the derivation. */
function constantName(t: TS, constants: Constants, e: ts.Expression): string | undefined {
  const x = constants.skipTrivia(e);
  if (t.isIdentifier(x) || t.isPropertyAccessExpression(x)) return constants.number(x) !== undefined ? x.getText() : undefined;
  if (!t.isCallExpression(x)) return undefined;
  const named = x.arguments.find((a) => (t.isIdentifier(a) || t.isPropertyAccessExpression(a)) && constants.number(a) !== undefined);
  return named?.getText();
}

/** A function the tangle may be entered by: exported, or a method that is not private (`#m`, `private`, `protected`). */
function isEntry(t: TS, fn: ts.Node): boolean {
  const has = (n: ts.Node, kind: ts.SyntaxKind): boolean => t.canHaveModifiers(n) && !!t.getModifiers(n)?.some((m) => m.kind === kind);
  if (t.isMethodDeclaration(fn)) return !t.isPrivateIdentifier(fn.name) && !has(fn, t.SyntaxKind.PrivateKeyword) && !has(fn, t.SyntaxKind.ProtectedKeyword);
  let n: ts.Node = fn;
  while (n.parent && !t.isSourceFile(n.parent) && !t.isClassLike(n.parent)) n = n.parent;
  return has(n, t.SyntaxKind.ExportKeyword);
}

/** The left side of an assignment without blanks (`module.exports.f`), as a CommonJS export is matched. */
function commonJsTarget(assignment: ts.BinaryExpression, sourceFile: ts.SourceFile): string {
  return assignment.left.getText(sourceFile).replace(/\s+/g, "");
}

interface ExportedName {
  readonly declared: boolean;
  readonly declarationName: string | undefined;
  readonly isFunction: boolean;
}

/** A shape read from data alone: made outside the analyser, so that its closures cannot hold the analyser (and its syntax tree) alive. */
function standaloneShape(names: ReadonlyMap<string, ExportedName>, reExports: ExportShape["reExports"]): ExportShape {
  return { standalone: true, exports: (name) => names.has(name), declares: (name) => !!names.get(name)?.declared, declarationName: (name) => names.get(name)?.declarationName, isFunction: (name) => !!names.get(name)?.isFunction, reExports };
}

/** A module's exports as the project's declaring-module search reads them (see FileAnalyzer.exportShape). */
export interface ExportShape {
  /** Read for every name, without the syntax tree (else each question asks the analyser). */
  readonly standalone: boolean;
  /** Whether a statement of the module may export the name (else it has no declaration, summary or client of that name but through a re-export). */
  exports(name: string): boolean;
  /** Whether the module declares the export itself (not an import exported again). */
  declares(name: string): boolean;
  /** The class or interface the export is. */
  declarationName(name: string): string | undefined;
  /** Whether the export is a function (a factory's `load().*` is asked only of one). */
  isFunction(name: string): boolean;
  readonly reExports: readonly { readonly specifier: string; readonly all: boolean; readonly names: ReadonlyMap<string, string> }[];
}
