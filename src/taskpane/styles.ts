/**
 * The task pane's shared styles, in one place: a section of a flow, a row of buttons, a card, a
 * heading with a status beside it, error and warning words, lists, and text for screen readers
 * only. A component's own styles live beside it (`<component>.styles.ts`).
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSharedStyles = makeStyles({
  /** A section of a flow, spaced from the one above (Quarterly update, Targets, Review). */
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  /** A section of Set up, spaced from the one below. */
  sectionBelow: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalL,
  },
  buttons: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
  },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  /** A list without bullets, its items spaced. */
  plainList: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  /** A bulleted list. */
  bulleted: { margin: 0, paddingLeft: "18px" },
  /** A bulleted list of findings. */
  findings: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", rowGap: "6px" },
  /** Read by screen readers, not shown. */
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});
