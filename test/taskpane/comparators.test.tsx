/**
 * Quarterly flow, comparators: a DfE-style table pasted in the pane is read (kinds, years,
 * percentages), written to PerfComparators (created when absent) and then compared in Review.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { renderPane } from "./render";

// CC-ACCESS (City) is 58.3% in 2015-16 Q2 in the sample; England and four neighbours, as pasted.
const TABLE = [
  "Area\t2014-15\t2015-16",
  "England\t60.1\t62.0",
  "Statistical neighbours\t57.0\t58.0",
  "Derby\t51\t55",
  "Leicester\t56\t60",
  "Coventry\t59\t64",
  "Sandwell\t53\tx",
].join("\n");

test("a pasted comparator table is added to PerfComparators and shown against the indicator in Review", async () => {
  const { host, user } = await renderPane({ flow: "update" });
  await user.selectOptions(screen.getByRole("combobox", { name: "Indicator the table is for" }), "CC-ACCESS");
  await user.type(screen.getByRole("textbox", { name: "Source (kept with each row)" }), "DfE SFR");
  const paste = screen.getByRole("textbox", { name: /Or paste the table here/ });
  await user.click(paste);
  await user.paste(TABLE);
  await user.click(screen.getByRole("button", { name: "Read pasted table" }));
  await screen.findByText(/The pasted table: 11 figures for CC-ACCESS; 0 errors\./);
  const read = screen.getByRole("list", { name: "Comparator figures read" });
  expect(within(read).getByText("England (National) 2015-16: 62.0%")).toBeTruthy();
  expect(within(read).getByText("Statistical neighbours (Average) 2014-15: 57.0%")).toBeTruthy();
  expect(host.tables.some((t) => t.name === "PerfComparators")).toBe(false);

  await user.click(screen.getByRole("button", { name: "Add 11 comparator figures" }));
  await screen.findByText("11 rows added and 0 rows updated in PerfComparators.");
  const rows = host.records("PerfComparators");
  expect(rows).toHaveLength(11);
  expect(rows[1]).toMatchObject({
    IndicatorId: "CC-ACCESS",
    Period: "2015-16",
    Comparator: "England",
    Kind: "National",
    Source: "DfE SFR",
  });

  await user.click(screen.getByRole("tab", { name: "Review" }));
  const list = await screen.findByRole("list", { name: "Comparators of CC-ACCESS · City" });
  await waitFor(() =>
    expect(within(list).getAllByRole("listitem")[0]?.textContent).toMatch(/^England 62\.0%: Worse/),
  );
});

test("a pasted table with a word for a figure is refused, naming the cell, and nothing is written", async () => {
  const { host, user } = await renderPane({ flow: "update" });
  const paste = screen.getByRole("textbox", { name: /Or paste the table here/ });
  await user.click(paste);
  await user.paste("Area\t2015-16\nEngland\tsixty");
  await user.click(screen.getByRole("button", { name: "Read pasted table" }));
  const errors = await screen.findByRole("list", { name: "Comparator table errors" });
  expect(within(errors).getByText(/B2 "sixty"/)).toBeTruthy();
  const add = screen.getByRole("button", { name: "Add 0 comparator figures" });
  expect(add.hasAttribute("disabled") || add.getAttribute("aria-disabled") === "true").toBe(true);
  expect(host.callsOf("writeComparators")).toHaveLength(0);
});
