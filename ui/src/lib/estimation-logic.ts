// Logic of the Estimation screen that needs no DOM: searching the catalogue
// with people's words, building the situation document from what was typed
// (never inventing a value), and mapping the engine's input errors (JSON
// paths) to the fields. No money is computed here: amounts are only checked
// for their shape and passed to the engine as decimal strings.
import type { ActeVue, Champ, Offre, Situation, Acte, Statut, Sejour, Dent, DebutTraitement, Panier } from "./bindings";
import { parseDateFr } from "./format";

/** Lower case, no accents, no punctuation, single spaces. */
export function normaliser(texte: string): string {
  return texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function mots(texte: string): string[] {
  const n = normaliser(texte);
  return n ? n.split(" ") : [];
}

/**
 * Acts matching every word of the query (a word matches the start of a word
 * of the label, a synonym or the section; plurals tolerated), best first:
 * a synonym equal to the whole query, then a label starting with it.
 */
export function rechercher(actes: ActeVue[], requete: string, max = 12): ActeVue[] {
  const q = mots(requete);
  if (q.length === 0) return [];
  const qn = q.join(" ");
  const scored: { a: ActeVue; score: number; i: number }[] = [];
  actes.forEach((a, i) => {
    const textes = [a.libelle, ...a.synonymes, a.section, a.code.replace(/_/g, " ")];
    const motsActe = textes.flatMap(mots);
    const ok = q.every((w) => {
      const sing = w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w;
      return motsActe.some((m) => m.startsWith(w) || m.startsWith(sing));
    });
    if (!ok) return;
    let score = 0;
    const syn = a.synonymes.map(normaliser);
    if (syn.includes(qn)) score += 10;
    if (syn.some((s) => s.startsWith(qn))) score += 4;
    if (normaliser(a.libelle).startsWith(qn)) score += 6;
    if (normaliser(a.libelle).includes(qn)) score += 2;
    scored.push({ a, score, i });
  });
  scored.sort((x, y) => y.score - x.score || x.i - y.i);
  return scored.slice(0, max).map((s) => s.a);
}

// ---------------------------------------------------------------- the form

export type Oui = "" | "oui" | "non";

export interface FormSituation {
  date: string; // JJ/MM/AAAA as typed
  naissance: string;
  statut: "" | Statut;
  offre: "" | Offre; // "" = comparer toutes les offres du barème
  parcours: boolean;
  css: boolean;
  handicap: boolean;
  adhesion: string;
  grossesse: { debut: string; terme: string; accouchement: string };
  deja: FormDeja;
}

/** What was already used this calendar year, as typed (assure.deja_utilise). */
export interface FormDeja {
  participations: string;
  franchises: string;
  /** Envelope id (catalogue "enveloppes") → € already paid by MGEN this year. */
  enveloppes: Record<string, string>;
  seances_psychotherapie: string;
  appareils_auditifs: string;
  implants: string;
  couronnes_sur_implant: string;
  semestres_orthodontie: string;
  dernier_equipement_optique: string;
}

/** The whole-number fields of assure.deja_utilise, in screen order. */
export const DEJA_ENTIERS = ["seances_psychotherapie", "appareils_auditifs", "implants", "couronnes_sur_implant", "semestres_orthodontie"] as const;

export function nouveauDeja(): FormDeja {
  return {
    participations: "",
    franchises: "",
    enveloppes: {},
    seances_psychotherapie: "",
    appareils_auditifs: "",
    implants: "",
    couronnes_sur_implant: "",
    semestres_orthodontie: "",
    dernier_equipement_optique: "",
  };
}

/** JSON paths of every field of the "déjà utilisé" section (for placing engine errors). */
export function cheminsDeja(enveloppes: string[]): string[] {
  const p = "assure.deja_utilise";
  return [
    `${p}.participations_forfaitaires`,
    `${p}.franchises`,
    ...enveloppes.map((id) => `${p}.enveloppes.${id}`),
    ...DEJA_ENTIERS.map((k) => `${p}.${k}`),
    `${p}.dernier_equipement_optique`,
  ];
}

/** How many fields of the section hold something (shown on the collapsed summary). */
export function nbDejaSaisis(d: FormDeja): number {
  const textes = [d.participations, d.franchises, ...Object.values(d.enveloppes), ...DEJA_ENTIERS.map((k) => d[k]), d.dernier_equipement_optique];
  return textes.filter((t) => t.trim() !== "").length;
}

export interface FormActe {
  uid: number;
  code: string;
  date: string;
  quantite: string;
  frais_reels: string;
  brss: string;
  /** Fields of the catalogue: booleans as "oui"/"non", numbers and choices as text. */
  champs: Partial<Record<Champ, string>>;
  /** The devis's basket ("" = none given), for an act whose catalogue entry lists baskets. */
  panier: "" | Panier;
  /** The price limit printed on the devis for the whole line, as typed. */
  prix_limite: string;
}

export function aujourdhuiFr(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function nouvelleSituation(aujourdhui: string): FormSituation {
  return {
    date: aujourdhui,
    naissance: "",
    statut: "",
    offre: "",
    parcours: true,
    css: false,
    handicap: false,
    adhesion: "",
    grossesse: { debut: "", terme: "", accouchement: "" },
    deja: nouveauDeja(),
  };
}

let prochainUid = 1;
export function nouvelActe(code: string): FormActe {
  return { uid: prochainUid++, code, date: "", quantite: "1", frais_reels: "", brss: "", champs: {}, panier: "", prix_limite: "" };
}

export function dupliquerActe(a: FormActe): FormActe {
  return { ...a, champs: { ...a.champs }, uid: prochainUid++ };
}

export const CHAMPS_BOOLEENS: Champ[] = ["optam", "reseau", "conventionne", "cecite", "evolution_vue"];
export const CHAMPS_ENTIERS: Champ[] = ["nuits", "jours", "appareils", "dents"];

/** Field path (as the engine names it) → French message. */
export type Erreurs = Record<string, string>;

export interface Construction {
  situation: Situation | null;
  /** What was typed and cannot be read: shown as errors. */
  erreurs: Erreurs;
  /** Required fields still empty: shown as hints, not errors. */
  manquants: Erreurs;
}

/** "12,5" or "12.50" → "12.50"-like decimal string; an error text otherwise. */
export function lireMontant(texte: string): { valeur: string } | { erreur: string } {
  const t = texte.trim().replace(/\s|\u202f|€/g, "");
  if (/^-/.test(t)) return { erreur: "montant négatif : saisissez un montant positif ou nul" };
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return { erreur: `« ${texte.trim()} » n'est pas un montant (ex. 120,50)` };
  return { valeur: m[2] ? `${m[1]}.${m[2]}` : m[1] };
}

function lireEntier(texte: string): { valeur: number } | { erreur: string } {
  const t = texte.trim();
  if (!/^\d+$/.test(t)) return { erreur: `« ${t} » n'est pas un nombre entier positif` };
  return { valeur: Number(t) };
}

/** Whole years between two ISO dates (null if either is missing). */
export function age(naissanceIso: string | null, dateIso: string | null): number | null {
  if (!naissanceIso || !dateIso) return null;
  const [y1, m1, d1] = naissanceIso.split("-").map(Number);
  const [y2, m2, d2] = dateIso.split("-").map(Number);
  let a = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) a -= 1;
  return a;
}

/**
 * Reads typed texts into the document's values, recording under its JSON
 * path every text that cannot be read (`erreurs`) and every required field
 * left empty (`manquants`).
 */
class Lecteur {
  readonly erreurs: Erreurs = {};
  readonly manquants: Erreurs = {};

  date(chemin: string, texte: string, requis: boolean): string | null {
    if (!texte.trim()) {
      if (requis) this.manquants[chemin] = "date à saisir (JJ/MM/AAAA)";
      return null;
    }
    const iso = parseDateFr(texte);
    if (!iso) this.erreurs[chemin] = `« ${texte.trim()} » n'est pas une date (JJ/MM/AAAA)`;
    return iso;
  }

  montant(chemin: string, texte: string): string | null {
    if (!texte.trim()) return null;
    const r = lireMontant(texte);
    if ("erreur" in r) {
      this.erreurs[chemin] = r.erreur;
      return null;
    }
    return r.valeur;
  }

  entier(chemin: string, texte: string): number | null {
    if (!texte.trim()) return null;
    const r = lireEntier(texte);
    if ("erreur" in r) {
      this.erreurs[chemin] = r.erreur;
      return null;
    }
    return r.valeur;
  }
}

/** The JSON path of the list of acts of the devis's 100 % Santé option. */
export const ALTERNATIVE = "alternative_100_sante";

/** An act of the document with nothing but its code (every optional field left out). */
function acteVide(code: string): Acte {
  return {
    code,
    date: null,
    quantite: 1,
    frais_reels: null,
    brss: null,
    taux_amo: null,
    exoneration_tm: null,
    praticien: null,
    optam: null,
    reseau: null,
    conventionne: null,
    cecite: null,
    evolution_vue: null,
    nuits: null,
    jours: null,
    appareils: null,
    sejour: null,
    element: null,
    code_lpp: null,
    dent: null,
    materiau: null,
    debut_traitement: null,
    dents: null,
  };
}

/** The catalogue's fields of one act (required and accepted), read into `acte`. */
function lireChamps(l: Lecteur, a: FormActe, p: string, cat: ActeVue | undefined, acte: Acte): void {
  const requis = new Set(cat?.champs ?? []);
  for (const champ of [...(cat?.champs ?? []), ...(cat?.champs_optionnels ?? [])]) {
    const v = (a.champs[champ] ?? "").trim();
    const chemin = `${p}.${champ}`;
    if (!v) {
      if (requis.has(champ)) l.manquants[chemin] = "à renseigner";
      continue;
    }
    const rec = acte as unknown as Record<string, unknown>;
    if (CHAMPS_BOOLEENS.includes(champ)) rec[champ] = v === "oui";
    else if (CHAMPS_ENTIERS.includes(champ)) {
      const n = l.entier(chemin, v);
      if (n !== null) rec[champ] = n;
    } else if (champ === "sejour") acte.sejour = v as Sejour;
    else if (champ === "dent") acte.dent = v as Dent;
    else if (champ === "debut_traitement") acte.debut_traitement = v as DebutTraitement;
    // A CCAM code as the devis prints it, whatever the case or spaces typed.
    else if (champ === "code_ccam") acte.code_ccam = v.replace(/\s+/g, "").toUpperCase();
    else rec[champ] = v;
  }
}

/** One act of a list (`p`: its JSON path, "actes[0]" or "alternative_100_sante[1]"). */
function lireActeSaisi(l: Lecteur, a: FormActe, p: string, cat: ActeVue | undefined): Acte {
  const acte = acteVide(a.code);
  acte.date = l.date(`${p}.date`, a.date, false);
  acte.brss = l.montant(`${p}.brss`, a.brss);
  const q = l.entier(`${p}.quantite`, a.quantite);
  if (!a.quantite.trim()) l.manquants[`${p}.quantite`] = "quantité à saisir";
  else if (q === 0) l.erreurs[`${p}.quantite`] = "la quantité doit être au moins 1";
  else if (q !== null) acte.quantite = q;
  if (!a.frais_reels.trim()) {
    if (!cat?.frais_reels_optionnels) l.manquants[`${p}.frais_reels`] = "frais réels à saisir";
  } else {
    acte.frais_reels = l.montant(`${p}.frais_reels`, a.frais_reels);
  }
  if (cat?.brss_a_saisir && !a.brss.trim()) l.manquants[`${p}.brss`] = "base de remboursement à saisir pour cet acte";
  lireChamps(l, a, p, cat, acte);
  // The devis's basket and price limit, for the acts the reform concerns.
  if (cat && cat.paniers.length > 0) {
    if (a.panier) acte.panier = a.panier;
    const limite = l.montant(`${p}.prix_limite`, a.prix_limite);
    if (limite !== null) acte.prix_limite = limite;
  }
  return acte;
}

function lireListe(l: Lecteur, actes: FormActe[], liste: string, catalogue: ActeVue[]): Acte[] {
  return actes.map((a, i) =>
    lireActeSaisi(
      l,
      a,
      `${liste}[${i}]`,
      catalogue.find((c) => c.code === a.code),
    ),
  );
}

/** The member: dates, status, boxes, pregnancy. */
function lireAssure(l: Lecteur, f: FormSituation, dateSoins: string | null): Situation["assure"] | null {
  const naissance = l.date("assure.date_naissance", f.naissance, true);
  if (naissance && dateSoins && naissance > dateSoins) {
    l.erreurs["assure.date_naissance"] = "date de naissance postérieure à la date des soins";
  }
  const adhesion = l.date("assure.date_adhesion", f.adhesion, false);
  const g = f.grossesse;
  let grossesse: Situation["assure"]["grossesse"] = null;
  if (g.debut.trim() || g.terme.trim() || g.accouchement.trim()) {
    const debut = l.date("assure.grossesse.debut", g.debut, true);
    const terme = l.date("assure.grossesse.terme", g.terme, true);
    const acc = l.date("assure.grossesse.accouchement", g.accouchement, false);
    if (debut && terme) grossesse = { debut, terme, accouchement: acc };
  }
  const deja_utilise = lireDeja(l, f.deja, dateSoins);
  if (!naissance) return null;
  return {
    date_naissance: naissance,
    statut: f.statut === "" ? null : f.statut,
    parcours_soins: f.parcours,
    css: f.css,
    handicap: f.handicap,
    date_adhesion: adhesion,
    grossesse,
    deja_utilise,
  };
}

/** What was already used this year (null when nothing was typed). */
function lireDeja(l: Lecteur, d: FormDeja, dateSoins: string | null): Situation["assure"]["deja_utilise"] {
  const pd = "assure.deja_utilise";
  const enveloppes: Record<string, string> = {};
  for (const [id, texte] of Object.entries(d.enveloppes)) {
    const m = l.montant(`${pd}.enveloppes.${id}`, texte);
    if (m !== null) enveloppes[id] = m;
  }
  const deja = {
    participations_forfaitaires: l.montant(`${pd}.participations_forfaitaires`, d.participations),
    franchises: l.montant(`${pd}.franchises`, d.franchises),
    enveloppes,
    seances_psychotherapie: l.entier(`${pd}.seances_psychotherapie`, d.seances_psychotherapie),
    appareils_auditifs: l.entier(`${pd}.appareils_auditifs`, d.appareils_auditifs),
    implants: l.entier(`${pd}.implants`, d.implants),
    couronnes_sur_implant: l.entier(`${pd}.couronnes_sur_implant`, d.couronnes_sur_implant),
    semestres_orthodontie: l.entier(`${pd}.semestres_orthodontie`, d.semestres_orthodontie),
    dernier_equipement_optique: l.date(`${pd}.dernier_equipement_optique`, d.dernier_equipement_optique, false),
  };
  if (deja.dernier_equipement_optique && dateSoins && deja.dernier_equipement_optique > dateSoins) {
    l.erreurs[`${pd}.dernier_equipement_optique`] = "date postérieure à la date des soins";
  }
  const vide = Object.entries(deja).every(([k, v]) => (k === "enveloppes" ? Object.keys(enveloppes).length === 0 : v === null));
  return vide ? null : deja;
}

/**
 * Builds the situation document from the form. Every field typed but
 * unreadable gives an error under its JSON path and no document: the engine
 * never receives a silent default. Empty optional fields are left out. The
 * acts of the devis's 100 % Santé option (`alternative`) go, when there are
 * some, under `alternative_100_sante`, read like the chosen ones.
 */
export function construireSituation(f: FormSituation, actes: FormActe[], catalogue: ActeVue[], alternative: FormActe[] = []): Construction {
  const l = new Lecteur();
  const dateSoins = l.date("date", f.date, true);
  const assure = lireAssure(l, f, dateSoins);
  const docActes = lireListe(l, actes, "actes", catalogue);
  const docAlternative = lireListe(l, alternative, ALTERNATIVE, catalogue);
  const { erreurs, manquants } = l;
  if (Object.keys(erreurs).length > 0 || Object.keys(manquants).length > 0 || !dateSoins || !assure) {
    return { situation: null, erreurs, manquants };
  }
  const situation: Situation = { date: dateSoins, offre: f.offre === "" ? null : f.offre, assure, actes: docActes };
  if (docAlternative.length > 0) situation.alternative_100_sante = docAlternative;
  return { situation, erreurs, manquants };
}

/** An ISO date as the form shows it (JJ/MM/AAAA), "" for none. */
const fr = (iso: string | null | undefined) => (iso ? iso.split("-").reverse().join("/") : "");
/** A number or decimal string as the form shows it (decimal comma), "" for none. */
const txt = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v).replace(".", ","));

