// @ts-check
/* <VersionOverrides>: its shape, its <Resources>, and every resid resolving to the right kind. */
"use strict";

const { NS, allElements, checkOrder, child, elementChildren, xsiType } = require("./dom");

/** @typedef {import("./dom").El} El */
/** @typedef {import("./dom").Doc} Doc */
/** @typedef {"image" | "url" | "short" | "long"} Kind */
/** @typedef {Record<Kind, Map<string, string>>} Resources kind -> id -> DefaultValue */

/** <VersionOverrides xsi:type="VersionOverridesV1_0"> child order. */
const VERSION_OVERRIDES_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "WebApplicationInfo",
  "EquivalentAddins",
];
/** <bt:Resources> child order. */
const RESOURCES_ORDER = ["Images", "Urls", "ShortStrings", "LongStrings"];

/**
 * Which resource collection a resid on a given element must resolve to.
 * @type {Readonly<Record<string, Kind>>}
 */
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
/** @type {Readonly<Record<Kind, string>>} */
const KIND_NAMES = { image: "bt:Images", url: "bt:Urls", short: "bt:ShortStrings", long: "bt:LongStrings" };

/** @type {readonly [string, string, Kind][]} */
const COLLECTIONS = [
  ["Images", "Image", "image"],
  ["Urls", "Url", "url"],
  ["ShortStrings", "String", "short"],
  ["LongStrings", "String", "long"],
];

/** @returns {Resources} */
function noResources() {
  return { image: new Map(), url: new Map(), short: new Map(), long: new Map() };
}

/**
 * The namespace, type and child order of <VersionOverrides>.
 * @param {El} vo
 * @param {string[]} problems
 */
function checkVersionOverrides(vo, problems) {
  if (vo.namespaceURI !== NS.ov) {
    problems.push(`[root] <VersionOverrides> must use xmlns="${NS.ov}"`);
  }
  if (xsiType(vo) !== "VersionOverridesV1_0") {
    problems.push(
      `[root] <VersionOverrides> must have xsi:type="VersionOverridesV1_0", found "${xsiType(vo)}"`,
    );
  }
  checkOrder(vo, VERSION_OVERRIDES_ORDER, "<VersionOverrides>", problems);
}

/**
 * The resources of <VersionOverrides>, checked: ids present, unique, at most 32 characters,
 * values present, strings within their lengths.
 * @param {El} vo
 * @param {string[]} problems
 * @returns {Resources}
 */
function readResources(vo, problems) {
  const resources = noResources();
  const res = child(vo, "Resources");
  if (!res) problems.push("[missing] <VersionOverrides> has no <Resources>");
  checkOrder(res, RESOURCES_ORDER, "<Resources>", problems);
  const allIds = new Set();
  for (const [group, item, kind] of COLLECTIONS) {
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
  return resources;
}

/**
 * Every resid resolves, to the right kind of resource.
 * @param {Doc} doc
 * @param {Resources} resources
 * @param {string[]} problems
 */
function checkResids(doc, resources, problems) {
  for (const el of allElements(doc)) {
    if (!el.hasAttribute("resid")) continue;
    const rid = el.getAttribute("resid") ?? "";
    const kind = RESID_KIND[el.localName ?? ""];
    const definedAs = /** @type {Kind[]} */ (Object.keys(resources)).find((k) => resources[k].has(rid));
    if (!definedAs) {
      problems.push(`[resid] resid "${rid}" (on <${el.tagName}>) is not defined in <Resources>`);
    } else if (kind && definedAs !== kind) {
      problems.push(
        `[resid] resid "${rid}" (on <${el.tagName}>) must be defined in <${KIND_NAMES[kind]}>, found in <${KIND_NAMES[definedAs]}>`,
      );
    }
  }
}

module.exports = { checkResids, checkVersionOverrides, noResources, readResources };
