// A set of files analysed together: calls are followed into the project's other modules through
// their summaries. Files are parsed and analysed on demand and cached; a change re-analyses that
// file and the files that import it (transitively), nothing else. Import cycles terminate: a
// summary asked for while it is being made is unavailable, never a loop.
import type * as ts from "typescript";
import { catalogMentions, findingsOf, mayContainLlmCalls, rejectInput, scriptKindOf } from "../analysis/analyzeFile";
import { onlyInertCatalogImports } from "./inertImports";
import { AnalysisCancelled, BudgetExceeded, FileAnalyzer, catalogWith, type ExportShape, type ExternalSummaries } from "../analysis/fileAnalyzer";
import type { CopiedParameter } from "../analysis/parameterCopy";
import type { LoopGuard } from "../analysis/loopGuard";
import type { Summary } from "../analysis/summary";
import { parseForAnalysis } from "../analysis/syntaxTree";
import type { ExportedClient, TypeMember } from "../binder/provenance";
import type { LoopsWith } from "../catalog/sdks";
import { renderSummary } from "../findingLines";
import type { Scopes, TS } from "../binder/scopes";
import type { AnalysisOptions, FileAnalysis, Finding } from "../model";
import { heritageNames, type HeritageNames } from "./heritageScan";
import { heritageEntries, type HeritageEntry, type InheritingDeclaration } from "./inheritingClasses";
import { isTestPath } from "../report/testCode";
import { frameworkDeclaration, interfaceModules, isFrameworkDeclaration, usesInterface } from "../analysis/catalogExports";
import { dirname, importedNames, importedSpecifiers, isRelative, normalizePath, resolveModule, type ImportedNames, type PathMapping } from "./modulePaths";
import { ROUTE_SPECIFIER, fetchedRoutes, handlerExport, nearestRoute, routeIndex, routeKey } from "./apiRoutes";
import { REGISTRY_SPECIFIER, looksUpAgentByName, registersAgents } from "./agentRegistry";

/** The edge a result cache's key takes from an interface's module to a module implementing it (no specifier is written so). */
const IMPLEMENTED_IN = "\u0000implemented in";

/** How many modules' declared types one chain (`a.b.c()` across modules) is followed through. */
const TYPE_CHAIN_DEPTH = 8;

export interface ProjectHost {
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
}

export interface ProjectOptions extends AnalysisOptions, PathMapping {
  /** Type-aware mode: the program whose source files and TypeChecker the analysis uses. */
  readonly program?: ts.Program;
  /**
   * The mapping that resolves a file's imports when it is not the project's (`baseUrl`/`paths`
   * above): an example folder's own tsconfig.json with `"@/*": ["./*"]`. Undefined: the project's.
   */
  readonly mappingFor?: (file: string) => PathMapping | undefined;
  /**
   * The project's files, searched (by their text scans) for classes that implement an interface or
   * extend an abstract class of another module. Undefined: the files read so far.
   */
  readonly files?: readonly string[];
}

interface FileState {
  readonly text: string;
  sourceFile?: ts.SourceFile;
  analyzer?: FileAnalyzer;
  result?: FileAnalysis;
  /** Project files whose summaries this file's analysis used. */
  readonly uses: Set<string>;
  /** The result came from the import graph (no LLM reachable), not from an analysis. */
  byImports?: boolean;
  /** `mentionsSdk`: the text names a catalog module or an endpoint; `ownSource`: as an import that can make a request, or otherwise. */
  scan?: { readonly mentionsSdk: boolean; readonly ownSource: boolean; readonly names: ReturnType<typeof importedNames>; readonly specifiers: readonly string[]; readonly heritage: HeritageNames };
  /** The heritage part of the scan alone, made for the implementations index before any full scan. */
  heritage?: HeritageNames;
  /** Whether the text names each name asked about (see mentions). */
  mentioned?: Map<string, boolean>;
  /** Whether the text has an `export * from`. */
  reExportsAll?: boolean;
}

/** A module as the result cache sees it: its text, whether it can reach an LLM, and where its imports resolve. */
export interface ModuleNode {
  /** Normalised path. */
  readonly file: string;
  readonly text: string;
  readonly reachesLlm: boolean;
  /** In the order of the text (then the modules that may implement its interfaces); `target` null when the specifier names no project file. */
  readonly imports: readonly { readonly specifier: string; readonly target: string | null }[];
}

export class Project {
  private readonly files = new Map<string, FileState>();
  private readonly reaches = new Map<string, boolean>();
  private readonly uses = new Map<string, boolean>();
  /** Per memo, the files being decided, innermost last, with the shallowest one each leaned on (Tarjan's low link). */
  private readonly deciding = new Map<Map<string, boolean>, { file: string; low: number }[]>();
  /** Per memo, "no" answers that leaned on a file still being decided: reused until that one is done. */
  private readonly undecided = new Map<Map<string, boolean>, Map<string, number>>();
  /** Counts provisional answers given on cycles (see `decided`). */
  private provisional = 0;
  /** Where each file's specifiers resolve, by file then specifier: asked at every summary and lookup, and a key joined from two paths was hashed anew each time. */
  private readonly resolutions = new Map<string, Map<string, string | null>>();
  /**
   * Resolutions shared by the files they are the same for (see sharedResolution): a relative
   * specifier by the importer's folder, any other by the path mapping in force. Each of vercel/ai's
   * 6,275 files resolved its own `ai`, `zod`, `./utils`…, each up to 20 candidate names.
   */
  private readonly byFolder = new Map<string, Map<string, string | null>>();
  private readonly byMapping = new Map<PathMapping, Map<string, string | null>>();
  /** Clients exported by project modules, by `target\0name` (forgotten on any change: see invalidate). */
  private readonly clients = new Map<string, ExportedClient | null>();
  /** Values of project modules' `export const`s, by `target\0name` (forgotten on any change). */
  private readonly constants = new Map<string, number | string | null>();
  private readonly constantsInProgress = new Set<string>();
  /** Exported agents being asked whether they loop (`exportedMadeWithoutLoops`): modules whose agents are each other's. */
  private readonly agentsInProgress = new Set<string>();
  /** Whether a class's method returns its own array field (`ChatTurns.get`), by declaring file, class and method. */
  private readonly collectionMethods = new Map<string, boolean>();
  /** What another module's function does to a caller's turn counter (`loopGuard`), by declaring file and name. */
  private readonly loopGuards = new Map<string, LoopGuard | null>();
  /** Where an export is declared, by `target\0name` (forgotten on any change). */
  private readonly declaring = new Map<string, { file: string; name: string } | null>();
  private readonly declaringInProgress = new Set<string>();
  /**
   * Each module's exports as the declaring-module search reads them, kept when its tree is let go (a
   * barrel's modules were parsed again for each name asked after their release); null: not
   * parsable. Forgotten on any change.
   */
  private readonly exportShapes = new Map<string, ExportShape | null>();
  /** Each module's heritage clauses, by file (forgotten on any change). */
  private readonly heritage = new Map<string, readonly HeritageEntry[]>();
  /** Whether the class an exported factory returns has a method that makes LLM calls, by `file NUL name` (forgotten on any change). */
  private readonly factoryMade = new Map<string, boolean>();
  /** Members of declared types, by `file NUL type NUL member NUL ()?` (forgotten on any change). */
  private readonly typeMembers = new Map<string, TypeMember | null>();
  private readonly typeMembersInProgress = new Set<string>();
  /** Counts re-export questions met again while being answered (re-export cycles). */
  private declaringCycles = 0;
  private readonly inProgress = new Set<string>();
  /**
   * Exported summaries being made, innermost last (Tarjan's stack over `file NUL export`): `low` is
   * the shallowest one still being made that this one's answer leaned on (an import cycle).
   */
  private readonly summaryFrames: { readonly key: string; readonly depth: number; low: number }[] = [];
  /** Summaries made inside an import cycle before its first module's is done: reused for the rest of that solve. */
  private readonly summarySolving = new Map<string, { readonly summary: Summary | undefined; readonly low: number }>();
  /** Exported summaries, kept until any file changes. */
  private readonly exportedSummaries = new Map<string, Summary | null>();
  /** The files holding a syntax tree, least recently asked first (see releaseTrees). */
  private readonly treeUse = new Map<string, true>();
  /** Questions to each file's analyser still being answered (nested ones counted): its tree stays (see holdTrees). */
  private readonly inUse = new Map<string, number>();
  /** The trees held at most once no question is using them (holdTrees); undefined: no cap inside a file. */
  private treeCap: number | undefined;
  /** Counts of parses and analyses, for tests and the benchmark. */
  readonly stats = { parsed: 0, analyzed: 0, exportedSummaries: 0, textSearches: 0, importedNamesRead: 0 };

