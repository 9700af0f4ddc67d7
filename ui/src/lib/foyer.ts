// The household on the Estimation screen, without DOM nor IPC: the persons
// besides the adhérent (whose situation and acts stay the screen's main
// form), the yearly cotisations typed per offer and the act the cost
// comparison varies; the operations on the list of persons; the household
// document built from all of it (every error under its JSON path,
// `foyer[1].actes[0].frais_reels`); the document read back into the form
// (reopening); and what the draft keeps of it. No money is computed here.
import type { ActeVue, Offre, Personne, Relation, SituationFoyer } from "./bindings";
import { composition, grilleDuDocument, type GrilleRemplie } from "./grilles";
import { OFFRES_2018 } from "./offres";
import { cheminsConnus, construireSituation, formDepuisSituation, lireMontant, nouvelleSituation, type Erreurs, type FormActe, type FormSituation } from "./estimation-logic";

/** Most persons in one household (moteur::foyer::PERSONNES_MAX). */
export const PERSONNES_MAX = 12;

/** Who a person other than the adhérent is to the adhérent. */
export type RelationAutre = Exclude<Relation, "adherent">;

/** The relations a person besides the adhérent may have, with their labels (the document's names). */
export const RELATIONS: { valeur: RelationAutre; libelle: string }[] = [
  { valeur: "conjoint", libelle: "Conjoint" },
  { valeur: "enfant", libelle: "Enfant" },
  { valeur: "autre", libelle: "Autre bénéficiaire" },
];

const LIBELLES_RELATION: Record<Relation, string> = { adherent: "adhérent", conjoint: "conjoint", enfant: "enfant", autre: "autre bénéficiaire" };

/** A person besides the adhérent: their own situation form (date of care and offer: the household's) and acts. */
export interface FormPersonne {
  uid: number;
  relation: RelationAutre;
  nom: string;
  form: FormSituation;
  actes: FormActe[];
  /** The acts of this person's devis's 100 % Santé option (`foyer[k].alternative_100_sante`). */
  alternative: FormActe[];
}

/** The household around the screen's main form (the adhérent's). */
export interface FormFoyer {
  /** The adhérent's first name or mark for the printout ("" = none). */
  nomAdherent: string;
  autres: FormPersonne[];
  /** Offer → yearly cotisation as typed ("" or absent = not given). */
  cotisations: Partial<Record<Offre, string>>;
  /** The `uid` of the act whose quantity the cost comparison varies, null for none. */
  variation: number | null;
  /** The section's grid the cotisations were last filled from (lib/grilles.ts), null for none. */
  grille: GrilleRemplie | null;
}

export function nouveauFoyer(): FormFoyer {
  return { nomAdherent: "", autres: [], cotisations: {}, variation: null, grille: null };
}

/** Every person's relation, the adhérent first. */
export const relationsDuFoyer = (f: FormFoyer): Relation[] => ["adherent", ...f.autres.map((p) => p.relation)];

let prochainUid = 1;

/** A person of the form, with a new screen id. */
export function personneForm(relation: RelationAutre, nom: string, form: FormSituation, actes: FormActe[], alternative: FormActe[] = []): FormPersonne {
  return { uid: prochainUid++, relation, nom, form, actes, alternative };
}

/** A new person: the conjoint first, children next. */
export function nouvellePersonne(f: FormFoyer): FormPersonne {
  const relation: RelationAutre = f.autres.some((p) => p.relation === "conjoint") ? "enfant" : "conjoint";
  return personneForm(relation, "", nouvelleSituation(""), []);
}

/** True when the estimate is a household's (someone besides the adhérent). */
export const estFoyer = (f: FormFoyer) => f.autres.length > 0;

/** True when a yearly cotisation is typed (even one not yet readable). */
export const cotisationsSaisies = (f: FormFoyer) => Object.values(f.cotisations).some((t) => (t ?? "").trim() !== "");

/**
 * True when the engine gets the household document: someone besides the
 * adhérent, or the adhérent alone with a cotisation typed (a household of
 * one, which the engine estimates as the single document: the single
 * document has no place for cotisations). Without either, the single
 * document, unchanged.
 */
