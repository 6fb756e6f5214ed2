/** axe-core in the page (node_modules/axe-core/axe.min.js injected): the WCAG violations of what is shown. */
import { resolve } from "node:path";
import type { Page } from "playwright-core";

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

const AXE = resolve(__dirname, "../../node_modules/axe-core/axe.min.js");

export async function axeViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
    // Tabster's focus-redirecting dummies (Fluent UI) are aria-hidden with tabindex 0 by design: they
    // hand focus on at once and are never read; axe's aria-hidden-focus flags them, so they are left out.
    const r = await axe.run(
      { include: [document], exclude: [["[data-tabster-dummy]"]] } as unknown as Document,
      {
        resultTypes: ["violations"],
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      },
    );
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(" ")}: ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`),
    }));
  });
}

/** A readable summary of violations for an assertion message. */
export function describeViolations(vs: readonly Violation[]): string {
  return vs.map((v) => `${v.id} (${v.impact ?? "?"}): ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");
}
