import { describe, expect, it } from "vitest";
import type { CotisationGrille, GrilleEnregistree } from "./bindings";
import {
  aideCotisation,
  appliquerGrille,
  composition,
  DemandesGrille,
  formulaireGrille,
  grilleDuDocument,
  grilleInchangee,
  grillesEnVigueur,
  lireFormulaireGrille,
  nomGrille,
  texteChamp,
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

// Rust's answers (`grilles_appliquer`, summed by cotisations/foyer.rs,
// whose tests work the same figures by hand): the screen only writes them.
const REPONSE: CotisationGrille[] = [
  { offre: "initiale", montant: "915.50", detail: "adhérent 420,00 € + conjoint 400,00 € + 1 enfant × 95,50 € = 915,50 €", manque: [], absente: false },
  { offre: "equilibre", montant: "1045.25", detail: "adhérent 480,00 € + conjoint 455,00 € + 1 enfant × 110,25 € = 1 045,25 €", manque: [], absente: false },
  { offre: "reference", montant: "1342.90", detail: "adhérent 612,40 € + conjoint 580,00 € + 1 enfant × 150,50 € = 1 342,90 €", manque: [], absente: false },
  { offre: "integrale", montant: null, detail: "", manque: ["l'enfant"], absente: false },
];

describe("writing Rust's answer into the fields", () => {
  it("gives each field the amount as the adviser would type it, and the help its sum or what lacks", () => {
    const { cotisations, grille } = appliquerGrille(G2027, REPONSE, ["adherent", "conjoint", "enfant"]);
    expect(cotisations).toEqual({ initiale: "915,50", equilibre: "1045,25", reference: "1342,90", integrale: "" });
    expect(grille.aides).toEqual({
      initiale: "adhérent 420,00 € + conjoint 400,00 € + 1 enfant × 95,50 € = 915,50 €",
      equilibre: "adhérent 480,00 € + conjoint 455,00 € + 1 enfant × 110,25 € = 1 045,25 €",
      reference: "adhérent 612,40 € + conjoint 580,00 € + 1 enfant × 150,50 € = 1 342,90 €",
      integrale: "non renseignée : la grille n'a pas de montant pour l'enfant",
    });
    expect(grille.composition).toBe("adherent+conjoint+enfant");
  });

  it("says whose amount lacks, or that the offer is not in the grid", () => {
    const r: CotisationGrille[] = [
      { offre: "integrale", montant: null, detail: "", manque: ["l'enfant", "l'autre bénéficiaire"], absente: false },
      { offre: "essentielle", montant: null, detail: "", manque: [], absente: true },
      { offre: "initiale", montant: "0.30", detail: "adhérent 0,10 € + conjoint 0,20 € = 0,30 €", manque: [], absente: false },
    ];
    expect(aideCotisation(r[0], "Section 75 — 2027")).toBe("non renseignée : la grille n'a pas de montant pour l'enfant, l'autre bénéficiaire");
    expect(aideCotisation(r[1], "Section 75 — 2027")).toBe("non renseignée : offre absente de la grille « Section 75 — 2027 »");
    const { cotisations } = appliquerGrille(G2027, r, ["adherent", "autre", "enfant"]);
    expect(cotisations).toEqual({ integrale: "", essentielle: "", initiale: "0,30" });
    expect(texteChamp("913.40")).toBe("913,40");
  });
});

describe("the order of the grid choices", () => {
  it("lets only the last choice's answer fill the fields", () => {
    const d = new DemandesGrille();
    const a = d.demander();
    const b = d.demander();
    // A's answer arriving after B was chosen fills nothing; B's does.
    expect(d.derniere(a)).toBe(false);
    expect(d.derniere(b)).toBe(true);
    // « saisie à la main » chosen meanwhile: B's answer fills nothing either.
    d.abandonner();
    expect(d.derniere(b)).toBe(false);
    // The household changed meanwhile: its composition is no longer the one asked for.
    expect(composition(["adherent", "enfant", "conjoint"])).toBe(composition(["conjoint", "adherent", "enfant"]));
    expect(composition(["adherent", "enfant", "conjoint", "enfant"])).not.toBe(composition(["adherent", "enfant", "conjoint"]));
  });
});

describe("the grid the cotisations come from", () => {
  const foyer = ["adherent", "conjoint", "enfant"] as const;
  it("is named while the fields and the household are unchanged", () => {
    const { cotisations, grille } = appliquerGrille(G2027, REPONSE, [...foyer]);
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
