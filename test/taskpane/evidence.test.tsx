/**
 * Review: each row's confidence interval, small-base flag, data quality (a roll-up naming its
 * unit) and comparators (gap, Better / Similar / Worse, quartile among peers), from the report.
 */
import { screen, within } from "@testing-library/react";
import { sampleWorkbook } from "../../src/contract";
import type { RawCell, RawWorkbook } from "../../src/contract";
import { renderPane } from "./render";

/** The sample with England and five named peers for CC-ACCESS, and one provisional figure. */
function bookWithEvidence(): RawWorkbook {
  const book = sampleWorkbook();
  const tables = book.tables.map((t) => {
    if (t.name !== "PerfActuals") return t;
    return {
      ...t,
      headers: [...t.headers, "Quality"],
      rows: t.rows.map((r) => [
        ...r,
        r[0] === "CC-REACH" && r[1] === "East Cluster" && r[2] === "2015-16 Q2" ? "Provisional" : null,
      ]),
    };
  });
  const comparators = {
    name: "PerfComparators",
    headers: ["IndicatorId", "Period", "Comparator", "Kind", "Value", "Numerator", "Denominator", "Source"],
    rows: [
      ["CC-ACCESS", "2015-16", "England", "National", 0.62, null, null, "DfE"],
      ["CC-ACCESS", "2015-16", "Derby", "Peer", 0.55, null, null, "DfE"],
      ["CC-ACCESS", "2015-16", "Leicester", "Peer", 0.6, null, null, "DfE"],
      ["CC-ACCESS", "2015-16", "Coventry", "Peer", 0.64, null, null, "DfE"],
      ["CC-ACCESS", "2015-16", "Sandwell", "Peer", 0.57, null, null, "DfE"],
      ["CC-ACCESS", "2015-16", "Wolverhampton", "Peer", 0.66, null, null, "DfE"],
    ],
  };
  return { tables: [...tables, comparators] };
}

test("shows CC-ACCESS against England and its peers: Worse, the gap, and its quartile", async () => {
  await renderPane({ flow: "review", book: bookWithEvidence() });
  const list = screen.getByRole("list", { name: "Comparators of CC-ACCESS · City" });
  const items = within(list)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  // 58.3% (6,452 of 11,066; interval 57.4%–59.2%) against England's 62.0%: 3.7 points worse.
  expect(items[0]).toBe("England 62.0%: Worse, 3.7 points worse");
  expect(items.some((t) => /^Peer group .*quartile 3 of 4 \(1 is best\)$/.test(t ?? ""))).toBe(true);
  const card = screen.getByRole("listitem", { name: /^CC-ACCESS · City: confidence/ });
  expect(within(card).getByText("57.4% to 59.2%")).toBeTruthy();
});

// East Cluster is provisional, and so is the City roll-up of the clusters.
test("flags a provisional figure as not final, and the roll-up names the unit it comes from", async () => {
  await renderPane({ flow: "review", book: bookWithEvidence() });
  expect(screen.getByText("2 figures not validated: rated as usual, but not final.")).toBeTruthy();
  const east = screen.getByRole("listitem", { name: /^CC-REACH · East Cluster: confidence/ });
  expect(within(east).getByText("Provisional: not final")).toBeTruthy();
  const city = screen.getByRole("listitem", { name: /^CC-REACH · City: confidence/ });
  expect(within(city).getByText("Provisional (from East Cluster): not final")).toBeTruthy();
});

test("says a small base beside the interval", async () => {
  await renderPane({ flow: "review" });
  // QA-AUDIT: 52 of 86 case files is above 30; the sample has no small base, so none is flagged.
  expect(screen.queryByText("small base")).toBeNull();
  const book = sampleWorkbook();
  const small: RawWorkbook = {
    tables: book.tables.map((t) =>
      t.name !== "PerfActuals"
        ? t
        : {
            ...t,
            rows: t.rows.map((r): RawCell[] =>
              r[0] === "QA-AUDIT" && r[2] === "2015-16 Q2"
                ? [r[0], r[1] ?? null, r[2], null, 12, 20, r[6] ?? null, r[7] ?? null]
                : [...r],
            ),
          },
    ),
  };
  document.body.innerHTML = "";
  await renderPane({ flow: "review", book: small });
  const card = screen.getByRole("listitem", { name: /^QA-AUDIT · City: confidence/ });
  expect(within(card).getByText("small base")).toBeTruthy();
});
