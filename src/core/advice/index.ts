// Diagnostics and quick fixes over the engine's findings, for the editor front ends.
export { adviseFindings, type AdviceSource } from "./diagnostics";
export { quickFixesFor, applyEdits } from "./fixes";
export * from "./types";
