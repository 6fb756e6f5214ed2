import { deflateRawSync } from "node:zlib";
import { CliError } from "../../src/cli/errors";
import { DEFAULT_LIMITS } from "../../src/cli/limits";
import { countRows, inspectXlsx } from "../../src/cli/package";
import { makeZip, type ZipPart } from "./helpers";

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);
const WORKBOOK = Buffer.from(
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Q&amp;A data" sheetId="1" r:id="rId1"/></sheets></workbook>',
);
const RELS = Buffer.from(
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
);

function sheetXml(rows: number, prefix = ""): Buffer {
  const p = prefix ? `${prefix}:` : "";
  const body: string[] = [];
  for (let r = 1; r <= rows; r++)
    body.push(`<${p}row r="${r}"><${p}c r="A${r}"><${p}v>${r}</${p}v></${p}c></${p}row>`);
  return Buffer.from(
    `<?xml version="1.0"?><${p}worksheet xmlns${prefix ? `:${prefix}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${body.join("")}</${p}sheetData><${p}rowBreaks count="0"/></${p}worksheet>`,
  );
}

function book(extra: ZipPart[] = [], rows = 3): Buffer {
  return makeZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "xl/workbook.xml", data: WORKBOOK },
    { name: "xl/_rels/workbook.xml.rels", data: RELS },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml(rows) },
    ...extra,
  ]);
}

function refusal(buf: Buffer, limits = DEFAULT_LIMITS): string {
  try {
    inspectXlsx(buf, "book.xlsx", limits);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    const m = (e as CliError).message;
    expect(m).not.toMatch(/\n/);
    return m;
  }
  throw new Error("the file was accepted");
}

describe("inspectXlsx accepts a well-formed workbook package", () => {
  test("maps sheets to their names and counts their rows", () => {
    const info = inspectXlsx(book([], 7), "book.xlsx");
    expect(info.sheets).toEqual([{ name: "Q&A data", part: "xl/worksheets/sheet1.xml", rows: 7 }]);
    expect(info.unkept).toEqual([]);
  });

  test("reads table parts as the file says, headerRowCount absent meaning 1", () => {
    const table = Buffer.from(
      '<table xmlns="x" id="1" name="PerfActuals" displayName="PerfActuals" ref="A1:H9" totalsRowShown="0">',
    );
    const noHeader = Buffer.from(
      '<table id="2" name="Other" ref="A1:B2" headerRowCount="0" totalsRowCount="1">',
    );
    const info = inspectXlsx(
      book([
        { name: "xl/tables/table1.xml", data: table },
        { name: "xl/tables/table2.xml", data: noHeader },
      ]),
      "book.xlsx",
    );
    expect(info.tables).toEqual([
      { name: "PerfActuals", ref: "A1:H9", headerRowCount: 1, totalsRowCount: 0 },
      { name: "Other", ref: "A1:B2", headerRowCount: 0, totalsRowCount: 1 },
    ]);
  });

  test("names the parts a save through ExcelJS would lose", () => {
    const info = inspectXlsx(
      book([
        { name: "xl/charts/chart1.xml", data: Buffer.from("<c/>") },
        { name: "xl/pivotTables/pivotTable1.xml", data: Buffer.from("<p/>") },
      ]),
      "book.xlsx",
    );
    expect([...info.unkept].sort()).toEqual(["charts", "pivot tables"]);
    expect(info.settingsLost).toEqual([]);
  });

  test("names content inside kept parts that would be lost (sparklines, shapes), and lost settings apart", () => {
    const sparkSheet = Buffer.from(
      '<worksheet xmlns="x"><sheetData/><extLst><ext><x14:sparklineGroups xmlns:x14="y"/></ext></extLst></worksheet>',
    );
    const info = inspectXlsx(
      makeZip([
        { name: "[Content_Types].xml", data: CONTENT_TYPES },
        { name: "xl/workbook.xml", data: WORKBOOK },
        { name: "xl/_rels/workbook.xml.rels", data: RELS },
        { name: "xl/worksheets/sheet1.xml", data: sparkSheet },
        {
          name: "xl/drawings/drawing1.xml",
          data: Buffer.from(
            "<xdr:wsDr><xdr:twoCellAnchor><xdr:sp>box</xdr:sp></xdr:twoCellAnchor></xdr:wsDr>",
          ),
        },
        { name: "xl/webextensions/webextension1.xml", data: Buffer.from("<we:webextension/>") },
      ]),
      "book.xlsx",
    );
    expect([...info.unkept].sort()).toEqual(["shapes, text boxes or charts in drawings", "sparklines"]);
    expect(info.settingsLost).toEqual(["add-in task pane settings"]);
  });

  test("a drawing holding only pictures is kept (ExcelJS writes pictures back)", () => {
    const info = inspectXlsx(
      book([
        {
          name: "xl/drawings/drawing1.xml",
          data: Buffer.from("<xdr:wsDr><xdr:oneCellAnchor><xdr:pic/></xdr:oneCellAnchor></xdr:wsDr>"),
        },
      ]),
      "book.xlsx",
    );
    expect(info.unkept).toEqual([]);
  });
});

describe("inspectXlsx refuses, in one line naming the file", () => {
  test("an empty file", () => {
    expect(refusal(Buffer.alloc(0))).toMatch(/book\.xlsx is empty/);
  });

  test("a file that is not a zip package", () => {
    expect(refusal(Buffer.from("IndicatorId,Value\nEH-EHA,12\n"))).toMatch(
      /book\.xlsx is not an Excel workbook.*not a zip/,
    );
  });

  test("a password-protected workbook (an encrypted compound file)", () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
    expect(refusal(cfb)).toMatch(/password-protected/);
  });

  test("an old .xls (a compound file without encryption)", () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    expect(refusal(cfb)).toMatch(/97-2003 \(\.xls\)/);
  });

  test("a zip whose parts are encrypted", () => {
    const parts: ZipPart[] = [
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "xl/workbook.xml", data: WORKBOOK, flags: 1 },
    ];
    expect(refusal(makeZip(parts))).toMatch(/password-protected/);
  });

  test("a truncated file (the zip directory is missing)", () => {
    const whole = book();
    expect(refusal(whole.subarray(0, Math.floor(whole.length * 0.6)))).toMatch(/damaged.*cut short/);
  });

  test("a zip with a corrupt part", () => {
    const whole = book();
    const broken = Buffer.from(whole);
    // Overwrite the deflated bytes of the first part with garbage.
    for (let i = 60; i < 80; i++) broken[i] = 0xff;
    expect(refusal(broken)).toMatch(/damaged/);
  });

  test("a zip that is not a workbook", () => {
    expect(refusal(makeZip([{ name: "readme.txt", data: Buffer.from("hello") }]))).toMatch(
      /zip file but not an Excel workbook/,
    );
  });

  test("a zip bomb whose directory declares a huge unpacked size", () => {
    const bomb = book([
      { name: "xl/worksheets/sheet2.xml", data: Buffer.from("<x/>"), declaredSize: 4_000_000_000 },
    ]);
    expect(refusal(bomb)).toMatch(/zip bomb/);
  });

  test("a zip bomb whose directory understates what a part unpacks to", () => {
    const zeros = Buffer.alloc(5_000_000, 0x20);
    const bomb = book([{ name: "xl/sharedStrings.xml", data: zeros, declaredSize: 1000 }]);
    expect(refusal(bomb)).toMatch(/unpacks to more than the 1000 bytes its zip directory declares/);
  });

  test("a part compressed far beyond what spreadsheets compress to", () => {
    const zeros = Buffer.alloc(3_000_000, 0x20);
    expect(deflateRawSync(zeros).length * 200).toBeLessThan(zeros.length);
    const limits = { ...DEFAULT_LIMITS, ratioFloorBytes: 1_000_000, maxRatio: 200 };
    expect(refusal(book([{ name: "xl/sharedStrings.xml", data: zeros }]), limits)).toMatch(
      /times larger than it is stored.*zip bomb/,
    );
  });

  test("a sheet with more rows than the limit, naming the sheet", () => {
    const limits = { ...DEFAULT_LIMITS, maxRows: 50 };
    expect(() => inspectXlsx(book([], 50), "book.xlsx", limits)).not.toThrow();
    expect(refusal(book([], 51), limits)).toMatch(/sheet "Q&A data" has more than 50 rows/);
  });
});

describe("countRows", () => {
  test("counts row elements, not rowBreaks, with or without a namespace prefix", () => {
    expect(countRows(sheetXml(12))).toBe(12);
    expect(countRows(sheetXml(9, "x"))).toBe(9);
  });

  test("stops counting once past the limit", () => {
    expect(countRows(sheetXml(100), 10)).toBe(11);
  });
});
