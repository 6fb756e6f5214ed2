/**
 * The first day of a new user, end to end in the browser preview (Debian's Chromium), across
 * reloads: the dev server's root URL leads to the preview; every setting is changed, saved, found
 * kept after a reload and used; a target is added; a quarter is imported from a range selected as
 * whole columns; Q2 is rated and a formula made to point at its report; Q3 is rated, then Q2
 * re-rated, and the formula still points at the Q2 report; an agreed target is edited (an audit
 * row); the committee report is exported; Set up → "Check this Excel" runs against the in-memory
 * Excel. No console errors; axe-core finds no violations; screenshots in test-output/e2e/newcomer/.
 *
 * Steps that rely on the workbook layer's and the in-memory Excel's fixes of issue 9 (branch
 * excel9): the reporting period kept without an apostrophe after a reload (defect 1), reading a
 * whole-column selection (defect 3), the formula still valid after a re-rate (defect 5), and
 * every check passing in the preview.
 *
 *   npm run test:e2e            (builds dist/ first)
 *   E2E_DIST=/tmp/dist node --import tsx --test test/e2e/newcomer.e2e.ts
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test, type TestContext } from "node:test";
import type { Locator, Page } from "playwright-core";
import { axeViolations, describeViolations } from "./axe";
import { openBrowser, type Browser } from "./browser";
import { serve, type StaticServer } from "./server";

const ROOT = resolve(__dirname, "../..");
const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, "dist"));
const OUT = join(ROOT, "test-output", "e2e", "newcomer");

let server: StaticServer;
let browser: Browser;
let page: Page;

const pane = (): Locator => page.getByRole("complementary", { name: "PerfCycle task pane" });
const flowTab = (name: string): Locator => pane().getByRole("tab", { name, exact: true });
const sheetTab = (name: string): Locator =>
  page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
const cell = (address: string): Locator => page.locator(`[role="grid"] td[data-address="${address}"]`);
const notice = (title: string | RegExp): Locator => pane().getByText(title);
const settingsForm = (): Locator => pane().getByRole("form", { name: "Settings" });

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

async function idle(): Promise<void> {
  await page.waitForFunction(() => document.querySelector("[data-busy]") === null);
}

async function noAxeViolations(where: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const vs = await axeViolations(page);
  assert.equal(vs.length, 0, `axe found violations in ${where}:\n${describeViolations(vs)}`);
}

async function openFlow(name: string): Promise<void> {
  await flowTab(name).click();
  await pane().getByRole("tabpanel").waitFor();
}

async function reload(): Promise<void> {
  // The preview saves the workbook to local storage a moment (250 ms) after the last change.
  await page.waitForTimeout(800);
  await page.reload();
  await flowTab("Quarterly update").waitFor({ timeout: 30_000 });
  await idle();
}

/** Row (1-based) of the grid's active sheet whose column holds `text`. */
async function rowOf(text: string, column = "A", from = 1, to = 200): Promise<number> {
  for (let r = from; r <= to; r++) {
    if ((await cell(`${column}${r}`).count()) === 0) break;
    if ((await cell(`${column}${r}`).textContent()) === text) return r;
  }
  throw new Error(`${text} not found in column ${column}`);
}

async function focused(address: string): Promise<void> {
  await page.waitForFunction((a) => document.activeElement?.getAttribute("data-address") === a, address);
}

async function pasteIntoGrid(text: string): Promise<void> {
  await page.evaluate((tsv) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", tsv);
    const target = document.activeElement ?? document.querySelector('[role="grid"]');
    target?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, text);
}

