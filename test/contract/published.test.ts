import { scanPublished, type RawCell } from "../../src/contract";

describe("scanPublished: a percentage beside its numerator and denominator", () => {
  const grid: RawCell[][] = [
    ["Quarter 2 report"],
    [],
    ["Indicator", "Numerator", "Denominator", "%"],
    ["Escalations", 18, 206, 0.087],
    ["Re-referrals", 44, 331, 0.132],
    ["Respect", 127, 160, 0.794],
  ];
  const formats = grid.map((r) => r.map((_, i) => (i === 3 ? "0.0%" : "General")));

  test("finds 13.2% published for 44/331 (13.3%), names the cell and the expected figure", () => {
    const f = scanPublished("Published", grid, formats);
    expect(f).toEqual([
      {
        code: "P-FIGURE",
        severity: "warning",
        sheet: "Published",
        cell: "D5",
        text: "13.2%",
        expected: "13.3%",
        message: expect.stringContaining("44/331") as unknown as string,
      },
    ]);
  });

  test("the precision is the published one: 13% for 44/331 is right", () => {
    const f0 = formats.map((r) => r.map((x) => (x === "0.0%" ? "0%" : x)));
    expect(scanPublished("P", grid, f0)).toEqual([]);
  });

  test("percentages typed as text or as percentage numbers", () => {
    const g: RawCell[][] = [
      ["n", "d", "Rate %"],
      [44, 331, "13.2%"],
      [44, 331, 13.2],
      [44, 331, "13.3%"],
      ["1,242", "4,216", "29.5%"],
    ];
    expect(scanPublished("P", g).map((x) => x.cell)).toEqual(["C2", "C3"]);
  });

  test("a figure far off is an error; a zero denominator is an error", () => {
    const g: RawCell[][] = [
      ["Numerator", "Denominator", "%"],
      [44, 331, "31.3%"],
      [5, 0, "10%"],
    ];
    expect(scanPublished("P", g).map((x) => [x.cell, x.severity])).toEqual([
      ["C2", "error"],
      ["C3", "error"],
    ]);
  });

  test("addresses follow the origin", () => {
    const f = scanPublished("Published", grid, formats, "C10");
    expect(f.map((x) => x.cell)).toEqual(["F14"]);
  });
});

describe("scanPublished: figures in text", () => {
  test("n/d (x%), n of d (x%) and x% (n/d)", () => {
    const g: RawCell[][] = [
      ["Escalations were 31/274 (11.3%) at baseline"],
      ["Re-referrals: 44/331 (13.2%)"],
      ["Audits: 52 of 86 (60%)"],
      ["Reach 13.2% (44 of 331)"],
    ];
    const f = scanPublished("Notes", g);
    expect(f.map((x) => [x.cell, x.text, x.expected])).toEqual([
      ["A2", "13.2%", "13.3%"],
      ["A4", "13.2%", "13.3%"],
    ]);
    expect(f[0]?.message).toContain("'Re-referrals: 44/331 (13.2%)'");
  });

  test("a 31/274 cell with the percentage in the next cell", () => {
    const g: RawCell[][] = [
      ["Escalations", "31/274", 0.112],
      ["Escalations", "31/274", 0.113],
    ];
    const fm = g.map(() => ["General", "General", "0.0%"]);
    expect(scanPublished("P", g, fm).map((x) => [x.cell, x.text, x.expected])).toEqual([
      ["C1", "11.2%", "11.3%"],
    ]);
  });

  test("nothing to check gives nothing", () => {
    expect(
      scanPublished("P", [
        ["Indicator", "Value"],
        ["EHAs", 206],
      ]),
    ).toEqual([]);
  });
});

describe("scanPublished: tables as councils publish them", () => {
  test("a percentage row under its n/d row, with footnote marks, checked column by column", () => {
    const g: RawCell[][] = [
      ["Case Type", "30/06/2014", "30/09/2014", "31/12/2014"],
      ["Escalated to Social Care", "31/274 (r)", "27/251", "20/219"],
      ["Escalation %", "11.3%*", "10.7%", "9.4% (p)"],
    ];
    expect(scanPublished("T", g).map((x) => [x.cell, x.severity, x.text, x.expected])).toEqual([
      ["C3", "warning", "10.7%", "10.8%"],
      ["D3", "error", "9.4% (p)", "9.1%"],
    ]);
  });

  test("numbers in a percentage row: by their % format, or by a row label that says %", () => {
    const g: RawCell[][] = [
      ["Escalated", "27/251", "20/219"],
      ["Escalation rate", 0.107, 0.091],
    ];
    expect(scanPublished("T", g).map((x) => x.cell)).toEqual(["B2"]);
    // A count row under an n/d row is not a percentage row.
    expect(
      scanPublished("T", [
        ["Escalated", "27/251"],
        ["Closed", 251],
      ]),
    ).toEqual([]);
  });

  test("LibreOffice's 0.00% on a typed 11.3% is checked at the one decimal typed; 0.0% at its own", () => {
    const g: RawCell[][] = [
      ["Numerator", "Denominator", "%"],
      [31, 274, 0.113],
      [24, 240, 0.01],
    ];
    const lo = g.map((r) => r.map((_, i) => (i === 2 ? "0.00%" : "General")));
    expect(scanPublished("T", g, lo).map((x) => [x.cell, x.expected])).toEqual([["C3", "10%"]]);
    const one = g.map((r) => r.map((_, i) => (i === 2 ? "0.0%" : "General")));
    expect(scanPublished("T", g, one).map((x) => [x.cell, x.text, x.expected])).toEqual([
      ["C3", "1.0%", "10.0%"],
    ]);
  });
});

describe("scanPublished: a % column beside two count columns named otherwise", () => {
  test("is the smaller count over the larger, whichever comes first", () => {
    const g: RawCell[][] = [
      ["Quarter", "Cases closed", "Escalated", "Escalation %"],
      ["2014-15 Q1", 231, 22, "9.5%"],
      ["2014-15 Q2", 219, 20, "9.4%"],
      ["2014-15 Q3", 212, 19, "9.0%"],
    ];
    expect(scanPublished("T", g).map((x) => [x.cell, x.severity, x.expected])).toEqual([
      ["D3", "error", "9.1%"],
    ]);
  });

  test("a % change column, or a guess most rows contradict, gives nothing", () => {
    expect(
      scanPublished("T", [
        ["Indicator", "2014-15", "2015-16", "% change"],
        ["EHAs", 626, 900, "43.8%"],
      ]),
    ).toEqual([]);
    expect(
      scanPublished("T", [
        ["Indicator", "Baseline", "Target", "% of children"],
        ["Reach", 431, 1242, "54.4%"],
        ["Under-ones", 93, 84, "67.4%"],
      ]),
    ).toEqual([]);
  });
});
