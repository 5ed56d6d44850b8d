// TypeScript diagnostics carry numbers: each stable AALP code has one, in a range of its own, so
// tsserver clients (and the extension, to avoid showing a finding twice) can tell them apart.
import type { DiagnosticCode } from "./types";

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = ["aalp.growing-history", "aalp.whole-input-per-item", "aalp.unbounded-loop", "aalp.generalist-for-constant-output", "aalp.sequential-independent-calls"];

const FIRST = 91001;

export function diagnosticNumber(code: DiagnosticCode): number {
  return FIRST + DIAGNOSTIC_CODES.indexOf(code);
}

export function codeOfNumber(n: number): DiagnosticCode | undefined {
  return DIAGNOSTIC_CODES[n - FIRST];
}
