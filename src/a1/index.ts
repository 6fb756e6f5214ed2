/**
 * A1 addresses, the one home of Excel's address grammar for every layer (it imports nothing):
 * column letters ⇄ column numbers, cell addresses (`B3`, `$B$3`), sheet-qualified addresses
 * (`'My sheet'!A1`), range addresses with whole columns and rows (`A1:C5`, `A:C`, `2:4`,
 * 0-based inside as Office.js counts) and the package's 1-based ranges (`ref="A1:C5"`).
 */
export { colLetters, formatRange, overlaps, parseRange, type Range } from "./bounds";
export { cellAddress, columnAt, offsetA1, parseA1, refColumn, refRow, toA1, type CellRef } from "./cell";
export { columnLetters, columnOfLetters, MAX_COLUMNS, MAX_ROWS } from "./columns";
export { intersection, parseRect, qualifiedAddress, rectAddress, type Rect } from "./rect";
export { quoteSheet, sheetAddress, splitSheet } from "./sheet";
