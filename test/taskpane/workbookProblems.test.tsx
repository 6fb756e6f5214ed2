/** The pane decides on the contract's fatal code: no PerfTargets table is a workbook to set up, not a fault. */
import { screen } from "@testing-library/react";
import { readRegister } from "../../src/contract";
import { book } from "../contract/helpers";
import { renderPane } from "./render";

const BANNER = "This workbook cannot be used as it is";

test("a workbook with no PerfTargets table (TARGETS_TABLE_MISSING) shows no fault banner", async () => {
  const { host } = await renderPane({ book: "empty" });
  expect(readRegister(await host.read()).fatal?.code).toBe("TARGETS_TABLE_MISSING");
  expect(screen.queryByText(BANNER)).toBeNull();
});

test("a workbook from a newer PerfCycle (SCHEMA_NEWER) shows the banner with the reader's message", async () => {
  const newer = book({ settings: [["SchemaVersion", 99]] });
  const fatal = readRegister(newer).fatal;
  expect(fatal?.code).toBe("SCHEMA_NEWER");
  await renderPane({ book: newer });
  expect(screen.getByText(BANNER)).toBeTruthy();
  expect(screen.getByText(fatal?.message ?? "?", { exact: false })).toBeTruthy();
});
