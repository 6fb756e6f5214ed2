/** The sheet part of an address: `Sheet1!A1`, `'My sheet'!A1` (a quote in a name doubled). */

/**
 * A sheet name as Excel writes it in an address: quoted when it has spaces or punctuation.
 *
 * @example
 * quoteSheet("Targets"); // "Targets"
 * quoteSheet("Q2 report"); // "'Q2 report'"
 */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * `Sheet!A1`, quoting a sheet name with spaces or punctuation as Excel does.
 *
 * @example
 * sheetAddress("Council's", "B2"); // "'Council''s'!B2"
 */
export function sheetAddress(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/**
 * Split `'My sheet'!A1:B2` into the sheet name (unquoted; null when there is none) and the local
 * part. Surrounding white space is ignored.
 *
 * @example
 * splitSheet("'My sheet'!A1:B2"); // { sheet: "My sheet", local: "A1:B2" }
 * splitSheet("B3"); // { sheet: null, local: "B3" }
 */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const a = address.trim();
  const bang = a.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: a };
  let sheet = a.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, local: a.slice(bang + 1) };
}