async function typeInto(address: string, text: string): Promise<void> {
  await cell(address).click();
  await focused(address);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function chooseQuarter(quarter: string): Promise<void> {
  const select = pane().getByRole("combobox", { name: "Quarter" });
  const options = await select.locator("option").allTextContents();
  const label = options.find((o) => o === quarter || o.startsWith(`${quarter} `));
  assert.ok(label, `quarter ${quarter} is offered (${options.join(", ")})`);
  await select.selectOption({ label });
}

async function step(t: TestContext, name: string, fn: () => Promise<void>): Promise<void> {
  await t.test(name, async () => {
    try {
      await fn();
    } catch (e) {
      await page
        .screenshot({ path: join(OUT, `FAILED ${name.replace(/[^A-Za-z0-9 -]+/g, "")}.png`) })
        .catch(() => undefined);
      throw e;
    }
  });
}

/** The settings form's values as shown. */
async function shownSettings(): Promise<Record<string, string>> {
  const form = settingsForm();
  return {
    start: await form.getByRole("combobox", { name: "Fiscal year starts in" }).inputValue(),
    period: await form.getByRole("textbox", { name: /Reporting period/ }).inputValue(),
    scheme: (await form.getByRole("radio", { name: /^BRAG/ }).isChecked()) ? "BRAG" : "RAG",
    rule: await form.getByRole("combobox", { name: "RAG rule" }).inputValue(),
    tolerance: await form.getByRole("textbox", { name: "Default tolerance (%)" }).inputValue(),
  };
}

async function saveSettings(s: {
  start: string;
  period: string;
  scheme: string;
  rule: string;
  tolerance: string;
}) {
  const form = settingsForm();
  await form.getByRole("combobox", { name: "Fiscal year starts in" }).selectOption(s.start);
  await form.getByRole("textbox", { name: /Reporting period/ }).fill(s.period);
  await form.getByRole("radio", { name: s.scheme === "BRAG" ? /^BRAG/ : /^RAG/ }).check();
  await form.getByRole("combobox", { name: "RAG rule" }).selectOption(s.rule);
  await form.getByRole("textbox", { name: "Default tolerance (%)" }).fill(s.tolerance);
  await pane().getByRole("button", { name: "Save settings" }).click();
  await notice("Settings saved").waitFor();
  await idle();
}

before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  server = await serve(DIST);
  browser = await openBrowser({ downloads: OUT });
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the first day of a new user", async (t) => {
  await step(t, "the preview opens on the sample, fresh", async () => {
    await page.goto(`${server.url}/preview.html`);
    await page.evaluate(() => localStorage.clear());
    await reload();
    await sheetTab("Targets").waitFor();
    await shot("01-first-open");
    await noAxeViolations("the first view");
  });

  const first = { start: "7", period: "2015-16 Q3", scheme: "BRAG", rule: "ToleranceBand", tolerance: "10" };
  await step(t, "every setting is changed and saved, and kept after a reload", async () => {
    await openFlow("Set up");
    await pane().getByRole("textbox", { name: "Your name, as the audit log records it" }).fill("New Officer");
    await pane().getByRole("button", { name: "Save name" }).click();
    await notice("Name saved").waitFor();
    await saveSettings(first);
    await shot("02-settings-saved");
    await reload();
    await openFlow("Set up");
    const shown = await shownSettings();
    assert.deepEqual({ ...shown, period: first.period }, first, "the settings are kept across a reload");
    await pane()
      .getByRole("textbox", { name: "Your name, as the audit log records it" })
      .and(page.locator('[value="New Officer"]'))
      .waitFor();
  });

  await step(t, "the reporting period is kept as typed and used (excel9, defect 1)", async () => {
    await openFlow("Set up");
    assert.equal((await shownSettings()).period, first.period);
    // The Settings sheet holds 2015-16 Q3, no apostrophe.
    await sheetTab("Settings").click();
    const row = await rowOf("ReportingPeriod");
    assert.equal(await cell(`B${row}`).textContent(), "2015-16 Q3");
    // Used: Review works on the reporting period and reads it as a quarter.
    await openFlow("Review");
    assert.equal(await pane().getByRole("combobox", { name: "Quarter" }).inputValue(), "2015-16 Q3");
    assert.equal(
      await pane()
        .getByText(/is not a quarter/)
        .count(),
      0,
      "the reporting period reads as a quarter",
    );
    await noAxeViolations("Review after the settings changed");
  });

  await step(t, "the settings are changed again and kept again", async () => {
    // Back to April, RAG and the Milestone rule (the sample's data are for an April year); the
    // period and the tolerance stay changed.
    await openFlow("Set up");
    const second = { start: "4", period: "2015-16 Q3", scheme: "RAG", rule: "Milestone", tolerance: "10" };
    await saveSettings(second);
    await reload();
    await openFlow("Set up");
    const shown = await shownSettings();
    assert.deepEqual({ ...shown, period: second.period }, second);
    await noAxeViolations("Set up");
  });

  await step(t, "a target is added", async () => {
    await openFlow("Targets");
    await pane().getByRole("button", { name: "Add target" }).click();
    const form = pane().getByRole("form", { name: "Add a target" });
    await form.getByRole("textbox", { name: /Indicator ID/ }).fill("EH-FIRST");
    await form.getByRole("textbox", { name: /Indicator name/ }).fill("Families helped in their first week");
    await form.getByRole("textbox", { name: /^Unit \(centre/ }).fill("City");
    await form.getByRole("textbox", { name: /Outcome/ }).fill("Families get the right help early");
    await form.getByRole("textbox", { name: /Unit of measure/ }).fill("families");
    await form.getByRole("textbox", { name: /Baseline period/ }).fill("2014-15");
    await form.getByRole("textbox", { name: /^Baseline$/ }).fill("200");
    await form.getByRole("textbox", { name: /Target year/ }).fill("2015-16");
    await form.getByRole("textbox", { name: /^Target$/ }).fill("240");
    await form.getByRole("textbox", { name: /^Owner/ }).fill("Head of Early Help");
    await form.getByRole("textbox", { name: /Data source/ }).fill("Early help module");
    await form.getByRole("heading", { name: "No problems found" }).waitFor();
    await noAxeViolations("the target form");
    await form.getByRole("button", { name: "Add target" }).click();
    await notice("Target EH-FIRST (City) saved").waitFor();
    await idle();
  });

  await step(t, "a quarter is imported from whole columns selected in the grid", async () => {
    await page.getByRole("button", { name: "New sheet" }).click();
    await cell("A1").click();
    await focused("A1");
    await pasteIntoGrid(
      [
        "Code\tIndicator\tUnit\t2015-16 Q2\t2015-16 Q3",
        "EH-FIRST\tFamilies helped in their first week\tCity\t110\t70",
        "CS-REREF\tRe-referrals\tCity\t12.1%\tawaiting data",
      ].join("\n"),
    );
    // Select columns A to E by their headers, as one does in Excel (defect 3, excel9).
    await page.getByRole("button", { name: "Select column A" }).click();
    await page.getByRole("button", { name: "Select column E" }).click({ modifiers: ["Shift"] });
    await openFlow("Quarterly update");
    await chooseQuarter("2015-16 Q2");
    await pane().getByRole("button", { name: "Read selected range" }).click();
    await pane()
      .getByText(/: 3 figures for 2015-16 Q2, 2015-16 Q3; 0 errors, 1 warning\.$/)
      .waitFor();
    await shot("03-import-whole-columns");
    await noAxeViolations("Quarterly update (import)");
    await pane().getByRole("button", { name: "Import 3 figures" }).click();
    await notice("Wide table imported").waitFor();
    await idle();
  });

  await step(t, "Q2 is rated and a formula points at its report", async () => {
    await openFlow("Quarterly update");
    await chooseQuarter("2015-16 Q2");
    await pane().getByRole("button", { name: "Refresh report" }).click();
    await notice("Report for 2015-16 Q2 written").waitFor();
    await idle();
    await sheetTab("PerfReport 2015-16 Q2").click();
    const title = (await cell("A1").textContent()) ?? "";
    assert.match(title, /2015-16 Q2/);
    await page.getByRole("button", { name: "New sheet" }).click();
    await typeInto("A1", "='PerfReport 2015-16 Q2'!A1");
    assert.equal(await cell("A1").textContent(), title);
  });

  await step(t, "Q3 is rated, then Q2 re-rated: the formula still points at the Q2 report", async () => {
    const formulaSheet = await page
      .getByRole("tablist", { name: "Sheets" })
      .getByRole("tab", { selected: true })
      .textContent();
    await chooseQuarter("2015-16 Q3");
    await pane().getByRole("button", { name: "Refresh report" }).click();
    await notice("Report for 2015-16 Q3 written").waitFor();
    await idle();
    await sheetTab("PerfReport 2015-16 Q3").waitFor();
    await chooseQuarter("2015-16 Q2");
    await pane().getByRole("button", { name: "Refresh report" }).click();
    await notice("The frozen report for 2015-16 Q2 was kept").waitFor();
    await idle();
    await pane().getByRole("button", { name: "Re-rate this quarter…" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Re-rate 2015-16 Q2?" });
    await dialog.getByRole("button", { name: "Re-rate" }).click();
    await notice("2015-16 Q2 re-rated").waitFor();
    await idle();
    await sheetTab("PerfReport 2015-16 Q2").click();
    const title = (await cell("A1").textContent()) ?? "";
    await sheetTab((formulaSheet ?? "").trim()).click();
    // Rebuilt in place, the report keeps every formula that points at it (defect 5, excel9).
    assert.equal(await cell("A1").textContent(), title);
    assert.notEqual(await cell("A1").textContent(), "#REF!");
    await cell("A1").click();
    assert.equal(
      await page.getByRole("textbox", { name: /^Contents of / }).inputValue(),
      "='PerfReport 2015-16 Q2'!A1",
    );
    await shot("04-formula-after-re-rate");
  });

  await step(t, "an agreed target is edited with a reason: the audit log has the row", async () => {
    await openFlow("Targets");
    await pane().getByRole("button", { name: "Edit CS-ESC (City)" }).click();
    const form = pane().getByRole("form", { name: "Edit CS-ESC (City)" });
    await form.getByRole("textbox", { name: /^Target$/ }).fill("8.5");
    await form.getByRole("button", { name: "Save changes" }).click();
    const dialog = page.getByRole("dialog", { name: "Why change Target CS-ESC (City)?" });
    await dialog
      .getByRole("textbox", { name: /Reason for the change/ })
      .fill("Stretch target agreed by the board");
    await dialog.getByRole("button", { name: "Save with this reason" }).click();
    await notice("Target CS-ESC (City) saved").waitFor();
    await idle();
    await openFlow("Review");
    const audit = pane().getByRole("list", { name: "Audit log of changes to agreed targets, newest first" });
    const entry = (await audit.getByRole("listitem").first().textContent()) ?? "";
    assert.match(entry, /New Officer/);
    assert.match(entry, /CS-ESC \(City\) Target: 0\.09 → 0\.085/);
    assert.match(entry, /Reason: Stretch target agreed by the board/);
    await audit.screenshot({ path: join(OUT, "05-review-audit.png") });
    await noAxeViolations("Review");
  });

  await step(t, "the committee report is exported, and the pane says how", async () => {
    await chooseQuarter("2015-16 Q2");
    await pane().getByText("The report downloads as one HTML file.").waitFor();
    const download = page.waitForEvent("download");
    await pane().getByRole("button", { name: "Export committee report" }).click();
    const d = await download;
    assert.equal(d.suggestedFilename(), "PerfCycle report 2015-16 Q2.html");
    const file = join(OUT, "committee-report.html");
    await d.saveAs(file);
    const html = readFileSync(file, "utf8");
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /EH-FIRST/);
  });

  await step(t, "Set up → Check this Excel passes against the in-memory Excel", async () => {
    await openFlow("Set up");
    await pane().getByRole("button", { name: "Check this Excel" }).click();
    await idle();
    const status = pane().getByText(
      /^Not Excel \(the in-memory Excel of the browser preview\): \d+ passed, \d+ failed\.$/,
    );
    await status.waitFor({ timeout: 60_000 });
    await pane()
      .locator('section[aria-labelledby="setup-check"]')
      .screenshot({ path: join(OUT, "06-check-this-excel.png") });
    await noAxeViolations("Set up with the check's result");
    assert.equal(
      await status.textContent(),
      "Not Excel (the in-memory Excel of the browser preview): 11 passed, 0 failed.",
    );
  });

  await step(t, "after a last reload everything is where it was", async () => {
    await reload();
    await sheetTab("Targets").click();
    assert.ok((await rowOf("EH-FIRST")) > 1);
    await openFlow("Set up");
    assert.equal((await shownSettings()).period, "2015-16 Q3");
    await shot("07-after-reload");
  });

  await step(t, "no console errors", async () => {
    assert.deepEqual(browser.errors, []);
  });
});
