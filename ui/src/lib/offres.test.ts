import { describe, expect, it } from "vitest";
import type { Resultat, ResultatOffre } from "./bindings";
import { OFFRES_2018, nombreEnLettres, offreHorsListe, offresProposees } from "./offres";

function offre(code: string, libelle: string): ResultatOffre {
  const zero = { brute: "0", franchise: "0", participation_forfaitaire: "0", net: "0" };
  return {
    offre: code,
    libelle,
    actes: [],
    totaux: { frais_reels: "0", amo: zero, mgen: "0", reste_a_charge: "0" },
    lecture_a_confirmer: false,
  } as unknown as ResultatOffre;
}

function resultat(offres: ResultatOffre[]): Resultat {
  return { offres } as unknown as Resultat;
}

describe("offres proposées pour l'adhérent", () => {
  it("sont les quatre de 2018 tant que le moteur n'a pas répondu", () => {
    expect(offresProposees(null, OFFRES_2018)).toEqual(OFFRES_2018);
  });

  it("suivent la comparaison : cinq offres, dans l'ordre du barème, avec ses noms", () => {
    const cinq = [
      offre("sommet", "Essai Sommet"),
      offre("essentielle", "Essai Essentielle"),
      offre("renfort", "Essai Renfort"),
      offre("confort", "Essai Confort"),
      offre("equilibre_plus", "Essai Équilibre Plus"),
    ];
    expect(offresProposees(resultat(cinq), OFFRES_2018)).toEqual([
      { code: "sommet", libelle: "Essai Sommet" },
      { code: "essentielle", libelle: "Essai Essentielle" },
      { code: "renfort", libelle: "Essai Renfort" },
      { code: "confort", libelle: "Essai Confort" },
      { code: "equilibre_plus", libelle: "Essai Équilibre Plus" },
    ]);
  });

  it("restent celles d'avant quand le résultat est celui de la seule offre de l'adhérent", () => {
    const trois = [
      { code: "a", libelle: "A" },
      { code: "b", libelle: "B" },
      { code: "c", libelle: "C" },
    ];
    expect(offresProposees(resultat([offre("b", "B")]), trois)).toEqual(trois);
  });

  it("ajoutent l'offre d'une estimation rouverte sous un autre barème, nommée par le résultat", () => {
    const confort = resultat([offre("confort", "Essai Confort")]);
    expect(offreHorsListe("confort", OFFRES_2018, confort)).toEqual({ code: "confort", libelle: "Essai Confort" });
    expect(offreHorsListe("confort", OFFRES_2018, null)).toEqual({ code: "confort", libelle: "confort" });
    expect(offreHorsListe("reference", OFFRES_2018, confort)).toBeNull();
    expect(offreHorsListe("", OFFRES_2018, confort)).toBeNull();
  });

  it("se comptent en lettres", () => {
    expect(nombreEnLettres(3)).toBe("trois");
    expect(nombreEnLettres(4)).toBe("quatre");
    expect(nombreEnLettres(5)).toBe("cinq");
    expect(nombreEnLettres(12)).toBe("12");
  });
});
