import { describe, expect, it } from "vitest";
import {
  compteEstimations,
  horodatageFr,
  lireConservation,
  nombrePages,
  resumeSituation,
  tailleFr,
} from "./historique";

describe("historique: formats", () => {
  it("writes a save time the French way", () => {
    expect(horodatageFr("2026-11-22T21:33:49")).toBe("22/11/2026 à 21:33");
    expect(horodatageFr("2026-01-05T08:07")).toBe("05/01/2026 à 08:07");
    expect(() => horodatageFr("hier")).toThrow(/illisible/);
  });
  it("counts pages and estimates", () => {
    expect(nombrePages(0, 50)).toBe(1);
    expect(nombrePages(50, 50)).toBe(1);
    expect(nombrePages(51, 50)).toBe(2);
    // 100 000 / 50 = 2 000 pages exactly.
    expect(nombrePages(100_000, 50)).toBe(2000);
    expect(compteEstimations(1)).toBe("1 estimation");
    expect(compteEstimations(0)).toBe("0 estimation");
    expect(compteEstimations(100000)).toBe("100\u202f000 estimations");
  });
  it("writes backup sizes", () => {
    expect(tailleFr(135_168)).toBe("135\u202fKo");
    expect(tailleFr(12_345_678)).toBe("12,3\u202fMo");
  });
});

describe("historique: summary of a saved situation", () => {
  it("shows the known fields of a saved situation in French and counts the acts", () => {
    expect(
      resumeSituation({
        date: "2026-03-14",
        offre: "reference",
        assure: { date_naissance: "1986-05-02", statut: "fonctionnaire", parcours_soins: true, css: false },
        actes: [{ code: "verre_progressif" }, { code: "monture" }],
        autre: { x: 1 },
      }),
    ).toEqual([
      { libelle: "Date des soins", valeur: "14/03/2026" },
      { libelle: "Offre de l'adhérent", valeur: "reference" },
      { libelle: "Date de naissance", valeur: "02/05/1986" },
      { libelle: "Statut", valeur: "fonctionnaire" },
      { libelle: "Parcours de soins", valeur: "oui" },
      { libelle: "Actes", valeur: "2" },
    ]);
  });
  it("counts the persons and all their acts of a household", () => {
    expect(
      resumeSituation({
        date: "2026-03-14",
        foyer: [
          { relation: "adherent", assure: { date_naissance: "1980-04-12" }, actes: [{ code: "monture" }] },
          { relation: "enfant", assure: { date_naissance: "2015-01-01" }, actes: [{ code: "monture" }, { code: "verre_simple" }] },
        ],
      }),
    ).toEqual([
      { libelle: "Date des soins", valeur: "14/03/2026" },
      { libelle: "Personnes du foyer", valeur: "2" },
      { libelle: "Actes", valeur: "3" },
    ]);
  });
  it("counts the acts of the devis's 100 % Santé option", () => {
    expect(resumeSituation({ actes: [{ code: "monture" }], alternative_100_sante: [{ code: "verre_progressif" }, { code: "monture" }] })).toEqual([
      { libelle: "Actes", valeur: "1" },
      { libelle: "Offre 100 % Santé du devis (actes)", valeur: "2" },
    ]);
  });
  it("ignores what it does not know", () => {
    expect(resumeSituation({ date: "2026-03-14", assure: [1, 2], date_soins: "2026-03-14" })).toEqual([
      { libelle: "Date des soins", valeur: "14/03/2026" },
    ]);
  });
});

describe("historique: retention field", () => {
  it("accepts 1 to 3650 days", () => {
    expect(lireConservation(" 90 ")).toEqual({ jours: 90 });
    expect(lireConservation("3650")).toEqual({ jours: 3650 });
  });
  it("refuses the rest with a French message", () => {
    expect(lireConservation("0")).toEqual({ erreur: "La durée doit être comprise entre 1 et 3650 jours." });
    expect(lireConservation("3651")).toHaveProperty("erreur");
    expect(lireConservation("12,5")).toEqual({ erreur: "Saisissez un nombre entier de jours, de 1 à 3650." });
    expect(lireConservation("")).toHaveProperty("erreur");
  });
});
