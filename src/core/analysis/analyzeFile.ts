// One file's analysis: parse, find the LLM calls by provenance, bound each one.
import type * as ts from "typescript";
import { Constants } from "../binder/constants";
import { Provenance, type LlmCall } from "../binder/provenance";
import { Scopes, type TS } from "../binder/scopes";
import { ENDPOINT_CATALOG, SDK_CATALOG, catalogCalleeNames, type SdkEntry } from "../catalog/sdks";
import type { AnalysisOptions, FileAnalysis, Finding } from "../model";
import { SymbolTable } from "../symbols";
import { CallSites } from "./callSite";
import { Loops } from "./loops";
import { Sizes } from "./sizes";

const DEFAULT_MAX_FILE_SIZE = 2_000_000;

/**
 * A cheap text test run before parsing: a file can only hold an LLM call if it names a catalog
 * module or an LLM endpoint. Most files of a workspace are skipped here without a parse.
 */
export function mayContainLlmCalls(text: string, catalog: readonly SdkEntry[], wrappers: readonly string[] = []): boolean {
  return prefilterFor(catalog).test(text) || wrappers.some((w) => text.includes(w));
}

const prefilters = new WeakMap<readonly SdkEntry[], RegExp>();
function prefilterFor(catalog: readonly SdkEntry[]): RegExp {
  let re = prefilters.get(catalog);
  if (!re) {
    const modules = catalog.flatMap((e) => e.modules.map((m) => (m.endsWith("/*") ? m.slice(0, -1) : m)));
    const escaped = modules.map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
    // A module name directly inside quotes (import/require), or an endpoint in a URL.
    re = new RegExp(`["'\`](?:${escaped.join("|")})["'\`/]|/v1/chat/completions|api\\.openai\\.com|api\\.anthropic\\.com|generativelanguage\\.googleapis\\.com|:11434/api/`);
    prefilters.set(catalog, re);
  }
  return re;
}

export function catalogWith(options: AnalysisOptions | undefined): readonly SdkEntry[] {
  return options?.catalog?.length ? [...options.catalog, ...SDK_CATALOG] : SDK_CATALOG;
}

export function analyzeSourceFile(tsm: TS, sourceFile: ts.SourceFile, options?: AnalysisOptions): Finding[] {
  const catalog = catalogWith(options);
  const scopes = new Scopes(tsm, sourceFile);
  const constants = new Constants(tsm, scopes);
  const provenance = new Provenance(tsm, scopes, constants, catalog, ENDPOINT_CATALOG, catalogCalleeNames(catalog), new Set(options?.wrappers ?? []));
  const symbols = new SymbolTable();
  const loops = new Loops(tsm, scopes, constants, symbols);
  const llmCalls = new Map<ts.CallExpression, LlmCall | null>();
  const classify = (call: ts.CallExpression): LlmCall | undefined => {
    let c = llmCalls.get(call);
    if (c === undefined) {
      c = provenance.classifyCall(call) ?? null;
      llmCalls.set(call, c);
    }
    return c ?? undefined;
  };
  const modelName = (llm: LlmCall): string | null => modelOf(tsm, constants, llm.model);
  const sizes = new Sizes(tsm, scopes, constants, loops, symbols, classify, modelName);
  const sites = new CallSites(tsm, scopes, constants, loops, sizes, symbols);

  const found: LlmCall[] = [];
  const visit = (n: ts.Node): void => {
    if (tsm.isCallExpression(n)) {
      const c = classify(n);
      if (c) found.push(c);
    }
    tsm.forEachChild(n, visit);
  };
  visit(sourceFile);

  return found.map((llm) => {
    const model = modelName(llm);
    const b = sites.bounds(llm, model);
    const start = llm.node.getStart(sourceFile);
    const s = sourceFile.getLineAndCharacterOfPosition(start);
    const e = sourceFile.getLineAndCharacterOfPosition(llm.node.end);
    const used = new Set([b.calls, b.inputTokens, b.outputTokens, b.generationCost].flatMap((x) => (x.kind === "poly" ? x.poly.symbols() : [])));
    return {
      file: sourceFile.fileName,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      start,
      end: llm.node.end,
      functionName: functionNameOf(tsm, llm.node),
      sdk: llm.sdk,
      api: llm.api,
      callee: llm.node.expression.getText(sourceFile).replace(/\s+/g, ""),
      model,
      calls: b.calls,
      inputTokens: b.inputTokens,
      inputPerCall: b.inputPerCall,
      outputTokens: b.outputTokens,
      outputPerCall: b.outputPerCall,
      generationCost: b.generationCost,
      span: b.span,
      growth: b.growth,
      loops: [...b.loops].reverse().map((l) => ({ line: l.line, kind: l.kind, tripCount: l.tripText, dataDependent: l.dataDependent, exact: l.exact, parallel: l.parallel })),
      explanation: b.explanation,
      symbols: [...used].sort().flatMap((n) => symbols.get(n) ?? []),
      rank: symbols.rank,
    };
  });
}

