// The product's navigation: one entry per screen, in the order of the menu,
// its Alt+digit shortcuts, and what a key press asks the app to do.
import { commandePourTouche, type CommandeEstimation } from "./estimation-raccourcis";

export type ScreenId = "estimation" | "bons" | "simulateurs" | "baremes" | "historique";

export interface ScreenEntry {
  id: ScreenId;
  label: string;
  shortcut: string;
}

export const SCREENS: ScreenEntry[] = [
  { id: "estimation", label: "Estimation", shortcut: "Alt+1" },
  { id: "bons", label: "Bons à savoir", shortcut: "Alt+2" },
  { id: "simulateurs", label: "Simulateurs", shortcut: "Alt+3" },
  { id: "baremes", label: "Barèmes", shortcut: "Alt+4" },
  { id: "historique", label: "Historique", shortcut: "Alt+5" },
];

/** The screen an Alt+digit shortcut opens, if any. */
export function screenForShortcut(e: { altKey: boolean; key: string }): ScreenId | null {
  if (!e.altKey) return null;
  const i = Number(e.key) - 1;
  return Number.isInteger(i) && i >= 0 && i < SCREENS.length ? SCREENS[i].id : null;
}

type Touche = { ctrlKey: boolean; metaKey?: boolean; altKey: boolean; key: string };

/**
 * What one key press asks for, on the screen `courant`: show a screen; send
 * one command to the Estimation screen (opening it first when elsewhere);
 * or print what the current screen shows (Ctrl+P outside Estimation).
 */
export type Action =
  | { genre: "ecran"; ecran: ScreenId }
  | { genre: "commande"; commande: CommandeEstimation }
  | { genre: "imprimer_ici" };

export function actionPourTouche(e: Touche, courant: ScreenId): Action | null {
  const ecran = screenForShortcut(e);
  if (ecran) return { genre: "ecran", ecran };
  const commande = commandePourTouche(e);
  if (!commande) return null;
  // Ctrl+P prints the current screen's document (a checklist, a
  // simulation), never the webview's own page.
  if (commande === "imprimer" && courant !== "estimation") return { genre: "imprimer_ici" };
  return { genre: "commande", commande };
}

/**
 * Shows `ecran` instead of `courant`. A shortcut is an event consumed once,
 * not a state left set: the command still waiting in `attente` (shared with
 * the Estimation screen) is dropped on a change of screen, so coming back to
 * a screen never replays the last shortcut (Ctrl+S, Ctrl+P…).
 */
export function naviguer(courant: ScreenId, ecran: ScreenId, attente: { commande: unknown }): ScreenId {
  if (courant !== ecran) attente.commande = null;
  return ecran;
}
