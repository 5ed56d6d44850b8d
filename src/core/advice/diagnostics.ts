// Diagnostics with stable codes for a file's findings, one rule module each (./rules): what grows,
// what is re-sent, what never stops, what runs one at a time, and where a large model writes a
// one-word answer. One diagnostic per call: readings of the same finding over the same bound are
// merged, the others related to the first.
import type * as ts from "typescript";
import type { Scopes, TS } from "../binder/scopes";
import type { Finding } from "../model";
import { holdsLineMarks, renderLines } from "../lineRefs";
import { formatMessage, RULES } from "./rules";
import type { RuleContext } from "./rules/rule";
import { callAt, parseSource } from "./source";
import type { Advice, AdviceSettings, DiagnosticCode, RelatedAdvice, SentBy } from "./types";

/** The file the findings came from; the AST decides what the bounds alone cannot. */
export interface AdviceSource {
  readonly ts: TS;
  readonly fileName: string;
  readonly text: string;
  /** An already parsed tree of `text`, reused instead of parsing again. */
  readonly sourceFile?: ts.SourceFile;
  /** The analysis's name resolution of `sourceFile`, reused (and the names it reads recorded). */
  readonly scopes?: Scopes;
}

/**
 * Codes that read one finding two ways over the same bound: a history that grows by a whole text
 * on each iteration is also that text re-sent. The second is related to the first.
 */
const MERGED: readonly (readonly [DiagnosticCode, DiagnosticCode])[] = [["aalp.growing-history", "aalp.whole-input-per-item"]];

export function adviseFindings(findings: readonly Finding[], settings: AdviceSettings, source: AdviceSource): Advice[] {
  return adviseMarkedFindings(findings, settings, source).map((a) => (holdsLineMarks(a.message) || a.related.some((r) => holdsLineMarks(r.message)) ? { ...a, ...mapTexts(a, (s) => renderLines(s)) } : a));
}

/** The texts of an advice that name lines: its message and data, and its related advice's. */
export type AdviceTexts = Pick<Advice, "message" | "data" | "related">;

/** The texts with `f` applied to each (to render or renumber the lines they mark). */
export function mapTexts(a: AdviceTexts, f: (s: string) => string): AdviceTexts {
  const data = (d: Advice["data"]): Advice["data"] => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, f(v)]));
  return { message: f(a.message), data: data(a.data), related: a.related.map((r) => ({ ...r, message: f(r.message), data: data(r.data) })) };
}

/** The advice with the lines in its messages still marked (see lineRefs), for findings that are too. */
export function adviseMarkedFindings(findings: readonly Finding[], settings: AdviceSettings, source: AdviceSource): Advice[] {
  if (findings.length === 0) return [];
  const src = parseSource(source.ts, source.fileName, source.text, source.sourceFile, source.scopes);
  return findings.flatMap((f) => {
    const ctx: RuleContext = { src, call: callAt(src, f.start, f.end), settings };
    const reports = RULES.flatMap((rule) => {
      const r = rule.check(f, ctx);
      return r ? [{ rule, ...r, message: formatMessage(rule.meta.messages[r.messageId]!, r.data) }] : [];
    });
    const reported = new Set(reports.map((r) => r.rule.code));
    const relatedTo = (code: DiagnosticCode): DiagnosticCode | undefined => MERGED.find(([first, second]) => second === code && reported.has(first))?.[0];
    return reports
      .filter((r) => relatedTo(r.rule.code) === undefined)
      .map((r): Advice => {
        const related = reports.filter((o) => relatedTo(o.rule.code) === r.rule.code).map((o): RelatedAdvice => ({ code: o.rule.code, messageId: o.messageId, data: o.data, message: o.message }));
        const sent = sentBy(f);
        return { code: r.rule.code, severity: r.rule.severity === "configured" ? settings.severity : r.rule.severity, messageId: r.messageId, data: r.data, message: r.message, related, ...(sent ? { sentBy: sent } : {}), start: f.start, end: f.end, finding: f };
      });
  });
}

/**
 * A call of a wrapper declared in another module: the request is built there, so a fix to what the
 * wrapper adds to each request (its own history, its system prompt, its model) applies there, and
 * one to what the call passes (a history it is given), here.
 */
function sentBy(f: Finding): SentBy | undefined {
  const at = f.throughAt;
  if (!f.through || !at) return undefined;
  const base = at.file.slice(Math.max(at.file.lastIndexOf("/"), at.file.lastIndexOf("\\")) + 1);
  return { name: f.through, file: at.file, line: at.line, message: `The request is sent by ${f.through} (${base}:${at.line}): what it adds to each request is fixed there, what this call passes to it here.` };
}
