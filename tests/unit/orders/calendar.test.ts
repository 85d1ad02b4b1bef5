import { describe, expect, it } from "vitest";
import { applyDatePreset, dayIn, isTimeZone, longDay, presetRange, relativeDay } from "@/lib/calendar";

// 00:30 UTC on 30 November 2026: still the 29th in Los Angeles, already the 30th in Berlin and Tokyo.
const NOW = new Date("2026-11-30T00:30:00Z");

describe("the user's day", () => {
  it("is the calendar day where the user is", () => {
    expect(dayIn(NOW, "UTC")).toBe("2026-11-30");
    expect(dayIn(NOW, "America/Los_Angeles")).toBe("2026-11-29");
    expect(dayIn(NOW, "Asia/Tokyo")).toBe("2026-11-30");
  });

  it("accepts only zone names the runtime knows", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    for (const bad of ["", "Mars/Olympus", "Europe/Berlin; x=1", "../../etc", null, undefined, "A".repeat(80)])
      expect(isTimeZone(bad)).toBe(false);
  });
});

describe("relative dates", () => {
  it("say today and yesterday by the user's own day, not the server's", () => {
    expect(relativeDay("2026-11-29", NOW, "Europe/Berlin")).toBe("yesterday");
    expect(relativeDay("2026-11-29", NOW, "America/Los_Angeles")).toBe("today");
    expect(relativeDay("2026-11-30", NOW, "America/Los_Angeles")).toBe("tomorrow");
  });

  it("count days within a month, then give the date", () => {
    expect(relativeDay("2026-11-27", NOW, "UTC")).toBe("3 days ago");
    expect(relativeDay("2026-10-31", NOW, "UTC")).toBe("30 days ago");
    expect(relativeDay("2026-10-30", NOW, "UTC")).toBe("30 Oct");
    expect(relativeDay("2025-03-12", NOW, "UTC")).toBe("12 Mar 2025");
    expect(relativeDay("2026-12-04", NOW, "UTC")).toBe("in 4 days");
    expect(relativeDay("not a date", NOW, "UTC")).toBe("not a date");
  });

  it("write the day out in full for the tooltip", () => {
    expect(longDay("2026-11-28")).toBe("Saturday, 28 November 2026");
  });
});

describe("date presets", () => {
  it("today and the last 7 days end on the user's today", () => {
    expect(presetRange("today", NOW, "UTC")).toEqual(["2026-11-30", "2026-11-30"]);
    expect(presetRange("today", NOW, "America/Los_Angeles")).toEqual(["2026-11-29", "2026-11-29"]);
    expect(presetRange("7d", NOW, "UTC")).toEqual(["2026-11-24", "2026-11-30"]);
  });

  it("last month is the whole previous calendar month, across a year and in February", () => {
    expect(presetRange("last-month", NOW, "UTC")).toEqual(["2026-10-01", "2026-10-31"]);
    expect(presetRange("last-month", new Date("2027-01-15T12:00:00Z"), "UTC")).toEqual(["2026-12-01", "2026-12-31"]);
    expect(presetRange("last-month", new Date("2028-03-01T05:00:00Z"), "UTC")).toEqual(["2028-02-01", "2028-02-29"]);
    // 1 March 05:00 UTC is still 29 February in Los Angeles: last month there is January.
    expect(presetRange("last-month", new Date("2028-03-01T05:00:00Z"), "America/Los_Angeles")).toEqual([
      "2028-01-01",
      "2028-01-31",
    ]);
  });

  it("replaces any other order-date filter and leaves the rest", () => {
    const q = { ingramOrderDate: "2020-01-01", "ingramOrderDate-bt": ["2020-01-01", "2020-02-01"], vendorName: "X" };
    expect(applyDatePreset(q, "7d", NOW, "UTC")).toEqual({
      ingramOrderDate: undefined,
      "ingramOrderDate-bt": ["2026-11-24", "2026-11-30"],
      vendorName: "X",
    });
    expect(applyDatePreset(q, undefined, NOW, "UTC")).toBe(q);
  });
});
