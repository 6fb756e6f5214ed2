/** The quarter's figures, each with a drop-down of its quality. */
import { makeStyles, Select, tokens } from "@fluentui/react-components";
import { rate, type Quality } from "../../../engine";
import { figure } from "../../format";
import type { EntryRow } from "../../model/actuals";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: "2px 4px" },
  td: { padding: "2px 4px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: "right", padding: "2px 4px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** The order the choices are offered in: final first, then the least to the most uncertain. */
const CHOICES: readonly Quality[] = ["Validated", "Provisional", "Estimated", "Late", "Partial"];

/** The figure a row shows: its value, else its numerator over its denominator. */
export function shownFigure(row: EntryRow): number | null {
  const a = row.existing;
  if (!a) return null;
  if (a.value !== null) return a.value;
  if (a.numerator === null || a.denominator === null) return null;
  const r = rate(a.numerator, a.denominator);
  return r.ok ? r.value : null;
}

export function QualityTable(props: {
  rows: readonly EntryRow[];
  period: string;
  quality: (row: EntryRow) => Quality;
  onQuality: (row: EntryRow, quality: Quality) => void;
}) {
  const s = useStyles();
  const { period } = props;
  return (
    <table className={s.table} aria-label={`Quality of the figures for ${period}`}>
      <thead>
        <tr>
          <th className={s.th} scope="col">
            Indicator
          </th>
          <th className={s.th} scope="col">
            Figure
          </th>
          <th className={s.th} scope="col">
            Quality
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <th className={s.td} scope="row">
              {r.indicatorId} · {r.orgUnit}
            </th>
            <td className={s.num}>{figure(r.measureType, shownFigure(r))}</td>
            <td className={s.td}>
              <Select
                size="small"
                aria-label={`Quality of ${r.indicatorId} · ${r.orgUnit}, ${period}`}
                value={props.quality(r)}
                onChange={(_e, d) => props.onQuality(r, d.value as Quality)}
              >
                {CHOICES.map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
              </Select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
