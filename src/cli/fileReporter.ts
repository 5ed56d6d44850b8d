// One file's report sites: the engine's Project (cross-file summaries, cached) analyses it, the
// report model prices it and, when it has sites, advises on it. The same code runs on the main
// thread and in each worker; its setup is plain data so that it can be sent to one.
import * as path from "node:path";
import typescript = require("typescript");
import { DEFAULT_ADVICE_SETTINGS, Project, analyzeDocument, fixOutcomes, normalizePath, sitesOfFile, withFastMembers, type AnnotationProblem, type FileSites, type SdkEntry, type SiteOptions } from "../core";
import { nestedPathMappings, nodeHost, pathMapping, programOf } from "./projectHost";
import { directoryCache } from "./resultCacheDir";

// Not a namespace copy: bundled, `import * as ts` reads every `ts.x` through esbuild's getter, and
// the engine calls `ts.isX` on every node it visits (a sixth of a 1.9 MB file's run). TypeScript's
// own module reads them through getters too: its type tests and enums are made plain constants.
const ts = withFastMembers(typescript);

export interface ReporterSetup {
  readonly catalog: SdkEntry[];
  readonly wrappers: string[];
  readonly configFile: string | undefined;
  /** The tsconfig was given with --project (its errors are usage errors). */
  readonly explicitProject: boolean;
  readonly types: boolean;
  /** Reported paths are relative to this folder. */
  readonly cwd: string;
  readonly siteOptions: SiteOptions;
  /** Price each site's quick fixes (text, markdown and HTML show the savings; JSON and SARIF do not need them). */
  readonly priceFixes: boolean;
  /** The analysis time one file may take (the engine skips it with the reason past that). */
  readonly timeBudgetMs: number;
  /** Every file of the run: a file is let go once it and the files of the run that import it are reported (see releaser). */
  readonly files?: readonly string[];
  /** `--cache DIR` (not with `types`), and the version the entries are made by. */
  readonly cache?: { readonly dir: string; readonly version: string };
}

/** What the cache did for one file (`--cache`): read, analysed and stored, or neither (no LLM reached, or not kept). */
export type CacheUse = "read" | "stored" | "none";

/** A file's sites, the problems with its `@aalp` comments (the CLI warns about them), and with --cache what the cache did. */
export type ReportedFile = FileSites & { readonly annotationProblems?: readonly AnnotationProblem[]; readonly cache?: CacheUse };

export type FileReporter = (file: string) => ReportedFile;

export function fileReporter(setup: ReporterSetup): FileReporter {
  const host = nodeHost();
  const program = setup.types ? programOf(setup.configFile) : undefined;
  const mapping = pathMapping(setup.configFile, setup.explicitProject);
  // Without --project, a nested folder's own tsconfig paths resolve its files' imports (an example app's `@/…`).
  const mappingFor = setup.explicitProject ? undefined : nestedPathMappings(setup.configFile);
  const project = new Project(ts, host, { catalog: setup.catalog, wrappers: setup.wrappers, timeBudgetMs: setup.timeBudgetMs, ...mapping, ...(mappingFor ? { mappingFor } : {}), ...(program ? { program } : {}), ...(setup.files ? { files: setup.files } : {}) });
  const display = (f: string): string => path.relative(setup.cwd, f).split(path.sep).join("/");
  const release = releaser(project, setup.files, !!program);
  const report = (file: string): ReportedFile => {
    // The file's `// @aalp` comments, as in the editor: ignored sites leave the report, bounds
    // apply, and the file's own sizes win over --assume for its sites.
    const doc = analyzeDocument(ts, project, file, { assume: setup.siteOptions.assume });
    const { analysis } = doc;
    // A file the analysis parsed has its text and comments in its syntax tree.
    const sourceFile = analysis.sourceFile;
    if (!sourceFile) return sitesOfFile(analysis, display(file), setup.siteOptions);
    const problems = doc.problems.length ? { annotationProblems: doc.problems } : {};
    if (analysis.findings.length === 0) return { ...sitesOfFile(analysis, display(file), setup.siteOptions), ...problems };
    const outcomes = fixOutcomes(doc.findings, { ts, fileName: file, text: sourceFile.text, settings: DEFAULT_ADVICE_SETTINGS, fixes: setup.priceFixes, sourceFile, analyze: (f, t) => project.analyzeEdited(f, t) });
    const options = { ...setup.siteOptions, assume: doc.assumptions };
    return { ...sitesOfFile({ ...analysis, findings: doc.findings }, display(file), options, outcomes), ...problems };
  };
  if (!setup.cache || program) {
    return (file) => {
      const result = report(file);
      release(file);
      return result;
    };
  }
  // Everything but the files' texts that a result depends on (the time budget only decides skips, which are not kept).
  const settings = JSON.stringify({ catalog: setup.catalog, wrappers: setup.wrappers, mapping, cwd: setup.cwd, sites: setup.siteOptions, fixes: setup.priceFixes });
  const cache = directoryCache(project, { dir: setup.cache.dir, version: setup.cache.version, tsVersion: ts.version, settings, display });
  return (file) => {
    const before = { ...cache.stats };
    const result = cache.cached(file, () => report(file));
    release(file);
    return { ...result, cache: cache.stats.hits > before.hits ? "read" : cache.stats.stored > before.stored ? "stored" : "none" };
  };
}

/**
 * The syntax trees a batch run holds at most, between two files (Project.releaseTrees) and inside
 * one, where the trees no question is using go past it (Project.holdTrees). The peak RSS of
 * openai-agents-js and gemini-cli is one file's analysis (a summary that reaches 216 modules of
 * agents-core; gemini-cli's `evals/answer-vs-act.eval.ts`): 128 brought it from 434 to 360 MB and
 * from 358 to 311 MB for 11% and 24% more parses; 64 to 293 and 289 MB, for 28% and 46% more
 * (gemini-cli: +21% of CPU). See docs/performance.md, ninth pass.
 */
const HELD_TREES = 128;

/**
 * Memory for a batch run: a file's syntax tree and analysis are let go (Project.release) once the
 * file has been reported and so have all the files of the run that import it (by the text scan of
 * their imports), so the project holds the modules still to be asked rather than every file seen;
 * past `keepTrees`, the trees asked for least recently go too. What importers took from a module
 * (summaries, clients) stays; a module asked again is parsed again.
 */
export function releaser(project: Pick<Project, "importTargets" | "release" | "releaseTrees" | "holdTrees">, files: readonly string[] | undefined, typeAware: boolean, keepTrees = HELD_TREES): (file: string) => void {
  if (!files || typeAware) return () => {};
  project.holdTrees(keepTrees);
  let graph: { targets: Map<string, string[]>; pending: Map<string, number> } | undefined;
  const reported = new Set<string>();
  return (fileName) => {
    if (!graph) {
      const targets = new Map<string, string[]>();
      const pending = new Map<string, number>();
      for (const f of files) {
        const from = normalizePath(f);
        const to = [...new Set(project.importTargets(f))].filter((t) => t !== from);
        targets.set(from, to);
        for (const t of to) pending.set(t, (pending.get(t) ?? 0) + 1);
      }
      graph = { targets, pending };
    }
    const { targets, pending } = graph;
    const letGo = (f: string): void => {
      if (reported.has(f) && !pending.get(f)) project.release(f);
    };
    const file = normalizePath(fileName);
    reported.add(file);
    letGo(file);
    for (const t of targets.get(file) ?? []) {
      pending.set(t, pending.get(t)! - 1);
      letGo(t);
    }
    project.releaseTrees(keepTrees);
  };
}
