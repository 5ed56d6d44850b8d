// One place reports each finding: the choice between the tsserver plugin and the extension's own
// diagnostics, and the configuration the extension sends to the plugin.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pluginSettings } from "../../../src/plugin/settings";
import { TSSERVER_PLUGIN_NAME, chooseDiagnosticsProvider, pluginConfiguration, readProviderSetting, type TypeScriptSetup } from "../../../src/extension/view/diagnosticsProvider";
import { DEFAULT_SETTINGS } from "../../../src/extension/view/settingsModel";

const ROOT = path.resolve(__dirname, "../../../..");

/** The built-in TypeScript extension running a JavaScript tsserver, which loads the plugin. */
const PLUGIN_RUNS: TypeScriptSetup = { extensionPresent: true, apiAvailable: true, nativePreview: false, syntaxServerOnly: false, validates: true };

describe("diagnostics provider", () => {
  it("auto: the plugin where it runs and TypeScript shows its diagnostics, the extension anywhere else", () => {
    const cases: [string, Partial<TypeScriptSetup>, string][] = [
      ["JavaScript tsserver with the plugin", {}, "tsserver"],
      ["TypeScript 7 native (useTsgo), which loads no plugins", { nativePreview: true }, "extension"],
      ["no TypeScript extension", { extensionPresent: false, apiAvailable: false }, "extension"],
      ["TypeScript extension without its API", { apiAvailable: false }, "extension"],
      ["syntax server only: no semantic diagnostics", { syntaxServerOnly: true }, "extension"],
      ["TypeScript validation off for the language", { validates: false }, "extension"],
    ];
    assert.deepEqual(
      cases.map(([what, setup]) => `${what}: ${chooseDiagnosticsProvider("auto", { ...PLUGIN_RUNS, ...setup })}`),
      cases.map(([what, , expected]) => `${what}: ${expected}`),
    );
  });

  it("an explicit setting wins over what the editor runs", () => {
    assert.equal(chooseDiagnosticsProvider("extension", PLUGIN_RUNS), "extension");
    assert.equal(chooseDiagnosticsProvider("tsserver", { ...PLUGIN_RUNS, nativePreview: true }), "tsserver");
  });

  it("reads the setting, falling back to auto", () => {
    assert.deepEqual(["auto", "extension", "tsserver", "TSSERVER", 3, undefined].map(readProviderSetting), ["auto", "extension", "tsserver", "auto", "auto", "auto"]);
  });

  it("sends the plugin the aalp.* settings it reads, enabled only when it is the provider", () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      warnDegree: 3,
      severity: "hint" as const,
      windowSize: 6,
      summarizeBudgetTokens: 2000,
      concurrency: 2,
      wrappers: ["askModel"],
      assumptions: { "|questions|": 40 },
      defaults: { count: 20, size: 500, output: 100 },
      prices: { "gpt-4o": { input: 1, output: 2 } },
    };
    const sent = pluginConfiguration(settings, "tsserver");
    // What the plugin makes of it: every key arrives (src/plugin/settings.ts reads the same names).
    assert.deepEqual(JSON.parse(JSON.stringify(pluginSettings(sent))), {
      enabled: true,
      wrappers: ["askModel"],
      advice: { warnDegree: 3, severity: "hint", windowSize: 6, summarizeBudgetTokens: 2000, concurrency: 2 },
      pricing: { assumptions: { "|questions|": 40 }, defaults: { count: 20, size: 500, output: 100 }, prices: { "gpt-4o": { input: 1, output: 2 } } },
    });
    assert.equal(pluginSettings(pluginConfiguration(settings, "extension")).enabled, false);
    assert.equal(pluginSettings(pluginConfiguration({ ...settings, diagnosticsEnabled: false }, "tsserver")).enabled, false);
  });

  it("the plugin keeps only well-typed sizes and prices, in tables without a prototype, and prices nothing itself without them", () => {
    assert.equal(pluginSettings({ severity: "error" }).pricing, undefined);
    const p = pluginSettings({ assumptions: { n: 5, bad: "7", neg: -1, inf: Infinity, __proto__x: 2 }, defaults: { count: 0, size: 50, output: "x" }, prices: { a: { input: 1, output: 2, cachedInput: 0.5 }, b: { input: 1 }, c: 3 } }).pricing!;
    assert.deepEqual({ ...p.assumptions }, { n: 5, __proto__x: 2 });
    assert.equal(Object.getPrototypeOf(p.assumptions), null);
    assert.deepEqual(p.defaults, { count: 10, size: 50, output: 300 });
    assert.deepEqual({ ...p.prices }, { a: { input: 1, output: 2, cachedInput: 0.5 } });
    assert.equal(Object.getPrototypeOf(p.prices), null);
    // A key named after an Object.prototype member is a name like any other.
    assert.equal(pluginSettings({ assumptions: JSON.parse('{"constructor": 3, "__proto__": 4}') }).pricing!.assumptions.constructor, 3);
  });

  it("package.json contributes the plugin under its package name and documents the setting", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    assert.deepEqual(manifest.contributes.typescriptServerPlugins, [{ name: TSSERVER_PLUGIN_NAME, enableForWorkspaceTypeScriptVersions: true }]);
    const setting = manifest.contributes.configuration.properties["aalp.diagnostics.provider"];
    assert.deepEqual([setting.enum, setting.default], [["auto", "extension", "tsserver"], "auto"]);
    // The build makes the local package tsserver loads from the extension folder.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", TSSERVER_PLUGIN_NAME, "package.json"), "utf8"));
    assert.deepEqual([pkg.name, pkg.main, pkg.version], [TSSERVER_PLUGIN_NAME, "index.js", manifest.version]);
    assert.ok(fs.statSync(path.join(ROOT, "node_modules", TSSERVER_PLUGIN_NAME, "index.js")).size > 0);
  });
});
