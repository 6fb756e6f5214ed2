/** A trend chart per indicator and unit, each in its own accordion panel. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import type { Report } from "../../../engine";
import { PaneSection } from "../../components";
import { TrendChart } from "../../TrendChart";

export function Trends(props: { report: Report }) {
  return (
    <PaneSection id="trends-h" title="Trends">
      <Accordion multiple collapsible>
        {props.report.entries.map((e) => (
          <AccordionItem
            key={`${e.row.indicatorId}|${e.row.orgUnit}`}
            value={`${e.row.indicatorId}|${e.row.orgUnit}`}
          >
            <AccordionHeader size="small">
              {e.row.indicatorId} · {e.row.orgUnit}: {e.row.rag}
            </AccordionHeader>
            <AccordionPanel>
              <TrendChart entry={e} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </PaneSection>
  );
}
