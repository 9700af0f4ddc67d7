import { describe, expect, it } from "vitest";
import type { ActeVue, Resultat, ResultatActe, ResultatOffre, Situation } from "./bindings";
import { ALTERNATIVE, champDeLErreur, cheminsConnus, construireSituation, formDepuisSituation, nouvelActe, nouvelleSituation, type FormActe } from "./estimation-logic";
import { estimationVide, lireBrouillon, signature, travailNonEnregistre, versBrouillon } from "./brouillon";
import { commandePourTouche } from "./estimation-raccourcis";
import { deuxOptions, lignesActe, phraseDeuxOptions } from "./resultat-vue";

// The devis of golden case 145 (tests/cases/145_devis_deux_options_optique.toml):
// classe B progressive lenses and frame chosen, classe A ones offered.
function entree(code: string, paniers: ActeVue["paniers"], champs_optionnels: ActeVue["champs_optionnels"] = []): ActeVue {
  return {
    brss_a_saisir: false,
    age_moins_de: null,
    frais_reels_optionnels: false,
    champs_requis_si: [],
    code,
    libelle: code,
    section: "OPTIQUE",
    lignes: ["25"],
    synonymes: [],
    rembourse: true,
    champs: [],
    champs_optionnels,
    elements: [],
    materiaux: [],
    codes_lpp: [],
    paniers,
    note: null,
  };
}
const CATALOGUE = [
  entree("verre_progressif", ["classe_a", "classe_b"], ["reseau"]),
  entree("monture", ["classe_a", "classe_b"]),
  entree("consultation_generaliste", []),
];

function acte(code: string, champs: Partial<FormActe>): FormActe {
  return { ...nouvelActe(code), ...champs };
}

function formulaire() {
  const form = nouvelleSituation("20/06/2026");
  form.naissance = "07/07/1966";
  form.offre = "equilibre";
  const actes = [
    acte("verre_progressif", { quantite: "2", frais_reels: "600", brss: "0,10", panier: "classe_b", champs: { reseau: "non" } }),
    acte("monture", { frais_reels: "150", brss: "0,05", panier: "classe_b" }),
  ];
  const alternative = [
    acte("verre_progressif", { quantite: "2", frais_reels: "170", brss: "10", panier: "classe_a", prix_limite: "170,00", champs: { reseau: "non" } }),
    acte("monture", { frais_reels: "30", brss: "9", panier: "classe_a" }),
  ];
  return { form, actes, alternative };
}

describe("the devis's two options in the situation document", () => {
  it("puts the 100 % Santé option under alternative_100_sante, with baskets and price limit", () => {
    const { form, actes, alternative } = formulaire();
    const r = construireSituation(form, actes, CATALOGUE, alternative);
    expect(r.erreurs).toEqual({});
    expect(r.manquants).toEqual({});
    const s = r.situation!;
    expect(s.actes.map((a) => [a.code, a.quantite, a.frais_reels, a.brss, a.panier, a.prix_limite])).toEqual([
      ["verre_progressif", 2, "600", "0.10", "classe_b", undefined],
      ["monture", 1, "150", "0.05", "classe_b", undefined],
    ]);
    expect(s.alternative_100_sante!.map((a) => [a.code, a.quantite, a.frais_reels, a.brss, a.panier, a.prix_limite, a.reseau])).toEqual([
      ["verre_progressif", 2, "170", "10", "classe_a", "170.00", false],
      ["monture", 1, "30", "9", "classe_a", undefined, null],
    ]);
  });

  it("leaves the option out when it has no act, and the basket out of an act the reform does not concern", () => {
    const { form } = formulaire();
    const gp = acte("consultation_generaliste", { frais_reels: "30", panier: "classe_a", prix_limite: "12" });
    const s = construireSituation(form, [gp], CATALOGUE).situation!;
    expect("alternative_100_sante" in s).toBe(false);
    expect("panier" in s.actes[0]).toBe(false);
    expect("prix_limite" in s.actes[0]).toBe(false);
  });

  it("names an unreadable or missing field of the option by its own path", () => {
    const { form, actes, alternative } = formulaire();
    alternative[0].prix_limite = "cent";
    alternative[1].frais_reels = "";
    const r = construireSituation(form, actes, CATALOGUE, alternative);
    expect(r.situation).toBeNull();
    expect(Object.keys(r.erreurs)).toEqual([`${ALTERNATIVE}[0].prix_limite`]);
    expect(r.manquants).toEqual({ [`${ALTERNATIVE}[1].frais_reels`]: "frais réels à saisir" });
  });

  it("comes back whole from a saved situation (reopening)", () => {
    const { form, actes, alternative } = formulaire();
    const doc = construireSituation(form, actes, CATALOGUE, alternative).situation!;
    const back = formDepuisSituation(JSON.parse(JSON.stringify(doc)) as Situation);
    expect(back.alternative.map((a) => [a.code, a.panier, a.prix_limite, a.brss])).toEqual([
      ["verre_progressif", "classe_a", "170,00", "10"],
      ["monture", "classe_a", "", "9"],
    ]);
    expect(construireSituation(back.form, back.actes, CATALOGUE, back.alternative).situation).toEqual(doc);
  });
});

