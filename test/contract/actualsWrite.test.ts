import { upsertActuals, type RawTable } from "../../src/contract";

const headers = [
  "IndicatorId",
  "OrgUnit",
  "Period",
  "Value",
  "Numerator",
  "Denominator",
  "Commentary",
  "Action",
  "Checked by",
];
const table: RawTable = {
  name: "PerfActuals",
  headers,
  rows: [
    ["EH-EHA", "City", "2015/16 Q1", 180, null, null, "Late return from North", "Chase data team", "JB"],
    ["CS-ESC", "City", "Q1 2015-16", null, 22, 238, "", "", "AK"],
  ],
};

describe("upsertActuals", () => {
  test("updates a row matched across label spellings, keeping commentary, action and the user's columns", () => {
    const r = upsertActuals(
      table,
      [
        {
          indicatorId: "eh-eha ",
          orgUnit: "city",
          period: "2015-16 Q1",
          value: 187,
          numerator: null,
          denominator: null,
        },
      ],
      4,
    );
    expect(r).toMatchObject({ added: 0, updated: 1, changedRows: [1], errors: [] });
    expect(r.rows[0]).toEqual([
      "EH-EHA",
      "City",
      "2015/16 Q1",
      187,
      null,
      null,
      "Late return from North",
      "Chase data team",
      "JB",
    ]);
    expect(r.rows[1]).toEqual(table.rows[1]);
  });

  test("adds a new row with the canonical period label and blank user columns", () => {
    const r = upsertActuals(
      table,
      [
        {
          indicatorId: "CS-ESC",
          orgUnit: "City",
          period: "30/09/2015",
          value: 18 / 206,
          numerator: 18,
          denominator: 206,
        },
      ],
      4,
    );
    expect(r).toMatchObject({ added: 1, updated: 0, changedRows: [3] });
    expect(r.rows).toHaveLength(3);
    expect(r.rows[2]).toEqual(["CS-ESC", "City", "2015-16 Q2", 18 / 206, 18, 206, null, null, null]);
  });

  test("the same figures again change nothing", () => {
    const r = upsertActuals(
      table,
      [
        {
          indicatorId: "CS-ESC",
          orgUnit: "City",
          period: "2015-16 Q1",
          value: null,
          numerator: 22,
          denominator: 238,
        },
      ],
      4,
    );
    expect(r).toMatchObject({ added: 0, updated: 0, changedRows: [] });
    expect(r.rows).toEqual(table.rows);
  });

  test("an input with no figure never blanks one already there", () => {
    const r = upsertActuals(
      table,
      [
        {
          indicatorId: "EH-EHA",
          orgUnit: "City",
          period: "2015-16 Q1",
          value: null,
          numerator: null,
          denominator: null,
        },
      ],
      4,
    );
    expect(r.rows[0]?.[3]).toBe(180);
    expect(r.updated).toBe(0);
  });

  test("an input period that does not parse is an error and is not written", () => {
    const r = upsertActuals(
      table,
      [
        {
          indicatorId: "EH-EHA",
          orgUnit: "City",
          period: "Q5 2015",
          value: 1,
          numerator: null,
          denominator: null,
        },
      ],
      4,
    );
    expect(r.errors).toEqual([expect.objectContaining({ table: "PerfActuals", column: "Period" })]);
    expect(r.errors[0]?.message).toContain("'Q5 2015'");
    expect(r.rows).toEqual(table.rows);
  });

  test("the input table is not modified", () => {
    const before = JSON.stringify(table);
    upsertActuals(
      table,
      [
        {
          indicatorId: "EH-EHA",
          orgUnit: "City",
          period: "2015-16 Q1",
          value: 1,
          numerator: null,
          denominator: null,
        },
      ],
      4,
    );
    expect(JSON.stringify(table)).toBe(before);
  });

  test("columns in another order are written in the table's order", () => {
    const t: RawTable = {
      name: "PerfActuals",
      headers: ["Notes", "period", "org unit", "indicator id", "value"],
      rows: [],
    };
    const r = upsertActuals(
      t,
      [
        {
          indicatorId: "X",
          orgUnit: "City",
          period: "2015-16 Q3",
          value: 5,
          numerator: null,
          denominator: null,
        },
      ],
      4,
    );
    expect(r.rows).toEqual([[null, "2015-16 Q3", "City", "X", 5]]);
  });
});