  /** The project's files (see ProjectOptions.files, setFiles); undefined: the files read so far. */
  private fileList: readonly string[] | undefined;

  constructor(
    private readonly tsm: TS,
    private readonly host: ProjectHost,
    private readonly options: ProjectOptions = {},
  ) {
    this.fileList = options.files;
  }

  /**
   * Gives the project its files (the editor's workspace, once listed): implementations are searched
   * among them. A list other than the one held forgets every answer, as when a file appears (a
   * module that declares an interface may stand for other files now, and any import may resolve
   * elsewhere); the texts and their scans are kept. Undefined: the files read so far. Whether the list changed.
   */
  setFiles(files: readonly string[] | undefined): boolean {
    const normal = files?.map(normalizePath);
    const held = this.fileList && new Set(this.fileList.map(normalizePath));
    if (!normal ? !held : held && held.size === new Set(normal).size && normal.every((f) => held.has(f))) return false;
    this.fileList = normal;
    this.forgetAnswers();
    this.startOver();
    return true;
  }

  /** Forgets every resolution, analysis and reachability answer; the texts and their scans are kept. */
  private startOver(): void {
    this.resolutions.clear();
    this.byFolder.clear();
    this.byMapping.clear();
    this.routes = undefined;
    this.registries = undefined;
    for (const st of this.files.values()) {
      st.analyzer = undefined;
      st.result = undefined;
      st.byImports = false;
      st.uses.clear();
    }
    this.uses.clear();
    this.reaches.clear();
  }

  /** What is kept until any file changes. */
  private forgetAnswers(): void {
    this.exportedSummaries.clear();
    this.clients.clear();
    this.constants.clear();
    this.declaring.clear();
    this.exportShapes.clear();
    this.factoryMade.clear();
    this.heritage.clear();
    this.typeMembers.clear();
    this.implementations.clear();
    this.basesIndex = undefined;
    this.collectionMethods.clear();
    this.loopGuards.clear();
  }

  /** The findings of one file (cached until it or a module it uses changes). */
  analyze(fileName: string): FileAnalysis {
    const file = normalizePath(fileName);
    const state = this.load(file);
    if (!state) return { file: fileName, findings: [], skipped: "cannot read" };
    if (state.result) return state.result;
    const rejected = rejectInput(fileName, state.text, this.options);
    let result: FileAnalysis;
    // Deciding may summarise the modules it imports: one past its time budget skips this file, as in its own analysis.
    const needless = (): boolean | FileAnalysis => {
      try {
        return !this.usesLlm(file, state.text);
      } catch (err) {
        if (err instanceof BudgetExceeded) return { file: fileName, findings: [], skipped: err.message };
        throw err;
      }
    };
    const decision = rejected || this.options.program ? false : needless();
    if (rejected) result = rejected;
    else if (typeof decision === "object") return decision;
    // Type-aware mode reads every file: a client can arrive by type alone, with no import to see.
    else if (decision) {
      // Decided by the import graph alone: any change may reach it, so any change re-decides it.
      result = { file: fileName, findings: [] };
      state.byImports = true;
    }
    else {
      this.stats.analyzed++;
      result = this.using(file, () => findingsOf(this.tsm, fileName, () => this.analyzerOf(file)!));
      result = { ...result, file: fileName };
    }
    state.result = result;
    return result;
  }

  /**
   * The findings of some top-level statements of a file (all when `within` is omitted), with the
   * analyser's name resolution, for the incremental advice of an edited file. Their lines are
   * still marked (see lineRefs): `renderFinding` gives what `analyze` gives. Undefined when the
   * file is not read (too large, binary), nested too deeply to analyse or past its time budget; any other failure throws,
   * for the caller to report.
   */
  analyzeStatements(fileName: string, within?: ReadonlySet<ts.Statement>): { findings: Finding[]; sourceFile: ts.SourceFile; scopes: Scopes } | undefined {
    const file = normalizePath(fileName);
    const analyzer = this.analyzerOf(file);
    if (!analyzer) return undefined;
    try {
      return this.using(file, () => ({ findings: analyzer.findings(within), sourceFile: analyzer.sourceFile, scopes: analyzer.scopes }));
    } catch (err) {
      if (err instanceof RangeError || err instanceof BudgetExceeded) return undefined;
      throw err;
    }
  }

  /**
   * The file's text, imports and whether it can reach an LLM, from the text scan alone (no parse):
   * what a cached result's key is made of (see resultCache.ts). Undefined when it cannot be read.
   */
  moduleNode(fileName: string): ModuleNode | undefined {
    const file = normalizePath(fileName);
    const state = this.load(file);
    if (!state) return undefined;
    const imports = this.scanOf(file, state.text).specifiers.map((specifier) => ({ specifier, target: this.resolve(specifier, file) ?? null }));
    // A module's interface stands for the classes other modules implement it with: their texts are part of its results too.
    for (const target of this.inheritorsOf(file)) imports.push({ specifier: IMPLEMENTED_IN, target });
    return { file, text: state.text, reachesLlm: this.reachesLlm(file), imports };
  }

  /** The project files a file's imports resolve to (text scan only, no parse). */
  importTargets(fileName: string): string[] {
    const file = normalizePath(fileName);
    const state = this.load(file);
    if (!state) return [];
    return this.scanOf(file, state.text).specifiers.flatMap((s) => this.resolve(s, file) ?? []);
  }

  /**
   * Drops what the project holds of a file itself (its text, scan, syntax tree and analysis),
   * keeping what other files took from it: a batch run calls it once the file and every file of the
   * run that imports it are reported, so memory holds the modules others still need rather than
   * every file seen (the texts alone are 27 MB on gemini-cli, 31 MB on vercel/ai). Asked again, the
   * file is read and parsed again.
   */
  release(fileName: string): void {
    const file = normalizePath(fileName);
    this.releaseTree(file);
    this.files.delete(file);
  }

  /** Drops a file's syntax tree and analysis, keeping its text and scan (a file of the run still to be asked about). */
  private releaseTree(file: string): void {
    const state = this.files.get(file);
    this.treeUse.delete(file);
    if (!state) return;
    state.sourceFile = undefined;
    state.analyzer = undefined;
    state.result = undefined;
    state.byImports = false;
  }

  /**
   * Releases the syntax trees asked for least recently until at most `keep` are held (between two
   * files of a batch run): a module that many files import keeps its tree while they are reported,
   * one asked about once and then not for a while is let go, and parsed again if asked again (the
   * answers importers took from it stay). The files released, least recently asked first.
   */
  releaseTrees(keep: number): string[] {
    const out: string[] = [];
    for (const file of this.treeUse.keys()) {
      if (this.treeUse.size <= keep) break;
      if (this.inUse.has(file)) continue;
      this.releaseTree(file);
      out.push(file);
    }
    return out;
  }

  /**
   * Caps the trees held inside a file's analysis too (a batch run): each time the last question to
   * a module's analyser is answered, the trees past `keep` that no question still being answered
   * uses are let go, least recently asked first. One summary can reach most of a package
   * (openai-agents-js's `setTracingDisabled` held 216 trees at once, 160 MB, with at most 10
   * analysers in use); a module asked again is parsed again, its answers to importers kept.
   */
  holdTrees(keep: number): void {
    this.treeCap = keep;
  }

  /** `ask` run with the file's analyser marked as in use: its tree is not let go meanwhile. */
  private using<T>(file: string, ask: () => T): T {
    this.inUse.set(file, (this.inUse.get(file) ?? 0) + 1);
    try {
      return ask();
    } finally {
      const left = this.inUse.get(file)! - 1;
      if (left) this.inUse.set(file, left);
      else {
        this.inUse.delete(file);
        if (this.treeCap !== undefined && this.treeUse.size > this.treeCap) this.releaseTrees(this.treeCap);
      }
    }
  }

