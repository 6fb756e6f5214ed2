// @ts-check
/* The XML and file helpers the manifest checks share (scripts/manifest-check.js). */
"use strict";

const fs = require("fs");
const { DOMParser } = require("@xmldom/xmldom");

/** @typedef {import("@xmldom/xmldom").Element} El */
/** @typedef {import("@xmldom/xmldom").Document} Doc */

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

/**
 * @param {El | undefined} node
 * @param {string} [localName]
 * @returns {El[]}
 */
function elementChildren(node, localName) {
  /** @type {El[]} */
  const out = [];
  if (!node) return out;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (localName === undefined || c.localName === localName))
      out.push(/** @type {El} */ (c));
  }
  return out;
}

/**
 * Compares dotted versions numerically ("1.10" > "1.3"); NaN when either is not a version.
 * @param {string} a
 * @param {string} b
 */
function compareVersions(a, b) {
  if (!/^\d+(\.\d+)*$/.test(a) || !/^\d+(\.\d+)*$/.test(b)) return NaN;
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * @param {El | undefined} node
 * @param {string} localName
 */
function child(node, localName) {
  return elementChildren(node, localName)[0];
}

/**
 * Follows a path of local names, first match at each step.
 * @param {El | undefined} node
 * @param {...string} names
 */
function walk(node, ...names) {
  let cur = node;
  for (const n of names) {
    cur = child(cur, n);
    if (!cur) return undefined;
  }
  return cur;
}

/** @param {El | undefined} el */
function xsiType(el) {
  return el ? el.getAttributeNS(NS.xsi, "type") || el.getAttribute("xsi:type") || "" : "";
}

/** @param {Doc | El} doc */
function allElements(doc) {
  return Array.from(doc.getElementsByTagName("*"));
}

/**
 * The text of an element, "" when there is none.
 * @param {El | undefined} el
 */
function text(el) {
  return el?.textContent ?? "";
}

/**
 * Checks that children of `parent` appear in `order` without unknowns or duplicates.
 * @param {El | undefined} parent
 * @param {readonly string[]} order
 * @param {string} where
 * @param {string[]} problems
 */
function checkOrder(parent, order, where, problems) {
  let last = -1;
  let lastName = "";
  const seen = new Set();
  for (const el of elementChildren(parent)) {
    const name = el.localName ?? "";
    const idx = order.indexOf(name);
    if (idx < 0) {
      problems.push(
        `[order] <${name}> is not an allowed child of ${where} (allowed, in order: ${order.join(", ")})`,
      );
      continue;
    }
    if (seen.has(name)) problems.push(`[order] <${name}> appears more than once in ${where}`);
    seen.add(name);
    if (idx < last) {
      problems.push(
        `[order] <${name}> must come before <${lastName}> in ${where} (order: ${order.join(", ")})`,
      );
    } else {
      last = idx;
      lastName = name;
    }
  }
}

/**
 * @param {unknown} xmlText
 * @param {string[]} problems
 * @returns {Doc | undefined}
 */
function parseXml(xmlText, problems) {
  if (typeof xmlText !== "string" || xmlText.trim() === "") {
    problems.push("[xml] the manifest is empty");
    return undefined;
  }
  /** @type {string[]} */
  const errors = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(String(message).split("\n")[0] ?? "");
      },
    }).parseFromString(xmlText, "text/xml");
  } catch (e) {
    errors.push(String((e && /** @type {{ message?: unknown }} */ (e).message) || e).split("\n")[0] ?? "");
  }
  if (errors.length > 0 || !doc || !doc.documentElement) {
    const unique = [...new Set(errors)];
    problems.push(`[xml] the manifest is not well-formed XML: ${unique.join("; ") || "no root element"}`);
    return undefined;
  }
  return doc;
}

/**
 * Width and height from a PNG's IHDR, or an error string.
 * @param {string} file
 * @returns {{ width: number, height: number, error?: undefined } | { error: string }}
 */
function readPngSize(file) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return { error: "does not exist" };
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString("ascii", 12, 16) !== "IHDR") {
    return { error: "is not a PNG file" };
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** @param {string} value */
function parseUrl(value) {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

module.exports = {
  NS,
  allElements,
  checkOrder,
  child,
  compareVersions,
  elementChildren,
  parseUrl,
  parseXml,
  readPngSize,
  text,
  walk,
  xsiType,
};
