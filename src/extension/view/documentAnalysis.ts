// One document's results for every editor surface: the engine's findings with the `@aalp`
// annotations applied, the sizes to assume (settings, overridden by annotations) and the advice.
// The result is kept per file and returned again while the text, the settings and the project's
// analysis are unchanged, so a rescan after a save redoes only the files the save affected.
import * as fs from "node:fs";
import { ts } from "./typescriptModule";
import { AnalysisCancelled, CLASS_ORDER, Project, analyzeDocument as analyzeCoreDocument, costClass, type Advice, type AnalyzeEdited, type AnnotationProblem, type FileAnalysis, type Finding, type QuickFix } from "../../core";
import { adviceSettings, fixesFor, pricedEstimate } from "./adviceAndPricing";
import type { PricedEstimate } from "./costEstimate";
import type { AalpSettings } from "./settingsModel";
import type { SiteRef } from "./workspaceSummary";

export interface DocumentAnalysis {
  readonly findings: readonly Finding[];
  /** Sizes to assume in this file: the settings' values, overridden by the file's `@aalp` ones. */
  readonly assumptions: Readonly<Record<string, number>>;
  /** The file's own `@aalp` values: more specific than any value set for the workspace, they win over it. */
  readonly declared: Readonly<Record<string, number>>;
  readonly advice: readonly Advice[];
  readonly problems: readonly AnnotationProblem[];
  readonly skipped?: string;
}

/**
 * One project over the workspace, so calls of functions from other files are followed: editor
 * texts overlay the disk, and a changed text re-analyses that file and its importers only.
 */
let workspace: { key: string; project: Project; overlay: Map<string, string> } | undefined;

