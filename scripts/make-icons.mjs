#!/usr/bin/env node
// Draws the toolbar icon (two offset pages, the copy in red) as PNGs in public/icon/, no image tools needed.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inRect = (u, v, x0, y0, x1, y1) => u >= x0 && u <= x1 && v >= y0 && v <= y1;
const icon = (u, v) => {
  if (inRect(u, v, 0.36, 0.3, 0.92, 0.94)) {
    // the copy, in front: red page with three white lines
    const line = [0.48, 0.62, 0.76].some((y) => v > y && v < y + 0.06) && u > 0.46 && u < 0.82;
    return line ? [255, 255, 255, 255] : [197, 34, 31, 255];
  }
  if (inRect(u, v, 0.08, 0.06, 0.64, 0.7)) {
    const line = [0.18, 0.32, 0.46].some((y) => v > y && v < y + 0.06) && u > 0.18 && u < 0.54;
    return line ? [95, 99, 104, 255] : [232, 234, 237, 255];
  }
  return [0, 0, 0, 0];
};

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size, icon));
console.log('wrote public/icon/{16,32,48,96,128}.png');
