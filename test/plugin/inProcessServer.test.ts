import * as assert from "node:assert/strict";
import * as path from "node:path";
import { OPENAI_STUB, agentFile } from "./benchAgentFile";
import { InProcessServer } from "./inProcessServer";
import { PLUGIN_NAME, pluginProbe, projectFolder } from "./tsserver";

// bench:plugin's IN_PROCESS=1: the plugin must load and answer as in the server process, and the
// request-time log the benchmark reads must be there.
describe("bench:plugin's in-process tsserver", () => {
  it("loads the plugin from the probe folder, answers its diagnostic, and logs the request's time", async () => {
    const root = projectFolder({
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, lib: ["es2022"], types: [], plugins: [{ name: PLUGIN_NAME }] }, include: ["src"] }),
      "node_modules/openai/package.json": JSON.stringify({ name: "openai", types: "index.d.ts" }),
      "node_modules/openai/index.d.ts": OPENAI_STUB,
      "src/agents.ts": agentFile(15),
    });
    const file = path.join(root, "src/agents.ts");
    const server = new InProcessServer(pluginProbe(path.resolve(__dirname, "../../../dist/tsserver-plugin/index.js")));
    await server.notify("open", { file, projectRootPath: root });

    const r = await server.request("semanticDiagnosticsSync", { file });

    assert.equal(r.success, true);
    const diagnostics = r.body as { start: { line: number; offset: number }; end: { line: number; offset: number }; code: number; source: string }[];
    assert.deepEqual(
      diagnostics.map((d) => ({ start: d.start, end: d.end, code: d.code, source: d.source })),
      [{ start: { line: 9, offset: 21 }, end: { line: 9, offset: 99 }, code: 91001, source: "aalp" }],
    );
    assert.match(server.log(), /\d+::semanticDiagnosticsSync: elapsed time \(in milliseconds\) \d+\.\d+/);
    assert.match(server.log(), /analysed 3 of 3 top-level statements in \d+\.\d ms/);
  });
});
