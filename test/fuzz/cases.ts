// One fuzz input from (seed, index), run through the engine and every sink, with the checks: no
// exception but the documented usage errors, and every text sink escaped. Returns the problems.
// The module itself: `import * as` would read every ts.isX the engine calls through a getter.
import ts = require("typescript");
import { parseArgs, UsageError } from "../../src/cli/args";
import { Gitignore } from "../../src/cli/gitignore";
import { GlobSet } from "../../src/cli/glob";
import { checkBaseline, checkCatalog } from "../../src/cli/jsonInput";
import { compilePattern, PatternError } from "../../src/cli/wildmatch";
import { analyzeFile, baselineSites, buildReport, reportHtml, reportJson, reportMarkdown, reportSarif, reportText, sitesOfFile, type SdkEntry } from "../../src/core";
import { parseAnnotations } from "../../src/core/annotations";
import { annotationText, argv, globPattern, HOSTILE, int, mutatedJson, mutatedProgram, pathOf, pathologicalFile, pick, rng, type Rng } from "./generators";

export const KINDS = ["program", "program", "program", "pathological", "gitignore", "glob", "catalog", "baseline", "annotation", "argv"] as const;
export type Kind = (typeof KINDS)[number];

export const kindOf = (index: number): Kind => KINDS[index % KINDS.length]!;
const rngOf = (seed: number, index: number): Rng => rng(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77));

/** Control characters other than a newline: none may reach a text sink. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** GitHub's table row split (see test/unit/report/sinks.test.ts). */
function cells(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === "\\") i++;
    else if (row[i] === "|") n++;
  }
  return n - 1;
}

function checkSinks(file: string, text: string, problems: string[]): void {
  const analysis = analyzeFile(ts, file, text);
  const model = buildReport([sitesOfFile(analysis, file, { assume: { valueOf: 3, constructor: 4 } })], { version: "fuzz", assume: {} });
  const out = reportText(model);
  if (RAW_CONTROL.test(out)) problems.push("text output holds a raw control character");
  const md = reportMarkdown(model);
  if (RAW_CONTROL.test(md)) problems.push("markdown holds a raw control character");
  const rows = md.split("\n").filter((l) => l.startsWith("|"));
  if (rows.length !== (model.sites.length ? model.sites.length + 2 : 0)) problems.push(`markdown has ${rows.length} table rows for ${model.sites.length} sites`);
  for (const row of rows) if (cells(row) !== 9) problems.push(`markdown row with ${cells(row)} cells: ${JSON.stringify(row).slice(0, 200)}`);
  const prose = md.split("\n").filter((l) => !l.startsWith("|")).join("\n").replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, "");
  if (/<[a-z/!]|!\[|(?<!\\)\]\(/i.test(prose.replace(/\\./g, ""))) problems.push(`markdown prose holds HTML or a link: ${JSON.stringify(prose).slice(0, 200)}`);
  const sarif = reportSarif(model, "file:///repo/");
  for (const r of sarif.runs[0]!.results ?? []) if (/(?<!\\)[[\]]|[\u0000-\u001f]/.test(r.message.text!.replace(/\\\\/g, ""))) problems.push("SARIF message text holds a bracket or control character");
  JSON.parse(JSON.stringify(reportJson(model)));
  // A model string with a `<` occurs raw no more often than in the same page without it (where it
  // can only be the page's own markup, such as `</t` in `</title>`).
  const html = reportHtml(model, { script: "", style: "" });
  const plain = reportHtml({ ...model, sites: model.sites.map((s) => ({ ...s, model: s.model === null ? null : "m" })) }, { script: "", style: "" });
  const count = (page: string, s: string): number => page.split(s).length - 1;
  for (const s of model.sites) if (s.model && s.model.includes("<") && count(html, s.model) > count(plain, s.model)) problems.push(`HTML holds the raw model string ${JSON.stringify(s.model)}`);
}

/** What a fuzz input was: its kind (a pathological file's shape too) and size. */
export interface CaseLabel {
  readonly shape: string;
  readonly characters?: number;
}

