/** Styles of "Audit a report" (the shared ones are in ../../styles). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useAuditStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    alignItems: "start",
    rowGap: "4px",
  },
  statuses: {
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "center",
    flexWrap: "wrap",
  },
  verdict: { fontWeight: tokens.fontWeightSemibold },
  /** A native drop-down is as wide as its longest option: keep it within the pane. */
  select: { minWidth: 0, maxWidth: "100%" },
});
