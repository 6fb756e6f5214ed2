/**
 * Setting a target against England in the browser preview, in Debian's Chromium: paste OHID's
 * breastfeeding table into the Quarterly flow's comparator import, open the draft HL-BF68 target,
 * see every suggested method, choose CloseGap to England, save, agree and approve it (with a
 * reason), refresh the report, and find England against the indicator in Review and as a line
 * on its chart in the committee report. axe-core finds no violations; no console errors.
 * Screenshots go to test-output/e2e-targets/.
 *
 *   npm run test:e2e            (builds dist/ first)
 *   E2E_DIST=dist node --import tsx --test test/e2e/targets.e2e.ts
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
const OUT = join(ROOT, "test-output", "e2e-targets");

let server: StaticServer;
let browser: Browser;
let page: Page;

const pane = (): Locator => page.getByRole("complementary", { name: "PerfCycle task pane" });
const flowTab = (name: string): Locator => pane().getByRole("tab", { name, exact: true });
const sheetTab = (name: string): Locator =>
  page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
const cell = (address: string): Locator => page.locator(`[role="grid"] td[data-address="${address}"]`);
const notice = (title: string | RegExp): Locator => pane().getByText(title);

// Breastfeeding at 6–8 weeks as OHID's Fingertips lays it out (illustrative figures).
const OHID = [
  "Area\t2014/15\t2015/16",
  "England\t47.2\t47.5",
  "East Midlands\t45.0\t45.4",
  "Statistical neighbours\t44.6\t45.1",
  "Derby\t41.9\t42.5",
  "Leicester\t53.0\t53.6",
  "Nottingham\t46.1\t46.0",
  "Coventry\t48.8\t49.1",
].join("\n");

async function paneShot(name: string): Promise<void> {
  await pane().screenshot({ path: join(OUT, `${name}.png`) });
}

async function idle(): Promise<void> {
  await page.waitForFunction(() => document.querySelector("[data-busy]") === null);
}

async function settled(): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

async function noAxeViolations(where: string): Promise<void> {
  await settled();
  const vs = await axeViolations(page);
  assert.equal(vs.length, 0, `axe found violations in ${where}:\n${describeViolations(vs)}`);
}

async function openFlow(name: string): Promise<void> {
  await flowTab(name).click();
  await pane().getByRole("tabpanel").waitFor();
}

async function rowOf(text: string, column = "A", from = 1, to = 200): Promise<number> {
  for (let r = from; r <= to; r++) {
    if ((await cell(`${column}${r}`).count()) === 0) break;
    if ((await cell(`${column}${r}`).textContent()) === text) return r;
  }
  throw new Error(`${text} not found in column ${column}`);
}

async function columnOf(headerRow: number, header: string, width = 40): Promise<string> {
  for (let c = 0; c < width; c++) {
    const letter = c < 26 ? String.fromCharCode(65 + c) : `A${String.fromCharCode(65 + c - 26)}`;
    if ((await cell(`${letter}${headerRow}`).count()) === 0) break;
    if ((await cell(`${letter}${headerRow}`).textContent()) === header) return letter;
  }
  throw new Error(`no column ${header}`);
}

async function step(t: TestContext, name: string, fn: () => Promise<void> | void): Promise<void> {
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

test("a target set against England, from comparator table to committee report", async (t) => {
  await step(t, "paste OHID's table into the comparator import and add it", async () => {
    await page.goto(`${server.url}/preview.html`);
    await flowTab("Quarterly update").waitFor({ timeout: 30_000 });
    await openFlow("Quarterly update");
    await pane().getByRole("combobox", { name: "Indicator the table is for" }).selectOption("HL-BF68");
    await pane().getByRole("textbox", { name: "Source (kept with each row)" }).fill("OHID Fingertips");
    await pane()
      .getByRole("textbox", { name: /Or paste the table here/ })
      .fill(OHID);
    await pane().getByRole("button", { name: "Read pasted table" }).click();
    await pane().getByText("The pasted table: 14 figures for HL-BF68; 0 errors.").waitFor();
    await pane().getByText("England (National) 2015-16: 47.5%").waitFor();
    await pane()
      .getByRole("heading", { name: "Comparators: England and neighbours" })
      .scrollIntoViewIfNeeded();
    await paneShot("01-comparators-read");
    await noAxeViolations("Quarterly update (comparator import)");
    await pane().getByRole("button", { name: "Add 14 comparator figures" }).click();
    await notice("14 rows added and 0 rows updated in PerfComparators.").waitFor();
    await idle();
    await sheetTab("Comparators").waitFor();
  });

  await step(
    t,
    "suggest: every method for HL-BF68, each with its reason; choose CloseGap to England",
    async () => {
      await openFlow("Targets");
      await pane().getByRole("button", { name: "Edit HL-BF68 (City)" }).click();
      const list = pane().getByRole("list", { name: "Suggested targets" });
      await list.waitFor();
      const labels = await list
        .getByRole("listitem")
        .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
      for (const m of ["Hold", "Stretch(0.05)", "CloseGap(0.5, England)", "Quartile(1)"])
        assert.ok(
          labels.some((l) => l?.startsWith(`${m}:`)),
          `${m} offered (got ${labels.join(" | ")})`,
        );
      // Half the gap from 45.0% to England's 47.2%: 46.1%.
      const gap = list.getByRole("listitem", { name: /^CloseGap\(0\.5, England\)/ });
      await gap.getByText("Closes half the gap to England's 47.2% in one year, from 45.0%").waitFor();
      await gap.getByRole("img", { name: /^CloseGap\(0\.5, England\): the path to 46\.1%/ }).waitFor();
      await gap.scrollIntoViewIfNeeded();
      await paneShot("02-suggestions");
      await noAxeViolations("Targets (suggest panel)");
      await gap.getByRole("button", { name: /^Use this: CloseGap\(0\.5, England\)/ }).click();
      const form = pane().getByRole("form", { name: "Edit HL-BF68 (City)" });
      assert.equal(await form.getByRole("textbox", { name: /^Target$/ }).inputValue(), "46.1");
      await form.getByRole("button", { name: "Save changes" }).click();
      await notice("Target HL-BF68 (City) saved").waitFor();
      await idle();
    },
  );

  await step(t, "approve: agreed, then approved with a reason; the method is in PerfTargets", async () => {
    await pane().getByRole("button", { name: "Agree HL-BF68 (City)" }).click();
    await notice("HL-BF68 (City) Agreed saved").waitFor();
    await idle();
    await pane().getByRole("button", { name: "Approve HL-BF68 (City)" }).click();
    const dialog = page.getByRole("dialog", { name: "Why change HL-BF68 (City) Approved?" });
    await dialog
      .getByRole("textbox", { name: /Reason for the change/ })
      .fill("Agreed with the public health lead");
    await dialog.getByRole("button", { name: "Save with this reason" }).click();
    await notice("HL-BF68 (City) Approved saved").waitFor();
    await idle();
    await sheetTab("Targets").click();
    const header = await rowOf("IndicatorId");
    const row = await rowOf("HL-BF68", "A", header + 1);
    assert.equal(
      await cell(`${await columnOf(header, "TargetMethod")}${row}`).textContent(),
      "CloseGap(0.5, England)",
    );
    assert.match(
      (await cell(`${await columnOf(header, "TargetRationale")}${row}`).textContent()) ?? "",
      /^Closes half the gap to England's 47\.2%/,
    );
  });

  await step(t, "refresh, then Review shows HL-BF68 against England and its neighbours", async () => {
    await openFlow("Quarterly update");
    await pane().getByRole("button", { name: "Refresh report" }).click();
    await notice(/^Report for 2015-16 Q2 written/).waitFor();
    await idle();
    await openFlow("Review");
    const cmp = pane().getByRole("list", { name: "Comparators of HL-BF68 · City" });
    await cmp.waitFor();
    const first = (await cmp.getByRole("listitem").first().textContent()) ?? "";
    // 48.0% in 2015-16 Q2 (a percentage alone: no interval) against England's 47.5% that year.
    assert.match(first, /^England 47\.5%: Better, 0\.5 points better$/);
    await cmp.scrollIntoViewIfNeeded();
    await paneShot("03-review-comparators");
    await noAxeViolations("Review (comparators)");
  });

  await step(t, "the committee report draws England on HL-BF68's chart", async () => {
    const download = page.waitForEvent("download");
    await pane().getByRole("button", { name: "Export committee report" }).click();
    const d = await download;
    const file = join(OUT, "committee-report.html");
    await d.saveAs(file);
    const html = readFileSync(file, "utf8");
    const at = html.indexOf('<span class="id">HL-BF68</span>', html.indexOf('id="trends-h"'));
    const chart = html.slice(at, html.indexOf("</svg>", at));
    assert.match(chart, /<line class="cmp"/);
    assert.match(chart, /England: 47\.5%\./);
    assert.match(html, /id="evidence-h"/);
    const view = await browser.context.newPage();
    await view.goto(`file://${file}`);
    await view.screenshot({ path: join(OUT, "04-committee-report.png"), fullPage: true });
    await view.close();
    assert.deepEqual(browser.errors, []);
  });
});
