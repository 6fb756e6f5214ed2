/**
 * A1 cell addresses, for naming cells in messages (`Targets!E4`): the contract's share of the one
 * A1 module (src/a1), which every layer imports.
 */
export { columnAt, columnLetters, offsetA1, parseA1, sheetAddress, toA1, type CellRef } from "../a1";
