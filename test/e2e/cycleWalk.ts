/**
 * The quarterly-cycle walk's vocabulary: the page, its grid, pane and flows, screenshots, axe and
 * the step wrapper that keeps a screenshot of a failing step (cycle.e2e.ts reads as the walk).
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestContext } from "node:test";
import type { Locator, Page } from "playwright-core";
import { axeViolations, describeViolations } from "./axe";
import { openBrowser, type Browser } from "./browser";
import { serve, type StaticServer } from "./server";

export const ROOT = resolve(__dirname, "../..");
export const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, "dist"));
export const OUT = join(ROOT, "test-output", "e2e");

/** The walk's page, set by its `before` hook (a live binding for the walk's steps). */
export let page: Page;

/** The static server and the browser, set by startWalk (live bindings, like `page`). */
export let server: StaticServer;
export let browser: Browser;

/** Before the walk: a clean screenshot folder, the dist served, Chromium open on a page. */
export async function startWalk(): Promise<void> {
  // Only this walk's own files: the other walks keep theirs in folders of test-output/e2e/.
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT, { withFileTypes: true }))
    if (f.isFile()) rmSync(join(OUT, f.name), { force: true });
  server = await serve(DIST);
  browser = await openBrowser({ downloads: OUT });
  page = browser.page;
}

export async function endWalk(): Promise<void> {
  await browser?.close();
  await server?.close();
}

export const pane = (): Locator => page.getByRole("complementary", { name: "PerfCycle task pane" });
export const flowTab = (name: string): Locator => pane().getByRole("tab", { name, exact: true });
export const sheetTab = (name: string): Locator =>
  page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
export const cell = (address: string): Locator => page.locator(`[role="grid"] td[data-address="${address}"]`);
export const notice = (title: string | RegExp): Locator => pane().getByText(title);

export async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

export async function paneShot(name: string): Promise<void> {
  await pane().screenshot({ path: join(OUT, `${name}.png`) });
}

/** The pane's long action has ended (its buttons are enabled again). */
export async function idle(): Promise<void> {
  await page.waitForFunction(() => document.querySelector("[data-busy]") === null);
}

/** Animations (dialogs opening, accordions) have finished, so what axe sees is what stays on screen. */
export async function settled(): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

export async function noAxeViolations(flow: string): Promise<void> {
  await settled();
  const vs = await axeViolations(page);
  assert.equal(vs.length, 0, `axe found violations in ${flow}:\n${describeViolations(vs)}`);
}

export async function openFlow(name: string): Promise<void> {
  await flowTab(name).click();
  await pane().getByRole("tabpanel").waitFor();
}

/** Row (1-based) of the grid's active sheet whose column A holds `text`. */
export async function rowOf(text: string, column = "A", from = 1, to = 200): Promise<number> {
  for (let r = from; r <= to; r++) {
    if ((await cell(`${column}${r}`).count()) === 0) break;
    if ((await cell(`${column}${r}`).textContent()) === text) return r;
  }
  throw new Error(`${text} not found in column ${column}`);
}

/** The grid's active sheet: header row cells → their column letters. */
export async function columnsOf(headerRow: number, width = 30): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let c = 0; c < width; c++) {
    const letter = String.fromCharCode(65 + c);
    if ((await cell(`${letter}${headerRow}`).count()) === 0) break;
    const t = (await cell(`${letter}${headerRow}`).textContent()) ?? "";
    if (t !== "" && !out.has(t)) out.set(t, letter);
  }
  return out;
}

/** The grid cell has the keyboard focus. */
export async function focused(address: string): Promise<void> {
  await page.waitForFunction((a) => document.activeElement?.getAttribute("data-address") === a, address);
}

export async function pasteIntoGrid(text: string): Promise<void> {
  await page.evaluate((tsv) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", tsv);
    const target = document.activeElement ?? document.querySelector('[role="grid"]');
    target?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** A step of the cycle; a failing step leaves a screenshot of the page as it was. */
export async function step(t: TestContext, name: string, fn: () => Promise<void> | void): Promise<void> {
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
