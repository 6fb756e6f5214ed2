/**
 * The published-figure check: a published percentage against its numerator and denominator, at
 * the published precision.
 */
import fc from "fast-check";
import { checkPublishedPercent, parseCellNumber, percentDecimals } from "./index";

function check(text: string, numerator: number, denominator: number): boolean {
  const cell = parseCellNumber(text);
  if (!cell.ok || cell.value.kind !== "number") throw new Error(`not a percentage: ${text}`);
  const r = checkPublishedPercent(cell.value.value, percentDecimals(text), numerator, denominator);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.matches;
}

test("13.2% beside 44/331 (13.3%) is a finding: a truncated figure", () => {
  expect(check("13.2%", 44, 331)).toBe(false);
  const r = checkPublishedPercent(0.132, 1, 44, 331);
  expect(r.ok && r.value.expectedText).toBe("13.3%");
  expect(r.ok && r.value.publishedText).toBe("13.2%");
  expect(r.ok && r.value.recomputed).toBe(44 / 331);
});

test("13.3% beside 44/331 is fine", () => {
  expect(check("13.3%", 44, 331)).toBe(true);
});

test("the DOMAIN figures as published are right: 11.3% = 31/274, 8.7% = 18/206, 79.4% = 127/160, 60% = 52/86", () => {
  expect(check("11.3%", 31, 274)).toBe(true);
  expect(check("8.7%", 18, 206)).toBe(true);
  expect(check("79.4%", 127, 160)).toBe(true);
  expect(check("60%", 52, 86)).toBe(true);
  expect(check("27%", 73, 268)).toBe(true);
  expect(check("11%", 23, 207)).toBe(true);
});

test("the precision is the published one: 11% and 11.31% both match 31/274; 11.32% does not", () => {
  expect(check("11%", 31, 274)).toBe(true);
  expect(check("11.31%", 31, 274)).toBe(true);
  expect(check("11.32%", 31, 274)).toBe(false);
});

test("halves round up: 1/8 = 12.5% is published as 13% at no decimals", () => {
  expect(check("13%", 1, 8)).toBe(true);
  expect(check("12%", 1, 8)).toBe(false);
});

test("a denominator of 0 is an error, not a finding", () => {
  const r = checkPublishedPercent(0.1, 1, 3, 0);
  expect(!r.ok && r.error.code).toBe("DIVIDE_BY_ZERO");
});

test("decimals from the text or the number format", () => {
  expect(percentDecimals("13.2%")).toBe(1);
  expect(percentDecimals("60%")).toBe(0);
  expect(percentDecimals("0.00%")).toBe(2);
});

test("the recomputed figure, published at any precision, always passes its own check", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: 1, max: 100_000 }),
      fc.integer({ min: 0, max: 3 }),
      (n, d, decimals) => {
        const r = checkPublishedPercent(n / d, decimals, n, d);
        if (!r.ok) throw new Error(r.error.message);
        const republished = parseCellNumber(r.value.expectedText);
        if (!republished.ok || republished.value.kind !== "number") throw new Error("unreadable");
        const again = checkPublishedPercent(republished.value.value, decimals, n, d);
        expect(again.ok && again.value.matches).toBe(true);
      },
    ),
  );
});
