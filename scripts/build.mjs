// Bundles each front end with esbuild. The engine takes the `typescript` module as a parameter:
// the CLI leaves `typescript` external and loads the installed copy; the tsserver plugin uses the
// copy tsserver hands it.
//
// The VS Code extension is two bundles. dist/extension.js is the thin editor glue, loaded at
// activation (`vscode` external, provided by the host). dist/engineWorker.js is the analysis, run
// in a worker thread the glue starts at activation (so it never blocks the extension host), and it
// bundles `typescript`: the extension host offers no `typescript` module (the built-in TypeScript
// extension keeps its copy private, and may run the native port), and one minified bundle is ≈ 3 MB
// against 24 MB for the `typescript` package with tsserver, lib files and locales — the .vsix
// ships with `--no-dependencies`.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";

const common = { bundle: true, platform: "node", target: "node20", logLevel: "warning", format: "cjs" };

// The tokenizer's ranks and the price catalog are most of both the engine and the plugin. The .vsix
// holds one copy: small modules in the plugin package, which both bundles require at run time
// (the engine from dist/, the plugin from its own folder). The CLI loads the installed packages.
const PLUGIN_NAME = "aalp-lens-tsserver-plugin";
const pluginDir = path.join("node_modules", PLUGIN_NAME);
const SHARED_DATA = { "gpt-tokenizer/encoding/o200k_base": "o200k.js", "@pydantic/genai-prices": "genai-prices.js" };
const sharedData = (fromBundle) => ({
  name: "shared-data",
  setup(b) {
    b.onResolve({ filter: /^(gpt-tokenizer\/encoding\/o200k_base|@pydantic\/genai-prices)$/ }, (args) => ({ path: `${fromBundle}/${SHARED_DATA[args.path]}`, external: true }));
  },
});