/** The situation document back into the form (reopening a saved estimate). */
export function formDepuisSituation(s: Situation): { form: FormSituation; actes: FormActe[]; alternative: FormActe[] } {
  const form = nouvelleSituation(fr(s.date));
  form.naissance = fr(s.assure.date_naissance);
  form.statut = s.assure.statut ?? "";
  form.offre = s.offre ?? "";
  form.parcours = s.assure.parcours_soins;
  form.css = s.assure.css;
  form.handicap = s.assure.handicap;
  form.adhesion = fr(s.assure.date_adhesion);
  const g = s.assure.grossesse;
  if (g) form.grossesse = { debut: fr(g.debut), terme: fr(g.terme), accouchement: fr(g.accouchement) };
  const d = s.assure.deja_utilise;
  if (d) {
    form.deja = {
      participations: txt(d.participations_forfaitaires),
      franchises: txt(d.franchises),
      enveloppes: Object.fromEntries(Object.entries(d.enveloppes ?? {}).map(([id, m]) => [id, txt(m)])),
      seances_psychotherapie: txt(d.seances_psychotherapie),
      appareils_auditifs: txt(d.appareils_auditifs),
      implants: txt(d.implants),
      couronnes_sur_implant: txt(d.couronnes_sur_implant),
      semestres_orthodontie: txt(d.semestres_orthodontie),
      dernier_equipement_optique: fr(d.dernier_equipement_optique),
    };
  }
  return { form, actes: s.actes.map(acteDepuisDocument), alternative: (s.alternative_100_sante ?? []).map(acteDepuisDocument) };
}

