// What the extension host asks the engine worker (engineWorker.ts): each method takes and returns
// plain data (it crosses a worker boundary by structured clone), and everything that formats,
// prices or re-analyses happens here, off the editor's thread. Findings, bounds and advice stay on
// this side; the host gets the lens titles, the hover's Markdown, the diagnostics' ranges and the
// fixes' edits.
import * as fs from "node:fs";
import { AnalysisCancelled, codeOfNumber, docsPath, IGNORE_COMMENT, overlayAssumptions, type PageAssets, type ReportModel, type ResultCache } from "../../core";
import { ignoreEditFor } from "./adviceAndPricing";
import { derivationMarkdown } from "./derivation";
import { keepUnlessOverBudget, sitesEntryFor, viewEntryFor, type SitesEntry, type ViewEntry } from "./cachedResults";
import { analysesMade, analysesStopped, analyzeDocument, documentFixes, forgetDocument, isSavedText, siteEstimate, siteRefs, updateDocumentText, useWorkspaceFiles, workspaceProject, type DocumentAnalysis } from "./documentAnalysis";
import { fixOutcomesComputed } from "./fixOutcomeCache";
import { lensTitle, lensTooltip } from "./lensTitle";
import type { ExportFormat, ReportView } from "./reportMessages";
import { exportReport } from "./reportExport";
import { reportPageHtml, reportView, type PageShell } from "./reportPage";
import { cacheUse, resultCache, throughCache } from "./resultStore";
import type { AalpSettings, DefaultSizes } from "./settingsModel";
import { sitePosition } from "./sitePosition";
import { workspaceReport, type ReportFile } from "./workspaceReport";
import type { SiteRef } from "./workspaceSummary";

/** How a long request sees that the host no longer wants it, and tells it how far it got. */
export interface RequestContext {
  isCancelled(): boolean;
  progress(done: number, total: number, message: string): void;
}

export interface DocumentRequest {
  readonly fileName: string;
  /** The document's URI: the derivation's line links open it. */
  readonly uri: string;
  readonly text: string;
  readonly settings: AalpSettings;
}

export interface SiteView {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly title: string;
  readonly tooltip: string;
  /** The hover's (and the derivation tab's) Markdown. */
  readonly derivation: string;
}

export interface AdviceView {
  readonly code: string;
  readonly severity: "error" | "warning" | "information" | "hint";
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly related: readonly { readonly code: string; readonly message: string }[];
  /** The rule's page, relative to the extension's folder. */
  readonly docs: string;
  /** The wrapper of another module that sends the request (shown as related information there). */
  readonly sentBy?: { readonly file: string; readonly line: number; readonly message: string };
}

export interface DocumentView {
  readonly sites: readonly SiteView[];
  readonly advice: readonly AdviceView[];
  readonly problems: readonly { readonly line: number; readonly message: string }[];
  /** The status bar's entries for this file. */
  readonly refs: readonly SiteRef[];
  readonly skipped?: string;
}

function documentView(a: DocumentAnalysis, uri: string, settings: AalpSettings): DocumentView {
  return {
    sites: a.findings.map((f) => {
      const e = siteEstimate(a, f, settings);
      return { start: f.start, end: f.end, line: f.line, column: f.column, title: lensTitle(f, e), tooltip: lensTooltip(f, e), derivation: derivationMarkdown(f, e, uri) };
    }),
    advice: a.advice.map((x) => ({ code: x.code, severity: x.severity, message: x.message, start: x.start, end: x.end, related: x.related.map((r) => ({ code: r.code, message: r.message })), docs: docsPath(x.code), ...(x.sentBy ? { sentBy: { file: x.sentBy.file, line: x.sentBy.line, message: x.sentBy.message } } : {}) })),
    problems: a.problems.map((p) => ({ line: p.line, message: p.message })),
    refs: siteRefs(a, uri),
    ...(a.skipped ? { skipped: a.skipped } : {}),
  };
}

/**
 * The document's view, from the result store when neither its text nor a module it imports that
 * reaches an LLM changed since it was stored (for these settings); only a saved text's view is
 * stored. `ctx`: a superseded request stops between functions.
 */
