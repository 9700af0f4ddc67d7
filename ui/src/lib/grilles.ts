// The section's cotisation grids on the Estimation screen, without DOM nor
// IPC: which grids are in force at the date of care, how Rust's answer for
// a chosen grid (`grilles_appliquer`: each offer's yearly cotisation for
// the household, summed in Rust) is written into the cotisation fields,
// which answer may (the last choice, for the household still there),
// whether the fields still hold what the grid filled (then the document
// names the grid, for the print), and the dialog's form read into what
// `grilles_enregistrer` takes. No money is computed here: the amounts are
// re-spelled as the adviser would type them, and the engine reads those
// fields like any typed cotisation.
import type { CotisationGrille, GrilleAppliquee, GrilleEnregistree, GrilleSaisie, Offre, Relation } from "./bindings";
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

/** An amount of Rust ("1342.90") → the field's text as the adviser would type it ("1342,90"). */
export const texteChamp = (montant: string) => montant.replace(".", ",");

/** The help text under an offer's field: the sum written out by Rust, or why the grid left it empty. */
export function aideCotisation(c: CotisationGrille, libelleGrille: string): string {
  if (c.absente) return `non renseignée : offre absente de la grille « ${libelleGrille} »`;
  if (c.manque.length > 0) return `non renseignée : la grille n'a pas de montant pour ${c.manque.join(", ")}`;
  return c.detail;
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
  /** Per offer, the help under its field: the sum as Rust wrote it out, or why the grid left it empty. */
  aides: Partial<Record<Offre, string>>;
}

/**
 * Writes Rust's answer for grid `g` (`grilles_appliquer`: each offer's
 * yearly cotisation for the household `relations`) into the fields' texts,
 * and what the form keeps of the grid. No sum here: the amounts are Rust's.
 */
export function appliquerGrille(g: GrilleEnregistree, reponse: CotisationGrille[], relations: Relation[]): { cotisations: Partial<Record<Offre, string>>; grille: GrilleRemplie } {
  const cotisations: Partial<Record<Offre, string>> = {};
  const aides: Partial<Record<Offre, string>> = {};
  for (const c of reponse) {
    cotisations[c.offre] = c.montant === null ? "" : texteChamp(c.montant);
    const aide = aideCotisation(c, g.grille.libelle);
    if (aide) aides[c.offre] = aide;
  }
  return {
    cotisations,
    grille: { id: g.id, libelle: g.grille.libelle, date_effet: g.grille.date_effet, remplies: { ...cotisations }, composition: composition(relations), aides },
  };
}

/**
 * The choices of a grid sent to Rust, in order: only the answer to the
 * last one may fill the fields (the screen also checks that the household
 * is still the one it was asked for: `composition`).
 */
export class DemandesGrille {
  private courante = 0;

  /** A new choice: its number. Every earlier answer is now stale. */
  demander(): number {
    return ++this.courante;
  }

  /** No answer asked so far may fill the fields (« saisie à la main »). */
  abandonner(): void {
    this.courante++;
  }

  /** True when `n` is the last choice made. */
  derniere(n: number): boolean {
    return n === this.courante;
  }
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

/** "612.40" (Rust keeps two decimals) → "612,40" for the dialog's field; "" for none. */
const texteMontant = (t: string | null) => (t === null ? "" : texteChamp(t));

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
