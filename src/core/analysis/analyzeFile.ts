// One file's analysis: parse, find the LLM calls by provenance, bound each one.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";
import type { SdkEntry } from "../catalog/sdks";
import { renderFinding } from "../findingLines";
import type { AnalysisOptions, FileAnalysis, Finding } from "../model";
import { AnalysisCancelled, BudgetExceeded, FileAnalyzer, catalogWith } from "./fileAnalyzer";
import { parseForAnalysis } from "./syntaxTree";

const DEFAULT_MAX_FILE_SIZE = 2_000_000;

/**
 * A cheap text test run before parsing: a file can only hold an LLM call if it names a catalog
 * module or an LLM endpoint. Most files of a workspace are skipped here without a parse.
 */
export function mayContainLlmCalls(text: string, catalog: readonly SdkEntry[], wrappers: readonly string[] = []): boolean {
  return prefilterFor(catalog).test(text) || wrappers.some((w) => text.includes(w));
}

/** How many times the text names a catalog module or an LLM endpoint (as `mayContainLlmCalls` looks for them). */
export function catalogMentions(text: string, catalog: readonly SdkEntry[]): number {
  const re = new RegExp(prefilterFor(catalog).source, "g");
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

const prefilters = new WeakMap<readonly SdkEntry[], RegExp>();
function prefilterFor(catalog: readonly SdkEntry[]): RegExp {
  let re = prefilters.get(catalog);
  if (!re) {
    const escape = (m: string): string => m.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    // A module name directly inside quotes (import/require): whole, or a scope/prefix (`@langchain/…`).
    const modules = catalog.flatMap((e) => e.modules.map((m) => (m.endsWith("/*") ? escape(m.slice(0, -1)) : `${escape(m)}["'\`/]`)));
    re = new RegExp(`["'\`](?:${modules.join("|")})|/v1/chat/completions|api\\.openai\\.com|api\\.anthropic\\.com|generativelanguage\\.googleapis\\.com|:11434/api/`);
    prefilters.set(catalog, re);
  }
  return re;
}

/** Parses and analyses one file on its own; never throws for bad input, it reports the file as skipped. */
export function analyzeFile(tsm: TS, fileName: string, text: string, options?: AnalysisOptions): FileAnalysis {
  return analyzeText(tsm, fileName, text, options, renderFinding);
}

/** As `analyzeFile`, with the lines the findings name still marked (see lineRefs), for a caller that renumbers them. */
export function analyzeFileMarked(tsm: TS, fileName: string, text: string, options?: AnalysisOptions): FileAnalysis {
  return analyzeText(tsm, fileName, text, options, (f) => f);
}

function analyzeText(tsm: TS, fileName: string, text: string, options: AnalysisOptions | undefined, output: (f: Finding) => Finding): FileAnalysis {
  const rejected = rejectInput(fileName, text, options);
  if (rejected) return rejected;
  if (!mayContainLlmCalls(text, catalogWith(options), options?.wrappers)) return { file: fileName, findings: [] };
  return findingsOf(tsm, fileName, () => new FileAnalyzer(tsm, parseForAnalysis(tsm, fileName, text, scriptKindOf(tsm, fileName)), options), output);
}

/** Files the analysis does not read: too large, or binary. */
export function rejectInput(fileName: string, text: string, options?: AnalysisOptions): FileAnalysis | undefined {
  const max = options?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > max) return { file: fileName, findings: [], skipped: `larger than ${max} characters` };
  if (text.includes("\u0000")) return { file: fileName, findings: [], skipped: "binary file" };
  return undefined;
}

/** A file's findings (rendered unless `output` says otherwise), with a syntax error or an exhausted stack reported as a skipped file. */
export function findingsOf(tsm: TS, fileName: string, analyzer: () => FileAnalyzer, output: (f: Finding) => Finding = renderFinding): FileAnalysis {
  try {
    const a = analyzer();
    const findings = a.findings().map((f) => output(f));
    const first = ((a.sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [])[0];
    if (first && findings.length === 0) return { file: fileName, findings, skipped: `syntax error: ${tsm.flattenDiagnosticMessageText(first.messageText, " ")}` };
    return { file: fileName, findings, sourceFile: a.sourceFile };
  } catch (err) {
    // A superseded request: the caller drops it, and the file's result is not made.
    if (err instanceof AnalysisCancelled) throw err;
    if (err instanceof BudgetExceeded) return { file: fileName, findings: [], skipped: err.message };
    // Deep nesting can exhaust the stack (the parser's too); report the file rather than fail the run.
    const reason = err instanceof RangeError ? "nested too deeply to analyse" : err instanceof Error ? err.message : String(err);
    return { file: fileName, findings: [], skipped: `analysis failed: ${reason}` };
  }
}

export function scriptKindOf(tsm: TS, fileName: string): ts.ScriptKind {
  if (/\.tsx$/i.test(fileName)) return tsm.ScriptKind.TSX;
  if (/\.jsx$/i.test(fileName)) return tsm.ScriptKind.JSX;
  if (/\.[cm]?js$/i.test(fileName)) return tsm.ScriptKind.JS;
  return tsm.ScriptKind.TS;
}