  /**
   * The findings of a text the file does not hold (a quick fix's edit), their lines still marked,
   * with the project's other modules as they are: a call of a wrapper from another module is
   * bounded by that module's summary, as in `analyze`. Nothing is cached or invalidated; a module
   * that imports the file back (an import cycle) is summarised against the file's current text.
   */
  analyzeEdited(fileName: string, text: string): FileAnalysis {
    const file = normalizePath(fileName);
    const rejected = rejectInput(fileName, text, this.options);
    if (rejected) return rejected;
    const sourceFile = (): ts.SourceFile => parseForAnalysis(this.tsm, fileName, text, scriptKindOf(this.tsm, fileName));
    return findingsOf(this.tsm, fileName, () => new FileAnalyzer(this.tsm, sourceFile(), this.options, this.externalFor(file)), (f) => f);
  }

  /**
   * Whether the file imports, directly or through others, a module that imports it back. Then an
   * edit of it can change what its imports summarise (or type) for it, and none of its findings
   * can be kept across an edit.
   */
  inImportCycle(fileName: string): boolean {
    const start = normalizePath(fileName);
    const seen = new Set<string>();
    const work = [start];
    while (work.length) {
      const file = work.pop()!;
      const state = this.load(file);
      if (!state) continue;
      for (const specifier of this.scanOf(file, state.text).specifiers) {
        const target = this.resolve(specifier, file);
        if (target === start) return true;
        if (target && !seen.has(target)) {
          seen.add(target);
          work.push(target);
        }
      }
    }
    return false;
  }

  /** Forget a file's text (changed or deleted) and every analysis that depended on it. */
  invalidate(fileName: string): void {
    const file = normalizePath(fileName);
    // A module that starts or stops registering agents changes where lookups by name lead.
    const before = this.files.get(file)?.text;
    const lookups: string[] = [];
    if (this.registries && ((before !== undefined && registersAgents(before)) || registersAgents(this.host.readFile(file) ?? ""))) {
      this.registries = undefined;
      for (const [from, targets] of this.resolutions) {
        if (!targets.delete(REGISTRY_SPECIFIER)) continue;
        lookups.push(from);
      }
    }
    // A class that starts or stops implementing an interface changes what the interface's module
    // stands for: the declarations its classes name, under any name (by the index as it was).
    const bases = this.basesNamedBy(file);
    const declaring: string[] = [];
    if (bases.size) {
      const declares = (h: HeritageNames): boolean => [...h.interfaces, ...h.abstractClasses, ...h.implementingClasses].some((n) => bases.has(n) || (bases.has("default") && h.defaults.includes(n)));
      for (const [f, s] of this.files) {
        const h = s.scan?.heritage ?? s.heritage;
        if (f !== file && h && declares(h)) declaring.push(f);
      }
    }
    this.forgetAnswers();
    // An edit keeps module resolution; a file that appears or disappears may change it.
    const edited = this.files.has(file) && this.host.fileExists(file);
    const stale = new Set([file, ...declaring, ...lookups]);
    // Files that used a stale file's summaries are stale too.
    for (let grew = true; grew; ) {
      grew = false;
      for (const [f, s] of this.files) if (!stale.has(f) && [...s.uses].some((u) => stale.has(u))) stale.add(f), (grew = true);
    }
    // Whether a file reaches an LLM through its imports can change only for the files that import
    // the edited one, directly or not: those are decided again (no parse unless they now use one).
    const importers = edited ? this.importersOf(file) : undefined;
    for (const d of declaring) for (const f of this.importersOf(d)) importers?.add(f);
    for (const [f, s] of this.files) {
      if (importers && !importers.has(f)) continue;
      this.uses.delete(f);
      this.reaches.delete(f);
      if (s.byImports) {
        s.result = undefined;
        s.byImports = false;
      }
    }
    if (!importers) {
      this.uses.clear();
      this.reaches.clear();
    }
    this.files.delete(file);
    this.treeUse.delete(file);
    for (const f of stale) {
      const s = this.files.get(f);
      if (s) {
        s.analyzer = undefined;
        s.result = undefined;
        s.byImports = false;
        s.uses.clear();
      }
    }
    for (const f of stale) {
      this.uses.delete(f);
      this.reaches.delete(f);
    }
    if (!edited) {
      // A file that appears or disappears can change what any import resolves to: start over
      // (the texts and their scans are kept).
      this.startOver();
    }
  }

  /**
   * The names a file's classes implement or extend, in its text as read and as it is now, with the
   * names each may stand for (`Llm` for `Model` imported as `{ Llm as Model }` or re-exported so
   * anywhere in the index, `default` for a default import).
   */
  private basesNamedBy(file: string): Set<string> {
    const names = new Set<string>();
    const scans = [this.files.get(file)?.scan?.heritage];
    const now = this.host.readFile(file);
    if (now !== undefined && (now.includes("implements") || now.includes("extends"))) scans.push(heritageNames(now));
    const originals = new Map<string, string[]>();
    const add = (original: string, alias: string): void => {
      const list = originals.get(alias);
      if (list) list.push(original);
      else originals.set(alias, [original]);
    };
    for (const h of scans) {
      for (const n of [...(h?.implemented ?? []), ...(h?.extended ?? [])]) names.add(n);
      for (const [original, alias] of h?.aliases ?? []) add(original, alias);
    }
    if (!names.size) return names;
    for (const [original, aliases] of this.basesIndex?.aliases ?? []) for (const alias of aliases) add(original, alias);
    const work = [...names];
    while (work.length) for (const original of originals.get(work.pop()!) ?? []) if (!names.has(original)) names.add(original), work.push(original);
    return names;
  }

  /** The file and every file that imports it, directly or through others (by the resolutions made so far). */
  private importersOf(file: string): Set<string> {
    const reverse = new Map<string, string[]>();
    for (const [from, targets] of this.resolutions) {
      for (const target of targets.values()) {
        if (!target) continue;
        const list = reverse.get(target);
        if (list) list.push(from);
        else reverse.set(target, [from]);
      }
    }
    const out = new Set([file]);
    const work = [file];
    while (work.length) for (const from of reverse.get(work.pop()!) ?? []) if (!out.has(from)) out.add(from), work.push(from);
    return out;
  }

  private load(file: string): FileState | undefined {
    let state = this.files.get(file);
    if (!state) {
      const text = this.host.readFile(file);
      if (text === undefined) return undefined;
      state = { text, uses: new Set() };
      this.files.set(file, state);
    }
    return state;
  }

  private parsed(state: FileState, file: string): ts.SourceFile {
    if (!state.sourceFile) {
      const fromProgram = this.options.program?.getSourceFile(file);
      if (fromProgram && fromProgram.text === state.text) return (state.sourceFile = fromProgram);
      state.sourceFile = parseForAnalysis(this.tsm, file, state.text, scriptKindOf(this.tsm, file));
      this.stats.parsed++;
      this.treeUse.set(file, true);
      // Its classes' heritage clauses, read while the tree is here: the implementations index may ask
      // after the tree is let go (langchainjs: 84 modules parsed again only for them).
      const heritage = this.heritageOf(file);
      if (heritage && (heritage.implemented.length || heritage.extended.length) && !this.heritage.has(file)) this.heritage.set(file, heritageEntries(this.tsm, state.sourceFile));
    }
    return state.sourceFile;
  }

  /**
   * `use` of the file's analyser, marked as in use meanwhile (see holdTrees); undefined when the file
   * cannot be parsed (it offers no answers; its own report says why). What `use` throws is thrown.
   */
  private withAnalyzer<T>(file: string, use: (analyzer: FileAnalyzer) => T): T | undefined {
    let found: FileAnalyzer | undefined;
    try {
      found = this.analyzerOf(file);
    } catch (err) {
      rethrowCancelled(err);
      return undefined;
    }
    const analyzer = found;
    return analyzer && this.using(file, () => use(analyzer));
  }

  /**
   * A question to a file's analyser; undefined when the file cannot be parsed or the answer throws
   * (past its time budget: the file's own report says why). A cancellation still stops the run.
   */
  private askParsable<T>(file: string, ask: (analyzer: FileAnalyzer) => T | undefined): T | undefined {
    try {
      const analyzer = this.analyzerOf(file);
      return analyzer && this.using(file, () => ask(analyzer));
    } catch (err) {
      rethrowCancelled(err);
      return undefined;
    }
  }

