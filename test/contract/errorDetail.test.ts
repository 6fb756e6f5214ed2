/**
 * A located error whose message begins with its place keeps the rest as `detail`, set where the
 * reader composes the place, so a host can show the place its own way without cutting the message.
 */
import { readRegister, TABLE } from "../../src/contract";
import { errorText } from "../../src/cli/terminal";
import { short } from "../../src/taskpane/flows/targets/fieldLabels";
import { actual, book, target } from "./helpers";

describe("an error's detail: its message after its place", () => {
  test("a bad cell: the message is the place, ': ', then the detail, word for word", () => {
    const r = readRegister(book({ targets: [target({ MeasureType: "Cnt" })] }));
    const e = r.errors.find((x) => x.column === "MeasureType");
    expect(e?.detail).toBeDefined();
    expect(e?.message).toBe(`PerfTargets row 1 (Targets!E2), MeasureType: ${e?.detail ?? ""}`);
    // The form shows the detail; the terminal the message as it is (it names its place).
    if (e) {
      expect(short(e)).toBe(e.detail);
      expect(errorText(e)).toBe(e.message);
    }
  });

  test("a missing column: the table's name, then the detail", () => {
    const r = readRegister(
      book({ actualHeaders: ["IndicatorId", "OrgUnit", "Period", "Numerator", "Denominator"], actuals: [] }),
    );
    const e = r.errors.find((x) => x.code === "COLUMN_MISSING" && x.column === "Value");
    expect(e?.detail).toMatch(/^the table has no Value column/);
    expect(e?.message).toBe(`PerfActuals: ${e?.detail ?? ""}`);
    if (e) {
      expect(short(e)).toBe(e.message);
      expect(errorText(e)).toBe(e.message);
    }
  });

  test("an error whose message does not name its place has no detail; the terminal names it", () => {
    const r = readRegister({ tables: [] });
    expect(r.fatal?.code).toBe("TARGETS_TABLE_MISSING");
    expect(r.fatal?.detail).toBeUndefined();
    if (r.fatal) {
      expect(errorText(r.fatal)).toBe(`${TABLE.targets}: ${r.fatal.message}`);
      expect(short(r.fatal)).toBe(r.fatal.message);
    }
  });

  test("an actual for an indicator with no target: the place then the detail", () => {
    const r = readRegister(book({ actuals: [actual({ IndicatorId: "EH-XYZ" })] }));
    const e = r.errors.find((x) => x.code === "ACTUAL_NO_INDICATOR");
    expect(e?.message.endsWith(`: ${e.detail ?? "?"}`)).toBe(true);
    expect(e?.message.startsWith("PerfActuals row 1")).toBe(true);
  });
});
