// Filtering the Barèmes table as the adviser types: every word of the query
// must appear in the row's search key, accents and case ignored. The key
// comes folded from Rust (transport `recherche`); the query is folded here
// the same way.
import type { RangeeBareme, SectionBareme, TableBareme } from "../../lib/bindings";

/** A row's stable identity: its Annexe reference and its variant. */
export function cleRangee(r: RangeeBareme): string {
  const v = Object.keys(r.variante)
    .sort()
    .map((k) => `${k}=${r.variante[k]}`)
    .join("&");
  return `${r.ligne}?${v}`;
}

/** Lower case without accents or ligatures: "Équilibre Œil" → "equilibre oeil". */
export function plier(texte: string): string {
  return texte
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** The sections with only the rows matching `requete` (all rows when empty). */
export function filtrer(table: TableBareme, requete: string): SectionBareme[] {
  const mots = plier(requete).split(/\s+/).filter((m) => m.length > 0);
  if (mots.length === 0) return table.sections;
  return table.sections
    .map((s) => ({
      ...s,
      rangees: s.rangees.filter((r) => mots.every((m) => r.recherche.includes(m))),
    }))
    .filter((s) => s.rangees.length > 0);
}

/** The local date as AAAA-MM-JJ (what the Rust side is given as "today"). */
export function dateIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "2026-11-22T21:42:05" → "22/11/2026 à 21:42". */
export function horodatageFr(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]} à ${m[4]}:${m[5]}` : iso;
}