  private analyzerOf(file: string): FileAnalyzer | undefined {
    const state = this.load(file);
    if (!state) return undefined;
    if (state.sourceFile) {
      this.treeUse.delete(file);
      this.treeUse.set(file, true);
    }
    if (!state.analyzer) {
      if (rejectInput(file, state.text, this.options)) return undefined;
      const sourceFile = this.parsed(state, file);
      const checker = this.options.program && this.options.program.getSourceFile(file) === sourceFile ? this.checker() : undefined;
      state.analyzer = new FileAnalyzer(this.tsm, sourceFile, this.options, this.externalFor(file), checker);
    }
    return state.analyzer;
  }

  private typeChecker: ts.TypeChecker | undefined;
  private checker(): ts.TypeChecker | undefined {
    return (this.typeChecker ??= this.options.program?.getTypeChecker());
  }

  private resolve(specifier: string, from: string): string | undefined {
    let known = this.resolutions.get(from);
    if (!known) this.resolutions.set(from, (known = new Map()));
    let r = known.get(specifier);
    if (r === undefined) {
      r = (specifier === REGISTRY_SPECIFIER ? this.registryModule(from) : specifier.startsWith(ROUTE_SPECIFIER) ? this.routeModule(specifier.slice(ROUTE_SPECIFIER.length), from) : this.sharedResolution(specifier, from)) ?? null;
      known.set(specifier, r);
    }
    return r ?? undefined;
  }

  /**
   * resolveModule's answer, shared: a relative specifier depends only on the importer's folder, any
   * other only on the path mapping (an absolute one on neither); the files exist as when first asked,
   * as for the per-file memo (both are forgotten in startOver).
   */
  private sharedResolution(specifier: string, from: string): string | null {
    const relative = isRelative(specifier);
    // A relative specifier reads no mapping (and a nested tsconfig's lookup costs a path resolution per call).
    const mapping = relative ? this.options : (this.options.mappingFor?.(from) ?? this.options);
    const known = relative ? memoIn(this.byFolder, dirname(from)) : memoIn(this.byMapping, mapping);
    let r = known.get(specifier);
    if (r === undefined) known.set(specifier, (r = resolveModule(specifier, from, mapping, (p) => this.host.fileExists(p)) ?? null));
    return r;
  }

  /** The project's route modules by the path they serve, indexed when a file first fetches one. */
  private routes: Map<string, string[]> | undefined;

  /** The route module a fetch of `path` from `from` reaches (`/api/responses` → `src/app/api/responses/route.ts`). */
  private routeModule(path: string, from: string): string | undefined {
    this.routes ??= routeIndex(this.fileList ?? [...this.files.keys()]);
    const candidates = this.routes.get(routeKey(path));
    return candidates && nearestRoute(candidates, from);
  }

  /** The project's modules that register agents (`new Mastra({ agents })`), found when a file first looks one up by name. */
  private registries: string[] | undefined;

  /** The module registering the agents a lookup by name in `from` reaches: the nearest (a monorepo has an app per folder). */
  private registryModule(from: string): string | undefined {
    this.registries ??= (this.fileList ?? [...this.files.keys()]).filter((f) => {
      const text = this.files.get(f)?.text ?? this.host.readFile(f);
      return text !== undefined && registersAgents(text);
    });
    return nearestRoute(this.registries, from);
  }

  /** The agent registered under `name` for the lookups in `from` (`mastra.getAgent("weatherAgent")`), or made with that `id` (`getAgentById`). */
  private registeredAgent(from: string, name: string, byId = false): ExportedClient | undefined {
    const target = this.resolve(REGISTRY_SPECIFIER, from);
    if (!target || target === from) return undefined;
    this.files.get(from)?.uses.add(target);
    const key = `${target}\u0000agents${byId ? "#id" : ""}.${name}`;
    const known = this.clients.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.withAnalyzer(target, (a) => a.registeredAgent(name, byId));
    this.clients.set(key, found ?? null);
    return found;
  }

  /**
   * Whether a file needs analysing: it names an SDK itself, or it imports something that makes
   * LLM calls — a function with a summary, or a module taken whole that reaches one. A file that
   * only imports types, constants and helpers of agent modules is skipped without a parse.
   */
  private usesLlm(file: string, text: string): boolean {
    return this.decided(this.uses, file, () => this.computeUsesLlm(file, text));
  }

  /**
   * A memoised yes/no over the import graph that terminates on cycles. A file met again while it is
   * being decided answers "no" for now; an answer that leaned on such a provisional "no" is not
   * kept (another order could say "yes"), except at the outermost question, which saw the cycle
   * whole. So the answers do not depend on the order in which files are asked about.
   */
  private decided(memo: Map<string, boolean>, file: string, compute: () => boolean): boolean {
    const known = memo.get(file);
    if (known !== undefined) return known;
    let stack = this.deciding.get(memo);
    if (!stack) this.deciding.set(memo, (stack = []));
    let open = this.undecided.get(memo);
    if (!open) this.undecided.set(memo, (open = new Map()));
    const lower = (low: number): void => {
      const top = stack[stack.length - 1];
      if (top && low < stack.length - 1) top.low = Math.min(top.low, low);
    };
    const inCycle = stack.findIndex((f) => f.file === file);
    const leaned = inCycle >= 0 ? inCycle : open.get(file);
    if (leaned !== undefined) {
      // Met again while being decided (or decided "no" leaning on such a one): "no" for now.
      this.provisional++;
      lower(leaned);
      return false;
    }
    const frame = { file, low: Infinity };
    const depth = stack.length;
    stack.push(frame);
    let result: boolean;
    try {
      result = compute();
    } catch (err) {
      if (stack.length === 1) open.clear();
      throw err;
    } finally {
      stack.pop();
    }
    lower(frame.low);
    // A "yes" is final. A "no" that leaned on a file still being decided is reused for the rest of
    // that decision (so a cycle is searched once, not along every path); when the cycle's first
    // file is decided "no", every "no" under it is final too (none of them reaches an LLM); when it
    // is "yes", they are asked again.
    if (result || frame.low >= depth) memo.set(file, result);
    else open.set(file, frame.low);
    if (frame.low >= depth) {
      for (const [f, low] of open) {
        if (low < depth) continue;
        open.delete(f);
        if (!result) memo.set(f, false);
      }
    }
    return result;
  }

  private computeUsesLlm(file: string, text: string): boolean {
    const scan = this.scanOf(file, text);
    if (scan.ownSource) return true;
    // Message classes and types only: a value typed by a project type may still lead to a client
    // (declared types are followed through modules that reach an LLM), so such a file is analysed
    // when one of its imports reaches one.
    if (scan.mentionsSdk && scan.specifiers.some((s) => {
      const target = this.resolve(s, file);
      return !!target && this.reachesLlm(target);
    }))
      return true;
    // It declares an interface or abstract class that another module's classes implement: it stands for them.
    for (const f of this.inheritorsOf(file)) {
      const t = this.load(f)?.text;
      if (t !== undefined && this.usesLlm(f, t)) return true;
    }
    for (const { specifier, names, types, defaultType } of scan.names) {
      const target = this.resolve(specifier, file);
      if (!target || !this.reachesLlm(target)) continue;
      if (names === "*") return true;
      this.files.get(file)?.uses.add(target);
      // A function with a summary, or a class one of whose methods has one.
      const offers = (name: string): boolean => !!(this.exportedSummary(file, specifier, name) || this.exportedSummary(file, specifier, `${name}.*`) || this.factoryMadeSummary(file, specifier, name) || this.exportedClient(file, specifier, name));
      if (names.length && this.mayMakeLlmCalls(file, specifier) && names.some(offers)) return true;
      for (const [i, name] of (types ?? []).entries()) {
        const iface = this.mayDeclareInterface(target, name);
        // `import type Llm from`: the module's default export, whatever its name there.
        const exported = defaultType && i === types!.length - 1 ? "default" : name;
        // An interface that stands for a client (`import type { ContentGenerator }`), or a framework's
        // own client class (`import { type Agent } from "./agent"` in AgentKit's network).
        if ((iface || isFrameworkDeclaration(catalogWith(this.options), target)) && this.exportedClient(file, specifier, exported)) return true;
        // One whose implementations there make LLM calls (`import type { Summarizer }`), or a class whose
        // methods do, held in a field or parameter of its type (`import type { Llm }`, `constructor(private llm: Llm)`).
        if ((iface || this.declaresClass(target, name)) && this.exportedSummary(file, specifier, `${exported}.*`)) return true;
        // One that hands out (a method's return type, a field's) a class whose methods do, or a client (`config.getClient().ask(q)`).
        if ((iface || this.declaresClass(target, name)) && this.handsOutLlm(file, specifier, exported)) return true;
      }
    }
    return false;
  }

