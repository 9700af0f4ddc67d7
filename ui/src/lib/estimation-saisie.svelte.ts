// The estimate being typed (the situation, the chosen acts and the acts of
// the devis's 100 % Santé option), kept for the whole session rather than in the
// Estimation component (which is destroyed when another screen is shown:
// Alt+2 then Alt+1 finds everything as it was), the requests to the engine
// (one in flight, only answers newer than the one shown), its draft in the database
// (written as the adviser types, one write in flight, the last state wins),
// and the offer, at start, to take back a draft left by a session that did
// not end (window killed, computer stopped).
import type { ActeVue, BrouillonVue, CatalogueVue, EnveloppeDeclaree, IpcError, PanierVue, ReponseEstimation, ReponseEstimationFoyer, Resultat, ResultatFoyer } from "./bindings";
import { nouveauFoyer, type FormFoyer } from "./foyer";
import { call, toIpcError } from "./ipc";
import { aujourdhuiFr, nouvelleSituation, type FormActe, type FormSituation } from "./estimation-logic";
import {
  EcritureCoalescee,
  OrdreReponses,
  lireBrouillon,
  signature,
  travailNonEnregistre,
  versBrouillon,
  type ContenuBrouillon,
  type RouvertBrouillon,
} from "./brouillon";
import type { EstimationARouvrir } from "./estimation-state.svelte";
import { OFFRES_2018, offresProposees, type OffreProposee } from "./offres";

export interface Enregistrement {
  ouvert: boolean;
  initiales: string;
  reference: string;
  numero: string;
  erreur: string;
}

const enregistrementFerme = (): Enregistrement => ({ ouvert: false, initiales: "", reference: "", numero: "", erreur: "" });

class SaisieEstimation {
  form: FormSituation = $state(nouvelleSituation(aujourdhuiFr(new Date())));
  actes: FormActe[] = $state([]);
  /** The acts of the devis's 100 % Santé option (« Offre 100 % Santé du devis »). */
  alternative: FormActe[] = $state([]);
  /** The household around the adhérent (whose situation and acts are `form` and `actes`). */
  foyer: FormFoyer = $state(nouveauFoyer());
  /** The person shown in the form (0: the adhérent). */
  personne = $state(0);
  /** The last result received: stays on screen until a newer one arrives. */
  resultat: Resultat | null = $state.raw(null);
  /** The same for a household (`estimer_foyer`); one of the two at most is set. */
  resultatFoyer: ResultatFoyer | null = $state.raw(null);
  /** The offers the member's-offer list proposes (those of the barème in
   * force, from the last comparison of every offer: `offres.ts`). */
  offres: OffreProposee[] = $state.raw(OFFRES_2018);
  /** The result shown is not that of the form as it is now. */
  resultatPerime = $state(false);
  erreurMoteur: { chemin: string; message: string } | null = $state(null);
  erreurApp: IpcError | null = $state(null);
  rouvert: RouvertBrouillon | null = $state(null);
  enregistrement: Enregistrement = $state(enregistrementFerme());
  /** Signature of the estimate as last saved or reopened; null when never. */
  enregistree: string | null = $state(null);
  /** Last keystroke → result painted, ms (e2e and measures). */
  dureeMs: number | null = $state(null);
}

export const saisie = new SaisieEstimation();

/** The catalogue of acts, loaded once per session (the form needs it to be read). */
class CatalogueEstimation {
  actes: ActeVue[] = $state.raw([]);
  enveloppes: EnveloppeDeclaree[] = $state.raw([]);
  /** The baskets of the 100 % Santé reform (labels of the devis's « Panier » choice). */
  paniers: PanierVue[] = $state.raw([]);
}

export const catalogueEstimation = new CatalogueEstimation();

let catalogueDemande: Promise<CatalogueVue> | null = null;

/**
 * Asks Rust for the catalogue, once per session (again after a failure).
 * main.ts asks as soon as the page's script runs, so that the answer comes
 * while the page mounts rather than after.
 */
