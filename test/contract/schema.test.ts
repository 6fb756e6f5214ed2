import { readFileSync } from "fs";
import { join } from "path";
import {
  CURRENT_SCHEMA_VERSION,
  PERFCYCLE_VERSION,
  TABLE,
  TARGET_COLUMNS,
  matchHeader,
  readRegister,
  UPGRADES,
  type RawCell,
  type RawTable,
  type RawWorkbook,
  type UpgradeStep,
} from "../../src/contract";
import { actual, book, table, target } from "./helpers";

describe("matchHeader", () => {
  test("tolerant of case, spacing, underscores and hyphens", () => {
    for (const text of ["IndicatorId", "indicator id", "INDICATOR_ID", " Indicator-Id "]) {
      expect(matchHeader(text, TARGET_COLUMNS)).toBe("IndicatorId");
    }
  });
  test("no match for another word or a blank", () => {
    expect(matchHeader("Indicator name", TARGET_COLUMNS)).toBeUndefined();
    expect(matchHeader("", TARGET_COLUMNS)).toBeUndefined();
    expect(matchHeader(null, TARGET_COLUMNS)).toBeUndefined();
  });
});

test("PERFCYCLE_VERSION is the package's version", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string };
  expect(PERFCYCLE_VERSION).toBe(pkg.version);
});

describe("SchemaVersion", () => {
  test("missing is read as 1", () => {
    const r = readRegister(book({ settings: [["ReportingPeriod", "2015-16 Q2"]] }));
    expect(r.errors).toEqual([]);
    expect(r.register?.settings.schemaVersion).toBe(1);
    expect(r.schema).toEqual({ found: 1, current: CURRENT_SCHEMA_VERSION, upgraded: [] });
  });

  test("no PerfSettings table at all: defaults, schema 1", () => {
    const b = book();
    const r = readRegister({ tables: b.tables.filter((t) => t.name !== TABLE.settings) });
    expect(r.errors).toEqual([]);
    expect(r.register?.settings).toMatchObject({ schemaVersion: 1, startMonth: 4, reportingPeriod: null });
  });

  test("a newer version is refused with a message saying which PerfCycle reads it", () => {
    const r = readRegister(book({ settings: [["SchemaVersion", CURRENT_SCHEMA_VERSION + 1]] }));
    expect(r.register).toBeNull();
    expect(r.fatal).toMatchObject({ table: "PerfSettings", row: 1, column: "Value" });
    const m = r.fatal?.message ?? "";
    expect(m).toContain(`schema version ${CURRENT_SCHEMA_VERSION + 1}`);
    expect(m).toContain(`this PerfCycle (${PERFCYCLE_VERSION})`);
    expect(m).toMatch(/Open it with a PerfCycle newer than/);
    expect(r.errors).toContain(r.fatal);
  });

  test("a newer version names the PerfCycle that wrote it when the workbook says", () => {
    const r = readRegister(
      book({
        settings: [
          ["SchemaVersion", CURRENT_SCHEMA_VERSION + 1],
          ["PerfCycleVersion", "2.3.0"],
        ],
      }),
    );
    expect(r.fatal?.message).toContain("Open it with PerfCycle 2.3.0 (which wrote it) or later");
  });

  test("this PerfCycle has no upgrade steps yet: schema 1 is the first", () => {
    expect(UPGRADES).toEqual([]);
    const r = readRegister(book({ settings: [["SchemaVersion", 0]] }));
    expect(r.register).toBeNull();
    expect(r.fatal?.message).toContain("no upgrade from version 0 to 1");
  });
});

/**
 * A synthetic version-0 workbook: the setting was spelled "Colour scheme", the targets table
 * had a "Direction" column ("Up is good"/"Down is good") instead of Polarity, and there was no
 * PerfUnits table (clusters were a column "Cluster of" on the targets table).
 */
