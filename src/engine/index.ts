/**
 * The engine: semantics.md in code. Pure and total: no Office, no DOM, no I/O; failures are
 * values with codes. Every other layer calls this; no domain rule is computed elsewhere.
 */
export * from "./result";
export * from "./errorCodes";
export * from "./located";
export * from "./measures";
export * from "./periods";
export * from "./dates";
export * from "./profiles";
export * from "./milestones";
export * from "./values";
export * from "./figures";
export * from "./progress";
export * from "./rag";
export * from "./format";
export * from "./explain";
export * from "./rollup";
export * from "./register";
export * from "./actualKey";
export * from "./smart";
export * from "./published";
export * from "./publishedSeverity";
export * from "./approval";
export * from "./confidence";
export * from "./comparators";
export * from "./quality";
export * from "./report";
export * from "./audit";
export * from "./fillColour";
export * from "./targetMethods";
export * from "./suggest";
export * from "./plans";
