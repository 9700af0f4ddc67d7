// What the household's result shows besides the engine's amounts, without
// DOM: the lines that explain a household total (each person's total for
// that part and offer, then the engine's sum), the line of an offer's
// yearly cost, and the options of the act the comparison may vary. No
// money is computed: the amounts are the engine's decimal strings, only
// re-spelled.
import type { CoutAnnuel, CoutOffre, Explication, Offre, Resultat, ResultatFoyer } from "./bindings";
import { euros } from "./format";
import type { Part } from "./resultat-vue";

const NOMS_PART: Record<Part, string> = { amo: "Sécurité sociale", mgen: "MGEN", rac: "Reste à charge" };

const ligne = (formule: string, reference = ""): Explication => ({ genre: "calcul", formule, reference, date_effet: null, source: "" });

/** The amount of one part in a set of totals. */
function montant(t: { amo: { net: string }; mgen: string; reste_a_charge: string }, part: Part): string {
  return part === "amo" ? t.amo.net : part === "mgen" ? t.mgen : t.reste_a_charge;
}

/** A household total explained: each person's total, then the household's, as the engine summed them. */
export function lignesTotalFoyer(r: ResultatFoyer, offre: Offre, part: Part): Explication[] {
  const total = r.foyer.find((t) => t.offre === offre);
  if (!total) return [];
  const lignes = r.personnes.map((p) => {
    const o = p.resultat.offres.find((x) => x.offre === offre);
    return ligne(`${p.nom} : ${o ? euros(montant(o.totaux, part)) : "—"}`, "Total de la personne");
  });
  lignes.push(ligne(`Foyer : ${euros(montant(total.totaux, part))}`, "Somme des totaux des personnes"));
  if (total.lecture_a_confirmer) {
    lignes.push({ ...ligne("Un plafond ou une enveloppe partagé dans le foyer est une lecture à confirmer : voir l'explication des soins concernés.", "Annexe 2"), genre: "avertissement" });
  }
  return lignes;
}

/** The title of a household total's explanation (« Foyer — Reste à charge, MGEN Initiale »). */
export function titreTotalFoyer(r: ResultatFoyer, offre: Offre, part: Part): string {
  const libelle = r.foyer.find((t) => t.offre === offre)?.libelle ?? offre;
  return `Foyer — ${NOMS_PART[part]}${part === "amo" ? "" : `, ${libelle}`}`;
}

/** One offer's yearly cost explained: its own sentence, with its figures. */
export function lignesCout(c: CoutOffre): Explication[] {
  return [ligne(c.explication, "Cotisation annuelle saisie + reste à charge du foyer")];
}

/** « + 39,25 € » for an offer dearer than the cheapest, « la moins chère » for it, « — » without cotisations. */
export function ecartTexte(c: CoutOffre): string {
  if (c.moins_chere) return "la moins chère";
  if (c.ecart === null) return "—";
  return `+ ${euros(c.ecart)}`;
}

/**
 * The cost table of a member alone before any cotisation is typed: the
 * offers of the engine's single answer, in its order, each with its reste
 * à charge and « cotisations non renseignées », worded as the engine words
 * a household whose cotisations are missing. Nothing is added: once a
 * cotisation is typed, the screen sends a household of one and shows the
 * engine's own comparison (lib/foyer.ts `documentFoyer`).
 */
export function coutSansCotisations(r: Resultat): CoutAnnuel {
  const offres: CoutOffre[] = r.offres.map((o) => ({
    offre: o.offre,
    libelle: o.libelle,
    cotisation: null,
    reste_a_charge: o.totaux.reste_a_charge,
    cout_net: null,
    ecart: null,
    moins_chere: false,
    explication: `Reste à charge ${euros(o.totaux.reste_a_charge)} ; cotisations non renseignées`,
  }));
  const noms = offres.map((o) => o.libelle).join(", ");
  return {
    offres,
    conclusion: `Coût net de l'année non comparé : cotisations non renseignées pour ${noms} (saisir la cotisation annuelle de chaque offre pour ce foyer, d'après la grille de la section).`,
    bascule: null,
  };
}
