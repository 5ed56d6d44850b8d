// The one entry every front end calls for a file: the project's analysis, the file's `// @aalp`
// comments applied to it (ignored calls leave, bounds apply, its own sizes win over those set
// outside it), and, when asked, the advice. The CLI prices it into report sites, the editor's
// worker into lenses, hovers and diagnostics. The tsserver plugin asks for the advice of each
// program's version of a file incrementally: after an edit, only the top-level statements the
// edit can reach are analysed, and the rest keep their advice (moved and renumbered).
import type * as ts from "typescript";
import { adviseFindings } from "./advice/diagnostics";
import { adviseFile, type AdviceSnapshot } from "./advice/incrementalAdvice";
import type { Advice, AdviceSettings } from "./advice/types";
import { applyAnnotations, parseAnnotations, type AnnotationProblem } from "./annotations";
import type { TS } from "./binder/scopes";
import type { FileAnalysis, Finding } from "./model";
import type { Project } from "./project/project";
import { overlayAssumptions } from "./report/estimate";

export interface DocumentOptions {
  /** Sizes set outside the file (settings, `--assume`); the file's own `@aalp` values win over them. */
  readonly assume?: Readonly<Record<string, number>>;
  /** Advise with these settings; without them the result has no advice. */
  readonly advice?: AdviceSettings;
  /** The file's text, for the comments and the advice when the analysis kept no syntax tree (a skipped file). */
  readonly text?: string;
}

/** The incremental mode: the advice of `sourceFile` (the project's program's), reusing `previous`, the same file's last snapshot. */
export interface IncrementalOptions {
  readonly advice: AdviceSettings;
  readonly incremental: { readonly sourceFile: ts.SourceFile; readonly previous?: AdviceSnapshot };
}

export interface IncrementalResult {
  readonly advice: readonly Advice[];
  /** What the next version's request reuses; undefined when the file is not analysed (too large, nested too deeply, past its budget). */
  readonly snapshot: AdviceSnapshot | undefined;
}

export interface DocumentResult {
  /** The project's analysis, as cached: the same object until the file or a module it uses changes. */
  readonly analysis: FileAnalysis;
  /** The analysis's findings with the file's `@aalp` comments applied. */
  readonly findings: readonly Finding[];
  /** Sizes to assume for the file's sites: `assume` with the file's own values over it. */
  readonly assumptions: Readonly<Record<string, number>>;
  /** The file's own `@aalp` values. */
  readonly declared: Readonly<Record<string, number>>;
  readonly advice: readonly Advice[];
  /** Unreadable `@aalp` comments. */
  readonly problems: readonly AnnotationProblem[];
}

export function analyzeDocument(tsm: TS, project: Project, fileName: string, options: IncrementalOptions): IncrementalResult;
export function analyzeDocument(tsm: TS, project: Project, fileName: string, options?: DocumentOptions): DocumentResult;
export function analyzeDocument(tsm: TS, project: Project, fileName: string, options: DocumentOptions | IncrementalOptions = {}): DocumentResult | IncrementalResult {
  if ("incremental" in options) {
    const { sourceFile, previous } = options.incremental;
    const snapshot = adviseFile(tsm, sourceFile, (within) => project.analyzeStatements(fileName, within), options.advice, () => project.inImportCycle(fileName), previous);
    return { advice: snapshot?.advice ?? [], snapshot };
  }
  return wholeDocument(tsm, project, fileName, options);
}

function wholeDocument(tsm: TS, project: Project, fileName: string, options: DocumentOptions): DocumentResult {
  const analysis = project.analyze(fileName);
  const sourceFile = analysis.sourceFile;
  const text = sourceFile?.text ?? options.text;
  const assume = options.assume ?? {};
  if (text === undefined) return { analysis, findings: analysis.findings, assumptions: assume, declared: {}, advice: [], problems: [] };
  const annotations = parseAnnotations(tsm, sourceFile ?? text);
  const { findings, assumptions } = applyAnnotations(analysis.findings, annotations);
  const advice = options.advice && findings.length ? adviseFindings(findings, options.advice, { ts: tsm, fileName, text, ...(sourceFile ? { sourceFile } : {}) }) : [];
  return { analysis, findings, assumptions: overlayAssumptions(assume, assumptions), declared: assumptions, advice, problems: annotations.problems };
}
