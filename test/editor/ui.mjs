// Drives the real editor like a person: opens an example agent, waits for the cost lenses, shows
// the hover, the quick-fix menu and the Problems panel, then the workspace cost report (its table
// and plot read inside the webview's frames, the plot's colours in three themes, a row clicked),
// reloads the window and finds the report restored; a screenshot of each step.
import * as fs from "node:fs";
import * as path from "node:path";
import { canvasPixels } from "../../out/test/support/canvasPixels.js";

const LONG = 120_000;

async function shot(page, dir, name) {
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`[ui] screenshot ${file}`);
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: LONG });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: LONG });
  await page.keyboard.press("Enter");
}

export async function uiTour(page, url, workspace, artifacts) {
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: LONG });
  await page.locator(".statusbar").waitFor({ timeout: LONG });

  // Quick Open the naive debugging agent.
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: LONG });
  await input.fill("debug-naive.ts");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "debug-naive.ts" }).first().waitFor({ timeout: LONG });
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: "debug-naive.ts" }).waitFor({ timeout: LONG });

  // The lenses render as .codelens-decoration once the extension has analysed the file.
  await page.locator(".codelens-decoration", { hasText: "quadratic in rounds" }).first().waitFor({ timeout: LONG });
  await page.locator(".statusbar-item", { hasText: "AALP:" }).first().waitFor({ timeout: LONG });
  await shot(page, artifacts, "1-lenses");
  const lensTexts = (await page.locator(".codelens-decoration").allInnerTexts()).map((t) => t.trim()).filter((t) => t.startsWith("≈"));
  console.log(`[ui] lenses: ${lensTexts.join(" | ")}`);
  if (JSON.stringify(lensTexts) !== JSON.stringify(["≈ $0.015 · quadratic in rounds · gpt-4o-mini", "≈ $0.25 · quadratic in rounds · gpt-4o"])) throw new Error(`the lenses read ${lensTexts.join(" | ")}`);

  // Hidden in this file from the palette, and shown again.
  await runCommand(page, "AALP Lens: Toggle Cost Lenses in This File");
  await page.locator(".codelens-decoration", { hasText: "quadratic in rounds" }).first().waitFor({ state: "detached", timeout: LONG });
  await runCommand(page, "AALP Lens: Toggle Cost Lenses in This File");
  await page.locator(".codelens-decoration", { hasText: "quadratic in rounds" }).first().waitFor({ timeout: LONG });

  // The hover on the developer's call.
  await runCommand(page, "Go to Line/Column");
  await page.keyboard.type("29:30");
  await page.keyboard.press("Enter");
  await runCommand(page, "Show or Focus Hover");
  // The hover also lists the diagnostics; wait for the derivation itself.
  await page.locator(".monaco-hover", { hasText: "Cost term" }).first().waitFor({ timeout: LONG });
  await shot(page, artifacts, "2-hover");
  await page.keyboard.press("Escape");

  // The quick fixes on the QA call's diagnostics.
  await runCommand(page, "Go to Line/Column");
  await page.keyboard.type("21:30");
  await page.keyboard.press("Enter");
  // Ctrl+. before the code actions are computed shows "no code actions": wait for the light bulb.
  await page.locator(".lightBulbWidget").first().waitFor({ timeout: LONG });
  await page.keyboard.press("Control+.");
  await page.locator(".action-widget", { hasText: "Keep the last 8 messages" }).first().waitFor({ timeout: LONG });
  await shot(page, artifacts, "3-quick-fixes");
  // The fixes come from the tsserver plugin through TypeScript's code actions, and only from there.
  const windowFixes = await page.locator(".action-widget .monaco-list-row", { hasText: "Keep the last 8 messages" }).count();
  if (windowFixes !== 1) throw new Error(`the quick-fix menu lists "Keep the last 8 messages" ${windowFixes} times`);
  await page.keyboard.press("Escape");

  // The Problems panel, filtered to AALP: each finding once (the plugin's, source aalp), not twice.
  await page.keyboard.press("Control+Shift+M");
  const panel = page.locator(".markers-panel");
  await panel.waitFor({ state: "visible", timeout: LONG });
  await page.getByPlaceholder(/^Filter/).first().fill("aalp");
  // One diagnostic per call: the whole program re-sent (91002) is its related information, not a row of its own.
  const rows = panel.locator(".monaco-list-row", { hasText: "[aalp.growing-history]" });
  await rows.nth(1).waitFor({ timeout: LONG });
  const texts = await rows.allInnerTexts();
  const findings = texts.map((t) => t.replace(/\s+/g, " ").trim());
  console.log(`[ui] Problems panel (filter "aalp"):\n  ${findings.join("\n  ")}`);
  await shot(page, artifacts, "4-problems");
  if (findings.length !== 2 || new Set(findings).size !== 2) throw new Error(`expected the 2 findings once each in the Problems panel, saw ${findings.length}: ${findings.join(" | ")}`);
  // The row reads "… [aalp.growing-history] aalp(91001) [Ln 21, Col 22]" (innerText drops the parentheses).
  if (!findings.every((t) => /\baalp\W*91001\b/.test(t))) throw new Error(`expected every finding from the tsserver plugin (source aalp, code 91001): ${findings.join(" | ")}`);
  const separate = await panel.locator(".monaco-list-row", { hasText: /aalp\W*91002/ }).count();
  if (separate !== 0) throw new Error(`the whole-input finding is shown as ${separate} diagnostic(s) of its own`);
  const own = await panel.locator(".monaco-list-row", { hasText: "AALP Lens" }).count();
  if (own !== 0) throw new Error(`the extension reports ${own} finding(s) beside the plugin`);

  // The output channel: what was analysed and how long it took.
  await runCommand(page, "AALP Lens: Show Output");
  // The panel's filter box can keep what the Problems step typed ("aalp"), which hides the lines without it;
  // it may show up only after the Output view has rendered, so it is cleared whenever it is seen until the line is.
  const outputFilter = page.locator(".part.panel").getByPlaceholder(/^Filter/).first();
  const analysed = page.locator(".part.panel .view-lines", { hasText: "analysed debug-naive.ts" }).first();
  const deadline = Date.now() + LONG;
  while (!(await analysed.isVisible())) {
    if (Date.now() > deadline) throw new Error(`the output channel never showed "analysed debug-naive.ts" within ${LONG} ms`);
    if ((await outputFilter.isVisible()) && (await outputFilter.inputValue()) !== "") await outputFilter.fill("");
    await analysed.waitFor({ timeout: 1000 }).catch(() => {});
  }
  await shot(page, artifacts, "4b-output");
}

