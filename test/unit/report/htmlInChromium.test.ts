// The HTML report opened offline in headless Chromium: no request leaves the file, no script
// error, one table row per finding, a drawn plot, a working sort; a screenshot for people to look at.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { aalp, ROOT } from "./support";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test/report-artifacts");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

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

  for (const [name, cwd, target] of [["fixture", path.join(ROOT, "test/fixtures/report"), "."], ["examples", ROOT, "examples"]] as const) {
    it(`renders the ${name} report offline: table, plot, sort, no request, no error`, async () => {
      const html = path.join(dir, `${name}.html`);
      const json = JSON.parse(aalp(["report", target, "--format", "json"], cwd).stdout) as { findings: { site: string; dollars: number | null }[] };
      const r = aalp(["report", target, "--format", "html", "--out", html], cwd);
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
      // The plot: series drawn as paths with points, inside a visible SVG of real size.
      const plot = page.locator("#plot svg");
      const box = await plot.boundingBox();
      assert.ok(box && box.width > 300 && box.height > 150, `plot size ${JSON.stringify(box)}`);
      const paths = await page.locator("#plot svg g.series path").evaluateAll((ps) => ps.map((p) => (p as unknown as { getTotalLength(): number }).getTotalLength()));
      assert.ok(paths.length >= 1 && paths.every((l) => l > 50), `drawn series lengths ${paths}`);

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
