// Runs the extension suite in a desktop VS Code through @vscode/test-electron, when one is given:
// VSCODE_EXECUTABLE=/path/to/code npm test. runTests() would otherwise download VS Code, which
// machines without internet cannot; there the same suite runs in code-server (npm run test:editor).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { runTests } from "@vscode/test-electron";
import { makeWorkspace } from "./workspace.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const executable = process.env.VSCODE_EXECUTABLE;

if (!executable) {
  console.log("extension suite (test-electron): skipped — set VSCODE_EXECUTABLE to a VS Code binary to run it; `npm run test:editor` runs the same suite in code-server.");
  process.exit(0);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-electron-"));
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, "out/test/extension/index.js"),
    launchArgs: [makeWorkspace(scratch), "--disable-extensions", "--disable-workspace-trust", `--user-data-dir=${path.join(scratch, "user-data")}`],
  });
} catch (err) {
  console.error(`extension suite (test-electron) failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
