// A fresh copy of examples/ to open as the test workspace (tests save files into it), with
// workspace settings the suite relies on.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const WORKSPACE_SETTINGS = { "aalp.assumptions": { rounds: 20 } };

export function makeWorkspace(parent = os.tmpdir()) {
  const dir = fs.mkdtempSync(path.join(parent, "aalp-ws-"));
  fs.cpSync(path.join(ROOT, "examples"), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, ".vscode"));
  fs.writeFileSync(path.join(dir, ".vscode", "settings.json"), JSON.stringify(WORKSPACE_SETTINGS, null, 2));
  return dir;
}
