// The engine off the extension host: the worker (dist/engineWorker.js, as the extension starts it)
// answers what the surfaces show; superseded requests are cancelled, a scan stops between files,
// and a worker that dies is logged and restarted. Plain Node, real worker threads.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { analyze, quickFixes, scanSites, workspaceFiles, type RequestContext } from "../../../src/extension/view/engineApi";
import { EngineCancelled, EngineClient } from "../../../src/extension/view/engineClient";
import { AnalysisCancelled } from "../../../src/core";
import { keepResultsIn } from "../../../src/extension/view/resultStore";
import { cancelFlags, flagCancelled, type FromWorker } from "../../../src/extension/view/engineProtocol";
import { DEFAULT_SETTINGS } from "../../../src/extension/view/settingsModel";

const ROOT = path.resolve(__dirname, "../../../..");
const EXAMPLES = path.join(ROOT, "examples");
const WORKER = path.join(ROOT, "dist/engineWorker.js");

/** The log lines an EngineClient writes. */
function recordingLog(): { lines: string[]; info(t: string): void; error(what: string, err: unknown): void } {
  const lines: string[] = [];
  return { lines, info: (t) => lines.push(`info ${t}`), error: (what, err) => lines.push(`error ${what}: ${err instanceof Error ? err.message : String(err)}`) };
}

/** A request's context that is never cancelled and ignores progress. */
const WHOLE: RequestContext = { isCancelled: () => false, progress: () => undefined };

function request(file: string) {
  const fileName = path.join(EXAMPLES, file);
  return { fileName, uri: `file://${fileName}`, text: fs.readFileSync(fileName, "utf8"), settings: DEFAULT_SETTINGS };
}

