import { describe, expect, it } from "vitest";
import type { DiffBareme, RangeeComparee, VersionBaremeInfo } from "../../lib/bindings";
import { autresVersions, casesEnOrdre, libelleOffre, ordonner, resume, sansDifference, varianteTexte } from "./comparaison";

function version(id: number, en_vigueur_le: string): VersionBaremeInfo {
  return { id, nom: `v${id}`, en_vigueur_le, importe_le: "2026-12-03T09:00:00", sha256: "0", origine: "", source: "", nb_lignes: 1 };
}

const rangee: RangeeComparee = {
  section: "OPTIQUE",
  ligne: "25",
  variante: { panier: "classe_b", age: ">=18" },
  libelle: "monture",
  cases: { integrale: "120 €", initiale: "30 €" },
};

const OFFRES_2018 = [
  { code: "initiale", libelle: "MGEN Initiale" },
  { code: "equilibre", libelle: "MGEN Équilibre" },
  { code: "reference", libelle: "MGEN Référence" },
  { code: "integrale", libelle: "MGEN Intégrale" },
];

function diff(modifiees: number, ajoutees: number, retirees: number): DiffBareme {
  const v = { nom: "x", en_vigueur_le: "2018-01-01" };
  const c = { section: "S", ligne: "1", variante: {}, libelle: "l", offre: "reference" as const, avant: "30 %", apres: "35 %" };
  return {
    avant: v,
    apres: v,
    offres: OFFRES_2018,
    cases_modifiees: Array(modifiees).fill(c),
    rangees_ajoutees: Array(ajoutees).fill(rangee),
    rangees_retirees: Array(retirees).fill(rangee),
  };
}

describe("comparaison de deux versions", () => {
  it("propose toutes les versions sauf celle affichée", () => {
    const vs = [version(1, "2018-01-01"), version(2, "2027-01-01"), version(3, "2028-01-01")];
    expect(autresVersions(vs, 2).map((v) => v.id)).toEqual([1, 3]);
    expect(autresVersions(vs, null).map((v) => v.id)).toEqual([1, 2, 3]);
  });

  it("lit toujours de la version la plus ancienne vers la plus récente", () => {
    const v2018 = version(1, "2018-01-01");
    const v2027 = version(2, "2027-01-01");
    expect(ordonner(v2027, v2018)).toEqual({ avant: v2018, apres: v2027 });
    expect(ordonner(v2018, v2027)).toEqual({ avant: v2018, apres: v2027 });
    // Same date: the one imported first (lower id) comes first.
    const autre = version(5, "2018-01-01");
    expect(ordonner(autre, v2018)).toEqual({ avant: v2018, apres: autre });
  });

  it("résume les changements en accordant le pluriel", () => {
    expect(resume(diff(2, 1, 0))).toBe("2 cases modifiées, 1 ligne ajoutée, 0 ligne retirée");
    expect(resume(diff(1, 0, 3))).toBe("1 case modifiée, 0 ligne ajoutée, 3 lignes retirées");
    expect(sansDifference(diff(0, 0, 0))).toBe(true);
    expect(sansDifference(diff(0, 0, 1))).toBe(false);
  });

  it("écrit la variante dans l'ordre des clés, comme le document imprimé", () => {
    expect(varianteTexte(rangee.variante)).toBe("age >=18, panier classe_b");
    expect(varianteTexte({})).toBe("");
  });

  it("range les cases dans l'ordre des colonnes, un tiret où l'offre n'en a pas", () => {
    expect(casesEnOrdre(diff(0, 0, 0), rangee)).toEqual(["30 €", "—", "—", "120 €"]);
    expect(libelleOffre(diff(0, 0, 0), "equilibre")).toBe("MGEN Équilibre");
  });

  it("suit les offres du barème : leur nombre, leur ordre et leurs noms", () => {
    const cinq = {
      ...diff(0, 0, 0),
      offres: [
        { code: "sommet", libelle: "Essai Sommet" },
        { code: "essentielle", libelle: "Essai Essentielle" },
        { code: "renfort", libelle: "Essai Renfort" },
        { code: "confort", libelle: "Essai Confort" },
        { code: "equilibre_plus", libelle: "Essai Équilibre Plus" },
      ],
    };
    const r = { ...rangee, cases: { confort: "10 %", sommet: "100 %", renfort: "50 %" } };
    expect(casesEnOrdre(cinq, r)).toEqual(["100 %", "—", "50 %", "10 %", "—"]);
    expect(libelleOffre(cinq, "equilibre_plus")).toBe("Essai Équilibre Plus");
    expect(libelleOffre(cinq, "inconnue")).toBe("inconnue");
  });
});
