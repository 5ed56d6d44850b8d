// Drives the real editor like a person: opens an example agent, waits for the cost lenses, shows
// the hover and the quick-fix menu, and saves a screenshot of each step.
import * as path from "node:path";

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
  await page.locator(".codelens-decoration", { hasText: "input ·" }).first().waitFor({ timeout: LONG });
  await page.locator(".statusbar-item", { hasText: "AALP:" }).first().waitFor({ timeout: LONG });
  await shot(page, artifacts, "1-lenses");

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
  await page.locator(".action-widget", { hasText: "Keep a sliding window" }).first().waitFor({ timeout: LONG });
  await shot(page, artifacts, "3-quick-fixes");
  await page.keyboard.press("Escape");
}
