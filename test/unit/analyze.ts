// Test helper: analyse a snippet and print each finding's bounds the way a reader sees them.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { analyzeFile, formatBound, type Finding } from "../../src/core";

export function analyze(code: string, fileName = "case.ts"): Finding[] {
  const r = analyzeFile(ts, fileName, code);
  assert.equal(r.skipped, undefined, `file was skipped: ${r.skipped}`);
  return [...r.findings];
}

export interface Expected {
  calls?: string;
  input?: string;
  output?: string;
  generation?: string;
  span?: string;
  growth?: string;
  model?: string | null;
  api?: string;
  loops?: string;
}

export function summary(f: Finding): Required<Expected> {
  return {
    calls: formatBound(f.calls, f.rank),
    input: formatBound(f.inputTokens, f.rank),
    output: formatBound(f.outputTokens, f.rank),
    generation: formatBound(f.generationCost, f.rank),
    span: formatBound(f.span, f.rank),
    growth: f.growth,
    model: f.model,
    api: `${f.sdk} ${f.api}`,
    loops: f.loops.map((l) => `${l.kind}@${l.line}:${l.tripCount}${l.dataDependent ? "!" : ""}`).join(" "),
  };
}

/**
 * Asserts one finding per line marked `// @site` (in order), each with the expected fields, and
 * none elsewhere. Lines are 1-based; the marker keeps positions honest when snippets change.
 */
export function expectSites(code: string, expected: readonly Expected[], fileName?: string): void {
  const findings = analyze(code, fileName);
  const marked = code.split("\n").flatMap((l, i) => (l.includes("// @site") ? [i + 1] : []));
  assert.deepEqual(findings.map((f) => f.line), marked, "finding lines differ from the // @site markers");
  assert.equal(expected.length, findings.length, "expected entries must match the sites");
  findings.forEach((f, i) => {
    const got = summary(f);
    const want = expected[i]!;
    const picked = Object.fromEntries(Object.keys(want).map((k) => [k, got[k as keyof Expected]]));
    assert.deepEqual(picked, want, `site ${i + 1} at line ${f.line}`);
  });
}