function readDisk(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Analyses made by the projects that settings replaced since: the count below only grows. */
let retiredAnalyses = 0;
/** Analyses stopped inside a file because their request was superseded. */
let stoppedAnalyses = 0;

const never = (): boolean => false;
/** The running request's cancel check, asked by the project between functions (see AnalysisOptions.shouldStop). */
let stopRequested: () => boolean = never;

function projectFor(settings: AalpSettings): { project: Project; overlay: Map<string, string> } {
  const key = [settings.fileBudgetMs, ...settings.wrappers].join("\u0000");
  if (workspace?.key !== key) {
    retiredAnalyses += workspace?.project.stats.analyzed ?? 0;
    const overlay = new Map<string, string>();
    const host = {
      readFile: (p: string) => overlay.get(p) ?? readDisk(p),
      fileExists: (p: string) => overlay.has(p) || fs.existsSync(p),
    };
    const options = { timeBudgetMs: settings.fileBudgetMs, shouldStop: () => stopRequested(), ...(settings.wrappers.length ? { wrappers: settings.wrappers } : {}), ...(workspaceFiles ? { files: workspaceFiles } : {}) };
    workspace = { key, overlay, project: new Project(ts, host, options) };
  }
  return workspace;
}

/** The workspace's files as the host last listed them: where implementations of an interface are searched. */
let workspaceFiles: readonly string[] | undefined;

/**
 * Gives the project the workspace's files (the host lists them for its scan): until then it
 * searches the files read so far for implementations. Whether the list changed the project's
 * answers (then every document's analysis is asked again).
 */
export function useWorkspaceFiles(fileNames: readonly string[] | undefined): boolean {
  workspaceFiles = fileNames?.map((f) => f.replace(/\\/g, "/"));
  return workspace ? workspace.project.setFiles(workspaceFiles) : false;
}

/** Each file's last result, with what it was made from (the project's analysis by identity: a new one means it was redone). */
const made = new Map<string, { text: string; settings: string; analysis: FileAnalysis; result: DocumentAnalysis }>();

/**
 * Gives the project a file's current text: a change invalidates the file and the files that use it.
 * A scan of many files gives every text first, so that no file is analysed against the old text of
 * a module it uses that comes later in the scan.
 */
export function updateDocumentText(fileName: string, text: string, settings: AalpSettings): void {
  const { project, overlay } = projectFor(settings);
  const file = fileName.replace(/\\/g, "/");
  // The first time the editor shows a file, its text is usually what the project read from disk:
  // only a real difference invalidates (and with it the file's importers).
  const known = overlay.get(file) ?? readDisk(file);
  overlay.set(file, text);
  if (known !== text) project.invalidate(file);
}

/** The project over the workspace for these settings, holding the texts given so far (the result store keys by them). */
export function workspaceProject(settings: AalpSettings): Project {
  return projectFor(settings).project;
}

/**
 * The document's analysis. `isCancelled`: asked between functions; true stops the analysis with
 * AnalysisCancelled (the worker's request was superseded), and nothing of it is kept.
 */
export function analyzeDocument(fileName: string, text: string, settings: AalpSettings, isCancelled: () => boolean = never): DocumentAnalysis {
  const outer = stopRequested;
  stopRequested = isCancelled;
  try {
    return analyzeUnlessStopped(fileName, text, settings);
  } catch (err) {
    if (err instanceof AnalysisCancelled) stoppedAnalyses++;
    throw err;
  } finally {
    stopRequested = outer;
  }
}

function analyzeUnlessStopped(fileName: string, text: string, settings: AalpSettings): DocumentAnalysis {
  updateDocumentText(fileName, text, settings);
  const { project } = projectFor(settings);
  const file = fileName.replace(/\\/g, "/");
  const analysis = project.analyze(file);
  const settingsKey = JSON.stringify(settings);
  const last = made.get(file);
  if (last && last.analysis === analysis && last.text === text && last.settings === settingsKey) return last.result;
  const doc = analyzeCoreDocument(ts, project, file, { assume: settings.assumptions, text, ...(settings.diagnosticsEnabled ? { advice: adviceSettings(settings) } : {}) });
  const result: DocumentAnalysis = {
    findings: doc.findings,
    assumptions: doc.assumptions,
    declared: doc.declared,
    advice: doc.advice,
    problems: doc.problems,
    ...(analysis.skipped ? { skipped: analysis.skipped } : {}),
  };
  made.set(file, { text, settings: settingsKey, analysis, result });
  return result;
}

/**
 * The quick fixes of one piece of advice (see adviceAndPricing's fixesFor), verified with the
 * workspace project: a fix at the call of a wrapper from another file is re-analysed with its summary.
 */
export function documentFixes(advice: Advice, fileName: string, text: string, settings: AalpSettings, assumptions: Readonly<Record<string, number>>): QuickFix[] {
  return fixesFor(advice, fileName, text, settings, assumptions, editedAnalyzer(settings));
}

/** The workspace project's re-analysis of an edited text of one of its files (a fix applied). */
export function editedAnalyzer(settings: AalpSettings): AnalyzeEdited {
  const { project } = projectFor(settings);
  return (f, t) => project.analyzeEdited(f.replace(/\\/g, "/"), t);
}

/** Whether `text` is the file's text on disk: only saved texts are kept across sessions (a re-opened workspace shows those). */
export function isSavedText(fileName: string, text: string): boolean {
  return readDisk(fileName.replace(/\\/g, "/")) === text;
}

/** How many file analyses the workspace projects have started (parsed and walked, not served from their cache or the result store). */
export function analysesMade(): number {
  return retiredAnalyses + (workspace?.project.stats.analyzed ?? 0);
}

/** How many analyses were stopped inside a file (a superseded request). */
export function analysesStopped(): number {
  return stoppedAnalyses;
}

export function siteEstimate(a: DocumentAnalysis, f: Finding, settings: AalpSettings): PricedEstimate {
  return pricedEstimate(f, a.assumptions, settings);
}

export function siteRefs(a: DocumentAnalysis, file: string): SiteRef[] {
  return a.findings.map((f) => ({ file, line: f.line, column: f.column, costClass: costClass(f), label: `${f.model ?? "model not static"} in ${f.functionName}`, rank: CLASS_ORDER.indexOf(costClass(f)) }));
}

/** A closed document: its unsaved text stops standing in for the file on disk. */
export function forgetDocument(fileName: string): void {
  if (!workspace) return;
  const file = fileName.replace(/\\/g, "/");
  const open = workspace.overlay.get(file);
  workspace.overlay.delete(file);
  if (open !== undefined && open !== readDisk(file)) workspace.project.invalidate(file);
}
