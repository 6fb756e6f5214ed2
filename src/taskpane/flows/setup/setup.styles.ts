/** Styles of Set up's own parts (the shared ones are in ../../styles). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSetUpStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});