// The CLI's --version and its reports' tool version: the package's.
const { version } = JSON.parse(fs.readFileSync("package.json", "utf8"));
// The tokenizer's ranks (3 of the bundle's 5.8 MB) go beside it in dist/o200k.js, loaded only when a
// literal is counted: every run and every worker compiled them at start-up (~0.1 s of CPU each).
const cliTokenizer = { name: "cli-tokenizer", setup: (b) => b.onResolve({ filter: /^gpt-tokenizer\/encoding\/o200k_base$/ }, () => ({ path: "./o200k.js", external: true })) };
await build({ ...common, sourcemap: true, external: ["typescript"], plugins: [cliTokenizer], define: { AALP_VERSION: JSON.stringify(version) }, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js" });
// The ranks as one JSON text that JSON.parse reads, not the package's array literal of 200,000
// strings, which V8 compiled at every load (gpt-tokenizer 4.0.0's bpeRanks/o200k_base.js: 0.18 s of
// CPU and 71 MB of RSS, of which 17 MB stays; as JSON 0.13 s and 42 MB). The encoder is the package's
// own, built as its encoding/o200k_base module builds it, so the counts are the package's.
const o200kRanks = createRequire(import.meta.url)("gpt-tokenizer/bpeRanks/o200k_base").default;
const o200kJson = JSON.stringify(o200kRanks);
if (!isDeepStrictEqual(JSON.parse(o200kJson), o200kRanks)) throw new Error("gpt-tokenizer's o200k ranks do not survive JSON");
const o200kModule = `const { GptEncoding } = require("gpt-tokenizer/GptEncoding");\nconst ranks = JSON.parse(${JSON.stringify(o200kJson)});\nmodule.exports = GptEncoding.getEncodingApi("o200k_base", () => ranks);\n`;
const dataModule = (specifier) => (specifier === "gpt-tokenizer/encoding/o200k_base" ? o200kModule : `module.exports = require(${JSON.stringify(specifier)});`);
await build({ ...common, minify: true, stdin: { contents: dataModule("gpt-tokenizer/encoding/o200k_base"), resolveDir: ".", loader: "js" }, outfile: "dist/o200k.js" });
const glue = await build({ ...common, sourcemap: true, metafile: true, external: ["vscode"], entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js" });
// Activation loads only the glue: the engine, `typescript` and price data must stay out of it.
const leaked = Object.keys(glue.metafile.inputs).filter((f) => !f.startsWith("src/extension/") || /^src\/extension\/view\/(engineApi|engineWorker|documentAnalysis)\.ts$/.test(f));
if (leaked.length) throw new Error(`dist/extension.js must not bundle the engine; it pulls in ${leaked.join(", ")}`);
await build({ ...common, minify: true, plugins: [sharedData(`../node_modules/${PLUGIN_NAME}`)], entryPoints: ["src/extension/view/engineWorker.ts"], outfile: "dist/engineWorker.js" });
// The lens benchmark's entry (scripts/bench-lenses.mjs): the engine's functions the worker calls, in
// one module to require. Not in the .vsix.
await build({ ...common, minify: true, plugins: [sharedData(`../node_modules/${PLUGIN_NAME}`)], entryPoints: ["src/extension/view/engine.ts"], outfile: "dist/engine.js" });
// The report's browser code. The webview's page script and styles (with the uPlot chart's) go to
// media/, the webview's only local resource root. The CLI's HTML page inlines its own script (the
// same chart module) and the chart's styles: minified beside dist/cli.js, which reads them
// (src/cli/pageAssets.ts).
const browser = { bundle: true, platform: "browser", format: "iife", target: "es2022", logLevel: "warning" };
await build({ ...browser, entryPoints: ["src/webview/reportClient.ts"], outfile: "media/report.js" });
await build({ bundle: true, logLevel: "warning", entryPoints: ["src/webview/report.css"], outfile: "media/report.css" });
await build({ ...browser, minify: true, entryPoints: ["src/webview/htmlReportClient.ts"], outfile: "dist/report-page.js" });
await build({ bundle: true, minify: true, logLevel: "warning", entryPoints: ["src/webview/costChart.css"], outfile: "dist/report-page.css" });
// The tsserver plugin uses the `typescript` tsserver hands it: the engine only imports its types.
// Minified: it ships inside the .vsix beside dist/engineWorker.js (the tokenizer's ranks are most of both).
await build({ ...common, minify: true, sourcemap: true, external: ["typescript"], plugins: [sharedData(".")], entryPoints: ["src/plugin/index.ts"], outfile: "dist/tsserver-plugin/index.js" });

// The plugin as a local package, node_modules/aalp-lens-tsserver-plugin: where tsserver looks for it
// (the TypeScript extension passes `--pluginProbeLocations <extension folder>` for the extension's
// `contributes.typescriptServerPlugins`), and a folder to install from in other editors.
// node_modules/ is git-ignored; `npm ci` runs `prepare`, which runs this build.
const root = JSON.parse(fs.readFileSync("package.json", "utf8"));
fs.rmSync(pluginDir, { recursive: true, force: true });
fs.mkdirSync(pluginDir, { recursive: true });
const pluginManifest = {
  name: PLUGIN_NAME,
  version: root.version,
  description: "AALP Lens as a TypeScript language-service plugin: asymptotic LLM cost findings and quick fixes in tsserver (TypeScript 5.x–6.x).",
  license: root.license,
  main: "index.js",
  files: ["index.js", ...Object.values(SHARED_DATA)],
};
fs.writeFileSync(path.join(pluginDir, "package.json"), JSON.stringify(pluginManifest, null, 2) + "\n");
// The source map stays in dist/: the package holds the code only.
const pluginCode = fs.readFileSync("dist/tsserver-plugin/index.js", "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
fs.writeFileSync(path.join(pluginDir, "index.js"), pluginCode);
for (const [specifier, file] of Object.entries(SHARED_DATA)) {
  await build({ ...common, minify: true, stdin: { contents: dataModule(specifier), resolveDir: ".", loader: "js" }, outfile: path.join(pluginDir, file) });
}
