import { describe, expect, it } from "vitest";
import type { RangeeBareme, TableBareme } from "../../lib/bindings";
import { cleRangee, dateIso, filtrer, horodatageFr, plier } from "./recherche";

function rangee(ligne: string, recherche: string): RangeeBareme {
  return { ligne, libelle: ligne, variante: {}, source: "", codes_lpp: [], cases: [], recherche };
}

const table: TableBareme = {
  version: {
    id: 1, nom: "MGEN Annexe 2 — 2018", en_vigueur_le: "2018-01-01", importe_le: "2026-11-22T09:00:00",
    sha256: "", origine: "", source: "", nb_lignes: 3,
  },
  offres: [{ code: "initiale", libelle: "MGEN Initiale" }],
  nb_notes: 0,
  sections: [
    { titre: "OPTIQUE", rangees: [rangee("25", "25 optique verre progressif reseau 2290396"), rangee("25", "25 optique monture")] },
    { titre: "DENTAIRE", rangees: [rangee("26.5.1", "26.5.1 dentaire implant dentaire")] },
  ],
};

describe("plier", () => {
  it("drops accents, ligatures and case", () => {
    expect(plier("Équilibre Œil Prothèse ÇA")).toBe("equilibre oeil prothese ca");
  });
});

describe("filtrer", () => {
  it("keeps every row when the query is empty", () => {
    expect(filtrer(table, "  ")).toBe(table.sections);
  });
  it("needs every word, with or without accents", () => {
    const s = filtrer(table, "Réseau PROGRESSIF");
    expect(s.map((x) => x.titre)).toEqual(["OPTIQUE"]);
    expect(s[0].rangees).toHaveLength(1);
    expect(filtrer(table, "implant").map((x) => x.titre)).toEqual(["DENTAIRE"]);
    expect(filtrer(table, "2290396")[0].rangees[0].recherche).toContain("progressif");
    expect(filtrer(table, "implant verre")).toEqual([]);
  });
});

describe("dates", () => {
  it("gives the local date as AAAA-MM-JJ", () => {
    expect(dateIso(new Date(2026, 10, 2))).toBe("2026-11-02");
  });
  it("writes import times the French way", () => {
    expect(horodatageFr("2026-11-22T21:42:05")).toBe("22/11/2026 à 21:42");
  });
});

describe("cleRangee", () => {
  it("is the reference and the variant, keys in order", () => {
    const r = rangee("25", "");
    r.variante = { reseau: "oui", age: "<18" };
    expect(cleRangee(r)).toBe("25?age=<18&reseau=oui");
  });
});