/** One act of the document back into the act editor's texts. */
function acteDepuisDocument(a: Acte): FormActe {
  const f = nouvelActe(a.code);
  f.date = fr(a.date);
  // A document written by hand or by `guichet` may leave the quantity out:
  // the engine reads it as 1 (moteur::lecture), so does the form.
  f.quantite = a.quantite == null ? "1" : String(a.quantite);
  f.frais_reels = txt(a.frais_reels);
  f.brss = txt(a.brss);
  f.panier = a.panier ?? "";
  f.prix_limite = txt(a.prix_limite);
  const rec = a as unknown as Record<string, unknown>;
  for (const c of [...CHAMPS_BOOLEENS, ...CHAMPS_ENTIERS, "sejour", "element", "code_lpp", "code_ccam", "dent", "materiau", "debut_traitement"] as Champ[]) {
    const v = rec[c];
    if (v === null || v === undefined) continue;
    f.champs[c] = typeof v === "boolean" ? (v ? "oui" : "non") : String(v);
  }
  return f;
}

/**
 * The JSON paths the screen has a place for, where the engine's errors
 * land (see `champDeLErreur`): the situation's fields, and for each act of
 * both lists (`actes`, then the devis's 100 % Santé option) the act itself
 * and the fields its editor shows.
 */
