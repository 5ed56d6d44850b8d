// Tokenization snapshots of the `@aalp` injection grammar, through the same TextMate engine and
// Oniguruma build VS Code uses. UPDATE_SNAPSHOTS=1 rewrites the snapshot after a deliberate change.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const ROOT = path.resolve(__dirname, "../../..");
const HERE = path.join(ROOT, "test/unit/grammar");
const INJECTION = "aalp.annotation.injection";

async function loadRegistry(): Promise<textmate.Registry> {
  const wasm = fs.readFileSync(path.join(ROOT, "node_modules/vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = {
    "source.ts": path.join(HERE, "host.tmLanguage.json"),
    [INJECTION]: path.join(ROOT, "syntaxes/aalp-annotations.tmLanguage.json"),
  };
  return new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (files[scope] ? textmate.parseRawGrammar(fs.readFileSync(files[scope]!, "utf8"), files[scope]) : null),
    // What package.json's `injectTo` does in the editor.
    getInjections: (scope) => (scope === "source.ts" ? [INJECTION] : undefined),
  });
}

/** One line per token whose scopes include an `aalp` scope: `line:col "text" scopes`. */
function aalpTokens(grammar: textmate.IGrammar, text: string): string {
  const out: string[] = [];
  let state = textmate.INITIAL;
  text.split("\n").forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const scopes = t.scopes.filter((s) => s.endsWith(".aalp"));
      if (scopes.length) out.push(`${i + 1}:${t.startIndex + 1} ${JSON.stringify(line.slice(t.startIndex, t.endIndex))} ${scopes.join(" ")}`);
    }
    state = r.ruleStack;
  });
  return out.join("\n") + "\n";
}

describe("@aalp injection grammar", () => {
  it("matches the tokenization snapshot", async () => {
    const grammar = await (await loadRegistry()).loadGrammar("source.ts");
    assert.ok(grammar, "host grammar did not load");
    const actual = aalpTokens(grammar, fs.readFileSync(path.join(HERE, "annotations.sample.txt"), "utf8"));
    const snapshot = path.join(HERE, "annotations.snapshot.txt");
    if (process.env.UPDATE_SNAPSHOTS === "1" || !fs.existsSync(snapshot)) fs.writeFileSync(snapshot, actual);
    assert.equal(actual, fs.readFileSync(snapshot, "utf8"));
  });
});
