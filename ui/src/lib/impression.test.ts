import { describe, expect, it } from "vitest";
import { CLE_REGLAGES, ecrireReglages, lireReglages, optionsImpression } from "./impression.svelte";

function memoire(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe("réglages d'impression", () => {
  it("are read back as written, trimmed", () => {
    const s = memoire();
    ecrireReglages(s, { section: "  MGEN — section de la Gironde ", dossier: " /tmp/copies " });
    expect(lireReglages(s)).toEqual({ section: "MGEN — section de la Gironde", dossier: "/tmp/copies" });
  });

  it("unreadable or absent settings count as not set", () => {
    expect(lireReglages(memoire())).toEqual({ section: "", dossier: "" });
    expect(lireReglages(memoire({ [CLE_REGLAGES]: "{pas du json" }))).toEqual({ section: "", dossier: "" });
    expect(lireReglages(memoire({ [CLE_REGLAGES]: '{"section": 3, "dossier": "/x"}' }))).toEqual({ section: "", dossier: "/x" });
    expect(lireReglages(null)).toEqual({ section: "", dossier: "" });
  });

  it("blank settings are sent as null so that Rust uses its defaults", () => {
    expect(optionsImpression({ section: " ", dossier: "" }, { numero: "", initiales: " CB " })).toEqual({
      section: null,
      dossier: null,
      numero: null,
      initiales: "CB",
      fiche_jointe: null,
    });
    expect(optionsImpression({ section: "Gironde", dossier: "/tmp/c" }, { numero: "2026-000001", fiche_jointe: false })).toEqual({
      section: "Gironde",
      dossier: "/tmp/c",
      numero: "2026-000001",
      initiales: null,
      fiche_jointe: false,
    });
  });
});
