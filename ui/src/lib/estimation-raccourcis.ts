// Global shortcuts of the Estimation screen (Ctrl+N, Ctrl+S, Ctrl+K, Ctrl+P).
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
