import { Button, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import { PaneSection } from "../../components";
import { usePane } from "../../state";
import { useSetUpStyles } from "./setup.styles";

/** The name the audit log records for changes made here. */
export function UserNameField() {
  const pane = usePane();
  const s = useSetUpStyles();
  const store = pane.services.user;
  const [saved, setSaved] = useState(() => store?.get() ?? "");
  const [name, setName] = useState(saved);
  if (!store) return null;
  return (
    <PaneSection id="setup-you" title="You" spacing="below">
      <form
        className={s.row}
        onSubmit={(e) => {
          e.preventDefault();
          store.set(name);
          setSaved(store.get());
          setName(store.get());
          pane.notify({
            intent: "success",
            title: "Name saved",
            text: `Changes are recorded as made by ${store.get()}.`,
          });
        }}
      >
        <Field label="Your name, as the audit log records it">
          <Input value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Button
          type="submit"
          disabledFocusable={name.trim() === "" || name.trim() === saved}
          style={{ alignSelf: "end" }}
        >
          Save name
        </Button>
      </form>
    </PaneSection>
  );
}
