import { describe, expect, it } from "vitest";
import type { GrilleEnregistree } from "./bindings";
import {
  appliquerGrille,
  centimes,
  formulaireGrille,
  grilleDuDocument,
  grilleInchangee,
  grillesEnVigueur,
  lireFormulaireGrille,
  nomGrille,
  remplirDepuisGrille,
  texteDeCentimes,
} from "./grilles";

// A section's grid as Rust lists it (figures for the tests; none ships).
const G2027: GrilleEnregistree = {
  id: 7,
  grille: {
    libelle: "Section 75 — 2027",
    date_effet: "2027-01-01",
    offres: [
      { offre: "initiale", adherent: "420.00", conjoint: "400.00", enfant: "95.50" },
      { offre: "equilibre", adherent: "480.00", conjoint: "455.00", enfant: "110.25" },
      { offre: "reference", adherent: "612.40", conjoint: "580.00", enfant: "150.50" },
      { offre: "integrale", adherent: "790.00", conjoint: "750.10", enfant: null },
    ],
  },
};
const G2026 = { id: 3, grille: { libelle: "Section 75 — 2026", date_effet: "2026-01-01", offres: [] } };
const G2026B = { id: 4, grille: { libelle: "Avenant", date_effet: "2026-01-01", offres: [] } };
const QUATRE = ["initiale", "equilibre", "reference", "integrale"];

describe("grids in force", () => {
  it("keeps those whose date d'effet is on or before the date of care, most recent first", () => {
    const liste = [G2026, G2027, G2026B];
    expect(grillesEnVigueur(liste, "2027-03-15").map((g) => g.id)).toEqual([7, 4, 3]);
    expect(grillesEnVigueur(liste, "2027-01-01").map((g) => g.id)).toEqual([7, 4, 3]);
    expect(grillesEnVigueur(liste, "2026-12-31").map((g) => g.id)).toEqual([4, 3]);
    expect(grillesEnVigueur(liste, "2025-06-15")).toEqual([]);
    expect(grillesEnVigueur(liste, "")).toEqual([]);
    expect(nomGrille(G2027.grille)).toBe("Section 75 — 2027 (01/01/2027)");
  });
});

describe("filling the cotisations from a grid", () => {
  it("adds adhérent + conjoint + each child, per offer", () => {
    // Initiale 420 + 400 + 95,50 = 915,50 ; Équilibre 480 + 455 + 110,25 =
    // 1 045,25 ; Référence 612,40 + 580 + 150,50 = 1 342,90 ; Intégrale: no
    // amount for a child, the field stays empty.
    const r = remplirDepuisGrille(G2027.grille, QUATRE, ["adherent", "conjoint", "enfant"]);
    expect(r.map((x) => x.texte)).toEqual(["915,50", "1045,25", "1342,90", ""]);
    expect(r[3].manque).toEqual(["l'enfant"]);
    expect(r[0].manque).toEqual([]);
  });

  it("counts each child, and no conjoint when there is none", () => {
    // Référence 612,40 + 2 × 150,50 = 913,40 ; Intégrale 790 alone.
    const deux = remplirDepuisGrille(G2027.grille, ["reference"], ["adherent", "enfant", "enfant"]);
    expect(deux[0].texte).toBe("913,40");
    const seul = remplirDepuisGrille(G2027.grille, ["integrale"], ["adherent"]);
    expect(seul[0].texte).toBe("790,00");
  });

  it("names what is missing: a person the grid has no role for, an offer it lacks", () => {
    const r = remplirDepuisGrille(G2027.grille, ["integrale", "essentielle"], ["adherent", "autre", "enfant"]);
    expect(r[0]).toEqual({ offre: "integrale", texte: "", manque: ["l'autre bénéficiaire", "l'enfant"], absente: false });
    expect(r[1]).toEqual({ offre: "essentielle", texte: "", manque: [], absente: true });
  });

  it("sums whole cents, never floats", () => {
    // 0,10 + 0,20 = 0,30 (a float sum gives 0,30000000000000004).
    const g = { libelle: "x", date_effet: "2027-01-01", offres: [{ offre: "initiale", adherent: "0.10", conjoint: "0.2", enfant: null }] };
    expect(remplirDepuisGrille(g, ["initiale"], ["adherent", "conjoint"])[0].texte).toBe("0,30");
    expect(centimes("612.4")).toBe(61240);
    expect(centimes("150.500")).toBe(15050);
    expect(centimes("1.005")).toBeNull();
    expect(centimes("-3")).toBeNull();
    expect(texteDeCentimes(5)).toBe("0,05");
  });
});

