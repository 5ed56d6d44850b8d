// The extension host stays responsive while AALP Lens scans a large workspace (a few hundred
// generated files, test/editor/run.mjs), and the status bar follows files changed on disk.
// Responsiveness is measured from outside the host: a Node process (pinger.mjs) sends one request
// at a time to an HTTP server here, which answers by executing a command registered here (another
// extension's command, as far as the host is concerned); a thread held by an analysis delays the answer.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import * as vscode from "vscode";
import type { AalpApi } from "../../src/extension/extension";
import { waitFor } from "./waitFor";

const EXTENSION_ID = "aalp-lens.aalp-lens";
const PINGER = path.resolve(__dirname, "../../../test/extension/pinger.mjs");
const PING_COMMAND = "aalpTest.ping";
const PING_INTERVAL_MS = 20;
/**
 * The bounds asserted, generous so that a loaded machine does not fail them (the figures measured
 * are logged and recorded in docs/performance.md): 95% of the answers within 250 ms, every one
 * within a second. On 2 shared cores at a load average of 12 the slowest answer of a rescan was
 * 243 ms in one run and 584 ms in the next; the old engine, on this thread, held it for a whole
 * file's analysis.
 */
const P95_ROUND_TRIP_MS = 250;
const MAX_ROUND_TRIP_MS = 1000;

interface Ping {
  readonly sentAt: number;
  readonly ms: number;
  readonly error?: string;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The round trips of the pings sent in [from, to], sorted, and a line with their p50/p95/max. */
function window(pings: readonly Ping[], from: number, to: number, what: string): { ms: number[]; line: string } {
  const inside = pings.filter((p) => p.sentAt >= from && p.sentAt <= to);
  const ms = inside.map((p) => p.ms).sort((a, b) => a - b);
  const slowest = inside.reduce((a, b) => (b.ms > a.ms ? b : a));
  const line = `[aalp] responsiveness during ${what} (${((to - from) / 1000).toFixed(1)} s): ${ms.length} pings, p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms (sent ${slowest.sentAt - from} ms in)`;
  return { ms, line };
}

describe("the extension host while AALP Lens scans a large workspace", function () {
  let api: AalpApi;
  const folder = () => vscode.workspace.workspaceFolders![0]!.uri;

  it("answers another extension's command all through a full scan of the workspace: p95 ≤ 250 ms, max ≤ 1 s (p50, p95 and max logged)", async () => {
    const ext = vscode.extensions.getExtension<AalpApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    assert.equal(ext.isActive, false, "activated before the test opened a TypeScript document");
    let answered = 0;
    const command = vscode.commands.registerCommand(PING_COMMAND, () => ++answered);
    const server = http.createServer((_req, res) => {
      void vscode.commands.executeCommand<number>(PING_COMMAND).then((n) => res.end(String(n)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const pinger = spawn(process.execPath, [PINGER, url, String(PING_INTERVAL_MS)], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    pinger.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((resolve) => pinger.on("exit", () => resolve()));
    try {
      await waitFor("the pinger's first answers", () => answered >= 3);
      const files = await vscode.workspace.findFiles("src/**/*.ts", "**/node_modules/**");
      assert.ok(files.length >= 300, `a large workspace: ${files.length} files under src/`);
      // The first window: activation (ours, and the built-in TypeScript extension's for the file
      // opened) and the first scan. Logged: other extensions' start-up shares the thread.
      const startupFrom = Date.now();
      await vscode.window.showTextDocument(files[0]!);
      api = await waitFor("activation on a TypeScript document", () => ext.isActive && ext.exports);
      await api.whenScanned();
      const startupTo = Date.now();
      await waitFor("the editor to settle after start-up", () => answered >= 3);
      // The second window: a full scan of every file again, the engine's cache gone (a new wrapper
      // name makes a new project), once the editor has started. Asserted.
      const scans = () => api.log().filter((l) => l.startsWith("info workspace scan:"));
      const before = scans().length;
      const rescanFrom = Date.now();
      await vscode.workspace.getConfiguration("aalp").update("wrappers", ["askResponsivenessProbe"], vscode.ConfigurationTarget.Workspace);
      await waitFor("the full rescan", () => scans().length > before, 300_000);
      const rescanTo = Date.now();
      pinger.stdin.end();
      await exited;
      const pings = JSON.parse(out) as Ping[];
      assert.deepEqual(pings.filter((p) => p.error), []);
      const startup = window(pings, startupFrom, startupTo, `activation and the first workspace scan (${scans()[0]})`);
      const rescan = window(pings, rescanFrom, rescanTo, `a full rescan (${scans().at(-1)})`);
      console.log(startup.line);
      console.log(rescan.line);
      // Pings all through the scan, or the figures say nothing about it.
      assert.ok(rescan.ms.length >= 10, `${rescan.ms.length} pings during the rescan`);
      assert.ok(percentile(rescan.ms, 95) <= P95_ROUND_TRIP_MS, rescan.line);
      assert.ok(rescan.ms.at(-1)! <= MAX_ROUND_TRIP_MS, rescan.line);
      await vscode.workspace.getConfiguration("aalp").update("wrappers", undefined, vscode.ConfigurationTarget.Workspace);
      await api.whenScanned();
    } finally {
      pinger.kill();
      server.close();
      command.dispose();
    }
  });

  it("the status bar follows a file with an LLM loop written on disk, and its deletion", async () => {
    const before = api.summary();
    const file = path.join(folder().fsPath, "src", "zz-disk-agent.ts");
    fs.writeFileSync(
      file,
      [
        'import OpenAI from "openai";',
        "const client = new OpenAI();",
        "export async function pollForever(task: string) {",
        "  while (true) {",
        '    await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: task }] });',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    const after = await waitFor("the status bar to count the new file's call", () => api.summary().total === before.total + 1 && api.summary(), 60_000);
    assert.equal(after.worst, "unbounded");
    assert.ok(after.sites.some((s) => s.file.endsWith("/src/zz-disk-agent.ts") && s.line === 5), JSON.stringify(after.sites.map((s) => `${s.file}:${s.line}`)));
    assert.ok(api.log().some((l) => /^info \d+ source files? changed on disk: rescanning$/.test(l)), api.log().join("\n"));
    fs.rmSync(file);
    await waitFor("the status bar to drop the deleted file's call", () => api.summary().total === before.total, 60_000);
    assert.deepEqual(api.log().filter((l) => l.startsWith("error")), []);
  });
});
