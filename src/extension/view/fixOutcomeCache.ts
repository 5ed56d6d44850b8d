// The report's quick fixes, applied and re-analysed once per analysis of a file: the costly part of
// a report (each fix re-analyses its file). Kept per file, keyed by the file's text, its findings
// (a new analysis, after a change of the file or of a module it uses, makes new ones) and the
// advice settings; any assumptions then price them (cheap), so neither a save elsewhere nor a value
// changed in the report page applies a fix again.
import { fixOutcomes, type SiteOutcomes } from "../../core";
import { adviceSettings } from "./adviceAndPricing";
import { editedAnalyzer, type DocumentAnalysis } from "./documentAnalysis";
import type { AalpSettings } from "./settingsModel";
import { ts } from "./typescriptModule";

interface Entry {
  readonly text: string;
  readonly findings: DocumentAnalysis["findings"];
  readonly settings: string;
  readonly outcomes: SiteOutcomes[];
}

const byFile = new Map<string, Entry>();
let computed = 0;

/** The fixes' outcomes of each of the file's findings; undefined when it has none. */
export function fixOutcomesOf(fileName: string, text: string, analysis: DocumentAnalysis, settings: AalpSettings): SiteOutcomes[] | undefined {
  if (!analysis.findings.length) return undefined;
  const advice = adviceSettings(settings);
  const key = JSON.stringify(advice);
  const hit = byFile.get(fileName);
  if (hit && hit.text === text && hit.findings === analysis.findings && hit.settings === key) return hit.outcomes;
  const outcomes = fixOutcomes(analysis.findings, { ts, fileName, text, settings: advice, fixes: true, analyze: editedAnalyzer(settings) });
  computed++;
  byFile.set(fileName, { text, findings: analysis.findings, settings: key, outcomes });
  return outcomes;
}

/** Forgets the files a report no longer holds (deleted, renamed, excluded): each entry holds a file's text and findings. */
export function retainFixOutcomes(fileNames: ReadonlySet<string>): void {
  for (const f of byFile.keys()) if (!fileNames.has(f)) byFile.delete(f);
}

/** How many files' outcomes the cache holds. */
export function fixOutcomesHeld(): number {
  return byFile.size;
}

/** How many files' fixes have been applied and re-analysed so far (not served from the cache). */
export function fixOutcomesComputed(): number {
  return computed;
}
