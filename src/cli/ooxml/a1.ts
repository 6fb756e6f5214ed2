/**
 * The package's 1-based ranges (from the one A1 module, src/a1, for the part writers that import
 * them from here) and Excel's rules for a sheet name the command writes.
 */
export { colLetters, formatRange, overlaps, parseRange, type Range } from "../../a1";

/** Excel's rules for sheet names: 31 characters, none of : \ / ? * [ ], not blank. */
export function sheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Sheet").slice(0, 31);
}
