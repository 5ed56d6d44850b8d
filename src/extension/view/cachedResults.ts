// What the worker keeps in the result store, and the shape checks an entry must pass before use
// (a store folder can hold anything: an older layout, another file's entry, a planted one). Two
// kinds per file: the status bar's entries (the scan) and the document view (lenses, hovers,
// diagnostics), each with the URI it was made for, since both name it.
import type { AdviceView, DocumentView, SiteView } from "./engineApi";
import type { SiteRef } from "./workspaceSummary";

export interface SitesEntry {
  readonly uri: string;
  readonly refs: readonly SiteRef[];
  readonly skipped?: string;
}

export interface ViewEntry {
  readonly uri: string;
  readonly view: DocumentView;
}

type Checked = Record<string, unknown>;

const isObject = (v: unknown): v is Checked => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === "string";
const arrayOf = <T>(v: unknown, each: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(each);
const numbers = (o: Checked, ...keys: string[]): boolean => keys.every((k) => isNumber(o[k]));
const strings = (o: Checked, ...keys: string[]): boolean => keys.every((k) => isString(o[k]));

const isSiteRef = (v: unknown): v is SiteRef => isObject(v) && strings(v, "file", "costClass", "label") && numbers(v, "line", "column", "rank");

const isSiteView = (v: unknown): v is SiteView => isObject(v) && numbers(v, "start", "end", "line", "column") && strings(v, "title", "tooltip", "derivation");

const isRelated = (v: unknown): v is AdviceView["related"][number] => isObject(v) && strings(v, "code", "message");

const isSentBy = (v: unknown): boolean => v === undefined || (isObject(v) && strings(v, "file", "message") && numbers(v, "line"));

const SEVERITIES: ReadonlySet<unknown> = new Set(["error", "warning", "information", "hint"]);

const isAdviceView = (v: unknown): v is AdviceView => isObject(v) && strings(v, "code", "message", "docs") && SEVERITIES.has(v.severity) && numbers(v, "start", "end") && arrayOf(v.related, isRelated) && isSentBy(v.sentBy);

const isProblem = (v: unknown): v is DocumentView["problems"][number] => isObject(v) && numbers(v, "line") && strings(v, "message");

function isDocumentView(v: unknown): v is DocumentView {
  return isObject(v) && arrayOf(v.sites, isSiteView) && arrayOf(v.advice, isAdviceView) && arrayOf(v.problems, isProblem) && arrayOf(v.refs, isSiteRef) && (v.skipped === undefined || isString(v.skipped));
}

/** The scan's entry for the file at `uri`, every ref naming it. */
export const sitesEntryFor =
  (uri: string) =>
  (v: unknown): v is SitesEntry =>
    isObject(v) && v.uri === uri && arrayOf(v.refs, isSiteRef) && v.refs.every((r) => r.file === uri) && (v.skipped === undefined || isString(v.skipped));

/** The document view of the file at `uri`. */
export const viewEntryFor =
  (uri: string) =>
  (v: unknown): v is ViewEntry =>
    isObject(v) && v.uri === uri && isDocumentView(v.view) && v.view.refs.every((r) => r.file === uri);

/** A file skipped for its time budget is analysed again next session: the verdict depends on the machine's load. */
export const keepUnlessOverBudget = (skipped: string | undefined): boolean => !skipped?.includes("budget");
