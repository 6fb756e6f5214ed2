/* Offline checks of manifest.xml (scripts/manifest-check.js) and of the build output checks. */
import fs from "fs";
import os from "os";
import path from "path";

type CheckOptions = { assetsDir?: string; distDir?: string };
/* eslint-disable @typescript-eslint/no-require-imports */
const { checkManifest, readPngSize } = require("../../scripts/manifest-check") as {
  checkManifest: (xml: string, options?: CheckOptions) => string[];
  readPngSize: (file: string) => { width?: number; height?: number; error?: string };
};
const { checkDist } = require("../../scripts/check-dist") as { checkDist: (distDir: string) => string[] };
const { rewriteManifest } = require("../../webpack.config.js") as {
  rewriteManifest: (xml: string, baseUrl: string) => string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.join(__dirname, "..", "..");
const ASSETS = path.join(ROOT, "assets");
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

function check(xml: string, options: CheckOptions = {}): string[] {
  return checkManifest(xml, { assetsDir: ASSETS, ...options });
}

/** Replaces exactly one occurrence, so a test cannot silently stop testing anything. */
function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === "string" ? xml.split(from).length - 1 : (xml.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`expected one match of ${String(from)}, found ${count}`);
  return xml.replace(from, to);
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "perfcycle-manifest-"));
}

describe("source manifest.xml", () => {
  test("passes every offline check", () => {
    expect(check(SOURCE)).toEqual([]);
  });

  test("is a shared-runtime Excel add-in with the PERF namespace", () => {
    expect(SOURCE).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(SOURCE).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(SOURCE).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PERF"\/>/);
    expect(SOURCE).toContain("<Permissions>ReadWriteDocument</Permissions>");
  });

  test("ships icons of the sizes their names say", () => {
    for (const n of [16, 32, 64, 80, 128]) {
      expect(readPngSize(path.join(ASSETS, `icon-${n}.png`))).toEqual({ width: n, height: n });
    }
  });
});

describe("broken manifests are reported", () => {
  test("missing resource id", () => {
    const xml = replaceOnce(SOURCE, /\s*<bt:String id="TaskpaneButton.Tooltip"[^>]*\/>/, "");
    const problems = check(xml);
    expect(problems).toEqual([
      expect.stringMatching(/^\[resid\] resid "TaskpaneButton.Tooltip".*not defined/),
    ]);
  });

  test("resid defined in the wrong collection", () => {
    const xml = replaceOnce(SOURCE, '<Label resid="TaskpaneButton.Label"/>', '<Label resid="Taskpane.Url"/>');
    expect(check(xml)).toEqual([expect.stringMatching(/^\[resid\] resid "Taskpane.Url".*bt:ShortStrings/)]);
  });

  test("http URL", () => {
    const xml = replaceOnce(
      SOURCE,
      '"https://localhost:3000/functions.js"',
      '"http://localhost:3000/functions.js"',
    );
    expect(check(xml)).toEqual([
      expect.stringMatching(/^\[https\] resource "Functions.Script.Url" must use https/),
    ]);
  });

  test("bad GUID", () => {
    const xml = SOURCE.replace(/<Id>[^<]*<\/Id>/, "<Id>perfcycle-addin</Id>");
    expect(check(xml)).toEqual([expect.stringMatching(/^\[id\] <Id> must be a GUID/)]);
  });

  test("bad version", () => {
    const xml = replaceOnce(SOURCE, "<Version>1.0.0.0</Version>", "<Version>1.0</Version>");
    expect(check(xml)).toEqual([expect.stringMatching(/^\[version\]/)]);
  });

  test("wrong element order", () => {
    const version = "<Version>1.0.0.0</Version>";
    const provider = "<ProviderName>PerfCycle</ProviderName>";
    const xml = replaceOnce(SOURCE, `${version}\n  ${provider}`, `${provider}\n  ${version}`);
    expect(check(xml)).toEqual([
      expect.stringMatching(/^\[order\] <Version> must come before <ProviderName>/),
    ]);
  });

  test("Requirements after DefaultSettings is out of order", () => {
    const req = SOURCE.match(/\s*<Requirements>[\s\S]*?<\/Requirements>/)![0];
    const xml = replaceOnce(SOURCE.replace(req, ""), "<Permissions>", `${req.trim()}\n  <Permissions>`);
    expect(check(xml)).toEqual([
      expect.stringMatching(/^\[order\] <Requirements> must come before <DefaultSettings>/),
    ]);
  });

  test("malformed XML", () => {
    const xml = replaceOnce(SOURCE, "</DefaultSettings>", "");
    const problems = check(xml);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\[xml\] the manifest is not well-formed XML/);
  });

  test("empty input", () => {
    expect(check("")).toEqual([expect.stringMatching(/^\[xml\]/)]);
  });

  test("not a task pane add-in", () => {
    const xml = replaceOnce(SOURCE, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"');
    expect(check(xml)).toEqual([expect.stringMatching(/^\[root\].*TaskPaneApp/)]);
  });

  test("icon of the wrong size", () => {
    const assets = tmpDir();
    for (const f of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, f), path.join(assets, f));
    fs.copyFileSync(path.join(ASSETS, "icon-16.png"), path.join(assets, "icon-32.png"));
    const problems = check(SOURCE, { assetsDir: assets });
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(/^\[icon\] .*icon-32\.png must be 32x32 px, found 16x16/);
  });

  test("icon that is not a PNG, and icon missing", () => {
    const assets = tmpDir();
    for (const f of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, f), path.join(assets, f));
    fs.writeFileSync(path.join(assets, "icon-80.png"), "GIF89a not really");
    fs.unlinkSync(path.join(assets, "icon-64.png"));
    const problems = check(SOURCE, { assetsDir: assets });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[icon\] .*icon-80\.png is not a PNG file/),
        expect.stringMatching(/^\[icon\] <HighResolutionIconUrl> .*icon-64\.png does not exist/),
      ]),
    );
  });

  test("no shared runtime requirement", () => {
    const xml = replaceOnce(SOURCE, /\s*<Set Name="SharedRuntime" MinVersion="1.1"\/>/, "");
    expect(check(xml)).toEqual([expect.stringMatching(/^\[requirements\].*SharedRuntime/)]);
  });

  test("custom functions runtime too old for error cells as inputs", () => {
    const xml = replaceOnce(
      SOURCE,
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>',
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>',
    );
    expect(check(xml)).toEqual([
      expect.stringMatching(
        /^\[requirements\] CustomFunctionsRuntime MinVersion must be at least 1.3.*"1.2"/,
      ),
    ]);
    const none = replaceOnce(SOURCE, /\s*<Set Name="CustomFunctionsRuntime" MinVersion="1.3"\/>/, "");
    expect(check(none)).toEqual([expect.stringMatching(/^\[requirements\].*CustomFunctionsRuntime/)]);
  });

  test("short-lived runtime", () => {
    const xml = replaceOnce(SOURCE, 'lifetime="long"', 'lifetime="short"');
    expect(check(xml)).toEqual([expect.stringMatching(/^\[runtime\].*lifetime must be "long"/)]);
  });

  test("custom functions page outside the shared runtime", () => {
    const xml = replaceOnce(
      SOURCE,
      /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
      '<Page><SourceLocation resid="Functions.Script.Url"/>',
    );
    expect(check(xml)).toEqual([expect.stringMatching(/^\[runtime\] custom functions <Page>/)]);
  });

  test("wrong custom functions namespace", () => {
    const xml = replaceOnce(SOURCE, 'DefaultValue="PERF"', 'DefaultValue="CONTOSO"');
    expect(check(xml)).toEqual([expect.stringMatching(/^\[customfunctions\].*"PERF".*"CONTOSO"/)]);
  });

  test("files the build did not emit", () => {
    const dist = tmpDir();
    const problems = check(SOURCE, { distDir: dist });
    for (const f of ["taskpane.html", "functions.js", "functions.json"]) {
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`^\\[dist\\] .*${f.replace(".", "\\.")}`))]),
      );
    }
  });
});