/** Types `filter` into the open quick input and clicks the row labelled exactly `label`. */
async function pick(page, filter, label) {
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: LONG });
  await input.fill(filter);
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
  await page.locator(".quick-input-list .monaco-list-row").filter({ has: page.locator(".label-name", { hasText: exact }) }).first().click({ timeout: LONG });
}

/** Runs a command when the palette lists it (titles move between VS Code versions); true when it ran. */
async function tryCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: LONG });
  await input.fill(`>${title}`);
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
  const found = await row.waitFor({ timeout: 5_000 }).then(() => true, () => false);
  await page.keyboard.press(found ? "Enter" : "Escape");
  return found;
}

/** The frame (a webview's inner iframe) holding `selector`; webviews nest two iframes deep. */
async function frameWith(page, selector) {
  const deadline = Date.now() + LONG;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no frame shows ${selector}; frames: ${page.frames().map((f) => f.url()).join(", ")}`);
    await page.waitForTimeout(200); // poll interval of a condition wait, not a fixed sleep
  }
}

/** Waits until `read()` returns the same value `times` reads in a row (a page that re-renders settles). */
async function stable(page, read, times = 4) {
  let last;
  let same = 0;
  const deadline = Date.now() + LONG;
  while (same < times) {
    if (Date.now() > deadline) throw new Error(`value kept changing: last ${last}`);
    const v = await read();
    same = v === last ? same + 1 : 0;
    last = v;
    await page.waitForTimeout(250); // poll interval
  }
  return last;
}

/** Themes by their label in the theme picker, and the class VS Code gives a webview's <body> in them. */
const THEMES = [
  ["Dark Modern", "vscode-dark"],
  ["Light Modern", "vscode-light"],
  ["Dark High Contrast", "vscode-high-contrast"],
  ["Light High Contrast", "vscode-high-contrast-light"],
];
/** This VS Code's default theme (light). */
const DEFAULT_THEME = "Light 2026";

/** Pixels of the plot's canvas drawn in exactly the theme's foreground (axis lines, ticks, values): hundreds once drawn in that theme. */
const AXIS_PIXELS = 300;

/**
 * Waits until the webview is in the theme `kind` (its <body> class) and its plot is drawn in that
 * theme: at least AXIS_PIXELS canvas pixels of exactly the theme's --vscode-foreground.
 */
async function plotInTheme(page, frame, kind) {
  const deadline = Date.now() + LONG;
  for (;;) {
    const theme = await frame.evaluate(() => ({
      kind: document.body.className,
      foreground: getComputedStyle(document.body).getPropertyValue("--vscode-foreground").trim(),
      // Each plotted site's colour (its legend marker), and each class badge's text colour.
      lines: [...document.querySelectorAll("#plot .u-legend .u-marker")].map((m) => m.style.borderColor),
      badges: [...new Set([...document.querySelectorAll("vscode-badge.cls")].map((b) => `${b.textContent}: ${getComputedStyle(b).getPropertyValue("--vscode-badge-foreground").trim()}`))],
    }));
    const pixels = theme.kind.split(/\s+/).includes(kind) && theme.foreground ? await canvasPixels(frame, "#plot canvas", [theme.foreground]) : null;
    if (pixels && pixels.counts[0] >= AXIS_PIXELS) {
      if (theme.lines.some((c) => !/^rgb\(/.test(c)) || new Set(theme.lines).size !== theme.lines.length) throw new Error(`in ${kind}, the plotted sites' colours are not all opaque and distinct: ${theme.lines.join(", ")}`);
      if (theme.badges.some((b) => b.endsWith(": "))) throw new Error(`in ${kind}, a class badge has no colour: ${theme.badges.join(", ")}`);
      return { kind, foreground: theme.foreground, foregroundPixels: pixels.counts[0], painted: Number(pixels.painted.toFixed(3)), lines: theme.lines };
    }
    if (Date.now() > deadline) throw new Error(`the plot is not drawn in ${kind}: ${JSON.stringify({ ...theme, pixels })}`);
    await page.waitForTimeout(250); // poll interval
  }
}

