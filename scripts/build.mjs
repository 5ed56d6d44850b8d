// Bundles each front end with esbuild. The engine takes the `typescript` module as a parameter,
// so every bundle leaves `typescript` external: the CLI loads the installed copy, the tsserver
// plugin (later) the copy tsserver hands it.
import { build } from "esbuild";

const common = { bundle: true, platform: "node", target: "node20", sourcemap: true, logLevel: "warning", external: ["typescript"] };

await build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", format: "cjs" });
