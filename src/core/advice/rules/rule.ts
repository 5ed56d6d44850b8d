// A diagnostic as a rule module, in typescript-eslint's shape: a name, an explicit code number, and
// `meta` with its type, its documentation page and its messages, whose {{placeholders}} a check
// fills with the data of one finding. Tests assert the message id and the data, not the wording.
import type * as ts from "typescript";
import type { Finding } from "../../model";
import type { ParsedSource } from "../source";
import type { AdviceSettings, DiagnosticCode, Severity } from "../types";

export interface RuleMeta<MessageId extends string> {
  /** ESLint's kinds: a `problem` costs more than it must; a `suggestion` could be cheaper or faster. */
  readonly type: "problem" | "suggestion";
  readonly docs: {
    readonly description: string;
    /** The rule's page, relative to the repository root (and to the extension's folder). */
    readonly url: string;
  };
  readonly messages: Readonly<Record<MessageId, string>>;
}

/** What a check reports: which message, and the values of its placeholders. */
export interface RuleReport<MessageId extends string = string> {
  readonly messageId: MessageId;
  readonly data: Readonly<Record<string, string>>;
}

export interface RuleContext {
  readonly src: ParsedSource;
  /** The finding's call expression, when the tree holds it. */
  readonly call: ts.CallExpression | undefined;
  readonly settings: AdviceSettings;
}

export interface Rule<MessageId extends string = string> {
  /** The page's name under docs/diagnostics/, and the code without its `aalp.` prefix. */
  readonly name: string;
  readonly code: DiagnosticCode;
  /** Its TypeScript diagnostic number: fixed, so that editors and saved suppressions keep meaning the same rule. */
  readonly number: number;
  /** `configured`: the `aalp.diagnostics.severity` setting; otherwise always this severity. */
  readonly severity: "configured" | Severity;
  readonly meta: RuleMeta<MessageId>;
  check(f: Finding, ctx: RuleContext): RuleReport<MessageId> | undefined;
}

/** Fills a message's {{placeholders}} (ESLint's syntax); an unknown one stays as written. */
export function formatMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (Object.prototype.hasOwnProperty.call(data, key) ? data[key]! : whole));
}
