/** Flow 1, Set up: tables and settings through the host; the sample for first use. */
import { screen, waitFor } from "@testing-library/react";
import { parsePeriod } from "../../src/engine";
import { readRegister, type SetupOptions } from "../../src/contract";
import { renderPane } from "./render";

const enabled = (el: HTMLElement): boolean =>
  el.getAttribute("aria-disabled") !== "true" && !(el as HTMLButtonElement).disabled;

test("setting up an empty workbook sends the settings as typed, read by the engine", async () => {
  const { host, user } = await renderPane({ book: "empty" });
  await user.selectOptions(screen.getByRole("combobox", { name: "Fiscal year starts in" }), "January");
  const period = screen.getByRole("textbox", { name: /Reporting period/ });
  await user.clear(period);
  await user.type(period, "Q3 2016");
  expect(screen.getByText("Reads as 2016 Q3")).toBeTruthy();
  await user.click(screen.getByRole("radio", { name: /BRAG/ }));
  await user.selectOptions(screen.getByRole("combobox", { name: "RAG rule" }), "Forecast");
  const tol = screen.getByRole("textbox", { name: /Default tolerance/ });
  await user.clear(tol);
  await user.type(tol, "2.5");
  await user.click(screen.getByRole("button", { name: "Set up tables" }));
  await waitFor(() => expect(host.callsOf("setUp")).toHaveLength(1));
  const options = host.callsOf("setUp")[0]?.[0] as SetupOptions;
  expect(options).toEqual({
    startMonth: 1,
    reportingPeriod: "2016 Q3",
    scheme: "BRAG",
    rule: "Forecast",
    defaultTolerance: 0.025,
  });
  // The workbook now has the tables, read back with those settings.
  await screen.findByText("Workbook set up");
  const read = readRegister({ tables: host.tables });
  expect(read.register?.settings.startMonth).toBe(1);
  expect(read.register?.settings.scheme).toBe("BRAG");
});

test("a reporting period that does not parse is named and cannot be saved", async () => {
  const { host, user } = await renderPane({ book: "empty" });
  const period = screen.getByRole("textbox", { name: /Reporting period/ });
  await user.type(period, "2015-16 Q5");
  const engine = parsePeriod("2015-16 Q5", { startMonth: 4 });
  expect(engine.ok).toBe(false);
  if (!engine.ok) expect(screen.getByText(engine.error.message)).toBeTruthy();
  const button = screen.getByRole("button", { name: "Set up tables" });
  expect(enabled(button)).toBe(false);
  await user.click(button);
  expect(host.callsOf("setUp")).toHaveLength(0);
});

test("the sample workbook loads into an empty workbook and the pane reads it", async () => {
  const { host, user } = await renderPane({ book: "empty" });
  await user.click(screen.getByRole("button", { name: "Load sample workbook" }));
  await screen.findByText("Sample workbook loaded");
  expect(host.callsOf("loadSample")).toHaveLength(1);
  const targets = readRegister({ tables: host.tables }).register?.targets.length ?? 0;
  expect(targets).toBeGreaterThan(11);
  expect(screen.getByText(new RegExp(`^${targets} targets`))).toBeTruthy();
});

test("a workbook already set up shows its settings and keeps them unless changed", async () => {
  const { host, user } = await renderPane({ flow: "setup" });
  expect((screen.getByRole("textbox", { name: /Reporting period/ }) as HTMLInputElement).value).toBe(
    "2015-16 Q2",
  );
  expect((screen.getByRole("combobox", { name: "Fiscal year starts in" }) as HTMLSelectElement).value).toBe(
    "4",
  );
  expect(screen.queryByRole("button", { name: "Load sample workbook" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Save settings" }));
  await waitFor(() => expect(host.callsOf("setUp")).toHaveLength(1));
  expect(host.callsOf("setUp")[0]?.[0]).toEqual({
    startMonth: 4,
    reportingPeriod: "2015-16 Q2",
    scheme: "RAG",
    rule: "Milestone",
    defaultTolerance: 0.05,
  });
});

test("while the set-up runs it shows progress and cannot be started twice", async () => {
  const { host, user } = await renderPane({ flow: "setup" });
  host.hold();
  const button = screen.getByRole("button", { name: "Save settings" });
  await user.click(button);
  expect(await screen.findByText("Saving the settings…")).toBeTruthy();
  expect(button.getAttribute("aria-disabled")).toBe("true");
  await user.click(button);
  host.resume();
  await screen.findByText("Settings saved");
  expect(host.callsOf("setUp")).toHaveLength(1);
});

test("a failure is shown as an error naming the action", async () => {
  const { host, user } = await renderPane({ flow: "setup" });
  host.failNext("setUp", "The workbook is read-only.");
  await user.click(screen.getByRole("button", { name: "Save settings" }));
  expect(await screen.findByText("Saving the settings failed")).toBeTruthy();
  expect(screen.getByText("The workbook is read-only.")).toBeTruthy();
});
