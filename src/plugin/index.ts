// The TypeScript language-service plugin: the engine inside tsserver, so findings and fixes appear
// in TypeScript's own diagnostics and code fixes in any editor that loads tsserver plugins. It
// uses only the `typescript` module tsserver hands it (type imports only), decorates the language
// service without mutating it, and fails open: on an unsupported TypeScript or any internal error
// the original service answers and the error goes to the project service's log.
import type * as ts from "typescript/lib/tsserverlibrary";
import { ignoreCallEdit, IGNORE_COMMENT, quickFixesFor, type Advice, type TextEdit, analyzeDocument, type AdviceSnapshot, DIAGNOSTIC_CODES, codeOfNumber, diagnosticNumber, Project, type TS } from "../core";
import { fixSettingsFor } from "./fixPricing";
import { pluginSettings, type PluginConfig } from "./settings";

const LOG_PREFIX = "[aalp-lens]";

interface FileAdvice {
  readonly sourceFile: ts.SourceFile;
  readonly advice: readonly Advice[];
}

function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  // A plain copy: the module's properties are getters, and the engine reads `ts.isX` per node.
  const tsm: typeof ts = { ...modules.typescript };
  let config: PluginConfig = {};
  const services = new Set<{ configure(c: PluginConfig): void }>();

  function create(info: ts.server.PluginCreateInfo): ts.LanguageService {
    const log = (message: string): void => info.project.projectService.logger.info(`${LOG_PREFIX} ${message}`);
    const major = Number(tsm.versionMajorMinor.split(".")[0]);
    if (!(major >= 5 && major < 7)) {
      log(`TypeScript ${tsm.version} is not supported (5.x–6.x); the plugin stays off`);
      return info.languageService;
    }
    try {
      const service = decorate(tsm, info, () => pluginSettings({ ...(info.config as PluginConfig), ...config }), log);
      services.add(service);
      log(`enabled for ${info.project.getProjectName()}`);
      return service.languageService;
    } catch (err) {
      log(`failed to start, TypeScript's own service is used: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return info.languageService;
    }
  }

  return {
    create,
    // Settings from the VS Code extension, through the TypeScript extension's configurePlugin API.
    onConfigurationChanged(next: PluginConfig) {
      config = next ?? {};
      for (const s of services) s.configure(config);
    },
  };
}

function decorate(tsm: typeof ts, info: ts.server.PluginCreateInfo, settingsOf: () => ReturnType<typeof pluginSettings>, log: (m: string) => void): { languageService: ts.LanguageService; configure(c: PluginConfig): void } {
  const original = info.languageService;
  const logged = (): boolean => info.project.projectService.logger.hasLevel(tsm.server.LogLevel.normal);
  let settings = settingsOf();
  // Results per program: a new program (an edit) starts a new project, whose summaries are made on
  // demand, and an empty cache (an unchanged file keeps its SourceFile across programs, but its
  // advice may rest on another file's summary that changed). Weak: a superseded program, with its
  // checker and all the analysis learnt from it, goes when tsserver lets go of it, not at the next
  // request: the next edit's type check runs without it in the heap.
  let perProgram = new WeakMap<ts.Program, { project: Project; cache: WeakMap<ts.SourceFile, FileAdvice> }>();
  // Each file's last advice, with the program around it: an edit of that file alone re-analyses
  // only the statements it can reach.
  let lastVersions = new Map<string, { others: readonly ts.SourceFile[]; options: ts.CompilerOptions; snapshot: AdviceSnapshot }>();

  const analysesOf = (program: ts.Program): { project: Project; cache: WeakMap<ts.SourceFile, FileAdvice> } => {
    let analyses = perProgram.get(program);
    if (!analyses) {
      const host = {
        readFile: (p: string) => program.getSourceFile(p)?.text ?? tsm.sys.readFile(p),
        fileExists: (p: string) => !!program.getSourceFile(p) || tsm.sys.fileExists(p),
      };
      const options = program.getCompilerOptions();
      // The program's root files are where the implementations of an interface are searched (a file never opened included).
      const project = new Project(tsm as unknown as TS, host, { program: program as never, wrappers: settings.wrappers, files: program.getRootFileNames(), ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(options.paths ? { paths: options.paths } : {}) });
      perProgram.set(program, (analyses = { project, cache: new WeakMap() }));
    }
    return analyses;
  };

  // The caller's program: each getProgram() of the inner service checks the project is up to date.
  const adviceFor = (program: ts.Program | undefined, fileName: string): FileAdvice | undefined => {
    if (!settings.enabled) return undefined;
    const sourceFile = program?.getSourceFile(fileName);
    if (!program || !sourceFile || sourceFile.isDeclarationFile) return undefined;
    const { project: analyses, cache } = analysesOf(program);
    const cached = cache.get(sourceFile);
    if (cached) return cached;
    const started = performance.now();
    const last = lastVersions.get(fileName);
    const others = program.getSourceFiles().filter((f) => f !== sourceFile);
    const unchangedAround = !!last && last.options === program.getCompilerOptions() && last.others.length === others.length && others.every((f, i) => f === last.others[i]);
    const { snapshot } = analyzeDocument(tsm as unknown as TS, analyses, fileName, { advice: settings.advice, incremental: { sourceFile: sourceFile as never, ...(unchangedAround ? { previous: last.snapshot } : {}) } });
    if (snapshot) lastVersions.set(fileName, { others, options: program.getCompilerOptions(), snapshot });
    else lastVersions.delete(fileName);
    if (snapshot && logged()) log(`${fileName}: analysed ${snapshot.analysed} of ${snapshot.units.length} top-level statements in ${(performance.now() - started).toFixed(1)} ms${snapshot.renumbered ? ` (${snapshot.renumbered} kept renumbered)` : ""}`);
    const entry = { sourceFile, advice: snapshot?.advice ?? [] };
    cache.set(sourceFile, entry);
    return entry;
  };

  /** Runs the plugin's part; on any error logs it and answers with TypeScript's own result. */
  const guarded = <T>(what: string, own: () => T, extend: (own: T) => T): T => {
    const result = own();
    try {
      return extend(result);
    } catch (err) {
      log(`${what} failed, TypeScript's own answer is used: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return result;
    }
  };

  const overrides: Partial<ts.LanguageService> = {
    getSemanticDiagnostics: (fileName) =>
      guarded("diagnostics", () => original.getSemanticDiagnostics(fileName), (own) => {
        const program = original.getProgram();
        const entry = adviceFor(program, fileName);
        return entry ? [...own, ...entry.advice.map((a) => toDiagnostic(tsm, entry.sourceFile, a, (f) => program?.getSourceFile(f)))] : own;
      }),
    getCodeFixesAtPosition: (fileName, start, end, errorCodes, formatOptions, preferences) =>
      guarded("code fixes", () => original.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences), (own) => {
        const wanted = new Set(errorCodes.map(codeOfNumber).filter((c) => c !== undefined));
        if (wanted.size === 0) return own;
        const program = original.getProgram();
        const entry = adviceFor(program, fileName);
        if (!program || !entry) return own;
        const hits = entry.advice.filter((a) => wanted.has(a.code) && a.start < end + 1 && start < a.end + 1);
        const text = entry.sourceFile.text;
        const action = (fixName: string, description: string, edits: readonly TextEdit[]): ts.CodeFixAction => ({
          fixName,
          description,
          changes: [{ fileName, textChanges: edits.map((e) => ({ span: { start: e.start, length: e.end - e.start }, newText: e.newText })) }],
        });
        // Re-analysed with the project, so a fix at the call of another module's wrapper is verified with its summary.
        const analyze = (f: string, t: string): ReturnType<Project["analyzeEdited"]> => analysesOf(program).project.analyzeEdited(f, t);
        const fixes = hits.flatMap((a) => quickFixesFor(tsm as unknown as TS, fileName, text, a, fixSettingsFor(tsm as unknown as TS, settings, entry.sourceFile as never, a), analyze).map((fix) => action(`aalp.${fix.id}`, fix.title, fix.edits)));
        // "Ignore this call", once per call however many of its diagnostics were asked about.
        const ignores = [...new Set(hits.map((a) => a.start))].flatMap((start) => {
          const edit = ignoreCallEdit(tsm as unknown as TS, fileName, text, start);
          return edit ? [action("aalp.ignore", `Ignore this call (${IGNORE_COMMENT})`, [edit])] : [];
        });
        return [...fixes, ...ignores, ...own];
      }),
    getSupportedCodeFixes: (fileName?: string) =>
      guarded("supported code fixes", () => original.getSupportedCodeFixes(fileName), (own) => [...own, ...DIAGNOSTIC_CODES.map((c) => String(diagnosticNumber(c)))]),
  };

  // Decorate without mutating: every other method is the original's.
  const languageService = new Proxy(original, {
    get(target, prop, receiver) {
      const own = (overrides as Record<PropertyKey, unknown>)[prop];
      return own ?? Reflect.get(target, prop, receiver);
    },
  });
  return {
    languageService,
    configure: () => {
      settings = settingsOf();
      perProgram = new WeakMap();
      lastVersions = new Map();
      // Editors re-request diagnostics of open files on this event (projectsUpdatedInBackground):
      // turning the plugin off or on through configurePlugin shows at once, not at the next edit.
      try {
        info.project.refreshDiagnostics();
      } catch (err) {
        log(`could not refresh diagnostics after a configuration change: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}

/** `sourceFileOf`: the program's file of a path, for related information in another module. */
function toDiagnostic(tsm: typeof ts, file: ts.SourceFile, a: Advice, sourceFileOf: (path: string) => ts.SourceFile | undefined): ts.Diagnostic {
  const category = a.severity === "error" ? tsm.DiagnosticCategory.Error : a.severity === "warning" ? tsm.DiagnosticCategory.Warning : tsm.DiagnosticCategory.Suggestion;
  const span = { file, start: a.start, length: a.end - a.start };
  const relatedInformation = a.related.map((r): ts.DiagnosticRelatedInformation => ({ ...span, messageText: `${r.message} [${r.code}]`, category: tsm.DiagnosticCategory.Message, code: diagnosticNumber(r.code) }));
  const wrapper = a.sentBy && sourceFileOf(a.sentBy.file);
  if (a.sentBy && wrapper && a.sentBy.line <= wrapper.getLineStarts().length) {
    // At the wrapper's declaration line, past its indentation.
    const lineStart = wrapper.getPositionOfLineAndCharacter(a.sentBy.line - 1, 0);
    const indent = /^[ \t]*/.exec(wrapper.text.slice(lineStart, lineStart + 200))![0].length;
    relatedInformation.push({ file: wrapper, start: lineStart + indent, length: 0, messageText: a.sentBy.message, category: tsm.DiagnosticCategory.Message, code: diagnosticNumber(a.code) });
  }
  return { ...span, messageText: `${a.message} [${a.code}]`, category, code: diagnosticNumber(a.code), source: "aalp", ...(relatedInformation.length ? { relatedInformation } : {}) };
}

export = init;
