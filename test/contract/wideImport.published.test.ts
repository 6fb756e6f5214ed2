/**
 * importWide on tables as councils publish them: a label column headed anything, title and
 * note rows, a fiscal-year row over quarter headers (merged or not), mistyped headers, totals
 * and "of which" rows, footnote and quality marks, and a percentage row under its n/d row.
 */
import { idFromLabel, importWide, readMarks, rowRole, slugId, type RawCell } from "../../src/contract";

const opts = { startMonth: 4 };
const periods = (rows: readonly { period: string }[]): string[] => rows.map((r) => r.period);

describe("the label column is the first column of text, whatever its header says", () => {
  test.each(["Case Type", "KPI", "Measure", null, "Performance data"])("headed %p", (header) => {
    const r = importWide(
      "T",
      [
        [header, "30/06/2014", "30/09/2014"],
        ["Early Help Assessments", 187, 206],
      ],
      opts,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      expect.objectContaining({
        indicatorId: "EARLY-HELP-ASSESSMENTS",
        indicator: "Early Help Assessments",
        value: 187,
      }),
      expect.objectContaining({ indicatorId: "EARLY-HELP-ASSESSMENTS", period: "2014-15 Q2", value: 206 }),
    ]);
    expect(r.warnings.some((w) => w.cell === "A1" && /ignored/.test(w.message))).toBe(false);
  });

  test("a code column of figures-like text is not taken for labels: the words are", () => {
    const r = importWide(
      "T",
      [
        ["Ref", "Description", "2014-15 Q1"],
        ["1.1", "Re-referrals", 41],
      ],
      opts,
    );
    // "Ref" is an id header: its codes are the ids.
    expect(r.rows[0]).toMatchObject({ indicatorId: "1.1", indicator: "Re-referrals" });
  });

  test("ids are stable slugs; a second label making the same id gets -2, with a warning", () => {
    expect(slugId("Escalated to Social Care")).toBe("ESCALATED-TO-SOCIAL-CARE");
    expect(slugId("Escalation %")).toBe("ESCALATION-PCT");
    expect(slugId("Re-referrals*")).toBe("RE-REFERRALS");
    expect(slugId("Children's Centres – reach (É)")).toBe("CHILDREN-S-CENTRES-REACH-E");
    // A label that is already a code is kept, so it matches the register's id.
    expect(["EH-EHA", "1.1", "NI_117", "Reach", "NI 117"].map(idFromLabel)).toEqual([
      "EH-EHA",
      "1.1",
      "NI_117",
      "REACH",
      "NI-117",
    ]);
    const r = importWide(
      "T",
      [
        ["", "2014-15 Q1"],
        ["Open cases", 615],
        ["Open  cases!", 640],
      ],
      opts,
    );
    expect(r.rows.map((x) => x.indicatorId)).toEqual(["OPEN-CASES", "OPEN-CASES-2"]);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ cell: "A3", message: expect.stringContaining("OPEN-CASES-2") as unknown }),
    );
  });
});

