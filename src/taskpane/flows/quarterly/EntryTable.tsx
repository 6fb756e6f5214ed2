/** The actuals grid: an indicator a row; value, numerator and denominator across. */
import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { ClipboardEvent } from "react";
import {
  ENTRY_COLUMNS,
  initialTexts,
  type EntryColumn,
  type EntryRow,
  type EntryTexts,
} from "../../model/actuals";
import { useSharedStyles } from "../../styles";
import { COLUMN_LABEL, EntryTableRow } from "./EntryTableRow";
import { useQuarterlyStyles } from "./quarterly.styles";

const COLUMN_HEAD: Readonly<Record<EntryColumn, string>> = {
  value: "Value",
  numerator: "Num.",
  denominator: "Denom.",
};

export function EntryTable(props: {
  rows: readonly EntryRow[];
  texts: ReadonlyMap<string, EntryTexts>;
  period: string;
  onText: (row: EntryRow, c: EntryColumn, value: string) => void;
  onPaste: (e: ClipboardEvent<HTMLInputElement>, index: number, c: EntryColumn) => void;
}) {
  const s = useQuarterlyStyles();
  const shared = useSharedStyles();
  return (
    <div className={s.grid}>
      <Table size="extra-small" aria-label={`Actuals for ${props.period}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.indicatorColumn}>Indicator</TableHeaderCell>
            {ENTRY_COLUMNS.map((c) => (
              <TableHeaderCell key={c}>
                <span aria-hidden>{COLUMN_HEAD[c]}</span>
                <span className={shared.srOnly}>{COLUMN_LABEL[c]}</span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row, i) => (
            <EntryTableRow
              key={row.key}
              row={row}
              texts={props.texts.get(row.key) ?? initialTexts(row)}
              period={props.period}
              onText={(c, v) => props.onText(row, c, v)}
              onPaste={(e, c) => props.onPaste(e, i, c)}
            />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
