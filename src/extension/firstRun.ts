// The walkthrough opens by itself once per install: on the first activation whose global state
// does not yet record it. Not in VS Code's extension test runs, nor where AALP_NO_WALKTHROUGH is
// set (the real-editor suite), where a walkthrough tab would cover the editors under test.
import type * as vscode from "vscode";

export const WALKTHROUGH_SHOWN_KEY = "aalp.walkthroughShown";
export const SUPPRESS_WALKTHROUGH_ENV = "AALP_NO_WALKTHROUGH";

/** Whether it opened the walkthrough (`open`) now; it records that first, so a failure to open is not retried. */
export async function openWalkthroughOnFirstRun(state: vscode.Memento, inTests: boolean, env: Readonly<Record<string, string | undefined>>, open: () => Thenable<unknown>): Promise<boolean> {
  if (inTests || env[SUPPRESS_WALKTHROUGH_ENV] || state.get<boolean>(WALKTHROUGH_SHOWN_KEY)) return false;
  await state.update(WALKTHROUGH_SHOWN_KEY, true);
  await open();
  return true;
}
