/**
 * How the committee report reaches the user on each host: a download where the webview saves
 * downloads, the report window where it does not (Excel for Mac: office-js#2700), and the report
 * sheet where neither is possible.
 */
import { chooseReportDelivery, createReportExporter } from "../../src/taskpane/exportReport";
import { officeHostTraits, type OfficeLike } from "../../src/workbook/reportDialog";

const traits = (platform: string | null, dialogApi: "1.2" | "1.1" | "none" = "1.2") => ({
  platform,
  dialogApi,
});

describe("choosing how the report is delivered", () => {
  it("downloads in the browser preview, Excel on the web and Excel for Windows", () => {
    expect(chooseReportDelivery(traits(null, "none"))).toEqual({
      delivery: "download",
      explanation: "The report downloads as one HTML file.",
    });
    expect(chooseReportDelivery(traits("OfficeOnline")).delivery).toBe("download");
    expect(chooseReportDelivery(traits("OfficeOnline")).explanation).toMatch(
      /^Excel on the web: .*through your browser/,
    );
    expect(chooseReportDelivery(traits("PC", "none")).delivery).toBe("download");
  });

  it("opens the report window on Excel for Mac and iPad, saying why and how to keep a copy", () => {
    for (const api of ["1.2", "1.1"] as const) {
      const mac = chooseReportDelivery(traits("Mac", api));
      expect(mac.delivery).toBe("dialog");
      expect(mac.explanation).toMatch(
        /^Excel for Mac does not save downloads from add-ins, so the report opens in a window with Print and Save/,
      );
      expect(mac.explanation).toContain("Save as PDF");
    }
    expect(chooseReportDelivery(traits("iOS")).explanation).toMatch(
      /^Excel for iPad does not save downloads/,
    );
  });

  it("points to the report sheet where no window can be opened either", () => {
    const old = chooseReportDelivery(traits("Mac", "none"));
    expect(old.delivery).toBe("sheet");
    expect(old.explanation).toMatch(/Print the quarter's report sheet from Excel instead \(File → Print\)/);
  });

  it("uses the window, not a download, on a platform it does not know saves downloads", () => {
    expect(chooseReportDelivery(traits("Android")).delivery).toBe("dialog");
    expect(chooseReportDelivery(traits("Universal", "none")).delivery).toBe("sheet");
  });
});

describe("reading the host's traits from Office.js", () => {
  const office = (platform: unknown, sets: Record<string, string>): OfficeLike => ({
    context: {
      platform,
      requirements: {
        isSetSupported: (name, v = "1.1") => sets[name] !== undefined && Number(sets[name]) >= Number(v),
      },
      ui: { displayDialogAsync: () => undefined },
    },
  });

  it("takes Office.context.platform and the highest DialogApi set supported", () => {
    expect(officeHostTraits(office("Mac", { DialogApi: "1.2" }))).toEqual({
      platform: "Mac",
      dialogApi: "1.2",
    });
    expect(officeHostTraits(office("Mac", { DialogApi: "1.1" }))).toEqual({
      platform: "Mac",
      dialogApi: "1.1",
    });
    expect(officeHostTraits(office("PC", {}))).toEqual({ platform: "PC", dialogApi: "none" });
  });

  it("is 'outside Office' with no Office global", () => {
    expect(officeHostTraits(undefined)).toEqual({ platform: null, dialogApi: "none" });
  });
});

describe("the exporter", () => {
  it("downloads the HTML file by name on a download host", async () => {
    const files: string[] = [];
    const ex = createReportExporter(chooseReportDelivery(traits("PC")), {
      download: (content, name, type) => files.push(`${name}|${type}|${content}`),
    });
    await expect(ex.deliver("<p>r</p>", "PerfCycle report 2015-16 Q2.html")).resolves.toMatch(
      /^PerfCycle report 2015-16 Q2\.html/,
    );
    expect(files).toEqual(["PerfCycle report 2015-16 Q2.html|text/html|<p>r</p>"]);
  });

  it("opens the window on a Mac and never tries a download there", async () => {
    const opened: string[] = [];
    const download = jest.fn();
    const ex = createReportExporter(chooseReportDelivery(traits("Mac")), {
      download,
      openDialog: async (html, name) => {
        opened.push(`${name}:${html}`);
      },
    });
    await expect(ex.deliver("<p>r</p>", "r.html")).resolves.toMatch(/own window/);
    expect(opened).toEqual(["r.html:<p>r</p>"]);
    expect(download).not.toHaveBeenCalled();
  });

  it("refuses on a sheet host with the explanation, and passes on the window's failure", async () => {
    const sheet = createReportExporter(chooseReportDelivery(traits("Mac", "none")), {});
    await expect(sheet.deliver("x", "r.html")).rejects.toThrow(/report sheet/);
    const failing = createReportExporter(chooseReportDelivery(traits("Mac")), {
      openDialog: () =>
        Promise.reject(new Error("The report window did not open: another PerfCycle window is already open")),
    });
    await expect(failing.deliver("x", "r.html")).rejects.toThrow(/already open/);
  });
});
