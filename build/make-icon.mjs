// Draws build/icon.png (512×512), the app icon electron-builder turns into .ico and Linux icons:
// a red rounded square with three rising white bars and a gold trend line, i.e. "performance".
// Plain Node (zlib) so it runs anywhere without ImageMagick: `node build/make-icon.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for smooth edges

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const GOLD = [255, 200, 40];

const insideRoundedSquare = (x, y) => {
  const margin = 24;
  const radius = 96;
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= margin && x <= SIZE - margin && y >= margin && y <= SIZE - margin;
};

const BARS = [
  { x: 118, top: 300 },
  { x: 218, top: 230 },
  { x: 318, top: 150 },
];
const BAR_WIDTH = 76;
const BASE = 408;
const insideBar = (x, y) => BARS.some((bar) => x >= bar.x && x <= bar.x + BAR_WIDTH && y >= bar.top && y <= BASE);

// Trend line through points above the bars, drawn as a thick polyline.
const TREND = [
  [110, 262],
  [230, 190],
  [300, 205],
  [404, 104],
];
const distanceToSegment = (px, py, [ax, ay], [bx, by]) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
const onTrend = (x, y) => TREND.slice(1).some((point, i) => distanceToSegment(x, y, TREND[i], point) <= 12);

function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if (onTrend(x, y)) return GOLD;
  if (insideBar(x, y)) return WHITE;
  return RED;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
    }
    const at = row + 1 + x * 4;
    if (a > 0) {
      raw[at] = Math.round(r / a);
      raw[at + 1] = Math.round(g / a);
      raw[at + 2] = Math.round(b / a);
    }
    raw[at + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(target, png);
console.log(`已生成图标：${target}（${png.length} 字节）`);
