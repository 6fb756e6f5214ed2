/**
 * Built-ins the bundles use that the oldest supported webview lacks, supplied before anything else
 * runs (webpack puts this module first in the `functions` entry, which taskpane.html loads before
 * taskpane.js; the preview entry too). Syntax is lowered to ES2017 at build time
 * (webpack.config.js ES_TARGET); built-ins cannot be, so:
 * - `globalThis` (Safari 12.1): used by src/functions and React;
 * - `WeakRef` (Safari 14.1): tabster, under every Fluent UI component, creates them for focus
 *   tracking. The stand-in holds its target strongly: a task pane lives as long as its page.
 * Nothing is replaced where the webview has its own.
 */
type Global = Record<string, unknown>;

function findGlobal(): Global {
  if (typeof globalThis === "object") return globalThis as unknown as Global;
  if (typeof self === "object") return self as unknown as Global;
  if (typeof window === "object") return window as unknown as Global;
  return Function("return this")() as Global;
}

class StrongRef<T extends object> {
  readonly #target: T;
  constructor(target: T) {
    if ((typeof target !== "object" && typeof target !== "function") || target === null)
      throw new TypeError("WeakRef: target must be an object");
    this.#target = target;
  }
  deref(): T {
    return this.#target;
  }
}

/** Installs the stand-ins the global object lacks; returns the names installed. */
export function installWebviewSupport(g: Global = findGlobal()): string[] {
  const installed: string[] = [];
  if (g.globalThis === undefined) {
    g.globalThis = g;
    installed.push("globalThis");
  }
  if (typeof g.WeakRef !== "function") {
    g.WeakRef = StrongRef;
    installed.push("WeakRef");
  }
  return installed;
}

installWebviewSupport();
