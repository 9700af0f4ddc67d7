// The section's cotisation grids on the Estimation screen, without DOM nor
// IPC: which grids are in force at the date of care, what a grid fills in
// each offer's cotisation field for the household (adhérent + conjoint +
// each child), whether the fields still hold what the grid filled (then
// the document names the grid, for the print), and the dialog's form read
// into what `grilles_enregistrer` takes.
//
// The fill is the one sum the screen makes, so that the adviser does not
// type it: whole cents (integers, never a float) of the amounts Rust kept
// (decimal text), written into the fields as if typed; the engine then
// reads those fields like any typed cotisation.
import type { GrilleAppliquee, GrilleCotisations, GrilleEnregistree, GrilleSaisie, MontantsOffre, Offre, Relation } from "./bindings";
import { dateFr, parseDateFr } from "./format";
import { lireMontant } from "./estimation-logic";

/** The grids that apply at `dateIso` (date d'effet ≤ date of care), the most recent first, then by libellé. */
export function grillesEnVigueur(grilles: GrilleEnregistree[], dateIso: string): GrilleEnregistree[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateIso)) return [];
  return grilles
    .filter((g) => g.grille.date_effet <= dateIso)
    .sort((a, b) => (a.grille.date_effet === b.grille.date_effet ? a.grille.libelle.localeCompare(b.grille.libelle, "fr") : a.grille.date_effet < b.grille.date_effet ? 1 : -1));
}

/** « Section 75 — 2027 (01/01/2027) », as the picker lists a grid. */
export const nomGrille = (g: { libelle: string; date_effet: string }) => `${g.libelle} (${dateFr(g.date_effet)})`;

/** The role a person pays as in a grid; "autre" has none. */
const ROLE: Record<Relation, "adherent" | "conjoint" | "enfant" | null> = { adherent: "adherent", conjoint: "conjoint", enfant: "enfant", autre: null };
const LIBELLE_ROLE: Record<Relation, string> = { adherent: "l'adhérent", conjoint: "le conjoint", enfant: "l'enfant", autre: "l'autre bénéficiaire" };

/** Decimal text of Rust ("612.4", "580.00") → whole cents; null if it is not one. */
export function centimes(texte: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2})0*)?$/.exec(texte.trim());
  if (!m || m[1].length > 12) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** Whole cents → the field's text as the adviser would type it: 133290 → "1332,90". */
export const texteDeCentimes = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, "0")}`;

/** What a grid gives for one offer of the household. */
export interface RemplissageOffre {
  offre: Offre;
  /** The field's text, "" when the grid cannot give it. */
  texte: string;
  /** Why it stays empty: the persons the grid has no amount for (« l'enfant »), or the offer missing from the grid. */
  manque: string[];
  absente: boolean;
}

/**
 * Each offer's yearly cotisation for the household `relations` (one entry
 * per person, the adhérent included) from `grille`: adhérent + conjoint +
 * n × enfant. An amount the grid lacks for a person present leaves the
 * field empty and says whose; an offer the grid lacks, likewise.
 */
export function remplirDepuisGrille(grille: GrilleCotisations, offres: Offre[], relations: Relation[]): RemplissageOffre[] {
  return offres.map((offre) => {
    const montants = grille.offres.find((m) => m.offre === offre);
    if (!montants) return { offre, texte: "", manque: [], absente: true };
    let total = 0;
    const manque: string[] = [];
    for (const r of relations) {
      const role = ROLE[r];
      const c = role === null ? null : lireCentimes(montants, role);
      if (c === null) {
        if (!manque.includes(LIBELLE_ROLE[r])) manque.push(LIBELLE_ROLE[r]);
      } else total += c;
    }
    return { offre, texte: manque.length > 0 ? "" : texteDeCentimes(total), manque, absente: false };
  });
}

function lireCentimes(m: MontantsOffre, role: "adherent" | "conjoint" | "enfant"): number | null {
  const t = m[role];
  return t === null ? null : centimes(t);
}

/** The help text under an offer's field the grid left empty. */
export function aideManque(r: RemplissageOffre, libelleGrille: string): string {
  if (r.absente) return `non renseignée : offre absente de la grille « ${libelleGrille} »`;
  if (r.manque.length > 0) return `non renseignée : la grille n'a pas de montant pour ${r.manque.join(", ")}`;
  return "";
}

/** « adherent+conjoint+enfant+enfant »: who the grid was applied to (order kept as the household lists them, sorted). */
export const composition = (relations: Relation[]) => [...relations].sort().join("+");

/** The grid the cotisation fields were filled from, as the household form keeps it (and the draft). */
export interface GrilleRemplie {
  id: number;
  libelle: string;
  date_effet: string;
  /** The fields as the grid filled them (offers it left empty: ""). */
  remplies: Partial<Record<Offre, string>>;
  /** The household it was applied to (`composition`). */
  composition: string;
  /** Per offer left empty, why (help text). */
  aides: Partial<Record<Offre, string>>;
}

