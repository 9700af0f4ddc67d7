// The estimate in progress and its draft, without DOM nor IPC: when an
// estimate holds typed work (the "non-empty" rule), the draft's text (the
// form exactly as typed, readable back even when a field does not parse
// yet), a writer that keeps at most one write in flight and always writes
// the last state asked, and the order of the engine's answers (only an
// answer newer than the one on screen is shown).
import { nbDejaSaisis, nouvelActe, nouvelleSituation, type FormActe, type FormSituation } from "./estimation-logic";
import { foyerSansUid, nouveauFoyer, personneForm, PERSONNES_MAX, RELATIONS, type FormFoyer, type RelationAutre } from "./foyer";
import type { GrilleRemplie } from "./grilles";

// ------------------------------------------------------------ typed work

/**
 * True when nothing was typed: no act, no text in any field of the
 * situation, the three boxes as a new form has them (parcours de soins
 * ticked, CSS and handicap not). The date of care is left out: it is
 * prefilled with the day, and a date alone is no estimate worth keeping.
 */
export function estimationVide(form: FormSituation, actes: FormActe[], alternative: FormActe[] = [], foyer: FormFoyer | null = null): boolean {
  if (actes.length > 0 || alternative.length > 0) return false;
  if (foyer && foyerSansUid(form, actes, foyer, sansUid) !== null) return false;
  const g = form.grossesse;
  const textes = [form.naissance, form.statut, form.offre, form.adhesion, g.debut, g.terme, g.accouchement];
  const neuf = nouvelleSituation(form.date);
  return (
    textes.every((t) => t.trim() === "") &&
    nbDejaSaisis(form.deja) === 0 &&
    form.parcours === neuf.parcours &&
    form.css === neuf.css &&
    form.handicap === neuf.handicap
  );
}

/**
 * What identifies an estimate's content: the form and the acts (the chosen
 * ones, then those of the devis's 100 % Santé option), and the household
 * around the adhérent, without the screen's ids.
 */
export function signature(form: FormSituation, actes: FormActe[], alternative: FormActe[] = [], foyer: FormFoyer | null = null): string {
  const contenu: Record<string, unknown> = { form, actes: actes.map(sansUid) };
  // Left out when empty: an estimate saved before the option (or the household) existed keeps its signature.
  if (alternative.length > 0) contenu.alternative = alternative.map(sansUid);
  const f = foyer ? foyerSansUid(form, actes, foyer, sansUid) : null;
  if (f) contenu.foyer = f;
  return JSON.stringify(contenu);
}

export function sansUid(a: FormActe): Omit<FormActe, "uid"> {
  return { code: a.code, date: a.date, quantite: a.quantite, frais_reels: a.frais_reels, brss: a.brss, champs: { ...a.champs }, panier: a.panier, prix_limite: a.prix_limite };
}

/**
 * Typed work that is not in the history: not empty, and different from the
 * estimate as it was last saved or reopened (`enregistree`: its signature).
 * This is what the draft keeps and what « Nouvelle » asks before dropping.
 */
export function travailNonEnregistre(form: FormSituation, actes: FormActe[], enregistree: string | null, alternative: FormActe[] = [], foyer: FormFoyer | null = null): boolean {
  return !estimationVide(form, actes, alternative, foyer) && signature(form, actes, alternative, foyer) !== enregistree;
}

// ------------------------------------------------------------ the draft

/** A reopened estimate the draft was made from (its number is printed). */
export interface RouvertBrouillon {
  numero: string;
  bareme: string | null;
  changementBareme: string | null;
}

/** What a draft gives back. */
export interface ContenuBrouillon {
  form: FormSituation;
  actes: FormActe[];
  /** The acts of the devis's 100 % Santé option (none when left out). */
  alternative?: FormActe[];
  rouvert: RouvertBrouillon | null;
  initiales: string;
  reference: string;
  /** The household around the adhérent (none when left out: a single member). */
  foyer?: FormFoyer;
}

const FORMAT = 1;

/** The draft's text (JSON), for `brouillon_ecrire`. */
export function versBrouillon(c: ContenuBrouillon): string {
  return JSON.stringify({
    format: FORMAT,
    form: c.form,
    actes: c.actes.map(sansUid),
    alternative: (c.alternative ?? []).map(sansUid),
    rouvert: c.rouvert,
    initiales: c.initiales,
    reference: c.reference,
    foyer: c.foyer ? foyerSansUid(c.form, c.actes, c.foyer, sansUid) : null,
  });
}

type Objet = Record<string, unknown>;
const estObjet = (v: unknown): v is Objet => typeof v === "object" && v !== null && !Array.isArray(v);

