import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ActeVue, Situation } from "./bindings";
import {
  champDeLErreur,
  cheminsDeja,
  nbDejaSaisis,
  construireSituation,
  formDepuisSituation,
  idChamp,
  lireMontant,
  nouvelActe,
  nouvelleSituation,
  normaliser,
  rechercher,
} from "./estimation-logic";
import { commandePourTouche } from "./estimation-raccourcis";

// The shipped catalogue, read with a small extractor of the fields the
// search uses (code, libellé, section, synonyms, fields).
function catalogueLivre(): ActeVue[] {
  const texte = readFileSync(resolve(process.cwd(), "../assets/catalogue.toml"), "utf8");
  return texte
    .split(/^\[\[acte\]\]$/m)
    .slice(1)
    .map((bloc) => {
      const tete = bloc.split(/^\[\[acte\./m)[0];
      const chaine = (cle: string) => new RegExp(`^${cle} = "(.*)"$`, "m").exec(tete)?.[1] ?? "";
      const liste = (cle: string) => {
        const m = new RegExp(`^${cle} = (\\[.*\\])$`, "m").exec(tete);
        return m ? (JSON.parse(m[1]) as string[]) : [];
      };
      return {
        code: chaine("code"),
        libelle: chaine("libelle"),
        section: chaine("section"),
        lignes: liste("lignes"),
        synonymes: liste("synonymes"),
        rembourse: !/^rembourse = false$/m.test(tete),
        brss_a_saisir: false,
        champs: liste("champs"),
        champs_optionnels: liste("champs_optionnels"),
        elements: [],
        materiaux: [],
        codes_lpp: [],
        paniers: liste("paniers"),
        age_moins_de: null,
        note: null,
        frais_reels_optionnels: /^regle = "forfait_journalier"$/m.test(tete),
        champs_requis_si: [],
      } as ActeVue;
    });
}

const CATALOGUE = catalogueLivre();

describe("normaliser", () => {
  it("drops accents, case and punctuation", () => {
    expect(normaliser("Ostéo-pathie  KINÉ")).toBe("osteo pathie kine");
    expect(normaliser("  l'appareil auditif ")).toBe("l appareil auditif");
  });
});

describe("rechercher, on the shipped catalogue", () => {
  it("reads the catalogue", () => {
    expect(CATALOGUE.length).toBe(readFileSync(resolve(process.cwd(), "../assets/catalogue.toml"), "utf8").match(/^\[\[acte\]\]$/gm)!.length);
    expect(CATALOGUE.every((a) => a.code && a.libelle)).toBe(true);
    expect(CATALOGUE.find((a) => a.code === "verre_progressif")?.synonymes).toContain("verres progressifs");
  });
  const codes = (q: string) => rechercher(CATALOGUE, q).map((a) => a.code);
  it("understands the words advisers use, accents or not", () => {
    expect(codes("lunettes")).toEqual(expect.arrayContaining(["verre_unifocal", "verre_progressif", "monture"]));
    expect(codes("verres progressifs")[0]).toBe("verre_progressif");
    expect(codes("verres progressifs")).not.toContain("monture");
    expect(codes("kine")[0]).toBe("seance_kinesitherapie");
    expect(codes("kiné")[0]).toBe("seance_kinesitherapie");
    expect(codes("osteo")[0]).toBe("osteopathie");
    expect(codes("ostéo")).toContain("osteopathie");
    expect(codes("hospitalisation")).toEqual(expect.arrayContaining(["frais_de_sejour", "chambre_particuliere", "forfait_journalier"]));
    expect(codes("couronne").some((c) => c.includes("couronne"))).toBe(true);
    expect(codes("appareil auditif").some((c) => c.includes("audi"))).toBe(true);
    expect(codes("chambre particuliere")[0]).toBe("chambre_particuliere");
  });
  it("finds nothing for an empty query or nonsense", () => {
    expect(codes("   ")).toEqual([]);
    expect(codes("zzzqqq")).toEqual([]);
  });
});

describe("lireMontant", () => {
  it("accepts French and dotted decimals, refuses the rest", () => {
    expect(lireMontant("120,5")).toEqual({ valeur: "120.5" });
    expect(lireMontant(" 1 200,50 € ")).toEqual({ valeur: "1200.50" });
    expect(lireMontant("80")).toEqual({ valeur: "80" });
    expect(lireMontant("-5")).toEqual({ erreur: expect.stringMatching(/négatif/) });
    expect(lireMontant("abc")).toEqual({ erreur: expect.stringMatching(/n'est pas un montant/) });
    expect(lireMontant("1,234")).toEqual({ erreur: expect.stringMatching(/n'est pas un montant/) });
  });
});

describe("construireSituation", () => {
  function lunettesEnfant() {
    const f = nouvelleSituation("15/06/2018");
    f.naissance = "01/03/2008";
    f.offre = "reference";
    const verres = nouvelActe("verre_progressif");
    verres.quantite = "2";
    verres.frais_reels = "600";
    verres.brss = "78,96";
    verres.champs.reseau = "oui";
    return { f, actes: [verres] };
  }

  it("builds the engine's document from what was typed", () => {
    const { f, actes } = lunettesEnfant();
    const r = construireSituation(f, actes, CATALOGUE);
    expect(r.erreurs).toEqual({});
    expect(r.manquants).toEqual({});
    expect(r.situation).toMatchObject({
      date: "2018-06-15",
      offre: "reference",
      assure: { date_naissance: "2008-03-01", parcours_soins: true, css: false, handicap: false, grossesse: null, deja_utilise: null },
      actes: [{ code: "verre_progressif", quantite: 2, frais_reels: "600", brss: "78.96", reseau: true, optam: null }],
    });
  });

  it("reads a crown's CCAM code as the devis prints it, in capitals, and gives it back", () => {
    const f = nouvelleSituation("12/03/2026");
    f.naissance = "21/09/1968";
    const couronne = nouvelActe("couronne");
    couronne.frais_reels = "290";
    couronne.champs.conventionne = "oui";
    couronne.champs.dent = "molaire";
    couronne.champs.code_ccam = " hbld 038 ";
    const r = construireSituation(f, [couronne], CATALOGUE);
    expect(r.erreurs).toEqual({});
    expect(r.situation?.actes[0]).toMatchObject({ code: "couronne", code_ccam: "HBLD038", dent: "molaire" });
    expect(formDepuisSituation(r.situation!).actes[0].champs.code_ccam).toBe("HBLD038");
  });

  it("reopens a saved act without a quantity as one unit, as the engine reads it", () => {
    const doc = {
      date: "2018-06-15",
      assure: { date_naissance: "1983-02-01", parcours_soins: true, css: false, handicap: false },
      actes: [{ code: "consultation_generaliste", frais_reels: "30.00" }],
    } as unknown as Situation;
    const { actes } = formDepuisSituation(doc);
    expect(actes[0].quantite).toBe("1");
    expect(actes[0].frais_reels).toBe("30,00");
  });

  it("never sends a silent default: a bad field gives an error and no document", () => {
    const { f, actes } = lunettesEnfant();
    actes[0].frais_reels = "abc";
    let r = construireSituation(f, actes, CATALOGUE);
    expect(r.situation).toBeNull();
    expect(r.erreurs["actes[0].frais_reels"]).toMatch(/n'est pas un montant/);
    actes[0].frais_reels = "-5";
    r = construireSituation(f, actes, CATALOGUE);
    expect(r.erreurs["actes[0].frais_reels"]).toMatch(/négatif/);
    actes[0].frais_reels = "600";
    f.naissance = "01/01/2030";
    r = construireSituation(f, actes, CATALOGUE);
    expect(r.erreurs["assure.date_naissance"]).toMatch(/postérieure/);
    f.naissance = "31/02/2010";
    r = construireSituation(f, actes, CATALOGUE);
    expect(r.erreurs["assure.date_naissance"]).toMatch(/n'est pas une date/);
  });

  it("lists the required fields still empty as missing, not as errors", () => {
    const f = nouvelleSituation("15/06/2018");
    const chambre = nouvelActe("chambre_particuliere");
    const r = construireSituation(f, [chambre], CATALOGUE);
    expect(r.situation).toBeNull();
    expect(r.erreurs).toEqual({});
    expect(Object.keys(r.manquants).sort()).toEqual(
      ["actes[0].conventionne", "actes[0].frais_reels", "actes[0].nuits", "actes[0].sejour", "assure.date_naissance"].sort(),
    );
  });

  it("lets the forfait journalier go without frais réels", () => {
    const f = nouvelleSituation("15/06/2018");
    f.naissance = "01/01/1980";
    const fj = nouvelActe("forfait_journalier");
    fj.champs.jours = "3";
    const r = construireSituation(f, [fj], CATALOGUE);
    expect(r.manquants).toEqual({});
    expect(r.situation?.actes[0]).toMatchObject({ frais_reels: null, jours: 3 });
  });

  it("round-trips through the saved document", () => {
    const { f, actes } = lunettesEnfant();
    f.grossesse = { debut: "", terme: "", accouchement: "" };
    f.deja.franchises = "8,50";
    const doc = construireSituation(f, actes, CATALOGUE).situation!;
    const back = formDepuisSituation(doc);
    const again = construireSituation(back.form, back.actes, CATALOGUE).situation;
    expect(again).toEqual(doc);
    expect(back.form.naissance).toBe("01/03/2008");
    expect(back.actes[0].brss).toBe("78,96");
    expect(back.actes[0].champs.reseau).toBe("oui");
  });
});

describe("déjà utilisé cette année (assure.deja_utilise)", () => {
  function osteo() {
    const f = nouvelleSituation("15/06/2018");
    f.naissance = "01/01/1980";
    const a = nouvelActe("osteopathie");
    a.frais_reels = "60";
    return { f, actes: [a] };
  }
  const P = "assure.deja_utilise";

  it("sends every field typed under the engine's names, amounts as decimal strings", () => {
    const { f, actes } = osteo();
    f.deja.participations = "12";
    f.deja.franchises = "8,5";
    f.deja.enveloppes = { se_soigner_autrement: "50,00", prevention: "" };
    f.deja.seances_psychotherapie = "4";
    f.deja.appareils_auditifs = "1";
    f.deja.implants = "2";
    f.deja.couronnes_sur_implant = "0";
    f.deja.semestres_orthodontie = "3";
    f.deja.dernier_equipement_optique = "01/03/2017";
    const r = construireSituation(f, actes, CATALOGUE);
    expect(r.erreurs).toEqual({});
    expect(r.situation?.assure.deja_utilise).toEqual({
      participations_forfaitaires: "12",
      franchises: "8.5",
      enveloppes: { se_soigner_autrement: "50.00" },
      seances_psychotherapie: 4,
      appareils_auditifs: 1,
      implants: 2,
      couronnes_sur_implant: 0,
      semestres_orthodontie: 3,
      dernier_equipement_optique: "2017-03-01",
    });
    expect(nbDejaSaisis(f.deja)).toBe(9);
  });

  it("sends nothing when the section is empty, an envelope alone when only it is typed", () => {
    const { f, actes } = osteo();
    f.deja.enveloppes = { se_soigner_autrement: "  " };
    expect(construireSituation(f, actes, CATALOGUE).situation?.assure.deja_utilise).toBeNull();
    f.deja.enveloppes = { se_soigner_autrement: "50" };
    expect(construireSituation(f, actes, CATALOGUE).situation?.assure.deja_utilise).toMatchObject({
      enveloppes: { se_soigner_autrement: "50" },
      participations_forfaitaires: null,
      implants: null,
    });
  });

  it("puts each unreadable value under its own JSON path and keeps the text", () => {
    const { f, actes } = osteo();
    f.deja.enveloppes = { se_soigner_autrement: "abc" };
    f.deja.implants = "1,5";
    f.deja.franchises = "-3";
    f.deja.dernier_equipement_optique = "01/01/2019";
    const r = construireSituation(f, actes, CATALOGUE);
    expect(r.situation).toBeNull();
    expect(r.erreurs[`${P}.enveloppes.se_soigner_autrement`]).toMatch(/n'est pas un montant/);
    expect(r.erreurs[`${P}.implants`]).toMatch(/nombre entier/);
    expect(r.erreurs[`${P}.franchises`]).toMatch(/négatif/);
    expect(r.erreurs[`${P}.dernier_equipement_optique`]).toMatch(/postérieure/);
    expect(f.deja.enveloppes.se_soigner_autrement).toBe("abc");
    expect(f.deja.implants).toBe("1,5");
  });

  it("places the engine's errors on these fields, or on the section", () => {
    const champs = new Set(["assure.deja_utilise", ...cheminsDeja(["se_soigner_autrement", "prevention"])]);
    expect(champDeLErreur(`${P}.enveloppes.prevention`, champs)).toBe(`${P}.enveloppes.prevention`);
    expect(champDeLErreur(`${P}.semestres_orthodontie`, champs)).toBe(`${P}.semestres_orthodontie`);
    expect(champDeLErreur(`${P}.enveloppes.inconnue`, champs)).toBe(P);
    expect(cheminsDeja(["lentilles"])).toEqual([
      `${P}.participations_forfaitaires`,
      `${P}.franchises`,
      `${P}.enveloppes.lentilles`,
      `${P}.seances_psychotherapie`,
      `${P}.appareils_auditifs`,
      `${P}.implants`,
      `${P}.couronnes_sur_implant`,
      `${P}.semestres_orthodontie`,
      `${P}.dernier_equipement_optique`,
    ]);
  });

  it("round-trips through the saved document", () => {
    const { f, actes } = osteo();
    f.deja.enveloppes = { se_soigner_autrement: "50,5" };
    f.deja.semestres_orthodontie = "2";
    f.deja.couronnes_sur_implant = "1";
    const doc = construireSituation(f, actes, CATALOGUE).situation!;
    const back = formDepuisSituation(doc);
    expect(back.form.deja.enveloppes).toEqual({ se_soigner_autrement: "50,5" });
    expect(back.form.deja.semestres_orthodontie).toBe("2");
    expect(construireSituation(back.form, back.actes, CATALOGUE).situation).toEqual(doc);
  });
});

describe("champDeLErreur", () => {
  const champs = new Set(["date", "assure.date_naissance", "actes[0]", "actes[0].frais_reels", "assure.grossesse"]);
  it("maps the engine's JSON path to the field, or to the nearest enclosing one", () => {
    expect(champDeLErreur("actes[0].frais_reels", champs)).toBe("actes[0].frais_reels");
    expect(champDeLErreur("actes[0].sejour", champs)).toBe("actes[0]");
    expect(champDeLErreur("assure.grossesse.terme", champs)).toBe("assure.grossesse");
    expect(champDeLErreur("assure.date_naissance", champs)).toBe("assure.date_naissance");
    expect(champDeLErreur("", champs)).toBe("");
    expect(champDeLErreur("offre", champs)).toBe("");
  });
  it("gives DOM ids without brackets", () => {
    expect(idChamp("actes[12].frais_reels")).toBe("champ-actes-12-frais_reels");
    expect(idChamp("assure.date_naissance")).toBe("champ-assure-date_naissance");
  });
});

describe("raccourcis", () => {
  it("maps Ctrl+N/S/K/P and nothing else", () => {
    expect(commandePourTouche({ ctrlKey: true, altKey: false, key: "n" })).toBe("nouveau");
    expect(commandePourTouche({ ctrlKey: true, altKey: false, key: "S" })).toBe("enregistrer");
    expect(commandePourTouche({ ctrlKey: true, altKey: false, key: "k" })).toBe("recherche");
    expect(commandePourTouche({ ctrlKey: true, altKey: false, key: "p" })).toBe("imprimer");
    expect(commandePourTouche({ ctrlKey: false, altKey: false, key: "n" })).toBeNull();
    expect(commandePourTouche({ ctrlKey: true, altKey: true, key: "n" })).toBeNull();
    expect(commandePourTouche({ ctrlKey: true, altKey: false, key: "x" })).toBeNull();
  });
});