export const documentFoyer = (f: FormFoyer) => estFoyer(f) || cotisationsSaisies(f);

/** How many persons, the adhérent included. */
export const nbPersonnes = (f: FormFoyer) => f.autres.length + 1;

/** Adds a person at the end; their number (0 = the adhérent), or null when the household is full. */
export function ajouterPersonne(f: FormFoyer): number | null {
  if (nbPersonnes(f) >= PERSONNES_MAX) return null;
  f.autres.push(nouvellePersonne(f));
  return f.autres.length;
}

/** Removes person `k` (never the adhérent, 0); the person to show next. */
export function retirerPersonne(f: FormFoyer, k: number): number {
  if (k < 1 || k > f.autres.length) return Math.min(Math.max(k, 0), f.autres.length);
  const [p] = f.autres.splice(k - 1, 1);
  if (f.variation !== null && p.actes.some((a) => a.uid === f.variation)) f.variation = null;
  return Math.min(k, f.autres.length);
}

/** The person after (sens 1) or before (sens −1) `k`, going round. */
export function personneVoisine(k: number, n: number, sens: 1 | -1): number {
  return (((k + sens) % n) + n) % n;
}

/** The name shown for person `k`: their own, else « Personne N (relation) » as the engine says it. */
export function nomPersonne(k: number, relation: Relation, nom: string): string {
  return nom.trim() || `Personne ${k + 1} (${LIBELLES_RELATION[relation]})`;
}

/** Every person of the household, the adhérent first, with what the screen shows of them. */
export interface VuePersonne {
  k: number;
  relation: Relation;
  nom: string;
  form: FormSituation;
  actes: FormActe[];
  alternative: FormActe[];
}

/** `alternative`: the adhérent's devis option (the screen's main one). */
export function personnes(form: FormSituation, actes: FormActe[], f: FormFoyer, alternative: FormActe[] = []): VuePersonne[] {
  return [
    { k: 0, relation: "adherent", nom: f.nomAdherent, form, actes, alternative },
    ...f.autres.map((p, i) => ({ k: i + 1, relation: p.relation as Relation, nom: p.nom, form: p.form, actes: p.actes, alternative: p.alternative ?? [] })),
  ];
}

/** Person and position of the varied act, when it is still in the household. */
export function positionVariation(form: FormSituation, actes: FormActe[], f: FormFoyer): { personne: number; acte: number } | null {
  if (f.variation === null) return null;
  for (const p of personnes(form, actes, f)) {
    const i = p.actes.findIndex((a) => a.uid === f.variation);
    if (i >= 0) return { personne: p.k, acte: i };
  }
  return null;
}

// ------------------------------------------------------------ the document

export interface ConstructionFoyer {
  situation: SituationFoyer | null;
  erreurs: Erreurs;
  manquants: Erreurs;
}

/**
 * The offers whose cotisation the form holds: every offer it has a field
 * for (one per offer of the engine's answer, which are data of the barème:
 * five under a grid that declares five), with what the draft or a reopened
 * document brought.
 */
const offresCotisees = (f: FormFoyer) => Object.keys(f.cotisations) as Offre[];

/** `chemin` under person `k` ("date" stays the household's). */
const sous = (k: number, chemin: string) => (chemin === "date" ? "date" : chemin ? `foyer[${k}].${chemin}` : `foyer[${k}]`);

/**
 * Builds the household document: each person read like the single
 * estimate's form (the date of care and the offer are the adhérent's form's,
 * shared), the cotisations typed, the varied act. Every unreadable text
 * gives an error under its path and no document; a person without any act
 * is a missing field (`foyer[k].actes`). Each person's devis option
 * (`alternative`: the adhérent's) goes under `foyer[k].alternative_100_sante`
 * when it has acts.
 */
