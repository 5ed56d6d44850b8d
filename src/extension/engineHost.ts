// The engine runs in a worker thread (dist/engineWorker.js, started at activation): an analysis
// that takes seconds on someone's repository must not stall the extension host, where every other
// extension runs. This module keeps one analysis per document version, asked of the worker once
// and shared by every surface (lenses, hovers, diagnostics, the derivation tab, the status bar); a
// newer version or a closed document cancels the request for the older one.
import * as path from "node:path";
import * as vscode from "vscode";
import { duration, type ActivityLog } from "./activityLog";
import { readSettings } from "./settings";
import { EngineCancelled, EngineClient } from "./view/engineClient";
import type { DocumentView } from "./view/engineApi";

/** `storeDir`: where the worker keeps results across sessions. */
export function startEngine(log: ActivityLog, storeDir: string | undefined): EngineClient {
  const engine = new EngineClient(path.join(__dirname, "engineWorker.js"), log, storeDir);
  engine.start();
  return engine;
}

/** The value, or undefined when the request was superseded (a newer version is on its way). */
export async function unlessCancelled<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof EngineCancelled) return undefined;
    throw err;
  }
}

interface Cached {
  readonly version: number;
  readonly generation: number;
  readonly view: Promise<DocumentView>;
}

export class DocumentAnalyses {
  private readonly asked = new Map<string, Cached>();
  /** Each document's newest analysis that arrived, and the generation it was asked in. */
  private readonly arrived = new Map<string, { generation: number; version: number; view: DocumentView }>();
  /** Bumped when settings (or another file) change: every cached analysis is stale. */
  private generation = 0;
  private readonly listeners: ((doc: vscode.TextDocument, view: DocumentView, version: number) => void)[] = [];

  constructor(
    private readonly engine: EngineClient,
    private readonly log: ActivityLog,
  ) {}

  /** Calls `fn` with each analysis as it arrives, and the document version it is of. */
  onAnalysed(fn: (doc: vscode.TextDocument, view: DocumentView, version: number) => void): void {
    this.listeners.push(fn);
  }

  /** The analysis of the document's current version; rejects with EngineCancelled when a newer one supersedes it. */
  get(doc: vscode.TextDocument): Promise<DocumentView> {
    const key = doc.uri.toString();
    const hit = this.asked.get(key);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit.view;
    const generation = this.generation;
    const version = doc.version;
    const name = doc.isUntitled ? doc.uri.path : vscode.workspace.asRelativePath(doc.uri);
    const started = performance.now();
    const view = this.engine.request("analyze", [{ fileName: doc.fileName, uri: key, text: doc.getText(), settings: readSettings(doc.uri) }], { key: `document:${key}` }).then((v) => {
      const calls = v.sites.length;
      this.log.info(`analysed ${name} (version ${version}): ${v.skipped ? `skipped, ${v.skipped}` : `${calls} LLM call${calls === 1 ? "" : "s"}`} in ${duration(performance.now() - started)}`);
      const last = this.arrived.get(key);
      if (!last || last.generation < generation || (last.generation === generation && last.version <= version)) this.arrived.set(key, { generation, version, view: v });
      if (!doc.isClosed) for (const fn of this.listeners) fn(doc, v, version);
      return v;
    });
    const entry = { version, generation, view };
    this.asked.set(key, entry);
    // A failed or cancelled request is asked again next time.
    view.catch(() => {
      if (this.asked.get(key) === entry) this.asked.delete(key);
    });
    return view;
  }

  /**
   * The newest analysis of the document that arrived, of this version or an earlier one; undefined
   * before the first. Lenses are served from it while typing: the debounced refresh analyses the new version.
   */
  latest(doc: vscode.TextDocument): DocumentView | undefined {
    const hit = this.arrived.get(doc.uri.toString());
    return hit && hit.generation === this.generation ? hit.view : undefined;
  }

  /** The newest analysis that arrived of a version after `version` (a scan's text of the document); undefined when none did. */
  arrivedAfter(doc: vscode.TextDocument, version: number): DocumentView | undefined {
    const hit = this.arrived.get(doc.uri.toString());
    return hit && hit.version > version ? hit.view : undefined;
  }

  /** The version of the newest analysis that arrived; undefined before the first. */
  latestVersion(doc: vscode.TextDocument): number | undefined {
    return this.arrived.get(doc.uri.toString())?.version;
  }

  invalidate(): void {
    this.generation++;
  }

  forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.engine.cancel(`document:${key}`);
    this.asked.delete(key);
    this.arrived.delete(key);
    void this.engine.call("forget", doc.fileName).catch(() => undefined);
  }
}