  /**
   * Whether the module a specifier names mentions `name` at all (or re-exports everything onward).
   * A barrel's `export *` modules are asked about every name looked up through it, once per kind
   * of answer (summary, class methods, client, declaring module): each module keeps its answers.
   */
  private mentions(from: string, specifier: string, name: string): boolean {
    const target = this.resolve(specifier, from);
    const state = target ? this.load(target) : undefined;
    if (!state) return false;
    if (name === "default") return true;
    const mentioned = (state.mentioned ??= new Map());
    let found = mentioned.get(name);
    if (found === undefined) {
      this.stats.textSearches++;
      found = hasWord(state.text, name) || (state.reExportsAll ??= /\bexport\s*\*\s*from\b/.test(state.text));
      mentioned.set(name, found);
    }
    return found;
  }

  /**
   * Whether a module may export an interface of that name: it declares one, or it declares no class,
   * type or enum of that name (so it may re-export one). Type imports are everywhere; this keeps the
   * modules they name from being parsed just to find a class or a type alias.
   */
  private mayDeclareInterface(target: string, name: string): boolean {
    const text = this.load(target)?.text;
    if (text === undefined) return false;
    if (text.includes(`interface ${name}`)) return true;
    return !["class", "type", "enum"].some((kind) => text.includes(`${kind} ${name}`));
  }

  /** Whether a type of another module hands out, one level down, a type of a module reaching an LLM whose methods make LLM calls or that stands for a client. */
  private handsOutLlm(from: string, specifier: string, exportName: string): boolean {
    const declared = this.declaringModule(from, specifier, exportName);
    if (!declared || !this.reachesLlm(declared.file)) return false;
    this.files.get(from)?.uses.add(declared.file);
    const handed = this.askParsable(declared.file, (analyzer) => analyzer.typesHandedOut(declared.name)) ?? [];
    return handed.some((key) => {
      const at = key.lastIndexOf("#");
      const [file, name] = [key.slice(0, at), key.slice(at + 1)];
      if (!this.reachesLlm(file)) return false;
      return !!this.summaryIn(from, file, `${name}.*`, () => this.exportedSummaryOf(file, `${name}.*`, 0));
    });
  }

  /** Whether a module declares a class of that name (a type import of it may be a wrapper's type). */
  private declaresClass(target: string, name: string): boolean {
    return !!this.load(target)?.text.includes(`class ${name}`);
  }

  /** A file's text scan (SDK names, imports), kept with its text: edits elsewhere do not redo it. */
  private scanOf(file: string, text: string): NonNullable<FileState["scan"]> {
    const state = this.files.get(file);
    if (state?.scan && state.text === text) return state.scan;
    const catalog = catalogWith(this.options);
    // A module of model interfaces only (`@ai-sdk/provider`) counts where the file uses the interface as
    // a model: its providers import `LanguageModelV4` to implement it, and made every importer reach an LLM.
    const { sdks, interfaces } = interfaceModules(catalog);
    const mentionsSdk = mayContainLlmCalls(text, sdks, this.options.wrappers) || (mayContainLlmCalls(text, interfaces) && usesInterface(interfaces, text));
    // A fetch of the app's own route (`fetch("/api/responses")`) imports its handler's module whole.
    const routes = fetchedRoutes(text).map((path) => ROUTE_SPECIFIER + path);
    // A lookup of an agent by name (`mastra.getAgent("x")`) imports the module registering it.
    if (looksUpAgentByName(text)) routes.push(REGISTRY_SPECIFIER);
    // The names imported and whether the file has a source of its own are read when first asked: a
    // file's cached result needs only whether it reaches an LLM (the specifiers and the heritage).
    const wrappers = this.options.wrappers;
    const importedOnce = (): ImportedNames[] => (this.stats.importedNamesRead++, importedNames(text));
    let imported: ImportedNames[] | undefined;
    let names: ImportedNames[] | undefined;
    let ownSource: boolean | undefined;
    const scan = {
      mentionsSdk,
      get names(): ImportedNames[] {
        return (names ??= [...(imported ??= importedOnce()), ...routes.map((specifier) => ({ specifier, names: "*" as const }))]);
      },
      // A file whose only catalog mentions are imports of message classes and types (`import {
      // HumanMessage } from "@langchain/core/messages"`) has no source of its own: it is parsed only
      // if its project imports offer one (a wrapper's name can be anywhere: then every mention counts).
      // (Whether the file reaches an LLM still counts every mention: an interface's module is followed for its types.)
      get ownSource(): boolean {
        return (ownSource ??= mentionsSdk && (!!wrappers?.length || !onlyInertCatalogImports((imported ??= importedOnce()), catalog, catalogMentions(text, catalog))));
      },
      specifiers: [...importedSpecifiers(text), ...routes],
      heritage: state?.text === text && state.heritage ? state.heritage : heritageNames(text),
    };
    if (state && state.text === text) state.scan = scan;
    return scan;
  }

  /** Whether a file can make LLM calls itself or through the project modules it imports. */
  private reachesLlm(file: string): boolean {
    return this.decided(this.reaches, file, () => {
      const state = this.load(file);
      if (!state) return false;
      const scan = this.scanOf(file, state.text);
      return (
        scan.mentionsSdk ||
        isFrameworkDeclaration(catalogWith(this.options), file) ||
        scan.specifiers.some((spec) => {
          const target = this.resolve(spec, file);
          return !!target && this.reachesLlm(target);
        }) ||
        this.inheritorsOf(file).some((f) => this.reachesLlm(f))
      );
    });
  }

  /**
   * Per name, the files whose text scan names it after `implements` (and, apart, after `extends`),
   * and per name the other names it is imported or exported as (`{ Llm as Model }`, a default
   * import as `default` → `Model`): built once from every file's scan, no parse.
   */
  private basesIndex: { readonly implemented: Map<string, string[]>; readonly extended: Map<string, string[]>; readonly aliases: Map<string, string[]>; readonly indexed: Set<string> } | undefined;

  private inheritorIndex(): NonNullable<Project["basesIndex"]> {
    const known = this.basesIndex;
    // Without the project's list, the files read so far: those read since are added (and the implementations found so far asked again).
    if (known && (this.fileList || known.indexed.size === this.files.size)) return known;
    const index = known ?? { implemented: new Map<string, string[]>(), extended: new Map<string, string[]>(), aliases: new Map<string, string[]>(), indexed: new Set<string>() };
    const add = (map: Map<string, string[]>, name: string, f: string): void => {
      const list = map.get(name);
      if (list) list.push(f);
      else map.set(name, [f]);
    };
    for (const f of this.fileList?.map(normalizePath) ?? [...this.files.keys()]) {
      if (index.indexed.has(f)) continue;
      index.indexed.add(f);
      const heritage = this.heritageOf(f);
      if (!heritage) continue;
      for (const name of heritage.implemented) add(index.implemented, name, f);
      for (const name of heritage.extended) add(index.extended, name, f);
      for (const [original, alias] of heritage.aliases) add(index.aliases, original, alias);
    }
    if (known) this.implementations.clear();
    return (this.basesIndex = index);
  }

  /** A file's heritage scan: its full scan's when made, else this part alone (the index reads every file). */
  private heritageOf(file: string): HeritageNames | undefined {
    const state = this.load(file);
    if (!state) return undefined;
    return state.scan?.heritage ?? (state.heritage ??= heritageNames(state.text));
  }

  /**
   * The names a declaration of `file` may be written with elsewhere: its own, `default` when the
   * module exports it so, and every alias of those in the project's import and export lists.
   */
  private spellingsOf(file: string, name: string, index: NonNullable<Project["basesIndex"]>): Set<string> {
    const out = new Set([name]);
    if (this.heritageOf(file)?.defaults.includes(name)) out.add("default");
    const work = [...out];
    while (work.length) for (const alias of index.aliases.get(work.pop()!) ?? []) if (!out.has(alias)) out.add(alias), work.push(alias);
    return out;
  }

