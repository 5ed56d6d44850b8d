// TypeScript diagnostics carry numbers: each AALP rule has its own, fixed in the rule module
// (./rules), in a range of its own, so tsserver clients (and the extension, to avoid showing a
// finding twice) can tell them apart.
import { RULES } from "./rules";
import type { DiagnosticCode } from "./types";

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = RULES.map((r) => r.code);

const NUMBERS = new Map(RULES.map((r) => [r.code, r.number]));
const CODES = new Map(RULES.map((r) => [r.number, r.code]));

export function diagnosticNumber(code: DiagnosticCode): number {
  return NUMBERS.get(code)!;
}

export function codeOfNumber(n: number): DiagnosticCode | undefined {
  return CODES.get(n);
}

/** The rule's documentation page, relative to the repository root and the extension's folder. */
export function docsPath(code: DiagnosticCode): string {
  return RULES.find((r) => r.code === code)!.meta.docs.url;
}
