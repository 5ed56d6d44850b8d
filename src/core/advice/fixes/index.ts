// The quick fixes for one piece of advice, each verified by re-analysing the edited text.
import type { TS } from "../../binder/scopes";
import { callAt, parseSource } from "../source";
import type { Advice, AdviceSettings, DiagnosticCode, QuickFix } from "../types";
import type { AnalyzeEdited, FixContext } from "./context";
import { parallelize, parallelizeAll } from "./parallelize";
import { resetHistory } from "./resetHistory";
import { routeSmallerModel } from "./routeSmallerModel";
import { scopeToFunction } from "./scopeToFunction";
import { summarizeHistory } from "./summarizeHistory";
import { windowHistory } from "./windowHistory";

type Fix = (ctx: FixContext) => QuickFix | undefined;

const FIXES: Record<DiagnosticCode, readonly Fix[]> = {
  "aalp.growing-history": [windowHistory, summarizeHistory, resetHistory],
  "aalp.whole-input-per-item": [scopeToFunction],
  "aalp.unbounded-loop": [],
  "aalp.generalist-for-constant-output": [routeSmallerModel],
  "aalp.sequential-independent-calls": [parallelize, parallelizeAll],
};

/** `analyze`: the project's re-analysis of an edited text, where the front end has one (see AnalyzeEdited). */
export function quickFixesFor(ts: TS, fileName: string, text: string, advice: Advice, settings: AdviceSettings, analyze?: AnalyzeEdited): QuickFix[] {
  const src = parseSource(ts, fileName, text);
  const call = callAt(src, advice.start, advice.end);
  if (!call) return [];
  const ctx: FixContext = { src, fileName, call, advice, settings, ...(analyze ? { analyze } : {}) };
  // A merged finding offers the fixes of every code it holds, each fix once.
  const fixes = [advice.code, ...advice.related.map((r) => r.code)].flatMap((code) => FIXES[code]);
  return [...new Set(fixes)].flatMap((fix) => fix(ctx) ?? []);
}

export { applyEdits, type AnalyzeEdited } from "./context";
