/** Styles of the Targets flow's own parts (the shared ones are in ../../styles). */
import { makeStyles, tokens } from "@fluentui/react-components";

/** The chart's size and padding (SVG units). */
export const W = 260;
export const H = 96;
export const PAD = { left: 40, right: 6, top: 8, bottom: 18 };

export const useTargetsStyles = makeStyles({
  bar: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  id: { fontWeight: tokens.fontWeightSemibold },
  register: { margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemMain: { minWidth: 0 },
  status: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "0 4px",
    whiteSpace: "nowrap",
  },
  actions: { display: "flex", flexDirection: "column", rowGap: "2px", alignItems: "start" },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
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
  /** The form's buttons, kept in view at the bottom of the pane. */
  formButtons: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    position: "sticky",
    bottom: 0,
    paddingTop: "6px",
    paddingBottom: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  num: { textAlign: "right" },
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
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
  },
  chosen: { border: `2px solid ${tokens.colorBrandStroke1}` },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: "8px" },
  milestones: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  svg: { width: "100%", maxWidth: `${W}px`, height: "auto", display: "block" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "9px" },
  history: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  path: { fill: "none", stroke: tokens.colorPaletteGreenForeground1, strokeWidth: 2, strokeDasharray: "4 2" },
  comparator: { stroke: tokens.colorPalettePurpleForeground2, strokeWidth: 1.2, strokeDasharray: "2 2" },
  dot: { fill: tokens.colorBrandForeground1 },
});
