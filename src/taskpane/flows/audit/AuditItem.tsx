/** One finding of the audit: its cell and what was found (the heading line), more detail, its explanation, and a button selecting the cell. */
import { Body1, Caption1 } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useAuditStyles } from "./audit.styles";
import { SelectCellButton } from "./SelectCellButton";

export function AuditItem(props: {
  sheet: string;
  cell: string;
  heading: ReactNode;
  explanation: string;
  children?: ReactNode;
}) {
  const s = useAuditStyles();
  return (
    <li className={s.item}>
      <Body1 block>
        <strong>{props.cell}</strong> {props.heading}
      </Body1>
      {props.children}
      <Caption1 block>{props.explanation}</Caption1>
      <SelectCellButton sheet={props.sheet} cell={props.cell} />
    </li>
  );
}
