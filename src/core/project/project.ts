// A set of files analysed together: calls are followed into the project's other modules through
// their summaries. Files are parsed and analysed on demand and cached; a change re-analyses that
// file and the files that import it (transitively), nothing else. Import cycles terminate: a
// summary asked for while it is being made is unavailable, never a loop.
import type * as ts from "typescript";
import { findingsOf, mayContainLlmCalls, rejectInput, scriptKindOf } from "../analysis/analyzeFile";
import { FileAnalyzer, catalogWith, type ExternalSummaries } from "../analysis/fileAnalyzer";
import type { Summary } from "../analysis/summary";
import { renderSummary } from "../findingLines";
import type { Scopes, TS } from "../binder/scopes";
import type { AnalysisOptions, FileAnalysis, Finding } from "../model";
import { importedNames, importedSpecifiers, normalizePath, resolveModule, type PathMapping } from "./modulePaths";

export interface ProjectHost {
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
}

export interface ProjectOptions extends AnalysisOptions, PathMapping {
  /** Type-aware mode: the program whose source files and TypeChecker the analysis uses. */
  readonly program?: ts.Program;
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
  scan?: { readonly mentionsSdk: boolean; readonly names: ReturnType<typeof importedNames>; readonly specifiers: readonly string[] };
}

export class Project {
  private readonly files = new Map<string, FileState>();
  private readonly reaches = new Map<string, boolean>();
  private readonly uses = new Map<string, boolean>();
  private readonly deciding = new Map<Map<string, boolean>, Set<string>>();
  /** Counts provisional answers given on cycles (see `decided`). */
  private provisional = 0;
  private readonly resolutions = new Map<string, string | null>();
  private readonly inProgress = new Set<string>();
  /** Counts of parses and analyses, for tests and the benchmark. */
  readonly stats = { parsed: 0, analyzed: 0 };

  constructor(
    private readonly tsm: TS,
    private readonly host: ProjectHost,
    private readonly options: ProjectOptions = {},
  ) {}

  /** The findings of one file (cached until it or a module it uses changes). */
  analyze(fileName: string): FileAnalysis {
    const file = normalizePath(fileName);
    const state = this.load(file);
    if (!state) return { file: fileName, findings: [], skipped: "cannot read" };
    if (state.result) return state.result;
    const rejected = rejectInput(fileName, state.text, this.options);
    let result: FileAnalysis;
    if (rejected) result = rejected;
    // Type-aware mode reads every file: a client can arrive by type alone, with no import to see.
    else if (!this.options.program && !this.usesLlm(file, state.text)) {
      // Decided by the import graph alone: any change may reach it, so any change re-decides it.
      result = { file: fileName, findings: [] };
      state.byImports = true;
    }
    else {
      this.stats.analyzed++;
      result = findingsOf(this.tsm, fileName, () => this.analyzerOf(file)!);
      result = { ...result, file: fileName };
    }
    state.result = result;
    return result;
  }

