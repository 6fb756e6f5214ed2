/**
 * Figures in explanations read as en-GB Intl formatting would give them (the engine formats
 * without Intl for speed: these tests hold it to Intl's output).
 */
import fc from "fast-check";
import { formatDecimal, formatNumber, formatShare } from "./index";

const intl = (decimals: number) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: decimals });
const reference = (x: number, decimals: number): string => {
  const s = intl(decimals).format(x);
  return s === "-0" ? "0" : s;
};

test("formatDecimal is Intl en-GB with at most 0, 1 or 2 decimal places", () => {
  const any = fc.oneof(
    fc.double({ min: -1e16, max: 1e16, noNaN: true }),
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 8), // exact ties such as 0.125
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 1000),
    fc.integer({ min: -1_000_000, max: 1_000_000 }).map((k) => k / 20),
    fc.integer({ min: -100_000_000, max: 100_000_000 }).map((k) => k / 200), // ties at 2 places: 4216.445
    fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((k) => k / 2), // ties at 0 places
    fc.double({ min: 0, max: 1e9, noNaN: true }),
  );
  fc.assert(
    fc.property(any, fc.constantFrom(0, 1, 2), (x, d) => {
      expect(formatDecimal(x, d)).toBe(reference(x, d));
    }),
    { numRuns: 20000 },
  );
});

test("known figures", () => {
  for (const [x, d, text] of [
    [1242, 0, "1,242"],
    [4216.45, 1, "4,216.5"],
    [999.96, 1, "1,000"],
    [0.125, 2, "0.13"],
    [1.005, 2, "1.01"], // as written, not as stored in binary (1.00499…)
    [-0.004, 2, "0"],
    [-1234567.891, 2, "-1,234,567.89"],
    [1e21, 0, "1,000,000,000,000,000,000,000"],
  ] as const) {
    expect(formatDecimal(x, d)).toBe(text);
  }
  expect(formatNumber(317.75)).toBe("317.8");
  expect(formatNumber(6.25)).toBe("6.25");
  expect(formatShare(0.05)).toBe("5%");
  expect(formatShare(0.125)).toBe("12.5%");
});
