/**
 * A figure's quality travels with it into PerfActuals (semantics.md, "Data quality"): a wide
 * table's `(p)` or `(e)` mark is written to the Quality column, Validated as a blank; a table
 * without the column keeps the figure and says how many marks it could not keep.
 */
import { upsertActuals, type ActualInput, type RawTable } from "../../src/contract";

const V1 = ["IndicatorId", "OrgUnit", "Period", "Value", "Numerator", "Denominator", "Commentary", "Action"];

function table(headers: readonly string[]): RawTable {
  return {
    name: "PerfActuals",
    headers: [...headers],
    rows: [["EH-EHA", "City", "2015-16 Q1", 180, null, null, "", "", ...headers.slice(8).map(() => null)]],
  };
}

const provisional: ActualInput = {
  indicatorId: "EH-EHA",
  orgUnit: "City",
  period: "2015-16 Q2",
  value: 206,
  numerator: null,
  denominator: null,
  quality: "Provisional",
};

test("a provisional figure is written with its quality where the table has a Quality column", () => {
  const r = upsertActuals(table([...V1, "Quality"]), [provisional], 4);
  expect(r).toMatchObject({ added: 1, updated: 0, errors: [], qualityNotKept: 0 });
  expect(r.rows[1]).toEqual(["EH-EHA", "City", "2015-16 Q2", 206, null, null, null, null, "Provisional"]);
});

test("a figure now validated clears the quality it had", () => {
  const t = table([...V1, "Quality"]);
  const first = upsertActuals(t, [provisional], 4);
  const again = upsertActuals({ ...t, rows: first.rows }, [{ ...provisional, quality: "Validated" }], 4);
  expect(again).toMatchObject({ added: 0, updated: 1, qualityNotKept: 0 });
  expect(again.rows[1]?.[8]).toBeNull();
});

test("a version 1 table keeps the figure and counts the mark it could not keep", () => {
  const r = upsertActuals(
    table(V1),
    [provisional, { ...provisional, period: "2015-16 Q3", quality: "Validated" }],
    4,
  );
  expect(r).toMatchObject({ added: 2, errors: [], qualityNotKept: 1 });
  expect(r.rows[1]).toEqual(["EH-EHA", "City", "2015-16 Q2", 206, null, null, null, null]);
});