export function analyze(req: DocumentRequest, ctx: RequestContext): DocumentView {
  updateDocumentText(req.fileName, req.text, req.settings);
  const cache = isSavedText(req.fileName, req.text) && resultCache(workspaceProject(req.settings), "view", JSON.stringify(req.settings), viewEntryFor(req.uri), (e: ViewEntry) => keepUnlessOverBudget(e.view.skipped));
  const made = (): ViewEntry => ({ uri: req.uri, view: documentView(analyzeDocument(req.fileName, req.text, req.settings, ctx.isCancelled), req.uri, req.settings) });
  return throughCache(cache || undefined, normalName(req.fileName), made).view;
}

const normalName = (fileName: string): string => fileName.replace(/\\/g, "/");

/** A diagnostic the quick fixes are asked for: the extension's (string code) or the tsserver plugin's (number). */
export interface FixTarget {
  readonly code: string | number;
  readonly start: number;
}

export interface FixView {
  readonly title: string;
  readonly id: string;
  readonly isPreferred: boolean;
  readonly edits: readonly { readonly start: number; readonly end: number; readonly newText: string }[];
}

export interface TargetFixes {
  readonly fixes: readonly FixView[];
  readonly ignore?: { readonly title: string; readonly start: number; readonly newText: string };
  /** "Show documentation" per code the finding holds: the code and its page. */
  readonly docs: readonly { readonly code: string; readonly path: string }[];
}

/** Per target (same order): its fixes, or undefined where no advice is at that code and start. */
export function quickFixes(req: DocumentRequest, targets: readonly FixTarget[]): (TargetFixes | undefined)[] {
  const a = analyzeDocument(req.fileName, req.text, req.settings);
  return targets.map((t) => {
    const code = typeof t.code === "number" ? codeOfNumber(t.code) : t.code;
    const advice = code === undefined ? undefined : a.advice.find((x) => x.code === code && x.start === t.start);
    if (!advice) return undefined;
    const fixes = documentFixes(advice, req.fileName, req.text, req.settings, a.assumptions).map((f) => ({ title: f.title, id: f.id, isPreferred: f.isPreferred, edits: f.edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })) }));
    const ignore = ignoreEditFor(advice, req.fileName, req.text);
    return {
      fixes,
      ...(ignore ? { ignore: { title: `Ignore this call (${IGNORE_COMMENT})`, start: ignore.start, newText: ignore.newText } } : {}),
      docs: [advice.code, ...advice.related.map((r) => r.code)].map((c) => ({ code: c, path: docsPath(c) })),
    };
  });
}

/** A file of a workspace scan: the host gives the text of open documents; the rest is read here. */
export interface ScanFile {
  readonly uri: string;
  readonly fileName: string;
  readonly text?: string;
  readonly settings: AalpSettings;
}

