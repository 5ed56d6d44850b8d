// The HTML page's script and chart styles, which scripts/build.mjs bundles next to the CLI's own
// bundle (dist/report-page.js with uPlot, dist/report-page.css); the page inlines them.
import * as fs from "node:fs";
import * as path from "node:path";
import type { PageAssets } from "../core";

const PAGE_SCRIPT = "report-page.js";
const PAGE_STYLE = "report-page.css";

/** `dir`: the folder of the CLI's bundle, where the build puts them. */
export function pageAssets(dir = __dirname): PageAssets {
  const read = (name: string): string => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\``);
    return fs.readFileSync(file, "utf8");
  };
  return { script: read(PAGE_SCRIPT), style: read(PAGE_STYLE) };
}
