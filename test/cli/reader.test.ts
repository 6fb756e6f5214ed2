/**
 * The reader of the package's parts (src/cli/ooxml): OPC relationship targets, part names in any
 * case, the cell types every producer writes, the 1900 and 1904 date systems, workbooks without
 * styles, themes or shared strings, and one-line refusals naming the part.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { openXlsxBuffer } from "../../src/cli/ooxml/book";
import { relativeTarget, resolveTarget } from "../../src/cli/ooxml/opc";
import { scanXml } from "../../src/cli/ooxml/scan";
import { applyTint, isDateFormat } from "../../src/cli/ooxml/styles";
import { fixture } from "./corpus";
import { makeZip, run, tempDir, unzip, type ZipPart } from "./helpers";

const dir = tempDir();
afterAll(() => dir.cleanup());

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const ROOT_RELS = (target: string): string =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

/** A hand-made package: one sheet, optionally shared strings and styles, any workbookPr. */
function miniBook(options: {
  readonly sheet: string;
  readonly sst?: string;
  readonly styles?: string;
  readonly workbookPr?: string;
  readonly names?: (n: string) => string;
}): Buffer {
  const rename = options.names ?? ((n: string) => n);
  const rels = [
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/${rename("xl/worksheets/sheet1.xml")}"/>`,
    options.sst
      ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
      : "",
    options.styles
      ? `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="./styles.xml"/>`
      : "",
  ].join("");
  const parts: ZipPart[] = [
    { name: "[Content_Types].xml", data: Buffer.from(CT) },
    { name: rename("_rels/.rels"), data: Buffer.from(ROOT_RELS("xl/workbook.xml")) },
    {
      name: rename("xl/workbook.xml"),
      data: Buffer.from(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.workbookPr ?? ""}<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: rename("xl/_rels/workbook.xml.rels"),
      data: Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
      ),
    },
    {
      name: rename("xl/worksheets/sheet1.xml"),
      data: Buffer.from(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${options.sheet}</sheetData></worksheet>`,
      ),
    },
  ];
  if (options.sst) parts.push({ name: rename("xl/sharedStrings.xml"), data: Buffer.from(options.sst) });
  if (options.styles) parts.push({ name: rename("xl/styles.xml"), data: Buffer.from(options.styles) });
  return makeZip(parts);
}

const SST = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>plain</t></si><si><r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r><rPh><t>ruby</t></rPh></si><si><t>line_x000D_break</t></si></sst>`;
const STYLES = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/></patternFill></fill></fills><cellXfs count="4"><xf numFmtId="0" fillId="0"/><xf numFmtId="164" fillId="0" applyNumberFormat="1"/><xf numFmtId="10" fillId="2"/><xf numFmtId="14" fillId="0"/></cellXfs></styleSheet>`;

describe("cell values, as every producer writes them", () => {
  const sheet =
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c><c r="D1" t="inlineStr"><is><r><t>in</t></r><r><t>line rich</t></r></is></c><c r="E1" t="s"><v>2</v></c></row>` +
    `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2"><f>1+1</f><v>2</v></c><c r="E2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>` +
    `<row r="3"><c r="A3" s="1"><v>42185</v></c><c r="B3" s="2"><v>0.125</v></c><c r="C3" s="3"><v>42185</v></c><c r="D3" t="d"><v>2015-06-30T00:00:00</v></c><c r="E3"><f>A9</f></c></row>` +
    // Rows and cells without r follow the one before.
    `<row><c><v>7</v></c><c><v>8</v></c></row>`;

  test("shared, rich, inline and escaped strings; booleans; errors; cached formula results; dates", () => {
    const book = openXlsxBuffer(miniBook({ sheet, sst: SST, styles: STYLES }), "mini.xlsx");
    const g = book.grid(book.worksheets()[0]!);
    expect(g.grid[0]).toEqual(["plain", "rich text", "inline", "inline rich", "line\rbreak"]);
    expect(g.grid[1]).toEqual([true, false, "#DIV/0!", 2, "ab"]);
    expect(g.grid[2]).toEqual([
      new Date(Date.UTC(2015, 5, 30)),
      0.125,
      new Date(Date.UTC(2015, 5, 30)),
      new Date(Date.UTC(2015, 5, 30)),
      null,
    ]);
    expect(g.grid[3]).toEqual([7, 8, null, null, null]);
    expect(g.formats?.[2]?.slice(0, 3)).toEqual(["dd/mm/yyyy", "0.00%", "mm-dd-yy"]);
    expect(g.fills?.[2]?.[1]).toBe("#00B050");
    expect(g.hidden).toBe(false);
  });

  test("the 1904 date system moves every date serial by 1,462 days", () => {
    const book = openXlsxBuffer(
      miniBook({
        sheet: `<row r="1"><c r="A1" s="1"><v>40723</v></c></row>`,
        styles: STYLES,
        workbookPr: `<workbookPr date1904="1"/>`,
      }),
      "mac.xlsx",
    );
    expect(book.grid(book.worksheets()[0]!).grid[0]?.[0]).toEqual(new Date(Date.UTC(2015, 5, 30)));
  });

  test("a workbook without styles, theme or shared strings reads as General with no fills", () => {
    const book = openXlsxBuffer(
      miniBook({
        sheet: `<row r="1"><c r="A1" s="5"><v>3</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>`,
      }),
      "bare.xlsx",
    );
    const g = book.grid(book.worksheets()[0]!);
    expect(g.grid).toEqual([[3, "x"]]);
    expect(g.formats).toEqual([["General", "General"]]);
    expect(g.fills).toEqual([[null, null]]);
  });

  test("part names in any case and absolute relationship targets are found (OPC)", () => {
    const upper = (n: string): string => n.replace(/^xl\//, "XL/").replace("sheet1", "Sheet1");
    const book = openXlsxBuffer(
      miniBook({ sheet: `<row r="1"><c r="A1"><v>1</v></c></row>`, names: upper }),
      "case.xlsx",
    );
    expect(book.grid(book.worksheets()[0]!).grid).toEqual([[1]]);
  });

  test("malformed XML in a sheet is one line naming the part", async () => {
    writeFileSync(dir.file("bad.xlsx"), miniBook({ sheet: `<row r="1"><c r="A1"><v>1</v></row>` }));
    const r = await run(["import", dir.file("bad.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.xlsx is damaged .*xl\/worksheets\/sheet1\.xml is not well-formed XML/);
  });
});

describe("OPC rules", () => {
  test.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../tables/table1.xml", "xl/tables/table1.xml"],
    ["xl/worksheets/sheet1.xml", "../../xl/./drawings/drawing1.xml", "xl/drawings/drawing1.xml"],
    ["xl/workbook.xml", "worksheets/My%20sheet.xml", "xl/worksheets/My sheet.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["xl/workbook.xml", "../../../x.xml", "x.xml"],
  ])("a target in %s: %s is %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  test("a relative target written back resolves to the same part", () => {
    for (const [source, part] of [
      ["xl/workbook.xml", "xl/worksheets/sheet9.xml"],
      ["xl/worksheets/sheet1.xml", "xl/tables/table3.xml"],
      ["x/book.xml", "xl/worksheets/sheet2.xml"],
    ] as const)
      expect(resolveTarget(source, relativeTarget(source, part))).toBe(part);
  });
});

describe("styles", () => {
  test.each([
    ["dd/mm/yyyy", true],
    ["[$-809]dd mmmm yyyy", true],
    ["h:mm", true],
    ["0.0%", false],
    ['#,##0 "days"', false],
    ["General", false],
    ["0.00E+00", false],
    ["[Red]#,##0", false],
  ])("%s shows a date: %s", (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });

  test("tints lighten and darken as Excel does", () => {
    expect(applyTint("4472C4", 0)).toBe("4472C4");
    expect(applyTint("000000", 0.5)).toBe("808080");
    expect(applyTint("FFFFFF", -0.5)).toBe("808080");
  });
});

describe("refusals, one line each", () => {
  test("Strict Open XML is refused with what to do", async () => {
    const r = await run(["check", fixture("real/poi-sample.strict.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is saved as Strict Open XML Spreadsheet, .*Save As > Excel Workbook/);
  });

  test("an encrypted Excel file (excelize's AES sample) is refused as password-protected", async () => {
    const r = await run(["evaluate", fixture("real/excelize-encryptAES.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is password-protected/);
  });

  test("a package whose office document is missing is not a workbook", async () => {
    const parts = unzip(readFileSync(fixture("exceljs.xlsx")));
    const kept = [...parts].filter(([n]) => n !== "xl/workbook.xml").map(([name, data]) => ({ name, data }));
    writeFileSync(dir.file("nobook.xlsx"), makeZip(kept));
    const r = await run(["check", dir.file("nobook.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a zip file but not an Excel workbook/);
  });
});

describe("the sheet scanner", () => {
  const events = (xml: string): string[] => {
    const out: string[] = [];
    scanXml(
      Buffer.from(xml),
      {
        open: (n, a) =>
          out.push(
            `<${n}${Object.entries(a)
              .map(([k, v]) => ` ${k}=${v}`)
              .join("")}>`,
          ),
        close: (n) => out.push(`</${n}>`),
        text: (t) => {
          if (t.trim() !== "") out.push(t);
        },
      },
      "f.xlsx",
      "xl/worksheets/sheet1.xml",
    );
    return out;
  };

  test("prefixes, comments, CDATA, entities, quotes and > inside attributes", () => {
    expect(
      events(
        `<?xml version="1.0"?><!-- a comment --><x:ws a='1 > 0' b="&amp;&#65;"><x:v><![CDATA[<raw>]]></x:v><x:t>a &lt; b</x:t><x:e/></x:ws>`,
      ),
    ).toEqual(["<ws a=1 > 0 b=&A>", "<v>", "<raw>", "</v>", "<t>", "a < b", "</t>", "<e>", "</e>", "</ws>"]);
  });

  test.each([
    [`<a><b></a>`, /<\/a> closes <b>/],
    [`<a><b>`, /<b> is not closed/],
    [`<a x="1></a>`, /unterminated/],
    [`<a></a><b/>`, /a second root element/],
    [`<a><!-- never closed`, /unterminated comment/],
  ])("%s is not well-formed", (xml, why) => {
    expect(() => events(xml)).toThrow(why);
  });
});
