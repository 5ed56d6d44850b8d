// Packages the extension as aalp-lens.vsix, with the tsserver plugin inside it as the local package
// node_modules/aalp-lens-tsserver-plugin (see contributes.typescriptServerPlugins).
//
// `vsce package --no-dependencies` never looks into node_modules/, whatever .vscodeignore says; with
// dependency detection on, it would walk every production dependency of this repository (typescript
// alone is 24 MB, and the engine already bundles what it needs). So the .vsix is made from a staging
// folder, dist/vsix-stage/: the files .vscodeignore allows (as `vsce ls --no-dependencies` lists
// them), the plugin package, and a package.json whose only dependency is that plugin. vsce then runs
// with npm dependency detection there, and the .vscodeignore allow-list (copied along) decides the
// final contents. Run after `npm run build`.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STAGE = path.join(ROOT, "dist", "vsix-stage");
const OUT = path.join(ROOT, "aalp-lens.vsix");
const PLUGIN_NAME = "aalp-lens-tsserver-plugin";
const VSCE = path.join(ROOT, "node_modules", "@vscode", "vsce", "vsce");
const VSCE_FLAGS = ["--skip-license", "--allow-missing-repository", "--no-rewrite-relative-links"];

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const pluginDir = path.join(ROOT, "node_modules", PLUGIN_NAME);
if (!fs.existsSync(path.join(pluginDir, "index.js"))) throw new Error(`${path.relative(ROOT, pluginDir)} is missing: run \`npm run build\` first`);
if (!manifest.contributes?.typescriptServerPlugins?.some((p) => p.name === PLUGIN_NAME)) throw new Error(`package.json does not contribute ${PLUGIN_NAME} under typescriptServerPlugins`);

const vsce = (args, cwd) => execFileSync(process.execPath, [VSCE, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

const files = vsce(["ls", "--no-dependencies"], ROOT)
  .split("\n")
  .map((f) => f.trim())
  .filter(Boolean);

fs.rmSync(STAGE, { recursive: true, force: true });
for (const file of files) {
  if (file === "package.json") continue;
  fs.mkdirSync(path.dirname(path.join(STAGE, file)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, file), path.join(STAGE, file));
}
fs.cpSync(pluginDir, path.join(STAGE, "node_modules", PLUGIN_NAME), { recursive: true });
fs.copyFileSync(path.join(ROOT, ".vscodeignore"), path.join(STAGE, ".vscodeignore"));
// The installed extension needs neither scripts nor the repository's dependencies: the bundles hold them.
const { scripts: _scripts, devDependencies: _dev, dependencies: _deps, ...rest } = manifest;
const pluginVersion = JSON.parse(fs.readFileSync(path.join(pluginDir, "package.json"), "utf8")).version;
fs.writeFileSync(path.join(STAGE, "package.json"), JSON.stringify({ ...rest, dependencies: { [PLUGIN_NAME]: pluginVersion } }, null, 2) + "\n");

vsce(["package", "--dependencies", "--no-yarn", ...VSCE_FLAGS, "-o", OUT], STAGE);

// The .vsix must hold the plugin where tsserver probes for it, and nothing else from node_modules.
const listing = execFileSync("unzip", ["-Z1", OUT], { encoding: "utf8" }).split("\n").filter(Boolean);
const modules = listing.filter((f) => f.startsWith("extension/node_modules/"));
const expected = ["genai-prices.js", "index.js", "o200k.js", "package.json"].map((f) => `extension/node_modules/${PLUGIN_NAME}/${f}`);
if (JSON.stringify(modules.sort()) !== JSON.stringify(expected)) throw new Error(`unexpected node_modules in the .vsix: ${modules.join(", ") || "none"}`);
console.log(`[package] ${path.relative(ROOT, OUT)}: ${listing.length} entries, ${(fs.statSync(OUT).size / 1024 / 1024).toFixed(2)} MB`);
