// Diagnostics and quick fixes over the engine's findings, for the editor front ends.
export { adviseFindings, type AdviceSource } from "./diagnostics";
export { quickFixesFor, applyEdits, type AnalyzeEdited } from "./fixes";
export * from "./types";
export { ignoreCallEdit, IGNORE_COMMENT } from "./ignoreCall";
export { docsPath } from "./codes";
