import { describe, expect, it } from "vitest";
import { dateFr, euros, parseDateFr } from "./format";

describe("euros", () => {
  it("groups thousands and writes two decimals with a comma", () => {
    expect(euros("1234.5")).toBe("1\u202f234,50\u202f€");
    expect(euros("269.52")).toBe("269,52\u202f€");
    expect(euros("0")).toBe("0,00\u202f€");
    expect(euros("1000000")).toBe("1\u202f000\u202f000,00\u202f€");
  });
  it("keeps the sign", () => {
    expect(euros("-3")).toBe("−3,00\u202f€");
  });
  it("refuses what is not a decimal or not rounded to the cent", () => {
    expect(() => euros("abc")).toThrow(/illisible/);
    expect(() => euros("1.234")).toThrow(/centime/);
  });
});

describe("dates", () => {
  it("writes ISO dates the French way", () => {
    expect(dateFr("2026-11-22")).toBe("22/11/2026");
  });
  it("reads French and ISO dates, refusing impossible ones", () => {
    expect(parseDateFr("22/11/2026")).toBe("2026-11-22");
    expect(parseDateFr("1/2/2018")).toBe("2018-02-01");
    expect(parseDateFr("2018-02-29")).toBeNull();
    expect(parseDateFr("29/02/2024")).toBe("2024-02-29");
    expect(parseDateFr("00/00/0000")).toBeNull();
    expect(parseDateFr("demain")).toBeNull();
  });
});
