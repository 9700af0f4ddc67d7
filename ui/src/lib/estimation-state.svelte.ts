// State shared between the Historique screen and the Estimation screen:
// "Rouvrir" in the history puts a saved situation here and asks the app to
// show the Estimation screen, which loads it. Also carries the global
// shortcuts (Ctrl+N, Ctrl+S, Ctrl+K, Ctrl+P) from the app to the screen.
// Both are requests: the screen takes each one (sets it back to null) when
// it acts on it, so it is acted on once, never again when the screen is
// shown again.
import type { CommandeEstimation } from "./estimation-raccourcis";
export type { CommandeEstimation };

export interface EstimationARouvrir {
  numero: string;
  situation: Record<string, unknown>;
  bareme: string | null;
  /** The server's French message when the barème of the date of care changed since the save. */
  changementBareme: string | null;
}

export const partage = $state({
  /** Set by Historique, consumed (set back to null) by Estimation. */
  aRouvrir: null as EstimationARouvrir | null,
  /** Asks the app to switch screen (consumed by App). */
  ecranDemande: null as null | "estimation",
  /** Shortcut asked by the app for the Estimation screen, taken (set back to null) by the screen; the counter makes each request a new value. */
  commande: null as null | { nom: CommandeEstimation; n: number },
});

let compteur = 0;

export function rouvrirEstimation(e: EstimationARouvrir): void {
  partage.aRouvrir = e;
  partage.ecranDemande = "estimation";
}

export function demander(nom: CommandeEstimation): void {
  compteur += 1;
  partage.commande = { nom, n: compteur };
}

/**
 * The Historique screen announces "Rouvrir" with the window event
 * `guichet:rouvrir-estimation` (detail: EstimationDetail); this turns it
 * into a reopen request. Returns the function that stops listening.
 */
export function ecouterRouvrir(cible: Window): () => void {
  const f = (e: Event) => {
    const d = (e as CustomEvent).detail as { numero?: unknown; situation?: unknown; bareme?: unknown; changement_bareme?: unknown } | null;
    if (d && typeof d.numero === "string" && d.situation && typeof d.situation === "object") {
      rouvrirEstimation({
        numero: d.numero,
        situation: d.situation as Record<string, unknown>,
        bareme: typeof d.bareme === "string" ? d.bareme : null,
        changementBareme: typeof d.changement_bareme === "string" ? d.changement_bareme : null,
      });
    }
  };
  cible.addEventListener("guichet:rouvrir-estimation", f);
  return () => cible.removeEventListener("guichet:rouvrir-estimation", f);
}
