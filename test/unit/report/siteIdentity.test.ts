// Site identity: file, function, API (or the wrapper gone through) and order — not the line.
import * as assert from "node:assert/strict";
import { fingerprint, siteIds } from "../../../src/core/report/siteIdentity";

const site = (fn: string, api: string, through: string | null = null) => ({ file: "a.ts", function: fn, sdk: "openai", api, through });

describe("report site identity", () => {
  it("numbers repeated calls of one API in one function in order; other functions and APIs apart", () => {
    assert.deepEqual(siteIds([site("f", "chat.completions.create"), site("g", "chat.completions.create"), site("f", "chat.completions.create"), site("f", "responses.create"), site("f", "ask() → chat.completions.create", "ask")]), [
      "a.ts › f › openai chat.completions.create #1",
      "a.ts › g › openai chat.completions.create #1",
      "a.ts › f › openai chat.completions.create #2",
      "a.ts › f › openai responses.create #1",
      "a.ts › f › ask() #1",
    ]);
  });

  it("fingerprints are 16 hex digits of FNV-1a 64, stable and distinct", () => {
    assert.equal(fingerprint(""), "cbf29ce484222325");
    assert.equal(fingerprint("a"), "af63dc4c8601ec8c");
    assert.match(fingerprint("a.ts › f › openai chat.completions.create #1"), /^[0-9a-f]{16}$/);
    assert.notEqual(fingerprint("a.ts › f › openai chat.completions.create #1"), fingerprint("a.ts › f › openai chat.completions.create #2"));
  });
});
