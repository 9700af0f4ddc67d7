// The section's cotisation grids kept in the settings, as the session knows
// them: read once from Rust (`grilles_lister`) when the cost of the offers
// is first shown, then replaced by the list each save or delete answers.
// What a grid gives a household is asked of Rust (`grilles_appliquer`).
// The pure rules (in force, fill, which answer may fill) are in grilles.ts.
import type { CotisationGrille, GrilleEnregistree, GrilleSaisie, Offre, Relation } from "./bindings";
import { call, toIpcError } from "./ipc";
import { DemandesGrille } from "./grilles";

class Grilles {
  liste: GrilleEnregistree[] = $state.raw([]);
  /** Why the list could not be read, "" when it was. */
  erreur = $state("");
  charge = $state(false);
}

export const grilles = new Grilles();

/** The grid choices of the session, shared by every mount of the picker: only the last one's answer fills. */
export const demandesGrille = new DemandesGrille();
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


/** Each offer's yearly cotisation for the household `relations` under grid `id`, summed by Rust; its error (naming the field) is thrown. */
export function cotisationsDeGrille(id: number, relations: Relation[], offres: Offre[]): Promise<CotisationGrille[]> {
  return call<CotisationGrille[]>("grilles_appliquer", { id, relations, offres });
}
