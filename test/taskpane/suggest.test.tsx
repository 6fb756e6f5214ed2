/**
 * Targets flow, Suggest: every method that applies to the indicator being edited, with target,
 * milestones, chart and rationale; choosing one fills the target and saves TargetMethod and
 * TargetRationale (the columns added at the end of PerfTargets when the workbook lacks them).
 */
import { screen, waitFor, within } from "@testing-library/react";
import { readRegister, sampleWorkbook, type RawWorkbook, type TargetEdit } from "../../src/contract";
import { suggestTargets } from "../../src/engine";
import { renderPane } from "./render";

/** The sample with England's 62.0% for children's centre access in 2014-15. */
function book(): RawWorkbook {
  const b = sampleWorkbook();
  return {
    tables: [
      ...b.tables,
      {
        name: "PerfComparators",
        headers: ["IndicatorId", "Period", "Comparator", "Kind", "Value"],
        rows: [["CC-ACCESS", "2014-15", "England", "National", 0.62]],
      },
    ],
  };
}

const field = (name: RegExp | string): HTMLInputElement =>
  screen.getByRole("textbox", { name }) as HTMLInputElement;

test("lists every method that applies with its target, milestones, chart and rationale", async () => {
  const { host, user } = await renderPane({ flow: "targets", book: book() });
  await user.click(screen.getByRole("button", { name: "Edit CC-ACCESS (City)" }));
  const expected = suggestTargets(readRegister({ tables: host.tables }).register!, "CC-ACCESS", "City", 2015);
  const list = await screen.findByRole("list", { name: "Suggested targets" });
  const cards = within(list).getAllByRole("listitem");
  expect(cards).toHaveLength(expected.suggestions.length);
  const gap = within(list).getByRole("listitem", { name: /^CloseGap\(0\.5, England\)/ });
  // Half the gap from the 2014-15 figure (55.0%) to England's 62.0%.
  expect(gap.getAttribute("aria-label")).toBe("CloseGap(0.5, England): 58.5%");
  expect(
    within(gap).getByText(/^Closes half the gap to England's 62\.0% in one year, from 55\.0%$/),
  ).toBeTruthy();
  expect(within(gap).getByText(/^Milestones: Q1 .* · Q4 58\.5%$/)).toBeTruthy();
  const chart = within(gap).getByRole("img", { name: /^CloseGap\(0\.5, England\): the path to 58\.5%/ });
  expect(chart.querySelector("desc")?.textContent).toContain("England 62.0%.");
});

test("choosing a suggestion fills the target and saves the method and rationale with it", async () => {
  const { host, user } = await renderPane({ flow: "targets", book: book() });
  await user.click(screen.getByRole("button", { name: "Edit CC-ACCESS (City)" }));
  await user.click(await screen.findByRole("button", { name: "Use this: CloseGap(0.5, England), 58.5%" }));
  expect(field(/^Target$/).value).toBe("58.5");
  expect(
    screen
      .getByRole("button", { name: "Chosen: CloseGap(0.5, England), 58.5%" })
      .getAttribute("aria-pressed"),
  ).toBe("true");
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  // CC-ACCESS is Approved: the change asks for a reason.
  const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5000 });
  await user.type(
    within(dialog).getByRole("textbox", { name: /Reason for the change/, hidden: true }),
    "Benchmarked against England",
  );
  await user.click(within(dialog).getByRole("button", { name: "Save with this reason", hidden: true }));
  await screen.findByText("Target CC-ACCESS (City) saved");
  const edit = host.callsOf("saveTarget")[0]?.[0] as TargetEdit;
  expect(edit.values).toMatchObject({
    Target: 0.585,
    TargetMethod: "CloseGap(0.5, England)",
    TargetRationale: "Closes half the gap to England's 62.0% in one year, from 55.0%",
  });
  // The sample has no TargetMethod column: it was added at the end of PerfTargets.
  const targets = host.tables.find((t) => t.name === "PerfTargets");
  expect(targets?.headers.slice(-2)).toEqual(["TargetMethod", "TargetRationale"]);
  const row = host.records("PerfTargets").find((r) => r.IndicatorId === "CC-ACCESS");
  expect(row?.TargetMethod).toBe("CloseGap(0.5, England)");
});

test("typing another target after choosing drops the method: nothing unproven is recorded", async () => {
  const { host, user } = await renderPane({ flow: "targets", book: book() });
  await user.click(screen.getByRole("button", { name: "Edit CC-ACCESS (City)" }));
  await user.click(await screen.findByRole("button", { name: /^Use this: Hold, / }));
  const target = field(/^Target$/);
  await user.clear(target);
  await user.type(target, "60");
  await waitFor(() =>
    expect(screen.getByRole("button", { name: /^Use this: Hold, / }).getAttribute("aria-pressed")).toBe(
      "false",
    ),
  );
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5000 });
  await user.type(
    within(dialog).getByRole("textbox", { name: /Reason for the change/, hidden: true }),
    "Typed",
  );
  await user.click(within(dialog).getByRole("button", { name: "Save with this reason", hidden: true }));
  await screen.findByText("Target CC-ACCESS (City) saved");
  const edit = host.callsOf("saveTarget")[0]?.[0] as TargetEdit;
  expect(edit.values).toEqual({ Target: 0.6 });
});
