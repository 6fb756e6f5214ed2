/** The sheet tabs (a tab list: arrows move between sheets) and the button adding a sheet. */
import { mergeClasses } from "@fluentui/react-components";
import { useGridStyles } from "./grid.styles";
import type { GridState } from "./useGrid";

const FIRST = { row: 0, col: 0 };

function focusTab(name: string): void {
  requestAnimationFrame(() => {
    (document.querySelector(`[role="tab"][data-sheet="${CSS.escape(name)}"]`) as HTMLElement | null)?.focus();
  });
}

export function SheetTabs(props: { grid: GridState }) {
  const s = useGridStyles();
  const { book, sheets, sheetName, moveTo } = props.grid;
  return (
    <div className={s.tabs}>
      <div role="tablist" aria-label="Sheets" style={{ display: "flex" }}>
        {sheets.map((x, i) => (
          <button
            key={x.name}
            type="button"
            role="tab"
            aria-selected={x.name === sheetName}
            tabIndex={x.name === sheetName ? 0 : -1}
            className={mergeClasses(s.tab, x.name === sheetName ? s.tabActive : undefined)}
            onClick={() => {
              book.activate(x.name);
              moveTo(FIRST);
            }}
            onKeyDown={(e) => {
              const to =
                e.key === "ArrowRight" ? sheets[i + 1] : e.key === "ArrowLeft" ? sheets[i - 1] : undefined;
              if (to) {
                e.preventDefault();
                book.activate(to.name);
                focusTab(to.name);
              }
            }}
            data-sheet={x.name}
          >
            {x.name}
          </button>
        ))}
      </div>
      <button
        type="button"
        className={s.tab}
        aria-label="New sheet"
        title="New sheet"
        onClick={() => {
          const created = book.addSheet();
          book.activate(created.name);
          moveTo(FIRST);
        }}
      >
        +
      </button>
    </div>
  );
}
