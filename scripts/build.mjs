// Bundles each front end with esbuild. The engine takes the `typescript` module as a parameter,
// so these bundles leave `typescript` external: the CLI loads the installed copy, the tsserver
// plugin the copy tsserver hands it (the engine only imports its types).
import { build } from "esbuild";

const common = { bundle: true, platform: "node", target: "node20", sourcemap: true, logLevel: "warning", external: ["typescript"] };

await build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", format: "cjs" });
await build({ ...common, entryPoints: ["src/plugin/index.ts"], outfile: "dist/tsserver-plugin/index.js", format: "cjs" });
