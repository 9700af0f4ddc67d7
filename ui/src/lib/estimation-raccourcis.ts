// Global shortcuts (Ctrl+N, Ctrl+S, Ctrl+K, Ctrl+Maj+K: the Estimation
// screen; Ctrl+P: print what the current screen shows, see App.svelte).
// Ctrl+K goes to the search that adds a chosen act; Ctrl+Maj+K to the one
// that adds an act to the devis's 100 % Santé option. The household:
// Ctrl+Maj+N adds a person, Ctrl+Pg.suiv / Ctrl+Pg.préc show the next or
// previous person.
export type CommandeEstimation =
  | "nouveau"
  | "enregistrer"
  | "recherche"
  | "recherche_alternative"
  | "imprimer"
  | "ajouter_personne"
  | "personne_suivante"
  | "personne_precedente";

export function commandePourTouche(e: { ctrlKey: boolean; metaKey?: boolean; altKey: boolean; shiftKey?: boolean; key: string }): CommandeEstimation | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  switch (e.key.toLowerCase()) {
    case "n":
      return e.shiftKey ? "ajouter_personne" : "nouveau";
    case "s":
      return "enregistrer";
    case "k":
      return e.shiftKey ? "recherche_alternative" : "recherche";
    case "p":
      return "imprimer";
    case "pagedown":
      return "personne_suivante";
    case "pageup":
      return "personne_precedente";
    default:
      return null;
  }
}