describe("the grid the cotisations come from", () => {
  const foyer = ["adherent", "conjoint", "enfant"] as const;
  it("is named while the fields and the household are unchanged", () => {
    const { cotisations, grille } = appliquerGrille(G2027, QUATRE, [...foyer]);
    expect(cotisations).toEqual({ initiale: "915,50", equilibre: "1045,25", reference: "1342,90", integrale: "" });
    expect(grille.aides).toEqual({ integrale: "non renseignée : la grille n'a pas de montant pour l'enfant" });
    expect(grilleInchangee(grille, cotisations, [...foyer])).toBe(true);
    expect(grilleDuDocument(grille, { ...cotisations }, ["enfant", "conjoint", "adherent"])).toEqual({ libelle: "Section 75 — 2027", date_effet: "2027-01-01" });
    // A field changed, or typed where the grid left it empty: no longer the grid's.
    expect(grilleInchangee(grille, { ...cotisations, reference: "1300" }, [...foyer])).toBe(false);
    expect(grilleInchangee(grille, { ...cotisations, integrale: "900" }, [...foyer])).toBe(false);
    // A child added since: the amounts are no longer those of this household.
    expect(grilleDuDocument(grille, cotisations, [...foyer, "enfant"])).toBeNull();
    expect(grilleDuDocument(null, cotisations, [...foyer])).toBeNull();
  });
});

describe("the dialog's form", () => {
  const offres = [
    { offre: "initiale", libelle: "MGEN Initiale" },
    { offre: "reference", libelle: "MGEN Référence" },
  ];
  it("edits a kept grid in French, and reads back what Rust takes", () => {
    const f = formulaireGrille(G2027, offres);
    expect(f.id).toBe(7);
    expect(f.date).toBe("01/01/2027");
    expect(f.lignes[2]).toEqual({ offre: "reference", libelle: "MGEN Référence", adherent: "612,40", conjoint: "580,00", enfant: "150,50" });
    expect(f.lignes[3].enfant).toBe("");
    f.lignes[2].enfant = "155";
    const lu = lireFormulaireGrille(f);
    expect("saisie" in lu && lu.saisie.date_effet).toBe("2027-01-01");
    expect("saisie" in lu && lu.saisie.offres[2]).toEqual({ offre: "reference", adherent: "612.40", conjoint: "580.00", enfant: "155" });
    expect("saisie" in lu && lu.saisie.offres[3].enfant).toBeNull();
  });

  it("starts a new grid from the adhérent alone's cotisations", () => {
    const f = formulaireGrille(null, offres, { initiale: "600", reference: " " });
    expect(f).toEqual({
      id: null,
      libelle: "",
      date: "",
      lignes: [
        { offre: "initiale", libelle: "MGEN Initiale", adherent: "600", conjoint: "", enfant: "" },
        { offre: "reference", libelle: "MGEN Référence", adherent: "", conjoint: "", enfant: "" },
      ],
    });
  });

  it("names the field of a date or an amount that does not read", () => {
    const f = formulaireGrille(null, offres);
    f.date = "31/02/2027";
    f.lignes[1].conjoint = "-5";
    f.lignes[0].enfant = "12,345";
    const lu = lireFormulaireGrille(f);
    expect("erreurs" in lu && lu.erreurs).toEqual({
      date_effet: "date d'effet : « 31/02/2027 » n'est pas une date (JJ/MM/AAAA)",
      "reference.conjoint": "cotisation MGEN Référence, conjoint : montant négatif : saisissez un montant positif ou nul",
      "initiale.enfant": "cotisation MGEN Initiale, enfant : « 12,345 » n'est pas un montant (ex. 120,50)",
    });
  });
});
