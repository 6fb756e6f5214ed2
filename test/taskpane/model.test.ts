/** The pane's small pure pieces: fields to cells, pasted blocks, import dry runs, themes. */
import { parseCellNumber, rate } from "../../src/engine";
import { sampleWorkbook } from "../../src/contract";
import { numberCell, numberText } from "../../src/taskpane/model/cells";
import { dryRun, entryRows, initialTexts, pasteInto, quarterChoices } from "../../src/taskpane/model/actuals";
import { readRegister } from "../../src/contract";
import { luminance, themeName } from "../../src/taskpane/theme";
import { userNameStore } from "../../src/taskpane/user";

const engineNumber = (text: string): number => {
  const p = parseCellNumber(text);
  if (!p.ok || p.value.kind !== "number") throw new Error(text);
  return p.value.value;
};

describe("fields to cells", () => {
  test("a percentage field reads 12.4 as the fraction Excel stores for 12.4%", () => {
    expect(numberCell("12.4", "percent")).toBe(engineNumber("12.4%"));
    expect(numberCell("12.4%", "percent")).toBe(engineNumber("12.4%"));
    expect(numberCell("5.9", "percent")).toBe(engineNumber("5.9%"));
  });

  test("a fraction in a percentage field is the rate of its counts", () => {
    const r = rate(31, 274);
    expect(numberCell("31/274", "percent")).toBe(r.ok ? r.value : NaN);
  });

  test("text that is not a number is kept as typed, for the reader to name", () => {
    expect(numberCell("tbc", "plain")).toBe("tbc");
    expect(numberCell("12,5", "percent")).toBe("12,5");
    expect(numberCell("31/274", "plain")).toBe("31/274");
    expect(numberCell("  ", "plain")).toBeNull();
  });

  test("a stored fraction shows as the percentage typed, without binary noise", () => {
    expect(numberText(0.674, "percent")).toBe("67.4");
    expect(numberText(0.055, "percent")).toBe("5.5");
    expect(numberText(1242, "plain")).toBe("1242");
    expect(numberCell(numberText(0.059, "percent"), "percent")).toBe(0.059);
  });
});

describe("actuals", () => {
  const register = readRegister(sampleWorkbook()).register;
  if (!register) throw new Error("sample");
  const rows = entryRows(register, { fy: 2015, q: 2 });

  test("pasting places cells down and across and counts those that fall outside", () => {
    const texts = new Map(rows.map((r) => [r.key, initialTexts(r)]));
    const last = rows.length - 1;
    const r = pasteInto(rows, texts, { row: last, column: "value" }, "7\n8\n");
    expect(r.placed).toBe(1);
    expect(r.dropped).toBe(1);
    expect(r.texts.get(rows[last]?.key ?? "")?.value).toBe("7");
  });

  test("the quarters offered cover the target years and the baseline year before them", () => {
    const q = quarterChoices(register);
    expect(q[0]).toBe("2014-15 Q1");
    expect(q).toContain("2015-16 Q4");
  });

  test("a dry run names the actual that would have no target", () => {
    const problems = dryRun(
      sampleWorkbook(),
      [
        {
          indicatorId: "NO-SUCH",
          orgUnit: "City",
          period: "2015-16 Q2",
          value: 3,
          numerator: null,
          denominator: null,
        },
      ],
      4,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("NO-SUCH");
  });
});

describe("theme and user", () => {
  test("Office's dark body background gives the dark theme; forced colours high contrast", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(themeName({ bodyBackgroundColor: "#262626" }, false)).toBe("dark");
    expect(themeName({ bodyBackgroundColor: "#FFFFFF" }, false)).toBe("light");
    expect(themeName(undefined, false)).toBe("light");
    expect(themeName({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("highContrast");
  });

  test("the user's name is kept in storage, with a fallback", () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    const u = userNameStore(storage, "Excel user");
    expect(u.get()).toBe("Excel user");
    u.set("  Jo Bloggs ");
    expect(userNameStore(storage, "Excel user").get()).toBe("Jo Bloggs");
  });
});
