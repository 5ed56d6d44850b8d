import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { phaseSplit, recordCollections } from "./phaseSplit";

describe("bench:plugin's TRACE split", () => {
  const roots = ["/p/a", "/p/b"];

  /** One diagnostics request of `root` starting at `t` ms: update 10 (binding 6 inside), check 20, 3 after. */
  function request(t: number, root: string, seq: number): object[] {
    const us = (ms: number): number => ms * 1000;
    return [
      { name: "executeCommand", ph: "B", ts: us(t), args: { seq, command: "semanticDiagnosticsSync" } },
      { name: "updateGraph", ph: "B", ts: us(t) },
      { name: "bindSourceFile", ph: "B", ts: us(t + 2), args: { path: `${root}/src/agents.ts` } },
      { name: "bindSourceFile", ph: "E", ts: us(t + 8), args: { path: `${root}/src/agents.ts` } },
      { name: "updateGraph", ph: "E", ts: us(t + 10) },
      { name: "checkSourceFile", ph: "X", ts: us(t + 10), dur: us(20), args: { path: `${root}/src/agents.ts` } },
      { name: "executeCommand", ph: "E", ts: us(t + 33), args: { seq, command: "semanticDiagnosticsSync" } },
    ];
  }

  it("gives each project's medians after the warm-up, with the collections inside its requests", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-phase-split-"));
    const events = [
      // Another command's phases and a lib file's binding count for no project.
      { name: "executeCommand", ph: "B", ts: 0, args: { seq: 1, command: "open" } },
      { name: "bindSourceFile", ph: "X", ts: 0, dur: 50_000, args: { path: "/lib/lib.d.ts" } },
      { name: "executeCommand", ph: "E", ts: 60_000, args: { seq: 1, command: "open" } },
      ...request(100, "/p/a", 2), // warm-up, skipped
      ...request(200, "/p/b", 3), // warm-up, skipped
      ...request(300, "/p/a", 4),
      ...request(400, "/p/b", 5),
    ];
    fs.writeFileSync(path.join(dir, "trace.42.json"), JSON.stringify(events));
    // Collections: 4 ms in /p/a's check, 1 ms straddling the end of /p/b's request, one between requests.
    fs.writeFileSync(path.join(dir, "gc.jsonl"), [[315, 4], [432, 2], [380, 5]].map((e) => JSON.stringify(e)).join("\n") + "\n");

    assert.deepEqual(phaseSplit(dir, roots, 1), [
      { requests: 1, total: 33, update: 10, bind: 6, checkWithoutGc: 16, rest: 3, gc: 4 },
      { requests: 1, total: 33, update: 10, bind: 6, checkWithoutGc: 20, rest: 3, gc: 1 },
    ]);
  });

  it("loads the plugin through a module that records the process's collections", () => {
    const probe = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-phase-probe-"));
    const trace = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-phase-trace-"));
    const dir = path.join(probe, "node_modules", "some-plugin");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "index.js"), "module.exports = { plugin: true };\n");

    recordCollections(probe, "some-plugin", trace);

    assert.equal(fs.readFileSync(path.join(dir, "plugin.js"), "utf8"), "module.exports = { plugin: true };\n");
    // In a child process: the recorder's observer stays with the process that loads it.
    const loaded = execFileSync(process.execPath, ["-e", "process.stdout.write(JSON.stringify(require(process.argv[1])))", path.join(dir, "index.js")], { encoding: "utf8" });
    assert.deepEqual(JSON.parse(loaded), { plugin: true });
    assert.ok(fs.existsSync(path.join(trace, "gc.jsonl")));
  });
});
