// What the result tables show besides the engine's amounts, without DOM:
// which explanation lines an amount opens (per act, per total), and the
// devis's two options set side by side per offer (the equipment chosen,
// the 100 % Santé option). No money is computed: the amounts are the
// engine's decimal strings, only paired and re-spelled.
import type { Explication, Offre, Resultat, ResultatActe, ResultatOffre } from "./bindings";
import { euros } from "./format";

/** The part of an amount: Sécurité sociale, MGEN, reste à charge. */
export type Part = "amo" | "mgen" | "rac";

/**
 * The engine's sentences of the MGEN side that cite no Annexe line: the
 * 100 % Santé rules and contrat responsable ceilings (moteur/panier.rs),
 * the principe indemnitaire and the MGEN amount.
 */
const PHRASES_MGEN = [/^Panier du devis/, /^Prix limite/, /^Prix du devis/, /^100 % Santé :/, /^Contrat responsable/, /^Équipement de classe B/, /^Principe indemnitaire/, /^MGEN :/];

/** A line of the MGEN part: an Annexe line or one of the sentences above. */
const estMgen = (e: Explication) => e.reference.startsWith("Annexe") || PHRASES_MGEN.some((r) => r.test(e.formule));

/** The lines that explain one act's amount (the reste à charge: all of them); warnings go with both parts. */
export function lignesActe(a: ResultatActe, part: Part): Explication[] {
  if (part === "amo") return a.explications.filter((e) => !estMgen(e) || e.genre === "avertissement");
  if (part === "mgen") return a.explications.filter((e) => estMgen(e) || e.genre === "avertissement");
  return a.explications;
}

/** The title of an act's explanation ("MGEN Équilibre — Monture de lunettes"). */
export function titreActe(o: ResultatOffre, a: ResultatActe, part: Part): string {
  const noms = { amo: "Sécurité sociale", mgen: o.libelle, rac: `Reste à charge (${o.libelle})` };
  return `${noms[part]} — ${a.libelle}`;
}

/** A total explained: each act's amount with its Annexe line, then the rounding. */
export function lignesTotal(o: ResultatOffre, part: Part, arrondi: string): Explication[] {
  const lignes: Explication[] = o.actes.map((a) => ({
    genre: "calcul",
    formule: `${a.libelle} : ${euros(part === "amo" ? a.amo.net : part === "mgen" ? a.mgen : a.reste_a_charge)}`,
    reference: a.lignes_annexe.length ? `ligne ${a.lignes_annexe.join(", ")}` : "",
    date_effet: null,
    source: a.bareme,
  }));
  lignes.push({ genre: "calcul", formule: arrondi, reference: "Arrondi", date_effet: null, source: "" });
  return lignes;
}

export function titreTotal(o: ResultatOffre, part: Part): string {
  return `Total ${part === "amo" ? "Sécurité sociale" : part === "mgen" ? o.libelle : `reste à charge (${o.libelle})`}`;
}

/** One offer's two options: the engine's totals of the equipment chosen and of the 100 % Santé option. */
export interface DeuxOptions {
  offre: Offre;
  libelle: string;
  choisi: ResultatOffre;
  alternative: ResultatOffre;
}

/**
 * The devis's two options per offer, in the order of the result's offers
 * (an offer missing from the alternative is left out); empty when the
 * result has no alternative.
 */
export function deuxOptions(r: Resultat): DeuxOptions[] {
  const alt = r.alternative_100_sante ?? [];
  return r.offres.flatMap((choisi) => {
    const alternative = alt.find((o) => o.offre === choisi.offre);
    return alternative ? [{ offre: choisi.offre, libelle: choisi.libelle, choisi, alternative }] : [];
  });
}

/** « Avec l'offre 100 % Santé du devis, il vous reste 0,00 € ; avec l'équipement choisi, il vous reste 549,91 € ». */
export function phraseDeuxOptions(d: DeuxOptions): string {
  return (
    `Avec l'offre 100 % Santé du devis, il vous reste ${euros(d.alternative.totaux.reste_a_charge)} ; ` +
    `avec l'équipement choisi, il vous reste ${euros(d.choisi.totaux.reste_a_charge)}`
  );
}
