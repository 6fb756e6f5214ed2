/**
 * Quarterly flow, quality: a figure marked Provisional beside it is written to PerfActuals'
 * Quality column (added at the end when absent) and the Review flags it as not final.
 */
import { screen, within } from "@testing-library/react";
import { renderPane } from "./render";

test("marking a figure Provisional writes Quality and Review says it is not final", async () => {
  const { host, user } = await renderPane({ flow: "update" });
  expect(host.tables.find((t) => t.name === "PerfActuals")?.headers).not.toContain("Quality");
  const table = screen.getByRole("table", { name: "Quality of the figures for 2015-16 Q2" });
  const select = within(table).getByRole("combobox", { name: "Quality of CC-ACCESS · City, 2015-16 Q2" });
  expect((select as HTMLSelectElement).value).toBe("Validated");
  await user.selectOptions(select, "Provisional");
  await user.click(screen.getByRole("button", { name: "Save quality (1 change)" }));
  await screen.findByText("1 figure marked in PerfActuals. Refresh the report to show it.");
  const row = host
    .records("PerfActuals")
    .find((r) => r.IndicatorId === "CC-ACCESS" && r.Period === "2015-16 Q2");
  expect(row?.Quality).toBe("Provisional");
  // Every other row stays blank (Validated).
  expect(host.records("PerfActuals").filter((r) => r.Quality === "Provisional")).toHaveLength(1);

  await user.click(screen.getByRole("tab", { name: "Review" }));
  const card = await screen.findByRole("listitem", { name: /^CC-ACCESS · City: confidence/ });
  expect(within(card).getByText("Provisional: not final")).toBeTruthy();

  // Back to Validated: the cell is cleared, not written as the word.
  await user.click(screen.getByRole("tab", { name: "Quarterly update" }));
  await user.selectOptions(
    await screen.findByRole("combobox", { name: "Quality of CC-ACCESS · City, 2015-16 Q2" }),
    "Validated",
  );
  await user.click(screen.getByRole("button", { name: "Save quality (1 change)" }));
  await screen.findByText("1 figure marked in PerfActuals. Refresh the report to show it.");
  const again = host
    .records("PerfActuals")
    .find((r) => r.IndicatorId === "CC-ACCESS" && r.Period === "2015-16 Q2");
  expect(again?.Quality ?? null).toBeNull();
});