export function construireFoyer(form: FormSituation, actes: FormActe[], f: FormFoyer, catalogue: ActeVue[], alternative: FormActe[] = []): ConstructionFoyer {
  const erreurs: Erreurs = {};
  const manquants: Erreurs = {};
  const foyer: Personne[] = [];
  let date = "";
  for (const p of personnes(form, actes, f, alternative)) {
    const c = construireSituation({ ...p.form, date: form.date, offre: form.offre }, p.actes, catalogue, p.alternative);
    if (p.k === 0 && c.situation) date = c.situation.date;
    for (const [ch, m] of Object.entries(c.erreurs)) if (p.k === 0 || ch !== "date") erreurs[sous(p.k, ch)] = m;
    for (const [ch, m] of Object.entries(c.manquants)) if (p.k === 0 || ch !== "date") manquants[sous(p.k, ch)] = m;
    if (p.actes.length === 0) manquants[`foyer[${p.k}].actes`] = "ajoutez au moins un soin pour cette personne (Ctrl+K)";
    if (c.situation) {
      const personne: Personne = { relation: p.relation, assure: c.situation.assure, actes: c.situation.actes };
      if (p.nom.trim()) personne.nom = p.nom.trim();
      if (c.situation.alternative_100_sante) personne.alternative_100_sante = c.situation.alternative_100_sante;
      foyer.push(personne);
    }
  }
  const cotisations: Partial<Record<Offre, string>> = {};
  for (const o of offresCotisees(f)) {
    const t = f.cotisations[o] ?? "";
    if (!t.trim()) continue;
    const m = lireMontant(t);
    if ("erreur" in m) erreurs[`cotisations.${o}`] = m.erreur;
    else cotisations[o] = m.valeur;
  }
  if (Object.keys(erreurs).length > 0 || Object.keys(manquants).length > 0 || foyer.length !== nbPersonnes(f)) {
    return { situation: null, erreurs, manquants };
  }
  const situation = { date, offre: form.offre === "" ? null : form.offre, foyer } as SituationFoyer;
  if (Object.keys(cotisations).length > 0) situation.cotisations = cotisations;
  const v = positionVariation(form, actes, f);
  if (v) situation.variation = v;
  const grille = situation.cotisations ? grilleDuDocument(f.grille, f.cotisations, relationsDuFoyer(f)) : null;
  if (grille) situation.grille_cotisations = grille;
  return { situation, erreurs, manquants };
}

/**
 * The JSON paths the screen has a place for in a household (where the
 * engine's errors land): each person's, as the single estimate's under
 * `foyer[k]`, the household's date, each cotisation and the varied act.
 */
export function cheminsConnusFoyer(form: FormSituation, actes: FormActe[], f: FormFoyer, catalogue: ActeVue[], enveloppes: string[], alternative: FormActe[] = []): Set<string> {
  const offres = new Set<string>([...OFFRES_2018.map((o) => o.code), ...offresCotisees(f)]);
  const s = new Set<string>(["date", "foyer", "variation", ...[...offres].map((o) => `cotisations.${o}`)]);
  for (const p of personnes(form, actes, f, alternative)) {
    s.add(`foyer[${p.k}]`);
    s.add(`foyer[${p.k}].actes`);
    for (const c of cheminsConnus(p.actes, p.alternative, catalogue, enveloppes)) s.add(sous(p.k, c));
  }
  return s;
}

/**
 * The errors of person `k` under their own paths (« actes[0].frais_reels »),
 * as the act editor and the situation panel name their fields; the
 * household's own (`date`, `foyer`, `cotisations…`, "") stay as they are.
 */
export function erreursDePersonne(erreurs: Erreurs, k: number): Erreurs {
  const out: Erreurs = {};
  const prefixe = `foyer[${k}]`;
  for (const [ch, m] of Object.entries(erreurs)) {
    if (ch === prefixe) out[""] = m;
    else if (ch.startsWith(prefixe + ".")) out[ch.slice(prefixe.length + 1)] = m;
    else if (!ch.startsWith("foyer[")) out[ch] = m;
  }
  return out;
}

/** Persons with something to correct or missing (their numbers), for the tabs' marks; the household's date of care is typed on the adhérent's. */
export function personnesAReprendre(erreurs: Erreurs): Set<number> {
  const s = new Set<number>();
  for (const ch of Object.keys(erreurs)) {
    if (ch === "date") s.add(0);
    const m = /^foyer\[(\d+)\]/.exec(ch);
    if (m) s.add(Number(m[1]));
  }
  return s;
}

