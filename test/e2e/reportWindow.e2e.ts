/**
 * The committee report window (dist/report.html, the Office dialog the pane opens where Excel
 * ignores downloads, e.g. Excel for Mac) in Chromium, with a stand-in Office.js that passes
 * messages as the dialog API does: the page says it is ready, receives the report in chunks
 * (messageChild), shows it with Print and Save, and tells the pane it arrived. No console errors,
 * axe clean; a screenshot in test-output/e2e/report-window/.
 *
 *   npm run test:e2e            (builds dist/ first)
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { parsePeriod, buildReport } from "../../src/engine";
import { readRegister, sampleWorkbook } from "../../src/contract";
import { committeeReport } from "../../src/taskpane/exportReport";
import { axeViolations, describeViolations } from "./axe";
import { openBrowser, type Browser } from "./browser";
import { serve, type StaticServer } from "./server";

const ROOT = resolve(__dirname, "../..");
const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, "dist"));
const OUT = join(ROOT, "test-output", "e2e", "report-window");

let server: StaticServer;
let browser: Browser;

/** A stand-in Office.js for a dialog: messageParent is recorded, the parent's messages delivered by hand. */
const OFFICE_STUB = `
window.__toPane = [];
window.Office = {
  onReady(cb) { if (cb) cb({ host: "Excel", platform: "Mac" }); return Promise.resolve({}); },
  EventType: { DialogParentMessageReceived: "dialogParentMessageReceived" },
  context: {
    platform: "Mac",
    ui: {
      messageParent(m) { window.__toPane.push(JSON.parse(m)); },
      addHandlerAsync(type, handler, cb) { window.__fromPane = handler; if (cb) cb({ status: "succeeded" }); },
    },
  },
};`;

before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  server = await serve(DIST);
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the report window shows the report the pane sends, with Print and Save", async () => {
  const { page } = browser;
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB }),
  );
  const read = readRegister(sampleWorkbook());
  const q = parsePeriod("2015-16 Q2");
  assert.ok(read.register && q.ok);
  const html = committeeReport(
    buildReport(read.register, q.value, { trend: true }),
    read.errors,
    "Sample.xlsx",
    new Date(),
  );
  await page.goto(`${server.url}/report.html`);
  await page.waitForFunction(() => (window as unknown as { __toPane: unknown[] }).__toPane.length > 0);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { __toPane: unknown[] }).__toPane), [
    { type: "ready" },
  ]);
  const size = 16_000;
  const chunks = Array.from({ length: Math.ceil(html.length / size) }, (_, i) =>
    html.slice(i * size, (i + 1) * size),
  );
  await page.evaluate(
    ([parts, name]) => {
      const w = window as unknown as { __fromPane: (arg: { message: string }) => void };
      parts.forEach((text, index) =>
        w.__fromPane({ message: JSON.stringify({ type: "report", name, index, count: parts.length, text }) }),
      );
    },
    [chunks, "PerfCycle report 2015-16 Q2.html"] as const,
  );
  await page.getByText("The report is ready: print it, or save it as a file.").waitFor();
  assert.equal(await page.title(), "PerfCycle report 2015-16 Q2");
  const frame = page.frameLocator("#report");
  await frame
    .getByText(/Performance report: 2015-16 Q2/)
    .first()
    .waitFor();
  assert.equal(await page.getByRole("button", { name: "Print" }).isEnabled(), true);
  assert.equal(await page.getByRole("button", { name: "Save HTML file" }).isEnabled(), true);
  const told = await page.evaluate(() => (window as unknown as { __toPane: unknown[] }).__toPane);
  assert.deepEqual(told[1], { type: "received", chars: html.length });
  await page.screenshot({ path: join(OUT, "report-window.png") });
  const vs = await axeViolations(page);
  assert.equal(vs.length, 0, describeViolations(vs));
  assert.deepEqual(browser.errors, []);
});
