/** The pane's frame: four flows on a keyboard-usable tab list; first use lands on Set up. */
import { screen } from "@testing-library/react";
import { renderPane } from "./render";

const selected = (name: string): string | null =>
  screen.getByRole("tab", { name }).getAttribute("aria-selected");

test("the four flows are tabs, chosen with the keyboard (arrow keys are checked in Chromium, test/e2e)", async () => {
  const { user } = await renderPane();
  expect(screen.getAllByRole("tab")).toHaveLength(4);
  // A workbook with PerfCycle tables opens on the quarterly update.
  expect(selected("Quarterly update")).toBe("true");
  for (const name of ["Set up", "Targets", "Review"]) expect(selected(name)).toBe("false");
  screen.getByRole("tab", { name: "Review" }).focus();
  await user.keyboard("{Enter}");
  expect(selected("Review")).toBe("true");
  expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("flow-tab-review");
  expect(screen.getByRole("heading", { name: /^Summary for 2015-16 Q2/ })).toBeTruthy();
});

test("a workbook without PerfCycle tables opens on Set up with the sample offered", async () => {
  await renderPane({ book: "empty" });
  expect(selected("Set up")).toBe("true");
  const load = screen.getByRole("button", { name: "Load sample workbook" });
  expect(load.getAttribute("aria-disabled")).toBeNull();
});

test("a workbook that cannot be read says why, and reading again is offered", async () => {
  const { FakeHost } = await import("./fakeHost");
  const host = new FakeHost();
  host.failNext("read", "The connection to Excel was lost.");
  const { user } = await renderPane({ host });
  expect(screen.getByText("The connection to Excel was lost.")).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Try again" }));
  await screen.findByRole("tab", { name: "Quarterly update", selected: true });
  expect(screen.queryByText("The connection to Excel was lost.")).toBeNull();
  expect(host.callsOf("read")).toHaveLength(2);
});
