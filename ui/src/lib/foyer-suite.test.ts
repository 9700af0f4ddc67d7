// The household's last pieces (issue 17): the cost table for a member alone
// (a household of one once a cotisation is typed, the single document
// untouched otherwise) and each person's devis 100 % Santé option.
import { describe, expect, it } from "vitest";
import type { ActeVue, Resultat, SituationFoyer } from "./bindings";
import { lireBrouillon, signature, versBrouillon } from "./brouillon";
import { construireSituation, nouvelActe, nouvelleSituation, type FormActe } from "./estimation-logic";
import { ajouterPersonne, cheminsConnusFoyer, construireFoyer, cotisationsSaisies, documentFoyer, erreursDePersonne, foyerDepuisDocument, nouveauFoyer } from "./foyer";
import { coutSansCotisations } from "./foyer-vue";

const CATALOGUE = [
  { code: "consultation_generaliste", libelle: "Consultation", champs: [], champs_optionnels: [], paniers: [], frais_reels_optionnels: false, brss_a_saisir: false, rembourse: true },
  { code: "monture", libelle: "Monture", champs: [], champs_optionnels: [], paniers: [], frais_reels_optionnels: false, brss_a_saisir: false, rembourse: true },
] as unknown as ActeVue[];

function acte(code: string, frais: string): FormActe {
  const a = nouvelActe(code);
  a.frais_reels = frais;
  return a;
}

function adherent() {
  const form = nouvelleSituation("15/06/2018");
  form.naissance = "12/04/1980";
  return { form, actes: [acte("consultation_generaliste", "25")] };
}

describe("a member alone and the cost of each offer", () => {
  it("sends the single document, unchanged, until a cotisation is typed", () => {
    const { form, actes } = adherent();
    const f = nouveauFoyer();
    expect(documentFoyer(f)).toBe(false);
    f.cotisations.initiale = "   ";
    expect(cotisationsSaisies(f)).toBe(false);
    expect(documentFoyer(f)).toBe(false);
    // The draft and signature of a member alone stay what they were (no household part).
    expect(JSON.parse(signature(form, actes, [], f))).toEqual(JSON.parse(signature(form, actes)));
    f.cotisations.initiale = "600,00";
    expect(documentFoyer(f)).toBe(true);
  });

  it("a member alone with a cotisation is a household of one, the single document's fields under foyer[0]", () => {
    const { form, actes } = adherent();
    const alternative = [acte("monture", "30")];
    const f = nouveauFoyer();
    f.cotisations.equilibre = "720,50";
    const seul = construireSituation(form, actes, CATALOGUE, alternative).situation!;
    const c = construireFoyer(form, actes, f, CATALOGUE, alternative);
    expect(c.erreurs).toEqual({});
    expect(c.situation).toEqual({
      date: "2018-06-15",
      offre: null,
      foyer: [{ relation: "adherent", assure: seul.assure, actes: seul.actes, alternative_100_sante: seul.alternative_100_sante }],
      cotisations: { equilibre: "720.50" },
    });
    f.cotisations.equilibre = "72O";
    expect(Object.keys(construireFoyer(form, actes, f, CATALOGUE, alternative).erreurs)).toEqual(["cotisations.equilibre"]);
  });

  it("shows the single answer's offers with their reste à charge and no cotisation", () => {
    const r = {
      offres: [
        { offre: "initiale", libelle: "MGEN Initiale", totaux: { reste_a_charge: "1.00" } },
        { offre: "integrale", libelle: "MGEN Intégrale", totaux: { reste_a_charge: "0.50" } },
      ],
    } as unknown as Resultat;
    const c = coutSansCotisations(r);
    expect(c.offres.map((o) => [o.offre, o.reste_a_charge, o.cotisation, o.cout_net, o.moins_chere])).toEqual([
      ["initiale", "1.00", null, null, false],
      ["integrale", "0.50", null, null, false],
    ]);
    expect(c.offres[1].explication).toBe("Reste à charge 0,50\u202f€ ; cotisations non renseignées");
    expect(c.conclusion).toContain("cotisations non renseignées pour MGEN Initiale, MGEN Intégrale");
    expect(c.bascule).toBeNull();
  });
});

describe("each person's devis option in a household", () => {
  function foyerAvecOption() {
    const { form, actes } = adherent();
    const f = nouveauFoyer();
    ajouterPersonne(f);
    f.autres[0].form.naissance = "07/07/1966";
    f.autres[0].actes.push(acte("monture", "150"));
    f.autres[0].alternative.push(acte("monture", "30"));
    return { form, actes, f };
  }

  it("goes under foyer[k].alternative_100_sante, its errors under that person's path", () => {
    const { form, actes, f } = foyerAvecOption();
    const c = construireFoyer(form, actes, f, CATALOGUE);
    expect(c.situation!.foyer[0].alternative_100_sante).toBeUndefined();
    expect(c.situation!.foyer[1].alternative_100_sante?.map((a) => [a.code, a.frais_reels])).toEqual([["monture", "30"]]);
    f.autres[0].alternative[0].frais_reels = "trente";
    const e = construireFoyer(form, actes, f, CATALOGUE).erreurs;
    expect(Object.keys(e)).toEqual(["foyer[1].alternative_100_sante[0].frais_reels"]);
    expect(Object.keys(erreursDePersonne(e, 1))).toEqual(["alternative_100_sante[0].frais_reels"]);
    expect(cheminsConnusFoyer(form, actes, f, CATALOGUE, []).has("foyer[1].alternative_100_sante[0].frais_reels")).toBe(true);
  });

  it("comes back from a saved household and from the draft", () => {
    const { form, actes, f } = foyerAvecOption();
    const alternative = [acte("consultation_generaliste", "20")];
    const doc = construireFoyer(form, actes, f, CATALOGUE, alternative).situation as SituationFoyer;
    const lu = foyerDepuisDocument(doc);
    expect(lu.alternative.map((a) => [a.code, a.frais_reels])).toEqual([["consultation_generaliste", "20"]]);
    expect(lu.foyer.autres[0].alternative.map((a) => [a.code, a.frais_reels])).toEqual([["monture", "30"]]);
    const texte = versBrouillon({ form, actes, alternative: [], rouvert: null, initiales: "", reference: "", foyer: f });
    const b = lireBrouillon(texte)!;
    expect(b.foyer!.autres[0].alternative.map((a) => [a.code, a.frais_reels])).toEqual([["monture", "30"]]);
    // A person without an option adds nothing to the draft (older drafts unchanged).
    f.autres[0].alternative = [];
    expect(JSON.parse(texte).foyer.autres[0].alternative).toHaveLength(1);
    expect(JSON.parse(versBrouillon({ form, actes, alternative: [], rouvert: null, initiales: "", reference: "", foyer: f })).foyer.autres[0]).not.toHaveProperty("alternative");
  });
});
