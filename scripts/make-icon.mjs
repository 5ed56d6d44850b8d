// Draws media/icon.png (128×128): a lens ring around a rising quadratic curve, the extension's
// subject. Pure Node (zlib for the PNG's IDAT), anti-aliased by 4×4 supersampling.
import * as fs from "node:fs";
import * as zlib from "node:zlib";

const N = 128;
const BG = [24, 32, 48];
const RING = [94, 200, 255];
const CURVE = [255, 176, 59];

function coverage(x, y) {
  const dx = x - 56, dy = y - 56;
  const r = Math.hypot(dx, dy);
  const ring = Math.abs(r - 40) < 6;
  // Handle of the lens, towards the bottom right.
  const t = ((x - 84) + (y - 84)) / 2;
  const handle = t >= 0 && t <= 34 && Math.abs((x - 84) - (y - 84)) / Math.SQRT2 < 8;
  // y = a·u² inside the lens, u from the left edge: the quadratic cost curve.
  const u = (x - 30) / 52;
  const cy = 84 - 52 * u * u;
  // Distance to the curve ≈ vertical distance / √(1 + slope²), slope dy/dx = 2u.
  const curve = u >= 0 && u <= 1 && Math.abs(y - cy) / Math.sqrt(1 + 4 * u * u) < 3.5;
  const axes = (Math.abs(x - 30) < 2 && y > 30 && y < 86) || (Math.abs(y - 86) < 2 && x > 28 && x < 84);
  return curve ? CURVE : ring || handle ? RING : axes ? [150, 160, 180] : null;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    const acc = [0, 0, 0];
    for (let sy = 0; sy < 4; sy++)
      for (let sx = 0; sx < 4; sx++) {
        const c = coverage(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4) ?? BG;
        for (let i = 0; i < 3; i++) acc[i] += c[i] / 16;
      }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    raw[o] = acc[0]; raw[o + 1] = acc[1]; raw[o + 2] = acc[2]; raw[o + 3] = 255;
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
fs.mkdirSync(new URL("../media/", import.meta.url), { recursive: true });
fs.writeFileSync(new URL("../media/icon.png", import.meta.url), png);
