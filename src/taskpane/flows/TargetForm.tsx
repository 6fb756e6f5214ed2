/**
 * Add or edit a target: every PerfTargets column, the four quarterly milestones of the profile
 * shown as they change (Custom weights included), and the row's problems and SMART findings
 * listed live, each going to its cell (host.select) or its field. All of it is the contract's
 * reader and the engine run on the draft (model/targetDraft.ts); the form computes nothing.
 * Changing an Agreed or Approved target asks for a reason, which goes to the audit log.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { memo, useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import { MEASURE_TYPES, POLARITIES, PROFILE_NAMES } from "../../engine";
import { TABLE } from "../../contract";
import { ActionButton, BusyButton } from "../components";
import { defined, figure, plural, severityLabel } from "../format";
import {
  editValues,
  draftIndex,
  evaluateDraft,
  fieldKind,
  hasEdits,
  type Draft,
  type FormField,
} from "../model/targetDraft";
import { usePane } from "../state";
import { useTargetSave } from "./useTargetSave";
import { SuggestPanel } from "./targets/SuggestPanel";
import { LineageOffer } from "./targets/LineageOffer";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    "& .fui-Input, & .fui-Select": { minWidth: 0, width: "100%" },
  },
  weights: {
    display: "grid",
    gridTemplateColumns: "repeat(4, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "start",
    "& .fui-Input": { minWidth: 0, width: "100%" },
  },
  buttons: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    position: "sticky",
    bottom: 0,
    paddingTop: "6px",
    paddingBottom: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  list: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", rowGap: "6px" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: "right" },
});

const LABELS: Readonly<Record<FormField, string>> = {
  IndicatorId: "Indicator ID",
  Indicator: "Indicator name",
  OrgUnit: "Unit (centre, cluster, city)",
  Outcome: "Outcome or priority it serves",
  MeasureType: "Measure type",
  Polarity: "Polarity",
  Unit: "Unit of measure",
  Owner: "Owner",
  DataSource: "Data source",
  BaselinePeriod: "Baseline period",
  Baseline: "Baseline",
  TargetYear: "Target year",
  Target: "Target",
  Profile: "Milestone profile",
  W1: "W1",
  W2: "W2",
  W3: "W3",
  W4: "W4",
  Tolerance: "Tolerance",
  ToleranceType: "Tolerance type",
};

/** The cell error's message without the table/row prefix, which the form already makes plain. */
function short(message: string): string {
  return message.replace(/^PerfTargets row \d+(?: \([^)]*\))?, [A-Za-z0-9]+: /, "");
}

interface SelectOption {
  readonly value: string;
  readonly label: string;
}
const MEASURE_TYPE_OPTIONS: readonly SelectOption[] = MEASURE_TYPES.map((x) => ({ value: x, label: x }));
const POLARITY_OPTIONS: readonly SelectOption[] = POLARITIES.map((p) => ({
  value: p,
  label: p === "Higher" ? "Higher is better" : p === "Lower" ? "Lower is better" : "Neutral (monitor)",
}));
const PROFILE_OPTIONS: readonly SelectOption[] = PROFILE_NAMES.map((p) => ({ value: p, label: p }));
const TOLERANCE_TYPE_OPTIONS: readonly SelectOption[] = [
  { value: "", label: "Relative (default)" },
  { value: "Relative", label: "Relative" },
  { value: "Absolute", label: "Absolute" },
];

interface FieldProps {
  readonly field: FormField;
  readonly value: string;
  readonly error: string | undefined;
  readonly hint?: string | undefined;
  readonly onValue: (f: FormField, value: string) => void;
  readonly register: (f: FormField, el: HTMLInputElement | HTMLSelectElement | null) => void;
}