/** Copies into `base` the fields of `source` that have the same type; false when one has another type. */
function copier(base: Objet, source: Objet): boolean {
  for (const [cle, valeur] of Object.entries(base)) {
    if (!(cle in source)) continue;
    const v = source[cle];
    if (typeof valeur !== typeof v) return false;
    if (typeof valeur !== "object") base[cle] = v;
  }
  return true;
}

function chaines(v: unknown): Record<string, string> | null {
  if (!estObjet(v)) return null;
  const ok = Object.values(v).every((x) => typeof x === "string");
  return ok ? ({ ...v } as Record<string, string>) : null;
}

function lireForm(v: unknown): FormSituation | null {
  if (!estObjet(v)) return null;
  const f = nouvelleSituation("");
  if (!copier(f as unknown as Objet, v)) return null;
  if (estObjet(v.grossesse) && !copier(f.grossesse as unknown as Objet, v.grossesse)) return null;
  if (estObjet(v.deja)) {
    if (!copier(f.deja as unknown as Objet, v.deja)) return null;
    const env = chaines(v.deja.enveloppes ?? {});
    if (!env) return null;
    f.deja.enveloppes = env;
  }
  return f;
}

function lireActe(v: unknown): FormActe | null {
  if (!estObjet(v) || typeof v.code !== "string" || !v.code) return null;
  const a = nouvelActe(v.code);
  if (!copier(a as unknown as Objet, { ...v, uid: a.uid })) return null;
  const champs = chaines(v.champs ?? {});
  if (!champs) return null;
  a.champs = champs;
  return a;
}

function lireRouvert(v: unknown): RouvertBrouillon | null | undefined {
  if (v === null || v === undefined) return null;
  if (!estObjet(v) || typeof v.numero !== "string") return undefined;
  const texte = (x: unknown) => (typeof x === "string" ? x : null);
  return { numero: v.numero, bareme: texte(v.bareme), changementBareme: texte(v.changementBareme) };
}

/**
 * A draft's text back into the form; null when it is not a draft this
 * screen wrote (another format, a field of another type): such a draft is
 * offered to nobody.
 */
export function lireBrouillon(texte: string): ContenuBrouillon | null {
  let v: unknown;
  try {
    v = JSON.parse(texte);
  } catch {
    return null;
  }
  if (!estObjet(v) || v.format !== FORMAT || !Array.isArray(v.actes)) return null;
  const form = lireForm(v.form);
  const actes = v.actes.map(lireActe);
  // A draft written before the devis's option had none.
  if (v.alternative !== undefined && !Array.isArray(v.alternative)) return null;
  const alternative = (v.alternative ?? []).map(lireActe);
  const rouvert = lireRouvert(v.rouvert);
  if (!form || [...actes, ...alternative].some((a) => a === null) || rouvert === undefined) return null;
  const texteOuVide = (x: unknown) => (typeof x === "string" ? x : "");
  // A draft written before the household had none.
  const foyer = v.foyer === undefined || v.foyer === null ? nouveauFoyer() : lireFoyer(v.foyer, actes as FormActe[]);
  if (!foyer) return null;
  return {
    form,
    actes: actes as FormActe[],
    alternative: alternative as FormActe[],
    rouvert,
    initiales: texteOuVide(v.initiales),
    reference: texteOuVide(v.reference),
    foyer,
  };
}

/** The household of a draft (see `FoyerBrouillon`); null when it is not one this screen wrote. */
function lireFoyer(v: unknown, actesAdherent: FormActe[]): FormFoyer | null {
  if (!estObjet(v) || typeof v.nomAdherent !== "string" || !Array.isArray(v.autres) || v.autres.length >= PERSONNES_MAX) return null;
  const f = nouveauFoyer();
  f.nomAdherent = v.nomAdherent;
  for (const p of v.autres) {
    if (!estObjet(p) || !RELATIONS.some((r) => r.valeur === p.relation) || typeof p.nom !== "string" || !Array.isArray(p.actes)) return null;
    const form = lireForm(p.form);
    const actes = p.actes.map(lireActe);
    if (p.alternative !== undefined && !Array.isArray(p.alternative)) return null;
    const alternative = (p.alternative ?? []).map(lireActe);
    if (!form || [...actes, ...alternative].some((a) => a === null)) return null;
    f.autres.push(personneForm(p.relation as RelationAutre, p.nom, form, actes as FormActe[], alternative as FormActe[]));
  }
  const cotisations = chaines(v.cotisations ?? {});
  if (!cotisations) return null;
  f.cotisations = cotisations;
  if (estObjet(v.variation) && typeof v.variation.personne === "number" && typeof v.variation.acte === "number") {
    const liste = v.variation.personne === 0 ? actesAdherent : f.autres[v.variation.personne - 1]?.actes;
    f.variation = liste?.[v.variation.acte]?.uid ?? null;
  }
  f.grille = lireGrilleRemplie(v.grille);
  return f;
}

