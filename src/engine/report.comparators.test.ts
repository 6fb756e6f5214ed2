/**
 * Schema 2 in the report: comparators with gap, status and quartile; lineage through PreviousId.
 */
import { type ComparatorRecord, type QuarterNumber } from "./index";
import { Q, rateTarget as target, actual, regWith as reg, entry } from "../../test/engine/reportRecords";

function comparator(
  over: Partial<ComparatorRecord> & Pick<ComparatorRecord, "comparator" | "value">,
): ComparatorRecord {
  return {
    row: 1,
    indicatorId: "GLD",
    period: { fy: 2015, q: 2 },
    kind: "National",
    numerator: null,
    denominator: null,
    source: "DfE",
    ...over,
  };
}

describe("comparators", () => {
  const GLD = target({ indicatorId: "GLD", baseline: 0.554, target: 0.6 });

  test("GLD 55.4% against England's 60%: 4.6 points worse", () => {
    const r = reg([GLD], [actual("GLD", Q(2015, 2), 0.554)], {
      comparators: [comparator({ comparator: "England", value: 0.6 })],
    });
    const [c] = entry(r).row.comparators;
    expect(c).toMatchObject({
      comparator: "England",
      kind: "National",
      value: 0.6,
      status: "Worse",
      quartile: null,
    });
    expect(c?.gap).toBeCloseTo(-0.046, 10);
  });

  test("with the actual's interval containing the comparator: Similar", () => {
    const r = reg([GLD], [actual("GLD", Q(2015, 2), [23, 56])], {
      comparators: [comparator({ comparator: "England", value: 0.45 })],
    });
    expect(entry(r).row.comparators[0]?.status).toBe("Similar");
  });

  test("with intervals on both sides that do not overlap: Better", () => {
    const r = reg([GLD], [actual("GLD", Q(2015, 2), [700, 1000])], {
      comparators: [comparator({ comparator: "England", value: 0.6, numerator: 6000, denominator: 10000 })],
    });
    expect(entry(r).row.comparators[0]?.status).toBe("Better");
  });

  test("a whole-year comparator applies to each quarter of its year; another year's does not", () => {
    const r = reg([GLD], [actual("GLD", Q(2015, 2), 0.554)], {
      comparators: [
        comparator({ comparator: "England", value: 0.6, period: { fy: 2015, q: null } }),
        comparator({ comparator: "Region", kind: "Region", value: 0.58, period: { fy: 2014, q: null } }),
      ],
    });
    expect(entry(r).row.comparators.map((c) => c.comparator)).toEqual(["England"]);
  });

  test("four or more named peers give the peer group's entry with the quartile", () => {
    const peers = [0.5, 0.52, 0.56, 0.6, 0.62, 0.64].map((v, i) =>
      comparator({ comparator: `Peer ${i + 1}`, kind: "Peer", value: v }),
    );
    const r = reg([GLD], [actual("GLD", Q(2015, 2), 0.554)], { comparators: peers });
    const cs = entry(r).row.comparators;
    expect(cs).toHaveLength(7);
    expect(cs.slice(0, 6).every((c) => c.quartile === null)).toBe(true);
    expect(cs[6]).toMatchObject({ comparator: "Peer group (6)", kind: "Peer", quartile: 3, status: "Worse" });
    expect(cs[6]?.value).toBeCloseTo(0.58, 10);
  });

  test("no figure: the comparators are listed without gap or status", () => {
    const r = reg([GLD], [], { comparators: [comparator({ comparator: "England", value: 0.6 })] });
    expect(entry(r).row.comparators).toEqual([
      { comparator: "England", kind: "National", value: 0.6, gap: null, status: null, quartile: null },
    ]);
  });
});

describe("lineage (PreviousId)", () => {
  const renamed = target({
    indicatorId: "EH-NEW",
    previousId: "EH-OLD",
    measureType: "Level",
    polarity: "Lower",
    baseline: 188,
    target: 180,
    profile: "Linear",
  });
  const history = [actual("EH-OLD", Q(2014, 2), 327), actual("EH-OLD", Q(2015, 1), 330)];

  test("the year-ago direction of travel follows the previous id, and the row and explanation name it", () => {
    const e = entry(reg([renamed], [...history, actual("EH-NEW", Q(2015, 2), 324)]));
    expect(e.row.dotYearAgo).toBe("Improving");
    expect(e.row.dotPrevious).toBe("Improving");
    expect(e.row.previousId).toBe("EH-OLD");
    expect(e.row.explanation).toContain("last year's figures are those of EH-OLD (its previous id)");
  });

  test("without lineage used, previousId is null", () => {
    const e = entry(
      reg(
        [renamed],
        [
          actual("EH-NEW", Q(2015, 2), 324),
          actual("EH-NEW", Q(2015, 1), 330),
          actual("EH-NEW", Q(2014, 2), 327),
        ],
      ),
    );
    expect(e.row.previousId).toBeNull();
    expect(e.row.dotYearAgo).toBe("Improving");
  });

  test("the Seasonal profile's baseline year follows the previous id", () => {
    const t = target({
      indicatorId: "EHA-NEW",
      previousId: "EHA",
      measureType: "Count",
      unit: "",
      baseline: 556,
      target: 600,
      profile: "Seasonal",
    });
    const base = [135, 94, 159, 168].map((v, i) => actual("EHA", Q(2014, (i + 1) as QuarterNumber), v));
    const e = entry(
      reg([t], [...base, actual("EHA-NEW", Q(2015, 1), 150), actual("EHA-NEW", Q(2015, 2), 100)]),
    );
    expect(e.row.milestone).toBeCloseTo(600 * (229 / 556), 9);
    expect(e.row.previousId).toBe("EHA");
  });
});
