// Loads the engine bundle on first use and keeps one analysis per document version, so every
// surface (lenses, hovers, diagnostics, quick fixes, the scan) shares a single parse per edit.
import * as path from "node:path";
import * as vscode from "vscode";
import { duration, type ActivityLog } from "./activityLog";
import type * as EngineModule from "./view/engine";
import { readSettings } from "./settings";

export type Engine = typeof EngineModule;

let engine: Engine | undefined;
let loadLog: ActivityLog | undefined;

/** Where loadEngine reports how long the first load took (set once at activation). */
export function logEngineLoad(log: ActivityLog): void {
  loadLog = log;
}

/** `dist/engine.js` holds the analysis and `typescript` (6 MB of code to parse): required on first use, not at activation. */
export function loadEngine(): Engine {
  if (!engine) {
    const started = performance.now();
    engine = require(path.join(__dirname, "engine.js")) as Engine;
    loadLog?.info(`engine loaded in ${duration(performance.now() - started)}`);
  }
  return engine;
}

interface Cached {
  readonly version: number;
  readonly generation: number;
  readonly analysis: EngineModule.DocumentAnalysis;
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, Cached>();
  /** Bumped when settings change: every cached analysis is stale. */
  private generation = 0;

  constructor(private readonly log: ActivityLog) {}

  get(doc: vscode.TextDocument): EngineModule.DocumentAnalysis {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit.analysis;
    const engine = loadEngine();
    const started = performance.now();
    const analysis = engine.analyzeDocument(doc.fileName, doc.getText(), readSettings(doc.uri));
    const name = doc.isUntitled ? doc.uri.path : vscode.workspace.asRelativePath(doc.uri);
    const calls = analysis.findings.length;
    this.log.info(`analysed ${name} (version ${doc.version}): ${analysis.skipped ? `skipped, ${analysis.skipped}` : `${calls} LLM call${calls === 1 ? "" : "s"}`} in ${duration(performance.now() - started)}`);
    this.cache.set(key, { version: doc.version, generation: this.generation, analysis });
    return analysis;
  }

  /**
   * The newest analysis of the document, of this version or an earlier one; undefined before the
   * first. Lenses are served from it while typing: the debounced refresh analyses the new version.
   */
  latest(doc: vscode.TextDocument): EngineModule.DocumentAnalysis | undefined {
    const hit = this.cache.get(doc.uri.toString());
    return hit && hit.generation === this.generation ? hit.analysis : undefined;
  }

  invalidate(): void {
    this.generation++;
  }

  forget(doc: vscode.TextDocument): void {
    this.cache.delete(doc.uri.toString());
    engine?.forgetDocument(doc.fileName);
  }
}
