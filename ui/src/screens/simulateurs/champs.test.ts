import { describe, expect, it } from "vitest";
import { idChamp, lireErreur, libelleStatut, libelleStatutService, pct, verdict } from "./champs";

describe("champs du simulateur", () => {
  it("derives a DOM id from a Rust field name", () => {
    expect(idChamp("caution", "prets[1].montant")).toBe("caution-prets-1-montant");
    expect(idChamp("assistance", "evenement.enfant.age")).toBe("assistance-evenement-enfant-age");
    expect(idChamp("assistance", "foyer.enfants[2]")).toBe("assistance-foyer-enfants-2");
    expect(idChamp("corem", "date_demande")).toBe("corem-date_demande");
  });

  it("splits a simulator error into field and message", () => {
    const e = { code: "invalid_input", message: "date_demande : date illisible « 3/13/2018 »", champ: "date_demande" };
    expect(lireErreur(e)).toEqual({ champ: "date_demande", message: "date illisible « 3/13/2018 »" });
    expect(lireErreur({ code: "internal", message: "barème illisible" })).toEqual({
      champ: null,
      message: "barème illisible",
    });
    expect(lireErreur("boom").champ).toBeNull();
  });

  it("spells statuses, rates and verdicts in French", () => {
    expect(libelleStatut("a_verifier")).toBe("À vérifier");
    expect(libelleStatutService("sous_condition")).toBe("Sous condition");
    expect(pct("0.90")).toBe("0,90\u202f%");
    expect(verdict(false).texte).toBe("Non éligible");
    expect(verdict(null).classe).toBe("attente");
  });
});
