/**
 * The committee report in a real browser: Debian's Chromium (headless, through playwright-core)
 * opens the HTML written by `perfcycle evaluate --html`; axe-core finds no accessibility
 * violation, nothing is fetched from the network, no script runs, and it prints on A4.
 * A screenshot is saved to test-output/report.png for a person to look at.
 * Skipped, saying so, where Chromium is not installed (CI installs it).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { run, tempDir } from "./helpers";

jest.setTimeout(90_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const maybe = available ? test : test.skip;
if (!available)
  console.warn(`${CHROMIUM} is not installed: the browser tests of the HTML report are skipped`);

const root = join(__dirname, "../..");
const dir = tempDir();
let browser: Browser | undefined;
let html = "";

beforeAll(async () => {
  if (!available) return;
  const book = dir.file("s.xlsx");
  html = dir.file("r.html");
  expect((await run(["sample", book])).code).toBe(0);
  expect((await run(["evaluate", book, "--html", html])).code).toBe(0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  dir.cleanup();
});

maybe("has no axe-core violations, makes no request, runs no script; screenshot saved", async () => {
  const context = await browser!.newContext({
    javaScriptEnabled: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("file:")) requests.push(r.url());
  });
  await page.goto(`file://${html}`);
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (d: Document) => Promise<{ violations: { id: string; help: string }[] }> };
      }
    ).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.help}`);
  });
  expect(violations).toEqual([]);
  expect(requests).toEqual([]);
  mkdirSync(join(root, "test-output"), { recursive: true });
  await page.screenshot({ path: join(root, "test-output/report.png"), fullPage: true });
  await context.close();
});

maybe("is readable with scripts off, and prints on A4 pages", async () => {
  const context = await browser!.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`file://${html}`);
  expect(await page.locator("h1").innerText()).toMatch(/Performance report: 2015-16 Q2/);
  expect(await page.locator("svg.trend").count()).toBeGreaterThanOrEqual(12);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  // A4 is 595.3 × 841.9 points (US Letter would be 612 × 792).
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  expect(Math.abs(Number(box?.[1]) - 595.3)).toBeLessThan(2);
  expect(Math.abs(Number(box?.[2]) - 841.9)).toBeLessThan(2);
  await context.close();
});
