/**
 * Flow 4, Review: the engine's report for the quarter (summary, exceptions with the one-line
 * explanation, direction of travel and forecast, a trend chart per indicator), data errors
 * selecting their cell, the published-figure check over every sheet and over the selection (each
 * finding selecting its cell), the audit log, and the
 * committee report exported as the CLI's HTML report.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { buildReport, RAG_STATUSES, type Register } from "../../src/engine";
import { readRegister, sampleBook, sampleSheetGrid, scanPublished } from "../../src/contract";
import { escapeHtml } from "./html";
import type { FakeHost } from "./fakeHost";
import { renderPane } from "./render";

const Q2 = { fy: 2015, q: 2 } as const;

function registerOf(host: FakeHost): Register {
  const r = readRegister({ tables: host.tables }).register;
  if (!r) throw new Error("no register");
  return r;
}

test("summary counts and exceptions are the engine's report, status written as text", async () => {
  const { host } = await renderPane({ flow: "review" });
  const report = buildReport(registerOf(host), Q2);
  const counts = screen.getByRole("list", { name: "Number of indicators by status, 2015-16 Q2" });
  const items = within(counts).getAllByRole("listitem");
  expect(items.map((i) => i.textContent)).toEqual(RAG_STATUSES.map((s) => `${report.summary[s]}${s}`));
  const exceptions = report.entries.filter((e) => ["Red", "Amber", "No data"].includes(e.row.rag));
  expect(exceptions.length).toBeGreaterThan(0);
  const list = screen.getByRole("list", { name: "Exceptions" });
  const cards = within(list).getAllByRole("listitem");
  expect(cards).toHaveLength(exceptions.length);
  // Red first, then Amber, then No data.
  const order = cards.map((c) => c.querySelector("[data-rag]")?.textContent);
  expect(order).toEqual(
    [...order].sort(
      (a, b) => ["Red", "Amber", "No data"].indexOf(a ?? "") - ["Red", "Amber", "No data"].indexOf(b ?? ""),
    ),
  );
  for (const e of exceptions) expect(within(list).getByText(e.row.explanation)).toBeTruthy();
  const withDot = exceptions.find((e) => e.row.dotPrevious !== null);
  if (withDot)
    expect(
      within(list).getAllByText(new RegExp(`^${withDot.row.dotPrevious} on last quarter`)).length,
    ).toBeGreaterThan(0);
});

test("each indicator has a trend chart: an image with its figures as text", async () => {
  const { host, user } = await renderPane({ flow: "review" });
  const report = buildReport(registerOf(host), Q2, { trend: true });
  const e = report.entries.find((x) => x.row.indicatorId === "EH-EHA");
  if (!e) throw new Error("sample");
  await user.click(screen.getByRole("button", { name: `EH-EHA · ${e.row.orgUnit}: ${e.row.rag}` }));
  const chart = await screen.findByRole("img", {
    name: new RegExp(`^Trend of EH-EHA .*\\(${e.row.orgUnit}\\)`),
  });
  const desc = chart.querySelector("desc")?.textContent ?? "";
  expect(desc).toContain(`Status in 2015-16 Q2: ${e.row.rag}`);
  for (const p of e.trend) expect(desc).toContain(p.period);
});

test("the published-figure check flags the figure in the selection that does not match its counts", async () => {
  const { host, user } = await renderPane({ flow: "review" });
  const sheet = sampleBook().sheets.find((s) => s.name === "Published");
  if (!sheet) throw new Error("sample");
  const { grid } = sampleSheetGrid(sheet);
  host.selection = { sheet: "Published", address: "A1", values: grid };
  const expected = scanPublished("Published", grid, undefined, "A1");
  expect(expected.length).toBeGreaterThan(0);
  await user.click(screen.getByRole("button", { name: "Check selected range" }));
  const list = await screen.findByRole("list", { name: "Published-figure findings" });
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(expected.length);
  expect(items[0]?.textContent).toContain(
    `Published!${expected[0]?.cell ?? ""} "${expected[0]?.text ?? ""}"`,
  );
});

test("the check covers every sheet: each finding names its sheet and cell, and selects it", async () => {
  const { host, user } = await renderPane({ flow: "review" });
  const published = host.sheets.find((x) => x.name === "Published");
  if (!published) throw new Error("sample");
  const expected = scanPublished("Published", published.grid, published.formats, "A1");
  expect(expected.length).toBeGreaterThan(0);
  await user.click(screen.getByRole("button", { name: "Check every sheet" }));
  const list = await screen.findByRole("list", { name: "Published-figure findings" });
  expect(within(list).getAllByRole("listitem")).toHaveLength(expected.length);
  expect(screen.getByText(new RegExp(`^Every sheet \\(${host.sheets.length} sheets\\)`))).toBeTruthy();
  const cell = expected[0]?.cell ?? "";
  await user.click(within(list).getByRole("button", { name: `Select cell: Published!${cell}` }));
  await waitFor(() => expect(host.selectedCells).toEqual([{ sheet: "Published", address: cell }]));
});

test("a workbook with no PerfCycle tables is checked too, hidden sheets included and named", async () => {
  const { FakeHost } = await import("./fakeHost");
  const host = new FakeHost({ book: "empty" });
  host.sheets = [
    { name: "Cover", grid: [["Quarterly report"]] },
    {
      name: "Early Help",
      origin: "A4",
      grid: [
        ["Case Type", "30/06/2014", "30/09/2014"],
        ["Escalated to Social Care", "31/274 (r)", "27/251"],
        ["Escalation %", "11.3%", "10.7%"],
      ],
    },
    {
      name: "Workings",
      hidden: true,
      grid: [
        ["Indicator", "Numerator", "Denominator", "%"],
        ["Re-referrals", 20, 219, "9.4%"],
      ],
    },
  ];
  const { user } = await renderPane({ flow: "review", host });
  expect(screen.getByText(/published-figure check below works on any workbook/)).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Check every sheet" }));
  const list = await screen.findByRole("list", { name: "Published-figure findings" });
  const items = within(list).getAllByRole("listitem");
  expect(items.map((i) => /^(Error|Warning) ('[^']+'!\w+|\S+)/.exec(i.textContent ?? "")?.slice(1))).toEqual([
    ["Warning", "'Early Help'!C6"],
    ["Error", "Workings!D2"],
  ]);
  expect(screen.getByText(/hidden ones too: Workings/)).toBeTruthy();
  await user.click(within(list).getByRole("button", { name: "Select cell: Workings!D2" }));
  await waitFor(() => expect(host.selectedCells).toEqual([{ sheet: "Workings", address: "D2" }]));
});

test("a sheet too large to read whole is named, with the rows left unchecked", async () => {
  const { FakeHost } = await import("./fakeHost");
  const host = new FakeHost({ book: "empty" });
  host.sheets = [{ name: "Extract", grid: [["Indicator", "Value"]], unreadRows: 120_000 }];
  const { user } = await renderPane({ flow: "review", host });
  await user.click(screen.getByRole("button", { name: "Check every sheet" }));
  expect(
    await screen.findByText(/Extract: its used range is too large .* last 120,000 rows were not checked/),
  ).toBeTruthy();
});

test("data errors name their cell and select it", async () => {
  const host = new (await import("./fakeHost")).FakeHost();
  const actuals = host.table("PerfActuals");
  if (!actuals) throw new Error("sample");
  const valueCol = actuals.headers.indexOf("Value");
  (actuals.rows[0] as unknown[])[valueCol] = "12,5%";
  const { user } = await renderPane({ flow: "review", host });
  const list = screen.getByRole("list", { name: "Data errors" });
  expect(within(list).getByText(/PerfActuals row 1.*'12,5%'/)).toBeTruthy();
  await user.click(within(list).getByRole("button", { name: "Select cell: PerfActuals row 1, Value" }));
  await waitFor(() => expect(host.selected).toEqual([{ table: "PerfActuals", row: 1, column: "Value" }]));
});

test("the audit log lists each change with an en-GB date, newest first", async () => {
  const host = new (await import("./fakeHost")).FakeHost();
  host
    .table("PerfAudit")
    ?.rows.push(
      ["2015-10-01T08:00:00.000Z", "A. Officer", "CS-ESC", "City", "Target", "0.09", "0.085", "Stretch"],
      ["2015-10-02T13:05:00.000Z", "B. Manager", "YP-NEET", "City", "Owner", "X", "Y", "New post holder"],
    );
  await renderPane({ flow: "review", host });
  const list = await screen.findByRole("list", {
    name: "Audit log of changes to agreed targets, newest first",
  });
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(2);
  const first = items[0]?.textContent ?? "";
  expect(first).toMatch(/^02\/10\/2015, \d{2}:\d{2} · B\. Manager/);
  expect(first).toContain("YP-NEET (City) Owner: X → Y");
  expect(first).toContain("Reason: New post holder");
  expect(items[1]?.textContent).toContain("CS-ESC (City) Target: 0.09 → 0.085");
});

test("the committee report is exported as the CLI's HTML report of the quarter", async () => {
  const { host, user, downloads } = await renderPane({ flow: "review" });
  await user.click(screen.getByRole("button", { name: "Export committee report" }));
  await screen.findByText("Committee report exported");
  expect(downloads).toHaveLength(1);
  const d = downloads[0];
  expect(d?.name).toBe("PerfCycle report 2015-16 Q2.html");
  expect(d?.type).toBe("text/html");
  expect(d?.content.startsWith("<!DOCTYPE html>")).toBe(true);
  const report = buildReport(registerOf(host), Q2);
  for (const e of report.entries.filter((x) => x.row.rag === "Red")) {
    expect(d?.content).toContain(escapeHtml(e.row.explanation));
  }
});
