// Global shortcuts (Ctrl+N, Ctrl+S, Ctrl+K: the Estimation screen; Ctrl+P:
// print what the current screen shows, see App.svelte).
export type CommandeEstimation = "nouveau" | "enregistrer" | "recherche" | "imprimer";

export function commandePourTouche(e: { ctrlKey: boolean; metaKey?: boolean; altKey: boolean; key: string }): CommandeEstimation | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  switch (e.key.toLowerCase()) {
    case "n":
      return "nouveau";
    case "s":
      return "enregistrer";
    case "k":
      return "recherche";
    case "p":
      return "imprimer";
    default:
      return null;
  }
}
