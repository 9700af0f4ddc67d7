import { describe, expect, it } from "vitest";
import { EcritureCoalescee, estimationVide, lireBrouillon, OrdreReponses, quandFr, resumeBrouillon, signature, travailNonEnregistre, versBrouillon } from "./brouillon";
import { nouvelActe, nouvelleSituation, type FormActe } from "./estimation-logic";

describe("ordre des réponses du moteur", () => {
  it("a late answer to an older request never replaces a newer one", () => {
    const o = new OrdreReponses();
    const [r1, r2, r3] = [o.nouvelle(), o.nouvelle(), o.nouvelle()];
    // Answers arrive 2, then 1 (late), then 3.
    expect(o.accepter(r2)).toBe(true);
    expect(o.aJour()).toBe(false);
    expect(o.accepter(r1)).toBe(false);
    expect(o.accepter(r3)).toBe(true);
    expect(o.aJour()).toBe(true);
  });

  it("the newest answer is shown even when older ones never come", () => {
    const o = new OrdreReponses();
    o.nouvelle();
    o.nouvelle();
    const r3 = o.nouvelle();
    expect(o.accepter(r3)).toBe(true);
    expect(o.aJour()).toBe(true);
  });

  it("answers to requests sent before the input became unreadable are dropped", () => {
    const o = new OrdreReponses();
    const r1 = o.nouvelle();
    o.abandonnerEnCours();
    expect(o.accepter(r1)).toBe(false);
    const r2 = o.nouvelle();
    expect(o.accepter(r2)).toBe(true);
  });
});

