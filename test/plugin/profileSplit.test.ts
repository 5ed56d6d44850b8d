import * as assert from "node:assert/strict";
import { profileSplit, type CpuProfile } from "./profileSplit";

describe("bench:plugin's CPU_PROF split", () => {
  const TS = "file:///x/node_modules/typescript/lib/typescript.js";
  const PLUGIN = "file:///tmp/probe/node_modules/aalp-lens-tsserver-plugin/index.js";
  const frame = (functionName: string, url = TS) => ({ functionName, url });
  // root → onMessage → getDiagnosticsWorker → { checkSourceFile → checkIdentifier, plugin's getSemanticDiagnostics → { its own code, getLineStarts } , formatDiag → charOffsetToLineInfo }; root → GC, idle
  const profile = (samples: number[], deltas: number[]): CpuProfile => ({
    nodes: [
      { id: 1, callFrame: frame("(root)", ""), children: [2, 20, 21] },
      { id: 2, callFrame: frame("onMessage"), children: [3] },
      { id: 3, callFrame: frame("getDiagnosticsWorker"), children: [4, 6, 9] },
      { id: 4, callFrame: frame("checkSourceFile"), children: [5] },
      { id: 5, callFrame: frame("checkIdentifier") },
      { id: 6, callFrame: frame("getSemanticDiagnostics", PLUGIN), children: [7, 8] },
      { id: 7, callFrame: frame("", PLUGIN) },
      { id: 8, callFrame: frame("getLineStarts") },
      { id: 9, callFrame: frame("formatDiag"), children: [10] },
      { id: 10, callFrame: frame("charOffsetToLineInfo") },
      { id: 20, callFrame: frame("(garbage collector)", "") },
      { id: 21, callFrame: frame("(idle)", "") },
    ],
    startTime: 1000,
    samples,
    timeDeltas: deltas,
  });

  it("counts each request window's samples by the part they ran in, per request", () => {
    // Samples at t = 1100 … 2000 µs, 100 apart; project A's two windows, project B's one.
    const samples = [5, 7, 8, 10, 20, 3, 5, 21, 5, 7];
    const p = profile(samples, samples.map(() => 100));
    const [a, b] = profileSplit(p, [[[1100, 1450], [1800, 1900]], [[1500, 1700]]], 100, "aalp-lens-tsserver-plugin");
    // A: 1100 check, 1200 plugin, 1300 plugin (getLineStarts called by the plugin), 1400 converting; 1800 idle, 1900 check. Two requests.
    assert.deepEqual(Object.fromEntries(a!), { collections: 0, "program update": 0, "type check": 0.1, plugin: 0.1, "converting diagnostics": 0.05, idle: 0.05, "rest of tsserver": 0 });
    // B: 1500 collections, 1600 the rest (getDiagnosticsWorker's own), 1700 check.
    assert.deepEqual(Object.fromEntries(b!), { collections: 0.1, "program update": 0, "type check": 0.1, plugin: 0, "converting diagnostics": 0, idle: 0, "rest of tsserver": 0.1 });
  });

  it("counts samples, not their time deltas: a long wait for the CPU adds one sample's interval", () => {
    const p = profile([5, 7], [100, 5000]);
    const [a] = profileSplit(p, [[[1000, 7000]]], 100, "aalp-lens-tsserver-plugin");
    assert.equal(a!.get("type check"), 0.1);
    assert.equal(a!.get("plugin"), 0.1);
  });
});