  /**
   * Other files that may hold a class implementing or extending an interface, abstract class or
   * implementing class this file declares (or an interface extending one), by the text scans alone
   * (the parse in `implementationsOf` decides).
   */
  private inheritorsOf(file: string): string[] {
    const heritage = this.heritageOf(file);
    if (!heritage || (!heritage.interfaces.length && !heritage.abstractClasses.length && !heritage.implementingClasses.length)) return [];
    const index = this.inheritorIndex();
    const files = new Set<string>();
    for (const name of [...heritage.interfaces, ...heritage.abstractClasses, ...heritage.implementingClasses]) {
      for (const s of this.spellingsOf(file, name, index)) for (const f of [...(index.implemented.get(s) ?? []), ...(index.extended.get(s) ?? [])]) files.add(f);
    }
    files.delete(file);
    return [...files];
  }

  /** The classes of other modules that implement (or extend) `name` declared in `file`: by file, verified by a parse (see implementationsOf). */
  private readonly implementations = new Map<string, readonly { readonly file: string; readonly className: string }[]>();

  /**
   * The classes that implement `name` of `file` (an interface or a class), written with any of its
   * names, directly or through an interface that extends it or a class that extends one: each found
   * declaration is searched for in turn. The classes of `file` that name it directly are its own
   * module's to find (see Callees.implementationsOf).
   */
  private implementationsOf(file: string, name: string): readonly { readonly file: string; readonly className: string }[] {
    const key = `${file}\u0000${name}`;
    const known = this.implementations.get(key);
    if (known) return known;
    const found: { file: string; className: string }[] = [];
    this.implementations.set(key, found);
    const index = this.inheritorIndex();
    const seen = new Set([key]);
    const work = [{ file, name }];
    while (work.length) {
      const target = work.pop()!;
      const spellings = this.spellingsOf(target.file, target.name, index);
      const candidates = new Set<string>();
      for (const s of spellings) for (const f of [...(index.implemented.get(s) ?? []), ...(index.extended.get(s) ?? [])]) candidates.add(f);
      for (const f of candidates) {
        const state = this.load(f);
        if (!state || (f !== target.file && !this.mayImport(f, state.text, spellings)) || !this.reachesLlm(f) || rejectInput(f, state.text, this.options)) continue;
        for (const d of this.heritageEntriesOf(f, state).filter((e) => spellings.has(e.base))) {
          if (!this.names(f, d, target)) continue;
          const k = `${f}\u0000${d.name}`;
          if (d.kind === "class" && !(target.file === file && target.name === name && f === file) && !found.some((c) => c.file === f && c.className === d.name)) found.push({ file: f, className: d.name });
          if (!seen.has(k)) seen.add(k), work.push({ file: f, name: d.name });
        }
      }
    }
    return found;
  }

  /** A module's heritage clauses (heritageEntries), kept when its tree is let go: implementations are asked name by name. */
  private heritageEntriesOf(file: string, state: FileState): readonly HeritageEntry[] {
    let entries = this.heritage.get(file);
    if (!entries) this.heritage.set(file, (entries = heritageEntries(this.tsm, this.parsed(state, file))));
    return entries;
  }

  /** Whether a file's imports (by its text scan) may take one of the names: a class of another module can name the declaration only so. */
  private mayImport(file: string, text: string, spellings: ReadonlySet<string>): boolean {
    const scan = this.scanOf(file, text);
    return scan.names.some((n) => n.names === "*" || n.names.some((x) => spellings.has(x)) || !!n.types?.some((x) => spellings.has(x))) || scan.heritage.aliases.some(([, alias]) => spellings.has(alias));
  }

  /** Whether a heritage clause of `file` names the declaration `target` (through its imports and re-exports, under any name). */
  private names(file: string, base: InheritingDeclaration, target: { readonly file: string; readonly name: string }): boolean {
    if (!base.from) return file === target.file && base.local === target.name;
    const declared = this.declaringModule(file, base.from.specifier, base.from.name);
    if (!declared || declared.file !== target.file) return false;
    return declared.name === target.name || this.exportShapeOf(target.file)?.declarationName(declared.name) === target.name;
  }

  private externalFor(file: string): ExternalSummaries {
    return {
      summaryOf: (specifier, exportName) => this.exportedSummary(file, specifier, exportName),
      provisional: () => this.provisional,
      clientOf: (specifier, exportName) => this.exportedClient(file, specifier, exportName),
      resolves: (specifier) => this.resolve(specifier, file) !== undefined,
      constantOf: (specifier, exportName, path) => this.exportedConstant(file, specifier, exportName, path),
      typeAt: (specifier, exportName) => this.declaredType(file, specifier, exportName),
      fanOutOf: (specifier, exportName) => this.exportedFanOut(file, specifier, exportName),
      madeWithoutLoops: (specifier, exportName, loopsWith) => this.exportedMadeWithoutLoops(file, specifier, exportName, loopsWith),
      implementedBy: (name, member) => this.implementedSummaries(file, name, member),
      typeMember: (target, name, key, called) => this.typeMember(file, target, name, key, called),
      returnedInterface: (target, name, member) => this.returnedInterface(file, target, name, member),
      copiedParameter: (specifier, exportName) => this.copiedParameter(file, specifier, exportName),
      loopGuard: (specifier, exportName) => this.loopGuard(file, specifier, exportName),
      collectionMethod: (specifier, exportName, member) => this.collectionMethod(file, specifier, exportName, member),
      routeHandler: (path, method) => this.routeHandler(file, path, method),
      registeredAgent: (name, _from, byId) => this.registeredAgent(file, name, byId),
    };
  }

  /** An app router module's handler is the function exported under the method's name; a pages router module's is its default export. */
  private routeHandler(from: string, path: string, method: string): Summary | undefined {
    const specifier = ROUTE_SPECIFIER + path;
    const target = this.resolve(specifier, from);
    if (!target) return undefined;
    return this.exportedSummary(from, specifier, handlerExport(target, method));
  }

  private exportedSummary(from: string, specifier: string, exportName: string, depth = 0): Summary | undefined {
    const target = this.resolve(specifier, from);
    if (!target || depth > 8) return undefined;
    return this.summaryIn(from, target, exportName, () => this.exportedSummaryOf(target, exportName, depth));
  }

