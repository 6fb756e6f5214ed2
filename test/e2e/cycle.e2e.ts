/**
 * The whole quarterly cycle in the browser preview, in Debian's Chromium (playwright-core): set
 * up, add a target, import a quarter's wide table selected in the grid, refresh, see the RAG and
 * its explanation, type commentary, refresh again (the frozen report is kept), re-rate to find
 * the commentary on the report, change an agreed target and find the audit row, export the
 * committee report; PERF functions in cells; the workbook kept across a reload and reset to the
 * sample. No console errors; axe finds no violations. Screenshots go to test-output/e2e/. Run:
 * `npm run test:e2e` (builds dist/ first) or `E2E_DIST=/tmp/dist node --import tsx --test FILE`. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { formatValue, milestone, rate } from "../../src/engine";
import { RAG_COLOURS } from "../../src/present";
import {
  cell,
  columnsOf,
  flowTab,
  focused,
  idle,
  noAxeViolations,
  notice,
  OUT,
  openFlow,
  page,
  pane,
  paneShot,
  pasteIntoGrid,
  rowOf,
  sheetTab,
  shot,
  step,
  startWalk,
  endWalk,
  browser,
  server,
} from "./cycleWalk";

before(startWalk);
after(endWalk);

test("the quarterly cycle in the browser preview", async (t) => {
  await step(t, "first open loads the sample workbook, with no console errors", async () => {
    await page.goto(`${server.url}/preview.html`);
    await flowTab("Quarterly update").waitFor({ timeout: 30_000 });
    await sheetTab("Targets").waitFor();
    for (const name of ["Settings", "Targets", "Actuals", "Units", "Audit", "Published", "PERF functions"]) {
      assert.equal(await sheetTab(name).count(), 1, `sheet ${name}`);
    }
    await shot("01-first-open");
    await noAxeViolations("the first view (Quarterly update)");
  });

  await step(t, "the flows are a tab list the keyboard moves through", async () => {
    await flowTab("Quarterly update").focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    assert.match(focused, /^Set up/);
    await page.keyboard.press("Enter");
    assert.equal(await flowTab("Set up").getAttribute("aria-selected"), "true");
  });

  await step(t, "set up: the tables are adopted and the settings saved", async () => {
    await openFlow("Set up");
    await pane().getByRole("textbox", { name: "Your name, as the audit log records it" }).fill("E2E Officer");
    await pane().getByRole("button", { name: "Save name" }).click();
    await notice("Name saved").waitFor();
    await pane().getByRole("button", { name: "Save settings" }).click();
    await notice("Settings saved").waitFor();
    await pane()
      .getByText(/Adopted PerfSettings, PerfTargets, PerfActuals, PerfUnits, PerfAudit/)
      .waitFor();
    await idle();
    await paneShot("02-set-up");
    await noAxeViolations("Set up");
  });

  await step(t, "targets: add a target, its milestones shown as typed", async () => {
    await openFlow("Targets");
    await noAxeViolations("Targets (register)");
    await pane().getByRole("button", { name: "Add target" }).click();
    const form = pane().getByRole("form", { name: "Add a target" });
    await form.getByRole("textbox", { name: /Indicator ID/ }).fill("EH-TAF");
    await form.getByRole("textbox", { name: /Indicator name/ }).fill("Team around the family meetings held");
    await form.getByRole("textbox", { name: /^Unit \(centre/ }).fill("City");
    await form.getByRole("textbox", { name: /Outcome/ }).fill("Families get the right help early");
    await form.getByRole("textbox", { name: /Unit of measure/ }).fill("meetings");
    await form.getByRole("textbox", { name: /Baseline period/ }).fill("2014-15");
    await form.getByRole("textbox", { name: /^Baseline$/ }).fill("320");
    await form.getByRole("textbox", { name: /Target year/ }).fill("2015-16");
    await form.getByRole("textbox", { name: /^Target$/ }).fill("400");
    await form.getByRole("textbox", { name: /^Owner/ }).fill("Head of Early Help");
    await form.getByRole("textbox", { name: /Data source/ }).fill("Early help module");
    const milestones = form.getByRole("table", { name: "Quarterly milestones" });
    const expected = [0.25, 0.5, 0.75, 1].map((w) => {
      const m = milestone("Count", undefined, 400, w);
      return m.ok ? formatValue("Count", m.value) : "";
    });
    for (const [i, text] of expected.entries()) {
      await milestones
        .getByRole("row")
        .nth(i + 1)
        .getByRole("cell")
        .nth(2)
        .getByText(text, { exact: true })
        .waitFor();
    }
    await form.getByRole("heading", { name: "No problems found" }).waitFor();
    await paneShot("03-target-form");
    await noAxeViolations("Targets (form)");
    await form.getByRole("button", { name: "Add target" }).click();
    await notice("Target EH-TAF (City) saved").waitFor();
    await idle();
    await sheetTab("Targets").click();
    assert.ok((await rowOf("EH-TAF")) > 1, "the new target is a row of the Targets sheet");
  });

  await step(t, "quarterly update: a wide table selected in the grid is imported", async () => {
    await page.getByRole("button", { name: "New sheet" }).click();
    await cell("A1").click();
    await focused("A1");
    await pasteIntoGrid(
      [
        "Code\tIndicator\tUnit\t30/06/2015\t30/09/2015",
        "EH-TAF\tTeam around the family meetings\tCity\t70\t100",
        "CS-REREF\tRe-referrals\tCity\tawaiting data\t12.1%",
      ].join("\n"),
    );
    await cell("A1").click();
    await cell("E3").click({ modifiers: ["Shift"] });
    assert.equal(await page.getByLabel("Selected cells").textContent(), "A1:E3");
    await openFlow("Quarterly update");
    await pane().getByRole("button", { name: "Read selected range" }).click();
    await pane()
      .getByText(/^Sheet\d+!A1:E3 \(3 × 5\): 3 figures for 2015-16 Q1, 2015-16 Q2; 0 errors, 1 warning\.$/)
      .waitFor();
    await paneShot("04-import-read");
    await noAxeViolations("Quarterly update (import)");
    await pane().getByRole("button", { name: "Import 3 figures" }).click();
    await notice("Wide table imported").waitFor();
    await idle();
  });

  await step(t, "refresh: the report sheet rates the new target, with its explanation", async () => {
    await pane().getByRole("button", { name: "Refresh report" }).click();
    await notice("Report for 2015-16 Q2 written").waitFor();
    await idle();
    await sheetTab("PerfReport 2015-16 Q2").waitFor();
    await sheetTab("PerfReport 2015-16 Q2").click();
    const header = await rowOf("Indicator ID");
    const cols = await columnsOf(header);
    const row = await rowOf("EH-TAF", "A", header + 1);
    const rag = cell(`${cols.get("RAG")}${row}`);
    // 70 + 100 = 170 year to date against a Q2 milestone of 200: 30 short, beyond 5% (10): Red.
    assert.equal(await rag.textContent(), "Red");
    const fill = await rag.evaluate((el) => getComputedStyle(el).backgroundColor);
    const hex = RAG_COLOURS.Red.fill;
    const rgb = `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
    assert.equal(fill, rgb, "the RAG cell has the Red fill");
    const explanation = (await cell(`${cols.get("Explanation")}${row}`).textContent()) ?? "";
    assert.match(explanation, /^Red: 170 .*milestone of 200/);
    await rag.click();
    await shot("05-report-sheet");
    await noAxeViolations("the report sheet in the grid");
  });

  await t.test(
    "commentary: the Red row asks for it; it is kept by a refresh and shows once re-rated",
    async () => {
      const card = pane().getByRole("article", { name: "EH-TAF · City" });
      await card.getByText(/^Red: 170 /).waitFor();
      await card.getByRole("textbox", { name: "Commentary" }).fill("Two family workers on long-term leave");
      await card.getByRole("textbox", { name: "Action" }).fill("Agency cover agreed from November");
      await card.getByRole("button", { name: "Save commentary for EH-TAF (City)" }).click();
      await notice("Commentary saved for EH-TAF (City)").waitFor();
      await idle();
      await paneShot("06-commentary");
      await pane().getByRole("button", { name: "Refresh report" }).click();
      await notice("The frozen report for 2015-16 Q2 was kept").waitFor();
      await idle();
      await pane().getByRole("button", { name: "Re-rate this quarter…" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Re-rate 2015-16 Q2?" });
      await dialog.waitFor();
      await noAxeViolations("the re-rate confirmation");
      await dialog.getByRole("button", { name: "Re-rate" }).click();
      await notice("2015-16 Q2 re-rated").waitFor();
      await idle();
      await sheetTab("PerfReport 2015-16 Q2").click();
      const header = await rowOf("Indicator ID");
      const cols = await columnsOf(header);
      const row = await rowOf("EH-TAF", "A", header + 1);
      assert.equal(
        await cell(`${cols.get("Commentary")}${row}`).textContent(),
        "Two family workers on long-term leave",
      );
      assert.equal(
        await cell(`${cols.get("Action")}${row}`).textContent(),
        "Agency cover agreed from November",
      );
      // A third refresh keeps it again: the commentary is still there.
      await pane().getByRole("button", { name: "Refresh report" }).click();
      await notice("The frozen report for 2015-16 Q2 was kept").waitFor();
      await idle();
      assert.equal(
        await cell(`${cols.get("Commentary")}${row}`).textContent(),
        "Two family workers on long-term leave",
      );
      await sheetTab("Actuals").click();
      const actualsCols = await columnsOf(1);
      let found = false;
      for (let r = 2; r < 120 && !found; r++) {
        if (
          (await cell(`A${r}`).textContent()) === "EH-TAF" &&
          (await cell(`C${r}`).textContent()) === "2015-16 Q2"
        ) {
          assert.equal(
            await cell(`${actualsCols.get("Commentary")}${r}`).textContent(),
            "Two family workers on long-term leave",
          );
          found = true;
        }
      }
      assert.ok(found, "the commentary is in PerfActuals");
      await noAxeViolations("Quarterly update (commentary)");
    },
  );

  await step(t, "changing an agreed target asks for a reason; the audit log has the row", async () => {
    await openFlow("Targets");
    await pane().getByRole("button", { name: "Edit CS-ESC (City)" }).click();
    const form = pane().getByRole("form", { name: "Edit CS-ESC (City)" });
    await form.getByRole("textbox", { name: /^Target$/ }).fill("8.5");
    await form.getByRole("button", { name: "Save changes" }).click();
    const dialog = page.getByRole("dialog", { name: "Why change Target CS-ESC (City)?" });
    await dialog.waitFor();
    await noAxeViolations("the reason dialog");
    await dialog
      .getByRole("textbox", { name: /Reason for the change/ })
      .fill("Board agreed a stretch target on 12/10/2015");
    await dialog.getByRole("button", { name: "Save with this reason" }).click();
    await notice("Target CS-ESC (City) saved").waitFor();
    await pane().getByText("1 change recorded in the audit log.").waitFor();
    await idle();
    // Approving an agreed target is a change to it too: a reason, and an audit row.
    await pane().getByRole("button", { name: "Approve CC-REACH (East Cluster)" }).click();
    const approve = page.getByRole("dialog", { name: "Why change CC-REACH (East Cluster) Approved?" });
    await approve
      .getByRole("textbox", { name: /Reason for the change/ })
      .fill("Approved by the board on 14/10/2015");
    await approve.getByRole("button", { name: "Save with this reason" }).click();
    await notice("CC-REACH (East Cluster) Approved saved").waitFor();
    await idle();
    await openFlow("Review");
    const audit = pane().getByRole("list", { name: "Audit log of changes to agreed targets, newest first" });
    const approval = (await audit.getByRole("listitem").first().textContent()) ?? "";
    assert.match(approval, /CC-REACH \(East Cluster\) Status: Agreed → Approved/);
    const entry = (await audit.getByRole("listitem").nth(1).textContent()) ?? "";
    assert.match(entry, /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} · E2E Officer/, "an en-GB date and time, and who");
    assert.match(entry, /CS-ESC \(City\) Target: 0\.09 → 0\.085/);
    assert.match(entry, /Reason: Board agreed a stretch target on 12\/10\/2015/);
    await sheetTab("Audit").click();
    assert.equal(await cell("C2").textContent(), "CS-ESC");
    assert.equal(await cell("C3").textContent(), "CC-REACH");
  });

  await step(t, "review: summary, exceptions and trend charts; the published-figure check", async () => {
    const list = pane().getByRole("list", { name: "Exceptions" });
    await list.getByText(/^Red: 170 /).waitFor();
    await pane().getByRole("button", { name: "EH-TAF · City: Red" }).click();
    const chart = pane().getByRole("img", { name: /^Trend of EH-TAF/ });
    await chart.waitFor();
    await sheetTab("Published").click();
    await cell("A3").click();
    await cell("D8").click({ modifiers: ["Shift"] });
    await pane().getByRole("button", { name: "Check selected range" }).click();
    const findings = pane().getByRole("list", { name: "Published-figure findings" });
    await findings.getByText(/Published!D5 "13\.2%"/).waitFor();
    // Every sheet, from another sheet: the finding names its sheet and cell, and selects it.
    await sheetTab("Settings").click();
    await pane().getByRole("button", { name: "Check every sheet" }).click();
    await pane()
      .getByText(/^Every sheet \(\d+ sheets/)
      .waitFor();
    await findings.getByText(/Published!D5 "13\.2%"/).waitFor();
    await findings.getByRole("button", { name: "Select cell: Published!D5" }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-address="D5"]')?.getAttribute("aria-selected") === "true",
    );
    assert.equal(await sheetTab("Published").getAttribute("aria-selected"), "true");
    await paneShot("07-review");
    await noAxeViolations("Review");
  });

  await step(t, "export: the committee report is the CLI's HTML report", async () => {
    const download = page.waitForEvent("download");
    await pane().getByRole("button", { name: "Export committee report" }).click();
    const d = await download;
    assert.equal(d.suggestedFilename(), "PerfCycle report 2015-16 Q2.html");
    const file = join(OUT, "committee-report.html");
    await d.saveAs(file);
    const html = readFileSync(file, "utf8");
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Performance report: 2015-16 Q2/);
    assert.match(html, /EH-TAF/);
    assert.match(html, /Two family workers on long-term leave/);
    const view = await browser.context.newPage();
    await view.goto(`file://${file}`);
    await view.screenshot({ path: join(OUT, "08-committee-report.png"), fullPage: true });
    await view.close();
  });

  await step(t, "PERF functions are evaluated in cells", async () => {
    await sheetTab("PERF functions").click();
    await cell("C4").waitFor();
    assert.equal(await cell("C4").textContent(), "2015-16 Q1");
    await cell("E4").click();
    await focused("E4");
    await page.keyboard.type("=PERF.RATE(44, 331)");
    await page.keyboard.press("Enter");
    const r = rate(44, 331);
    assert.equal(Number(await cell("E4").textContent()), Number((r.ok ? r.value : NaN).toPrecision(11)));
    await cell("E5").click();
    await focused("E5");
    await page.keyboard.type('=PERF.RAG(296, 290, "Hihger")');
    await page.keyboard.press("Enter");
    assert.equal(await cell("E5").textContent(), "#VALUE!");
    assert.match((await cell("E5").getAttribute("title")) ?? "", /Hihger/);
    await shot("09-perf-functions");
    await noAxeViolations("the PERF functions sheet");
  });

  await step(t, "the workbook is kept across a reload, and reset to the sample on request", async () => {
    await page.reload();
    await flowTab("Quarterly update").waitFor({ timeout: 30_000 });
    await sheetTab("PerfReport 2015-16 Q2").waitFor();
    await sheetTab("Targets").click();
    assert.ok((await rowOf("EH-TAF")) > 1, "the added target is still there");
    await page.getByRole("button", { name: "Reset to sample" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Reset to the sample workbook?" });
    await dialog.getByRole("button", { name: "Reset" }).click();
    await flowTab("Quarterly update").waitFor({ timeout: 30_000 });
    await sheetTab("Targets").waitFor();
    assert.equal(await sheetTab("PerfReport 2015-16 Q2").count(), 0);
    await sheetTab("Targets").click();
    await assert.rejects(rowOf("EH-TAF", "A", 1, 40));
    await shot("10-after-reset");
  });

  await step(
    t,
    "Office's dark and high-contrast themes: every flow readable, no axe violations",
    async () => {
      for (const theme of ["dark", "highContrast"]) {
        await page.goto(`${server.url}/preview.html?theme=${theme}`);
        await flowTab("Review").waitFor({ timeout: 30_000 });
        for (const flow of ["Set up", "Targets", "Quarterly update", "Review"]) {
          await openFlow(flow);
          await noAxeViolations(`${flow} in the ${theme} theme`);
        }
        await paneShot(`11-review-${theme}`);
      }
    },
  );

  await step(
    t,
    "the add-in's own page (shared runtime) loads its bundles with Office.js stubbed",
    async () => {
      // The CDN is not reachable here: serve a stand-in Office.js. Outside Excel the page says so;
      // "in Excel" with an Excel.run that cannot reach a workbook, the pane says it cannot read it.
      const stub = (host: string | null): string => `
      window.Office = {
        HostType: { Excel: "Excel" },
        context: { officeTheme: { bodyBackgroundColor: "#ffffff" } },
        onReady(cb) { const info = { host: ${JSON.stringify(host)}, platform: null }; if (cb) cb(info); return Promise.resolve(info); },
      };
      window.Excel = { run: () => Promise.reject(new Error("No workbook (stand-in Office.js)")) };`;
      for (const host of [null, "Excel"]) {
        await page.route("https://appsforoffice.microsoft.com/**", (route) =>
          route.fulfill({ status: 200, contentType: "text/javascript", body: stub(host) }),
        );
        await page.goto(`${server.url}/taskpane.html`);
        if (host === null) await page.getByText(/runs inside Excel/).waitFor();
        else {
          await page.getByText("The workbook could not be read").waitFor();
          await page.getByRole("button", { name: "Try again" }).click();
          await page.getByText("The workbook could not be read").waitFor();
        }
        await noAxeViolations(`taskpane.html (${host ?? "outside Excel"})`);
        await page.unroute("https://appsforoffice.microsoft.com/**");
      }
      await shot("12-taskpane-page");
    },
  );

  await step(t, "no console errors", () => {
    assert.deepEqual(browser.errors, []);
  });
});