/** Picks a colour theme in the palette's theme picker, then waits for the plot to be drawn in it. */
async function switchTheme(page, frame, theme, kind) {
  const before = await frame.evaluate(() => getComputedStyle(document.body).getPropertyValue("--vscode-foreground").trim());
  // Rows clicked by their exact label: Enter could pick a near match, such as the marketplace's themes (which need the network).
  await page.keyboard.press("F1");
  await pick(page, ">Preferences: Color Theme", "Preferences: Color Theme");
  await pick(page, theme, theme);
  const now = await plotInTheme(page, frame, kind);
  if (now.foreground === before) throw new Error(`${theme} has the previous theme's foreground ${before}`);
  // Drawn again, not left in the old colours: the old foreground's axis lines are gone (unless the
  // new background is that colour: the markers are filled with it).
  const background = await frame.evaluate(() => getComputedStyle(document.body).getPropertyValue("--vscode-editor-background").trim());
  const [old] = (await canvasPixels(frame, "#plot canvas", [before])).counts;
  console.log(`[ui] report plot, ${theme}: ${JSON.stringify(now)}; ${old} pixels left of the previous foreground ${before}, background ${background}`);
  if (old >= AXIS_PIXELS / 3 && background.toLowerCase() !== before.toLowerCase()) throw new Error(`the canvas still has ${old} pixels of the previous foreground ${before}`);
  return now;
}

