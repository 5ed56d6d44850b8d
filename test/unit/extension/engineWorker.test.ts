// The engine off the extension host: the worker (dist/engineWorker.js, as the extension starts it)
// answers what the surfaces show; superseded requests are cancelled, a scan stops between files,
// and a worker that dies is logged and restarted. Plain Node, real worker threads.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { analyze, quickFixes, scanSites, type RequestContext } from "../../../src/extension/view/engineApi";
import { EngineCancelled, EngineClient } from "../../../src/extension/view/engineClient";
import type { FromWorker } from "../../../src/extension/view/engineProtocol";
import { DEFAULT_SETTINGS } from "../../../src/extension/view/settingsModel";

const ROOT = path.resolve(__dirname, "../../../..");
const EXAMPLES = path.join(ROOT, "examples");
const WORKER = path.join(ROOT, "dist/engineWorker.js");

/** The log lines an EngineClient writes. */
function recordingLog(): { lines: string[]; info(t: string): void; error(what: string, err: unknown): void } {
  const lines: string[] = [];
  return { lines, info: (t) => lines.push(`info ${t}`), error: (what, err) => lines.push(`error ${what}: ${err instanceof Error ? err.message : String(err)}`) };
}

function request(file: string) {
  const fileName = path.join(EXAMPLES, file);
  return { fileName, uri: `file://${fileName}`, text: fs.readFileSync(fileName, "utf8"), settings: DEFAULT_SETTINGS };
}

