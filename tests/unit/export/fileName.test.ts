import { describe, expect, test } from "vitest";
import { formatContentDisposition, nameExportFile, slugify, nameSegmentFile } from "@/lib/export/fileName";

describe("export file names", () => {
  test.each([
    ["Affluent Frequent Buyers", "affluent-frequent-buyers"],
    ["  Deal-seekers: young & online!  ", "deal-seekers-young-online"],
    ["Café Crème Fans", "cafe-creme-fans"],
    ["Große Ærø Œuvre Łódź", "grosse-aero-oeuvre-lodz"],
    ["Segment B", "segment-b"],
    ["家族 Families 2", "families-2"],
    ["家族", ""],
    ["---", ""],
  ])("a name becomes a lowercase ASCII slug: %j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  test("a long name is cut at a word, to at most 60 characters", () => {
    const slug = slugify("Very ".repeat(30) + "Long");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^very(-very)+$/);
  });

  test("a segment's file is named after its persona, or its key when the name leaves no ASCII", () => {
    expect(nameSegmentFile("Affluent Frequent Buyers", 3)).toBe("segment-affluent-frequent-buyers");
    expect(nameSegmentFile("家族", 3)).toBe("segment-3");
  });

  test("an export's file name carries what, the run id and the UTC day of the export", () => {
    expect(nameExportFile("segment-affluent-frequent-buyers", 5, new Date("2026-12-02T23:30:00-05:00"))).toBe(
      "segment-affluent-frequent-buyers-run5-2026-12-03.csv",
    );
    expect(nameExportFile("segments", 12, new Date("2026-11-29T21:00:00Z"))).toBe("segments-run12-2026-11-29.csv");
  });

  test("the download header gives a plain ASCII name and the exact UTF-8 one (RFC 6266)", () => {
    expect(formatContentDisposition("segments-run5-2026-12-02.csv")).toBe(
      `attachment; filename="segments-run5-2026-12-02.csv"; filename*=UTF-8''segments-run5-2026-12-02.csv`,
    );
    expect(formatContentDisposition('Café "x" (1).csv')).toBe(`attachment; filename="Caf_ _x_ (1).csv"; filename*=UTF-8''Caf%C3%A9%20%22x%22%20%281%29.csv`);
  });
});