/** The workspace cost report: from the palette to an export and a row click that lands on the site's line. */
export async function reportTour(page, artifacts, workspace) {
  // Room for the report: the panel and the chat side bar away.
  await tryCommand(page, "View: Hide Panel");
  await tryCommand(page, "View: Hide Secondary Side Bar");
  await tryCommand(page, "View: Close Primary Side Bar");
  await runCommand(page, "AALP Lens: Show Workspace Cost Report");
  const frame = await frameWith(page, "table#sites tr.site");
  const rows = frame.locator("table#sites tr.site");
  const count = await stable(page, () => rows.count());
  const counter = (await frame.locator("#row-count").innerText()).trim();
  console.log(`[ui] report: ${count} rows (${counter})`);
  const m = /^(\d+) of (\d+) sites$/.exec(counter);
  if (!m || Number(m[1]) !== count || Number(m[2]) !== count || count < 10) throw new Error(`the report's table shows ${count} rows, its counter "${counter}"`);
  // The plot: uPlot's canvas with a legend entry per top site, in the theme's colours.
  const legend = await frame.locator("#plot .u-legend tr.u-series").allInnerTexts();
  console.log(`[ui] report plot legend:\n  ${legend.join("\n  ")}`);
  if (legend.length !== 6) throw new Error(`the plot's legend has ${legend.length} entries, not the 6 costliest sites`);
  const initial = await plotInTheme(page, frame, "vscode-light");
  console.log(`[ui] report plot in the default theme: ${JSON.stringify(initial)}`);
  // The controls are @vscode-elements web components: defined, drawn in their shadow roots with
  // constructed stylesheets (which the strict CSP must let through).
  const controls = await frame.evaluate(() =>
    ["vscode-textfield#filter", "vscode-checkbox#group", "vscode-single-select#scale", "vscode-badge.cls", "vscode-textfield[data-symbol]"].map((sel) => {
      const e = document.querySelector(sel);
      const styled = !!e?.shadowRoot && e.shadowRoot.adoptedStyleSheets.length > 0;
      return `${sel}: ${e ? (customElements.get(e.localName) ? "defined" : "undefined") : "missing"}${styled ? ", styled" : ""}`;
    }),
  );
  console.log(`[ui] report controls: ${controls.join("; ")}`);
  if (!controls.every((c) => c.endsWith("defined, styled"))) throw new Error(`a control is not a styled web component: ${controls.join("; ")}`);
  await shot(page, artifacts, "5-report");

  // Other themes (the picker's labels): the page restyles, and the canvas is drawn again in the new
  // theme's colours. Then back to the default for the rest of the tour.
  const themes = [initial];
  for (const [i, [label, kind]] of THEMES.entries()) {
    themes.push(await switchTheme(page, frame, label, kind));
    await shot(page, artifacts, `5${"cdef"[i]}-report-${kind.replace(/^vscode-/, "")}`);
  }
  const foregrounds = themes.map((t) => t.foreground);
  if (new Set(foregrounds).size !== themes.length) throw new Error(`the themes' foregrounds are not all different: ${foregrounds.join(", ")}`);
  await switchTheme(page, frame, DEFAULT_THEME, "vscode-light");

  // An assumption changed in the page re-prices the table: rounds doubled, the naive site's $ grows.
  const dollars = () => rows.filter({ hasText: "debug-naive.ts:29" }).first().locator("td.num").innerText();
  const before = await dollars();
  const rounds = frame.locator('vscode-textfield[data-symbol="rounds"]');
  const value = Number(await rounds.evaluate((e) => e.value));
  await rounds.locator("input").fill(String(value * 2));
  await rounds.locator("input").press("Enter");
  await frame.locator("table#sites tr.site", { hasText: "debug-naive.ts:29" }).locator("td.num").filter({ hasNotText: before }).waitFor({ timeout: LONG });
  console.log(`[ui] rounds ${value} → ${value * 2}: debug-naive.ts:29 ${before} → ${await dollars()}`);
  await shot(page, artifacts, "5b-report-assumption");
  await frame.locator("vscode-button#assume-reset").click();
  await frame.locator("table#sites tr.site", { hasText: "debug-naive.ts:29" }).locator("td.num", { hasText: before }).waitFor({ timeout: LONG });

  // Export…: the format from a quick pick, the file from the save dialog (its default name in the workspace).
  await frame.locator("vscode-button#export").click();
  await pick(page, "Markdown", "Markdown (pull requests, job summaries)");
  const dialog = page.locator(".quick-input-widget input");
  await dialog.waitFor({ state: "visible", timeout: LONG });
  await page.locator(".quick-input-widget", { hasText: "aalp-report.md" }).first().waitFor({ timeout: LONG }).catch(() => undefined);
  await shot(page, artifacts, "5g-report-export-dialog");
  await dialog.press("Enter");
  const exported = path.join(workspace, "aalp-report.md");
  const deadline = Date.now() + LONG;
  while (!fs.existsSync(exported) || !fs.readFileSync(exported, "utf8").includes("debug-naive.ts")) {
    if (Date.now() > deadline) throw new Error(`the export wrote no ${exported}`);
    await page.waitForTimeout(200); // poll interval of a condition wait
  }
  const markdown = fs.readFileSync(exported, "utf8");
  console.log(`[ui] exported ${path.basename(exported)}: ${markdown.split("\n").length} lines, starts "${markdown.split("\n")[0]}"`);
  if (!markdown.startsWith("## AALP Lens: LLM cost\n")) throw new Error(`the exported Markdown starts "${markdown.slice(0, 60)}"`);

  // A row click opens the site, focused, beside the report.
  const row = rows.filter({ hasText: "debug-naive.ts:29" }).first();
  await row.click();
  await page.locator(".tab.active", { hasText: "debug-naive.ts" }).first().waitFor({ timeout: LONG });
  const selection = page.locator("#status\\.editor\\.selection");
  await selection.filter({ hasText: /Ln 29,/ }).waitFor({ timeout: LONG });
  console.log(`[ui] after the row click: ${(await selection.innerText()).trim()}`);
  await shot(page, artifacts, "6-report-row-opened");
}