/** Runs input `index` of `seed`; returns what is wrong (empty when it passed), and what the input was. Throws on a crash. */
export function runCase(seed: number, index: number): { problems: string[]; label: CaseLabel } {
  const r = rngOf(seed, index);
  const problems: string[] = [];
  let label: CaseLabel = { shape: kindOf(index) };
  const usageOnly = (f: () => void, allowed: (e: unknown) => boolean): void => {
    try {
      f();
    } catch (e) {
      if (!allowed(e)) throw e;
    }
  };
  switch (kindOf(index)) {
    case "program": {
      const file = `${pick(r, HOSTILE)}/${pick(r, HOSTILE)}x.ts`;
      const text = mutatedProgram(r);
      label = { shape: "program", characters: text.length };
      checkSinks(file, text, problems);
      break;
    }
    case "pathological": {
      const { text, shape } = pathologicalFile(r);
      label = { shape: `pathological: ${shape}`, characters: text.length };
      const a = analyzeFile(ts, "deep.ts", text);
      if (a.findings.length === 0 && a.skipped === undefined && /chat\.completions/.test(text) && !/[\u0000]/.test(text) && !text.includes("const g = a.b")) {
        // A file that names the SDK and parses either has its site or says why it was skipped.
        problems.push("a pathological file with an LLM call gave neither a finding nor a reason");
      }
      parseAnnotations(ts, text);
      break;
    }
    case "gitignore": {
      const lines = Array.from({ length: 1 + int(r, 8) }, () => (r() < 0.2 ? "!" : "") + globPattern(r) + (r() < 0.2 ? "/" : ""));
      const g = Gitignore.parse("/repo", lines.join(pick(r, ["\n", "\r\n"])));
      for (let k = 0; k < 5; k++) g.verdict(`/repo/${pathOf(r)}`, r() < 0.5);
      break;
    }
    case "glob": {
      const patterns = Array.from({ length: 1 + int(r, 3) }, () => globPattern(r));
      usageOnly(() => {
        const set = new GlobSet(patterns);
        for (let k = 0; k < 5; k++) set.matches(pathOf(r));
      }, (e) => e instanceof PatternError);
      compilePattern(patterns[0]!, false).matches(pathOf(r));
      break;
    }
    case "catalog": {
      const base = [{ sdk: "mine", modules: ["my-llm", "@scope/*"], functions: [{ api: "ask", prompt: ["0"], model: "1.model", maxTokens: ["1.max"] }], clients: [{ id: "c", classes: ["Client*"], methods: [{ api: "send", prompt: ["0.messages"], steps: { from: ["1.max"], default: 3, source: "s" } }] }] }];
      let catalog: SdkEntry[] | undefined;
      usageOnly(() => void (catalog = checkCatalog<SdkEntry>("fuzz.json", mutatedJson(r, base))), (e) => e instanceof UsageError);
      if (catalog) {
        const a = analyzeFile(ts, "c.ts", `import { ask } from "my-llm";\nexport async function f(qs: string[]) { for (const q of qs) await ask(q, { model: "m" }); }\n`, { catalog });
        if (a.skipped?.startsWith("analysis failed")) problems.push(`a valid catalog made the analysis fail: ${a.skipped}`);
      }
      break;
    }
    case "baseline": {
      const analysis = analyzeFile(ts, "a.ts", mutatedProgram(rng(index)));
      const report = reportJson(buildReport([sitesOfFile(analysis, "a.ts", { assume: {} })], { version: "fuzz", assume: {} }));
      let ok = false;
      usageOnly(() => void (checkBaseline("b.json", mutatedJson(r, report)), (ok = true)), (e) => e instanceof UsageError);
      if (ok) usageOnly(() => void baselineSites(mutatedJson(r, report)), (e) => e instanceof Error && /not an aalp JSON report|lacks/.test(e.message));
      break;
    }
    case "annotation": {
      const text = Array.from({ length: 1 + int(r, 4) }, () => annotationText(r)).join("") + "export const x = 1;\n";
      parseAnnotations(ts, text);
      break;
    }
    case "argv":
      usageOnly(() => void parseArgs(argv(r)), (e) => e instanceof UsageError);
      break;
  }
  return { problems, label };
}
