/** One indicator's row of the actuals grid: its name and unit, then an input a column (n/d on a rate only). */
import { Caption1, Input, TableCell, TableRow } from "@fluentui/react-components";
import type { ClipboardEvent } from "react";
import { defined } from "../../format";
import { ENTRY_COLUMNS, type EntryColumn, type EntryRow, type EntryTexts } from "../../model/actuals";
import { useQuarterlyStyles } from "./quarterly.styles";

export const COLUMN_LABEL: Readonly<Record<EntryColumn, string>> = {
  value: "Value",
  numerator: "Numerator",
  denominator: "Denominator",
};

export function EntryTableRow(props: {
  row: EntryRow;
  texts: EntryTexts;
  period: string;
  onText: (c: EntryColumn, value: string) => void;
  onPaste: (e: ClipboardEvent<HTMLInputElement>, c: EntryColumn) => void;
}) {
  const s = useQuarterlyStyles();
  const { row, texts: t } = props;
  const isRate = row.measureType === "Rate";
  return (
    <TableRow>
      <TableCell>
        <span className={s.name}>{row.indicatorId}</span>
        <Caption1 block>{row.orgUnit}</Caption1>
        {row.children.length > 0 && !row.existing ? (
          <Caption1 block className={s.note}>
            blank: from its units
          </Caption1>
        ) : null}
      </TableCell>
      {ENTRY_COLUMNS.map((c) =>
        c !== "value" && !isRate ? (
          <TableCell key={c}>
            <span aria-hidden>–</span>
          </TableCell>
        ) : (
          <TableCell key={c}>
            <Input
              className={s.cellInput}
              size="small"
              value={t[c]}
              inputMode="decimal"
              {...defined({
                contentAfter: c === "value" && isRate ? <span aria-hidden>%</span> : undefined,
              })}
              aria-label={`${COLUMN_LABEL[c]} of ${row.indicatorId}, ${row.orgUnit}, ${props.period}${c === "value" && isRate ? " (per cent)" : ""}`}
              onChange={(_e, d) => props.onText(c, d.value)}
              onPaste={(e) => props.onPaste(e, c)}
            />
          </TableCell>
        ),
      )}
    </TableRow>
  );
}
