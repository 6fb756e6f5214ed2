#!/usr/bin/env node
// @ts-check
/*
 * The built bundles parse in the oldest webview PerfCycle supports: every dist/*.js is parsed by
 * acorn at the ECMAScript version webpack.config.js lowers to (ES_TARGET). The first newer syntax
 * is reported with the bundle, its line and column, the code there, and, through the bundle's
 * source map, the original file (e.g. node_modules/tabster/... for a class static block).
 *
 *   const { checkSyntax } = require("./scripts/check-syntax");
 *   checkSyntax(distDir, 2017) // -> [] or problems
 *
 *   node scripts/check-syntax.js [distDir] [--ecma 2017]
 */
"use strict";

const fs = require("fs");
const path = require("path");
const acorn = require("acorn");

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Decodes one source-map "mappings" segment list (base64 VLQ) into numbers.
 * @param {string} segment
 * @returns {number[]}
 */
function decodeVlq(segment) {
  /** @type {number[]} */
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * The original position of a generated (1-based line, 0-based column) position, from a source map
 * object (version 3, no index maps); undefined when the map has no segment for it.
 * @param {{ mappings?: string, sources: string[] }} map
 * @param {number} line
 * @param {number} column
 * @returns {{ source: string | undefined, line: number, column: number } | undefined}
 */
function originalPosition(map, line, column) {
  const lines = String(map.mappings || "").split(";");
  let source = 0;
  let origLine = 0;
  let origCol = 0;
  let found;
  for (let l = 0; l < lines.length && l < line; l++) {
    let genCol = 0;
    for (const seg of (lines[l] ?? "").split(",")) {
      if (!seg) continue;
      const v = decodeVlq(seg);
      genCol += v[0] ?? 0;
      if (v.length >= 4) {
        source += v[1] ?? 0;
        origLine += v[2] ?? 0;
        origCol += v[3] ?? 0;
        if (l === line - 1 && genCol <= column)
          found = { source: map.sources[source], line: origLine + 1, column: origCol };
      }
    }
  }
  return found;
}

/**
 * A readable name for a webpack source path ("webpack://perfcycle/./node_modules/x" -> "node_modules/x").
 * @param {unknown} s
 */
function sourceName(s) {
  return String(s)
    .replace(/^webpack:\/\/[^/]*\//, "")
    .replace(/^\.\//, "");
}

/**
 * Problems (strings) for one bundle parsed at `ecmaVersion`; [] when it parses.
 * @param {string} file
 * @param {number} ecmaVersion
 * @returns {string[]}
 */
function checkFile(file, ecmaVersion) {
  const code = fs.readFileSync(file, "utf8");
  try {
    acorn.parse(code, {
      ecmaVersion: /** @type {import("acorn").ecmaVersion} */ (ecmaVersion),
      sourceType: "script",
      allowHashBang: true,
      locations: true,
    });
    return [];
  } catch (e) {
    // acorn's SyntaxError carries the position as `loc`.
    const loc =
      e instanceof SyntaxError
        ? /** @type {{ loc?: { line: number, column: number } }} */ (e).loc
        : undefined;
    if (!(e instanceof SyntaxError) || !loc) throw e;
    const { line, column } = loc;
    const text = code.split("\n")[line - 1] || "";
    const excerpt = text.slice(Math.max(0, column - 40), column + 40);
    let origin = "";
    const mapFile = `${file}.map`;
    if (fs.existsSync(mapFile)) {
      try {
        const pos = originalPosition(JSON.parse(fs.readFileSync(mapFile, "utf8")), line, column);
        if (pos) origin = `, from ${sourceName(pos.source)}:${pos.line}:${pos.column + 1}`;
      } catch {
        // an unreadable map only loses the original position
      }
    }
    return [
      `${path.basename(file)}:${line}:${column + 1}: does not parse as ES${ecmaVersion} (${e.message.replace(/\s*\(\d+:\d+\)$/, "")})${origin}\n      ${excerpt}`,
    ];
  }
}

/**
 * The bundles in `files` (names in distDir; default every dist/*.js) parsed at `ecmaVersion`;
 * problems name the first newer syntax of each bundle.
 * @param {string} distDir
 * @param {number} ecmaVersion
 * @param {readonly string[]} [files]
 * @returns {string[]}
 */
function checkSyntax(distDir, ecmaVersion, files) {
  if (!fs.existsSync(distDir)) return [`${distDir} is missing (run \`npm run build\`)`];
  const names =
    files ??
    fs
      .readdirSync(distDir)
      .filter((f) => f.endsWith(".js"))
      .sort();
  if (names.length === 0) return [`${distDir} has no .js bundles`];
  return names.flatMap((f) => {
    const file = path.join(distDir, f);
    return fs.existsSync(file) ? checkFile(file, ecmaVersion) : [`${file} is missing`];
  });
}

/**
 * The ECMAScript year webpack.config.js lowers to ("ES2017" -> 2017).
 * @returns {number}
 */
function buildEcmaVersion() {
  const { ES_TARGET } = require("../webpack.config.js");
  const year = Number(/^ES(\d{4})$/i.exec(ES_TARGET)?.[1]);
  if (!year) throw new Error(`webpack.config.js ES_TARGET is not an ES year: ${ES_TARGET}`);
  return year;
}

module.exports = { checkSyntax, checkFile, originalPosition, decodeVlq, buildEcmaVersion };

if (require.main === module) {
  const args = process.argv.slice(2);
  let distDir = path.join(__dirname, "..", "dist");
  /** @type {number | undefined} */
  let ecma;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--ecma") ecma = Number(args[++i]);
    else distDir = path.resolve(args[i] ?? distDir);
  }
  ecma = ecma || buildEcmaVersion();
  const problems = checkSyntax(distDir, ecma);
  if (problems.length > 0) {
    console.error(`check-syntax: ${problems.length} bundle(s) do not parse as ES${ecma}`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`check-syntax: dist/*.js parse as ES${ecma}`);
}
