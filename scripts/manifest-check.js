#!/usr/bin/env node
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
const { DOMParser } = require("@xmldom/xmldom");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

/** Child order of <OfficeApp xsi:type="TaskPaneApp"> (OfficeApp base sequence + TaskPaneApp extension). */
const TASKPANE_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
/** Required by the schema. */
const SCHEMA_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];
/** Optional in the schema, but PerfCycle (shared runtime + custom functions + ribbon) needs them. */
const PERFCYCLE_REQUIRED = [
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "Hosts",
  "Requirements",
  "VersionOverrides",
];
/** <VersionOverrides xsi:type="VersionOverridesV1_0"> child order. */
const VERSION_OVERRIDES_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "WebApplicationInfo",
  "EquivalentAddins",
];
/** <Host> (in VersionOverrides) child order. */
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"];
/** <bt:Resources> child order. */
const RESOURCES_ORDER = ["Images", "Urls", "ShortStrings", "LongStrings"];

const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const EXPECTED_NAMESPACE = "PERF";
const ICON_URL_SIZE = 32;
const HIGH_RES_ICON_URL_SIZE = 64;

/** Which resource collection a resid on a given element must resolve to. */
const RESID_KIND = {
  Image: "image",
  SourceLocation: "url",
  Runtime: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Label: "short",
  Title: "short",
  Namespace: "short",
  Description: "long",
};
const KIND_NAMES = { image: "bt:Images", url: "bt:Urls", short: "bt:ShortStrings", long: "bt:LongStrings" };

function elementChildren(node, localName) {
  const out = [];
  if (!node) return out;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (localName === undefined || c.localName === localName)) out.push(c);
  }
  return out;
}

/** Compares dotted versions numerically ("1.10" > "1.3"); NaN when either is not a version. */
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

function child(node, localName) {
  return elementChildren(node, localName)[0];
}

/** Follows a path of local names, first match at each step. */
function walk(node, ...names) {
  let cur = node;
  for (const n of names) {
    cur = child(cur, n);
    if (!cur) return undefined;
  }
  return cur;
}

function xsiType(el) {
  return el ? el.getAttributeNS(NS.xsi, "type") || el.getAttribute("xsi:type") || "" : "";
}

function allElements(doc) {
  return Array.from(doc.getElementsByTagName("*"));
}

/** Checks that children of `parent` appear in `order` without unknowns or duplicates. */
function checkOrder(parent, order, where, problems) {
  let last = -1;
  let lastName = "";
  const seen = new Set();
  for (const el of elementChildren(parent)) {
    const name = el.localName;
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

function parseXml(xmlText, problems) {
  if (typeof xmlText !== "string" || xmlText.trim() === "") {
    problems.push("[xml] the manifest is empty");
    return undefined;
  }
  const errors = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(String(message).split("\n")[0]);
      },
    }).parseFromString(xmlText, "text/xml");
  } catch (e) {
    errors.push(String((e && e.message) || e).split("\n")[0]);
  }
  if (errors.length > 0 || !doc || !doc.documentElement) {
    const unique = [...new Set(errors)];
    problems.push(`[xml] the manifest is not well-formed XML: ${unique.join("; ") || "no root element"}`);
    return undefined;
  }
  return doc;
}

/** Width and height from a PNG's IHDR, or an error string. */
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

