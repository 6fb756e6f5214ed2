/**
 * The report's presentation: the JSON the CLI prints, the Report sheet's grid, the RAG colours,
 * the trend charts' geometry, the committee report and the audit finding as HTML. It reads the
 * engine's Report (and the contract's errors and cells) and never a workbook itself.
 */
export * from "./reportData";
export * from "./reportSheet";
export * from "./ragColours";
export * from "./htmlReport";
export * from "./trendChart";
export * from "./auditHtml";
