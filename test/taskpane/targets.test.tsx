/**
 * Flow 2, Targets: the register per unit, the form with milestones and SMART findings computed
 * live by the engine, findings selecting their cell, statuses Draft → Agreed → Approved, and the
 * reason an agreed target's change asks for, written to the audit log.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { milestone, profileWeights } from "../../src/engine";
import { cellText, readRegister, type TargetEdit } from "../../src/contract";
import { figure } from "../../src/taskpane/format";
import type { FakeHost } from "./fakeHost";
import { idle, renderPane } from "./render";

function registerOf(host: FakeHost) {
  const r = readRegister({ tables: host.tables }).register;
  if (!r) throw new Error("no register");
  return r;
}

function milestoneCells(): string[] {
  const table = screen.getByRole("table", { name: "Quarterly milestones" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("cell")[2]?.textContent ?? "");
}

const field = (name: RegExp | string): HTMLInputElement =>
  screen.getByRole("textbox", { name }) as HTMLInputElement;

test("the register lists the targets of the unit chosen", async () => {
  const { host, user } = await renderPane({ flow: "targets" });
  const all = registerOf(host).targets;
  const list = screen.getByRole("list", { name: "Target register" });
  expect(within(list).getAllByRole("listitem")).toHaveLength(all.length);
  await user.selectOptions(screen.getByRole("combobox", { name: "Unit" }), "North Cluster");
  const north = all.filter((t) => t.orgUnit === "North Cluster");
  expect(north.length).toBeGreaterThan(0);
  const items = within(screen.getByRole("list", { name: "Target register" })).getAllByRole("listitem");
  expect(items.map((i) => i.getAttribute("aria-label"))).toEqual(
    north.map((t) => `${t.indicatorId} (North Cluster)`),
  );
});

test("adding a target shows the engine's milestones as the profile and custom weights change, then saves a Draft", async () => {
  const { host, user } = await renderPane({ flow: "targets" });
  await user.click(screen.getByRole("button", { name: "Add target" }));
  await user.type(field(/Indicator ID/), "EH-TAF");
  await user.type(field(/Indicator name/), "Team around the family meetings held");
  await user.type(field(/^Unit \(centre/), "City");
  await user.type(field(/Target year/), "2015-16");
  await user.type(field(/^Target$/), "400");
  const expected = (weights: readonly number[]): string[] =>
    weights.map((w) => {
      const m = milestone("Count", undefined, 400, w);
      return figure("Count", m.ok ? m.value : null);
    });
  const linear = profileWeights("Linear");
  if (!linear.ok) throw new Error("engine");
  await waitFor(() => expect(milestoneCells()).toEqual(expected(linear.value)));

  await user.selectOptions(screen.getByRole("combobox", { name: "Milestone profile" }), "Custom");
  for (const [w, v] of [
    ["W1", "0.1"],
    ["W2", "0.3"],
    ["W3", "0.7"],
    ["W4", "1"],
  ] as const)
    await user.type(field(w), v);
  await waitFor(() => expect(milestoneCells()).toEqual(expected([0.1, 0.3, 0.7, 1])));

  // A decreasing weight: the engine's T-PROFILE finding, and no milestones.
  await user.clear(field("W3"));
  await user.type(field("W3"), "0.2");
  const problems = await screen.findByRole("list", { name: "Problems in this target" });
  await waitFor(() => expect(within(problems).getByText(/T-PROFILE/)).toBeTruthy());
  await user.clear(field("W3"));
  await user.type(field("W3"), "0.7");

  await user.click(screen.getByRole("button", { name: "Add target" }));
  await screen.findByText("Target EH-TAF (City) saved");
  const edit = host.callsOf("saveTarget")[0]?.[0] as TargetEdit;
  expect(edit.indicatorId).toBe("EH-TAF");
  expect(edit.values).toMatchObject({
    Target: 400,
    Profile: "Custom",
    W1: 0.1,
    W3: 0.7,
    Status: "Draft",
    TargetYear: "2015-16",
  });
  const added = registerOf(host).targets.find((t) => t.indicatorId === "EH-TAF");
  expect(added?.status).toBe("Draft");
  expect(added?.weights).toEqual([0.1, 0.3, 0.7, 1]);
});

test("SMART findings are listed live and a rate is typed as a percentage", async () => {
  const { user } = await renderPane({ flow: "targets" });
  await user.click(screen.getByRole("button", { name: "Add target" }));
  await user.type(field(/Indicator ID/), "YP-NEW");
  await user.type(field(/^Unit \(centre/), "City");
  await user.selectOptions(screen.getByRole("combobox", { name: "Measure type" }), "Rate");
  await user.selectOptions(screen.getByRole("combobox", { name: "Polarity" }), "Lower");
  await user.type(field(/^Baseline$/), "5.9");
  await user.type(field(/Target year/), "2015-16");
  await user.type(field(/^Target$/), "7");
  const problems = await screen.findByRole("list", { name: "Problems in this target" });
  // Target 7% is not better than baseline 5.9% for lower-is-better: the engine's A-DIR warning.
  await waitFor(() => expect(within(problems).getByText(/A-DIR/)).toBeTruthy());
  expect(within(problems).getByText(/O-OWNER/)).toBeTruthy();
  expect(within(problems).getByText(/S-NAME/)).toBeTruthy();
  await user.type(field(/^Owner/), "Head of Youth Services");
  await user.clear(field(/^Target$/));
  await user.type(field(/^Target$/), "5.5");
  await waitFor(() => expect(within(problems).queryByText(/A-DIR/)).toBeNull());
  expect(within(problems).queryByText(/O-OWNER/)).toBeNull();
  // 5.9% stored as the fraction Excel stores: milestones in percentages.
  await waitFor(() => expect(milestoneCells()[3]).toBe(figure("Rate", 0.055)));
  // Text that is not a number is named under its field, quoting it.
  await user.clear(field(/^Target$/));
  await user.type(field(/^Target$/), "tbc");
  await waitFor(() => expect(screen.getAllByText(/'tbc' is not a number/).length).toBeGreaterThan(0));
});

test("a finding on an existing target selects its cell in the workbook", async () => {
  const { host, user } = await renderPane({ flow: "targets" });
  const t = registerOf(host).targets.find((x) => x.indicatorId === "CS-ESC");
  if (!t) throw new Error("sample");
  await user.click(screen.getByRole("button", { name: `Edit CS-ESC (City)` }));
  await user.clear(field(/^Owner/));
  const button = await screen.findByRole("button", { name: "Select cell: Owner" });
  await user.click(button);
  await waitFor(() => expect(host.selected).toEqual([{ table: "PerfTargets", row: t.row, column: "Owner" }]));
  expect(document.activeElement).toBe(field(/^Owner/));
});

test("changing an approved target asks for a reason and the audit log gets the change", async () => {
  const { host, user } = await renderPane({ flow: "targets" });
  const t = registerOf(host).targets.find((x) => x.indicatorId === "CS-ESC");
  expect(t?.status).toBe("Approved");
  await user.click(screen.getByRole("button", { name: "Edit CS-ESC (City)" }));
  const target = field(/^Target$/);
  await user.clear(target);
  await user.type(target, "8.5");
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  // jsdom: Fluent's focus manager may leave the dialog aria-hidden (Chromium checks it for real in E2E).
  const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5000 });
  expect(host.callsOf("saveTarget")).toHaveLength(0);
  const save = within(dialog).getByRole("button", { name: "Save with this reason", hidden: true });
  expect(save.getAttribute("aria-disabled")).toBe("true");
  await user.type(
    within(dialog).getByRole("textbox", { name: /Reason for the change/, hidden: true }),
    "Board agreed a stretch target",
  );
  await user.click(save);
  await screen.findByText("Target CS-ESC (City) saved");
  expect(screen.getByText("1 change recorded in the audit log.")).toBeTruthy();
  const edit = host.callsOf("saveTarget")[0]?.[0] as TargetEdit;
  expect(edit.values).toEqual({ Target: 0.085 });
  expect(edit.reason).toBe("Board agreed a stretch target");
  const audit = host.records("PerfAudit");
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({
    IndicatorId: "CS-ESC",
    Field: "Target",
    NewValue: "0.085",
    Reason: "Board agreed a stretch target",
  });
  expect(cellText(audit[0]?.OldValue ?? null)).toBe(String(t?.target));
});

test("a draft target is agreed without a reason; approving an agreed one asks for it; errors block approval", async () => {
  const { host, user } = await renderPane({ flow: "targets" });
  const draft = registerOf(host).targets.find((x) => x.status === "Draft");
  if (!draft) throw new Error("the sample has a draft target");
  await user.click(screen.getByRole("button", { name: `Agree ${draft.indicatorId} (${draft.orgUnit})` }));
  await screen.findByText(`${draft.indicatorId} (${draft.orgUnit}) Agreed saved`);
  await idle();
  expect(host.callsOf("saveTarget")[0]?.[0]).toEqual({
    indicatorId: draft.indicatorId,
    orgUnit: draft.orgUnit,
    values: { Status: "Agreed" },
  });
  // The sample's draft has no target value (T-TARGET, an error): it cannot be approved.
  const approveDraft = screen.getByRole("button", {
    name: `Approve ${draft.indicatorId} (${draft.orgUnit})`,
  });
  expect(approveDraft.getAttribute("aria-disabled")).toBe("true");

  const agreed = registerOf(host).targets.find(
    (x) => x.status === "Agreed" && x.indicatorId !== draft.indicatorId,
  );
  if (!agreed) throw new Error("the sample has an agreed target");
  await user.click(screen.getByRole("button", { name: `Approve ${agreed.indicatorId} (${agreed.orgUnit})` }));
  // In jsdom, Fluent's focus manager sometimes misses the move of focus into the dialog and leaves
  // it aria-hidden; in Chromium it does not (test/e2e approves a target through this dialog).
  const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5000 });
  await user.type(
    within(dialog).getByRole("textbox", { name: /Reason/, hidden: true }),
    "Approved by the board, 12/10/2015",
  );
  await user.click(within(dialog).getByRole("button", { name: "Save with this reason", hidden: true }));
  await screen.findByText(`${agreed.indicatorId} (${agreed.orgUnit}) Approved saved`);
  expect(registerOf(host).targets.find((x) => x.row === agreed.row)?.status).toBe("Approved");
  expect(host.records("PerfAudit").map((a) => [a.Field, a.OldValue, a.NewValue])).toEqual([
    ["Status", "Agreed", "Approved"],
  ]);
});
