// What the plugin asks of TypeScript's own service per request: each getProgram() checks the
// project is up to date, so a request asks for the program once.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import init = require("../../src/plugin/index");
import { FILE, pluginInfo, service } from "./inMemoryService";

/** `inner` with each method call counted by name. */
function counting(inner: ts.LanguageService): { service: ts.LanguageService; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const service = new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { service, calls };
}

describe("tsserver plugin: calls to TypeScript's service", () => {
  it("asks for the program once per diagnostics request and once per code-fix request", () => {
    const { service: inner, calls } = counting(service().languageService);
    const decorated = init({ typescript: ts as never }).create(pluginInfo(inner));
    calls.clear();
    const ours = decorated.getSemanticDiagnostics(FILE).filter((d) => d.source === "aalp");
    assert.deepEqual(ours.map((d) => [d.code, d.start]), [[91001, 286]]);
    assert.deepEqual(Object.fromEntries(calls), { getSemanticDiagnostics: 1, getProgram: 1 });
    calls.clear();
    const fixes = decorated.getCodeFixesAtPosition(FILE, ours[0]!.start!, ours[0]!.start! + ours[0]!.length!, [ours[0]!.code], {}, {});
    assert.deepEqual(fixes.map((f) => f.fixName), ["aalp.window-history", "aalp.summarize-history", "aalp.reset-history", "aalp.ignore"]);
    assert.deepEqual(Object.fromEntries(calls), { getCodeFixesAtPosition: 1, getProgram: 1 });
  });
});
