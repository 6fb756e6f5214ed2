#!/usr/bin/env node
// @ts-check
/*
 * Post-build checks on dist/ (run by `npm run build` after `webpack --mode production`):
 *  - dist/manifest*.xml pass checkManifest with the emitted files and icons, and name no localhost;
 *  - dist/functions.json is valid JSON with at least one function and allowErrorForDataTypeAny;
 *  - dist/taskpane.html loads Office.js from the CDN, then functions.js, then taskpane.js;
 *  - dist/preview.html loads nothing from another host (the preview runs offline);
 *  - every bundle a page Excel opens loads (taskpane.html, report.html) parses at the ECMAScript
 *    version webpack lowers to (scripts/check-syntax.js: the oldest webview's syntax).
 *
 *   node scripts/check-dist.js [distDir]
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { checkManifest } = require("./manifest-check");
const { checkSyntax, buildEcmaVersion } = require("./check-syntax");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * @param {string} file
 * @param {string[]} problems
 */
function read(file, problems) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    problems.push(`${file} is missing (run \`npm run build\`)`);
    return undefined;
  }
}

/**
 * src/href values of <script>, <link>, <img>, <iframe>, <source> tags in an HTML string.
 * @param {string} html
 */
function resourceUrls(html) {
  /** @type {string[]} */
  const urls = [];
  const tag = /<(script|link|img|iframe|source)\b[^>]*>/gi;
  const attr = /\b(src|href)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i;
  for (const m of html.matchAll(tag)) {
    const a = attr.exec(m[0]);
    if (a) urls.push(a[3] ?? a[4] ?? a[5] ?? "");
  }
  return urls;
}

/**
 * The manifests: present, free of localhost, and passing checkManifest with the emitted files.
 * @param {string} distDir
 * @param {string[]} problems
 */
function checkManifests(distDir, problems) {
  const manifests = fs.existsSync(distDir)
    ? fs.readdirSync(distDir).filter((f) => /^manifest.*\.xml$/.test(f))
    : [];
  if (!manifests.includes("manifest.xml")) problems.push(`${path.join(distDir, "manifest.xml")} is missing`);
  for (const name of manifests) {
    const file = path.join(distDir, name);
    const xml = read(file, problems);
    if (xml === undefined) continue;
    if (/localhost/i.test(xml)) {
      const lines = xml
        .split("\n")
        .flatMap((l, i) => (/localhost/i.test(l) ? [`${i + 1}: ${l.trim()}`] : []));
      problems.push(`${file} still mentions localhost:\n      ${lines.join("\n      ")}`);
    }
    for (const p of checkManifest(xml, { distDir, assetsDir: path.join(distDir, "assets") })) {
      problems.push(`${file}: ${p}`);
    }
  }
}

/**
 * functions.json: valid, with the error-cell flag and named functions; functions.js beside it.
 * @param {string} distDir
 * @param {string[]} problems
 */
function checkFunctions(distDir, problems) {
  const metaFile = path.join(distDir, "functions.json");
  const metaText = read(metaFile, problems);
  if (metaText !== undefined) {
    try {
      const meta = JSON.parse(metaText);
      if (meta.allowErrorForDataTypeAny !== true) {
        problems.push(
          `${metaFile} lacks "allowErrorForDataTypeAny": true (scripts/functions-metadata.js adds it after the metadata plugin)`,
        );
      }
      if (!Array.isArray(meta.functions) || meta.functions.length === 0) {
        problems.push(`${metaFile} has no functions (tag exported functions with @customfunction)`);
      } else {
        for (const fn of meta.functions) {
          if (!fn.id || !fn.name)
            problems.push(`${metaFile}: a function has no id or name: ${JSON.stringify(fn)}`);
        }
      }
    } catch (e) {
      problems.push(`${metaFile} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!fs.existsSync(path.join(distDir, "functions.js")))
    problems.push(`${path.join(distDir, "functions.js")} is missing`);
}

/**
 * The task pane page loads Office.js, then functions.js, then taskpane.js (one shared runtime).
 * @param {string} distDir
 * @param {string[]} problems
 */
function checkTaskpane(distDir, problems) {
  const taskpaneFile = path.join(distDir, "taskpane.html");
  const taskpane = read(taskpaneFile, problems);
  if (taskpane === undefined) return;
  const scripts = resourceUrls(taskpane);
  const office = scripts.indexOf(OFFICE_JS);
  const fn = scripts.findIndex((s) => /(^|\/)functions\.js$/.test(s));
  const tp = scripts.findIndex((s) => /(^|\/)taskpane\.js$/.test(s));
  if (office < 0) problems.push(`${taskpaneFile} does not load Office.js from ${OFFICE_JS}`);
  if (fn < 0 || tp < 0)
    problems.push(`${taskpaneFile} must load both functions.js and taskpane.js (shared runtime)`);
  else if (fn > tp) problems.push(`${taskpaneFile} must load functions.js before taskpane.js`);
  if (office >= 0 && fn >= 0 && office > fn)
    problems.push(`${taskpaneFile} must load Office.js before functions.js`);
}

/**
 * The preview page loads nothing from another host, and not Office.js.
 * @param {string} distDir
 * @param {string[]} problems
 */
function checkPreview(distDir, problems) {
  const previewFile = path.join(distDir, "preview.html");
  const preview = read(previewFile, problems);
  if (preview === undefined) return;
  for (const url of resourceUrls(preview)) {
    if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !/^data:/i.test(url)) {
      problems.push(`${previewFile} loads ${url} from another host; the preview must work offline`);
    }
  }
  if (/appsforoffice\.microsoft\.com/i.test(preview)) problems.push(`${previewFile} must not load Office.js`);
}

/**
 * Bundles the pages Excel opens load: they must parse in the oldest supported webview.
 * @param {string} distDir
 * @param {number | undefined} ecmaVersion
 * @param {string[]} problems
 */
function checkShippedSyntax(distDir, ecmaVersion, problems) {
  const shipped = new Set();
  for (const page of EXCEL_PAGES) {
    const file = path.join(distDir, page);
    if (!fs.existsSync(file)) continue;
    for (const url of resourceUrls(fs.readFileSync(file, "utf8"))) {
      if (/\.js$/.test(url) && !/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url))
        shipped.add(url.replace(/^\.?\//, ""));
    }
  }
  if (shipped.size > 0) {
    const ecma = ecmaVersion ?? buildEcmaVersion();
    for (const p of checkSyntax(distDir, ecma, [...shipped].sort())) problems.push(p);
  }
}

/**
 * Every post-build check, in order; the problems found (none when dist/ is fine).
 * @param {string} distDir
 * @param {{ ecmaVersion?: number }} [options]
 * @returns {string[]}
 */
function checkDist(distDir, options = {}) {
  /** @type {string[]} */
  const problems = [];
  checkManifests(distDir, problems);
  checkFunctions(distDir, problems);
  checkTaskpane(distDir, problems);
  checkPreview(distDir, problems);
  checkShippedSyntax(distDir, options.ecmaVersion, problems);
  return problems;
}

/** The pages Excel itself opens (the preview runs in the developer's browser instead). */
const EXCEL_PAGES = ["taskpane.html", "report.html"];

module.exports = { checkDist, resourceUrls };

if (require.main === module) {
  const distDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
  const problems = checkDist(distDir);
  if (problems.length > 0) {
    console.error(
      `check-dist: ${problems.length} problem(s) in ${path.relative(process.cwd(), distDir) || "."}`,
    );
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`check-dist: ${path.relative(process.cwd(), distDir) || "."} OK`);
}
