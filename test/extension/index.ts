// The extension test suite's entry, `run()`, called by the extension host in both routes:
// @vscode/test-electron (runWithElectron.mjs) and code-server's payload URL (test/editor/run.mjs).
import * as path from "node:path";
import Mocha from "mocha";

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", reporter: "spec", color: false, timeout: 120_000 });
  mocha.addFile(path.join(__dirname, "surfaces.js"));
  mocha.addFile(path.join(__dirname, "report.js"));
  mocha.addFile(path.join(__dirname, "commands.js"));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
