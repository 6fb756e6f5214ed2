/** Column letters and 0-based column numbers, and the size of a sheet (Excel's limits). */

/** Excel's sheet size: 1,048,576 rows and 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * Column letters of a 0-based column.
 *
 * @example
 * columnLetters(0); // "A"
 * columnLetters(26); // "AA"
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The 0-based column of one to three column letters (either case); -1 when it is not letters.
 *
 * @example
 * columnOfLetters("A"); // 0
 * columnOfLetters("ab"); // 27
 * columnOfLetters("A1"); // -1
 */
export function columnOfLetters(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}
