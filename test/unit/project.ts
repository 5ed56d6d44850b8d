// Test helper: an in-memory project (files by absolute path) analysed through the engine's Project.
import * as ts from "typescript";
import { Project, type ProjectOptions } from "../../src/core";
import { summary, type Expected } from "./analyze";

export function memoryProject(files: Record<string, string>, options: ProjectOptions = {}): { project: Project; files: Record<string, string> } {
  const host = { readFile: (p: string) => files[p], fileExists: (p: string) => p in files };
  return { project: new Project(ts, host, { files: Object.keys(files), ...options }), files };
}

/** Each finding of `file` as the fields a test names, in source order. */
export function sitesOf(project: Project, file: string, keys: (keyof Expected)[]): Partial<Expected & { line: number }>[] {
  const r = project.analyze(file);
  if (r.skipped) throw new Error(`${file} skipped: ${r.skipped}`);
  return r.findings.map((f) => ({ line: f.line, ...Object.fromEntries(keys.map((k) => [k, summary(f)[k]])) }));
}
