/**
 * Cell values as people type them: numbers, `12.4%`, `1,242`, `31/274`, blanks and
 * placeholders such as `awaiting data`. One parser for every host (contract, import,
 * custom functions), so "12,5%" is refused the same way everywhere.
 */
import { err, isFiniteNumber, ok, quote, type Result } from "./result";

/** What a cell holds, once read. */
export type CellNumber =
  | { readonly kind: "blank" }
  | { readonly kind: "placeholder"; readonly text: string }
  | { readonly kind: "number"; readonly value: number; readonly percent: boolean; readonly decimals: number }
  | { readonly kind: "fraction"; readonly numerator: number; readonly denominator: number };

/** Texts that mean "no figure yet" rather than a mistake. Compared case-insensitively. */
export const PLACEHOLDERS: readonly string[] = [
  "awaiting data",
  "awaiting",
  "n/a",
  "na",
  "n.a.",
  "-",
  "--",
  "–",
  "—",
  "tbc",
  "tbd",
  "n/k",
  "not known",
  "not available",
  "no data",
  "nd",
  "x",
  "..",
  "*",
];

function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.includes(text.toLowerCase());
}

const RE_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-+]?\.\d+$/;

/** Decimal places written in a number text (`13.2` → 1). */
function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

function parsePlain(text: string): number | undefined {
  if (!RE_NUMBER.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

export interface CellNumberOptions {
  /**
   * Read text without a `%` sign as a percentage (a rate's Value in the pane's grid, where `11.3`
   * means 11.3%); its messages quote the text as typed.
   */
  readonly percent?: boolean;
}

/**
 * A percentage written as points (66.3 for 66.3%) as the fraction Excel stores for it: the
 * decimal point is shifted in the number's text rather than divided by 100, so 66.3 gives exactly
 * the double 0.663 (66.3 / 100 is 0.6629999999999999).
 *
 * @example
 * fractionOfPoints(66.3) // => 0.663
 * fractionOfPoints(5.9) // => 0.059
 */
export function fractionOfPoints(points: number): number {
  const text = String(points);
  // 1e21 is written "1e+21": an exponent already there is shifted by dividing instead.
  return !Number.isFinite(points) || /e/i.test(text) ? points / 100 : Number(`${text}e-2`);
}

/**
 * Read a cell: a number stays a number; text is trimmed and read as a number, a percentage
 * (stored as a fraction: `12.4%` → 0.124), a fraction `n/d`, a placeholder or a blank.
 * Anything else is an error quoting the text (e.g. `12,5%`: a decimal comma is refused rather
 * than guessed as 125%).
 *
 * @example
 * parseCellNumber("5.9%") // => { ok: true, value: { kind: "number", value: 0.059, percent: true, decimals: 1 } }
 * parseCellNumber("44/331") // => { ok: true, value: { kind: "fraction", numerator: 44, denominator: 331 } }
 * parseCellNumber("n/a") // => { ok: true, value: { kind: "placeholder", text: "n/a" } }
 * parseCellNumber("11.3", { percent: true }) // => { ok: true, value: { kind: "number", value: 0.113, percent: true, decimals: 1 } }
 */
export function parseCellNumber(input: unknown, options: CellNumberOptions = {}): Result<CellNumber> {
  if (input === null || input === undefined) return ok({ kind: "blank" });
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return err("NOT_A_NUMBER", `${quote(input)} is not a number`);
    return ok({ kind: "number", value: input, percent: false, decimals: decimalsOf(String(input)) });
  }
  if (typeof input === "boolean") return err("NOT_A_NUMBER", `${quote(input)} is not a number`);
  if (typeof input !== "string") return err("NOT_A_NUMBER", `${quote(input)} is not a number`);
  const typed = input.trim().replace(/\u00a0/g, " ");
  if (typed === "") return ok({ kind: "blank" });
  // Read as if its % sign were typed; a message still quotes the text as typed.
  const text = options.percent === true && !typed.endsWith("%") ? `${typed}%` : typed;
  if (isPlaceholder(text)) return ok({ kind: "placeholder", text });
  const pct = /^(.*?)\s*%$/.exec(text);
  if (pct) {
    const body = (pct[1] ?? "").trim();
    const n = parsePlain(body);
    if (n === undefined)
      return err("NOT_A_NUMBER", `${quote(input)} is not a percentage (write it as 12.5%)`);
    // Shift the decimal point in the text rather than divide by 100: "5.9%" is exactly the double
    // 0.059 that Excel stores for 5.9%, not 0.059000000000000004.
    const fraction = fractionOfPoints(Number(body.replace(/,/g, "")));
    return ok({ kind: "number", value: fraction, percent: true, decimals: decimalsOf(body) });
  }
  const frac = /^(.+?)\s*\/\s*(.+)$/.exec(text);
  if (frac) {
    const a = parsePlain((frac[1] ?? "").trim());
    const b = parsePlain((frac[2] ?? "").trim());
    if (a !== undefined && b !== undefined) return ok({ kind: "fraction", numerator: a, denominator: b });
    return err("NOT_A_NUMBER", `${quote(input)} is not a fraction such as 31/274`);
  }
  const n = parsePlain(text.replace(/^£/, ""));
  if (n === undefined) return err("NOT_A_NUMBER", `${quote(input)} is not a number`);
  return ok({ kind: "number", value: n, percent: false, decimals: decimalsOf(text) });
}

/**
 * A plain optional number: blank → null, a number or numeric text → the number, else an error.
 *
 * @example
 * parseOptionalNumber(" 1,242 ") // => { ok: true, value: 1242 }
 * parseOptionalNumber("") // => { ok: true, value: null }
 */
export function parseOptionalNumber(input: unknown): Result<number | null> {
  const c = parseCellNumber(input);
  if (!c.ok) return c;
  switch (c.value.kind) {
    case "blank":
      return ok(null);
    case "number":
      return ok(c.value.value);
    case "placeholder":
      return err("NOT_A_NUMBER", `${quote(c.value.text)} is not a number`);
    case "fraction":
      return err("NOT_A_NUMBER", `${quote(input)} is a fraction; give the number itself`);
  }
}

/**
 * A rate from its counts: numerator / denominator; a denominator of 0 is an error, not 0 or Red.
 *
 * @example
 * rate(44, 331) // => { ok: true, value: 0.1329 }
 * rate(1, 0).ok // => false
 */
export function rate(numerator: number, denominator: number): Result<number> {
  if (!isFiniteNumber(numerator) || !isFiniteNumber(denominator)) {
    return err("NOT_A_NUMBER", "A rate needs a numerator and a denominator that are numbers");
  }
  if (denominator === 0)
    return err("DIVIDE_BY_ZERO", `The denominator is 0, so ${numerator}/0 is not a rate`);
  if (numerator < 0 || denominator < 0) {
    return err(
      "NOT_A_NUMBER",
      `A rate's numerator and denominator cannot be negative; got ${numerator}/${denominator}`,
    );
  }
  return ok(numerator / denominator);
}