function readText(f: ScanFile): string {
  if (f.text !== undefined) return f.text;
  try {
    return fs.readFileSync(f.fileName, "utf8");
  } catch {
    // Deleted between the host's listing and this read: an empty file has no sites.
    return "";
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every file's texts first (a changed module invalidates its importers wherever they come), then
 * each analysis; between files the worker serves other requests and sees a cancellation.
 */
async function eachFile<F extends ScanFile, T>(files: readonly F[], ctx: RequestContext, each: (f: F, text: string) => T): Promise<T[] | undefined> {
  const texts = files.map(readText);
  files.forEach((f, i) => updateDocumentText(f.fileName, texts[i]!, f.settings));
  const out: T[] = [];
  try {
    for (const [i, f] of files.entries()) {
      await nextTurn();
      if (ctx.isCancelled()) return undefined;
      out.push(each(f, texts[i]!));
      ctx.progress(i + 1, files.length, f.uri);
    }
  } catch (err) {
    // Stopped inside a file (see analyzeDocument's isCancelled).
    if (err instanceof AnalysisCancelled) return undefined;
    throw err;
  }
  return out;
}

async function analyzeAll<F extends ScanFile, T>(files: readonly F[], ctx: RequestContext, each: (f: F, text: string, a: DocumentAnalysis) => T): Promise<T[] | undefined> {
  return eachFile(files, ctx, (f, text) => each(f, text, analyzeDocument(f.fileName, text, f.settings, ctx.isCancelled)));
}

/**
 * The status bar's scan: each file's sites by URI; undefined when cancelled. A file whose text and
 * LLM-reaching imports are as when it was stored (for its folder's settings) is read from the
 * result store, not analysed: re-opening a workspace analyses what changed.
 */
export async function scanSites(files: readonly ScanFile[], ctx: RequestContext): Promise<[string, SiteRef[]][] | undefined> {
  const uris = new Map(files.map((f) => [normalName(f.fileName), f.uri]));
  const accept = (v: unknown, file: string): v is SitesEntry => sitesEntryFor(uris.get(file) ?? "")(v);
  // One cache per folder's settings, made once the scan's texts are in the project.
  const caches = new Map<string, ResultCache<SitesEntry> | undefined>();
  const cacheFor = (settings: AalpSettings) => {
    const key = JSON.stringify(settings);
    if (!caches.has(key)) caches.set(key, resultCache(workspaceProject(settings), "sites", key, accept, (e: SitesEntry) => keepUnlessOverBudget(e.skipped)));
    return caches.get(key);
  };
  return eachFile(files, ctx, (f, text): [string, SiteRef[]] => {
    // An open document's unsaved text is analysed, not stored.
    const cache = f.text === undefined || isSavedText(f.fileName, text) ? cacheFor(f.settings) : undefined;
    const made = (): SitesEntry => {
      const a = analyzeDocument(f.fileName, text, f.settings, ctx.isCancelled);
      return { uri: f.uri, refs: siteRefs(a, f.uri), ...(a.skipped ? { skipped: a.skipped } : {}) };
    };
    return [f.uri, [...throughCache(cache, normalName(f.fileName), made).refs]];
  });
}

/**
 * The workspace's files (the host's list for its scan): an interface's implementations are searched
 * among them, opened or not (none: the files read so far). True when the list changed the analyses: the host asks again for what it shows.
 */
export function workspaceFiles(fileNames: readonly string[] | undefined): boolean {
  return useWorkspaceFiles(fileNames);
}

/** The report's files and model, kept here between the host's scan and its rebuilds and exports. */
let reportFiles: ReportFile[] | undefined;
let reportModel: ReportModel | undefined;

/** The report's scan: analyses every file and keeps them for reportBuild; returns how many (undefined when cancelled). */
export async function reportScan(files: readonly (ScanFile & { readonly relative: string })[], ctx: RequestContext): Promise<number | undefined> {
  const scanned = await analyzeAll(files, ctx, (f, text, analysis): ReportFile => ({ relative: f.relative, fileName: f.fileName, text, analysis, settings: f.settings }));
  if (!scanned) return undefined;
  reportFiles = scanned;
  return scanned.length;
}

export interface ReportBuild {
  readonly version: string;
  readonly assume: Readonly<Record<string, number>>;
  readonly scale: string | null;
  readonly overrides: Readonly<Record<string, number>>;
  readonly defaults: DefaultSizes;
}

/** The report over the last scan, at the page's scale and values; undefined before a scan (a restarted worker). */
export function reportBuild(options: ReportBuild): ReportView | undefined {
  if (!reportFiles) return undefined;
  reportModel = workspaceReport(reportFiles, options);
  return reportView(reportModel, reportFiles, options.defaults);
}

/** The report as the page shows it, in a CLI format; undefined before a build. */
export function reportExport(format: ExportFormat, srcRoot: string, assets: PageAssets): string | undefined {
  return reportModel && exportReport(reportModel, format, srcRoot, () => assets);
}

export function reportPage(shell: PageShell): string {
  return reportPageHtml(shell);
}

/** Where a report row's call is in the document's current text. */
export function reportSitePosition(req: DocumentRequest, relative: string, site: string): { line: number; column: number } | undefined {
  return sitePosition(analyzeDocument(req.fileName, req.text, req.settings), relative, site);
}

export function overlay(base: Readonly<Record<string, number>>, over: Readonly<Record<string, number>>): Record<string, number> {
  return overlayAssumptions(base, over);
}

/** A closed document: its unsaved text stops standing in for the file on disk. */
export function forget(fileName: string): void {
  forgetDocument(fileName);
}

/**
 * The engine's work so far: files analysed, analyses stopped inside a file (superseded), files whose
 * quick fixes were applied and re-analysed, and results read from and written to the result store.
 */
export function work(): { analyses: number; stopped: number; fixOutcomes: number; storeReads: number; storeWrites: number } {
  return { analyses: analysesMade(), stopped: analysesStopped(), fixOutcomes: fixOutcomesComputed(), storeReads: cacheUse.read, storeWrites: cacheUse.stored };
}

/** Answers once the engine is loaded: the host preloads the worker with it at activation. */
export function ping(): true {
  return true;
}
