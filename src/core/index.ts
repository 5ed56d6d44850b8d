// The analysis engine's public surface. It imports neither `vscode` nor `fs`/`process`, and takes
// the `typescript` module as a parameter: the tsserver plugin must use the copy tsserver hands it.
export { analyzeFile, mayContainLlmCalls } from "./analysis/analyzeFile";
export { AnalysisCancelled } from "./analysis/fileAnalyzer";
export { Bound, formatBound, boundTerms } from "./algebra/bound";
export { Poly } from "./algebra/poly";
export { nameTable, ownValue } from "./nameTables";
export { SDK_CATALOG, ENDPOINT_CATALOG, type SdkEntry, type ApiSpec, type ClientKind } from "./catalog/sdks";
export type { AnalysisOptions, FileAnalysis, Finding, LoopSummary } from "./model";
export * from "./report";
export { Project, type ModuleNode, type ProjectHost, type ProjectOptions } from "./project/project";
export { ResultCache, type ResultCacheOptions, type ResultStorage } from "./project/resultCache";
export type { Summary } from "./analysis/summary";
export * from "./advice";
export * from "./pricing";
export { analyzeDocument, type DocumentOptions, type DocumentResult, type IncrementalOptions, type IncrementalResult } from "./document";
export { applyAnnotations, parseAnnotations, type AnnotationProblem } from "./annotations";
export type { TS } from "./binder/scopes";
export { withFastMembers } from "./fastTypeScript";
export type { AdviceSnapshot } from "./advice/incrementalAdvice";
export { DIAGNOSTIC_CODES, codeOfNumber, diagnosticNumber } from "./advice/codes";
export { normalizePath } from "./project/modulePaths";
