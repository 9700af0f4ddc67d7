import { describe, expect, it } from "vitest";
import type { ActeVue, CotisationGrille, GrilleEnregistree, SituationFoyer } from "./bindings";
import { appliquerGrille } from "./grilles";
import { commandePourTouche } from "./estimation-raccourcis";
import { estimationVide, lireBrouillon, signature, travailNonEnregistre, versBrouillon } from "./brouillon";
import { nouvelActe, nouvelleSituation, type FormActe, type FormSituation } from "./estimation-logic";
import {
  ajouterPersonne,
  cheminsConnusFoyer,
  construireFoyer,
  erreursDePersonne,
  foyerDepuisDocument,
  nomPersonne,
  nouveauFoyer,
  PERSONNES_MAX,
  personnesAReprendre,
  personneVoisine,
  positionVariation,
  relationsDuFoyer,
  retirerPersonne,
  type FormFoyer,
} from "./foyer";

// Two acts of the catalogue, with only what the form reads of them.
const CATALOGUE = [
  { code: "consultation_generaliste", libelle: "Consultation", champs: [], champs_optionnels: [], paniers: [], frais_reels_optionnels: false, brss_a_saisir: false, rembourse: true },
  { code: "monture", libelle: "Monture", champs: [], champs_optionnels: [], paniers: [], frais_reels_optionnels: false, brss_a_saisir: false, rembourse: true },
] as unknown as ActeVue[];

function acte(code: string, frais: string): FormActe {
  const a = nouvelActe(code);
  a.frais_reels = frais;
  return a;
}

function adherent(): { form: FormSituation; actes: FormActe[] } {
  const form = nouvelleSituation("15/06/2018");
  form.naissance = "12/04/1980";
  return { form, actes: [acte("consultation_generaliste", "25")] };
}

/** The adhérent, a conjoint (born 1970) and a child (born 2008, named Léa) with a frame. */
function troisPersonnes(): { form: FormSituation; actes: FormActe[]; foyer: FormFoyer } {
  const { form, actes } = adherent();
  const foyer = nouveauFoyer();
  expect(ajouterPersonne(foyer)).toBe(1);
  expect(ajouterPersonne(foyer)).toBe(2);
  foyer.autres[0].form.naissance = "10/01/1970";
  foyer.autres[0].actes.push(acte("consultation_generaliste", "30,00"));
  foyer.autres[1].form.naissance = "01/01/2008";
  foyer.autres[1].nom = "Léa";
  foyer.autres[1].actes.push(acte("monture", "60"));
  return { form, actes, foyer };
}

describe("foyer: the list of persons", () => {
  it("adds the conjoint first, then children, up to the household's limit", () => {
    const f = nouveauFoyer();
    ajouterPersonne(f);
    ajouterPersonne(f);
    expect(f.autres.map((p) => p.relation)).toEqual(["conjoint", "enfant"]);
    while (ajouterPersonne(f) !== null);
    expect(f.autres.length + 1).toBe(PERSONNES_MAX);
  });

  it("removes a person (never the adhérent) and forgets their varied act", () => {
    const { form, actes, foyer } = troisPersonnes();
    foyer.variation = foyer.autres[0].actes[0].uid;
    expect(positionVariation(form, actes, foyer)).toEqual({ personne: 1, acte: 0 });
    expect(retirerPersonne(foyer, 0)).toBe(0);
    expect(foyer.autres.length).toBe(2);
    // Removing the conjoint shows the next person, now number 1 (Léa).
    expect(retirerPersonne(foyer, 1)).toBe(1);
    expect(foyer.autres.map((p) => p.nom)).toEqual(["Léa"]);
    expect(foyer.variation).toBeNull();
    // The last one: the adhérent's form comes back.
    expect(retirerPersonne(foyer, 1)).toBe(0);
  });

  it("moves round the persons both ways", () => {
    expect(personneVoisine(2, 3, 1)).toBe(0);
    expect(personneVoisine(0, 3, -1)).toBe(2);
    expect(personneVoisine(1, 3, 1)).toBe(2);
  });

  it("names a person as the engine does when no name is typed", () => {
    expect(nomPersonne(1, "conjoint", "")).toBe("Personne 2 (conjoint)");
    expect(nomPersonne(2, "enfant", " Léa ")).toBe("Léa");
  });
});

