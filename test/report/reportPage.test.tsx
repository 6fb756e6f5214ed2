/**
 * report.html, the committee report window: shows the report the pane hands over, with Print
 * (the report frame's own print) and Save (a download).
 */
import { readFileSync } from "fs";
import path from "path";
import { showReport, startReportPage } from "../../src/taskpane/reportPage";
import type { OfficeLike } from "../../src/workbook/reportDialog";

const PAGE = readFileSync(path.join(__dirname, "../../src/taskpane/report.html"), "utf8");

beforeEach(() => {
  document.documentElement.innerHTML = PAGE.replace(/^<!doctype html>/i, "").replace(
    /<script[^>]*><\/script>/g,
    "",
  );
});

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

it("waits for the report with Print and Save disabled", () => {
  expect($("status").textContent).toMatch(/Waiting for the report/);
  expect($<HTMLButtonElement>("print").disabled).toBe(true);
  expect($<HTMLButtonElement>("save").disabled).toBe(true);
  expect($<HTMLIFrameElement>("report").getAttribute("sandbox")).toBe("allow-same-origin allow-modals");
});

it("shows the report handed over by the pane and tells the pane it arrived", () => {
  const toPane: string[] = [];
  let fromPane: ((arg: { message?: string }) => void) | undefined;
  const office: OfficeLike = {
    context: {
      ui: {
        displayDialogAsync: () => undefined,
        messageParent: (m) => toPane.push(m),
        addHandlerAsync: (_t, h, cb) => {
          fromPane = h;
          cb?.({ status: "succeeded" });
        },
      },
    },
  };
  const win = window as unknown as Window & { Office?: unknown };
  win.Office = { ...office, onReady: (cb: () => void) => cb() };
  try {
    startReportPage(win as Window & { Office?: { onReady?: (cb: () => void) => unknown } });
    expect(toPane).toEqual([JSON.stringify({ type: "ready" })]);
    const html = "<!DOCTYPE html><h1>Committee report 2015-16 Q2</h1>";
    for (const [index, text] of [html.slice(0, 20), html.slice(20)].entries())
      fromPane?.({
        message: JSON.stringify({
          type: "report",
          name: "PerfCycle report 2015-16 Q2.html",
          index,
          count: 2,
          text,
        }),
      });
    expect($<HTMLIFrameElement>("report").srcdoc).toBe(html);
    expect($<HTMLIFrameElement>("report").hidden).toBe(false);
    expect(document.title).toBe("PerfCycle report 2015-16 Q2");
    expect($("status").textContent).toBe("The report is ready: print it, or save it as a file.");
    expect(toPane[1]).toBe(JSON.stringify({ type: "received", chars: html.length }));
  } finally {
    delete win.Office;
  }
});

it("prints the report frame only, and saves the HTML file by its name", () => {
  const created: string[] = [];
  URL.createObjectURL = (b: Blob) => {
    created.push(b.type);
    return "blob:report";
  };
  URL.revokeObjectURL = () => undefined;
  const clicks: string[] = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicks.push(this.download);
  };
  showReport(document, { name: "PerfCycle report 2015-16 Q2.html", html: "<p>r</p>" });
  const frameWindow = $<HTMLIFrameElement>("report").contentWindow;
  const print = jest.fn();
  if (frameWindow) {
    frameWindow.print = print;
    frameWindow.focus = () => undefined;
  }
  $<HTMLButtonElement>("print").click();
  expect(print).toHaveBeenCalledTimes(1);
  $<HTMLButtonElement>("save").click();
  expect(clicks).toEqual(["PerfCycle report 2015-16 Q2.html"]);
  expect(created).toEqual(["text/html;charset=utf-8"]);
  expect($("status").textContent).toMatch(
    /If nothing is saved \(Excel for Mac\), choose Print, then Save as PDF/,
  );
});

it("says what went wrong when opened without the pane", () => {
  startReportPage(window as Window & { Office?: { onReady?: (cb: () => void) => unknown } });
  expect($("status").textContent).toMatch(/not opened by PerfCycle's task pane/);
  expect($("status").getAttribute("role")).toBe("alert");
});
