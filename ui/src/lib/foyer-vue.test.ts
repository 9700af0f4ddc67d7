import { describe, expect, it } from "vitest";
import type { CoutOffre, ResultatFoyer } from "./bindings";
import { ecartTexte, lignesCout, lignesTotalFoyer, titreTotalFoyer } from "./foyer-vue";

// The engine's amounts of the e2e journey « foyer » (goldens 152 and 060),
// only what the explanation reads: each person's totals under Référence, and the household's.
const totaux = (amo: string, mgen: string, reste: string) => ({
  frais_reels: "0",
  brss: "0",
  amo: { brut: amo, participation_forfaitaire: "0", franchise: "0", participation_18: "0", net: amo },
  mgen,
  reste_a_charge: reste,
});
const offre = (amo: string, mgen: string, reste: string) => ({ offre: "reference", libelle: "MGEN Référence", actes: [], totaux: totaux(amo, mgen, reste), lecture_a_confirmer: false });
const RESULTAT = {
  date: "2018-06-15",
  personnes: [
    { nom: "Personne 1 (adhérent)", relation: "adherent", resultat: { offres: [offre("16.50", "7.50", "1.00")] } },
    { nom: "Personne 2 (conjoint)", relation: "conjoint", resultat: { offres: [offre("75.25", "122.00", "402.75")] } },
    { nom: "Léa", relation: "enfant", resultat: { offres: [offre("32.74", "102.50", "24.76")] } },
  ],
  foyer: [{ offre: "reference", libelle: "MGEN Référence", totaux: totaux("124.49", "232.00", "428.51"), lecture_a_confirmer: true }],
} as unknown as ResultatFoyer;

describe("foyer-vue: a household total explained", () => {
  it("lists each person's total then the household's, as the engine gave them", () => {
    const l = lignesTotalFoyer(RESULTAT, "reference", "rac").map((e) => e.formule.replace(/\u202f/g, " "));
    expect(l.slice(0, 4)).toEqual(["Personne 1 (adhérent) : 1,00 €", "Personne 2 (conjoint) : 402,75 €", "Léa : 24,76 €", "Foyer : 428,51 €"]);
    // A shared limit read « à confirmer » is said.
    expect(lignesTotalFoyer(RESULTAT, "reference", "rac")[4].genre).toBe("avertissement");
    expect(lignesTotalFoyer(RESULTAT, "reference", "amo")[3].formule.replace(/\u202f/g, " ")).toBe("Foyer : 124,49 €");
    expect(lignesTotalFoyer(RESULTAT, "initiale", "rac")).toEqual([]);
    expect(titreTotalFoyer(RESULTAT, "reference", "mgen")).toBe("Foyer — MGEN, MGEN Référence");
    expect(titreTotalFoyer(RESULTAT, "reference", "amo")).toBe("Foyer — Sécurité sociale");
  });
});

describe("foyer-vue: the cost of an offer", () => {
  const cout = (c: Partial<CoutOffre>): CoutOffre => ({
    offre: "equilibre",
    libelle: "MGEN Équilibre",
    cotisation: "650.00",
    reste_a_charge: "502.01",
    cout_net: "1152.01",
    ecart: "39.25",
    moins_chere: false,
    explication: "Cotisations 650,00 € + reste à charge 502,01 € = 1 152,01 €",
    ...c,
  });
  it("says the difference, the cheapest, or nothing without cotisations", () => {
    expect(ecartTexte(cout({})).replace(/\u202f/g, " ")).toBe("+ 39,25 €");
    expect(ecartTexte(cout({ moins_chere: true, ecart: "0.00" }))).toBe("la moins chère");
    expect(ecartTexte(cout({ cotisation: null, cout_net: null, ecart: null }))).toBe("—");
  });
  it("explains the net cost with the engine's own sentence", () => {
    expect(lignesCout(cout({})).map((e) => e.formule)).toEqual(["Cotisations 650,00 € + reste à charge 502,01 € = 1 152,01 €"]);
  });
});
