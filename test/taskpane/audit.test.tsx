/**
 * Review → "Audit a report": read the selected cells (or an Excel table) with their fills, show
 * the guessed columns in labelled drop-downs that can be changed, take the report's rule and
 * tolerance (presets as councils word them, or typed), list every disagreement, unratable row and
 * wrong percentage, and select each one's cell on click. Says so where fills cannot be read.
 */
import { screen, waitFor, within } from "@testing-library/react";
import type { AuditRange, RawCell } from "../../src/contract";
import { FakeHost } from "./fakeHost";
import { idle, renderPane } from "./render";

/** A hand-made report at B2 of 'Q2 report': typed statuses, two shown only by fill, one wrong colour, one wrong %. */
function report(fillsSupported = true): AuditRange {
  const values: RawCell[][] = [
    ["Indicator", "Polarity", "Target", "Numerator", "Denominator", "Actual %", "RAG"],
    ["Reach", "higher is better", 0.5, 1242, 4216, 0.295, "Red"],
    ["Sustained contact", "Higher", 0.45, 23, 56, 0.411, ""],
    ["Take-up of places", "high is good", 0.6, 52, 86, 0.605, ""],
    ["Healthy weight", "smaller is better", 0.23, 48, 200, 0.24, "A"],
    ["Respect", "higher is better", 0.8, 127, 160, 0.784, "Amber"],
    ["Audits completed", "Higher", "", 52, 86, 0.605, "G"],
  ];
  const fills = values.map((r) => r.map((): string | null => null));
  (fills[2] as (string | null)[])[6] = "#FFC000"; // Amber, agrees
  (fills[3] as (string | null)[])[6] = "#FF0000"; // Red, but 60.5% on 60% is Green
  return {
    sheet: "Q2 report",
    address: "B2",
    values,
    formats: values.map((r) => r.map((c) => (typeof c === "number" && c < 1 ? "0.0%" : "General"))),
    fills: fillsSupported ? fills : null,
    fillsSupported,
    table: null,
  };
}

async function readAndAudit(host: FakeHost) {
  const r = await renderPane({ flow: "review", host });
  await r.user.click(screen.getByRole("button", { name: "Read the report" }));
  await screen.findByText(/^Read 'Q2 report'!B2:H8, header row 2\./);
  await r.user.click(screen.getByRole("button", { name: "Audit the report" }));
  await idle();
  return r;
}

test("the guessed columns are shown in labelled drop-downs", async () => {
  const host = new FakeHost();
  host.auditSelection = report();
  const { user } = await renderPane({ flow: "review", host });
  await user.click(screen.getByRole("button", { name: "Read the report" }));
  const status = await screen.findByRole("combobox", { name: "Published status" });
  expect((status as HTMLSelectElement).selectedOptions[0]?.textContent).toBe("H: RAG");
  const sel = (name: string): string =>
    (screen.getByRole("combobox", { name }) as HTMLSelectElement).selectedOptions[0]?.textContent ?? "";
  expect(sel("Indicator")).toBe("B: Indicator");
  expect(sel("Target")).toBe("D: Target");
  expect(sel("Actual")).toBe("G: Actual %");
  expect(sel("Polarity")).toBe("C: Polarity");
  expect(sel("Milestone")).toBe("(none)");
  expect(screen.getAllByText("Guessed from the header").length).toBeGreaterThan(0);
});

test("every disagreement is listed with published and recomputed status, and selects its cell", async () => {
  const host = new FakeHost();
  host.auditSelection = report();
  const { user } = await readAndAudit(host);
  expect(
    screen.getByText(
      "4 of 6 rows agree with the report's rule; 1 does not; 1 cannot be rated. 1 published percentage does not match its numerator and denominator.",
    ),
  ).toBeTruthy();
  const list = screen.getByRole("list", { name: "Statuses that disagree with the report's rule" });
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(1);
  const item = items[0] as HTMLElement;
  expect(item.textContent).toContain("H5 · Take-up of places");
  expect(within(item).getAllByText("Red")[0]?.getAttribute("data-rag")).toBe("Red");
  expect(within(item).getByText("(fill #FF0000)")).toBeTruthy();
  expect(within(item).getByText("Green").getAttribute("data-rag")).toBe("Green");
  expect(item.textContent).toContain("Green: 60.5% against a target of 60.0%");
  await user.click(within(item).getByRole("button", { name: "Select cell H5" }));
  await waitFor(() => expect(host.selectedCells).toEqual([{ sheet: "Q2 report", address: "H5" }]));
});

