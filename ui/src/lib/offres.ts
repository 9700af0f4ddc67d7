// The offers the member's-offer list proposes. Which offers exist, their
// order and their names are data of the barème in force at the date of care
// (the engine answers with them): the list follows the last comparison of
// every offer, and starts with the four of the 2018 Annexe until the engine
// has answered once.
import type { Resultat } from "./bindings";

export interface OffreProposee {
  code: string;
  libelle: string;
}

/** The four offers of the 2018 Annexe, in its column order. */
export const OFFRES_2018: OffreProposee[] = [
  { code: "initiale", libelle: "MGEN Initiale" },
  { code: "equilibre", libelle: "MGEN Équilibre" },
  { code: "reference", libelle: "MGEN Référence" },
  { code: "integrale", libelle: "MGEN Intégrale" },
];

/** The offers of a result comparing every offer (in the grid's order), else
 * those proposed before (a result for the member's offer alone names one). */
export function offresProposees(resultat: Resultat | null, avant: OffreProposee[]): OffreProposee[] {
  if (!resultat || resultat.offres.length < 2) return avant;
  return resultat.offres.map((o) => ({ code: o.offre, libelle: o.libelle }));
}

/** The member's offer when the list does not propose it (an estimate
 * reopened under a grid whose offers were not compared yet in this
 * session), named as the result names it; null otherwise. */
export function offreHorsListe(
  code: string,
  offres: OffreProposee[],
  resultat: Resultat | null,
): OffreProposee | null {
  if (!code || offres.some((o) => o.code === code)) return null;
  const r = resultat?.offres.find((o) => o.offre === code);
  return { code, libelle: r ? r.libelle : code };
}

const NOMBRES = ["zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit"];

/** "quatre", "cinq": how many offers, as a sentence says it. */
export function nombreEnLettres(n: number): string {
  return NOMBRES[n] ?? String(n);
}
