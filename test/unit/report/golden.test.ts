// Golden outputs of `aalp report` in every format over test/fixtures/report: each run is written to
// test/baselines/local/ and must equal test/baselines/reference/ (accept: npm run baselines:accept).
// The tool version and the fixture's absolute file URL (SARIF's %SRCROOT%) are normalised, and the
// HTML page's inlined script and styles are checked against the build, then replaced by markers.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { pageAssets } from "../../../src/cli/pageAssets";
import { aalp, FIXTURE, ROOT } from "./support";

const LOCAL = path.join(ROOT, "test/baselines/local");
const REFERENCE = path.join(ROOT, "test/baselines/reference");
const FORMATS: [format: string, ext: string][] = [["text", "txt"], ["json", "json"], ["markdown", "md"], ["sarif", "sarif"], ["html", "html"]];
/** One assumption given, the rest defaults: both kinds show in every format; fixes priced in every format. */
const ARGS = ["report", ".", "--assume", "|questions|=20", "--fixes"];

function firstDifference(want: string, got: string): string {
  const a = want.split("\n");
  const b = got.split("\n");
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}:\n  reference: ${a[at] ?? "(end)"}\n  local:     ${b[at] ?? "(end)"}`;
}

/**
 * The HTML page inlines the build's script (with uPlot) and chart styles: each must be there once,
 * byte for byte as dist/ has them, and is then replaced by a marker, so that the golden file holds
 * the page itself rather than a minified library.
 */
function withoutInlinedAssets(html: string): string {
  const assets = pageAssets(path.join(ROOT, "dist"));
  let out = html;
  for (const [inlined, marker] of [
    [`<script id="page-script">${assets.script}</script>`, '<script id="page-script">/* dist/report-page.js, inlined */</script>'],
    [`<style id="chart-style">${assets.style}</style>`, '<style id="chart-style">/* dist/report-page.css, inlined */</style>'],
  ] as const) {
    assert.equal(out.split(inlined).length - 1, 1, `${marker}: inlined once, exactly as built`);
    out = out.split(inlined).join(marker);
  }
  return out;
}

describe("report golden outputs", () => {
  const version = aalp(["--version"]).stdout.trim();
  const normalise = (s: string): string => s.split(`${pathToFileURL(FIXTURE).href}/`).join("file:///SRCROOT/").split(version).join("VERSION");

  for (const [format, ext] of FORMATS) {
    it(`${format} equals test/baselines/reference/report.${ext}`, () => {
      const r = aalp([...ARGS, "--format", format]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, "", "nothing on stderr when it is not a terminal");
      const got = normalise(format === "html" ? withoutInlinedAssets(r.stdout) : r.stdout);
      fs.mkdirSync(LOCAL, { recursive: true });
      fs.writeFileSync(path.join(LOCAL, `report.${ext}`), got);
      const reference = path.join(REFERENCE, `report.${ext}`);
      assert.ok(fs.existsSync(reference), `no ${path.relative(ROOT, reference)}: run npm run baselines:accept and review it`);
      const want = fs.readFileSync(reference, "utf8");
      if (got !== want) assert.fail(`report.${ext} differs from the reference at ${firstDifference(want, got)}\n(if the change is intended: npm run baselines:accept)`);
    });
  }

  it("json leaves the fixes unpriced unless asked (--fixes): the costly part of a report", () => {
    const r = aalp(["report", ".", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const sites = (JSON.parse(r.stdout) as { findings: { fixes: unknown[] }[] }).findings;
    assert.ok(sites.length > 0);
    assert.deepEqual(sites.map((f) => f.fixes), sites.map(() => []));
  });
});