describe("engine worker", function () {
  this.timeout(60_000);

  describe("its requests (plain functions, as the worker runs them)", () => {
    it("analyze: the lens titles, tooltips and status bar entries of a document", () => {
      const view = analyze(request("debug-naive.ts"), WHOLE);
      assert.deepEqual(view.sites.map((s) => `${s.line}:${s.column} ${s.title}`), ["21:22 ≈ $0.0043 · quadratic in rounds · gpt-4o-mini", "29:23 ≈ $0.076 · quadratic in rounds · gpt-4o"]);
      assert.equal(view.sites[1]!.tooltip, "Θ(rounds²·|program|) input · Θ(rounds) calls · ≈ $0.076 at defaults rounds=10, |program|=200. Click for the derivation.");
      assert.deepEqual(view.refs.map((r) => `${r.line} ${r.costClass} ${r.rank}`), ["21 quadratic 2", "29 quadratic 2"]);
      assert.deepEqual(view.advice.map((a) => `${a.code} ${a.start}-${a.end} ${a.docs}`), [
        "aalp.growing-history 1212-1377 docs/diagnostics/growing-history.md",
        "aalp.growing-history 1527-1665 docs/diagnostics/growing-history.md",
      ]);
    });

    it("workspaceFiles: an interface's implementation in a file never opened is found once the host lists the workspace's files", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-impl-"));
      const write = (name: string, text: string): string => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
      const llm = write("llm.ts", "export interface Llm {\n  ask(prompt: string): Promise<string>;\n}\n");
      const impl = write("openaiLlm.ts", `import OpenAI from "openai";\nimport type { Llm } from "./llm";\nconst client = new OpenAI();\nexport class OpenAiLlm implements Llm {\n  async ask(prompt: string) {\n    const r = await client.responses.create({ model: "gpt-4.1", max_output_tokens: 200, input: prompt });\n    return r.output_text;\n  }\n}\n`);
      const loop = write("loop.ts", `import type { Llm } from "./llm";\nexport async function answerAll(llm: Llm, questions: string[]) {\n  for (const q of questions) await llm.ask(q);\n}\n`);
      const req = { fileName: loop, uri: `file://${loop}`, text: fs.readFileSync(loop, "utf8"), settings: DEFAULT_SETTINGS };
      try {
        assert.deepEqual(analyze(req, WHOLE).sites, []);
        assert.equal(workspaceFiles([llm, impl, loop]), true);
        assert.deepEqual(analyze(req, WHOLE).sites.map((s) => `${s.line}:${s.column} ${s.title}`), ["3:36 ≈ $0.02 · linear in |questions| · gpt-4.1"]);
        assert.equal(workspaceFiles([loop, llm, impl]), false);
      } finally {
        workspaceFiles(undefined);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("quickFixes: the extension's string codes and the plugin's numbers find the same advice; other targets none", () => {
      const req = request("debug-naive.ts");
      const start = analyze(req, WHOLE).advice[0]!.start;
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
      const worker = new Worker(WORKER, { workerData: { cancelFlags: cancelFlags() } });
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
        assert.deepEqual(replies[1]!.type === "result" && replies[1]!.value, analyze(request("debug-naive.ts"), WHOLE));
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

  describe("cancellation inside a file", () => {
    const FUNCTIONS = 300;
    let dir: string;
    let big: ReturnType<typeof request>;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-cancel-"));
      const fns = Array.from({ length: FUNCTIONS }, (_, i) => `export async function f${i}(qs: string[]) {\n  for (const q of qs) await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });\n}\n`);
      const fileName = path.join(dir, "many.ts");
      fs.writeFileSync(fileName, `import OpenAI from "openai";\nconst client = new OpenAI();\n${fns.join("")}`);
      big = { fileName, uri: `file://${fileName}`, text: fs.readFileSync(fileName, "utf8"), settings: DEFAULT_SETTINGS };
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it(`analyze stops at the function where its request was cancelled (the third of ${FUNCTIONS}), and a later request analyses the whole file`, () => {
      let asked = 0;
      const stopsAtThird: RequestContext = { isCancelled: () => ++asked >= 3, progress: () => undefined };
      assert.throws(() => analyze(big, stopsAtThird), AnalysisCancelled);
      assert.equal(asked, 3);
      assert.equal(analyze(big, WHOLE).sites.length, FUNCTIONS);
    });

    it("the worker stops a running analysis when the host sets its request's shared flag (no message needed), and answers 'cancelled'", async () => {
      const flags = cancelFlags();
      const worker = new Worker(WORKER, { workerData: { cancelFlags: flags } });
      try {
        const replies = new Map<number, FromWorker>();
        const waiters = new Map<number, () => void>();
        worker.on("message", (m: FromWorker) => {
          if (m.type === "log" || m.type === "progress") return;
          replies.set(m.id, m);
          waiters.get(m.id)?.();
        });
        const reply = (id: number) => new Promise<FromWorker>((resolve) => (replies.has(id) ? resolve(replies.get(id)!) : waiters.set(id, () => resolve(replies.get(id)!))));
        // Flagged in the same turn as the call, and no cancel message: the request starts, and its
        // analysis asks the flag before its first function.
        worker.postMessage({ type: "call", id: 1, method: "analyze", args: [big] });
        flagCancelled(flags, 1);
        assert.deepEqual(await reply(1), { type: "cancelled", id: 1 });
        worker.postMessage({ type: "call", id: 2, method: "work", args: [] });
        const work = await reply(2);
        assert.ok(work.type === "result");
        assert.deepEqual(work.value, { analyses: 1, stopped: 1, fixOutcomes: 0, storeReads: 0, storeWrites: 0 });
        // The next request of the same file analyses it whole (the stopped analysis was not kept).
        worker.postMessage({ type: "call", id: 3, method: "analyze", args: [big] });
        const whole = await reply(3);
        assert.ok(whole.type === "result");
        assert.equal((whole.value as { sites: unknown[] }).sites.length, FUNCTIONS);
      } finally {
        await worker.terminate();
      }
    });
  });

  describe("results kept across sessions (the result store)", () => {
    let dir: string;
    let ws: string;
    let store: string;
    const WRAPPER = `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function ask(q: string) {\n  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });\n}\n`;
    const FILES: Record<string, string> = {
      "llm.ts": WRAPPER,
      "agent.ts": `import { ask } from "./llm";\nexport async function run(qs: string[]) {\n  for (const q of qs) await ask(q);\n}\n`,
      "indirect.ts": `import { run } from "./agent";\nexport async function all(groups: string[][]) {\n  for (const g of groups) await run(g);\n}\n`,
      "other.ts": `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function each(qs: string[]) {\n  for (const q of qs) await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });\n}\n`,
      "plain.ts": `export const twice = (n: number) => 2 * n;\n`,
    };
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-store-"));
      ws = path.join(dir, "ws");
      store = path.join(dir, "storage", "results");
      fs.mkdirSync(ws);
      for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(ws, name), text);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const scanFiles = () => Object.keys(FILES).map((f) => ({ uri: `file://${ws}/${f}`, fileName: path.join(ws, f), settings: DEFAULT_SETTINGS }));
    const agent = () => ({ fileName: path.join(ws, "agent.ts"), uri: `file://${ws}/agent.ts`, text: fs.readFileSync(path.join(ws, "agent.ts"), "utf8"), settings: DEFAULT_SETTINGS });

    /** A session: a worker started as the extension starts it, its scan, agent.ts opened, its work. */
    async function session(client: EngineClient) {
      const scan = await client.call("scanSites", scanFiles());
      const view = await client.call("analyze", agent());
      return { scan, view, work: await client.call("work") };
    }

    it("a second session over the same workspace analyses 0 files; an edited wrapper re-analyses it and its importers only", async () => {
      const first = new EngineClient(WORKER, recordingLog(), store);
      let before: Awaited<ReturnType<typeof session>>;
      try {
        before = await session(first);
      } finally {
        first.dispose();
      }
      // llm.ts, agent.ts, indirect.ts, other.ts analysed and stored (plain.ts reaches no LLM: decided by its imports, not stored), and agent.ts's view.
      assert.deepEqual(before.work, { analyses: 4, stopped: 0, fixOutcomes: 0, storeReads: 0, storeWrites: 5 });
      assert.deepEqual(before.scan?.map(([uri, refs]) => `${uri.slice(ws.length + 8)} ${refs.map((r) => r.line).join(",")}`), ["llm.ts 4", "agent.ts 3", "indirect.ts 3", "other.ts 4", "plain.ts "]);

      const second = new EngineClient(WORKER, recordingLog(), store);
      try {
        const again = await session(second);
        assert.deepEqual(again.work, { analyses: 0, stopped: 0, fixOutcomes: 0, storeReads: 5, storeWrites: 0 });
        assert.deepEqual(again.scan, before.scan);
        assert.deepEqual(again.view, before.view);

        // A checkout changes the wrapper: it and the files that import it, directly or not, are analysed again.
        fs.writeFileSync(path.join(ws, "llm.ts"), WRAPPER.replace('model: "gpt-4o"', 'model: "gpt-4o", max_tokens: 50'));
        const edited = await second.call("scanSites", scanFiles());
        assert.deepEqual(await second.call("work"), { analyses: 3, stopped: 0, fixOutcomes: 0, storeReads: 6, storeWrites: 3 });
        assert.deepEqual(edited?.map(([uri, refs]) => `${uri.slice(ws.length + 8)} ${refs.length}`), ["llm.ts 1", "agent.ts 1", "indirect.ts 1", "other.ts 1", "plain.ts 0"]);
      } finally {
        second.dispose();
      }
    });

    it("an open document's unsaved text is analysed, not stored", async () => {
      const client = new EngineClient(WORKER, recordingLog(), store);
      try {
        const edited = { ...agent(), text: `${agent().text}// typing\n` };
        await client.call("analyze", edited);
        await client.call("scanSites", scanFiles().map((f) => (f.fileName === edited.fileName ? { ...f, text: edited.text } : f)));
        // agent.ts analysed once (its view and its scan entry not stored); indirect.ts, saved, imports
        // it: analysed against that text, and stored under a key that holds it; llm.ts and other.ts read.
        assert.deepEqual(await client.call("work"), { analyses: 2, stopped: 0, fixOutcomes: 0, storeReads: 2, storeWrites: 1 });
      } finally {
        client.dispose();
      }
    });

    it("a worker's start keeps the most recently used entries up to the limit, and drops temporary files a crash left", () => {
      const folder = path.join(dir, "pruned");
      fs.mkdirSync(folder);
      const names = ["a", "b", "c", "d", "e"].map((c) => c.repeat(64));
      names.forEach((name, i) => {
        fs.writeFileSync(path.join(folder, name), name);
        fs.utimesSync(path.join(folder, name), 1_000_000 + i, 1_000_000 + i);
      });
      fs.writeFileSync(path.join(folder, ".left.tmp"), "");
      fs.utimesSync(path.join(folder, ".left.tmp"), 1_000_000, 1_000_000);
      try {
        assert.equal(keepResultsIn(folder, 3), true);
        assert.deepEqual(fs.readdirSync(folder).sort(), names.slice(2));
      } finally {
        keepResultsIn(undefined);
      }
    });

    it("a damaged or foreign entry is a miss: the file is analysed again and its entry written anew", async () => {
      for (const name of fs.readdirSync(store)) fs.writeFileSync(path.join(store, name), "not an entry");
      const client = new EngineClient(WORKER, recordingLog(), store);
      try {
        const { work } = await session(client);
        assert.deepEqual(work, { analyses: 4, stopped: 0, fixOutcomes: 0, storeReads: 0, storeWrites: 5 });
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
