/** The Review flow says how the committee report reaches the user on this host, and uses that way. */
import { screen } from "@testing-library/react";
import { chooseReportDelivery, createReportExporter } from "../../src/taskpane/exportReport";
import { renderPane } from "./render";

const now = () => new Date(Date.UTC(2015, 9, 14, 9, 30));

test("on Excel for Mac the pane says the report opens in a window, and opens it there", async () => {
  const opened: { html: string; name: string }[] = [];
  const download = jest.fn();
  const exportReport = createReportExporter(chooseReportDelivery({ platform: "Mac", dialogApi: "1.2" }), {
    download,
    openDialog: async (html, name) => {
      opened.push({ html, name });
    },
  });
  const { user } = await renderPane({
    flow: "review",
    services: { download, exportReport, now, workbookName: "S.xlsx" },
  });
  expect(
    screen.getByText(/^Excel for Mac does not save downloads from add-ins, so the report opens in a window/),
  ).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Open committee report" }));
  await screen.findByText("Committee report exported");
  expect(opened).toHaveLength(1);
  expect(opened[0]?.name).toBe("PerfCycle report 2015-16 Q2.html");
  expect(opened[0]?.html.startsWith("<!DOCTYPE html>")).toBe(true);
  expect(download).not.toHaveBeenCalled();
});

test("where neither works, the pane points to the report sheet and offers no button that does nothing", async () => {
  const exportReport = createReportExporter(chooseReportDelivery({ platform: "Mac", dialogApi: "none" }), {});
  await renderPane({ flow: "review", services: { exportReport, now } });
  expect(screen.getByText(/Print the quarter's report sheet from Excel instead/)).toBeTruthy();
  expect(screen.queryByRole("button", { name: /committee report/ })).toBeNull();
});

test("in the browser preview the pane says the report downloads", async () => {
  await renderPane({ flow: "review" });
  expect(screen.getByText("The report downloads as one HTML file.")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Export committee report" })).toBeTruthy();
});
