// The « Comparer avec… » view of the Barèmes screen: which versions can be
// compared with the one shown, which is the earlier (the comparison always
// reads from the older grid to the newer, whichever was chosen first), and
// how the changes are worded. Rust computes the changes; nothing here
// compares cells.
import type { DiffBareme, Offre, RangeeComparee, VersionBaremeInfo } from "../../lib/bindings";

/** The versions the one shown (`id`) can be compared with, in date order. */
export function autresVersions(versions: VersionBaremeInfo[], id: number | null): VersionBaremeInfo[] {
  return versions.filter((v) => v.id !== id);
}

/**
 * The pair in reading order: the version in force first is « avant »
 * (same date: the one imported first, i.e. the lower id).
 */
export function ordonner(
  a: VersionBaremeInfo,
  b: VersionBaremeInfo,
): { avant: VersionBaremeInfo; apres: VersionBaremeInfo } {
  const aPremier = a.en_vigueur_le < b.en_vigueur_le || (a.en_vigueur_le === b.en_vigueur_le && a.id < b.id);
  return aPremier ? { avant: a, apres: b } : { avant: b, apres: a };
}

const pluriel = (n: number, mot: string): string => `${n} ${mot}${n > 1 ? "s" : ""}`;

/** "2 cases modifiées, 1 ligne ajoutée, 0 ligne retirée" (as printed). */
export function resume(d: DiffBareme): string {
  const n = (k: number, nom: string, participe: string) =>
    `${pluriel(k, nom)} ${participe}${k > 1 ? "s" : ""}`;
  return [
    n(d.cases_modifiees.length, "case", "modifiée"),
    n(d.rangees_ajoutees.length, "ligne", "ajoutée"),
    n(d.rangees_retirees.length, "ligne", "retirée"),
  ].join(", ");
}

/** Whether the two versions hold the same rows and cells. */
export function sansDifference(d: DiffBareme): boolean {
  return d.cases_modifiees.length + d.rangees_ajoutees.length + d.rangees_retirees.length === 0;
}

/** A row's variant as printed after its label: "age >=18, equipement monture" ("" without). */
export function varianteTexte(variante: { [cle: string]: string | undefined }): string {
  return Object.keys(variante)
    .sort()
    .map((k) => `${k} ${variante[k] ?? ""}`.trim())
    .join(", ");
}

/** The name of an offer as the table heads it ("MGEN Référence"): the
 * offers of the two versions compared are the diff's, each with its name. */
export function libelleOffre(d: DiffBareme, offre: Offre): string {
  return d.offres.find((o) => o.code === offre)?.libelle ?? offre;
}

/** A row's cells in the diff's column order, « — » where the offer has none. */
export function casesEnOrdre(d: DiffBareme, r: RangeeComparee): string[] {
  return d.offres.map((o) => r.cases[o.code] ?? "—");
}
