// Pure helpers of the Historique screen: French spelling of the saved
// dates, pagination, the short summary of a saved situation, and the
// checking of the retention field. Nothing here computes money.
import { dateFr } from "../../lib/format";

/** "2026-11-22T21:33:49" → "22/11/2026 à 21:33". */
export function horodatageFr(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(iso);
  if (!m) throw new Error(`horodatage illisible : ${iso}`);
  return `${dateFr(m[1])} à ${m[2]}:${m[3]}`;
}

/** Number of pages for `total` rows, at least 1. */
export function nombrePages(total: number, parPage: number): number {
  return Math.max(1, Math.ceil(total / parPage));
}

/** "1 estimation", "2 estimations", "1 234 estimations". */
export function compteEstimations(n: number): string {
  const groupe = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${groupe} estimation${n > 1 ? "s" : ""}`;
}

/** "1,2 Mo", "340 Ko": the size of a backup file. */
export function tailleFr(octets: number): string {
  if (octets >= 1_000_000) return `${(octets / 1_000_000).toFixed(1).replace(".", ",")}\u202fMo`;
  return `${Math.max(1, Math.round(octets / 1000))}\u202fKo`;
}

export interface LigneResume {
  libelle: string;
  valeur: string;
}

const LIBELLES: Record<string, string> = {
  date: "Date des soins",
  offre: "Offre de l'adhérent",
  date_naissance: "Date de naissance",
  statut: "Statut",
  parcours_soins: "Parcours de soins",
};

function texte(v: unknown): string | null {
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateFr(v) : v;
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (typeof v === "number") return String(v).replace(".", ",");
  return null;
}

function objet(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function nombreActes(v: unknown): number {
  return Array.isArray(v) ? v.length : 0;
}

/**
 * A few readable lines about a saved document, in the engine's shape
 * (`moteur::situation::Situation`, or the household document with its
 * `foyer` list): the date of care, the member's offer, date of birth,
 * status and parcours when present, and the number of acts (per household:
 * the number of persons and of acts). Unknown fields are left to the full
 * view.
 */
export function resumeSituation(situation: Record<string, unknown>): LigneResume[] {
  const lignes: LigneResume[] = [];
  const ajouter = (cle: string, v: unknown) => {
    const t = texte(v);
    if (t !== null && LIBELLES[cle]) lignes.push({ libelle: LIBELLES[cle], valeur: t });
  };
  ajouter("date", situation.date);
  ajouter("offre", situation.offre);
  if (Array.isArray(situation.foyer)) {
    const personnes = situation.foyer.map(objet);
    lignes.push({ libelle: "Personnes du foyer", valeur: String(personnes.length) });
    const actes = personnes.reduce((n, p) => n + nombreActes(p?.actes), 0);
    lignes.push({ libelle: "Actes", valeur: actes === 0 ? "aucun" : String(actes) });
    return lignes;
  }
  const assure = objet(situation.assure);
  if (assure) {
    ajouter("date_naissance", assure.date_naissance);
    ajouter("statut", assure.statut);
    ajouter("parcours_soins", assure.parcours_soins);
  }
  if (Array.isArray(situation.actes)) {
    const n = situation.actes.length;
    lignes.push({ libelle: "Actes", valeur: n === 0 ? "aucun" : String(n) });
  }
  if (Array.isArray(situation.alternative_100_sante)) {
    lignes.push({ libelle: "Offre 100 % Santé du devis (actes)", valeur: String(situation.alternative_100_sante.length) });
  }
  return lignes;
}

/** The retention field: a whole number of days from 1 to 3650, or a message. */
export function lireConservation(saisie: string): { jours: number } | { erreur: string } {
  const t = saisie.trim();
  if (!/^\d{1,4}$/.test(t)) return { erreur: "Saisissez un nombre entier de jours, de 1 à 3650." };
  const jours = Number(t);
  if (jours < 1 || jours > 3650) return { erreur: "La durée doit être comprise entre 1 et 3650 jours." };
  return { jours };
}
