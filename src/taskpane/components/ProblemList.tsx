/** A list of problems, each with an optional button (e.g. to select its cell). */
import { makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  problems: {
    margin: 0,
    paddingLeft: "18px",
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
  },
});

export interface ProblemItem {
  readonly key: string;
  readonly text: ReactNode;
  readonly action?: ReactNode;
}

export function ProblemList(props: { label: string; items: readonly ProblemItem[] }) {
  const s = useStyles();
  if (props.items.length === 0) return null;
  return (
    <ul className={s.problems} aria-label={props.label}>
      {props.items.map((i) => (
        <li key={i.key}>
          {i.text} {i.action ?? null}
        </li>
      ))}
    </ul>
  );
}