describe("title rows, a fiscal-year row and merged headers", () => {
  const grid: RawCell[][] = [
    ["Early help performance"],
    ["Figures at quarter end; (r) revised"],
    [],
    ["Case Type", "2013-14", null, null, null, "2014-15", null],
    [null, "Q1", "Q2", "30/12/2013", "31/03/2014", "30/06/2014", "30/09/2015"],
    ["Early Help Assessments", 135, 94, 159, 168, 187, 206],
  ];
  const merges = ["A4:A5", "B4:E4", "F4:G4"];
  const r = importWide("Derby", grid, { startMonth: 4, merges });

  test("Q1/Q2 under 2013-14 are that year's quarters; the merged label header names the column", () => {
    expect(periods(r.rows)).toEqual(["2013-14 Q1", "2013-14 Q2", "2013-14 Q4", "2014-15 Q1"]);
    expect(r.rows.map((x) => x.value)).toEqual([135, 94, 168, 187]);
  });

  test("a non-quarter-end date is an error naming the cell, suggesting the quarter its place implies", () => {
    const e = r.errors.find((x) => x.cell === "D5");
    expect(e).toMatchObject({ sheet: "Derby", text: "30/12/2013" });
    expect(e?.message).toMatch(/31\/12\/2013 \(2013-14 Q3\)/);
    expect(e?.message).toMatch(/1 figure under it/);
  });

  test("a quarter outside the fiscal year printed over it is an error naming both cells", () => {
    const e = r.errors.find((x) => x.cell === "G5");
    expect(e?.message).toMatch(/2015-16 Q2.*2014-15 \(F4\)/);
    expect(r.errors).toHaveLength(2);
  });

  test("without the merges, an unmerged year still runs to the next year's column", () => {
    const plain = importWide("Derby", grid, opts);
    expect(periods(plain.rows)).toEqual(periods(r.rows));
  });

  test("a year column (2014-15 Total) is ignored with a warning, not an error", () => {
    const x = importWide(
      "T",
      [
        ["Measure", "30/06/2014", "2014-15 Total"],
        ["Re-referrals", 92, 354],
      ],
      opts,
    );
    expect(x.errors).toEqual([]);
    expect(x.warnings).toContainEqual(expect.objectContaining({ cell: "C1", text: "2014-15 Total" }));
    expect(x.rows).toHaveLength(1);
  });
});

describe("totals and of-which rows", () => {
  const r = importWide(
    "T",
    [
      ["Indicator", "2014-15 Q1", "2014-15 Q2"],
      ["Open early help cases", 615, 640],
      ["  of which: stepped down from social care", 40, 52],
      ["- of which: families with under-fives", 210, 230],
      ["Closed cases", 274, 251],
      ["Total contacts", 889, 891],
    ],
    opts,
  );

  test("are imported as indicators of their own, flagged so they are never added to the others", () => {
    const q1 = r.rows.filter((x) => x.period === "2014-15 Q1");
    expect(q1.map((x) => [x.indicatorId, x.role ?? null, x.partOf ?? null])).toEqual([
      ["CLOSED-CASES", null, null],
      ["OPEN-EARLY-HELP-CASES", null, null],
      ["OPEN-EARLY-HELP-CASES-FAMILIES-WITH-UNDER-FIVES", "part", "OPEN-EARLY-HELP-CASES"],
      ["OPEN-EARLY-HELP-CASES-STEPPED-DOWN-FROM-SOCIAL-CARE", "part", "OPEN-EARLY-HELP-CASES"],
      ["TOTAL-CONTACTS", "total", null],
    ]);
    expect(r.errors).toEqual([]);
  });

  test("rowRole reads the usual wordings", () => {
    expect(rowRole("Total")).toBe("total");
    expect(rowRole("City total")).toBe("total");
    expect(rowRole("of whom: aged 0-4")).toBe("part");
    expect(rowRole("o/w re-referred")).toBe("part");
    expect(rowRole("Totally new service")).toBeUndefined();
  });
});

