/**
 * A section of a flow: its heading (an h2 the section is labelled by), an optional caption saying
 * what it does, then its content.
 */
import { Caption1, Subtitle2 } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useSharedStyles } from "../styles";

export interface PaneSectionProps {
  /** The heading's id (the section's aria-labelledby). */
  readonly id: string;
  readonly title: ReactNode;
  /** What the section does, under the heading. */
  readonly caption?: ReactNode;
  /** "below": spaced from the next section (Set up); default: from the one above. */
  readonly spacing?: "above" | "below";
  readonly children?: ReactNode;
}

export function PaneSection(props: PaneSectionProps) {
  const s = useSharedStyles();
  return (
    <section className={props.spacing === "below" ? s.sectionBelow : s.section} aria-labelledby={props.id}>
      <Subtitle2 as="h2" id={props.id}>
        {props.title}
      </Subtitle2>
      {props.caption !== undefined ? <Caption1>{props.caption}</Caption1> : null}
      {props.children}
    </section>
  );
}