describe("foyer: the household document", () => {
  it("shares the date and offer, reads each person, and leaves the empty parts out", () => {
    const { form, actes, foyer } = troisPersonnes();
    foyer.cotisations = { initiale: "600", equilibre: "650,50", reference: "" };
    foyer.variation = foyer.autres[0].actes[0].uid;
    const c = construireFoyer(form, actes, foyer, CATALOGUE);
    expect(c.erreurs).toEqual({});
    expect(c.manquants).toEqual({});
    const s = c.situation!;
    expect(s.date).toBe("2018-06-15");
    expect(s.offre).toBeNull();
    expect(s.foyer.map((p) => [p.relation, p.nom, p.assure.date_naissance, p.actes.map((a) => [a.code, a.frais_reels])])).toEqual([
      ["adherent", undefined, "1980-04-12", [["consultation_generaliste", "25"]]],
      ["conjoint", undefined, "1970-01-10", [["consultation_generaliste", "30.00"]]],
      ["enfant", "Léa", "2008-01-01", [["monture", "60"]]],
    ]);
    expect(s.cotisations).toEqual({ initiale: "600", equilibre: "650.50" });
    expect(s.variation).toEqual({ personne: 1, acte: 0 });
  });

  it("puts every error and missing field under its person's path, and back under the person's own", () => {
    const { form, actes, foyer } = troisPersonnes();
    foyer.autres[1].actes[0].frais_reels = "six";
    foyer.autres[0].form.naissance = "";
    foyer.cotisations.integrale = "-3";
    ajouterPersonne(foyer);
    const c = construireFoyer(form, actes, foyer, CATALOGUE);
    expect(c.situation).toBeNull();
    expect(Object.keys(c.erreurs).sort()).toEqual(["cotisations.integrale", "foyer[2].actes[0].frais_reels"]);
    expect(c.manquants["foyer[1].assure.date_naissance"]).toBeDefined();
    expect(c.manquants["foyer[3].actes"]).toContain("au moins un soin");
    expect(personnesAReprendre({ ...c.erreurs, ...c.manquants })).toEqual(new Set([1, 2, 3]));
    // The date of care is the household's, typed on the adhérent's tab.
    expect(personnesAReprendre({ date: "« 31/02 » n'est pas une date (JJ/MM/AAAA)" })).toEqual(new Set([0]));
    const deLea = erreursDePersonne(c.erreurs, 2);
    expect(Object.keys(deLea).sort()).toEqual(["actes[0].frais_reels", "cotisations.integrale"]);
  });

  it("a household document reads back into the same form", () => {
    const { form, actes, foyer } = troisPersonnes();
    foyer.cotisations = { initiale: "600.00", integrale: "800" };
    foyer.variation = foyer.autres[1].actes[0].uid;
    const doc = construireFoyer(form, actes, foyer, CATALOGUE).situation!;
    const lu = foyerDepuisDocument(JSON.parse(JSON.stringify(doc)) as SituationFoyer);
    expect(lu.foyer.autres.map((p) => [p.relation, p.nom, p.form.naissance])).toEqual([
      ["conjoint", "", "10/01/1970"],
      ["enfant", "Léa", "01/01/2008"],
    ]);
    expect(lu.foyer.cotisations).toEqual({ initiale: "600,00", integrale: "800" });
    expect(positionVariation(lu.form, lu.actes, lu.foyer)).toEqual({ personne: 2, acte: 0 });
    expect(construireFoyer(lu.form, lu.actes, lu.foyer, CATALOGUE).situation).toEqual(doc);
  });

  it("carries the cotisation of every offer the form holds: five under a barème of five (tests/bareme_cinq_offres)", () => {
    const { form, actes, foyer } = troisPersonnes();
    foyer.cotisations = { sommet: "900", essentielle: "410,50", renfort: "", confort: "720,25", equilibre_plus: "655" };
    const doc = construireFoyer(form, actes, foyer, CATALOGUE).situation!;
    expect(doc.cotisations).toEqual({ sommet: "900", essentielle: "410.50", confort: "720.25", equilibre_plus: "655" });
    // Reopened: every offer back in its field.
    const lu = foyerDepuisDocument(JSON.parse(JSON.stringify(doc)) as SituationFoyer);
    expect(lu.foyer.cotisations).toEqual({ sommet: "900", essentielle: "410,50", confort: "720,25", equilibre_plus: "655" });
    expect(construireFoyer(lu.form, lu.actes, lu.foyer, CATALOGUE).situation).toEqual(doc);
    // An amount that does not read: its error under its own offer's path, which the screen knows.
    foyer.cotisations.equilibre_plus = "-3";
    const c = construireFoyer(form, actes, foyer, CATALOGUE);
    expect(c.situation).toBeNull();
    expect(Object.keys(c.erreurs)).toEqual(["cotisations.equilibre_plus"]);
    const chemins = cheminsConnusFoyer(form, actes, foyer, CATALOGUE, []);
    expect(["sommet", "essentielle", "renfort", "confort", "equilibre_plus"].every((o) => chemins.has(`cotisations.${o}`))).toBe(true);
  });
});

