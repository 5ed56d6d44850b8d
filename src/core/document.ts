// The one entry every front end calls for a file: the project's analysis, the file's `// @aalp`
// comments applied to it (ignored calls leave, bounds apply, its own sizes win over those set
// outside it), and, when asked, the advice. The CLI prices it into report sites, the editor's
// worker into lenses, hovers and diagnostics.
import { adviseFindings } from "./advice/diagnostics";
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

export function analyzeDocument(tsm: TS, project: Project, fileName: string, options: DocumentOptions = {}): DocumentResult {
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
