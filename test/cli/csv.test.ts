import { CliError } from "../../src/cli/errors";
import { decodeText, parseCsv } from "../../src/cli/csv";

describe("parseCsv", () => {
  test("reads quoted fields with commas, doubled quotes and line breaks; CRLF rows; blank cells as null", () => {
    const text = 'Indicator,"2015-16 Q1",Note\r\n"Reach, all","1,242","said ""tbc""\r\nlater"\r\nNEET,,\r\n';
    expect(parseCsv(text, "w.csv")).toEqual([
      ["Indicator", "2015-16 Q1", "Note"],
      ["Reach, all", "1,242", 'said "tbc"\r\nlater'],
      ["NEET", null, null],
    ]);
  });

  test("keeps a quoted empty field as text and pads short rows", () => {
    expect(parseCsv('a,b,c\n"",x\n', "w.csv")).toEqual([
      ["a", "b", "c"],
      ["", "x", null],
    ]);
  });

  test("takes semicolons or tabs as the delimiter when the header line uses them", () => {
    expect(parseCsv("Id;2015-16 Q1\nEH;12,5%\n", "w.csv")).toEqual([
      ["Id", "2015-16 Q1"],
      ["EH", "12,5%"],
    ]);
    expect(parseCsv("Id\t2015-16 Q1\nEH\t5\n", "w.csv")).toEqual([
      ["Id", "2015-16 Q1"],
      ["EH", "5"],
    ]);
  });

  test("an unclosed quote is an error naming the line where it opened", () => {
    expect(() => parseCsv('a,b\n1,2\n"x,3\n4,5\n', "w.csv")).toThrow(CliError);
    expect(() => parseCsv('a,b\n1,2\n"x,3\n4,5\n', "w.csv")).toThrow(/w\.csv line 3/);
  });
});

describe("decodeText", () => {
  test("drops a UTF-8 byte-order mark", () => {
    expect(decodeText(Buffer.from("\ufeffId,£\n", "utf8"))).toBe("Id,£\n");
  });

  test("reads bytes that are not UTF-8 as Windows-1252 (Excel's CSV on Windows)", () => {
    expect(decodeText(Buffer.from([0x41, 0xa3, 0x31, 0x96, 0x32]))).toBe("A£1–2");
  });
});