/** Parses and analyses one file; never throws for bad input, it reports the file as skipped. */
export function analyzeFile(tsm: TS, fileName: string, text: string, options?: AnalysisOptions): FileAnalysis {
  const max = options?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > max) return { file: fileName, findings: [], skipped: `larger than ${max} characters` };
  if (text.includes("\u0000")) return { file: fileName, findings: [], skipped: "binary file" };
  if (!mayContainLlmCalls(text, catalogWith(options), options?.wrappers)) return { file: fileName, findings: [] };
  try {
    const sf = tsm.createSourceFile(fileName, text, tsm.ScriptTarget.Latest, true, scriptKindOf(tsm, fileName));
    const diagnostics = (sf as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
    const findings = analyzeSourceFile(tsm, sf, options);
    const first = diagnostics[0];
    if (first && findings.length === 0) return { file: fileName, findings, skipped: `syntax error: ${tsm.flattenDiagnosticMessageText(first.messageText, " ")}` };
    return { file: fileName, findings };
  } catch (err) {
    // Deep nesting can exhaust the stack (the parser's too); report the file rather than fail the run.
    const reason = err instanceof RangeError ? "nested too deeply to analyse" : err instanceof Error ? err.message : String(err);
    return { file: fileName, findings: [], skipped: `analysis failed: ${reason}` };
  }
}

export function scriptKindOf(tsm: TS, fileName: string): ts.ScriptKind {
  if (/\.tsx$/i.test(fileName)) return tsm.ScriptKind.TSX;
  if (/\.jsx$/i.test(fileName)) return tsm.ScriptKind.JSX;
  if (/\.[cm]?js$/i.test(fileName)) return tsm.ScriptKind.JS;
  return tsm.ScriptKind.TS;
}

function functionNameOf(tsm: TS, node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (tsm.isFunctionDeclaration(n) && n.name) return n.name.text;
    if ((tsm.isMethodDeclaration(n) || tsm.isGetAccessor(n)) && n.name && tsm.isIdentifier(n.name)) {
      const cls = n.parent;
      return tsm.isClassLike(cls) && cls.name ? `${cls.name.text}.${n.name.text}` : n.name.text;
    }
    if ((tsm.isArrowFunction(n) || tsm.isFunctionExpression(n)) && tsm.isVariableDeclaration(n.parent) && tsm.isIdentifier(n.parent.name)) return n.parent.name.text;
  }
  return "<top level>";
}

/** The model a call uses when it is static: `"gpt-4o"`, `openai("gpt-4.1")`, `new Agent({ model })`, a const. */
function modelOf(tsm: TS, constants: Constants, e: ts.Expression | undefined, depth = 0): string | null {
  if (!e || depth > 4) return null;
  const s = constants.string(e);
  if (s !== undefined) return s;
  const x = constants.skipTrivia(e);
  if ((tsm.isCallExpression(x) || tsm.isNewExpression(x)) && x.arguments?.length) {
    const first = x.arguments[0]!;
    const direct = constants.string(first);
    if (direct !== undefined) return direct;
    const fromConfig = constants.property(first, ["model"]);
    if (fromConfig) return modelOf(tsm, constants, fromConfig, depth + 1);
  }
  if (tsm.isIdentifier(x)) return modelOf(tsm, constants, constants.initializerOf(x), depth + 1);
  return null;
}
