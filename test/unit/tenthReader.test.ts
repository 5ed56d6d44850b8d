// Shapes a tenth reader met (issue 17). Each test is a small program of the shape, with its exact sites and bounds.
import { expectSites } from "./analyze";

describe("tenth reader: a test table chosen by a condition", () => {
  it("(live ? test.each(models) : test.skip.each(models))(…) inside describe.each(modes): at most |modes|·|models| requests", () => {
    // openai-node tests/live/bedrock.live.test.ts: the live cases run per model only for one endpoint mode.
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
const modes = (process.env.MODES ?? "a,b").split(",");
const models = (process.env.MODELS ?? "m1,m2,m3").split(",");
const live = process.env.ENDPOINT === "runtime";
describe.each(modes)("mode %s", () => {
  (live ? test.each(models) : test.skip.each(models))("model %s", async (model) => {
    await ai.chat.completions.create({ model, max_tokens: 5, messages: [{ role: "user", content: "hi" }] }); // @site
  });
});
`, [{ calls: "O(|models|·|modes|)", loops: "each@6:|modes| each@7:|models|" }], "live.test.ts");
  });

  it("test.skip.each(rows)(…) runs no row: at most |rows|, not exactly", () => {
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
const rows = (process.env.ROWS ?? "a,b").split(",");
test.skip.each(rows)("row %s", async (x) => {
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: x }] }); // @site
});
`, [{ calls: "O(|rows|)", loops: "each@4:|rows|" }], "skip.test.ts");
  });

  it("branches over two different tables are not read as one: the larger of them is not known", () => {
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
const a = (process.env.A ?? "x").split(",");
const b = (process.env.B ?? "y").split(",");
(process.env.C ? test.each(a) : test.each(b))("row %s", async (x) => {
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: x }] }); // @site
});
`, [{ calls: "O(|a| + |b|)" }], "two.test.ts");
  });
});
