/**
 * Targets flow, lineage: a new id with last year's indicator name is offered the old id as its
 * PreviousId — shown for the user to confirm, saved only when confirmed.
 */
import { screen, within } from "@testing-library/react";
import { readRegister, type TargetEdit } from "../../src/contract";
import { lineageCandidates } from "../../src/contract/lineage";
import { renderPane } from "./render";

const field = (name: RegExp | string): HTMLInputElement =>
  screen.getByRole("textbox", { name }) as HTMLInputElement;

async function addRenamed(user: Awaited<ReturnType<typeof renderPane>>["user"], name: string): Promise<void> {
  await user.click(screen.getByRole("button", { name: "Add target" }));
  await user.type(field(/Indicator ID/), "EH-EHA-2016");
  await user.type(field(/Indicator name/), name);
  await user.type(field(/^Unit \(centre/), "City");
  await user.type(field(/Target year/), "2016-17");
  await user.type(field(/^Target$/), "420");
}

test("offers last year's id for a new id with its name, and saves PreviousId only once confirmed", async () => {
  const { host, user } = await renderPane({ flow: "targets" });
  const eha = readRegister({ tables: host.tables }).register?.targets.find((t) => t.indicatorId === "EH-EHA");
  if (!eha) throw new Error("sample");
  await addRenamed(user, eha.indicator.toUpperCase());
  expect(await screen.findByText("Is this a renamed indicator?")).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Use EH-EHA as the previous id" }));
  expect(screen.getByText(/PreviousId EH-EHA is saved with the target/)).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Add target" }));
  await screen.findByText("Target EH-EHA-2016 (City) saved");
  const edit = host.callsOf("saveTarget")[0]?.[0] as TargetEdit;
  expect(edit.values.PreviousId).toBe("EH-EHA");
  const row = host.records("PerfTargets").find((r) => r.IndicatorId === "EH-EHA-2016");
  expect(row?.PreviousId).toBe("EH-EHA");
});

test("without the user's confirmation nothing is recorded", async () => {
  const { host, user } = await renderPane({ flow: "targets" });
  const eha = readRegister({ tables: host.tables }).register?.targets.find((t) => t.indicatorId === "EH-EHA");
  await addRenamed(user, eha?.indicator ?? "");
  await screen.findByText("Is this a renamed indicator?");
  const form = screen.getByRole("form", { name: "Add a target" });
  await user.click(within(form).getByRole("button", { name: "Add target" }));
  await screen.findByText("Target EH-EHA-2016 (City) saved");
  const edit = host.callsOf("saveTarget")[0]?.[0] as TargetEdit;
  expect(edit.values).not.toHaveProperty("PreviousId");
});

test("no offer for an id already in the register, a different name, or a name already continued", async () => {
  const { host } = await renderPane({ flow: "targets" });
  const register = readRegister({ tables: host.tables }).register;
  if (!register) throw new Error("sample");
  const eha = register.targets.find((t) => t.indicatorId === "EH-EHA");
  const name = eha?.indicator ?? "";
  expect(lineageCandidates(register, "EH-EHA-2016", name, 2016).map((c) => c.indicatorId)).toEqual([
    "EH-EHA",
  ]);
  expect(lineageCandidates(register, "EH-EHA", name, 2016)).toEqual([]);
  expect(lineageCandidates(register, "EH-EHA-2016", "Something else", 2016)).toEqual([]);
  // Same year as the old id's target: not a successor.
  expect(lineageCandidates(register, "EH-EHA-2016", name, 2015)).toEqual([]);
  const continued = {
    ...register,
    targets: [
      ...register.targets,
      { ...(eha ?? register.targets[0]!), indicatorId: "EH-NEW", previousId: "EH-EHA" },
    ],
  };
  // EH-EHA is already continued by EH-NEW: only EH-NEW, the latest of the line, is offered.
  expect(lineageCandidates(continued, "EH-EHA-2016", name, 2016).map((c) => c.indicatorId)).toEqual([
    "EH-NEW",
  ]);
});
