/** What was read from a comparator table: its figures (the first twelve), and each error by its cell. */
import { Body1, Caption1 } from "@fluentui/react-components";
import type { MeasureType } from "../../../engine";
import { sheetAddress } from "../../../contract";
import { ProblemList } from "../../components";
import { figure, plural } from "../../format";
import { useSharedStyles } from "../../styles";
import type { FoundComparators } from "./useComparatorImport";

export function ComparatorFindings(props: {
  found: FoundComparators;
  indicatorId: string;
  measureType: MeasureType | null;
}) {
  const s = useSharedStyles();
  const { found, measureType: mt } = props;
  return (
    <div aria-live="polite">
      <Body1 block>
        {found.where}: {plural(found.result.rows.length, "figure")} for {props.indicatorId};{" "}
        {plural(found.result.errors.length, "error")}.
        {found.result.errors.length > 0 ? " Correct the cells named below and read the table again." : ""}
      </Body1>
      {found.result.notes.length > 0 ? <Caption1 block>{found.result.notes.join("; ")}.</Caption1> : null}
      <ProblemList
        label="Comparator table errors"
        items={found.result.errors.map((e, i) => ({
          key: `ce${i}`,
          text: (
            <>
              <span className={s.error}>Error</span>{" "}
              {found.sheet ? sheetAddress(found.sheet, e.cell) : e.cell} &quot;{e.text}&quot;: {e.message}
            </>
          ),
        }))}
      />
      {found.result.rows.length > 0 ? (
        <ul className={s.bulleted} aria-label="Comparator figures read">
          {found.result.rows.slice(0, 12).map((r) => (
            <li key={`${r.comparator}|${r.period}`}>
              {r.comparator} ({r.kind}) {r.period}: {figure(mt, r.value)}
            </li>
          ))}
          {found.result.rows.length > 12 ? <li>and {found.result.rows.length - 12} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