export function cheminsConnus(actes: FormActe[], alternative: FormActe[], catalogue: ActeVue[], enveloppes: string[]): Set<string> {
  const s = new Set<string>(["date", "assure", "assure.date_naissance", "assure.grossesse", "assure.grossesse.debut", "assure.grossesse.terme", "assure.grossesse.accouchement", "assure.date_adhesion"]);
  s.add("assure.deja_utilise");
  for (const c of cheminsDeja(enveloppes)) s.add(c);
  const liste = (nom: string, l: FormActe[]) =>
    l.forEach((a, i) => {
      const cat = catalogue.find((c) => c.code === a.code);
      const p = `${nom}[${i}]`;
      s.add(p);
      const brss = cat?.rembourse || cat?.brss_a_saisir ? ["brss"] : [];
      const devis = cat && cat.paniers.length > 0 ? ["panier", "prix_limite"] : [];
      for (const k of ["frais_reels", "quantite", "date", ...brss, ...(cat?.champs ?? []), ...(cat?.champs_optionnels ?? []), ...devis]) s.add(`${p}.${k}`);
    });
  liste("actes", actes);
  if (alternative.length > 0) s.add(ALTERNATIVE);
  liste(ALTERNATIVE, alternative);
  return s;
}

/**
 * Where an engine error goes: its own path when the screen has that field,
 * else the nearest enclosing field (an act, the pregnancy), else the banner ("").
 */
export function champDeLErreur(chemin: string, champs: Set<string>): string {
  let c = chemin;
  while (c) {
    if (champs.has(c)) return c;
    const coupe = Math.max(c.lastIndexOf("."), c.lastIndexOf("["));
    c = coupe > 0 ? c.slice(0, coupe) : "";
  }
  return "";
}

/** A DOM id for a field path ("actes[0].frais_reels" → "champ-actes-0-frais_reels"). */
export function idChamp(chemin: string): string {
  return "champ-" + chemin.replace(/[[\].]+/g, "-").replace(/-$/, "");
}
