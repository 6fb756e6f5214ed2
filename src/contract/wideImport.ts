/**
 * Wide import (workbook.md, "perfcycle import"): the modules under ./wide, exported here as
 * they always were.
 */
export * from "./wide/import";
export { idFromLabel, slugId, rowRole, isPercentLabel, type RowRole } from "./wide/labels";
export { readMarks, type MarkQuality, type Marked } from "./wide/marks";
