// Path normalisation for module resolution (src/core/project/modulePaths.ts): normal paths come back
// as they are (without being split: resolution builds thousands of candidates), others are normalised.
import * as assert from "node:assert/strict";
import { normalizePath } from "../../src/core/project/modulePaths";

describe("normalizePath", () => {
  it("returns normal paths unchanged, including dotted names that are not . or .. segments", () => {
    for (const p of ["/a/b.ts", "a/b", "C:/x/y.ts", "/a/.b", "/a/..b", "/a/b.", "a/b..", "", "/"]) assert.equal(normalizePath(p), p);
  });

  it("normalises backslashes, doubled slashes, . and .. segments and a trailing slash", () => {
    const cases: [string, string][] = [
      ["./a", "a"],
      ["../a", "../a"],
      ["a/./b", "a/b"],
      ["a/../b", "b"],
      ["/a/b/../../c", "/c"],
      ["/a/", "/a"],
      ["a\\b\\c.ts", "a/b/c.ts"],
      ["C:\\x\\..\\y", "C:/y"],
      ["//a//b", "/a/b"],
      [".", ""],
      ["..", ".."],
      ["/a/b/..", "/a"],
    ];
    assert.deepEqual(cases.map(([p]) => normalizePath(p)), cases.map(([, n]) => n));
  });

  it("is linear on a hostile path", () => {
    const long = "/a".repeat(200_000) + "/.";
    assert.equal(normalizePath(long), "/a".repeat(200_000));
  });
});
