// Test helpers for the advice: fixtures, applying a fix, type-checking the result in memory
// against SDK stubs, and re-analysing it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { analyzeFile, formatBound, type Finding } from "../../../src/core";
import { adviseFindings, applyEdits, DEFAULT_ADVICE_SETTINGS, quickFixesFor, type Advice, type DiagnosticCode, type QuickFix, type QuickFixId } from "../../../src/core/advice";

export const FIXTURES = path.resolve(__dirname, "../../../../test/fixtures/fixes");

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

export function adviceFor(fileName: string, text: string): Advice[] {
  const r = analyzeFile(ts, fileName, text);
  assert.equal(r.skipped, undefined, `file was skipped: ${r.skipped}`);
  return adviseFindings(r.findings, DEFAULT_ADVICE_SETTINGS, { ts, fileName, text });
}

/** The fix `id` offered for the advice `code` on the call at `line` of a fixture, and the edited text. */
export function applyFix(name: string, line: number, code: DiagnosticCode, id: QuickFixId): { fix: QuickFix; before: string; after: string } {
  const before = fixture(name);
  // A merged finding holds its other codes as related advice, with their fixes.
  const advice = adviceFor(name, before).find((a) => a.finding.line === line && (a.code === code || a.related.some((r) => r.code === code)));
  assert.ok(advice, `no ${code} at line ${line} of ${name}`);
  const fix = quickFixesFor(ts, name, before, advice, DEFAULT_ADVICE_SETTINGS).find((f) => f.id === id);
  assert.ok(fix, `no ${id} fix for ${code} at line ${line} of ${name}`);
  return { fix, before, after: applyEdits(before, fix.edits) };
}

const STUBS = ["openai.d.ts", "ai.d.ts", "anthropic.d.ts"].map((f) => path.join(FIXTURES, "stubs", f));
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  noEmit: true,
};

/** Syntactic and semantic diagnostics of one file, type-checked with the SDK stubs. */
export function typeDiagnostics(name: string, text: string): string[] {
  const file = path.join(FIXTURES, "in-memory", name);
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, onError) => (path.resolve(f) === file ? ts.createSourceFile(f, text, lang) : getSourceFile(f, lang, onError));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === file || fileExists(f);
  const program = ts.createProgram([file, ...STUBS], OPTIONS, host);
  const sf = program.getSourceFile(file)!;
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

/** The finding at a line of a text, re-analysed. */
export function findingAt(name: string, text: string, line: number): Finding {
  const f = analyzeFile(ts, name, text).findings.find((x) => x.line === line);
  assert.ok(f, `no finding at line ${line}`);
  return f;
}

export function input(f: Finding): string {
  return formatBound(f.inputTokens, f.rank);
}

export function span(f: Finding): string {
  return formatBound(f.span, f.rank);
}
