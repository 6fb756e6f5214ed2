/**
 * Flow 3, Quarterly update: actuals typed or pasted, a wide table imported from the selection
 * (errors naming the cell and its text), the report refreshed (a frozen report kept; re-rating
 * only after a confirmation), and commentary and action for the Amber and Red rows.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { buildReport, parseCellNumber, quarterIndex, type Register } from "../../src/engine";
import { importWide, readRegister, type ActualInput } from "../../src/contract";
import { entryRows } from "../../src/taskpane/model/actuals";
import type { FakeHost } from "./fakeHost";
import { idle, renderPane } from "./render";

const Q2 = { fy: 2015, q: 2 } as const;

function registerOf(host: FakeHost): Register {
  const r = readRegister({ tables: host.tables }).register;
  if (!r) throw new Error("no register");
  return r;
}

const box = (label: string): HTMLInputElement =>
  screen.getByRole("textbox", { name: label }) as HTMLInputElement;
const disabled = (el: HTMLElement): boolean => el.getAttribute("aria-disabled") === "true";

test("the grid has a row per target of the quarter's year, with the figures already in the workbook", async () => {
  const { host } = await renderPane();
  const rows = entryRows(registerOf(host), Q2);
  const table = screen.getByRole("table", { name: "Actuals for 2015-16 Q2" });
  expect(within(table).getAllByRole("row")).toHaveLength(rows.length + 1);
  const withCounts = rows.find((r) => r.measureType === "Rate" && r.existing?.numerator != null);
  if (!withCounts?.existing) throw new Error("the sample has rates given as counts");
  expect(box(`Numerator of ${withCounts.indicatorId}, ${withCounts.orgUnit}, 2015-16 Q2`).value).toBe(
    String(withCounts.existing.numerator),
  );
});

test("typed actuals are read by the engine and upserted; a rate is a percentage", async () => {
  const { host, user } = await renderPane();
  const rows = entryRows(registerOf(host), Q2);
  const count = rows.find((r) => r.measureType === "Count");
  const rateRow = rows.find((r) => r.measureType === "Rate");
  if (!count || !rateRow) throw new Error("sample rows");
  const c = box(`Value of ${count.indicatorId}, ${count.orgUnit}, 2015-16 Q2`);
  await user.clear(c);
  await user.type(c, "1,242");
  const n = box(`Numerator of ${rateRow.indicatorId}, ${rateRow.orgUnit}, 2015-16 Q2`);
  const d = box(`Denominator of ${rateRow.indicatorId}, ${rateRow.orgUnit}, 2015-16 Q2`);
  const v = box(`Value of ${rateRow.indicatorId}, ${rateRow.orgUnit}, 2015-16 Q2 (per cent)`);
  await user.clear(n);
  await user.clear(d);
  await user.clear(v);
  await user.type(v, "11.3");
  await user.click(screen.getByRole("button", { name: /^Save actuals/ }));
  await screen.findByText("Actuals saved");
  const sent = host.callsOf("appendActuals")[0]?.[0] as ActualInput[];
  const pct = parseCellNumber("11.3%");
  const byKey = new Map(sent.map((a) => [`${a.indicatorId}|${a.orgUnit}`, a]));
  expect(sent).toHaveLength(2);
  expect(byKey.get(`${count.indicatorId}|${count.orgUnit}`)).toEqual({
    indicatorId: count.indicatorId,
    orgUnit: count.orgUnit,
    period: "2015-16 Q2",
    value: 1242,
    numerator: null,
    denominator: null,
  });
  expect(byKey.get(`${rateRow.indicatorId}|${rateRow.orgUnit}`)?.value).toBe(
    pct.ok && pct.value.kind === "number" ? pct.value.value : NaN,
  );
  const after = registerOf(host).actuals.find(
    (a) =>
      a.indicatorId === count.indicatorId &&
      a.orgUnit === count.orgUnit &&
      quarterIndex(a.period) === quarterIndex(Q2),
  );
  expect(after?.value).toBe(1242);
});

test("text that is not a figure is named with its indicator, column and text, and nothing is written", async () => {
  const { host, user } = await renderPane();
  const row = entryRows(registerOf(host), Q2).find((r) => r.measureType === "Count");
  if (!row) throw new Error("sample");
  const v = box(`Value of ${row.indicatorId}, ${row.orgUnit}, 2015-16 Q2`);
  await user.clear(v);
  await user.type(v, "12,5");
  const list = await screen.findByRole("list", { name: "Problems in the figures typed" });
  expect(
    within(list).getByText(new RegExp(`${row.indicatorId} \\(${row.orgUnit}\\), Value: .*'12,5'`)),
  ).toBeTruthy();
  const save = screen.getByRole("button", { name: /^Save actuals/ });
  expect(disabled(save)).toBe(true);
  await user.click(save);
  expect(host.callsOf("appendActuals")).toHaveLength(0);
});

test("a placeholder is noted and left blank, not written", async () => {
  const { host, user } = await renderPane();
  const row = entryRows(registerOf(host), Q2).find((r) => r.measureType === "Count" && r.existing);
  if (!row) throw new Error("sample");
  const v = box(`Value of ${row.indicatorId}, ${row.orgUnit}, 2015-16 Q2`);
  await user.clear(v);
  await user.type(v, "awaiting data");
  const list = await screen.findByRole("list", { name: "Problems in the figures typed" });
  expect(
    within(list).getAllByText(new RegExp(`^Note: ${row.indicatorId} \\(${row.orgUnit}\\), Value: `)).length,
  ).toBe(2);
  expect(disabled(screen.getByRole("button", { name: /^Save actuals/ }))).toBe(true);
});

test("cells pasted from a spreadsheet fill the grid down and across", async () => {
  const { host } = await renderPane();
  const rows = entryRows(registerOf(host), Q2);
  const first = rows[0];
  if (!first) throw new Error("sample");
  const target = box(
    `Value of ${first.indicatorId}, ${first.orgUnit}, 2015-16 Q2${first.measureType === "Rate" ? " (per cent)" : ""}`,
  );
  fireEvent.paste(target, { clipboardData: { getData: () => "101\n102\r\n103\n" } });
  await screen.findByText("Pasted 3 cells");
  rows.slice(0, 3).forEach((r, i) => {
    expect(
      box(
        `Value of ${r.indicatorId}, ${r.orgUnit}, 2015-16 Q2${r.measureType === "Rate" ? " (per cent)" : ""}`,
      ).value,
    ).toBe(String(101 + i));
  });
});

test("a wide table selected in the workbook is imported by the contract's rules", async () => {
  const { host, user } = await renderPane();
  const grid = [
    ["Code", "Indicator", "Cluster", "30/06/2015", "30/09/2015"],
    ["EH-EHA", "Early Help Assessments", "City", 201, 244],
    ["CS-ESC", "Escalations", "City", "18/206", "awaiting data"],
  ];
  host.selection = { sheet: "Returns", address: "B3", values: grid };
  await user.click(screen.getByRole("button", { name: "Read selected range" }));
  const expected = importWide("Returns", grid, { startMonth: 4, origin: "B3" });
  const importButton = await screen.findByRole("button", { name: `Import ${expected.rows.length} figures` });
  expect(screen.getByText(/Returns!B3:F5 \(3 × 5\)/)).toBeTruthy();
  expect(
    within(screen.getByRole("list", { name: "Import warnings" })).getByText(/awaiting data/),
  ).toBeTruthy();
  await user.click(importButton);
  await screen.findByText("Wide table imported");
  expect(host.callsOf("appendActuals")[0]?.[0]).toEqual(
    expected.rows.map((r) => ({
      indicatorId: r.indicatorId,
      orgUnit: r.orgUnit,
      period: r.period,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
    })),
  );
});

test("a header that is not a quarter end is listed with its cell and text, and blocks the import", async () => {
  const { host, user } = await renderPane();
  host.selection = {
    sheet: "Returns",
    address: "A1",
    values: [
      ["Id", "OrgUnit", "30/06/2015", "31/12/213"],
      ["EH-EHA", "City", 201, 250],
    ],
  };
  await user.click(screen.getByRole("button", { name: "Read selected range" }));
  const errors = await screen.findByRole("list", { name: "Import errors" });
  expect(within(errors).getByText(/Returns!D1 "31\/12\/213"/)).toBeTruthy();
  expect(disabled(screen.getByRole("button", { name: /^Import \d+ figure/ }))).toBe(true);
  expect(host.callsOf("appendActuals")).toHaveLength(0);
});

test("refresh writes the report; again keeps the frozen one; re-rating asks first", async () => {
  const { host, user } = await renderPane();
  await user.click(screen.getByRole("button", { name: "Refresh report" }));
  await screen.findByText("Report for 2015-16 Q2 written");
  await idle();
  expect(screen.queryByRole("button", { name: /Re-rate/ })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Refresh report" }));
  await screen.findByText("The frozen report for 2015-16 Q2 was kept");
  await idle();
  await user.click(screen.getByRole("button", { name: "Re-rate this quarter…" }));
  // jsdom: Fluent's focus manager may leave the dialog aria-hidden (Chromium checks it for real in E2E).
  const dialog = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 5000 });
  await user.click(await within(dialog).findByRole("button", { name: "Cancel", hidden: true }));
  expect(host.callsOf("refresh")).toHaveLength(2);
  await user.click(screen.getByRole("button", { name: "Re-rate this quarter…" }));
  await user.click(
    await within(await screen.findByRole("alertdialog", { hidden: true }, { timeout: 5000 })).findByRole(
      "button",
      {
        name: "Re-rate",
        hidden: true,
      },
    ),
  );
  await screen.findByText("2015-16 Q2 re-rated");
  expect(host.callsOf("refresh").map((c) => c[1])).toEqual([
    { rerate: false },
    { rerate: false },
    { rerate: true },
  ]);
});

test("a refresh cannot be started twice while it runs", async () => {
  const { host, user } = await renderPane();
  host.hold();
  const button = screen.getByRole("button", { name: "Refresh report" });
  await user.click(button);
  await screen.findByText("Refreshing the report…");
  await user.click(button);
  await user.click(screen.getByRole("button", { name: "Read selected range" }));
  host.resume();
  await screen.findByText("Report for 2015-16 Q2 written");
  expect(host.callsOf("refresh")).toHaveLength(1);
  expect(host.callsOf("readSelection")).toHaveLength(0);
});

test("each Amber and Red row asks for commentary and action, saved through the host", async () => {
  const { host, user } = await renderPane();
  const report = buildReport(registerOf(host), Q2);
  const off = report.entries.filter((e) => e.row.rag === "Red" || e.row.rag === "Amber");
  expect(off.length).toBeGreaterThan(0);
  const section = screen.getByRole("region", { name: `Commentary for Amber and Red (${off.length})` });
  expect(within(section).getAllByRole("article")).toHaveLength(off.length);
  const e = off.find((x) => x.commentary === "") ?? off[0];
  if (!e) throw new Error("sample");
  const card = within(section).getByRole("article", { name: `${e.row.indicatorId} · ${e.row.orgUnit}` });
  expect(within(card).getByText(e.row.explanation)).toBeTruthy();
  const commentary = within(card).getByRole("textbox", { name: "Commentary" });
  await user.clear(commentary);
  await user.type(commentary, "Two staff vacancies in the front door team");
  const action = within(card).getByRole("textbox", { name: "Action" });
  await user.clear(action);
  await user.type(action, "Agency cover from November");
  await user.click(
    within(card).getByRole("button", { name: `Save commentary for ${e.row.indicatorId} (${e.row.orgUnit})` }),
  );
  await screen.findByText(`Commentary saved for ${e.row.indicatorId} (${e.row.orgUnit})`);
  expect(host.callsOf("setCommentary")[0]).toEqual([
    e.row.indicatorId,
    e.row.orgUnit,
    "2015-16 Q2",
    "Two staff vacancies in the front door team",
    "Agency cover from November",
  ]);
  await waitFor(() =>
    expect(
      (
        within(screen.getByRole("article", { name: `${e.row.indicatorId} · ${e.row.orgUnit}` })).getByRole(
          "textbox",
          { name: "Commentary" },
        ) as HTMLTextAreaElement
      ).value,
    ).toBe("Two staff vacancies in the front door team"),
  );
});
