// SARIF 2.1.0 for GitHub code scanning: one result per site at its exact region, one rule per cost
// class (level by class), relative URIs under %SRCROOT%, and partialFingerprints from the site's
// identity (file, function, API, order), which survive line moves. No URL that needs a network.
import type { Log, ReportingDescriptor, Result } from "sarif";
import { RULES as DIAGNOSTIC_RULES, type Rule } from "../advice/rules";
import type { CostClass } from "./costClass";
import type { ReportModel } from "./model";
import type { ReportSite } from "./sites";
import { sarifText } from "./escapeText";
import { assumptionsText, dollarsText } from "./wording";

const SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export const FINGERPRINT_KEY = "aalpSite/v1";

type Level = "note" | "warning" | "error";

const RULES: Readonly<Record<CostClass, { name: string; level: Level; short: string; help: string }>> = {
  constant: { name: "ConstantLlmCost", level: "note", short: "LLM call with constant cost", help: "Input tokens do not grow with any loop around the call. Nothing to do; listed so every call site is visible." },
  linear: { name: "LinearLlmCost", level: "note", short: "LLM call whose cost grows linearly", help: "Input tokens grow with one loop count (one call per item). Expected for per-item work; check that each call receives only its item." },
  quadratic: { name: "QuadraticLlmCost", level: "warning", short: "LLM call whose input grows quadratically", help: "Input tokens grow with the square of a loop count: typically a history or accumulator re-sent on every iteration, or a whole input sent with each of its own parts. Keep a sliding window, summarise older turns, or send each call only its unit." },
  "cubic+": { name: "CubicLlmCost", level: "error", short: "LLM call whose input grows cubically or worse", help: "Input tokens grow with the cube (or more) of loop counts: nested loops each re-sending a growing context. Bound the context of each call." },
  unknown: { name: "UnknownLlmCost", level: "warning", short: "LLM call whose cost could not be bounded", help: "The analysis could not bound the input of this call (a value of unknown size reaches the prompt). Annotate the size with `// @aalp` or restructure the prompt." },
  unbounded: { name: "UnboundedLlmLoop", level: "error", short: "LLM call in a loop with no bound in the code", help: "The loop around this call ends only when data says so (a model's verdict, a score), so the number of calls has no bound in the code. Cap its iterations." },
};

export const ruleId = (c: CostClass): string => `aalp.cost.${c}`;

function rule(c: CostClass): ReportingDescriptor {
  const r = RULES[c];
  return {
    id: ruleId(c),
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.help },
    help: { text: r.help, markdown: `**${r.short}.** ${r.help}\n\nBounds are asymptotic in the loop counts and token sizes named after the code (AALP, Meyerson & Qiu, ICML 2025).` },
    defaultConfiguration: { level: r.level },
    properties: { tags: ["llm-cost", c] },
  };
}

/** A diagnostic rule a site's advice names, with its documentation page (relative to the source root). */
function diagnosticRule(r: Rule): ReportingDescriptor {
  return {
    id: r.code,
    // PascalCase, as SARIF's and GitHub's rule names are: growing-history → GrowingHistory.
    name: r.name.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: r.meta.docs.description },
    fullDescription: { text: r.meta.docs.description },
    // Relative to the tool's own folder, where the pages ship: no public URL is assumed (SARIF's
    // validator wants an absolute one, see test/unit/report/validate-sarif.mjs).
    helpUri: r.meta.docs.url,
    help: { text: `${r.meta.docs.description} See ${r.meta.docs.url}.`, markdown: `${r.meta.docs.description} See [${r.code}](${r.meta.docs.url}).` },
    defaultConfiguration: { level: r.severity === "information" ? "note" : "warning" },
    properties: { tags: ["llm-cost", r.meta.type] },
  };
}

/** Every code a site's advice holds, its related readings included. */
function codesOf(s: ReportSite): string[] {
  return s.advice.flatMap((a) => [a.code, ...a.related.map((r) => r.code)]);
}

/** A lone surrogate (a name no file system gives, but a string can hold) as U+FFFD: encodeURIComponent throws on one. */
const wellFormed = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

function message(s: ReportSite): string {
  const parts = [`${s.sdk} ${s.api} in ${s.function}: input ${s.inputTokens.text} tokens over ${s.calls.text} calls (${s.costClass}), ${dollarsText(s.dollars, s.estimate.exact)} at the assumed sizes.`];
  for (const a of s.advice) parts.push(a.message, ...a.related.map((r) => r.message));
  for (const f of s.fixes) parts.push(`Fix: ${f.title}.`);
  return sarifText(parts.join(" "));
}

function result(s: ReportSite, index: number): Result {
  return {
    ruleId: ruleId(s.costClass),
    ruleIndex: index,
    level: RULES[s.costClass].level,
    message: { text: message(s) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: s.file.split("/").map((seg) => encodeURIComponent(wellFormed(seg))).join("/"), uriBaseId: "%SRCROOT%" },
          region: { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: s.fingerprint },
    properties: {
      site: s.site,
      costClass: s.costClass,
      model: s.model,
      calls: s.calls.text,
      inputTokens: s.inputTokens.text,
      generationCost: s.generationCost.text,
      span: s.span.text,
      dollars: s.dollars,
      diagnostics: codesOf(s),
    },
  };
}

function diagnosticRules(model: ReportModel): ReportingDescriptor[] {
  const named = new Set(model.sites.flatMap(codesOf));
  return DIAGNOSTIC_RULES.filter((r) => named.has(r.code)).map(diagnosticRule);
}

/** `srcRoot`: the file URL (ending in `/`) that the sites' relative paths start from. */
export function reportSarif(model: ReportModel, srcRoot: string): Log {
  const classes = [...new Set(model.sites.map((s) => s.costClass))].sort((a, b) => Object.keys(RULES).indexOf(a) - Object.keys(RULES).indexOf(b));
  return {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        // The cost classes the results are filed under, then the diagnostic rules their advice names
        // (listed in each result's `diagnostics`), each with its page as a relative helpUri.
        tool: { driver: { name: "AALP Lens", version: model.tool.version, semanticVersion: model.tool.version, rules: [...classes.map(rule), ...diagnosticRules(model)] } },
        originalUriBaseIds: { "%SRCROOT%": { uri: srcRoot, description: { text: "The directory aalp report ran in." } } },
        columnKind: "utf16CodeUnits",
        results: model.sites.map((s) => result(s, classes.indexOf(s.costClass))),
        properties: { assumptions: assumptionsText(model) },
      },
    ],
  };
}