test("rows that cannot be rated and wrong percentages are listed, each selecting its cell", async () => {
  const host = new FakeHost();
  host.auditSelection = report();
  const { user } = await readAndAudit(host);
  const unrated = screen.getByRole("list", { name: "Rows that cannot be rated" });
  expect(within(unrated).getByText(/No target in 'Q2 report'!D8/)).toBeTruthy();
  const arithmetic = screen.getByRole("list", {
    name: "Published percentages that do not match their figures",
  });
  expect(arithmetic.textContent).toContain('G7 "78.4%" should be 79.4% (error)');
  await user.click(within(arithmetic).getByRole("button", { name: "Select cell G7" }));
  await waitFor(() => expect(host.selectedCells).toEqual([{ sheet: "Q2 report", address: "G7" }]));
});

test("changing a column's drop-down changes what is read: polarity none, higher for all", async () => {
  const host = new FakeHost();
  host.auditSelection = report();
  const { user } = await readAndAudit(host);
  await user.selectOptions(screen.getByRole("combobox", { name: "Polarity" }), "(none)");
  await user.selectOptions(
    screen.getByRole("combobox", { name: "Polarity of rows without their own" }),
    "Higher is better",
  );
  await user.click(screen.getByRole("button", { name: "Audit the report" }));
  await idle();
  // Healthy weight rated Higher: 24% against 23% is Green, not the Amber published.
  const list = screen.getByRole("list", { name: "Statuses that disagree with the report's rule" });
  expect(within(list).getByText(/Healthy weight/)).toBeTruthy();
  expect(screen.getByText("Chosen")).toBeTruthy();
});

test("the tolerance the report states changes the verdict; a custom tolerance is read from its words", async () => {
  const host = new FakeHost();
  host.auditSelection = report();
  const { user } = await readAndAudit(host);
  await user.selectOptions(
    screen.getByRole("combobox", { name: "Tolerance the report states" }),
    "Another tolerance…",
  );
  const input = screen.getByRole("textbox", { name: "Tolerance, as the report words it" });
  await user.type(input, "lots");
  expect(await screen.findByText(/The tolerance 'lots' is not understood/)).toBeTruthy();
  await user.clear(input);
  await user.type(input, "within 2 percentage points");
  await user.click(screen.getByRole("button", { name: "Audit the report" }));
  await idle();
  expect(
    screen.getByText(/^Rated by the milestone rule, Amber within 2 percentage points of the target/),
  ).toBeTruthy();
});

test("where Excel cannot read fills, the pane says so and colour-only statuses are unknown", async () => {
  const host = new FakeHost();
  host.auditSelection = report(false);
  await readAndAudit(host);
  expect(screen.getByText(/cannot read cell fill colours \(it needs ExcelApi 1\.9\)/)).toBeTruthy();
  const unrated = screen.getByRole("list", { name: "Rows that cannot be rated" });
  expect(
    within(unrated).getAllByText(/has no status text, and fill colours cannot be read here/),
  ).toHaveLength(2);
});

test("an Excel table can be picked instead of the selection", async () => {
  const host = new FakeHost({ book: "empty" });
  host.auditTables.set("PAB_Q2", { ...report(), table: "PAB_Q2" });
  const { user } = await renderPane({ flow: "review", host });
  const picker = await screen.findByRole("combobox", { name: "Report to audit" });
  await waitFor(() =>
    expect(within(picker).getByRole("option", { name: "Table PAB_Q2 (Q2 report)" })).toBeTruthy(),
  );
  await user.selectOptions(picker, "Table PAB_Q2 (Q2 report)");
  await user.click(screen.getByRole("button", { name: "Read the report" }));
  await screen.findByText(/\(table PAB_Q2\)/);
  expect(host.callsOf("readRangeForAudit")).toEqual([["PAB_Q2"]]);
});

test("cells with no status column are refused with the headers found", async () => {
  const host = new FakeHost();
  host.auditSelection = {
    ...report(),
    values: [
      ["Indicator", "Target", "Actual"],
      ["Reach", 0.5, 0.4],
    ],
  };
  const { user } = await renderPane({ flow: "review", host });
  await user.click(screen.getByRole("button", { name: "Read the report" }));
  await user.click(await screen.findByRole("button", { name: "Audit the report" }));
  expect(await screen.findByText(/no column was found for the published status/)).toBeTruthy();
});

test("the finding is exported as the one-page HTML for the board", async () => {
  const host = new FakeHost();
  host.auditSelection = report();
  const { user, downloads } = await readAndAudit(host);
  await user.click(screen.getByRole("button", { name: "Export the finding for the board" }));
  await screen.findByText("Audit exported");
  expect(downloads[0]?.name).toBe("PerfCycle audit Q2 report.html");
  expect(downloads[0]?.content).toContain("<strong>4 of 6</strong> rows agree");
});