/**
 * A window reload brings the report back: the panel serializer (activation `onWebviewPanel:aalp.report`)
 * restores it, and it is analysed and drawn again, with the same rows and plot as before.
 */
export async function reloadTour(page, artifacts) {
  const before = await frameWith(page, "table#sites tr.site");
  const rows = await before.locator("table#sites tr.site").count();
  const legend = await before.locator("#plot .u-legend tr.u-series").allInnerTexts();
  await page.reload();
  await page.locator(".monaco-workbench").waitFor({ timeout: LONG });
  await page.locator(".tab", { hasText: "AALP Cost Report" }).first().waitFor({ timeout: LONG });
  const frame = await frameWith(page, "table#sites tr.site");
  const restored = await stable(page, () => frame.locator("table#sites tr.site").count());
  const restoredLegend = await frame.locator("#plot .u-legend tr.u-series").allInnerTexts();
  console.log(`[ui] after the reload: ${restored} rows (${rows} before), ${restoredLegend.length} plotted sites`);
  if (restored !== rows) throw new Error(`the restored report shows ${restored} rows, ${rows} before the reload`);
  if (JSON.stringify(restoredLegend) !== JSON.stringify(legend)) throw new Error(`the restored plot's legend differs:\n  ${restoredLegend.join("\n  ")}\nbefore:\n  ${legend.join("\n  ")}`);
  await plotInTheme(page, frame, "vscode-light");
  await shot(page, artifacts, "7-report-restored");
}

/** The walkthrough (contributes.walkthroughs) from the palette: its title and first step's Markdown. */
export async function walkthroughTour(page, artifacts) {
  await runCommand(page, "AALP Lens: Get Started");
  const walkthrough = page.locator(".gettingStartedContainer", { hasText: "Get started with AALP Lens" }).first();
  await walkthrough.waitFor({ timeout: LONG });
  await walkthrough.locator(".getting-started-step", { hasText: "Read the cost above each LLM call" }).first().waitFor({ timeout: LONG });
  // The step's media: its Markdown rendered in a webview.
  await frameWith(page, "text=ten turns look cheap in a test run");
  await shot(page, artifacts, "8-walkthrough");
}
