/** Renders the task pane over a fake host, as Excel would inside FluentProvider. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, type FlowName } from "../../src/taskpane/App";
import type { PaneServices } from "../../src/taskpane/state";
import { FakeHost, type FakeHostOptions } from "./fakeHost";

// jsdom renders Fluent UI slowly on a loaded 2-core machine: wait for the UI, never on a clock.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

export interface Rendered {
  readonly host: FakeHost;
  readonly user: ReturnType<typeof userEvent.setup>;
  readonly downloads: { content: string; name: string; type: string }[];
}

export async function renderPane(
  options: FakeHostOptions & { flow?: FlowName; services?: PaneServices; host?: FakeHost } = {},
): Promise<Rendered> {
  const host = options.host ?? new FakeHost(options);
  const downloads: Rendered["downloads"] = [];
  const services: PaneServices = options.services ?? {
    download: (content, name, type) => downloads.push({ content, name, type }),
    now: () => new Date(Date.UTC(2015, 9, 14, 9, 30)),
    workbookName: "Sample.xlsx",
  };
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} services={services} {...(options.flow ? { initialFlow: options.flow } : {})} />
    </FluentProvider>,
  );
  await waitFor(() => expect(screen.queryByText("Reading the workbook…")).toBeNull());
  return { host, user, downloads };
}

/** Wait until no long action runs (the pane's buttons are enabled again). */
export async function idle(): Promise<void> {
  await waitFor(() => expect(document.querySelector("[data-busy]")).toBeNull());
}