describe("production manifest", () => {
  test("rewriting to the production base URL leaves no localhost and stays valid", () => {
    const prod = rewriteManifest(SOURCE, "https://perfcycle.example.org/addin/");
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain(
      '<bt:Url id="Functions.Script.Url" DefaultValue="https://perfcycle.example.org/addin/functions.js"/>',
    );
    expect(prod).toContain("<AppDomain>https://perfcycle.example.org</AppDomain>");
    expect(check(prod)).toEqual([]);
  });

  test("check-dist accepts a complete dist and refuses a preview that needs the network", () => {
    const dist = tmpDir();
    fs.mkdirSync(path.join(dist, "assets"));
    for (const f of fs.readdirSync(ASSETS))
      fs.copyFileSync(path.join(ASSETS, f), path.join(dist, "assets", f));
    fs.writeFileSync(
      path.join(dist, "manifest.xml"),
      rewriteManifest(SOURCE, "https://perfcycle.example.org/addin/"),
    );
    fs.writeFileSync(path.join(dist, "functions.js"), "");
    fs.writeFileSync(path.join(dist, "taskpane.js"), "");
    fs.writeFileSync(
      path.join(dist, "functions.json"),
      JSON.stringify({ allowErrorForDataTypeAny: true, functions: [{ id: "X", name: "X" }] }),
    );
    fs.writeFileSync(
      path.join(dist, "taskpane.html"),
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' +
        '<script defer src="functions.js"></script><script defer src="taskpane.js"></script>',
    );
    fs.writeFileSync(path.join(dist, "preview.html"), '<script defer src="preview.js"></script>');
    expect(checkDist(dist)).toEqual([]);

    fs.writeFileSync(
      path.join(dist, "functions.json"),
      JSON.stringify({ functions: [{ id: "X", name: "X" }] }),
    );
    expect(checkDist(dist)).toEqual([
      expect.stringMatching(/functions\.json lacks "allowErrorForDataTypeAny": true/),
    ]);
    fs.writeFileSync(
      path.join(dist, "functions.json"),
      JSON.stringify({ allowErrorForDataTypeAny: true, functions: [{ id: "X", name: "X" }] }),
    );

    fs.writeFileSync(
      path.join(dist, "preview.html"),
      '<link rel="stylesheet" href="https://cdn.example.com/x.css"><script defer src="preview.js"></script>',
    );
    expect(checkDist(dist)).toEqual([
      expect.stringMatching(/preview\.html loads https:\/\/cdn\.example\.com.*offline/),
    ]);
  });
});
