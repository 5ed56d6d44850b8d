// The walkthrough opens by itself once per install, never in test runs or where suppressed.
import * as assert from "node:assert/strict";
import type * as vscode from "vscode";
import { openWalkthroughOnFirstRun, SUPPRESS_WALKTHROUGH_ENV, WALKTHROUGH_SHOWN_KEY } from "../../../src/extension/firstRun";

/** Global state as VS Code keeps it across sessions of one install. */
function memento(): vscode.Memento & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
  } as vscode.Memento & { values: Map<string, unknown> };
}

describe("walkthrough on first run", () => {
  it("opens on the first activation of an install, and never again", async () => {
    const state = memento();
    let opened = 0;
    const open = async (): Promise<void> => void opened++;
    assert.equal(await openWalkthroughOnFirstRun(state, false, {}, open), true);
    assert.equal(opened, 1);
    assert.equal(state.values.get(WALKTHROUGH_SHOWN_KEY), true);
    assert.equal(await openWalkthroughOnFirstRun(state, false, {}, open), false);
    assert.equal(opened, 1);
  });

  it("stays closed, and unrecorded, in VS Code's extension tests and where the environment suppresses it", async () => {
    for (const [inTests, env] of [[true, {}], [false, { [SUPPRESS_WALKTHROUGH_ENV]: "1" }]] as const) {
      const state = memento();
      let opened = 0;
      assert.equal(await openWalkthroughOnFirstRun(state, inTests, env, async () => void opened++), false);
      assert.equal(opened, 0);
      assert.equal(state.values.has(WALKTHROUGH_SHOWN_KEY), false);
    }
  });

  it("records the first run before opening, so a failure to open is not retried at every start", async () => {
    const state = memento();
    await assert.rejects(openWalkthroughOnFirstRun(state, false, {}, async () => Promise.reject(new Error("no workbench"))), /no workbench/);
    assert.equal(state.values.get(WALKTHROUGH_SHOWN_KEY), true);
  });
});