describe("footnote and quality marks", () => {
  test.each([
    ["12.4%*", "12.4%", ["*"], undefined],
    ["31/274 (r)", "31/274", ["(r)"], undefined],
    ["159†", "159", ["†"], undefined],
    ["206¹", "206", ["¹"], undefined],
    ["168 (p)", "168", ["(p)"], "Provisional"],
    ["94 (e)", "94", ["(e)"], "Estimated"],
    ["187 provisional", "187", ["provisional"], "Provisional"],
    ["254r", "254", ["r"], undefined],
    ["282 [p]*", "282", ["[p]", "*"], "Provisional"],
    ["n/a", "n/a", [], undefined],
    ["*", "*", [], undefined],
  ])("%p reads as %p", (text, cell, marks, quality) => {
    const m = readMarks(text);
    expect(m.cell).toBe(cell);
    expect(m.marks).toEqual(marks);
    expect(m.quality).toBe(quality);
  });

  test("figures import without their marks; (p) and (e) give the row's quality; one warning per mark", () => {
    const r = importWide(
      "T",
      [
        ["Measure", "2014-15 Q1", "2014-15 Q2", "2014-15 Q3"],
        ["Re-referrals", "12.4%*", "13.1%*", "12.9% (p)"],
        ["Escalations", "31/274 (r)", "27/251", "24/240 (e)"],
      ],
      opts,
    );
    expect(r.errors).toEqual([]);
    const re = r.rows.filter((x) => x.indicatorId === "RE-REFERRALS");
    expect(re.map((x) => x.value)).toEqual([0.124, 0.131, 0.129]);
    expect(re.map((x) => x.quality ?? null)).toEqual([null, null, "Provisional"]);
    expect(r.rows.find((x) => x.indicatorId === "ESCALATIONS" && x.period === "2014-15 Q1")).toMatchObject({
      numerator: 31,
      denominator: 274,
    });
    expect(r.rows.find((x) => x.period === "2014-15 Q3" && x.indicatorId === "ESCALATIONS")?.quality).toBe(
      "Estimated",
    );
    const star = r.warnings.find((w) => w.message.includes("'*'"));
    expect(star).toMatchObject({ cell: "B2", text: "12.4%*" });
    expect(star?.message).toContain("B2, C2");
    // Rows without a mark carry no quality key at all (the spec's keys only).
    expect(Object.keys(re[0] ?? {})).not.toContain("quality");
  });
});

describe("a percentage row under its n/d row", () => {
  const grid: RawCell[][] = [
    ["Case Type", "30/06/2014", "30/09/2014", "31/12/2014", "31/03/2015"],
    ["Escalated to Social Care", "31/274", "27/251", null, "18/206"],
    ["Escalation %", "11.3%", "10.7%", "9.5%", "8.7%"],
  ];
  const r = importWide("T", grid, opts);

  test("is one indicator: the n/d figures, and a percentage only where its n/d is blank", () => {
    expect(new Set(r.rows.map((x) => x.indicatorId))).toEqual(new Set(["ESCALATED-TO-SOCIAL-CARE"]));
    expect(r.rows.map((x) => [x.period, x.numerator, x.value])).toEqual([
      ["2014-15 Q1", 31, 31 / 274],
      ["2014-15 Q2", 27, 27 / 251],
      ["2014-15 Q3", null, 0.095],
      ["2014-15 Q4", 18, 18 / 206],
    ]);
  });

  test("a percentage that does not equal its n/d is a warning naming both cells", () => {
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        cell: "C3",
        text: "10.7%",
        message: expect.stringMatching(/27\/251 \(C2\).*10\.8%/) as unknown,
      }),
    );
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        cell: "A3",
        message: expect.stringContaining("percentage of 'Escalated to Social Care'") as unknown,
      }),
    );
    expect(r.errors).toEqual([]);
  });

  test("'31 of 274 (11.3%)' in a cell is the fraction, its percentage checked", () => {
    const x = importWide(
      "T",
      [
        ["Measure", "2014-15 Q1", "2014-15 Q2"],
        ["Escalations", "31 of 274 (11.3%)", "27 of 251 (10.7%)"],
      ],
      opts,
    );
    expect(x.rows.map((y) => [y.numerator, y.denominator])).toEqual([
      [31, 274],
      [27, 251],
    ]);
    expect(x.warnings).toContainEqual(
      expect.objectContaining({ cell: "C2", message: expect.stringContaining("10.8%") as unknown }),
    );
  });
});

test("a year alone in the first column is a title, not a fiscal-year row", () => {
  const r = importWide(
    "T",
    [["2015-16"], ["Indicator", "31/03/2015", "30/06/2015"], ["Reach", "54.4%", "60.1%"]],
    opts,
  );
  expect(r.errors).toEqual([]);
  expect(periods(r.rows)).toEqual(["2014-15 Q4", "2015-16 Q1"]);
});
