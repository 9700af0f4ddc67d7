import { describe, expect, it } from "vitest";
import { SCREENS, screenForShortcut } from "./screens";

describe("navigation", () => {
  it("lists the five screens of the product in menu order", () => {
    expect(SCREENS.map((s) => s.label)).toEqual([
      "Estimation",
      "Bons à savoir",
      "Simulateurs",
      "Barèmes",
      "Historique",
    ]);
  });
  it("maps Alt+digit to a screen and ignores the rest", () => {
    expect(screenForShortcut({ altKey: true, key: "4" })).toBe("baremes");
    expect(screenForShortcut({ altKey: false, key: "4" })).toBeNull();
    expect(screenForShortcut({ altKey: true, key: "9" })).toBeNull();
  });
});
