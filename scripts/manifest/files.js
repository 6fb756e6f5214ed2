// @ts-check
/* What the manifest's URLs point at: https everywhere, icons in assets/, the build's files in dist/. */
"use strict";

const fs = require("fs");
const path = require("path");
const { allElements, child, elementChildren, parseUrl, readPngSize, text, walk } = require("./dom");

/** @typedef {import("./dom").El} El */
/** @typedef {import("./dom").Doc} Doc */
/** @typedef {import("./resources").Resources} Resources */
/** @typedef {import("./host").IconCheck} IconCheck */

const ICON_URL_SIZE = 32;
const HIGH_RES_ICON_URL_SIZE = 64;

/**
 * Every URL is https.
 * @param {Doc} doc
 * @param {El} root
 * @param {Resources} resources
 * @param {string[]} problems
 */
function checkHttps(doc, root, resources, problems) {
  /** @type {[string, string | null | undefined][]} */
  const urls = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = child(root, name);
    if (el) urls.push([`<${name}>`, el.getAttribute("DefaultValue")]);
  }
  const defaultSource = walk(root, "DefaultSettings", "SourceLocation");
  if (defaultSource)
    urls.push(["<DefaultSettings><SourceLocation>", defaultSource.getAttribute("DefaultValue")]);
  for (const el of elementChildren(child(root, "AppDomains"), "AppDomain")) {
    urls.push(["<AppDomain>", text(el).trim()]);
  }
  for (const [rid, value] of [...resources.url, ...resources.image]) urls.push([`resource "${rid}"`, value]);
  for (const el of allElements(doc).filter((e) => e.localName === "Override" && e.hasAttribute("Value"))) {
    const v = el.getAttribute("Value") ?? "";
    const parent = /** @type {El | null} */ (el.parentNode);
    if (/^[a-z]+:/i.test(v)) urls.push([`<${parent?.localName}><Override>`, v]);
  }
  for (const [where, value] of urls) {
    const u = parseUrl(value || "");
    if (!u) problems.push(`[https] ${where} is not a valid URL: "${value}"`);
    else if (u.protocol !== "https:") problems.push(`[https] ${where} must use https: "${value}"`);
  }
}

/**
 * A checker of icons: the file a URL names exists in `assetsDir` and is a PNG of the size expected
 * (and of the size its name says, `-32.png`). A missing or unreadable file is reported once.
 * @param {string} assetsDir
 * @param {string[]} problems
 * @returns {IconCheck}
 */
function iconChecker(assetsDir, problems) {
  const unreadableIcons = new Set();
  return (url, expectedSize, where) => {
    const u = parseUrl(url || "");
    if (!u) return; // reported by the https check
    const parts = u.pathname.split("/");
    const at = parts.lastIndexOf("assets");
    if (at < 0 || at !== parts.length - 2) {
      problems.push(`[icon] ${where} ${url} must point to a file in assets/`);
      return;
    }
    const file = path.join(assetsDir, decodeURIComponent(parts[parts.length - 1] ?? ""));
    const named = /-(\d+)\.png$/i.exec(file);
    const size = readPngSize(file);
    if (size.error !== undefined) {
      if (!unreadableIcons.has(file)) problems.push(`[icon] ${where} ${url} -> ${file} ${size.error}`);
      unreadableIcons.add(file);
      return;
    }
    const expected = [expectedSize, named ? Number(named[1]) : undefined].filter((n) => n !== undefined);
    for (const n of new Set(expected)) {
      if (size.width !== n || size.height !== n) {
        problems.push(`[icon] ${where} ${file} must be ${n}x${n} px, found ${size.width}x${size.height}`);
      }
    }
  };
}

/**
 * Icons: exist in assets/ and are PNGs of the size they name.
 * @param {El} root
 * @param {Resources} resources
 * @param {IconCheck} checkIcon
 */
function checkIcons(root, resources, checkIcon) {
  const iconUrl = child(root, "IconUrl")?.getAttribute("DefaultValue");
  if (iconUrl) checkIcon(iconUrl, ICON_URL_SIZE, "<IconUrl>");
  const hiRes = child(root, "HighResolutionIconUrl")?.getAttribute("DefaultValue");
  if (hiRes) checkIcon(hiRes, HIGH_RES_ICON_URL_SIZE, "<HighResolutionIconUrl>");
  for (const [rid, url] of resources.image) {
    const m = /(\d+)x(\d+)/.exec(rid);
    checkIcon(url, m ? Number(m[1]) : undefined, `image "${rid}"`);
  }
}

/**
 * Files the build must emit: the pages and scripts the manifest names, under its base URL.
 * @param {El} root
 * @param {El | undefined} vo
 * @param {Resources} resources
 * @param {string} distDir
 * @param {string[]} problems
 */
function checkDistFiles(root, vo, resources, distDir, problems) {
  const defaultSource = walk(root, "DefaultSettings", "SourceLocation");
  const base = defaultSource && parseUrl(defaultSource.getAttribute("DefaultValue") || "");
  const baseHref = base ? new URL(".", base).href : undefined;
  /** @type {[string, string | null | undefined][]} */
  const required = [
    ["the task pane / shared runtime page", defaultSource?.getAttribute("DefaultValue")],
    ["the custom functions script", resources.url.get("Functions.Script.Url")],
    ["the custom functions metadata", resources.url.get("Functions.Metadata.Url")],
  ];
  const runtimeResid = vo && walk(vo, "Hosts", "Host", "Runtimes", "Runtime")?.getAttribute("resid");
  if (runtimeResid) required.push(["the shared runtime page", resources.url.get(runtimeResid)]);
  const checkedUrls = new Set();
  for (const [what, value] of required) {
    if (value && checkedUrls.has(value)) continue;
    checkedUrls.add(value);
    if (!value) {
      problems.push(`[dist] no URL for ${what}`);
      continue;
    }
    const u = parseUrl(value);
    if (!u || !baseHref || !u.href.startsWith(baseHref)) {
      problems.push(`[dist] ${what} (${value}) is not under the add-in base URL ${baseHref}`);
      continue;
    }
    const rel = decodeURIComponent(u.pathname.slice(new URL(baseHref).pathname.length));
    if (!rel || !fs.existsSync(path.join(distDir, rel))) {
      problems.push(`[dist] ${what} ${value} -> ${path.join(distDir, rel)} was not emitted by the build`);
    }
  }
}

module.exports = { checkDistFiles, checkHttps, checkIcons, iconChecker };
