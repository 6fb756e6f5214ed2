/** Set up → "Check this Excel": runs the real-Excel check and shows each result under the Excel it ran on. */
import { screen, within } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/memory-excel";
import { openSession } from "../../src/preview/session";
import type { CheckRun } from "../../src/workbook/excelCheck";
import { idle, renderPane } from "./render";

test("the check runs from Set up and lists PASS or FAIL per behaviour, naming the Excel build and platform", async () => {
  const session = openSession(MemoryWorkbook.blank(), () => "Check user");
  const excelCheck = {
    run: session.excel.run as CheckRun,
    host: { application: "Excel for Mac", platform: "Mac", build: "16.92.24120731" },
  };
  const { user } = await renderPane({ flow: "setup", services: { excelCheck } });
  await user.click(screen.getByRole("button", { name: "Check this Excel" }));
  await idle();
  const status = await screen.findByText(
    /^Excel for Mac \(Mac\), build 16\.92\.24120731: \d+ passed, \d+ failed\.$/,
  );
  expect(status).toBeTruthy();
  const items = within(screen.getByRole("list", { name: "Check results" })).getAllByRole("listitem");
  expect(items).toHaveLength(11);
  expect(items[0]?.textContent).toMatch(/^PASSquote-prefix: the cell reads back "2015-16 Q3"\./);
  for (const item of items) expect(item.textContent).toMatch(/^(PASS|FAIL)[a-z-]+: /);
  expect(session.excel.book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("without a check service (a host that cannot run it) Set up shows no check", async () => {
  await renderPane({ flow: "setup" });
  expect(screen.queryByRole("button", { name: "Check this Excel" })).toBeNull();
});
