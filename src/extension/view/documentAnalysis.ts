// One document's results for every editor surface: the engine's findings with the `@aalp`
// annotations applied, the sizes to assume (settings, overridden by annotations) and the advice.
import * as fs from "node:fs";
import { ts } from "./typescriptModule";
import { Project, costClass, type Finding } from "../../core";
import type { Advice } from "../../core/advice/types";
import { applyAnnotations, parseAnnotations, type AnnotationProblem } from "../../core/annotations";
import { adviseDocument, pricedEstimate } from "./adviceAndPricing";
import type { PricedEstimate } from "./costEstimate";
import type { AalpSettings } from "./settingsModel";
import type { SiteRef } from "./workspaceSummary";

export interface DocumentAnalysis {
  readonly findings: readonly Finding[];
  readonly assumptions: Readonly<Record<string, number>>;
  readonly advice: readonly Advice[];
  readonly problems: readonly AnnotationProblem[];
  readonly skipped?: string;
}

/**
 * One project over the workspace, so calls of functions from other files are followed: editor
 * texts overlay the disk, and a changed text re-analyses that file and its importers only.
 */
let workspace: { key: string; project: Project; overlay: Map<string, string> } | undefined;

function readDisk(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function projectFor(settings: AalpSettings): { project: Project; overlay: Map<string, string> } {
  const key = settings.wrappers.join("\u0000");
  if (workspace?.key !== key) {
    const overlay = new Map<string, string>();
    const host = {
      readFile: (p: string) => overlay.get(p) ?? readDisk(p),
      fileExists: (p: string) => overlay.has(p) || fs.existsSync(p),
    };
    workspace = { key, overlay, project: new Project(ts, host, settings.wrappers.length ? { wrappers: settings.wrappers } : {}) };
  }
  return workspace;
}

export function analyzeDocument(fileName: string, text: string, settings: AalpSettings): DocumentAnalysis {
  const { project, overlay } = projectFor(settings);
  const file = fileName.replace(/\\/g, "/");
  // The first time the editor shows a file, its text is usually what the project read from disk:
  // only a real difference invalidates (and with it the file's importers).
  const known = overlay.get(file) ?? readDisk(file);
  overlay.set(file, text);
  if (known !== text) project.invalidate(file);
  const analysis = project.analyze(file);
  const annotations = parseAnnotations(text);
  const { findings, assumptions } = applyAnnotations(analysis.findings, annotations);
  return {
    findings,
    assumptions: { ...settings.assumptions, ...assumptions },
    advice: adviseDocument(findings, fileName, text, settings),
    problems: annotations.problems,
    ...(analysis.skipped ? { skipped: analysis.skipped } : {}),
  };
}

export function siteEstimate(a: DocumentAnalysis, f: Finding, settings: AalpSettings): PricedEstimate {
  return pricedEstimate(f, a.assumptions, settings);
}

export function siteRefs(a: DocumentAnalysis, file: string): SiteRef[] {
  return a.findings.map((f) => ({ file, line: f.line, column: f.column, costClass: costClass(f), label: `${f.model ?? "model not static"} in ${f.functionName}` }));
}

/** A closed document: its unsaved text stops standing in for the file on disk. */
export function forgetDocument(fileName: string): void {
  if (!workspace) return;
  const file = fileName.replace(/\\/g, "/");
  const open = workspace.overlay.get(file);
  workspace.overlay.delete(file);
  if (open !== undefined && open !== readDisk(file)) workspace.project.invalidate(file);
}
