// The derivation of a site's bounds as Markdown, for the hover and the lens's "show derivation":
// the bounds, each step of the engine's explanation with its line linked, where every symbol comes
// from, and the paper's cost term. Line links are command URIs that reveal the line.
import { costClass, formatBound, type Bound, type Finding, formatDollars } from "../../core";
import { REVEAL_LINE_COMMAND } from "./commandIds";
import { assumedSizes, type PricedEstimate } from "./costEstimate";
import { tokenCount } from "./numbers";

const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>#|!]/g;

function escape(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

export function lineLink(uri: string, line: number): string {
  return `[line ${line}](command:${REVEAL_LINE_COMMAND}?${encodeURIComponent(JSON.stringify([uri, line]))})`;
}

/** Escapes a sentence and links every `line N` in it. */
function linked(text: string, uri: string): string {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/\bline (\d+)\b/g)) {
    out.push(escape(text.slice(last, m.index)), lineLink(uri, Number(m[1])));
    last = m.index + m[0].length;
  }
  out.push(escape(text.slice(last)));
  return out.join("");
}

export function derivationMarkdown(f: Finding, e: PricedEstimate, uri: string): string {
  const b = (x: Bound): string => `\`${formatBound(x, f.rank)}\``;
  const about = (n: number): string => (Number.isFinite(n) ? ` ≈ ${tokenCount(n)}` : "");
  const lines: string[] = [];
  lines.push(`**AALP Lens** · ${escape(f.sdk)} \`${f.api}\` · model \`${f.model ?? "not static"}\` · in \`${f.functionName}\` · ${costClass(f)}`, "");
  lines.push(`- calls: ${b(f.calls)}${about(e.calls)}`);
  lines.push(`- input tokens: ${b(f.inputTokens)}, per call ${b(f.inputPerCall)}${about(e.inputTokens)}`);
  lines.push(`- output tokens: ${b(f.outputTokens)}, per call ${b(f.outputPerCall)}${about(e.outputTokens)}`);
  lines.push(`- generation cost: ${b(f.generationCost)}`);
  lines.push(`- span (calls one after another): ${b(f.span)}`);
  lines.push(`- history growth: ${f.growth}`);
  const at = assumedSizes(e);
  if (e.usd !== undefined) lines.push(`- price: ${e.exact ? "≈" : "≤"} ${formatDollars(e.usd)}${at ? ` at ${escape(at)}` : ""}`);
  else lines.push(`- no price: ${escape(e.unpriced ?? "unknown")} (set \`aalp.prices\`)${at ? `; estimates at ${escape(at)}` : ""}`);
  lines.push("", "**Derivation**", "");
  f.explanation.forEach((step, i) => lines.push(`${i + 1}. ${linked(step, uri)}`));
  if (f.symbols.length) {
    lines.push("", "**Symbols**", "");
    for (const s of f.symbols) {
      const hint = s.unbounded ? ` — no bound in the code; add \`// @aalp ${s.name} <= N\` on the loop` : "";
      // A symbol a summary brought from another file names that file's line.
      const where = s.file ? escape(`${s.file.split(/[\\/]/).pop()}:${s.line}`) : lineLink(uri, s.line);
      lines.push(`- \`${s.name}\` (${s.kind}), ${where}: ${escape(s.origin)}${hint}`);
    }
  }
  lines.push(
    "",
    "**Cost term** (paper §2, Def. 2.2): a call to a model of size m that reads n tokens and writes o tokens costs m·(o·n + o²), " +
      `since each generated token reads the whole context. Summed over this site's calls: ${b(f.generationCost)}.`,
  );
  return lines.join("\n");
}
