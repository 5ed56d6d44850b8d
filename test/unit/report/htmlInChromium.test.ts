// The HTML report opened offline in headless Chromium: no request leaves the file, no script
// error, one table row per finding, the plot drawn by the inlined uPlot (canvas pixels, legend),
// a working sort; a screenshot for people to look at.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { canvasPixels } from "../../support/canvasPixels";
import { aalp, ROOT } from "./support";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test/report-artifacts");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface Site {
  readonly site: string;
  readonly file: string;
  readonly line: number;
  readonly function: string;
  readonly dollars: number | null;
  readonly projection: { symbol: string | null; points: { dollars: number | null }[] };
}

/** The legend the plot should show: the six sites costliest at the largest size, from the JSON report. */
function topSites(findings: readonly Site[]): string[] {
  const last = (s: Site): number => s.projection.points[s.projection.points.length - 1]!.dollars ?? -1;
  return findings
    .filter((s) => s.projection.symbol && s.projection.points.filter((p) => (p.dollars ?? 0) > 0).length >= 2)
    .sort((a, b) => last(b) - last(a) || a.site.localeCompare(b.site))
    .slice(0, 6)
    .map((s) => `${s.file}:${s.line} in ${s.function}`);
}

/** Reads until `ok` holds (a canvas redraws after the event that asks for it), or fails with the last value. */
async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) assert.fail(`${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("HTML report in Chromium", function () {
  let browser: Browser | undefined;
  let dir: string;
  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-html-"));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases = [
    ["fixture", path.join(ROOT, "test/fixtures/report"), ["."], "○ each site now, at its current assumptions"],
    ["examples", ROOT, ["examples"], "○ each site now, at its current assumptions"],
    ["examples-rounds", ROOT, ["examples", "--scale", "rounds", "--assume", "rounds=20"], "○ each site now, at rounds=20"],
  ] as const;
  for (const [name, cwd, args, note] of cases) {
    it(`renders the ${name} report offline: table, plot, sort, no request, no error`, async () => {
      const html = path.join(dir, `${name}.html`);
      const json = JSON.parse(aalp(["report", ...args, "--format", "json"], cwd).stdout) as { findings: Site[] };
      const r = aalp(["report", ...args, "--format", "html", "--out", html], cwd);
      assert.equal(r.code, 0, r.stderr);
      const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
      const external: string[] = [];
      const errors: string[] = [];
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
        external.push(url);
        return route.abort();
      });
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console: ${m.text()}`);
      });
      await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
      assert.deepEqual(external, [], "no request leaves the file");

      const rows = page.locator("#sites tbody tr");
      assert.equal(await rows.count(), json.findings.length, "one row per finding");
      // The plot, drawn by uPlot: a canvas of real size, a legend naming the top sites in order, and
      // each site's line on the canvas in its legend colour.
      const canvas = page.locator("#plot canvas");
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      assert.ok(box && box.width > 600 && box.height > 300, `canvas size ${JSON.stringify(box)}`);
      assert.deepEqual(await page.locator("#plot .u-legend tr.u-series .site").allInnerTexts(), topSites(json.findings));
      const colors = await page.locator("#plot .u-legend .u-marker").evaluateAll((ms) => ms.map((m) => (m as unknown as { style: { borderColor: string } }).style.borderColor));
      assert.equal(colors.length, topSites(json.findings).length);
      const drawn = (await canvasPixels(page, "#plot canvas", colors))!;
      assert.ok(drawn.painted > 0.02, `${(drawn.painted * 100).toFixed(1)} % of the canvas painted`);
      // Sites of near-equal cost overlap: each is looked at alone, isolated by a Ctrl-click on its
      // legend entry, and must be the only colour drawn.
      const entries = page.locator("#plot .u-legend tr.u-series th");
      for (const [i, color] of colors.entries()) {
        await entries.nth(i).click({ modifiers: ["Control"] });
        const alone = await until(`only ${color} drawn`, async () => (await canvasPixels(page, "#plot canvas", colors))!.counts, (counts) => counts.every((n, k) => (k === i ? n > 30 : n === 0)));
        assert.ok(alone[i]! > 30);
      }
      // Ctrl-click on the one shown shows them all again: the canvas as first drawn.
      await entries.nth(colors.length - 1).click({ modifiers: ["Control"] });
      await until("every site drawn again", async () => (await canvasPixels(page, "#plot canvas", colors))!, (again) => again.painted === drawn.painted && again.counts.join() === drawn.counts.join());
      assert.equal((await page.locator("#plot .plot-note").innerText()).trim(), note);

      // Sorting by dollars, descending on the second click.
      await page.getByRole("button", { name: "$ at assumptions" }).click();
      await page.getByRole("button", { name: "$ at assumptions" }).click();
      const firstSite = await rows.first().getAttribute("data-site");
      const priciest = [...json.findings].sort((a, b) => (b.dollars ?? -1) - (a.dollars ?? -1))[0]!.site;
      assert.equal(firstSite, priciest);
      assert.deepEqual(errors, [], "no script error");

      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `report-${name}.png`), fullPage: true });
      await page.close();
    });
  }
});