  /**
   * The findings of some top-level statements of a file (all when `within` is omitted), with the
   * analyser's name resolution, for the incremental advice of an edited file. Their lines are
   * still marked (see lineRefs): `renderFinding` gives what `analyze` gives. Undefined when the
   * file is not read (too large, binary) or nested too deeply to analyse; any other failure throws,
   * for the caller to report.
   */
  analyzeStatements(fileName: string, within?: ReadonlySet<ts.Statement>): { findings: Finding[]; sourceFile: ts.SourceFile; scopes: Scopes } | undefined {
    const analyzer = this.analyzerOf(normalizePath(fileName));
    if (!analyzer) return undefined;
    try {
      return { findings: analyzer.findings(within), sourceFile: analyzer.sourceFile, scopes: analyzer.scopes };
    } catch (err) {
      if (err instanceof RangeError) return undefined;
      throw err;
    }
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
    // An edit keeps module resolution; a file that appears or disappears may change it.
    const edited = this.files.has(file) && this.host.fileExists(file);
    const stale = new Set([file]);
    // Files that used a stale file's summaries are stale too.
    for (let grew = true; grew; ) {
      grew = false;
      for (const [f, s] of this.files) if (!stale.has(f) && [...s.uses].some((u) => stale.has(u))) stale.add(f), (grew = true);
    }
    // Whether a file reaches an LLM through its imports can change only for the files that import
    // the edited one, directly or not: those are decided again (no parse unless they now use one).
    const importers = edited ? this.importersOf(file) : undefined;
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
      this.resolutions.clear();
      for (const st of this.files.values()) {
        st.analyzer = undefined;
        st.result = undefined;
        st.byImports = false;
        st.uses.clear();
      }
      this.uses.clear();
      this.reaches.clear();
    }
  }

  /** The file and every file that imports it, directly or through others (by the resolutions made so far). */
  private importersOf(file: string): Set<string> {
    const reverse = new Map<string, string[]>();
    for (const [key, target] of this.resolutions) {
      if (!target) continue;
      const from = key.slice(0, key.indexOf("\u0000"));
      const list = reverse.get(target);
      if (list) list.push(from);
      else reverse.set(target, [from]);
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
      state.sourceFile = this.tsm.createSourceFile(file, state.text, this.tsm.ScriptTarget.Latest, true, scriptKindOf(this.tsm, file));
      this.stats.parsed++;
    }
    return state.sourceFile;
  }

  private analyzerOf(file: string): FileAnalyzer | undefined {
    const state = this.load(file);
    if (!state) return undefined;
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
    const key = `${from}\u0000${specifier}`;
    let r = this.resolutions.get(key);
    if (r === undefined) {
      r = resolveModule(specifier, from, this.options, (p) => this.host.fileExists(p)) ?? null;
      this.resolutions.set(key, r);
    }
    return r ?? undefined;
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
    const pending = this.deciding.get(memo) ?? new Set<string>();
    this.deciding.set(memo, pending);
    if (pending.has(file)) {
      this.provisional++;
      return false;
    }
    const before = this.provisional;
    pending.add(file);
    let result: boolean;
    try {
      result = compute();
    } finally {
      pending.delete(file);
    }
    if (result || this.provisional === before || pending.size === 0) memo.set(file, result);
    return result;
  }

  private computeUsesLlm(file: string, text: string): boolean {
    const scan = this.scanOf(file, text);
    if (scan.mentionsSdk) return true;
    for (const { specifier, names } of scan.names) {
      const target = this.resolve(specifier, file);
      if (!target || !this.reachesLlm(target)) continue;
      if (names === "*") return true;
      this.files.get(file)?.uses.add(target);
      // A function with a summary, or a class one of whose methods has one.
      for (const name of names) if (this.exportedSummary(file, specifier, name) || this.exportedSummary(file, specifier, `${name}.*`)) return true;
    }
    return false;
  }

  /** Whether the module a specifier names mentions `name` at all (or re-exports everything onward). */
  private mentions(from: string, specifier: string, name: string): boolean {
    const target = this.resolve(specifier, from);
    const text = target ? this.load(target)?.text : undefined;
    if (text === undefined) return false;
    return name === "default" || text.includes(name) || /\bexport\s*\*\s*from\b/.test(text);
  }

  /** A file's text scan (SDK names, imports), kept with its text: edits elsewhere do not redo it. */
  private scanOf(file: string, text: string): NonNullable<FileState["scan"]> {
    const state = this.files.get(file);
    if (state?.scan && state.text === text) return state.scan;
    const scan = { mentionsSdk: mayContainLlmCalls(text, catalogWith(this.options), this.options.wrappers), names: importedNames(text), specifiers: importedSpecifiers(text) };
    if (state && state.text === text) state.scan = scan;
    return scan;
  }

  /** Whether a file can make LLM calls itself or through the project modules it imports. */
  private reachesLlm(file: string): boolean {
    return this.decided(this.reaches, file, () => {
      const state = this.load(file);
      if (!state) return false;
      const scan = this.scanOf(file, state.text);
      return scan.mentionsSdk || scan.specifiers.some((spec) => {
        const target = this.resolve(spec, file);
        return !!target && this.reachesLlm(target);
      });
    });
  }

  private externalFor(file: string): ExternalSummaries {
    return { summaryOf: (specifier, exportName) => this.exportedSummary(file, specifier, exportName), provisional: () => this.provisional };
  }

  private exportedSummary(from: string, specifier: string, exportName: string, depth = 0): Summary | undefined {
    const target = this.resolve(specifier, from);
    if (!target || depth > 8) return undefined;
    this.files.get(from)?.uses.add(target);
    const targetText = this.load(target)?.text;
    if (!this.options.program && (targetText === undefined || !this.usesLlm(target, targetText))) return undefined;
    const key = `${target}\u0000${exportName}`;
    if (this.inProgress.has(key)) {
      // A cycle of summaries: unavailable for now, and whatever relied on it is asked again later.
      this.provisional++;
      return undefined;
    }
    this.inProgress.add(key);
    try {
      let analyzer: FileAnalyzer | undefined;
      try {
        analyzer = this.analyzerOf(target);
      } catch {
        // A file that cannot be parsed offers no summaries; its own report says why.
        return undefined;
      }
      const own = analyzer?.exportedSummary(exportName);
      if (own) return renderSummary(own);
      // Re-exports: `export { ask } from "./llm"`, `export * from "./llm"`.
      const head = exportName.split(".")[0]!;
      for (const re of analyzer?.reExports() ?? []) {
        // `export *` from a module whose text never names the export cannot provide it: no parse.
        if (re.all && !this.mentions(target, re.specifier, head)) continue;
        if (re.all || re.names.has(exportName)) {
          const found = this.exportedSummary(target, re.specifier, re.all ? exportName : re.names.get(exportName)!, depth + 1);
          if (found) return found;
        }
      }
      return undefined;
    } finally {
      this.inProgress.delete(key);
    }
  }
}
