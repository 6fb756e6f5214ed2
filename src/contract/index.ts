/**
 * The workbook contract (workbook.md) as one module for every host: the CLI over ExcelJS, the
 * Office.js workbook layer and the browser preview. Pure: no I/O, no Office, no ExcelJS.
 */
export * from "./raw";
export * from "./host";
export * from "./a1";
export * from "./schema";
export * from "./read";
export * from "./sample";
export * from "./wideImport";
export * from "./published";
export * from "./actualsWrite";
export * from "./check";
export * from "./setup";
export * from "./cells";
export * from "./targetsWrite";
export * from "./audit";
export * from "./upgradePlan";
