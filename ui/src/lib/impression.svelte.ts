// Print settings of this workstation: the section's name printed at the top
// of every document and the folder that keeps the copies. Kept in the
// webview's localStorage: they belong to the counter's computer (a folder
// path only means something on that machine), need no database migration
// nor command, and are sent with every print in OptionsImpression.
import type { OptionsImpression } from "./bindings";

export interface ReglagesImpression {
  /** Printed at the top of every page; blank = the default name. */
  section: string;
  /** Where the copies are kept; blank = ~/Documents/Guichet. */
  dossier: string;
}

export const CLE_REGLAGES = "guichet.impression";

/** Reads saved settings; anything unreadable counts as not set. */
export function lireReglages(stockage: Pick<Storage, "getItem"> | null): ReglagesImpression {
  const vide = { section: "", dossier: "" };
  try {
    const brut = stockage?.getItem(CLE_REGLAGES);
    if (!brut) return vide;
    const v = JSON.parse(brut) as Partial<ReglagesImpression>;
    return {
      section: typeof v.section === "string" ? v.section : "",
      dossier: typeof v.dossier === "string" ? v.dossier : "",
    };
  } catch {
    return vide;
  }
}

export function ecrireReglages(stockage: Pick<Storage, "setItem"> | null, r: ReglagesImpression): void {
  stockage?.setItem(CLE_REGLAGES, JSON.stringify({ section: r.section.trim(), dossier: r.dossier.trim() }));
}

function stockageLocal(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The settings shared by every "Imprimer" button of the app. */
export const reglages: ReglagesImpression = $state(lireReglages(stockageLocal()));

export function enregistrerReglages(r: ReglagesImpression): void {
  reglages.section = r.section.trim();
  reglages.dossier = r.dossier.trim();
  ecrireReglages(stockageLocal(), reglages);
}

const rempli = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

/** OptionsImpression for a print: the settings plus what the screen knows. */
export function optionsImpression(
  r: ReglagesImpression,
  extra: { numero?: string | null; initiales?: string | null; fiche_jointe?: boolean | null } = {},
): OptionsImpression {
  return {
    section: rempli(r.section),
    dossier: rempli(r.dossier),
    numero: rempli(extra.numero),
    initiales: rempli(extra.initiales),
    fiche_jointe: extra.fiche_jointe ?? null,
  };
}
