import { describe, expect, it } from "vitest";
import type { ActeVue } from "./bindings";
import { champRequis } from "./champs-requis";

// The shapes of the shipped catalogue's entries (assets/catalogue.toml):
// a specialist reads OPTAM on line 2.1 (parcours) only; a crown reads its
// material on 26.3.2.1 / 26.3.2.2 (conventionné MGEN) only.
function acte(partiel: Partial<ActeVue>): ActeVue {
  return {
    brss_a_saisir: false,
    age_moins_de: null,
    frais_reels_optionnels: false,
    champs_requis_si: [],
    code: "x",
    libelle: "x",
    section: "x",
    lignes: [],
    synonymes: [],
    rembourse: true,
    champs: [],
    champs_optionnels: [],
    elements: [],
    materiaux: [],
    codes_lpp: [],
    note: null,
    ...partiel,
  };
}
const specialiste = acte({ champs_optionnels: ["optam"], champs_requis_si: [{ champ: "optam", si: { parcours_soins: true } }] });
const couronne = acte({
  champs: ["conventionne", "dent"],
  champs_optionnels: ["materiau"],
  champs_requis_si: [
    { champ: "materiau", si: { conventionne: true, molaire: false } },
    { champ: "materiau", si: { conventionne: true, molaire: true } },
  ],
});

describe("champRequis", () => {
  it("requires OPTAM for a specialist in the parcours, not out of it (issue 15, item 4)", () => {
    expect(champRequis("optam", specialiste, { parcours: true, champs: {} })).toBe(true);
    expect(champRequis("optam", specialiste, { parcours: false, champs: {} })).toBe(false);
  });
  it("requires the material of a crown at a dentist conventionné, while unknown too", () => {
    expect(champRequis("materiau", couronne, { parcours: true, champs: { conventionne: "oui", dent: "molaire" } })).toBe(true);
    expect(champRequis("materiau", couronne, { parcours: true, champs: {} })).toBe(true);
    expect(champRequis("materiau", couronne, { parcours: true, champs: { conventionne: "non" } })).toBe(false);
    expect(champRequis("conventionne", couronne, { parcours: true, champs: {} })).toBe(true);
  });
  it("leaves optional what no line needs", () => {
    const auditive = acte({ champs: ["reseau"], champs_optionnels: ["cecite"] });
    expect(champRequis("cecite", auditive, { parcours: true, champs: {} })).toBe(false);
    expect(champRequis("cecite", undefined, { parcours: true, champs: {} })).toBe(false);
  });
});