const V0_TO_V1: UpgradeStep = {
  from: 0,
  describe:
    'Setting "Colour scheme" renamed RagScheme; PerfTargets Direction → Polarity; PerfUnits created from "Cluster of"',
  upgrade(b: RawWorkbook): RawWorkbook {
    const tables: RawTable[] = b.tables.map((t) => {
      if (t.name === "PerfSettings") {
        return {
          ...t,
          rows: t.rows.map((r) => (r[0] === "Colour scheme" ? ["RagScheme", r[1] ?? null] : r)),
        };
      }
      if (t.name === "PerfTargets") {
        const d = t.headers.indexOf("Direction");
        const headers = t.headers.map((h, i) => (i === d ? "Polarity" : h));
        const rows = t.rows.map((r) =>
          r.map((c, i): RawCell =>
            i !== d ? c : c === "Up is good" ? "Higher" : c === "Down is good" ? "Lower" : c,
          ),
        );
        return { ...t, headers, rows };
      }
      return t;
    });
    const targets = tables.find((t) => t.name === "PerfTargets");
    const unitCol = targets?.headers.indexOf("OrgUnit") ?? -1;
    const ofCol = targets?.headers.indexOf("Cluster of") ?? -1;
    const pairs = new Map<string, RawCell>();
    for (const r of targets?.rows ?? []) if (ofCol >= 0) pairs.set(String(r[unitCol]), r[ofCol] ?? null);
    tables.push({
      name: "PerfUnits",
      headers: ["OrgUnit", "Parent"],
      rows: [...pairs].map(([u, p]) => [u, p]),
    });
    return { tables };
  },
};

function v0Book(): RawWorkbook {
  const headers: string[] = [
    ...TARGET_COLUMNS.map((c) => (c === "Polarity" ? "Direction" : c)),
    "Cluster of",
  ];
  const row = (over: Record<string, RawCell>) => {
    const t = target(over);
    return { ...t, Direction: t["Polarity"] === "Lower" ? "Down is good" : "Up is good" };
  };
  return {
    tables: [
      {
        name: "PerfSettings",
        headers: ["Setting", "Value"],
        rows: [
          ["SchemaVersion", 0],
          ["ReportingPeriod", "2015-16 Q2"],
          ["Colour scheme", "BRAG"],
        ],
      },
      table("PerfTargets", headers, [
        row({ OrgUnit: "City" }),
        row({ OrgUnit: "North Cluster", Polarity: "Lower", "Cluster of": "City" }),
      ]),
      table(
        "PerfActuals",
        ["IndicatorId", "OrgUnit", "Period", "Value", "Numerator", "Denominator", "Commentary", "Action"],
        [actual({ OrgUnit: "North Cluster", Commentary: "typed by the user" })],
      ),
    ],
  };
}

describe("upgrading an older schema version", () => {
  test("a version-0 workbook is upgraded step by step and read", () => {
    const r = readRegister(v0Book(), { upgrades: [V0_TO_V1] });
    expect(r.fatal).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.schema).toEqual({
      found: 0,
      current: CURRENT_SCHEMA_VERSION,
      upgraded: [`0 → 1: ${V0_TO_V1.describe}`],
    });
    const reg = r.register;
    expect(reg?.settings.scheme).toBe("BRAG");
    expect(reg?.settings.schemaVersion).toBe(1);
    expect(reg?.targets.map((t) => t.polarity)).toEqual(["Higher", "Lower"]);
    expect(reg?.units.map((u) => [u.orgUnit, u.parent])).toEqual([
      ["City", null],
      ["North Cluster", "City"],
    ]);
  });

  test("the upgraded book is what a host writes back: version set, user's cells and columns kept", () => {
    const r = readRegister(v0Book(), { upgrades: [V0_TO_V1] });
    const settings = r.book.tables.find((t) => t.name === "PerfSettings");
    expect(settings?.rows.find((x) => x[0] === "SchemaVersion")?.[1]).toBe(1);
    expect(r.columns.PerfTargets?.unknown.map((u) => u.header)).toEqual(["Cluster of"]);
    expect(r.register?.actuals[0]?.commentary).toBe("typed by the user");
    expect(r.book.tables.map((t) => t.name)).toContain("PerfUnits");
  });

  test("the input workbook is not modified", () => {
    const input = v0Book();
    const before = JSON.stringify(input);
    readRegister(input, { upgrades: [V0_TO_V1] });
    expect(JSON.stringify(input)).toBe(before);
  });
});