describe("foyer: the draft", () => {
  it("keeps the household in the draft, exactly as typed, and reads it back", () => {
    const { form, actes, foyer } = troisPersonnes();
    foyer.autres[1].actes[0].frais_reels = "six"; // unreadable yet: kept as typed
    foyer.cotisations = { equilibre: "650,5" };
    foyer.variation = foyer.autres[0].actes[0].uid;
    foyer.nomAdherent = "Claire";
    const texte = versBrouillon({ form, actes, alternative: [], rouvert: null, initiales: "EF", reference: "", foyer });
    const lu = lireBrouillon(texte)!;
    expect(lu.foyer!.nomAdherent).toBe("Claire");
    expect(lu.foyer!.autres.map((p) => [p.relation, p.nom, p.actes[0].frais_reels])).toEqual([
      ["conjoint", "", "30,00"],
      ["enfant", "Léa", "six"],
    ]);
    expect(lu.foyer!.cotisations).toEqual({ equilibre: "650,5" });
    expect(positionVariation(lu.form, lu.actes, lu.foyer!)).toEqual({ personne: 1, acte: 0 });
    // The same content, new screen ids: the same signature.
    expect(signature(lu.form, lu.actes, [], lu.foyer)).toBe(signature(form, actes, [], foyer));
  });

  it("keeps the grid the cotisations were filled from, and the document names it while they are unchanged", () => {
    const { form, actes, foyer } = troisPersonnes();
    const grille: GrilleEnregistree = {
      id: 2,
      grille: {
        libelle: "Section 33 — 2018",
        date_effet: "2018-01-01",
        offres: [
          { offre: "initiale", adherent: "300.00", conjoint: "250.00", enfant: "50.00" },
          { offre: "reference", adherent: "345.50", conjoint: "290.25", enfant: null },
        ],
      },
    };
    // Rust's answer (grilles_appliquer): Initiale 300 + 250 + 50 = 600,00 ; Référence: no amount for a child.
    const reponse: CotisationGrille[] = [
      { offre: "initiale", montant: "600.00", detail: "adhérent 300,00 € + conjoint 250,00 € + 1 enfant × 50,00 € = 600,00 €", manque: [], absente: false },
      { offre: "reference", montant: null, detail: "", manque: ["l'enfant"], absente: false },
    ];
    const r = appliquerGrille(grille, reponse, relationsDuFoyer(foyer));
    foyer.cotisations = r.cotisations;
    foyer.grille = r.grille;
    expect(foyer.cotisations).toEqual({ initiale: "600,00", reference: "" });
    const doc = construireFoyer(form, actes, foyer, CATALOGUE).situation!;
    expect(doc.cotisations).toEqual({ initiale: "600.00" });
    expect(doc.grille_cotisations).toEqual({ libelle: "Section 33 — 2018", date_effet: "2018-01-01" });
    // Saved and reopened: still the grid's until a field changes.
    const relu = foyerDepuisDocument(doc);
    expect(construireFoyer(relu.form, relu.actes, relu.foyer, CATALOGUE).situation!.grille_cotisations).toEqual(doc.grille_cotisations);
    // The draft keeps it.
    const lu = lireBrouillon(versBrouillon({ form, actes, alternative: [], rouvert: null, initiales: "", reference: "", foyer }))!;
    expect(lu.foyer!.grille).toEqual(foyer.grille);
    expect(construireFoyer(lu.form, lu.actes, lu.foyer!, CATALOGUE).situation!.grille_cotisations).toEqual(doc.grille_cotisations);
    // A field typed over: the print no longer names the grid.
    foyer.cotisations.initiale = "610";
    expect(construireFoyer(form, actes, foyer, CATALOGUE).situation!.grille_cotisations).toBeUndefined();
  });

  it("a draft of one member written before the household reads with an empty household", () => {
    const { form, actes } = adherent();
    const ancien = JSON.parse(versBrouillon({ form, actes, rouvert: null, initiales: "", reference: "" }));
    delete ancien.foyer;
    const lu = lireBrouillon(JSON.stringify(ancien))!;
    expect(lu.foyer!.autres).toEqual([]);
    // And a single member's signature does not change with an empty household.
    expect(signature(form, actes, [], nouveauFoyer())).toBe(signature(form, actes));
  });

  it("a person added, a name or a cotisation typed is unsaved work", () => {
    const vide = nouvelleSituation("15/06/2018");
    const f = nouveauFoyer();
    expect(estimationVide(vide, [], [], f)).toBe(true);
    ajouterPersonne(f);
    expect(estimationVide(vide, [], [], f)).toBe(false);
    const { form, actes, foyer } = troisPersonnes();
    const enregistree = signature(form, actes, [], foyer);
    expect(travailNonEnregistre(form, actes, enregistree, [], foyer)).toBe(false);
    foyer.cotisations.reference = "700";
    expect(travailNonEnregistre(form, actes, enregistree, [], foyer)).toBe(true);
  });

  it("refuses a draft whose household is not one this screen wrote", () => {
    const { form, actes, foyer } = troisPersonnes();
    const v = JSON.parse(versBrouillon({ form, actes, rouvert: null, initiales: "", reference: "", foyer }));
    v.foyer.autres[0].relation = "cousin";
    expect(lireBrouillon(JSON.stringify(v))).toBeNull();
  });
});

describe("foyer: the keys", () => {
  it("Ctrl+Maj+N adds a person, Ctrl+N still starts a new estimate, Ctrl+Pg.suiv/Pg.préc move", () => {
    const t = (key: string, shiftKey = false) => commandePourTouche({ ctrlKey: true, altKey: false, shiftKey, key });
    expect(t("N", true)).toBe("ajouter_personne");
    expect(t("n")).toBe("nouveau");
    expect(t("PageDown")).toBe("personne_suivante");
    expect(t("PageUp")).toBe("personne_precedente");
    expect(commandePourTouche({ ctrlKey: false, altKey: false, key: "PageDown" })).toBeNull();
  });
});
