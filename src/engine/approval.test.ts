import { blocksApproval, isProtectedStatus } from "./approval";
import { actualKey } from "./actualKey";
import { publishedSeverity } from "./publishedSeverity";

describe("a target's status rules", () => {
  test("an Agreed or Approved target is protected; a Draft or unknown one is not", () => {
    expect(isProtectedStatus("Agreed")).toBe(true);
    expect(isProtectedStatus("Approved")).toBe(true);
    expect(isProtectedStatus("Draft")).toBe(false);
    expect(isProtectedStatus(null)).toBe(false);
    expect(isProtectedStatus(undefined)).toBe(false);
  });

  test("an error finding blocks approval; warnings do not", () => {
    expect(blocksApproval([])).toBe(false);
    expect(blocksApproval([{ severity: "warning" }])).toBe(false);
    expect(blocksApproval([{ severity: "warning" }, { severity: "error" }])).toBe(true);
  });
});

describe("publishedSeverity", () => {
  test("one unit off in the last place is a warning (13.2% for 44/331, 13.29%); further off an error", () => {
    expect(publishedSeverity(0.132, 1, 44 / 331)).toBe("warning");
    expect(publishedSeverity(0.15, 1, 44 / 331)).toBe("error");
    expect(publishedSeverity(0.12, 0, 0.13)).toBe("warning");
    expect(publishedSeverity(0.11, 0, 0.13)).toBe("error");
  });
});

describe("actualKey", () => {
  test("id and unit ignore case and spaces; a Quarter and its index give one key", () => {
    const q = { fy: 2015, q: 1 } as const;
    expect(actualKey(" eh-eha ", "city", q)).toBe(actualKey("EH-EHA", "City", q));
    expect(actualKey("EH-EHA", "City", q)).toBe(actualKey("EH-EHA", "City", 2015 * 4));
    expect(actualKey("EH-EHA", "City", q)).not.toBe(actualKey("EH-EHA", "City", { fy: 2015, q: 2 }));
  });
});
