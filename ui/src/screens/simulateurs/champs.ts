// Helpers of the Simulateurs screen: where a Rust error goes on the form,
// and French spellings of what Rust returned. Nothing here computes money.
import type { ErreurSimulateur, StatutCondition, StatutService } from "../../lib/bindings";
import { call, isIpcError } from "../../lib/ipc";

/** Field errors of one form, keyed by the Rust field name ("prets[1].montant"). */
export type Erreurs = Record<string, string>;

/** The DOM id of a field: "caution" + "prets[1].montant" → "caution-prets-1-montant". */
export function idChamp(outil: string, champ: string): string {
  return `${outil}-${champ.replace(/[[\].]+/g, "-").replace(/-+$/, "")}`;
}

/**
 * Splits an error from a simulator command: the field it names (if any) and
 * the message to show beside it, without the repeated field name.
 */
export function lireErreur(e: unknown): { champ: string | null; message: string } {
  if (isIpcError(e)) {
    const champ = (e as ErreurSimulateur).champ ?? null;
    let message = e.message;
    if (champ && message.startsWith(`${champ} : `)) message = message.slice(champ.length + 3);
    return { champ, message };
  }
  return { champ: null, message: "erreur inattendue de l'application" };
}

const STATUTS: Record<StatutCondition, string> = {
  remplie: "Remplie",
  non_remplie: "Non remplie",
  a_verifier: "À vérifier",
};

export function libelleStatut(s: StatutCondition): string {
  return STATUTS[s];
}

const STATUTS_SERVICE: Record<StatutService, string> = {
  ouvert: "Ouvert",
  sous_condition: "Sous condition",
  non_ouvert: "Non ouvert",
};

export function libelleStatutService(s: StatutService): string {
  return STATUTS_SERVICE[s];
}

/** "0.90" → "0,90 %" (a rate as Rust wrote it, re-spelled). */
export function pct(taux: string): string {
  return `${taux.replace(".", ",")}\u202f%`;
}

/** The verdict of an eligibility: true / false / null (information missing). */
export function verdict(eligible: boolean | null): { classe: string; texte: string } {
  if (eligible === true) return { classe: "ok", texte: "Conditions remplies" };
  if (eligible === false) return { classe: "ko", texte: "Non éligible" };
  return { classe: "attente", texte: "À compléter : des conditions restent à vérifier" };
}

/** What a simulator command gave: its result, or the errors to show. */
export type Issue<T> = { resultat: T | null; erreurs: Erreurs; erreurGenerale: string };

/**
 * Calls a simulator command with what was typed; an error naming a field
 * goes beside it, any other above the form.
 */
export async function simuler<T>(commande: string, saisie: unknown): Promise<Issue<T>> {
  try {
    return { resultat: await call<T>(commande, { saisie }), erreurs: {}, erreurGenerale: "" };
  } catch (e) {
    const { champ, message } = lireErreur(e);
    return { resultat: null, erreurs: champ ? { [champ]: message } : {}, erreurGenerale: champ ? "" : message };
  }
}