/** Applies `g` to the household: the fields' texts, and what the form keeps of the grid. */
export function appliquerGrille(g: GrilleEnregistree, offres: Offre[], relations: Relation[]): { cotisations: Partial<Record<Offre, string>>; grille: GrilleRemplie } {
  const cotisations: Partial<Record<Offre, string>> = {};
  const aides: Partial<Record<Offre, string>> = {};
  for (const r of remplirDepuisGrille(g.grille, offres, relations)) {
    cotisations[r.offre] = r.texte;
    const aide = aideManque(r, g.grille.libelle);
    if (aide) aides[r.offre] = aide;
  }
  return {
    cotisations,
    grille: { id: g.id, libelle: g.grille.libelle, date_effet: g.grille.date_effet, remplies: { ...cotisations }, composition: composition(relations), aides },
  };
}

/** True when every cotisation field holds what the grid filled, for the same household. */
export function grilleInchangee(g: GrilleRemplie | null, cotisations: Partial<Record<Offre, string>>, relations: Relation[]): boolean {
  if (!g || g.composition !== composition(relations)) return false;
  const offres = new Set([...Object.keys(g.remplies), ...Object.keys(cotisations)] as Offre[]);
  for (const o of offres) if ((g.remplies[o] ?? "").trim() !== (cotisations[o] ?? "").trim()) return false;
  return true;
}

/** What the household document says of the grid: only while the fields are unchanged. */
export function grilleDuDocument(g: GrilleRemplie | null, cotisations: Partial<Record<Offre, string>>, relations: Relation[]): GrilleAppliquee | null {
  return g && grilleInchangee(g, cotisations, relations) ? { libelle: g.libelle, date_effet: g.date_effet } : null;
}

// ------------------------------------------------------------ the dialog's form

/** One offer's row of the dialog: the texts as typed. */
export interface LigneGrilleForm {
  offre: Offre;
  libelle: string;
  adherent: string;
  conjoint: string;
  enfant: string;
}

export interface GrilleForm {
  id: number | null;
  libelle: string;
  /** As typed: JJ/MM/AAAA. */
  date: string;
  lignes: LigneGrilleForm[];
}

const ROLES = ["adherent", "conjoint", "enfant"] as const;
const LIBELLE_COLONNE = { adherent: "adhérent", conjoint: "conjoint", enfant: "enfant" } as const;

/** "612.4" → "612,40" for the dialog's field; "" for none. */
const texteMontant = (t: string | null) => {
  if (t === null) return "";
  const c = centimes(t);
  return c === null ? t : texteDeCentimes(c);
};

/**
 * The dialog's form: a new grid (`g` null: the offers of the estimate,
 * empty, or each offer's adhérent amount from `adherentSeul` — the
 * cotisations typed for an adhérent alone) or a kept one to edit (its
 * offers, then those of the estimate it lacks).
 */
export function formulaireGrille(g: GrilleEnregistree | null, offres: { offre: Offre; libelle: string }[], adherentSeul: Partial<Record<Offre, string>> = {}): GrilleForm {
  const lignes: LigneGrilleForm[] = [];
  const libelle = (o: Offre) => offres.find((x) => x.offre === o)?.libelle ?? o;
  for (const m of g?.grille.offres ?? []) {
    lignes.push({ offre: m.offre, libelle: libelle(m.offre), adherent: texteMontant(m.adherent), conjoint: texteMontant(m.conjoint), enfant: texteMontant(m.enfant) });
  }
  for (const o of offres) {
    if (!lignes.some((l) => l.offre === o.offre)) lignes.push({ offre: o.offre, libelle: o.libelle, adherent: g ? "" : (adherentSeul[o.offre] ?? "").trim(), conjoint: "", enfant: "" });
  }
  return { id: g?.id ?? null, libelle: g?.grille.libelle ?? "", date: g ? dateFr(g.grille.date_effet) : "", lignes };
}

/** The path of a dialog field (also its `data-chemin`): « libelle », « date_effet », « reference.conjoint ». */
export const cheminLigne = (offre: Offre, role: (typeof ROLES)[number]) => `${offre}.${role}`;

/**
 * The form read into what `grilles_enregistrer` takes, or the errors by
 * field path (French, naming the field) for what the screen can already
 * tell: an unreadable date, an amount that is not one. The rest (empty
 * libellé, unknown offer, duplicate) is Rust's to say.
 */
export function lireFormulaireGrille(f: GrilleForm): { saisie: GrilleSaisie } | { erreurs: Record<string, string> } {
  const erreurs: Record<string, string> = {};
  const date = parseDateFr(f.date);
  if (f.date.trim() && !date) erreurs["date_effet"] = `date d'effet : « ${f.date.trim()} » n'est pas une date (JJ/MM/AAAA)`;
  const offres = f.lignes.map((l) => {
    const ligne = { offre: l.offre, adherent: null as string | null, conjoint: null as string | null, enfant: null as string | null };
    for (const role of ROLES) {
      const t = l[role].trim();
      if (!t) continue;
      const m = lireMontant(t);
      if ("erreur" in m) erreurs[cheminLigne(l.offre, role)] = `cotisation ${l.libelle}, ${LIBELLE_COLONNE[role]} : ${m.erreur}`;
      else ligne[role] = m.valeur;
    }
    return ligne;
  });
  if (Object.keys(erreurs).length > 0) return { erreurs };
  return { saisie: { id: f.id, libelle: f.libelle, date_effet: date ?? f.date.trim(), offres } };
}
