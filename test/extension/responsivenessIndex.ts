// The real-editor responsiveness suite's entry, `run()`: opened on a generated large workspace
// (test/editor/run.mjs), apart from the main suite, which runs on a copy of examples/.
import * as path from "node:path";
import Mocha from "mocha";

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", reporter: "spec", color: false, timeout: 300_000 });
  mocha.addFile(path.join(__dirname, "responsiveness.js"));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} responsiveness test(s) failed`)) : resolve()));
  });
}
