/**
 * The bundles Excel loads parse in the oldest webview PerfCycle supports (scripts/check-syntax.js,
 * run by check-dist in `npm run build`): newer syntax is reported with the bundle, its position
 * and, through the source map, the original file.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { transformSync } from "esbuild";

/* eslint-disable @typescript-eslint/no-require-imports */
const { checkSyntax, buildEcmaVersion } = require("../../scripts/check-syntax") as {
  checkSyntax: (dir: string, ecma: number, files?: string[]) => string[];
  buildEcmaVersion: () => number;
};
const { checkDist } = require("../../scripts/check-dist") as {
  checkDist: (dir: string, options?: { ecmaVersion?: number }) => string[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

function dir(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "perfcycle-syntax-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(d, name), text);
  return d;
}

/** A "bundle" made by esbuild from a library file, with its external source map. */
function bundleFrom(source: string, sourcefile: string): { code: string; map: string } {
  const r = transformSync(source, {
    sourcemap: "external",
    sourcefile,
    target: "esnext",
    minify: true,
    format: "iife",
  });
  return { code: r.code, map: r.map };
}

describe("checking the bundles' syntax", () => {
  it("lowers to ES2017: Safari 11.1, the WebKit of macOS 10.13.6, the oldest Office for Mac 16.40 runs on", () => {
    expect(buildEcmaVersion()).toBe(2017);
  });

  it("names the bundle, line, column and original file of a class static block (tabster's ES2022)", () => {
    const { code, map } = bundleFrom(
      "export class Keyborg {\n  static {\n    Keyborg.n = 1;\n  }\n}\n",
      "node_modules/tabster/dist/tabster.esm.js",
    );
    const d = dir({ "taskpane.js": `${code}`, "taskpane.js.map": map });
    const problems = checkSyntax(d, 2017);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^taskpane\.js:1:\d+: does not parse as ES2017 .*from node_modules\/tabster\/dist\/tabster\.esm\.js:2:\d+/,
    );
  });

  it("refuses optional chaining, class fields and regular expression lookbehind at ES2017", () => {
    const d = dir({
      "a.js": "var x = a?.b;",
      "b.js": "class A { x = 1 }",
      "c.js": "var r = /(?<=\\$)\\d+/;",
    });
    const problems = checkSyntax(d, 2017);
    expect(problems).toEqual([
      expect.stringMatching(/^a\.js:1:\d+: does not parse as ES2017/),
      expect.stringMatching(/^b\.js:1:\d+: does not parse as ES2017/),
      expect.stringMatching(/^c\.js:1:\d+: does not parse as ES2017 \(Invalid regular expression/),
    ]);
    expect(checkSyntax(d, 2022)).toEqual([]);
  });

  it("accepts ES2017: async functions, arrows, classes, template strings, exponent", () => {
    const d = dir({
      "ok.js": "class A { async f() { await 1; return `${2 ** 3}`; } } const g = (...a) => a;",
    });
    expect(checkSyntax(d, 2017)).toEqual([]);
  });

  it("checks, in check-dist, the bundles the task pane page loads and not the preview's", () => {
    const d = dir({
      "taskpane.html":
        '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' +
        '<script defer src="functions.js"></script><script defer src="taskpane.js"></script>',
      "functions.js": "var ok = 1;",
      "taskpane.js": "class K { static { init(); } }",
      "preview.js": "var later = a ?? b;",
    });
    const syntax = checkDist(d, { ecmaVersion: 2017 }).filter((p) => /does not parse as/.test(p));
    expect(syntax).toEqual([expect.stringMatching(/^taskpane\.js:1:\d+: does not parse as ES2017/)]);
  });
});

describe("the task pane page in Internet Explorer 11 (Trident), which PerfCycle does not support", () => {
  const html = fs.readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");

  it("has an inline check written in ES5, which Trident parses", () => {
    expect(inline).toHaveLength(1);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require("acorn") as typeof import("acorn");
    expect(() => acorn.parse(inline[0] ?? "", { ecmaVersion: 5 })).not.toThrow();
  });

  it("says so in the pane instead of leaving it blank, and stays silent elsewhere", () => {
    const run = (userAgent: string): string => {
      const root = { innerHTML: "" };
      new Function("navigator", "document", inline[0] ?? "")(
        { userAgent },
        { getElementById: (id: string) => (id === "root" ? root : null) },
      );
      return root.innerHTML;
    };
    expect(run("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko")).toMatch(
      /role="alert".*cannot run in this version of Office.*WebView2/,
    );
    expect(run("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko)")).toBe("");
  });
});

describe("built-ins the oldest webview lacks", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { installWebviewSupport } = require("../../src/taskpane/webviewSupport") as {
    installWebviewSupport: (g: Record<string, unknown>) => string[];
  };

  it("supplies WeakRef (tabster needs it; Safari 14.1) and globalThis (Safari 12.1) where missing", () => {
    const g: Record<string, unknown> = {};
    expect(installWebviewSupport(g)).toEqual(["globalThis", "WeakRef"]);
    const WeakRefStandIn = g.WeakRef as new (t: object) => { deref(): unknown };
    const target = { id: 1 };
    expect(new WeakRefStandIn(target).deref()).toBe(target);
    expect(() => new WeakRefStandIn(1 as unknown as object)).toThrow(TypeError);
    expect(g.globalThis).toBe(g);
  });

  it("leaves the webview's own built-ins alone", () => {
    const g: Record<string, unknown> = { globalThis: globalThis, WeakRef };
    expect(installWebviewSupport(g)).toEqual([]);
    expect(g.WeakRef).toBe(WeakRef);
  });
});
