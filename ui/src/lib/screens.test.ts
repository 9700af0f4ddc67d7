import { describe, expect, it } from "vitest";
import { SCREENS, actionPourTouche, naviguer, screenForShortcut, type ScreenId } from "./screens";

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
  it("turns a key press into one action for the current screen", () => {
    const t = (key: string, mod: "ctrl" | "alt") => ({ ctrlKey: mod === "ctrl", altKey: mod === "alt", key });
    expect(actionPourTouche(t("2", "alt"), "estimation")).toEqual({ genre: "ecran", ecran: "bons" });
    expect(actionPourTouche(t("s", "ctrl"), "historique")).toEqual({ genre: "commande", commande: "enregistrer" });
    expect(actionPourTouche(t("p", "ctrl"), "estimation")).toEqual({ genre: "commande", commande: "imprimer" });
    expect(actionPourTouche(t("p", "ctrl"), "bons")).toEqual({ genre: "imprimer_ici" });
    expect(actionPourTouche(t("x", "ctrl"), "bons")).toBeNull();
    expect(actionPourTouche({ ctrlKey: false, altKey: false, key: "s" }, "estimation")).toBeNull();
  });
  it("drops a pending shortcut when the screen changes, so that coming back does not replay it", () => {
    // Issue 15, item 2: Ctrl+P on Estimation, then Alt+2, Alt+1.
    const attente: { commande: unknown } = { commande: { nom: "imprimer", n: 1 } };
    let ecran: ScreenId = "estimation";
    ecran = naviguer(ecran, "estimation", attente);
    expect(attente.commande).toEqual({ nom: "imprimer", n: 1 });
    ecran = naviguer(ecran, "bons", attente);
    expect(attente.commande).toBeNull();
    ecran = naviguer(ecran, "estimation", attente);
    expect(ecran).toBe("estimation");
    expect(attente.commande).toBeNull();
  });
});