describe("engine worker", function () {
  this.timeout(60_000);

  describe("its requests (plain functions, as the worker runs them)", () => {
    it("analyze: the lens titles, tooltips and status bar entries of a document", () => {
      const view = analyze(request("debug-naive.ts"));
      assert.deepEqual(view.sites.map((s) => `${s.line}:${s.column} ${s.title}`), ["21:22 ≈ $0.0043 · quadratic in rounds · gpt-4o-mini", "29:23 ≈ $0.076 · quadratic in rounds · gpt-4o"]);
      assert.equal(view.sites[1]!.tooltip, "Θ(rounds²·|program|) input · Θ(rounds) calls · ≈ $0.076 at defaults rounds=10, |program|=200. Click for the derivation.");
      assert.deepEqual(view.refs.map((r) => `${r.line} ${r.costClass} ${r.rank}`), ["21 quadratic 2", "29 quadratic 2"]);
      assert.deepEqual(view.advice.map((a) => `${a.code} ${a.start}-${a.end} ${a.docs}`), [
        "aalp.growing-history 1212-1377 docs/diagnostics/growing-history.md",
        "aalp.growing-history 1527-1665 docs/diagnostics/growing-history.md",
      ]);
    });

    it("quickFixes: the extension's string codes and the plugin's numbers find the same advice; other targets none", () => {
      const req = request("debug-naive.ts");
      const start = analyze(req).advice[0]!.start;
      const [byString, byNumber, elsewhere] = quickFixes(req, [
        { code: "aalp.growing-history", start },
        { code: 91001, start },
        { code: "aalp.growing-history", start: start + 1 },
      ]);
      assert.deepEqual(byString?.fixes.map((f) => f.id), ["window-history", "summarize-history", "reset-history", "scope-to-function"]);
      assert.deepEqual(byNumber, byString);
      assert.equal(elsewhere, undefined);
      assert.equal(byString?.ignore?.title, "Ignore this call (// @aalp ignore)");
      assert.deepEqual(byString?.docs.map((d) => d.path), ["docs/diagnostics/growing-history.md", "docs/diagnostics/whole-input-per-item.md"]);
    });

    it("scanSites stops at the file after the one where it was cancelled", async () => {
      const files = ["debug-naive.ts", "fan-out.ts", "per-item.ts", "evolution-global.ts"].map((f) => ({ uri: `file:///ws/${f}`, fileName: path.join(EXAMPLES, f), settings: DEFAULT_SETTINGS }));
      const done: string[] = [];
      const ctx: RequestContext = { isCancelled: () => done.length >= 2, progress: (_n, _total, uri) => done.push(uri) };
      assert.equal(await scanSites(files, ctx), undefined);
      assert.deepEqual(done, ["file:///ws/debug-naive.ts", "file:///ws/fan-out.ts"]);
      const all = await scanSites(files, { isCancelled: () => false, progress: () => undefined });
      assert.deepEqual(all?.map(([uri, refs]) => `${uri.slice("file:///ws/".length)} ${refs.length}`), ["debug-naive.ts 2", "fan-out.ts 1", "per-item.ts 1", "evolution-global.ts 1"]);
    });
  });

  describe("the worker thread", () => {
    it("answers the host's requests with the same views, and drops a request cancelled before it started", async () => {
      const worker = new Worker(WORKER);
      try {
        const replies: FromWorker[] = [];
        const got = new Promise<void>((resolve) =>
          worker.on("message", (m: FromWorker) => {
            replies.push(m);
            if (replies.length === 2) resolve();
          }),
        );
        // Posted in one turn: the worker reads both before the first runs.
        worker.postMessage({ type: "call", id: 1, method: "analyze", args: [request("debug-naive.ts")] });
        worker.postMessage({ type: "cancel", id: 1 });
        worker.postMessage({ type: "call", id: 2, method: "analyze", args: [request("debug-naive.ts")] });
        await got;
        assert.deepEqual(replies[0], { type: "cancelled", id: 1 });
        assert.equal(replies[1]!.type, "result");
        assert.deepEqual(replies[1]!.type === "result" && replies[1]!.value, analyze(request("debug-naive.ts")));
      } finally {
        await worker.terminate();
      }
    });

    it("EngineClient: a newer request with the same key cancels the older one; an engine error rejects that request only", async () => {
      const log = recordingLog();
      const client = new EngineClient(WORKER, log);
      try {
        const older = client.request("analyze", [request("debug-naive.ts")], { key: "document:a" });
        const newer = client.request("analyze", [request("fan-out.ts")], { key: "document:a" });
        await assert.rejects(older, EngineCancelled);
        assert.deepEqual((await newer).sites.map((s) => s.line), [11]);
        await assert.rejects(client.request("analyze", [{ fileName: "/nowhere.ts", uri: "file:///nowhere.ts", text: "x", settings: null as never }], {}), /Cannot read properties of null/);
        // VS Code's configuration hands out proxies: a request holding one fails alone, and is not left pending.
        const proxied = { ...request("debug-naive.ts"), settings: new Proxy(DEFAULT_SETTINGS, {}) };
        await assert.rejects(client.request("analyze", [proxied], { key: "document:b" }), { name: "DataCloneError" });
        assert.equal(await client.call("ping"), true);
        assert.deepEqual(log.lines.filter((l) => l.startsWith("error")), []);
      } finally {
        client.dispose();
      }
    });
  });

  describe("a worker that dies", () => {
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-worker-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** A worker that dies (exits or throws) on each of its first `deaths` starts, and answers "alive" after. */
    function dyingWorker(name: string, deaths: number, how: "exit" | "throw"): string {
      const file = path.join(dir, `${name}.js`);
      const starts = path.join(dir, `${name}.starts`);
      fs.writeFileSync(
        file,
        `const fs = require("fs"); const { parentPort } = require("worker_threads");
const n = fs.existsSync(${JSON.stringify(starts)}) ? Number(fs.readFileSync(${JSON.stringify(starts)}, "utf8")) + 1 : 1;
fs.writeFileSync(${JSON.stringify(starts)}, String(n));
parentPort.on("message", (m) => {
  if (m.type !== "call") return;
  if (n <= ${deaths}) { ${how === "exit" ? "process.exit(3);" : 'throw new Error("engine fault");'} }
  parentPort.postMessage({ type: "result", id: m.id, value: "alive " + n });
});`,
      );
      return file;
    }

    it("is logged and restarted; the requests it held fail, later ones are answered", async () => {
      const log = recordingLog();
      const client = new EngineClient(dyingWorker("once", 2, "exit"), log);
      let restarts = 0;
      client.onRestart(() => restarts++);
      try {
        // start() pings; the ping and this request both die with the first worker.
        await assert.rejects(client.call("work"), /the engine worker stopped \(exit code 3\)/);
        await assert.rejects(client.call("work"), /the engine worker stopped \(exit code 3\)/);
        assert.equal(await client.call("work"), "alive 3");
        assert.equal(restarts, 2);
        assert.deepEqual(log.lines.filter((l) => l.includes("stopped")), [
          // Each time the ping that start() sends and the request.
          "info engine worker stopped (exit code 3, 2 requests failed); restarting",
          "info engine worker stopped (exit code 3, 2 requests failed); restarting",
        ]);
      } finally {
        client.dispose();
      }
    });

    it("an exception in the worker is logged as an error before the restart", async () => {
      const log = recordingLog();
      const client = new EngineClient(dyingWorker("throws", 1, "throw"), log);
      try {
        await assert.rejects(client.call("work"), /the engine worker stopped \(exit code 1\)/);
        assert.equal(await client.call("work"), "alive 2");
        assert.deepEqual(log.lines.filter((l) => l.startsWith("error")), ["error the engine worker: engine fault"]);
      } finally {
        client.dispose();
      }
    });

    it("is not restarted past three deaths in a minute", async () => {
      const log = recordingLog();
      const client = new EngineClient(dyingWorker("always", 99, "exit"), log);
      try {
        for (let i = 0; i < 4; i++) await assert.rejects(client.call("work"), /the engine worker stopped/);
        await assert.rejects(client.call("work"), /the engine worker is not running/);
        assert.equal(log.lines.filter((l) => l.includes("restarting")).length, 3);
        assert.match(log.lines.at(-1)!, /^error the engine worker: it stopped 4 times within 60 s \(exit code 3\); not restarted until the window is reloaded$/);
      } finally {
        client.dispose();
      }
    });
  });
});