export function demanderCatalogue(): Promise<CatalogueVue> {
  catalogueDemande ??= call<CatalogueVue>("catalogue").catch((e: unknown) => {
    catalogueDemande = null;
    throw e;
  });
  return catalogueDemande;
}

// ------------------------------------------------------------ the engine

/** The order of the engine's answers, shared by every mount of the screen. */
const ordre = new OrdreReponses();

interface DemandeEstimation {
  /** `estimer` (one member) or `estimer_foyer` (a household). */
  commande: "estimer" | "estimer_foyer";
  texte: string;
  n: number;
  /** Called once this request's result is on screen. */
  affiche: () => void;
}

// One request in flight; the newest state typed meanwhile waits and replaces
// any older one, so the engine never works through a backlog of states
// already typed over. An answer that arrives when a newer state is waiting
// is not shown: the screen would change twice, and the frame that paints it
// would delay the one that paints the newer answer.
const envoi = new EcritureCoalescee<DemandeEstimation>(async ({ commande, texte, n, affiche }) => {
  try {
    const r = await call<ReponseEstimation | ReponseEstimationFoyer>(commande, { situation: JSON.parse(texte) });
    if (envoi.enAttente() || !ordre.accepter(n)) return;
    saisie.erreurApp = null;
    if (r.resultat) {
      const foyer = commande === "estimer_foyer";
      saisie.resultat = foyer ? null : (r.resultat as Resultat);
      saisie.resultatFoyer = foyer ? (r.resultat as ResultatFoyer) : null;
      if (!foyer) saisie.offres = offresProposees(r.resultat as Resultat, saisie.offres);
      saisie.erreurMoteur = null;
    } else if (r.erreur) {
      saisie.erreurMoteur = r.erreur;
    }
    saisie.resultatPerime = !r.resultat || !ordre.aJour();
    if (r.resultat) affiche();
  } catch (e) {
    if (ordre.accepter(n)) saisie.erreurApp = toIpcError(e);
  }
});

/**
 * Asks the engine for the estimate of the situation document `texte`. The
 * result on screen stays until a newer one arrives; an answer older than
 * the one shown is dropped.
 */
export function demanderEstimation(texte: string, affiche: () => void, commande: DemandeEstimation["commande"] = "estimer"): void {
  saisie.resultatPerime = true;
  envoi.demander({ commande, texte, n: ordre.nouvelle(), affiche });
}

/** The form cannot be computed now: no answer asked so far is shown. */
export function estimationImpossible(): void {
  ordre.abandonnerEnCours();
  saisie.erreurMoteur = null;
  if (saisie.actes.length === 0 && saisie.foyer.autres.length === 0) {
    saisie.resultat = null;
    saisie.resultatFoyer = null;
  }
  saisie.resultatPerime = saisie.resultat !== null || saisie.resultatFoyer !== null;
}

/** Typed work not in the history: what the draft keeps and « Nouvelle » asks about. */
export function aSauver(): boolean {
  return travailNonEnregistre(saisie.form, saisie.actes, saisie.enregistree, saisie.alternative, saisie.foyer);
}

// ------------------------------------------------------------ replacing the estimate

/** Empties the form (date of care: today). */
export function viderEstimation(): void {
  saisie.form = nouvelleSituation(aujourdhuiFr(new Date()));
  saisie.actes = [];
  saisie.alternative = [];
  saisie.foyer = nouveauFoyer();
  saisie.personne = 0;
  saisie.resultat = null;
  saisie.resultatFoyer = null;
  saisie.erreurMoteur = null;
  saisie.rouvert = null;
  saisie.enregistrement = enregistrementFerme();
  saisie.enregistree = null;
}

/** Puts a saved estimate (already read into the form) on screen; it is not unsaved work. */
export function poserRouverte(form: FormSituation, actes: FormActe[], alternative: FormActe[], r: EstimationARouvrir, foyer: FormFoyer = nouveauFoyer()): void {
  saisie.form = form;
  saisie.actes = actes;
  saisie.alternative = alternative;
  saisie.foyer = foyer;
  saisie.personne = 0;
  saisie.rouvert = { numero: r.numero, bareme: r.bareme, changementBareme: r.changementBareme };
  saisie.enregistrement = enregistrementFerme();
  saisie.enregistree = signature(form, actes, alternative, foyer);
}

