// --catalog and --baseline are checked against the shipped JSON Schemas: a bad entry is exit 2
// naming the file, the entry's index and the field. Before, `functions: [null]` switched the
// analysis (and the --fail-on gate) off and `[{}]` crashed with exit 3.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { aalp } from "./support";

const AGENT = `import OpenAI from "openai";
const ai = new OpenAI();
export async function chat(turns: number, q: string) {
  const messages: { role: "user"; content: string }[] = [];
  for (let i = 0; i < turns; i++) {
    messages.push({ role: "user", content: q });
    await ai.chat.completions.create({ model: "gpt-4.1", messages });
  }
}
`;

describe("--catalog and --baseline validation", () => {
  let dir: string;
  const write = (name: string, json: unknown): string => {
    fs.writeFileSync(path.join(dir, name), typeof json === "string" ? json : JSON.stringify(json));
    return name;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-json-"));
    fs.writeFileSync(path.join(dir, "agent.ts"), AGENT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const CATALOGS: [json: unknown, message: string][] = [
    [[{ sdk: "x", modules: ["x"], functions: [null] }], "entry 0, field functions[0]: must be object"],
    [[{}], "entry 0, field sdk: must have required property 'sdk'"],
    [[{ sdk: "x", modules: "x" }], "entry 0, field modules: must be array"],
    [[{ sdk: "a", modules: ["a"] }, { sdk: "b", modules: ["b"], clients: [{ id: "c", methods: [{ api: "send", prompt: [0] }] }] }], "entry 1, field clients[0].methods[0].prompt[0]: must be string"],
    [[{ sdk: "a", modules: ["a"], colour: 1 }], "entry 0, field colour: must NOT have additional properties"],
    [[{ sdk: "a", modules: ["a"], clients: [{ id: "c", classes: ["*a*a*b"], methods: [] }] }], `entry 0, field clients[0].classes[0]: must match pattern "^[^*]*\\*?[^*]*$"`],
    [[null], "entry 0: must be object"],
  ];

  it("a bad catalog entry is exit 2 naming the file, the entry and the field, even under --fail-on", () => {
    CATALOGS.forEach(([json, message], i) => {
      const file = write(`catalog${i}.json`, json);
      const r = aalp(["report", "agent.ts", "--catalog", file, "--fail-on", "new-quadratic"], dir);
      assert.equal(r.code, 2, `${JSON.stringify(json)}: ${r.stderr}`);
      assert.equal(r.stderr.split("\n")[0], `aalp: catalog ${file}: ${message}`);
    });
    const notArray = write("object.json", { modules: "x" });
    assert.equal(aalp(["report", "agent.ts", "--catalog", notArray], dir).stderr.split("\n")[0], `aalp: catalog ${notArray}: must be a JSON array of SDK entries`);
  });

  it("a valid catalog entry is used, and the gate still bars the quadratic site", () => {
    const file = write("good.json", [{ sdk: "mine", modules: ["my-llm"], functions: [{ api: "ask", prompt: ["0"] }] }]);
    const r = aalp(["report", "agent.ts", "--catalog", file, "--fail-on", "new-quadratic", "--format", "json"], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).findings.length, 1);
  });

  it("a bad baseline is exit 2 naming the file, the finding's index and the field", () => {
    const good = JSON.parse(aalp(["report", "agent.ts", "--format", "json"], dir).stdout);
    const cases: [json: unknown, message: string][] = [
      [{ ...good, schemaVersion: 2 }, 'field schemaVersion: must be equal to constant {"allowedValue":1}'],
      [{ ...good, findings: [good.findings[0], { ...good.findings[0], line: "7" }] }, "entry 1, field line: must be integer"],
      [{ ...good, findings: [{ ...good.findings[0], inputTokens: { text: "x", terms: [{ factors: { n: "2" } }] } }] }, "entry 0, field inputTokens.terms[0].factors.n: must be number"],
      [[], "the file: must be object"],
    ];
    cases.forEach(([json, message], i) => {
      const file = write(`baseline${i}.json`, json);
      const r = aalp(["report", "agent.ts", "--baseline", file], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.split("\n")[0], `aalp: baseline ${file}: ${message}`);
    });
    const r = aalp(["report", "agent.ts", "--baseline", write("ok.json", good)], dir);
    assert.equal(r.code, 0, r.stderr);
  });
});
