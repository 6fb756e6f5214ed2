#!/usr/bin/env node
// @ts-check
/*
 * Offline checks for the Office Add-in XML manifest (no network, no Office).
 *
 *   const { checkManifest } = require("./scripts/manifest-check");
 *   const problems = checkManifest(xmlText, { assetsDir, distDir }); // [] when fine
 *
 *   node scripts/manifest-check.js [manifest.xml] [--dist dist] [--assets assets]
 *
 * Every problem is a string starting with a tag in brackets, e.g. "[resid] ...", so that
 * callers and tests can tell the kinds apart: xml, root, order, missing, id, version,
 * permissions, host, requirements, runtime, customfunctions, resid, string, https, icon, dist.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { child, parseXml, readPngSize } = require("./manifest/dom");
const { checkDistFiles, checkHttps, checkIcons, iconChecker } = require("./manifest/files");
const { checkHost } = require("./manifest/host");
const { checkResids, checkVersionOverrides, noResources, readResources } = require("./manifest/resources");
const { TASKPANE_ORDER, checkRequirements, checkRoot, checkTopLevel } = require("./manifest/topLevel");

/**
 * Checks an add-in manifest: one module of scripts/manifest/ a part of it, run in this order.
 * @param {string} xmlText manifest XML
 * @param {{assetsDir?: string, distDir?: string}} [options]
 *   assetsDir: folder holding the icons the URLs name (default: <repo>/assets, or <distDir>/assets);
 *   distDir: when given, the runtime page, functions script and metadata must exist there.
 * @returns {string[]} problems; empty when the manifest is fine
 */
function checkManifest(xmlText, options = {}) {
  /** @type {string[]} */
  const problems = [];
  const distDir = options.distDir;
  const assetsDir =
    options.assetsDir || (distDir ? path.join(distDir, "assets") : path.join(__dirname, "..", "assets"));
  const checkIcon = iconChecker(assetsDir, problems);

  const doc = parseXml(xmlText, problems);
  if (!doc) return problems;
  const root = doc.documentElement;
  if (!root || !checkRoot(root, problems)) return problems;
  checkTopLevel(root, problems);
  checkRequirements(root, problems);

  const vo = child(root, "VersionOverrides");
  let resources = noResources();
  if (vo) {
    checkVersionOverrides(vo, problems);
    resources = readResources(vo, problems);
    checkResids(doc, resources, problems);
    checkHost(vo, resources, problems, checkIcon);
  }
  checkHttps(doc, root, resources, problems);
  checkIcons(root, resources, checkIcon);
  if (distDir) checkDistFiles(root, vo, resources, distDir, problems);
  return [...new Set(problems)];
}

module.exports = { checkManifest, readPngSize, TASKPANE_ORDER };

if (require.main === module) {
  const args = process.argv.slice(2);
  let manifest = "manifest.xml";
  let distDir;
  let assetsDir;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--dist") distDir = args[++i];
    else if (args[i] === "--assets") assetsDir = args[++i];
    else if (args[i] === "-h" || args[i] === "--help") {
      console.log("usage: node scripts/manifest-check.js [manifest.xml] [--dist dist] [--assets assets]");
      process.exit(0);
    } else manifest = args[i] ?? manifest;
  }
  let text;
  try {
    text = fs.readFileSync(manifest, "utf8");
  } catch (e) {
    console.error(`manifest-check: cannot read ${manifest}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const problems = checkManifest(text, {
    ...(distDir ? { distDir: path.resolve(distDir) } : {}),
    ...(assetsDir ? { assetsDir: path.resolve(assetsDir) } : {}),
  });
  if (problems.length > 0) {
    console.error(`manifest-check: ${manifest}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`manifest-check: ${manifest} OK${distDir ? ` (files present in ${distDir})` : ""}`);
}
