// PLACEHOLDER (scaffold): the custom-functions engineer replaces this file.
// Each exported function with a @customfunction JSDoc tag becomes =PERF.<NAME>() in Excel.
// custom-functions-metadata-plugin generates functions.json from the JSDoc and appends
// CustomFunctions.associate(...) calls to this file at build time: do not add them by hand.

/**
 * Returns the PerfCycle add-in version.
 * @customfunction VERSION
 * @returns The add-in version string.
 */
export function version(): string {
  return "0.1.0";
}
