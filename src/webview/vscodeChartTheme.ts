// The report view's chart colours from the VS Code theme: the editor sets its colours as --vscode-*
// variables on the webview's <html> and the theme kind (vscode-light, vscode-dark,
// vscode-high-contrast, vscode-high-contrast-light) as <body>'s class, and changes both live.
import type { ChartTheme } from "./costChart";

/**
 * Line colours, in order of preference: the theme's chart colours, then others, because themes leave
 * some unset or translucent (charts.orange is a find-match highlight: absent in high contrast,
 * a third opaque in the Modern themes).
 */
const SERIES_COLORS = ["red", "blue", "green", "purple", "yellow", "orange"].map((c) => `--vscode-charts-${c}`).concat("--vscode-editorWarning-foreground", "--vscode-terminal-ansiCyan", "--vscode-terminal-ansiMagenta");

/** A colour a line can be drawn in: set, and without transparency (#rgba, #rrggbbaa, rgba(), hsla()). */
function opaque(color: string): boolean {
  if (!color) return false;
  const hex = /^#([0-9a-f]{4}|[0-9a-f]{8})$/i.exec(color);
  if (hex) return /^f+$/i.test(hex[1]!.slice(hex[1]!.length === 4 ? 3 : 6));
  const alpha = /^(?:rgba|hsla)\(.*[,/]\s*([\d.]+%?)\s*\)$/i.exec(color);
  return !alpha || alpha[1] === "1" || alpha[1] === "100%";
}

export function vscodeChartTheme(): ChartTheme {
  const css = getComputedStyle(document.body);
  const v = (name: string): string => css.getPropertyValue(name).trim();
  return {
    text: v("--vscode-foreground"),
    axis: v("--vscode-foreground"),
    grid: v("--vscode-editorWidget-border") || v("--vscode-charts-lines"),
    background: v("--vscode-editor-background"),
    fontFamily: v("--vscode-font-family") || "sans-serif",
    fontSize: parseFloat(v("--vscode-font-size")) || 13,
    series: [...new Set(SERIES_COLORS.map(v).filter(opaque))].slice(0, 6),
  };
}

/** Calls `changed` when the theme changes (its variables or its kind). */
export function onThemeChange(changed: () => void): void {
  const watch = new MutationObserver(changed);
  watch.observe(document.documentElement, { attributeFilter: ["style"] });
  watch.observe(document.body, { attributeFilter: ["class"] });
}
