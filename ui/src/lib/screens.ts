// The product's navigation: one entry per screen, in the order of the menu.
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
