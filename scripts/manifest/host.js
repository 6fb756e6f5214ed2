// @ts-check
/* <VersionOverrides><Hosts><Host xsi:type="Workbook">: the shared runtime, custom functions, ribbon. */
"use strict";

const { allElements, checkOrder, child, elementChildren, text, walk, xsiType } = require("./dom");

/** @typedef {import("./dom").El} El */
/** @typedef {import("./resources").Resources} Resources */
/** @typedef {(url: string | null | undefined, expectedSize: number | undefined, where: string) => void} IconCheck */

/** <Host> (in VersionOverrides) child order. */
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"];
const EXPECTED_NAMESPACE = "PERF";

/**
 * @param {El} vo
 * @param {Resources} resources
 * @param {string[]} problems
 * @param {IconCheck} checkIcon
 */
function checkHost(vo, resources, problems, checkIcon) {
  const host = elementChildren(child(vo, "Hosts"), "Host").find((h) => xsiType(h) === "Workbook");
  if (!host) {
    problems.push('[host] <VersionOverrides><Hosts> must contain <Host xsi:type="Workbook">');
    return;
  }
  checkOrder(host, HOST_ORDER, '<Host xsi:type="Workbook">', problems);
  const runtime = walk(host, "Runtimes", "Runtime");
  const runtimeResid = runtime?.getAttribute("resid");
  if (!runtime) {
    problems.push('[runtime] <Runtimes><Runtime resid=... lifetime="long"/> is missing (shared runtime)');
  } else if (runtime.getAttribute("lifetime") !== "long") {
    problems.push(`[runtime] <Runtime> lifetime must be "long", found "${runtime.getAttribute("lifetime")}"`);
  }
  checkCustomFunctions(host, runtimeResid, resources, problems);
  checkDesktop(host, runtimeResid, resources, problems, checkIcon);
}

/**
 * @param {El} host
 * @param {string | null | undefined} runtimeResid
 * @param {Resources} resources
 * @param {string[]} problems
 */
function checkCustomFunctions(host, runtimeResid, resources, problems) {
  const cf = elementChildren(child(host, "AllFormFactors"), "ExtensionPoint").find(
    (e) => xsiType(e) === "CustomFunctions",
  );
  if (!cf) {
    problems.push('[customfunctions] <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions"> is missing');
    return;
  }
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

/**
 * The desktop form factor: the function file and the ribbon's task pane buttons on the shared
 * runtime, and the ribbon's images of the sizes they name.
 * @param {El} host
 * @param {string | null | undefined} runtimeResid
 * @param {Resources} resources
 * @param {string[]} problems
 * @param {IconCheck} checkIcon
 */
function checkDesktop(host, runtimeResid, resources, problems, checkIcon) {
  const desktop = child(host, "DesktopFormFactor");
  if (!desktop) {
    problems.push("[missing] <DesktopFormFactor> is missing");
    return;
  }
  const ffResid = child(desktop, "FunctionFile")?.getAttribute("resid");
  if (runtimeResid && ffResid !== runtimeResid) {
    problems.push(
      `[runtime] <FunctionFile> must use the shared runtime page "${runtimeResid}", found "${ffResid}"`,
    );
  }
  const actions = allElements(desktop).filter(
    (e) => e.localName === "Action" && xsiType(e) === "ShowTaskpane",
  );
  if (actions.length === 0) problems.push('[missing] no ribbon button with <Action xsi:type="ShowTaskpane">');
  for (const action of actions) {
    const sl = child(action, "SourceLocation")?.getAttribute("resid");
    if (runtimeResid && sl !== runtimeResid) {
      problems.push(`[runtime] ShowTaskpane <SourceLocation> must be "${runtimeResid}", found "${sl}"`);
    }
    if (!text(child(action, "TaskpaneId")).trim()) {
      problems.push(
        "[runtime] ShowTaskpane action needs a <TaskpaneId> (a shared runtime has one task pane)",
      );
    }
  }
  // <bt:Image size="16" resid="..."/>: the image must be of that size
  for (const img of allElements(desktop).filter((e) => e.localName === "Image" && e.hasAttribute("size"))) {
    const url = resources.image.get(img.getAttribute("resid") ?? "");
    if (url) {
      checkIcon(url, Number(img.getAttribute("size")), `<bt:Image size=${img.getAttribute("size")}>`);
    }
  }
}

module.exports = { checkHost };
