import {
  applyTargetEdit,
  auditRow,
  readAudit,
  AUDIT_COLUMNS,
  TARGET_COLUMNS,
  type RawTable,
} from "../../src/contract";
import { table, target } from "./helpers";

const headers = [...TARGET_COLUMNS, "Notes"];
const targets: RawTable = table("PerfTargets", headers, [
  target({ Status: "Approved", Notes: "agreed at PAB 12/03/2015" }),
  target({
    IndicatorId: "CS-ESC",
    MeasureType: "Rate",
    Polarity: "Lower",
    Baseline: 0.113,
    Target: 0.09,
    Status: "Draft",
  }),
]);
const ctx = { who: "J Bloggs", when: "2015-10-20T09:00:00.000Z", startMonth: 4 };
const col = (c: string): number => headers.indexOf(c);

describe("applyTargetEdit", () => {
  test("a Draft target changes without a reason and without an audit row; other cells are kept", () => {
    const r = applyTargetEdit(
      targets,
      { indicatorId: "cs-esc", orgUnit: "city", values: { Target: 0.085 } },
      ctx,
    );
    expect(r.outcome).toEqual({ ok: true, created: false, audited: 0 });
    expect(r.row).toBe(2);
    expect(r.rows[1]?.[col("Target")]).toBe(0.085);
    expect(r.rows[1]?.[col("Baseline")]).toBe(0.113);
    expect(r.rows[0]).toEqual(targets.rows[0]);
  });

  test("an Approved target needs a reason; nothing changes without one", () => {
    const r = applyTargetEdit(
      targets,
      { indicatorId: "EH-EHA", orgUnit: "City", values: { Target: 800 } },
      ctx,
    );
    expect(r.outcome).toMatchObject({ ok: false, needsReason: true });
    expect(r.rows).toEqual(targets.rows);
  });

  test("with a reason each changed field is audited, and the user's column is kept", () => {
    const r = applyTargetEdit(
      targets,
      {
        indicatorId: "EH-EHA",
        orgUnit: "City",
        values: { Target: 800, "Data source": "EHM", Profile: "Seasonal" },
        reason: "Board asked for 800",
      },
      ctx,
    );
    expect(r.outcome).toEqual({ ok: true, created: false, audited: 2 });
    const base = {
      when: ctx.when,
      who: ctx.who,
      indicatorId: "EH-EHA",
      orgUnit: "City",
      reason: "Board asked for 800",
    };
    expect(r.audit).toEqual([
      { ...base, field: "Target", oldValue: "780", newValue: "800" },
      { ...base, field: "Profile", oldValue: "Linear", newValue: "Seasonal" },
    ]);
    expect(r.rows[0]?.[col("Notes")]).toBe("agreed at PAB 12/03/2015");
  });

  test("a new target is added as Draft", () => {
    const r = applyTargetEdit(
      targets,
      { indicatorId: "YP-NEET", orgUnit: "City", values: { Indicator: "NEET", Target: "5.5%" } },
      ctx,
    );
    expect(r.outcome).toEqual({ ok: true, created: true, audited: 0 });
    expect(r.row).toBe(3);
    expect(r.rows[2]?.[col("Status")]).toBe("Draft");
    expect(r.rows[2]?.[col("Notes")]).toBeNull();
  });

  test("the edited row is read back: a bad value is an error naming table, row, column and text", () => {
    const r = applyTargetEdit(
      targets,
      { indicatorId: "CS-ESC", orgUnit: "City", values: { Target: "tbc" } },
      ctx,
    );
    expect(r.errors).toEqual([expect.objectContaining({ table: "PerfTargets", row: 2, column: "Target" })]);
    expect(r.errors[0]?.message).toContain("'tbc'");
  });

  test("a column that is not the contract's is refused", () => {
    const r = applyTargetEdit(
      targets,
      { indicatorId: "CS-ESC", orgUnit: "City", values: { Colour: "red" } },
      ctx,
    );
    expect(r.outcome).toMatchObject({ ok: false, needsReason: false });
  });
});

describe("audit rows", () => {
  test("an entry written as a row reads back the same", () => {
    const entry = {
      when: ctx.when,
      who: "J",
      indicatorId: "EH-EHA",
      orgUnit: "City",
      field: "Target",
      oldValue: "780",
      newValue: "800",
      reason: "r",
    };
    const row = auditRow(entry);
    expect(row).toHaveLength(AUDIT_COLUMNS.length);
    expect(
      readAudit({ tables: [{ name: "PerfAudit", headers: [...AUDIT_COLUMNS], rows: [row, []] }] }),
    ).toEqual([entry]);
  });
});
