// Matching an edited file's top-level statements to the previous version's by text: the statements
// the edit left before and after it are matched in order, the rest by text and line.
import * as assert from "node:assert/strict";
import { sameTextIn } from "../../src/core/project/unitReuse";

/** Statements as [text, line]. */
const units = (...xs: [string, number][]): { text: string; line: number }[] => xs.map(([text, line]) => ({ text, line }));

describe("sameTextIn", () => {
  it("matches the statements before and after an edited one in order", () => {
    const previous = units(["import a;", 0], ["\nf();", 1], ["\ng();", 2], ["\nh();", 3]);
    const next = units(["import a;", 0], ["\nf();", 1], ["\ng(1);", 2], ["\nh();", 3]);
    assert.deepEqual(sameTextIn(previous, next), [0, 1, undefined, 3]);
  });

  it("matches across a line break that moved every statement below it", () => {
    const previous = units(["a();", 0], ["\nb();", 1], ["\nc();", 2]);
    const next = units(["a();", 0], ["\n\nb();", 1], ["\nc();", 3]);
    assert.deepEqual(sameTextIn(previous, next), [0, undefined, 2]);
  });

  it("leaves an inserted copy of a statement unmatched", () => {
    const previous = units(["a();", 0], ["\nb();", 1]);
    const next = units(["a();", 0], ["\na();", 1], ["\nb();", 2]);
    assert.deepEqual(sameTextIn(previous, next), [0, undefined, 1]);
  });

  it("keeps the copy the edit left in place when an earlier one was deleted", () => {
    // The first a() and x() were replaced by y(): the a() after them is the one still there.
    const previous = units(["a();", 0], ["\nx();", 1], ["\na();", 2]);
    const next = units(["y();", 0], ["\na();", 1]);
    assert.deepEqual(sameTextIn(previous, next), [undefined, 2]);
  });

  it("matches statements that changed places by text, on the same line first", () => {
    // A paste swapped b() and c(); the two d() between them: the one on its own line is taken.
    const previous = units(["a();", 0], ["\nb();", 1], ["\nd();", 2], ["\nd();", 3], ["\nc();", 4], ["\ne();", 5]);
    const next = units(["a();", 0], ["\nc();", 1], ["\nd();", 2], ["\nd();", 3], ["\nb();", 4], ["\ne();", 5]);
    assert.deepEqual(sameTextIn(previous, next), [0, 4, 2, 3, 1, 5]);
  });

  it("takes the first unused statement with the text when none is on the same line", () => {
    const previous = units(["x();", 0], ["\nb();", 1], ["\nb();", 2], ["\nz();", 3]);
    const next = units(["y();", 0], ["\nb();", 7], ["\nw();", 8]);
    assert.deepEqual(sameTextIn(previous, next), [undefined, 1, undefined]);
  });
});