/** After a save: what is on screen is in the history. */
export function marquerEnregistree(): void {
  saisie.enregistree = signature(saisie.form, saisie.actes, saisie.alternative, saisie.foyer);
}

// ------------------------------------------------------------ the draft

export const brouillon = $state({
  /** Nothing is written before the database was asked for a previous draft. */
  verifie: false,
  /** A draft left by a previous session, offered until the adviser answers. */
  propose: null as { contenu: ContenuBrouillon; ecritLe: string } | null,
  /** Why the last write failed ("" when it did not). */
  erreur: "",
});

// The draft is written once the engine has answered the state typed (its
// call would otherwise share the way to Rust and back with the estimate the
// adviser waits for): a few ms later, the same last state.
const ecriture = new EcritureCoalescee<string | null>(
  async (texte) => {
    await envoi.attendreRepos();
    if (texte === null) await call<void>("brouillon_effacer");
    else await call<void>("brouillon_ecrire", { contenu: texte });
    brouillon.erreur = "";
  },
  (e) => (brouillon.erreur = toIpcError(e).message),
);

/**
 * Asks the writer for the draft of the estimate as it is now (or for no
 * draft when there is no unsaved work). Read inside an effect, this follows
 * every change of the form. Nothing is written while an offer is pending:
 * the draft on disk is the one offered.
 */
export function suivreBrouillon(): void {
  const texte = aSauver()
    ? versBrouillon({
        form: saisie.form,
        actes: saisie.actes,
        alternative: saisie.alternative,
        rouvert: saisie.rouvert,
        initiales: saisie.enregistrement.initiales,
        reference: saisie.enregistrement.reference,
        foyer: saisie.foyer,
      })
    : null;
  if (!brouillon.verifie || brouillon.propose) return;
  ecriture.demander(texte);
}

let verification: Promise<void> | null = null;

/** Once per session: is there a draft from a session that did not end? */
export function verifierBrouillon(): Promise<void> {
  verification ??= (async () => {
    try {
      const b = await call<BrouillonVue | null>("brouillon_lire");
      const contenu = b ? lireBrouillon(b.contenu) : null;
      if (b && contenu && travailNonEnregistre(contenu.form, contenu.actes, null, contenu.alternative, contenu.foyer ?? null)) {
        ecriture.supposerEcrite(b.contenu);
        brouillon.propose = { contenu, ecritLe: b.ecrit_le };
      } else if (b) {
        ecriture.demander(null); // empty or unreadable: nothing to offer
      } else {
        ecriture.supposerEcrite(null);
      }
    } catch (e) {
      brouillon.erreur = toIpcError(e).message;
    } finally {
      brouillon.verifie = true;
    }
  })();
  return verification;
}

/** Takes the offered draft back: the form exactly as it was typed. */
export function reprendreBrouillon(): void {
  const p = brouillon.propose;
  if (!p) return;
  viderEstimation();
  saisie.form = p.contenu.form;
  saisie.actes = p.contenu.actes;
  saisie.alternative = p.contenu.alternative ?? [];
  saisie.foyer = p.contenu.foyer ?? nouveauFoyer();
  saisie.rouvert = p.contenu.rouvert;
  saisie.enregistrement.initiales = p.contenu.initiales;
  saisie.enregistrement.reference = p.contenu.reference;
  brouillon.propose = null;
}

/** Drops the offered draft; what is on screen becomes the draft. */
export function abandonnerBrouillon(): void {
  brouillon.propose = null;
  ecriture.demander(null);
}

/** Resolves once the draft on disk is the last state asked (tests, measures). */
export function brouillonEcrit(): Promise<void> {
  return ecriture.attendreRepos();
}

// ------------------------------------------------------------ dropping unsaved work

/** What the adviser asked that would drop unsaved work, waiting for a confirmation. */
export type DemandeAbandon = { quoi: "nouvelle" } | { quoi: "rouvrir"; r: EstimationARouvrir };

export const abandon = $state({ demande: null as DemandeAbandon | null });
