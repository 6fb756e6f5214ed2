#!/usr/bin/env node
// @ts-check
/*
 * Generates the add-in icons in assets/: a rounded square in Office (Excel) green carrying
 * three rising bars coloured Red, Amber and Green. Plain Node: the PNGs are written by hand
 * (IHDR + zlib-compressed IDAT + IEND), antialiased by supersampling. Deterministic output.
 *
 *   node scripts/make-icons.js [outDir]
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;

/** @typedef {[number, number, number]} Rgb */
/** @type {{ background: Rgb, red: Rgb, amber: Rgb, green: Rgb, white: Rgb }} */
const COLORS = {
  background: [0x21, 0x73, 0x46], // Office / Excel green
  red: [0xe8, 0x4a, 0x3f],
  amber: [0xff, 0xc0, 0x00],
  green: [0x92, 0xd0, 0x50],
  white: [0xff, 0xff, 0xff],
};

// Geometry in unit coordinates (0..1, y down).
const TILE = { x0: 0.03, y0: 0.03, x1: 0.97, y1: 0.97, r: 0.2 };
const BASELINE = 0.8;
const BARS = [
  { x0: 0.2, x1: 0.36, top: 0.52, color: COLORS.red },
  { x0: 0.42, x1: 0.58, top: 0.37, color: COLORS.amber },
  { x0: 0.64, x1: 0.8, top: 0.2, color: COLORS.green },
];
const OUTLINE = 0.035; // white frame around each bar, so the green bar reads on green

/**
 * @param {number} x
 * @param {number} y
 * @param {{ x0: number, y0: number, x1: number, y1: number, r: number }} rect
 */
function insideRoundedRect(x, y, { x0, y0, x1, y1, r }) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/**
 * Colour [r,g,b,a] of the mark at unit point (x, y).
 * @param {number} x
 * @param {number} y
 * @returns {[number, number, number, number]}
 */
function sample(x, y) {
  if (!insideRoundedRect(x, y, TILE)) return [0, 0, 0, 0];
  for (const bar of BARS) {
    if (x >= bar.x0 && x <= bar.x1 && y >= bar.top && y <= BASELINE) return [...bar.color, 255];
    if (x >= bar.x0 - OUTLINE && x <= bar.x1 + OUTLINE && y >= bar.top - OUTLINE && y <= BASELINE + OUTLINE) {
      return [...COLORS.white, 255];
    }
  }
  return [...COLORS.background, 255];
}

/**
 * RGBA pixel buffer (size*size*4), premultiplied averaging over SUPERSAMPLE^2 sub-pixels.
 * @param {number} size
 */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sj = 0; sj < SUPERSAMPLE; sj++) {
        for (let si = 0; si < SUPERSAMPLE; si++) {
          const [sr, sg, sb, sa] = sample(
            (i + (si + 0.5) / SUPERSAMPLE) / size,
            (j + (sj + 0.5) / SUPERSAMPLE) / size,
          );
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      }
      const o = (j * size + i) * 4;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round(a / n);
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * @param {string} type
 * @param {Buffer} data
 */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/**
 * Encodes an RGBA buffer as a PNG (colour type 6, 8 bits, filter 0 on every row).
 * @param {number} width
 * @param {number} height
 * @param {Buffer} rgba
 */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function makeIcons(outDir = path.join(__dirname, "..", "assets")) {
  fs.mkdirSync(outDir, { recursive: true });
  return SIZES.map((size) => {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    return file;
  });
}

module.exports = { makeIcons, encodePng, SIZES };

if (require.main === module) {
  for (const file of makeIcons(process.argv[2])) {
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
