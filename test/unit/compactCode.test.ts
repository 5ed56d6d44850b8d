import * as assert from "node:assert/strict";
import { compactCode } from "../../src/core/compactCode";

describe("compactCode (a call's label)", () => {
  it("keeps one space between two words and drops the rest of the whitespace", () => {
    assert.equal(compactCode('(await import("./llm")).ask'), '(await import("./llm")).ask');
    assert.equal(compactCode("(new  OpenAI())\n    .chat\n    .completions.create"), "(new OpenAI()).chat.completions.create");
    assert.equal(compactCode("client . responses\t. create"), "client.responses.create");
    assert.equal(compactCode("  (await\u00a0getClient()) .ask  "), "(await getClient()).ask");
  });

  it("does not fuse words that were apart, whatever their script", () => {
    assert.equal(compactCode("typeof  ä.b"), "typeof ä.b");
    assert.equal(compactCode("$a\n_b"), "$a _b");
  });
});
