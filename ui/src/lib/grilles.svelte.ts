// The section's cotisation grids kept in the settings, as the session knows
// them: read once from Rust (`grilles_lister`) when the cost of the offers
// is first shown, then replaced by the list each save or delete answers.
// The pure rules (in force, fill) are in grilles.ts.
import type { GrilleEnregistree, GrilleSaisie } from "./bindings";
import { call, toIpcError } from "./ipc";

class Grilles {
  liste: GrilleEnregistree[] = $state.raw([]);
  /** Why the list could not be read, "" when it was. */
  erreur = $state("");
  charge = $state(false);
}

export const grilles = new Grilles();
let demande: Promise<void> | null = null;

/** Reads the list once per session (again after a failure). */
export function chargerGrilles(): Promise<void> {
  demande ??= call<GrilleEnregistree[]>("grilles_lister")
    .then((l) => {
      grilles.liste = l;
      grilles.erreur = "";
      grilles.charge = true;
    })
    .catch((e: unknown) => {
      grilles.erreur = toIpcError(e).message;
      demande = null;
    });
  return demande;
}

/** Creates or replaces a grid; the error Rust gives (naming the field) is thrown. */
export async function enregistrerGrille(saisie: GrilleSaisie): Promise<void> {
  grilles.liste = await call<GrilleEnregistree[]>("grilles_enregistrer", { saisie });
  grilles.charge = true;
}

export async function supprimerGrille(id: number): Promise<void> {
  grilles.liste = await call<GrilleEnregistree[]>("grilles_supprimer", { id });
}

