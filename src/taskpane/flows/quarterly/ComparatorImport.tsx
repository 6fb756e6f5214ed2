/**
 * Quarterly flow: fill PerfComparators from a national or statistical-neighbour table as DfE and
 * OHID publish it (authorities down, years across), selected in the workbook or pasted here.
 * The contract reads it (importComparators: England → National, statistical neighbours → Average,
 * regions → Region, other names → Peer; errors name the cell and the text); the host writes it
 * (WorkbookHost.writeComparators, creating the table when absent). Nothing is written until the
 * user has seen what was read.
 */
import {
  Body1,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { idKey } from "../../../engine";
import { sheetAddress, type RawCell } from "../../../contract";
import { importComparators, type ComparatorImport as Imported } from "../../../contract/comparatorImport";
import { ActionButton, ProblemList } from "../../components";
import { figure, plural } from "../../format";
import { usePane } from "../../state";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", rowGap: "4px" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: "18px" },
});

/** Pasted text (tab-separated, as Excel and browsers copy a table) as rows of cells. */
export function pastedGrid(text: string): RawCell[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line, i, all) => line.trim() !== "" || i < all.length - 1)
    .map((line) => line.split("\t").map((c) => (c.trim() === "" ? null : c.trim())));
}

export function ComparatorImport() {
  const pane = usePane();
  const s = useStyles();
  const register = pane.data?.read.register ?? null;
  const indicators = register
    ? [...new Map(register.targets.map((t) => [idKey(t.indicatorId), t])).values()]
    : [];
  const [indicator, setIndicator] = useState(indicators[0]?.indicatorId ?? "");
  const [source, setSource] = useState("");
  const [singleYear, setSingleYear] = useState<"starts" | "ends">("starts");
  const [pasted, setPasted] = useState("");
  const [found, setFound] = useState<{ where: string; sheet: string; result: Imported } | null>(null);
  if (!register) return null;
  const record = indicators.find((t) => idKey(t.indicatorId) === idKey(indicator));
  const mt = record?.measureType ?? null;

  const read = (
    grid: readonly (readonly RawCell[])[],
    sheet: string,
    origin: string,
    where: string,
  ): void => {
    const result = importComparators(grid, {
      indicatorId: record?.indicatorId ?? indicator,
      measureType: mt,
      startMonth: register.settings.startMonth,
      origin,
      source: source.trim(),
      singleYear,
    });
    setFound({ where, sheet, result });
  };
  const write = pane.host.writeComparators?.bind(pane.host);

  return (
    <section className={s.section} aria-labelledby="comparators-h">
      <Subtitle2 as="h2" id="comparators-h">
        Comparators: England and neighbours
      </Subtitle2>
      <Caption1>
        A table as DfE or OHID publish it: authorities down the first column, years across the first row
        (2013, 2013-14 or 2014/15). England is national, &quot;Statistical neighbours&quot; their average,
        regions are regions, other names are peers.
      </Caption1>
      <Field label="Indicator the table is for">
        <Select value={indicator} onChange={(_e, d) => setIndicator(d.value)}>
          {indicators.map((t) => (
            <option key={t.indicatorId} value={t.indicatorId}>
              {t.indicatorId} {t.indicator}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Source (kept with each row)" hint="e.g. DfE SFR 46/2014">
        <Input value={source} onChange={(_e, d) => setSource(d.value)} />
      </Field>
      <Field label="A single year such as 2013 is">
        <Select
          value={singleYear}
          onChange={(_e, d) => setSingleYear(d.value === "ends" ? "ends" : "starts")}
        >
          <option value="starts">the year starting in it (2013-14)</option>
          <option value="ends">the year ending in it (2012-13, academic years)</option>
        </Select>
      </Field>
      <Field
        label="Or paste the table here"
        hint="Copied from a spreadsheet or a web page: one row a line, cells separated by tabs"
      >
        <Textarea value={pasted} resize="vertical" onChange={(_e, d) => setPasted(d.value)} />
      </Field>
      <div className={s.buttons}>
        <ActionButton
          action="Reading the selected comparator table"
          disabled={indicator === ""}
          onRun={async () => {
            const sel = await pane.host.readSelection();
            read(sel.values, sel.sheet, sel.address, sheetAddress(sel.sheet, sel.address));
          }}
        >
          Read selected table
        </ActionButton>
        <ActionButton
          action="Reading the pasted comparator table"
          disabled={indicator === "" || pasted.trim() === ""}
          onRun={() => {
            read(pastedGrid(pasted), "", "A1", "The pasted table");
            return Promise.resolve();
          }}
        >
          Read pasted table
        </ActionButton>
        {found ? (
          <ActionButton
            appearance="primary"
            action="Adding the comparators"
            disabled={!write || found.result.errors.length > 0 || found.result.rows.length === 0}
            onRun={async () => {
              if (!write) throw new Error("This host cannot write comparators.");
              const r = await write(found.result.rows);
              setFound(null);
              setPasted("");
              await pane.reload();
              pane.notify({
                intent: "success",
                title: "Comparators added",
                text: `${plural(r.added, "row")} added and ${plural(r.updated, "row")} updated in PerfComparators.`,
              });
            }}
          >
            Add {plural(found.result.rows.length, "comparator figure")}
          </ActionButton>
        ) : null}
      </div>
      {!write ? (
        <Caption1>This host cannot write comparators; add them to PerfComparators by hand.</Caption1>
      ) : null}
      {found ? (
        <div aria-live="polite">
          <Body1 block>
            {found.where}: {plural(found.result.rows.length, "figure")} for {record?.indicatorId ?? indicator}
            ; {plural(found.result.errors.length, "error")}.
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
            <ul className={s.list} aria-label="Comparator figures read">
              {found.result.rows.slice(0, 12).map((r) => (
                <li key={`${r.comparator}|${r.period}`}>
                  {r.comparator} ({r.kind}) {r.period}: {figure(mt, r.value)}
                </li>
              ))}
              {found.result.rows.length > 12 ? <li>and {found.result.rows.length - 12} more</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