/** A writer whose writes finish when the test says so. */
function ecrivainManuel() {
  const ecrits: (string | null)[] = [];
  const enVol: (() => void)[] = [];
  let maxEnVol = 0;
  let echecs = 0;
  let echouerProchaine = false;
  const erreurs: unknown[] = [];
  const w = new EcritureCoalescee<string | null>(
    (v) =>
      new Promise<void>((ok, ko) => {
        ecrits.push(v);
        const echoue = echouerProchaine;
        echouerProchaine = false;
        enVol.push(() => (echoue ? (echecs++, ko(new Error("disque plein"))) : ok()));
        maxEnVol = Math.max(maxEnVol, enVol.length);
      }),
    (e) => erreurs.push(e),
  );
  return {
    w,
    ecrits,
    erreurs,
    enVol: () => enVol.length,
    maxEnVol: () => maxEnVol,
    echecs: () => echecs,
    echouerProchaine: () => (echouerProchaine = true),
    /** Finishes the write in flight and lets the writer go on. */
    async finir() {
      enVol.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe("écriture du brouillon", () => {
  it("keeps one write in flight and writes the last state asked", async () => {
    const t = ecrivainManuel();
    t.w.demander("a");
    t.w.demander("b");
    t.w.demander("c");
    expect(t.ecrits).toEqual(["a"]);
    await t.finir();
    // "b" was replaced by "c" while "a" was being written.
    expect(t.ecrits).toEqual(["a", "c"]);
    await t.finir();
    await t.w.attendreRepos();
    expect(t.maxEnVol()).toBe(1);
    expect(t.enVol()).toBe(0);
  });

  it("says while a write is under way whether a newer value waits (an estimate's answer then goes unshown)", async () => {
    const t = ecrivainManuel();
    expect(t.w.enAttente()).toBe(false);
    t.w.demander("a");
    expect(t.w.enAttente()).toBe(false);
    t.w.demander("b");
    expect(t.w.enAttente()).toBe(true);
    await t.finir();
    // "b" is now the one in flight, nothing waits behind it.
    expect(t.ecrits).toEqual(["a", "b"]);
    expect(t.w.enAttente()).toBe(false);
    await t.finir();
  });

  it("does not write again the state already written, but writes a return to an earlier one", async () => {
    const t = ecrivainManuel();
    t.w.demander("a");
    await t.finir();
    t.w.demander("a");
    expect(t.ecrits).toEqual(["a"]);
    t.w.demander("b");
    t.w.demander("a");
    await t.finir();
    // "a" asked while "b" was being written: "b" is now the file's state, so "a" is written.
    expect(t.ecrits).toEqual(["a", "b", "a"]);
    await t.finir();
  });

  it("a clear (null) asked last wins over a state still waiting", async () => {
    const t = ecrivainManuel();
    t.w.demander("a");
    t.w.demander("b");
    t.w.demander(null);
    await t.finir();
    await t.finir();
    expect(t.ecrits).toEqual(["a", null]);
  });

  it("a failed write is reported and the same state is written at the next request", async () => {
    const t = ecrivainManuel();
    t.echouerProchaine();
    t.w.demander("a");
    await t.finir();
    expect(t.echecs()).toBe(1);
    expect(t.erreurs).toHaveLength(1);
    t.w.demander("a");
    expect(t.ecrits).toEqual(["a", "a"]);
    await t.finir();
  });
});

function acte(code: string, f: Partial<FormActe>): FormActe {
  return { ...nouvelActe(code), ...f };
}

describe("estimation non vide", () => {
  const neuf = () => nouvelleSituation("03/12/2026");

  it("a new form is empty, whatever its date of care", () => {
    expect(estimationVide(neuf(), [])).toBe(true);
    expect(estimationVide({ ...neuf(), date: "15/06/2018" }, [])).toBe(true);
  });

  it("one act, one typed field or one changed box is typed work", () => {
    expect(estimationVide(neuf(), [nouvelActe("consultation_specialiste")])).toBe(false);
    expect(estimationVide({ ...neuf(), naissance: "01/01/1980" }, [])).toBe(false);
    expect(estimationVide({ ...neuf(), parcours: false }, [])).toBe(false);
    expect(estimationVide({ ...neuf(), handicap: true }, [])).toBe(false);
    const f = neuf();
    f.deja.enveloppes = { se_soigner_autrement: "50" };
    expect(estimationVide(f, [])).toBe(false);
  });

  it("a field typed then erased is empty again", () => {
    const f = neuf();
    f.deja.enveloppes = { se_soigner_autrement: " " };
    f.naissance = "";
    expect(estimationVide(f, [])).toBe(true);
  });

  it("a saved or reopened estimate is not unsaved work until it changes", () => {
    const f = { ...neuf(), naissance: "01/01/1980" };
    const a = [acte("consultation_specialiste", { frais_reels: "50" })];
    const enregistree = signature(f, a);
    // Same content under other screen ids (a reopened estimate gets new ones).
    const memes = [acte("consultation_specialiste", { frais_reels: "50" })];
    expect(travailNonEnregistre(f, memes, enregistree)).toBe(false);
    expect(travailNonEnregistre(f, [acte("consultation_specialiste", { frais_reels: "55" })], enregistree)).toBe(true);
    expect(travailNonEnregistre(f, a, null)).toBe(true);
    expect(travailNonEnregistre(neuf(), [], null)).toBe(false);
  });
});

describe("texte du brouillon", () => {
  it("gives back exactly what was typed, unreadable text included", () => {
    const form = nouvelleSituation("15/06/2018");
    form.naissance = "01/01/19";
    form.statut = "retraite";
    form.parcours = false;
    form.grossesse.debut = "01/10/2017";
    form.deja.franchises = "12,5";
    form.deja.enveloppes = { se_soigner_autrement: "abc" };
    const actes = [
      acte("consultation_specialiste", { frais_reels: "50", champs: { optam: "non" } }),
      acte("chambre_particuliere", { quantite: "", date: "12/06/2018", brss: "7,3", champs: { nuits: "5", sejour: "maternite" } }),
    ];
    const rouvert = { numero: "2026-000012", bareme: "MGEN Annexe 2 — 2018", changementBareme: null };
    const lu = lireBrouillon(versBrouillon({ form, actes, rouvert, initiales: "AB", reference: "R-42" }));
    expect(lu).not.toBeNull();
    expect(lu!.form).toEqual(form);
    expect(lu!.actes.map(({ uid: _, ...r }) => r)).toEqual(actes.map(({ uid: _, ...r }) => r));
    expect(lu!.rouvert).toEqual(rouvert);
    expect([lu!.initiales, lu!.reference]).toEqual(["AB", "R-42"]);
    // New screen ids, all different.
    expect(new Set(lu!.actes.map((a) => a.uid)).size).toBe(2);
  });

  it("a text this screen did not write is offered to nobody", () => {
    const bon = JSON.parse(versBrouillon({ form: nouvelleSituation("01/01/2026"), actes: [], rouvert: null, initiales: "", reference: "" }));
    expect(lireBrouillon("{pas du json")).toBeNull();
    expect(lireBrouillon("[]")).toBeNull();
    expect(lireBrouillon(JSON.stringify({ ...bon, format: 2 }))).toBeNull();
    expect(lireBrouillon(JSON.stringify({ ...bon, form: { ...bon.form, naissance: 1980 } }))).toBeNull();
    expect(lireBrouillon(JSON.stringify({ ...bon, actes: [{ frais_reels: "50" }] }))).toBeNull();
    expect(lireBrouillon(JSON.stringify({ ...bon, actes: [{ code: "x", champs: { optam: true } }] }))).toBeNull();
    expect(lireBrouillon(JSON.stringify({ ...bon, rouvert: { numero: 12 } }))).toBeNull();
    expect(lireBrouillon(JSON.stringify(bon))).not.toBeNull();
  });
});

describe("offre du brouillon", () => {
  it("says when the draft was written, in French", () => {
    expect(quandFr("2026-12-03T10:42:05")).toBe("03/12/2026 à 10:42");
    expect(quandFr("hier")).toBe("hier");
  });

  it("sums the draft up with what was typed", () => {
    const form = { ...nouvelleSituation("15/06/2018"), naissance: "01/01/1980" };
    const actes = [nouvelActe("consultation_specialiste"), nouvelActe("monture")];
    const libelles: Record<string, string> = { consultation_specialiste: "Consultation d'un spécialiste", monture: "Monture" };
    const c = { form, actes, rouvert: null, initiales: "", reference: "" };
    expect(resumeBrouillon(c, (code) => libelles[code])).toBe(
      "2 soins (Consultation d'un spécialiste, Monture), soins du 15/06/2018, naissance 01/01/1980",
    );
    const sansSoin = { ...c, actes: [], form: { ...form, date: "" }, rouvert: { numero: "2026-000003", bareme: null, changementBareme: null } };
    expect(resumeBrouillon(sansSoin, (code) => code)).toBe("aucun soin, naissance 01/01/1980, modifiée depuis l'estimation 2026-000003");
  });
});