describe("the engine's errors on the devis land on their field", () => {
  const { actes, alternative } = formulaire();
  const champs = cheminsConnus(actes, alternative, CATALOGUE, []);
  it("a field of an act of the option, the act itself, the list", () => {
    expect(champDeLErreur(`${ALTERNATIVE}[1].prix_limite`, champs)).toBe(`${ALTERNATIVE}[1].prix_limite`);
    expect(champDeLErreur(`${ALTERNATIVE}[0].panier`, champs)).toBe(`${ALTERNATIVE}[0].panier`);
    expect(champDeLErreur(`${ALTERNATIVE}[0].taux_amo`, champs)).toBe(`${ALTERNATIVE}[0]`);
    expect(champDeLErreur(`${ALTERNATIVE}[5].frais_reels`, champs)).toBe(ALTERNATIVE);
    expect(champDeLErreur("actes[0].panier", champs)).toBe("actes[0].panier");
    expect(champDeLErreur("actes[1].prix_limite", champs)).toBe("actes[1].prix_limite");
  });
  it("no place for a basket on an act the reform does not concern, nor for an empty option", () => {
    const gp = [acte("consultation_generaliste", {})];
    const sans = cheminsConnus(gp, [], CATALOGUE, []);
    expect(champDeLErreur("actes[0].panier", sans)).toBe("actes[0]");
    expect(champDeLErreur(`${ALTERNATIVE}[0].panier`, sans)).toBe("");
  });
});

describe("the option in the draft and the saved estimate", () => {
  it("is typed work, kept by the draft and by the signature", () => {
    const { form, actes, alternative } = formulaire();
    const neuf = nouvelleSituation("20/06/2026");
    expect(estimationVide(neuf, [], [alternative[0]])).toBe(false);
    const lu = lireBrouillon(versBrouillon({ form, actes, alternative, rouvert: null, initiales: "", reference: "" }))!;
    expect(lu.alternative!.map(({ uid: _, ...r }) => r)).toEqual(alternative.map(({ uid: _, ...r }) => r));
    expect(lu.actes[0].panier).toBe("classe_b");
    const enregistree = signature(form, actes, alternative);
    expect(travailNonEnregistre(form, actes, enregistree, alternative)).toBe(false);
    expect(travailNonEnregistre(form, actes, enregistree, alternative.slice(0, 1))).toBe(true);
    expect(travailNonEnregistre(form, actes, enregistree, [])).toBe(true);
  });

  it("a draft or a signature of before the option reads as an estimate without one", () => {
    const { form, actes } = formulaire();
    const ancien = JSON.parse(versBrouillon({ form, actes, rouvert: null, initiales: "", reference: "" }));
    delete ancien.alternative;
    for (const a of ancien.actes) {
      delete a.panier;
      delete a.prix_limite;
    }
    const lu = lireBrouillon(JSON.stringify(ancien))!;
    expect(lu.alternative).toEqual([]);
    expect(lu.actes[1].panier).toBe("");
    expect(lireBrouillon(JSON.stringify({ ...ancien, alternative: {} }))).toBeNull();
    expect(signature(form, actes, [])).toBe(signature(form, actes));
  });
});

describe("Ctrl+Maj+K", () => {
  it("goes to the search of the devis's 100 % Santé option; Ctrl+K stays the chosen acts'", () => {
    expect(commandePourTouche({ ctrlKey: true, altKey: false, shiftKey: true, key: "K" })).toBe("recherche_alternative");
    expect(commandePourTouche({ ctrlKey: true, altKey: false, shiftKey: false, key: "k" })).toBe("recherche");
  });
});