/** A household document back into the form: the adhérent's part (with their devis option), the others, cotisations and varied act. */
export function foyerDepuisDocument(doc: SituationFoyer): { form: FormSituation; actes: FormActe[]; alternative: FormActe[]; foyer: FormFoyer } {
  const iAdherent = Math.max(
    doc.foyer.findIndex((p) => p.relation === "adherent"),
    0,
  );
  const lire = (p: Personne) =>
    formDepuisSituation({ date: doc.date, offre: doc.offre, assure: p.assure, actes: p.actes, alternative_100_sante: p.alternative_100_sante });
  const premier = lire(doc.foyer[iAdherent]);
  const foyer = nouveauFoyer();
  foyer.nomAdherent = doc.foyer[iAdherent].nom ?? "";
  const ordre = [iAdherent, ...doc.foyer.map((_, i) => i).filter((i) => i !== iAdherent)];
  for (const i of ordre.slice(1)) {
    const p = doc.foyer[i];
    const lu = lire(p);
    foyer.autres.push(personneForm(p.relation === "adherent" ? "autre" : p.relation, p.nom ?? "", lu.form, lu.actes, lu.alternative));
  }
  for (const [o, m] of Object.entries(doc.cotisations ?? {})) foyer.cotisations[o as Offre] = (m ?? "").replace(".", ",");
  if (doc.grille_cotisations) {
    // Saved with the grid's cotisations unchanged: they stay the grid's until changed.
    const g = doc.grille_cotisations;
    foyer.grille = { id: -1, libelle: g.libelle, date_effet: g.date_effet, remplies: { ...foyer.cotisations }, composition: composition(relationsDuFoyer(foyer)), aides: {} };
  }
  if (doc.variation) {
    const k = ordre.indexOf(doc.variation.personne);
    const liste = k === 0 ? premier.actes : foyer.autres[k - 1]?.actes;
    foyer.variation = liste?.[doc.variation.acte]?.uid ?? null;
  }
  return { form: premier.form, actes: premier.actes, alternative: premier.alternative, foyer };
}

/** A saved document is a household's when it has `foyer`. */
export function estDocumentFoyer(s: Record<string, unknown>): boolean {
  return Array.isArray(s.foyer);
}

// ------------------------------------------------------------ the draft

/** The household as the draft and the signature keep it: no uid. */
export interface FoyerBrouillon {
  nomAdherent: string;
  /** `alternative`: only when the person's devis option has acts (older drafts unchanged). */
  autres: { relation: RelationAutre; nom: string; form: FormSituation; actes: Omit<FormActe, "uid">[]; alternative?: Omit<FormActe, "uid">[] }[];
  cotisations: Partial<Record<Offre, string>>;
  variation: { personne: number; acte: number } | null;
  /** The grid the cotisations were filled from: only when there is one (older drafts unchanged). */
  grille?: GrilleRemplie;
}

/** The household without the screen's ids; null when nothing of it was typed (older drafts and signatures unchanged). */
export function foyerSansUid(form: FormSituation, actes: FormActe[], f: FormFoyer, sansUid: (a: FormActe) => Omit<FormActe, "uid">): FoyerBrouillon | null {
  const cotisations = Object.fromEntries(Object.entries(f.cotisations).filter(([, t]) => (t ?? "").trim() !== ""));
  if (f.autres.length === 0 && !f.nomAdherent.trim() && Object.keys(cotisations).length === 0 && f.variation === null && f.grille === null) return null;
  return {
    nomAdherent: f.nomAdherent,
    autres: f.autres.map((p) => ({
      relation: p.relation,
      nom: p.nom,
      form: p.form,
      actes: p.actes.map(sansUid),
      ...((p.alternative ?? []).length > 0 ? { alternative: p.alternative.map(sansUid) } : {}),
    })),
    cotisations,
    variation: positionVariation(form, actes, f),
    ...(f.grille ? { grille: f.grille } : {}),
  };
}