function parseUrl(value) {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Checks an add-in manifest.
 * @param {string} xmlText manifest XML
 * @param {{assetsDir?: string, distDir?: string}} [options]
 *   assetsDir: folder holding the icons the URLs name (default: <repo>/assets, or <distDir>/assets);
 *   distDir: when given, the runtime page, functions script and metadata must exist there.
 * @returns {string[]} problems; empty when the manifest is fine
 */
function checkManifest(xmlText, options = {}) {
  const problems = [];
  const distDir = options.distDir;
  const assetsDir =
    options.assetsDir || (distDir ? path.join(distDir, "assets") : path.join(__dirname, "..", "assets"));

  const unreadableIcons = new Set();
  const doc = parseXml(xmlText, problems);
  if (!doc) return problems;
  const root = doc.documentElement;

  // Root
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    problems.push(`[root] root element must be <OfficeApp xmlns="${NS.app}">, found <${root.tagName}>`);
    return problems;
  }
  if (xsiType(root) !== "TaskPaneApp") {
    problems.push(`[root] <OfficeApp> must have xsi:type="TaskPaneApp", found "${xsiType(root)}"`);
  }

  // Top-level elements: presence and order
  checkOrder(root, TASKPANE_ORDER, "<OfficeApp>", problems);
  for (const name of SCHEMA_REQUIRED) {
    if (!child(root, name)) problems.push(`[missing] required element <${name}> is missing from <OfficeApp>`);
  }
  for (const name of PERFCYCLE_REQUIRED) {
    if (!child(root, name))
      problems.push(`[missing] <${name}> is missing from <OfficeApp> (PerfCycle needs it)`);
  }

  // Simple values
  const id = (child(root, "Id")?.textContent || "").trim();
  if (child(root, "Id") && !GUID.test(id)) problems.push(`[id] <Id> must be a GUID, found "${id}"`);
  const version = (child(root, "Version")?.textContent || "").trim();
  if (child(root, "Version") && !VERSION.test(version)) {
    problems.push(`[version] <Version> must be n.n.n.n, found "${version}"`);
  }
  const permissions = (child(root, "Permissions")?.textContent || "").trim();
  if (child(root, "Permissions") && !PERMISSIONS.includes(permissions)) {
    problems.push(
      `[permissions] <Permissions> must be one of ${PERMISSIONS.join(", ")}, found "${permissions}"`,
    );
  }
  for (const name of ["ProviderName"]) {
    const el = child(root, name);
    if (el && !el.textContent.trim()) problems.push(`[missing] <${name}> is empty`);
  }
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    if (el && !el.getAttribute("DefaultValue").trim()) {
      problems.push(`[missing] <${name}> has no DefaultValue`);
    }
  }
  const hosts = elementChildren(child(root, "Hosts"), "Host").map((h) => h.getAttribute("Name"));
  if (child(root, "Hosts") && !hosts.includes("Workbook")) {
    problems.push(`[host] <Hosts> must contain <Host Name="Workbook"/> (Excel)`);
  }
  if (!walk(root, "DefaultSettings", "SourceLocation")?.getAttribute("DefaultValue")) {
    problems.push("[missing] <DefaultSettings><SourceLocation DefaultValue=...> is missing");
  }

  // Requirements
  const sets = elementChildren(walk(root, "Requirements", "Sets"), "Set");
  const sharedRuntime = sets.find((s) => s.getAttribute("Name") === "SharedRuntime");
  if (!sharedRuntime) {
    problems.push(
      '[requirements] <Requirements><Sets> must contain <Set Name="SharedRuntime" MinVersion="1.1"/>',
    );
  } else {
    const setsEl = walk(root, "Requirements", "Sets");
    const min = sharedRuntime.getAttribute("MinVersion") || setsEl.getAttribute("DefaultMinVersion") || "";
    if (!(parseFloat(min) >= 1.1)) {
      problems.push(`[requirements] SharedRuntime MinVersion must be at least 1.1, found "${min}"`);
    }
  }

  // Custom functions take error cells as inputs (functions.json allowErrorForDataTypeAny) with the
  // input-only codes #NAME? and #REF!, and show messages on #N/A: CustomFunctionsRuntime 1.3
  // (https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets).
  const cfRuntime = sets.find((s) => s.getAttribute("Name") === "CustomFunctionsRuntime");
  if (!cfRuntime) {
    problems.push(
      '[requirements] <Requirements><Sets> must contain <Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>',
    );
  } else {
    const setsEl = walk(root, "Requirements", "Sets");
    const min = cfRuntime.getAttribute("MinVersion") || setsEl.getAttribute("DefaultMinVersion") || "";
    if (!(compareVersions(min, "1.3") >= 0)) {
      problems.push(
        `[requirements] CustomFunctionsRuntime MinVersion must be at least 1.3 (error cells as inputs, messages on #N/A), found "${min}"`,
      );
    }
  }

  // Resources
  const vo = child(root, "VersionOverrides");
  /** @type {Record<string, Map<string, string>>} kind -> id -> DefaultValue */
  const resources = { image: new Map(), url: new Map(), short: new Map(), long: new Map() };
  if (vo) {
    if (vo.namespaceURI !== NS.ov) {
      problems.push(`[root] <VersionOverrides> must use xmlns="${NS.ov}"`);
    }
    if (xsiType(vo) !== "VersionOverridesV1_0") {
      problems.push(
        `[root] <VersionOverrides> must have xsi:type="VersionOverridesV1_0", found "${xsiType(vo)}"`,
      );
    }
    checkOrder(vo, VERSION_OVERRIDES_ORDER, "<VersionOverrides>", problems);
    const res = child(vo, "Resources");
    if (!res) problems.push("[missing] <VersionOverrides> has no <Resources>");
    checkOrder(res, RESOURCES_ORDER, "<Resources>", problems);
    const collections = [
      ["Images", "Image", "image"],
      ["Urls", "Url", "url"],
      ["ShortStrings", "String", "short"],
      ["LongStrings", "String", "long"],
    ];
    const allIds = new Set();
    for (const [group, item, kind] of collections) {
      for (const el of elementChildren(child(res, group), item)) {
        const rid = el.getAttribute("id");
        const value = el.getAttribute("DefaultValue");
        if (!rid) {
          problems.push(`[resid] a <bt:${item}> in <bt:${group}> has no id`);
          continue;
        }
        if (allIds.has(rid)) problems.push(`[resid] resource id "${rid}" is defined more than once`);
        allIds.add(rid);
        if (rid.length > 32) problems.push(`[resid] resource id "${rid}" is longer than 32 characters`);
        if (!value) problems.push(`[resid] resource "${rid}" has no DefaultValue`);
        resources[kind].set(rid, value || "");
        if (kind === "short" && value && value.length > 125) {
          problems.push(`[string] short string "${rid}" is longer than 125 characters`);
        }
        if (kind === "long" && value && value.length > 250) {
          problems.push(`[string] long string "${rid}" is longer than 250 characters`);
        }
      }
    }

    // Every resid resolves, to the right kind of resource
    for (const el of allElements(doc)) {
      if (!el.hasAttribute("resid")) continue;
      const rid = el.getAttribute("resid");
      const kind = RESID_KIND[el.localName];
      const definedAs = Object.keys(resources).find((k) => resources[k].has(rid));
      if (!definedAs) {
        problems.push(`[resid] resid "${rid}" (on <${el.tagName}>) is not defined in <Resources>`);
      } else if (kind && definedAs !== kind) {
        problems.push(
          `[resid] resid "${rid}" (on <${el.tagName}>) must be defined in <${KIND_NAMES[kind]}>, found in <${KIND_NAMES[definedAs]}>`,
        );
      }
    }

    // Host: shared runtime, custom functions, ribbon
    const host = elementChildren(child(vo, "Hosts"), "Host").find((h) => xsiType(h) === "Workbook");
    if (!host) {
      problems.push('[host] <VersionOverrides><Hosts> must contain <Host xsi:type="Workbook">');
    } else {
      checkOrder(host, HOST_ORDER, '<Host xsi:type="Workbook">', problems);
      const runtime = walk(host, "Runtimes", "Runtime");
      const runtimeResid = runtime?.getAttribute("resid");
      if (!runtime) {
        problems.push('[runtime] <Runtimes><Runtime resid=... lifetime="long"/> is missing (shared runtime)');
      } else if (runtime.getAttribute("lifetime") !== "long") {
        problems.push(
          `[runtime] <Runtime> lifetime must be "long", found "${runtime.getAttribute("lifetime")}"`,
        );
      }

      const cf = elementChildren(child(host, "AllFormFactors"), "ExtensionPoint").find(
        (e) => xsiType(e) === "CustomFunctions",
      );
      if (!cf) {
        problems.push(
          '[customfunctions] <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions"> is missing',
        );
      } else {
        for (const part of ["Script", "Page", "Metadata"]) {
          if (!walk(cf, part, "SourceLocation")?.getAttribute("resid")) {
            problems.push(`[customfunctions] <${part}><SourceLocation resid=...> is missing`);
          }
        }
        const pageResid = walk(cf, "Page", "SourceLocation")?.getAttribute("resid");
        if (runtimeResid && pageResid && pageResid !== runtimeResid) {
          problems.push(
            `[runtime] custom functions <Page> must use the shared runtime page "${runtimeResid}", found "${pageResid}"`,
          );
        }
        const nsResid = child(cf, "Namespace")?.getAttribute("resid");
        const ns = nsResid ? resources.short.get(nsResid) : undefined;
        if (ns !== EXPECTED_NAMESPACE) {
          problems.push(
            `[customfunctions] custom functions Namespace must be "${EXPECTED_NAMESPACE}", found "${ns}"`,
          );
        }
      }

      const desktop = child(host, "DesktopFormFactor");
      if (!desktop) {
        problems.push("[missing] <DesktopFormFactor> is missing");
      } else {
        const ffResid = child(desktop, "FunctionFile")?.getAttribute("resid");
        if (runtimeResid && ffResid !== runtimeResid) {
          problems.push(
            `[runtime] <FunctionFile> must use the shared runtime page "${runtimeResid}", found "${ffResid}"`,
          );
        }
        const actions = allElements(desktop).filter(
          (e) => e.localName === "Action" && xsiType(e) === "ShowTaskpane",
        );
        if (actions.length === 0)
          problems.push('[missing] no ribbon button with <Action xsi:type="ShowTaskpane">');
        for (const action of actions) {
          const sl = child(action, "SourceLocation")?.getAttribute("resid");
          if (runtimeResid && sl !== runtimeResid) {
            problems.push(`[runtime] ShowTaskpane <SourceLocation> must be "${runtimeResid}", found "${sl}"`);
          }
          if (!child(action, "TaskpaneId")?.textContent.trim()) {
            problems.push(
              "[runtime] ShowTaskpane action needs a <TaskpaneId> (a shared runtime has one task pane)",
            );
          }
        }
        // <bt:Image size="16" resid="..."/>: the image must be of that size
        for (const img of allElements(desktop).filter(
          (e) => e.localName === "Image" && e.hasAttribute("size"),
        )) {
          const url = resources.image.get(img.getAttribute("resid"));
          if (url) {
            checkIcon(url, Number(img.getAttribute("size")), `<bt:Image size=${img.getAttribute("size")}>`);
          }
        }
      }
    }
  }

  // Every URL is https
  const urls = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = child(root, name);
    if (el) urls.push([`<${name}>`, el.getAttribute("DefaultValue")]);
  }
  const defaultSource = walk(root, "DefaultSettings", "SourceLocation");
  if (defaultSource)
    urls.push(["<DefaultSettings><SourceLocation>", defaultSource.getAttribute("DefaultValue")]);
  for (const el of elementChildren(child(root, "AppDomains"), "AppDomain")) {
    urls.push(["<AppDomain>", el.textContent.trim()]);
  }
  for (const [rid, value] of [...resources.url, ...resources.image]) urls.push([`resource "${rid}"`, value]);
  for (const el of allElements(doc).filter((e) => e.localName === "Override" && e.hasAttribute("Value"))) {
    const v = el.getAttribute("Value");
    if (/^[a-z]+:/i.test(v)) urls.push([`<${el.parentNode.localName}><Override>`, v]);
  }
  for (const [where, value] of urls) {
    const u = parseUrl(value || "");
    if (!u) problems.push(`[https] ${where} is not a valid URL: "${value}"`);
    else if (u.protocol !== "https:") problems.push(`[https] ${where} must use https: "${value}"`);
  }

  // Icons: exist in assets/ and are PNGs of the size they name
  const iconUrl = child(root, "IconUrl")?.getAttribute("DefaultValue");
  if (iconUrl) checkIcon(iconUrl, ICON_URL_SIZE, "<IconUrl>");
  const hiRes = child(root, "HighResolutionIconUrl")?.getAttribute("DefaultValue");
  if (hiRes) checkIcon(hiRes, HIGH_RES_ICON_URL_SIZE, "<HighResolutionIconUrl>");
  for (const [rid, url] of resources.image) {
    const m = /(\d+)x(\d+)/.exec(rid);
    checkIcon(url, m ? Number(m[1]) : undefined, `image "${rid}"`);
  }

  // Files the build must emit
  if (distDir) {
    const base = defaultSource && parseUrl(defaultSource.getAttribute("DefaultValue") || "");
    const baseHref = base ? new URL(".", base).href : undefined;
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

  return [...new Set(problems)];

  function checkIcon(url, expectedSize, where) {
    const u = parseUrl(url || "");
    if (!u) return; // reported by the https check
    const parts = u.pathname.split("/");
    const at = parts.lastIndexOf("assets");
    if (at < 0 || at !== parts.length - 2) {
      problems.push(`[icon] ${where} ${url} must point to a file in assets/`);
      return;
    }
    const file = path.join(assetsDir, decodeURIComponent(parts[parts.length - 1]));
    const named = /-(\d+)\.png$/i.exec(file);
    const size = readPngSize(file);
    if (size.error) {
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
  }
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
    } else manifest = args[i];
  }
  let text;
  try {
    text = fs.readFileSync(manifest, "utf8");
  } catch (e) {
    console.error(`manifest-check: cannot read ${manifest}: ${e.message}`);
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
