/**
 * Roll-up over units: a ratio of sums (never an average of percentages), the error for a rate
 * given only as a percentage, a cycle in the hierarchy named, and No data naming the units that
 * have not reported (a partial sum is never rated).
 */
import fc from "fast-check";
import {
  buildHierarchy,
  combine,
  MEASURE_TYPES,
  resolveUnit,
  unitKey,
  type Hierarchy,
  type Observation,
} from "./index";

const obs = (numerator: number, denominator: number): Observation => ({
  value: numerator / denominator,
  numerator,
  denominator,
});

function hierarchy(pairs: [string, string | null][]): Hierarchy {
  const h = buildHierarchy(pairs.map(([orgUnit, parent]) => ({ orgUnit, parent })));
  if (!h.ok) throw new Error(h.error.message);
  return h.value;
}

describe("combine", () => {
  test("a rate is the sum of numerators over the sum of denominators, not an average of percentages", () => {
    // Reach in three clusters: 1,242 of 4,216; 73 of 268; 23 of 207.
    const r = combine("Rate", [obs(1242, 4216), obs(73, 268), obs(23, 207)]);
    expect(r).toEqual({ ok: true, value: { value: 1338 / 4691, numerator: 1338, denominator: 4691 } });
    const averageOfPercentages = (1242 / 4216 + 73 / 268 + 23 / 207) / 3;
    expect(r.ok && Math.abs(r.value.value - averageOfPercentages)).toBeGreaterThan(0.05);
  });

  test("a rate given only as a percentage cannot be rolled up: RATE_NOT_AGGREGABLE", () => {
    const r = combine("Rate", [obs(31, 274), { value: 0.087 }]);
    expect(!r.ok && r.error.code).toBe("RATE_NOT_AGGREGABLE");
    expect(!r.ok && r.error.message).toMatch(/numerator and denominator/);
  });

  test("denominators adding to 0 are an error, not a rate", () => {
    const r = combine("Rate", [
      { value: 0, numerator: 0, denominator: 0 },
      { value: 0, numerator: 0, denominator: 0 },
    ]);
    expect(!r.ok && r.error.code).toBe("DIVIDE_BY_ZERO");
  });

  test("Count and additive Level are summed; a Level marked None is not aggregable", () => {
    expect(combine("Count", [{ value: 135 }, { value: 94 }])).toEqual({ ok: true, value: { value: 229 } });
    expect(combine("Level", [{ value: 188 }, { value: 136 }])).toEqual({ ok: true, value: { value: 324 } });
    const none = combine("Level", [{ value: 1 }, { value: 2 }], "None");
    expect(!none.ok && none.error.code).toBe("LEVEL_NOT_AGGREGABLE");
  });

  test("nothing to roll up is an error", () => {
    expect(combine("Count", []).ok).toBe(false);
  });
});

describe("the unit hierarchy", () => {
  test("a cycle is an error naming the units", () => {
    const r = buildHierarchy([
      { orgUnit: "North", parent: "East" },
      { orgUnit: "East", parent: "City" },
      { orgUnit: "City", parent: "North" },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("UNIT_CYCLE");
      for (const u of ["North", "East", "City"]) expect(r.error.message).toContain(u);
    }
  });

  test("a unit that is its own parent is a cycle", () => {
    const r = buildHierarchy([{ orgUnit: "City", parent: " city " }]);
    expect(!r.ok && r.error.code).toBe("UNIT_CYCLE");
    expect(!r.ok && r.error.message).toContain("City");
  });

  test("children are listed under their parent, names matched case- and space-insensitively", () => {
    const h = hierarchy([
      ["North Cluster", "City"],
      ["south  cluster", "CITY"],
      ["City", null],
    ]);
    expect(h.childrenOf.get(unitKey("City"))).toEqual(["north cluster", "south cluster"]);
  });
});

describe("resolveUnit", () => {
  const h = hierarchy([
    ["North", "City"],
    ["South", "City"],
    ["Centre A", "North"],
    ["Centre B", "North"],
  ]);
  const names = new Map([
    ["north", "North"],
    ["south", "South"],
    ["centre a", "Centre A"],
    ["centre b", "Centre B"],
  ]);
  const display = (k: string): string => names.get(k) ?? k;

  test("a unit's own figure wins; without one, its children's roll-up (recursively)", () => {
    const own = new Map<string, Observation>([
      ["centre a", obs(20, 100)],
      ["centre b", obs(30, 100)],
      ["south", obs(73, 268)],
    ]);
    const r = resolveUnit("City", h, (k) => own.get(k), "Rate", "Sum", display);
    expect(r).toEqual({
      kind: "value",
      rolledUp: true,
      observation: { value: 123 / 468, numerator: 123, denominator: 468 },
    });
    expect(resolveUnit("South", h, (k) => own.get(k), "Rate")).toEqual({
      kind: "value",
      rolledUp: false,
      observation: obs(73, 268),
    });
  });

  test("a parent with a child that has not reported is missing, naming the unit", () => {
    const own = new Map<string, Observation>([
      ["centre a", { value: 12 }],
      ["south", { value: 40 }],
    ]);
    expect(resolveUnit("City", h, (k) => own.get(k), "Count", "Sum", display)).toEqual({
      kind: "missing",
      missingUnits: ["Centre B"],
    });
  });

  test("a percentage-only child makes the parent's rate an error", () => {
    const own = new Map<string, Observation>([
      ["north", { value: 0.2 }],
      ["south", obs(73, 268)],
    ]);
    const r = resolveUnit("City", h, (k) => own.get(k), "Rate");
    expect(r.kind === "error" && r.code).toBe("RATE_NOT_AGGREGABLE");
  });

  test("roll-up of one unit is that unit", () => {
    const one = hierarchy([["Only child", "Parent"]]);
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_TYPES),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (mt, n, d) => {
          const child: Observation = mt === "Rate" ? obs(Math.min(n, d), d) : { value: n };
          const r = resolveUnit("Parent", one, (k) => (k === "only child" ? child : undefined), mt);
          expect(r.kind).toBe("value");
          if (r.kind === "value") {
            expect(r.observation.value).toBe(child.value);
            expect(r.rolledUp).toBe(true);
          }
          const c = combine(mt, [child]);
          expect(c.ok && c.value.value).toBe(child.value);
        },
      ),
    );
  });
});
