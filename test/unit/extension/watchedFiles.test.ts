// Which changes on disk make the status bar and the report rescan.
import * as assert from "node:assert/strict";
import { isWatchedSource } from "../../../src/extension/view/watchedFiles";

describe("files watched on disk", () => {
  it("source files outside dependencies, build output and .git; no declaration files", () => {
    const paths = ["/ws/src/agent.ts", "/ws/app.mjs", "/ws/ui/page.tsx", "/ws/lib/x.cjs", "/ws/node_modules/openai/index.js", "/ws/out/agent.js", "/ws/dist/x.js", "/ws/.git/x.ts", "/ws/types/api.d.ts", "/ws/README.md", "/ws/outer/agent.ts", "/ws/a.json"];
    assert.deepEqual(paths.filter(isWatchedSource), ["/ws/src/agent.ts", "/ws/app.mjs", "/ws/ui/page.tsx", "/ws/lib/x.cjs", "/ws/outer/agent.ts"]);
  });
});