/** One text field of the form; re-renders only when its own props change. */
const FieldInput = memo(function FieldInput(
  props: FieldProps & {
    readonly unit: string | undefined;
    readonly required?: boolean | undefined;
    readonly readOnly?: boolean | undefined;
    readonly placeholder?: string | undefined;
  },
) {
  const { field: f, error: err, unit, onValue, register } = props;
  return (
    <Field
      label={LABELS[f]}
      validationState={err ? "error" : "none"}
      {...defined({ hint: props.hint, required: props.required, validationMessage: err })}
    >
      <Input
        ref={(el) => register(f, el)}
        value={props.value}
        {...defined({
          readOnly: props.readOnly,
          placeholder: props.placeholder,
          contentAfter: unit ? <span aria-hidden>{unit}</span> : undefined,
          "aria-description": unit === "%" ? "per cent" : unit === "points" ? "percentage points" : undefined,
        })}
        onChange={(_e, d) => onValue(f, d.value)}
      />
    </Field>
  );
});

/** One choice of the form; re-renders only when its own props change. */
const FieldSelect = memo(function FieldSelect(
  props: FieldProps & { readonly options: readonly SelectOption[] },
) {
  const { field: f, error: err, value, onValue, register } = props;
  return (
    <Field
      label={LABELS[f]}
      validationState={err ? "error" : "none"}
      {...defined({ hint: props.hint, validationMessage: err })}
    >
      <Select ref={(el) => register(f, el)} value={value} onChange={(_e, d) => onValue(f, d.value)}>
        {props.options.some((o) => o.value === value) ? null : (
          <option value={value}>{value || "(not set)"}</option>
        )}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
});

/** The performance mark TargetForm sets when a draft's checks have rendered. */
export const DRAFT_EVALUATED_MARK = "perfcycle:draft-evaluated";

export function TargetForm(props: { initial: Draft; onClose: () => void }) {
  const pane = usePane();
  const s = useStyles();
  const [draft, setDraft] = useState<Draft>(props.initial);
  const deferred = useDeferredValue(draft);
  const book = pane.data?.book;
  // The workbook is indexed once per read; each keystroke then reads the draft's indicator only.
  const index = useMemo(() => (book ? draftIndex(book) : null), [book]);
  const evaluation = useMemo(() => (index ? evaluateDraft(index, deferred) : null), [index, deferred]);
  // A User Timing mark each time the checks of a draft are in the page, before the browser paints
  // them (npm run bench -- pane).
  useLayoutEffect(() => {
    if (evaluation && typeof performance !== "undefined" && typeof performance.mark === "function")
      performance.mark(DRAFT_EVALUATED_MARK);
  }, [evaluation]);
  const { save, dialog } = useTargetSave();
  const inputs = useRef<Partial<Record<FormField, HTMLInputElement | HTMLSelectElement | null>>>({});
  const texts = draft.texts;
  const editing = draft.editing;
  const rate = texts.MeasureType === "Rate";

  // Stable across renders, so that a keystroke re-renders only the field typed in (and, once the
  // draft is evaluated, the fields whose message changed): FieldInput and FieldSelect are memoised.
  const set = useCallback(
    (f: FormField, value: string): void => setDraft((d) => ({ ...d, texts: { ...d.texts, [f]: value } })),
    [],
  );
  const register = useCallback((f: FormField, el: HTMLInputElement | HTMLSelectElement | null): void => {
    inputs.current[f] = el;
  }, []);
  const errorOf = (f: FormField): string | undefined => {
    const e = evaluation?.cellErrors.find((c) => c.column === f);
    return e ? short(e.message) : undefined;
  };
  const after = (f: FormField): string | undefined => {
    const k = fieldKind(f, texts);
    if (k !== "percent") return undefined;
    return f === "Tolerance" && texts.ToleranceType === "Absolute" ? "points" : "%";
  };

  const input = (
    f: FormField,
    opts: { hint?: string; required?: boolean; readOnly?: boolean; placeholder?: string } = {},
  ) => (
    <FieldInput
      field={f}
      value={texts[f]}
      error={errorOf(f)}
      unit={after(f)}
      hint={opts.hint}
      required={opts.required}
      readOnly={opts.readOnly}
      placeholder={opts.placeholder}
      onValue={set}
      register={register}
    />
  );
  const select = (f: FormField, options: readonly SelectOption[], hint?: string) => (
    <FieldSelect
      field={f}
      value={texts[f]}
      error={errorOf(f)}
      hint={hint}
      options={options}
      onValue={set}
      register={register}
    />
  );

  const title = editing ? `Edit ${texts.IndicatorId} (${texts.OrgUnit})` : "Add a target";
  const problems = [
    ...(evaluation?.cellErrors ?? []).map((e) => ({
      key: `cell-${e.column ?? ""}-${e.message}`,
      severity: "error" as const,
      code: "Cell",
      field: e.column ?? "IndicatorId",
      message: short(e.message),
    })),
    ...(evaluation?.findings ?? []).map((f, i) => ({
      key: `f-${f.code}-${f.field}-${i}`,
      severity: f.severity,
      code: f.code,
      field: f.field,
      message: f.message,
    })),
  ];
  const keyMissing = texts.IndicatorId.trim() === "" || texts.OrgUnit.trim() === "";

  const onSave = (): void => {
    const what = `${texts.IndicatorId.trim()} (${texts.OrgUnit.trim()})`;
    save(
      {
        edit: {
          indicatorId: editing
            ? editing.cells.IndicatorId === null
              ? ""
              : String(editing.cells.IndicatorId)
            : texts.IndicatorId.trim(),
          orgUnit: editing
            ? editing.cells.OrgUnit === null
              ? ""
              : String(editing.cells.OrgUnit)
            : texts.OrgUnit.trim(),
          values: editValues(draft),
        },
        label: `Saving ${what}`,
        what: `Target ${what}`,
        onSaved: props.onClose,
      },
      editing?.status ?? null,
    );
  };

  return (
    <div>
      {dialog}
      <Subtitle2 as="h2">{title}</Subtitle2>
      {editing ? (
        <Body1 block>
          Status: <strong>{editing.status}</strong>
          {editing.status !== "Draft"
            ? " — a change asks for a reason and is recorded in the audit log."
            : "."}
        </Body1>
      ) : null}
      <form
        className={s.form}
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          if (hasEdits(draft) && !keyMissing && pane.busy === null) onSave();
        }}
      >
        <fieldset className={s.group}>
          <legend className={s.legend}>What is measured</legend>
          {input("IndicatorId", {
            required: true,
            readOnly: Boolean(editing),
            placeholder: "EH-EHA",
            ...(editing
              ? { hint: "The ID and unit identify the row; add a new target to change them." }
              : {}),
          })}
          {input("Indicator", { required: true })}
          {input("OrgUnit", { required: true, readOnly: Boolean(editing), placeholder: "City" })}
          <LineageOffer register={pane.data?.read.register ?? null} draft={draft} onChoose={setDraft} />
          {input("Outcome")}
          <div className={s.pair}>
            {select("MeasureType", MEASURE_TYPE_OPTIONS)}
            {select("Polarity", POLARITY_OPTIONS)}
          </div>
          {input("Unit", { placeholder: rate ? "%" : "families" })}
        </fieldset>

        <fieldset className={s.group}>
          <legend className={s.legend}>Baseline and target</legend>
          <div className={s.pair}>
            {input("BaselinePeriod", { placeholder: "2014-15", hint: "A year or a quarter" })}
            {input("Baseline", rate ? { hint: "As a percentage, or n/d" } : {})}
          </div>
          <div className={s.pair}>
            {input("TargetYear", { placeholder: "2015-16" })}
            {input("Target", rate ? { hint: "As a percentage" } : {})}
          </div>
        </fieldset>

        <SuggestPanel register={pane.data?.read.register ?? null} draft={draft} onChoose={setDraft} />
        <fieldset className={s.group}>
          <legend className={s.legend}>Milestones</legend>
          {select(
            "Profile",
            PROFILE_OPTIONS,
            texts.Profile === "Seasonal"
              ? "Cumulative shares of the baseline year's four quarters (Count only)."
              : texts.Profile === "Custom"
                ? "Cumulative weights W1-W4: non-decreasing, from 0 to 1, W4 = 1."
                : undefined,
          )}
          {texts.Profile === "Custom" ? (
            <div className={s.weights}>
              {input("W1", { placeholder: "0.25" })}
              {input("W2", { placeholder: "0.5" })}
              {input("W3", { placeholder: "0.75" })}
              {input("W4", { placeholder: "1" })}
            </div>
          ) : null}
          <div aria-live="polite">
            {evaluation && evaluation.milestones.length > 0 ? (
              <Table size="extra-small" aria-label="Quarterly milestones">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Quarter</TableHeaderCell>
                    <TableHeaderCell className={s.num}>Weight</TableHeaderCell>
                    <TableHeaderCell className={s.num}>Milestone</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {evaluation.milestones.map((m) => (
                    <TableRow key={m.quarter}>
                      <TableCell>{m.quarter}</TableCell>
                      <TableCell className={s.num}>
                        {m.weight === null ? "–" : figure("Rate", m.weight)}
                      </TableCell>
                      <TableCell className={s.num}>{figure(evaluation.measureType, m.milestone)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
            {evaluation?.milestoneNote ? <Caption1 block>{evaluation.milestoneNote}</Caption1> : null}
          </div>
        </fieldset>

        <fieldset className={s.group}>
          <legend className={s.legend}>Tolerance</legend>
          <div className={s.pair}>
            {input("Tolerance", {
              hint:
                texts.ToleranceType === "Absolute"
                  ? rate
                    ? "In percentage points"
                    : "In the measure's unit"
                  : "A share of the milestone; blank: the workbook's default",
            })}
            {select("ToleranceType", TOLERANCE_TYPE_OPTIONS)}
          </div>
        </fieldset>

        <fieldset className={s.group}>
          <legend className={s.legend}>Accountability</legend>
          {input("Owner")}
          {input("DataSource")}
        </fieldset>

        <section aria-labelledby="tf-problems" aria-live="polite">
          <Subtitle2 as="h3" id="tf-problems">
            {problems.length === 0 ? "No problems found" : `${plural(problems.length, "problem")} found`}
          </Subtitle2>
          {problems.length > 0 ? (
            <ul className={s.list} aria-label="Problems in this target">
              {problems.map((p) => {
                const field = p.field as FormField;
                return (
                  <li key={p.key}>
                    <span className={p.severity === "error" ? s.error : s.warning}>{severityLabel(p)}</span>{" "}
                    {p.code}: {p.message}{" "}
                    {editing ? (
                      <ActionButton
                        size="small"
                        appearance="subtle"
                        action={`Selecting ${p.field}`}
                        aria-label={`Select cell: ${p.field}`}
                        onRun={async () => {
                          inputs.current[field]?.focus();
                          await pane.host.select(TABLE.targets, editing.row, p.field);
                        }}
                      >
                        Select cell
                      </ActionButton>
                    ) : inputs.current[field] ? (
                      <Button size="small" appearance="subtle" onClick={() => inputs.current[field]?.focus()}>
                        Go to {LABELS[field] ?? p.field}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>

        <div className={s.buttons}>
          <BusyButton
            appearance="primary"
            type="submit"
            action={`Saving ${texts.IndicatorId.trim()} (${texts.OrgUnit.trim()})`}
            disabled={!hasEdits(draft) || keyMissing}
          >
            {editing ? "Save changes" : "Add target"}
          </BusyButton>
          <Button onClick={props.onClose} disabledFocusable={pane.busy !== null}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
