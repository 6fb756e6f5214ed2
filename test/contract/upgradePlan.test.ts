/**
 * The upgrade plan's PerfSettings edits as the Excel layer writes them (settingsEdits): the
 * version's cell changed in place, new rows appended after the user's, never inserted above them.
 */
import { settingsEdits, upgradePlan, type RawTable } from "../../src/contract";

const settings = (rows: RawTable["rows"], headers: RawTable["headers"] = ["Setting", "Value"]): RawTable => ({
  name: "PerfSettings",
  headers,
  rows,
});

test("a version-1 PerfSettings: SchemaVersion's Value becomes 2 in its own row; the new settings follow the last row", () => {
  const t = settings([
    ["FiscalYearStartMonth", 4],
    ["SchemaVersion", 1],
    ["Council", "Northfield"],
  ]);
  const edits = settingsEdits(t, upgradePlan({ tables: [t] }));
  expect(edits).toEqual({
    rows: [
      ["FiscalYearStartMonth", 4],
      ["SchemaVersion", 2],
      ["Council", "Northfield"],
    ],
    changed: [1],
    added: [
      ["ConfidenceLevel", 95],
      ["SmallBase", 30],
      ["DotSignificance", "No"],
    ],
  });
  expect(t.rows[1]).toEqual(["SchemaVersion", 1]); // the input is not modified
});

test("without a SchemaVersion row, it is appended (the user's rows keep their places), other columns blank", () => {
  const t = settings([["RagRule", "Milestone", "ours"]], ["Setting", "Value", "Note"]);
  const edits = settingsEdits(t, upgradePlan({ tables: [t] }));
  expect(edits?.changed).toEqual([]);
  expect(edits?.rows).toEqual(t.rows);
  expect(edits?.added[0]).toEqual(["SchemaVersion", 2, null]);
  expect(edits?.added).toHaveLength(4);
});

test("an upgraded PerfSettings, a newer one, or one without a Value column has no edits", () => {
  const done = settings([
    ["SchemaVersion", 2],
    ["ConfidenceLevel", 99.8],
    ["SmallBase", 30],
    ["DotSignificance", "Yes"],
  ]);
  expect(settingsEdits(done, upgradePlan({ tables: [done] }))).toBeNull();
  const newer = settings([["SchemaVersion", 3]]);
  expect(settingsEdits(newer, upgradePlan({ tables: [newer] }))).toBeNull();
  const odd = settings([["SchemaVersion", 1]], ["Setting", "Amount"]);
  expect(settingsEdits(odd, upgradePlan({ tables: [odd] }))).toBeNull();
});
