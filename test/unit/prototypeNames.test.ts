// Names from user code that are also Object.prototype members (`valueOf`, `constructor`,
// `__proto__`, …): as a loop bound, a size and a model they are symbols like any other.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { costClass, dollarEstimate, estimate, formatBound, lookupPrice, nameTable } from "../../src/core";
import { parseArgs } from "../../src/cli/args";
import { analyze } from "./analyze";

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const CLI = path.resolve(__dirname, "../../../bin/aalp.js");

function program(name: string): string {
  return `import OpenAI from "openai";
const client = new OpenAI();
export async function run(${name}: number, q: string) {
  for (let i = 0; i < ${name}; i++) {
    await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: q }] });
  }
}
export async function sized(${name}: string) {
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: ${name} }] });
}
export async function modelled(q: string) {
  await client.chat.completions.create({ model: ${JSON.stringify(name)}, max_tokens: 50, messages: [{ role: "user", content: q }] });
}
`;
}

describe("names that are Object.prototype members", () => {
  it("covers every member name", () => {
    assert.ok(NAMES.includes("valueOf") && NAMES.includes("__proto__") && NAMES.includes("constructor") && NAMES.includes("hasOwnProperty"));
  });

  for (const name of NAMES) {
    it(`${name}: a loop bound, a size and a model`, () => {
      const [loop, sized, modelled] = analyze(program(name));
      assert.ok(loop && sized && modelled);
      assert.equal(formatBound(loop.calls, loop.rank), `Θ(${name})`);
      assert.equal(formatBound(loop.inputTokens, loop.rank), `Θ(${name}·|q|)`);
      assert.equal(costClass(loop), "linear");
      const assumed = estimate(loop, nameTable([[name, 3], ["|q|", 100]]));
      // 3 calls of |q| = 100 tokens (a message's role is framing, not prompt text).
      assert.deepEqual([assumed.calls, assumed.inputTokens, assumed.outputTokens], [3, 300, 150]);
      const priced = dollarEstimate(loop, nameTable([[name, 3], ["|q|", 100]]));
      assert.ok(priced.dollars !== null, "priced");
      assert.equal(priced.tokens.calls, 3);
      // Unassumed, the default loop count 10.
      assert.equal(estimate(loop, {}).calls, 10);

      assert.equal(formatBound(sized.inputTokens, sized.rank), `Θ(|${name}|)`);
      assert.equal(estimate(sized, nameTable([[`|${name}|`, 70]])).inputTokens, 70);
      assert.equal(estimate(sized, nameTable([[name, 70]])).inputTokens, 70);
      assert.equal(estimate(sized, {}).inputTokens, 200);

      assert.equal(modelled.model, name);
      assert.equal(formatBound(modelled.outputTokens, modelled.rank), "Θ(1)");
      const unpriced = dollarEstimate(modelled, {});
      assert.equal(unpriced.dollars, null);
      assert.match(unpriced.dollars === null ? unpriced.reason : "", new RegExp(`^no price for ${name.replace(/[$]/g, "\\$")} in `));
      assert.equal(lookupPrice(name, "openai").found, false);
      const overridden = dollarEstimate(modelled, {}, nameTable([[name, { input: 1_000_000, output: 0 }]]));
      assert.equal(overridden.dollars, 200);
    });
  }

  it("--assume valueOf=3 and --assume __proto__=4 are kept by the argument parser", () => {
    const args = parseArgs(["report", ".", "--assume", "valueOf=3", "--assume", "__proto__=4"]);
    assert.equal(args.command, "report");
    if (args.command !== "report") return;
    assert.deepEqual(Object.entries(args.assume), [["valueOf", 3], ["__proto__", 4]]);
  });

  it("the CLI prices a loop over valueOf at --assume valueOf=3", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-proto-"));
    try {
      fs.writeFileSync(path.join(dir, "agent.ts"), program("valueOf"));
      const r = spawnSync(process.execPath, [CLI, "report", ".", "--format", "json", "--assume", "valueOf=3", "--assume", "|q|=100"], { cwd: dir, encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      const site = JSON.parse(r.stdout).findings[0];
      assert.equal(site.calls.text, "Θ(valueOf)");
      assert.deepEqual(site.calls.terms, [{ factors: { valueOf: 1 } }]);
      assert.equal(site.costClass, "linear");
      assert.equal(site.estimate.calls, 3);
      assert.equal(site.estimate.inputTokens, 300);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an SDK named like an Object.prototype member (a user catalog entry)", () => {
  it("has no provider, and an override prices its model", () => {
    assert.equal(lookupPrice("my-model", "constructor").found, false);
    const priced = lookupPrice("my-model", "constructor", nameTable([["my-model", { input: 1, output: 2 }]]));
    assert.deepEqual(priced.found && [priced.provider, priced.prices], [null, { input: 1, output: 2 }]);
  });
});