/** The grid the draft's cotisations were filled from; null when absent or not one this screen wrote. */
function lireGrilleRemplie(v: unknown): GrilleRemplie | null {
  if (!estObjet(v) || typeof v.id !== "number" || typeof v.libelle !== "string" || typeof v.date_effet !== "string" || typeof v.composition !== "string") return null;
  const remplies = chaines(v.remplies ?? {});
  const aides = chaines(v.aides ?? {});
  if (!remplies || !aides) return null;
  return { id: v.id, libelle: v.libelle, date_effet: v.date_effet, remplies, aides, composition: v.composition };
}

// ------------------------------------------------------------ writing

/**
 * Writes values one at a time (the draft; also the requests to the
 * engine): a value asked while a write is under way
 * replaces whatever was waiting, so at most one write is in flight, the
 * last value asked is always the last written, and a value equal to the
 * last one written is not written again. A failed write is reported and
 * the next value asked is written anyway.
 */
export class EcritureCoalescee<T> {
  private enCours = false;
  private attente: { valeur: T } | null = null;
  private ecrite: { valeur: T } | null = null;
  private enAttenteDuRepos: (() => void)[] = [];

  constructor(
    private readonly ecrire: (valeur: T) => Promise<void>,
    private readonly surErreur: (e: unknown) => void = () => {},
  ) {}

  /** What the store holds already (read at start): not written again. */
  supposerEcrite(valeur: T): void {
    if (!this.enCours) this.ecrite = { valeur };
  }

  demander(valeur: T): void {
    this.attente = { valeur };
    if (!this.enCours) void this.vider();
  }

  /** A value is waiting for the write under way to end (it will replace it). */
  enAttente(): boolean {
    return this.attente !== null;
  }

  /** Resolves once nothing is being written nor waiting. */
  attendreRepos(): Promise<void> {
    if (!this.enCours) return Promise.resolve();
    return new Promise((r) => this.enAttenteDuRepos.push(r));
  }

  private async vider(): Promise<void> {
    this.enCours = true;
    while (this.attente) {
      const { valeur } = this.attente;
      this.attente = null;
      if (this.ecrite && this.ecrite.valeur === valeur) continue;
      try {
        await this.ecrire(valeur);
        this.ecrite = { valeur };
      } catch (e) {
        this.ecrite = null;
        this.surErreur(e);
      }
    }
    this.enCours = false;
    for (const r of this.enAttenteDuRepos.splice(0)) r();
  }
}

// ------------------------------------------------------------ answers

/**
 * The order of the engine's answers. Each request takes the next number;
 * an answer is shown only when its number is above the one on screen, so a
 * late answer to an older request never replaces a newer one. When the
 * input stops being computable, the requests under way are dropped.
 */
export class OrdreReponses {
  private emises = 0;
  private affichee = 0;

  /** The number of a new request. */
  nouvelle(): number {
    return ++this.emises;
  }

  /** No answer to a request sent so far may be shown any more. */
  abandonnerEnCours(): void {
    this.affichee = this.emises;
  }

  /** True (and now the one on screen) when answer `n` is newer than the one shown. */
  accepter(n: number): boolean {
    if (n <= this.affichee) return false;
    this.affichee = n;
    return true;
  }

  /** True when the answer on screen is that of the last request. */
  aJour(): boolean {
    return this.affichee === this.emises;
  }
}

// ------------------------------------------------------------ the offer

/** "2026-12-03T10:42:05" (local time, as Rust records it) → "03/12/2026 à 10:42"; the text as is otherwise. */
export function quandFr(horodatage: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(horodatage);
  return m ? `${m[3]}/${m[2]}/${m[1]} à ${m[4]}:${m[5]}` : horodatage;
}

/** What the offer says of a draft: its acts, date of care and date of birth, as typed. */
export function resumeBrouillon(c: ContenuBrouillon, libelle: (code: string) => string): string {
  const n = c.actes.length;
  const parties = [n === 0 ? "aucun soin" : `${n} soin${n > 1 ? "s" : ""} (${c.actes.map((a) => libelle(a.code)).join(", ")})`];
  const na = c.alternative?.length ?? 0;
  if (na > 0) parties.push(`offre 100 % Santé du devis : ${na} soin${na > 1 ? "s" : ""}`);
  const autres = c.foyer?.autres ?? [];
  if (autres.length > 0) {
    const soins = autres.reduce((t, p) => t + p.actes.length, 0);
    parties.push(`foyer de ${autres.length + 1} personnes (${soins} soin${soins > 1 ? "s" : ""} des autres personnes)`);
  }
  if (c.form.date.trim()) parties.push(`soins du ${c.form.date.trim()}`);
  if (c.form.naissance.trim()) parties.push(`naissance ${c.form.naissance.trim()}`);
  if (c.rouvert) parties.push(`modifiée depuis l'estimation ${c.rouvert.numero}`);
  return parties.join(", ");
}
