/**
 * The pane re-reads the workbook when something it did not do changes it (issue 9, defect 7):
 * a co-author's edit to a table, the pane shown again. Debounced, and without resetting what is
 * being typed.
 */
import { act, screen, waitFor } from "@testing-library/react";
import { TABLE } from "../../src/contract";
import { CHANGE_DEBOUNCE_MS } from "../../src/taskpane/state";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./render";

test("a burst of changes made elsewhere is read once, after the burst", async () => {
  const host = new FakeHost();
  await renderPane({ host });
  const reads = host.callsOf("read").length;
  expect(host.listening).toBe(1);
  act(() => {
    for (let i = 0; i < 5; i++) host.emitChange();
  });
  await waitFor(() => expect(host.callsOf("read").length).toBe(reads + 1), {
    timeout: CHANGE_DEBOUNCE_MS * 20,
  });
  await new Promise((r) => setTimeout(r, CHANGE_DEBOUNCE_MS * 2));
  expect(host.callsOf("read").length).toBe(reads + 1);
});

test("a co-author's new target shows in the pane without a reload of the page", async () => {
  const host = new FakeHost();
  await renderPane({ host, flow: "targets" });
  expect(screen.queryByText(/CO-AUTHOR-1/)).toBeNull();
  const targets = host.table(TABLE.targets);
  if (!targets) throw new Error("no targets");
  const id = targets.headers.indexOf("IndicatorId");
  const copy = [...(targets.rows[0] ?? [])];
  copy[id] = "CO-AUTHOR-1";
  targets.rows.push(copy);
  act(() => host.emitChange());
  expect(
    await screen.findAllByText(/CO-AUTHOR-1/, {}, { timeout: CHANGE_DEBOUNCE_MS * 20 }),
  ).not.toHaveLength(0);
});

test("a re-read on a change made elsewhere keeps what is being typed in the target form", async () => {
  const host = new FakeHost();
  const { user } = await renderPane({ host, flow: "targets" });
  await user.click(screen.getByRole("button", { name: "Add target" }));
  const name = screen.getByRole("textbox", { name: /Indicator name/ }) as HTMLInputElement;
  await user.type(name, "Half-typed name");
  const reads = host.callsOf("read").length;
  act(() => host.emitChange());
  await waitFor(() => expect(host.callsOf("read").length).toBe(reads + 1), {
    timeout: CHANGE_DEBOUNCE_MS * 20,
  });
  expect((screen.getByRole("textbox", { name: /Indicator name/ }) as HTMLInputElement).value).toBe(
    "Half-typed name",
  );
});