  /**
   * What the classes of other modules that implement (or extend) `name`, an interface or abstract
   * class of `file`, do in `member`: one summary per class that makes LLM calls there, named with
   * its module.
   */
  private implementedSummaries(file: string, name: string, member: string): Summary[] {
    const out: Summary[] = [];
    for (const impl of this.implementationsOf(file, name)) {
      const summary = this.summaryIn(file, impl.file, `class ${impl.className}.${member}`, () => this.classMethodSummary(impl.file, impl.className, member));
      if (summary) out.push({ ...summary, name: `${summary.name} in ${impl.file.slice(impl.file.lastIndexOf("/") + 1)}` });
    }
    // By name, not by the order files were read in.
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private classMethodSummary(file: string, className: string, member: string): Summary | undefined {
    this.stats.exportedSummaries++;
    const own = this.withAnalyzer(file, (a) => a.classMethodSummary(className, member));
    return own && renderSummary(own);
  }

  /** A summary of a module `target`, made once per key (`compute`), import cycles solved as one (see the frames). */
  private summaryIn(from: string, target: string, exportName: string, compute: () => Summary | undefined): Summary | undefined {
    this.files.get(from)?.uses.add(target);
    const targetText = this.load(target)?.text;
    if (!this.options.program && (targetText === undefined || !this.usesLlm(target, targetText))) return undefined;
    const key = `${target}\u0000${exportName}`;
    const done = this.exportedSummaries.get(key);
    if (done !== undefined) return done ?? undefined;
    const solving = this.summarySolving.get(key);
    if (solving) {
      // Leans on a summary of the cycle still being made: not kept by whoever uses it either.
      this.provisional++;
      this.lowerSummaryFrame(solving.low);
      return solving.summary;
    }
    if (this.inProgress.has(key)) {
      // A cycle of summaries: unavailable for now (a back edge contributes nothing: mutual recursion
      // across files is not solved), and whatever relied on it is not kept.
      this.provisional++;
      this.lowerSummaryFrame(this.summaryFrames.findIndex((f) => f.key === key));
      return undefined;
    }
    const frame = { key, depth: this.summaryFrames.length, low: Infinity };
    this.summaryFrames.push(frame);
    let summary: Summary | undefined;
    this.inProgress.add(key);
    try {
      summary = compute();
    } catch (err) {
      // Unwound (a file's time budget): nothing half-solved may be reused.
      if (this.summaryFrames.length === 1) this.summarySolving.clear();
      throw err;
    } finally {
      this.inProgress.delete(key);
      this.summaryFrames.pop();
    }
    this.lowerSummaryFrame(frame.low);
    // Inside an import cycle the answer is kept for the rest of the cycle's solve, so each export of
    // the cycle is summarised once, not once per path through the import graph; when the cycle's
    // first module is done, all of them are kept.
    if (frame.low < frame.depth) {
      this.summarySolving.set(key, { summary, low: frame.low });
      return summary;
    }
    this.exportedSummaries.set(key, summary ?? null);
    for (const [k, s] of this.summarySolving) {
      if (s.low < frame.depth) continue;
      this.summarySolving.delete(k);
      this.exportedSummaries.set(k, s.summary ?? null);
    }
    return summary;
  }

  /**
   * Whether the module a specifier names may export a client or an LLM-calling function, by the
   * import graph alone (as `exportedSummary` asks before parsing): a module that makes no LLM call
   * itself and re-exports nothing that can offers neither, so it is not parsed to find out where
   * an export is declared (gemini-cli's report: 1,016 parses → 659, the same findings).
   */
  private mayMakeLlmCalls(from: string, specifier: string): boolean {
    if (this.options.program) return true;
    const target = this.resolve(specifier, from);
    const text = target ? this.load(target)?.text : undefined;
    if (text === undefined) return false;
    // A provisional "no" (an import cycle still being decided) is not trusted: only a final one.
    // An SDK's own declaration of its function or model class offers it whatever its body does.
    return this.usesLlm(target!, text) || this.uses.get(target!) !== false || isFrameworkDeclaration(catalogWith(this.options), target!);
  }

  /** The innermost exported summary under way used an answer that leans on the one at `low`. */
  private lowerSummaryFrame(low: number): void {
    const top = this.summaryFrames[this.summaryFrames.length - 1];
    if (top && low >= 0 && low < top.depth) top.low = Math.min(top.low, low);
  }

  private exportedSummaryOf(target: string, exportName: string, depth: number): Summary | undefined {
    this.stats.exportedSummaries++;
    const head = exportName.split(".")[0]!;
    const bare = head.endsWith("()") ? head.slice(0, -2) : head;
    // A name no statement of the module exports has no summary there (a barrel's): its kept exports say so without its tree.
    const shape = this.exportShapeOf(target);
    const own = shape?.exports(bare) ? this.withAnalyzer(target, (a) => a.exportedSummary(exportName)) : undefined;
    if (own) return renderSummary(own);
    // Re-exports: `export { ask } from "./llm"`, `export * from "./llm"`; a member (`Model.ask`,
    // `load().review`) of a name re-exported, under the name it has there.
    for (const re of shape?.reExports ?? []) {
      // `export *` from a module whose text never names the export cannot provide it: no parse.
      if (re.all && !this.mentions(target, re.specifier, head)) continue;
      if (re.all || re.names.has(bare)) {
        const found = this.exportedSummary(target, re.specifier, re.all ? exportName : re.names.get(bare)! + exportName.slice(bare.length), depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The client a project module exports under a name (through re-exports), for the files importing it. */
  private exportedClient(from: string, specifier: string, exportName: string): ExportedClient | undefined {
    // A framework's declaration reaches an LLM (reachesLlm): it is among the modules that do.
    const declared = this.declaringModuleReachingLlm(from, specifier, exportName);
    if (!declared) return undefined;
    // The framework's own declaration of a catalog class, imported by a relative path inside its monorepo.
    const framework = frameworkDeclaration(catalogWith(this.options), declared.file, declared.name);
    // An SDK function's own tests (`generate-text.test.ts` beside it) run it on their test models: they
    // reach the function's code as any project function, not the catalog's request.
    if (framework && (framework.client || !isTestPath(withinPackage(from, declared.file)))) {
      this.files.get(from)?.uses.add(declared.file);
      return { entry: framework.entry, ...(framework.client ? { client: framework.client } : {}), path: [], factory: false, declared: declared.name };
    }
    if (!this.reachesLlm(declared.file)) return undefined;
    this.files.get(from)?.uses.add(declared.file);
    const key = `${declared.file}\u0000${declared.name}`;
    const known = this.clients.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.askParsable(declared.file, (analyzer) => analyzer.exportedClient(declared.name));
    this.clients.set(key, found ?? null);
    return found;
  }

  /**
   * The value an `export const` states (`export const MAX_TURNS = 8` in a config module), found as
   * wrappers and clients are (through re-exports); the importer is analysed again when it changes.
   */
  private exportedConstant(from: string, specifier: string, exportName: string, path: readonly string[]): number | string | undefined {
    const declared = this.declaringModule(from, specifier, exportName);
    if (!declared) return undefined;
    this.files.get(from)?.uses.add(declared.file);
    const key = [declared.file, declared.name, ...path].join("\u0000");
    const known = this.constants.get(key);
    if (known !== undefined) return known ?? undefined;
    // Modules whose constants are made from each other's: no value on the way round.
    if (this.constantsInProgress.has(key)) return undefined;
    this.constantsInProgress.add(key);
    let found: number | string | undefined;
    try {
      found = this.askParsable(declared.file, (analyzer) => analyzer.exportedConstant(declared.name, path));
    } finally {
      this.constantsInProgress.delete(key);
    }
    this.constants.set(key, found ?? null);
    return found;
  }

  /**
   * Whether an agent another module exports was made with none of the options that make its runner
   * loop (`export const agent = new Agent({ tools: [hostedMcpTool(…)] })`); no, on the way round
   * modules whose agents are each other's.
   */
  private exportedMadeWithoutLoops(from: string, specifier: string, exportName: string, loopsWith: LoopsWith): boolean {
    const declared = this.declaringModule(from, specifier, exportName);
    if (!declared) return false;
    this.files.get(from)?.uses.add(declared.file);
    const key = `${declared.file}\u0000${declared.name}`;
    if (this.agentsInProgress.has(key)) return false;
    this.agentsInProgress.add(key);
    try {
      return !!this.askParsable(declared.file, (analyzer) => analyzer.exportMadeWithoutLoops(declared.name, loopsWith));
    } finally {
      this.agentsInProgress.delete(key);
    }
  }

  /** The LangGraph fan-out a project module's exported routing function makes (`fanOut` in `addConditionalEdges(START, fanOut)`). */
  private exportedFanOut(from: string, specifier: string, exportName: string): { node: string; collection: string; where: string } | undefined {
    const declared = this.declaringModule(from, specifier, exportName);
    if (!declared) return undefined;
    this.files.get(from)?.uses.add(declared.file);
    const found = this.askParsable(declared.file, (analyzer) => analyzer.exportedFanOut(declared.name));
    return found && { node: found.node, collection: found.collection, where: `${declared.name} at ${declared.file.slice(declared.file.lastIndexOf("/") + 1)}:${found.line}` };
  }

  /** Whether an imported class's method returns the array the class keeps (a history class's `get()`). */
  private collectionMethod(from: string, specifier: string, exportName: string, member: string): boolean {
    const declared = this.declaringModule(from, specifier, exportName);
    if (!declared) return false;
    this.files.get(from)?.uses.add(declared.file);
    const key = [declared.file, declared.name, member].join("\u0000");
    let found = this.collectionMethods.get(key);
    if (found !== undefined) return found;
    found = this.askParsable(declared.file, (analyzer) => analyzer.collectionMethod(declared.name, member)) ?? false;
    this.collectionMethods.set(key, found);
    return found;
  }

  /** Where an imported class or interface is declared (through re-exports), when that module can reach an LLM. */
  private declaredType(from: string, specifier: string, exportName: string): { file: string; name: string } | undefined {
    return this.declaringModuleReachingLlm(from, specifier, exportName);
  }

  /**
   * What a member of a project module's class or interface is (a client, or another declared type),
   * for a module holding one of its instances (`context.config.getContentGenerator()`). Each answer
   * is kept until a file changes; a member met again while it is being answered (types that refer
   * to each other) is unknown, and chains of declared types stop at TYPE_CHAIN_DEPTH modules.
   */
  private typeMember(from: string, file: string, name: string, key: string, called: boolean): TypeMember | undefined {
    this.files.get(from)?.uses.add(file);
    const memoKey = [file, name, key, called ? "()" : ""].join("\u0000");
    const known = this.typeMembers.get(memoKey);
    if (known !== undefined) return known ?? undefined;
    if (this.typeMembersInProgress.has(memoKey) || this.typeMembersInProgress.size >= TYPE_CHAIN_DEPTH) return undefined;
    this.typeMembersInProgress.add(memoKey);
    let found: TypeMember | undefined;
    try {
      found = this.askParsable(file, (analyzer) => analyzer.typeMember(name, key, called));
    } finally {
      this.typeMembersInProgress.delete(memoKey);
    }
    this.typeMembers.set(memoKey, found ?? null);
    return found;
  }

  /** Which parameter another module's exported function returns a copy of (where it is declared, through re-exports). */
  private copiedParameter(from: string, specifier: string, exportName: string): CopiedParameter | undefined {
    const declared = this.declaringModule(from, specifier, exportName);
    if (!declared) return undefined;
    this.files.get(from)?.uses.add(declared.file);
    return this.askParsable(declared.file, (analyzer) => analyzer.exportedCopy(declared.name));
  }

  /** What another module's exported function does to a caller's turn counter (where it is declared, through re-exports); asked once per function. */
  private loopGuard(from: string, specifier: string, exportName: string): LoopGuard | undefined {
    const declared = this.declaringModule(from, specifier, exportName);
    if (!declared) return undefined;
    this.files.get(from)?.uses.add(declared.file);
    const key = `${declared.file}\u0000${declared.name}`;
    const known = this.loopGuards.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.askParsable(declared.file, (analyzer) => analyzer.exportedLoopGuard(declared.name));
    this.loopGuards.set(key, found ?? null);
    return found;
  }

  /** The interface (`file#Name`) a project module's class or interface declares its method to return. */
  private returnedInterface(from: string, file: string, name: string, member: string): string | undefined {
    this.files.get(from)?.uses.add(file);
    return this.askParsable(file, (analyzer) => analyzer.returnedInterface(name, member));
  }

  /** `load().*`: whether the class that an exported factory returns has a method that makes LLM calls. */
  private factoryMadeSummary(from: string, specifier: string, exportName: string): boolean {
    const declared = this.declaringModuleReachingLlm(from, specifier, exportName);
    if (!declared) return false;
    // Only a function can be a factory: the module's kept exports say so without its tree.
    if (!this.exportShapeOf(declared.file)?.isFunction(declared.name)) return false;
    const key = `${declared.file}\u0000${declared.name}`;
    const known = this.factoryMade.get(key);
    if (known !== undefined) return known;
    // An answer that leaned on a summary still being made (an import cycle) is not kept.
    const provisional = this.provisional;
    const found = !!this.askParsable(declared.file, (analyzer) => analyzer.exportedSummary(`${declared.name}().*`));
    if (this.provisional === provisional) this.factoryMade.set(key, found);
    return found;
  }

  /**
   * The module that declares an export and its name there, following `export … from` re-exports
   * (memoised: every importer of a barrel asks for the names it imports).
   */
  private declaringModule(from: string, specifier: string, exportName: string, depth = 0): { file: string; name: string } | undefined {
    const target = this.resolve(specifier, from);
    if (!target || depth > 8) return undefined;
    const key = `${target}\u0000${exportName}`;
    const known = this.declaring.get(key);
    if (known !== undefined) return known ?? undefined;
    if (this.declaringInProgress.has(key)) {
      this.declaringCycles++;
      return undefined;
    }
    this.declaringInProgress.add(key);
    const cyclesBefore = this.declaringCycles;
    let found: { file: string; name: string } | undefined;
    try {
      found = this.findDeclaringModule(target, exportName, depth);
    } finally {
      this.declaringInProgress.delete(key);
    }
    // A "none" that leaned on a cycle of re-exports (answered "none" inside itself) is asked again.
    if (found || this.declaringCycles === cyclesBefore) this.declaring.set(key, found ?? null);
    return found;
  }

  /**
   * `declaringModule`'s answer when that module reaches an LLM, else none: what the client, factory
   * and declared-type questions use. Most names asked are declared in modules that reach none (a
   * barrel's constants and types), and parsing them to find that out was a third to a half of the
   * parses of a run (gemini-cli 418 of 967, openai-agents-js 189 of 748). A module that reaches no
   * LLM re-exports only modules that reach none, so the search passes it by without its export
   * shape; the answer is the same unless a module passed by stood before the one found (the full
   * search would have stopped at it if it declares the name): then the full search decides.
   */
  private declaringModuleReachingLlm(from: string, specifier: string, exportName: string): { file: string; name: string } | undefined {
    const target = this.resolve(specifier, from);
    if (!target) return undefined;
    const passed = { any: false };
    const found = this.declaringReachingLlm(target, exportName, 0, new Set(), passed);
    if (!found || !passed.any) return found;
    const declared = this.declaringModule(from, specifier, exportName);
    return declared && this.reachesLlm(declared.file) ? declared : undefined;
  }

  /** `findDeclaringModule` along the same paths, without the modules that reach no LLM (`passed` says whether one mentioning the name was met). */
  private declaringReachingLlm(target: string, exportName: string, depth: number, open: Set<string>, passed: { any: boolean }): { file: string; name: string } | undefined {
    if (depth > 8) return undefined;
    const key = `${target}\u0000${exportName}`;
    const known = this.declaring.get(key);
    if (known !== undefined && (!known || this.reachesLlm(known.file))) return known ?? undefined;
    // A module that reaches no LLM, or was found to declare the name in one that does not (the full search stops there).
    if (known || !this.reachesLlm(target)) {
      passed.any = true;
      return undefined;
    }
    if (open.has(key) || this.declaringInProgress.has(key)) return undefined;
    const shape = this.exportShapeOf(target);
    if (!shape) return undefined;
    if (shape.declares(exportName)) return { file: target, name: exportName };
    open.add(key);
    try {
      for (const re of shape.reExports) {
        if (re.all && !this.mentions(target, re.specifier, exportName)) continue;
        if (!re.all && !re.names.has(exportName)) continue;
        const next = this.resolve(re.specifier, target);
        const found = next && this.declaringReachingLlm(next, re.all ? exportName : re.names.get(exportName)!, depth + 1, open, passed);
        if (found) return found;
      }
    } finally {
      open.delete(key);
    }
    return undefined;
  }

  private findDeclaringModule(target: string, exportName: string, depth: number): { file: string; name: string } | undefined {
    const shape = this.exportShapeOf(target);
    if (!shape) return undefined;
    if (shape.declares(exportName)) return { file: target, name: exportName };
    for (const re of shape.reExports) {
      if (re.all && !this.mentions(target, re.specifier, exportName)) continue;
      if (re.all || re.names.has(exportName)) {
        const found = this.declaringModule(target, re.specifier, re.all ? exportName : re.names.get(exportName)!, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** A module's exports (FileAnalyzer.exportShape), kept when read without the tree. */
  private exportShapeOf(file: string): ExportShape | undefined {
    const known = this.exportShapes.get(file);
    if (known !== undefined) return known ?? undefined;
    const shape = this.withAnalyzer(file, (a) => a.exportShape());
    if (!shape || shape.standalone) this.exportShapes.set(file, shape ?? null);
    return shape;
  }
}

/** A superseded request unwinds through every answer on its way: none may be kept as "none found". */
function rethrowCancelled(err: unknown): void {
  if (err instanceof AnalysisCancelled) throw err;
}

/** `from`'s path below the folder it shares with `other` (`src/x.test.ts`): folders above the package do not mark it a test. */
function withinPackage(from: string, other: string): string {
  let shared = 0;
  for (let i = 0; i < from.length && from[i] === other[i]; i++) if (from[i] === "/") shared = i + 1;
  return from.slice(shared);
}

/** The inner map of `memo` under `key`, made when missing. */
function memoIn<K>(memo: Map<K, Map<string, string | null>>, key: K): Map<string, string | null> {
  let inner = memo.get(key);
  if (!inner) memo.set(key, (inner = new Map()));
  return inner;
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;

/**
 * Whether `name` occurs in the text not as part of a longer identifier (`Config`, not only
 * `ConfigParameters`): a module that exports a name writes it whole. indexOf, no regular expression.
 */
function hasWord(text: string, name: string): boolean {
  const wordStart = isWordChar(name.charCodeAt(0));
  const wordEnd = isWordChar(name.charCodeAt(name.length - 1));
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if ((!wordStart || at === 0 || !isWordChar(text.charCodeAt(at - 1))) && (!wordEnd || !isWordChar(text.charCodeAt(at + name.length)))) return true;
  }
  return false;
}
