// Looking at a canvas as a person would, from a Playwright test: how much of it is painted, and how
// many of its pixels are exactly each of some CSS colours (a line drawn in a colour leaves pixels of
// exactly that colour; anti-aliased edges do not count). Runs in the page or frame; the tests compile
// without DOM types, so the browser side is a function's source evaluated there.
import type { Frame, Page } from "playwright-core";

export interface CanvasPixels {
  readonly width: number;
  readonly height: number;
  /** The share of pixels painted at all (alpha > 0). */
  readonly painted: number;
  /** For each colour asked about, the pixels of exactly that colour, opaque. */
  readonly counts: number[];
}

const IN_PAGE = `(({ selector, colors }) => {
  const canvas = document.querySelector(selector);
  if (!canvas || !canvas.width || !canvas.height) return null;
  const px = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  // Any CSS colour (a name, #hex, rgb()) to its RGB, through a one-pixel canvas.
  const probe = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  const rgb = colors.map((c) => {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = c;
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data].slice(0, 3);
  });
  const counts = rgb.map(() => 0);
  let painted = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i + 3] === 0) continue;
    painted++;
    if (px[i + 3] !== 255) continue;
    rgb.forEach(([r, g, b], k) => { if (px[i] === r && px[i + 1] === g && px[i + 2] === b) counts[k]++; });
  }
  return { width: canvas.width, height: canvas.height, painted: painted / (px.length / 4), counts };
})`;

/** The canvas `selector` finds in `target`, or null when there is none or it has no size. */
export function canvasPixels(target: Page | Frame, selector: string, colors: readonly string[]): Promise<CanvasPixels | null> {
  // eval of a fixed source: the only way to hand browser code to evaluate without DOM types here.
  return target.evaluate(([source, arg]) => (0, eval)(source)(arg) as CanvasPixels | null, [IN_PAGE, { selector, colors }] as const);
}