describe("the two options per offer", () => {
  // Totals of case 145 under Équilibre (worked by hand in the case file):
  // chosen 549,91 € left, 100 % Santé option 0,00 €.
  const offre = (o: ResultatOffre["offre"], libelle: string, rac: string): ResultatOffre => ({
    offre: o,
    libelle,
    actes: [],
    totaux: { frais_reels: "0", brss: "0", amo: { brut: "0", participation_forfaitaire: "0", franchise: "0", net: "0" } as ResultatOffre["totaux"]["amo"], mgen: "0", reste_a_charge: rac },
    lecture_a_confirmer: false,
  });
  const base = { date: "2026-06-20", baremes: [], amo_verifie_jusqu_au: "2026-01-01", maternite: null, avertissements: [], arrondi: "", mention: "" };

  it("pairs each offer with its 100 % Santé option and says both", () => {
    const r: Resultat = {
      ...base,
      offres: [offre("initiale", "MGEN Initiale", "600.00"), offre("equilibre", "MGEN Équilibre", "549.91")],
      alternative_100_sante: [offre("equilibre", "MGEN Équilibre", "0.00"), offre("initiale", "MGEN Initiale", "0.00")],
    };
    const d = deuxOptions(r);
    expect(d.map((x) => [x.offre, x.choisi.totaux.reste_a_charge, x.alternative.totaux.reste_a_charge])).toEqual([
      ["initiale", "600.00", "0.00"],
      ["equilibre", "549.91", "0.00"],
    ]);
    expect(phraseDeuxOptions(d[1]).replace(/\u202f/g, " ")).toBe(
      "Avec l'offre 100 % Santé du devis, il vous reste 0,00 € ; avec l'équipement choisi, il vous reste 549,91 €",
    );
  });

  it("is empty without an option", () => {
    expect(deuxOptions({ ...base, offres: [offre("equilibre", "MGEN Équilibre", "1.00")] })).toEqual([]);
  });
});

describe("which lines explain which part", () => {
  // The lines of the 100 % Santé lenses of case 145, as the engine writes them (references and sentences).
  const ligne = (genre: "calcul" | "plafond" | "avertissement", reference: string, formule: string) => ({ genre, reference, formule, date_effet: null, source: "" });
  const explications = [
    ligne("avertissement", "barème", "Barème MGEN « MGEN Annexe 2 — 2018 » plus d'un an avant les soins"),
    ligne("calcul", "saisie", "Base de remboursement saisie : 10,00 €"),
    ligne("calcul", "taux.lpp", "AMO : 60 % × 10,00 € = 6,00 €"),
    ligne("calcul", "prix limite", "Prix limite du devis, saisi : 170,00 €"),
    ligne("calcul", "Arrêté du 3 décembre 2018", "Panier du devis : classe A (100 % Santé)"),
    ligne("plafond", "principe indemnitaire", "Principe indemnitaire : MGEN au plus frais réels − AMO brut = 164,00 €"),
    ligne("calcul", "CSS art. R.871-2", "100 % Santé : MGEN paie le prix dans la limite du prix limite, moins l'AMO : min(170,00 €, 170,00 €) − 6,00 € = 164,00 €"),
    ligne("calcul", "Annexe 2, ligne 25", "Ligne 25 (MGEN Équilibre) : forfait 85,00 €"),
    ligne("calcul", "MGEN", "MGEN : 164,00 €"),
  ];
  const a = { explications } as unknown as ResultatActe;
  it("MGEN: the Annexe lines and the 100 % Santé rules; the Sécurité sociale: its own; the warning: both", () => {
    expect(lignesActe(a, "mgen").map((e) => e.formule.slice(0, 14))).toEqual([
      "Barème MGEN « ",
      "Prix limite du",
      "Panier du devi",
      "Principe indem",
      "100 % Santé : ",
      "Ligne 25 (MGEN",
      "MGEN : 164,00 ",
    ]);
    expect(lignesActe(a, "amo").map((e) => e.reference)).toEqual(["barème", "saisie", "taux.lpp"]);
    expect(lignesActe(a, "rac")).toHaveLength(explications.length);
  });
});
