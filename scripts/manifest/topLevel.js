// @ts-check
/* The manifest's root and top-level elements: presence, order, simple values, requirement sets. */
"use strict";

const { NS, checkOrder, child, compareVersions, elementChildren, text, walk, xsiType } = require("./dom");

/** @typedef {import("./dom").El} El */

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
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;

/**
 * The root element; false when it is not an <OfficeApp> at all (nothing else can be checked).
 * @param {El} root
 * @param {string[]} problems
 */
function checkRoot(root, problems) {
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    problems.push(`[root] root element must be <OfficeApp xmlns="${NS.app}">, found <${root.tagName}>`);
    return false;
  }
  if (xsiType(root) !== "TaskPaneApp") {
    problems.push(`[root] <OfficeApp> must have xsi:type="TaskPaneApp", found "${xsiType(root)}"`);
  }
  return true;
}

/**
 * Top-level elements: presence and order, then their simple values.
 * @param {El} root
 * @param {string[]} problems
 */
function checkTopLevel(root, problems) {
  checkOrder(root, TASKPANE_ORDER, "<OfficeApp>", problems);
  for (const name of SCHEMA_REQUIRED) {
    if (!child(root, name)) problems.push(`[missing] required element <${name}> is missing from <OfficeApp>`);
  }
  for (const name of PERFCYCLE_REQUIRED) {
    if (!child(root, name))
      problems.push(`[missing] <${name}> is missing from <OfficeApp> (PerfCycle needs it)`);
  }
  checkSimpleValues(root, problems);
}

/**
 * @param {El} root
 * @param {string[]} problems
 */
function checkSimpleValues(root, problems) {
  const id = text(child(root, "Id")).trim();
  if (child(root, "Id") && !GUID.test(id)) problems.push(`[id] <Id> must be a GUID, found "${id}"`);
  const version = text(child(root, "Version")).trim();
  if (child(root, "Version") && !VERSION.test(version)) {
    problems.push(`[version] <Version> must be n.n.n.n, found "${version}"`);
  }
  const permissions = text(child(root, "Permissions")).trim();
  if (child(root, "Permissions") && !PERMISSIONS.includes(permissions)) {
    problems.push(
      `[permissions] <Permissions> must be one of ${PERMISSIONS.join(", ")}, found "${permissions}"`,
    );
  }
  for (const name of ["ProviderName"]) {
    const el = child(root, name);
    if (el && !text(el).trim()) problems.push(`[missing] <${name}> is empty`);
  }
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    if (el && !(el.getAttribute("DefaultValue") ?? "").trim()) {
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
}

/**
 * The requirement sets PerfCycle declares, and the least version of each. Custom functions take
 * error cells as inputs (functions.json allowErrorForDataTypeAny) with the input-only codes #NAME?
 * and #REF!, and show messages on #N/A: CustomFunctionsRuntime 1.3
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets).
 * @type {readonly { name: string, least: string, enough: (min: string) => boolean, why: string }[]}
 */
const REQUIRED_SETS = [
  { name: "SharedRuntime", least: "1.1", enough: (min) => parseFloat(min) >= 1.1, why: "" },
  {
    name: "CustomFunctionsRuntime",
    least: "1.3",
    enough: (min) => compareVersions(min, "1.3") >= 0,
    why: " (error cells as inputs, messages on #N/A)",
  },
];

/**
 * Requirement sets: the shared runtime, and CustomFunctionsRuntime 1.3.
 * @param {El} root
 * @param {string[]} problems
 */
function checkRequirements(root, problems) {
  const setsEl = walk(root, "Requirements", "Sets");
  const sets = elementChildren(setsEl, "Set");
  for (const { name, least, enough, why } of REQUIRED_SETS) {
    const set = sets.find((s) => s.getAttribute("Name") === name);
    if (!set) {
      problems.push(
        `[requirements] <Requirements><Sets> must contain <Set Name="${name}" MinVersion="${least}"/>`,
      );
      continue;
    }
    const min = set.getAttribute("MinVersion") || setsEl?.getAttribute("DefaultMinVersion") || "";
    if (!enough(min)) {
      problems.push(`[requirements] ${name} MinVersion must be at least ${least}${why}, found "${min}"`);
    }
  }
}

module.exports = { TASKPANE_ORDER, checkRequirements, checkRoot, checkTopLevel };
