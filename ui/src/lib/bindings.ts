// Generated from the Rust transport types (src-tauri/transport) by ts-rs.
// Do not edit: run `UPDATE_BINDINGS=1 cargo test --lib bindings` instead.

export type IpcError = { code: ErrorCode, message: string, };

export type ErrorCode = "invalid_input" | "database" | "not_found" | "unsigned_tariff" | "internal";

export type AppInfo = { version: string, db_path: string, schema_version: number, };

export type OptionsImpression = { 
/**
 * The section's name printed at the top; the default when absent.
 */
section: string | null, 
/**
 * The history number, when the estimate was saved.
 */
numero: string | null, initiales: string | null, 
/**
 * The folder that keeps the copies; `~/Documents/Guichet` when absent.
 */
dossier: string | null, };

export type Impression = { 
/**
 * The PDF kept in the copies folder.
 */
chemin: string, 
/**
 * Whether the system viewer was started.
 */
ouvert: boolean, };

export type ChecklistSummary = { id: string, 
/**
 * Short name for the list ("Maternité").
 */
label: string, title: string, intro: string, fields: Array<FieldSpec>, };

export type FieldSpec = { field: Field, label: string, kind: FieldKind, 
/**
 * Must be entered.
 */
required: boolean, 
/**
 * Fields sharing a group: at least one of them must be entered.
 */
group: string | null, 
/**
 * One line of help under the input.
 */
help: string | null, 
/**
 * For a choice: the allowed values.
 */
choices: Array<Choice>, 
/**
 * The command-line flag.
 */
flag: string, };

export type Field = "debut_grossesse" | "terme" | "date_accouchement" | "constatation_grossesse" | "date_arret" | "statut" | "date_perte" | "motif" | "date_soins";

export type FieldKind = "date" | "choice";

export type Choice = { value: string, label: string, };

export type SituationText = { debut_grossesse: string | null, terme: string | null, date_accouchement: string | null, constatation_grossesse: string | null, date_arret: string | null, statut: string | null, date_perte: string | null, motif: string | null, date_soins: string | null, };

export type Checklist = { 
/**
 * "maternite", "arret-travail", …
 */
id: string, title: string, intro: string, 
/**
 * What was entered, in French ("Date de l'arrêt de travail : 05/01/2026").
 */
situation: Array<SituationLine>, items: Array<ChecklistItem>, 
/**
 * The document the texts come from.
 */
source_document: string, };

export type SituationLine = { field: Field, label: string, value: string, };

export type ChecklistItem = { 
/**
 * Stable key within the checklist ("declaration-grossesse").
 */
id: string, 
/**
 * The sentence, dates in French format already filled in.
 */
text: string, 
/**
 * The date computed for this item, if it has one.
 */
date: ItemDate | null, 
/**
 * Who to contact or send to.
 */
recipient: string | null, 
/**
 * What to send.
 */
to_send: string | null, 
/**
 * Where the rule comes from.
 */
source: SourceRef, 
/**
 * To highlight: a deadline or a point not to miss.
 */
important: boolean, 
/**
 * Dated amounts quoted in the text, with their sources.
 */
amounts: Array<DatedAmount>, 
/**
 * How a date was obtained when not from the member's own dates.
 */
notes: Array<string>, };

export type ItemDate = { "kind": "due", due: ComputedDate, } | { "kind": "not_before", earliest: ComputedDate, } | { "kind": "period", start: ComputedDate, end: ComputedDate, };

export type ComputedDate = { date: string, 
/**
 * The date it is counted from.
 */
from: Anchor, from_date: string, 
/**
 * The rule in words: "début de grossesse (10/03/2026) + 3 mois − 1 jour".
 */
rule: string, };

export type Anchor = "debut_grossesse" | "accouchement" | "constatation_grossesse" | "date_arret" | "date_perte" | "date_soins";

export type SourceRef = { 
/**
 * As printed: "Guide Sécurité sociale MGEN, « Maternité »".
 */
section: string, 
/**
 * Where to check it: "seed 000, l. 272-295".
 */
reference: string, };

export type DatedAmount = { name: string, label: string, amount: string, 
/**
 * First day this amount applies.
 */
since: string, source: string, };

export type Offre = "initiale" | "equilibre" | "reference" | "integrale";

export type Nature = "pourcentage_brss" | "forfait" | "ticket_moderateur" | "forfait_journalier_en_vigueur" | "neant";

export type VersionBaremeInfo = { id: number, nom: string, 
/**
 * `AAAA-MM-JJ`
 */
en_vigueur_le: string, 
/**
 * `AAAA-MM-JJTHH:MM:SS` (UTC)
 */
importe_le: string, sha256: string, origine: string, source: string, nb_lignes: number, };

export type EtatBaremes = { versions: Array<VersionBaremeInfo>, avertissement: string | null, };

export type TableBareme = { version: VersionBaremeInfo, sections: Array<SectionBareme>, 
/**
 * How many cells carry a reading note ("lecture à confirmer").
 */
nb_notes: number, };

export type SectionBareme = { titre: string, rangees: Array<RangeeBareme>, };

export type RangeeBareme = { 
/**
 * Annexe reference as printed ("26.3.2.1").
 */
ligne: string, libelle: string, variante: { [key in string]?: string }, source: string, codes_lpp: Array<string>, 
/**
 * Initiale, Équilibre, Référence, Intégrale, in that order.
 */
cases: Array<CaseBareme>, 
/**
 * Lower case, without accents: reference, section, label, codes, cells.
 */
recherche: string, };

export type CaseBareme = { offre: Offre, nature: Nature, 
/**
 * As printed in the Annexe ("33 €/nuitée", "Néant").
 */
texte: string, 
/**
 * What the text implies, in French words: limits, shared envelope,
 * what is paid beyond, how a forfait journalier cell is read.
 */
precisions: Array<string>, 
/**
 * Reading note: the cell is shown "lecture à confirmer".
 */
note: string | null, };

export type ResultatImport = { statut: string, message: string, version: VersionBaremeInfo, };

export type EstimationResume = { 
/**
 * `AAAA-NNNNNN`
 */
numero: string, 
/**
 * `AAAA-MM-JJTHH:MM:SS`, local time of the save.
 */
enregistre_le: string, 
/**
 * `AAAA-MM-JJ`
 */
date_soins: string, initiales: string | null, reference: string | null, 
/**
 * Barème (version name or checksum) the estimate was made with.
 */
bareme: string | null, };

export type EstimationDetail = { numero: string, enregistre_le: string, date_soins: string, initiales: string | null, reference: string | null, bareme: string | null, 
/**
 * `sha256:…` of the canonical text of `situation`.
 */
empreinte: string, situation: Record<string, unknown>, };

export type PageHistorique = { 
/**
 * How many saved estimates match the search, over all pages.
 */
total: number, 
/**
 * 1 for the first page.
 */
page: number, par_page: number, estimations: Array<EstimationResume>, };

export type EstimationNumerotee = { numero: string, enregistre_le: string, empreinte: string, };

export type ReglagesHistorique = { 
/**
 * Saved estimates older than this many days are removed at start.
 */
conservation_jours: number, };

export type SauvegardeInfo = { 
/**
 * File name, what `guichet base restaurer` takes.
 */
nom: string, 
/**
 * `AAAA-MM-JJTHH:MM:SS`
 */
faite_le: string, taille_octets: number, 
/**
 * Saved estimates it holds, when it is sound.
 */
estimations: number | null, 
/**
 * Why it cannot be used, when it is damaged.
 */
probleme: string | null, };

export type EtatBase = { chemin: string, 
/**
 * Set when the database could not be opened (damaged): the app then
 * offers to restore a backup.
 */
probleme: string | null, 
/**
 * What the start did: backup made, estimates purged, or why not.
 */
demarrage: Array<string>, sauvegardes: Array<SauvegardeInfo>, };

export type RestaurationInfo = { sauvegarde: string, 
/**
 * Where the previous database file was kept (never deleted).
 */
mise_de_cote: string | null, };

export type ExportReference = { reference: string, estimations: Array<EstimationDetail>, };

export type Offre = "initiale" | "equilibre" | "reference" | "integrale";

export type Situation = { 
/**
 * Default date of care.
 */
date: string, 
/**
 * One offer, or `None` for the four.
 */
offre: Offre | null, assure: Assure, actes: Array<Acte>, };

export type Statut = "fonctionnaire" | "non_fonctionnaire" | "retraite" | "etudiant" | "ayant_droit";

export type Assure = { date_naissance: string, statut: Statut | null, parcours_soins: boolean, css: boolean, handicap: boolean, date_adhesion: string | null, grossesse: Grossesse | null, deja_utilise: DejaUtilise | null, };

export type Grossesse = { debut: string, terme: string, 
/**
 * Actual date of birth, when known; otherwise the term is used.
 */
accouchement: string | null, };

export type DejaUtilise = { participations_forfaitaires: string | null, franchises: string | null, enveloppes: Record<string, string>, seances_psychotherapie: number | null, appareils_auditifs: number | null, implants: number | null, couronnes_sur_implant: number | null, semestres_orthodontie: number | null, dernier_equipement_optique: string | null, };

export type Sejour = "mco" | "maternite" | "psychiatrie" | "ssr";

export type Dent = "incisive_canine_premolaire" | "molaire";

export type DebutTraitement = "avant_16_ans" | "apres_16_ans";

export type Acte = { code: string, date: string | null, quantite: number, frais_reels: string | null, brss: string | null, taux_amo: string | null, exoneration_tm: boolean | null, praticien: string | null, optam: boolean | null, reseau: boolean | null, conventionne: boolean | null, cecite: boolean | null, evolution_vue: boolean | null, nuits: number | null, jours: number | null, appareils: number | null, sejour: Sejour | null, element: string | null, code_lpp: string | null, dent: Dent | null, materiau: string | null, debut_traitement: DebutTraitement | null, dents: number | null, };

export type GenreExplication = "calcul" | "plafond" | "limite" | "avertissement";

export type Explication = { genre: GenreExplication, 
/**
 * French text with the numbers ("70 % × 25,00 € = 17,50 €").
 */
formule: string, 
/**
 * Annexe line ("Annexe 2, ligne 2.1") or AMO parameter id ("taux.medecin").
 */
reference: string, 
/**
 * Date of effect of the value used (barème or parameter value).
 */
date_effet: string | null, 
/**
 * Where the value comes from.
 */
source: string, };

export type CodeAvertissement = "lecture_a_confirmer" | "limite_atteinte" | "enveloppe_epuisee" | "bareme_ancien" | "parametre_amo_non_verifie" | "hors_renouvellement" | "condition_non_remplie" | "information";

export type Avertissement = { code: CodeAvertissement, message: string, };

export type PartAmo = { 
/**
 * BRSS × rate, before any deduction.
 */
brut: string, participation_forfaitaire: string, franchise: string, 
/**
 * The heavy-act participation (R.160-16: 18 €, 24 € from 2019).
 */
participation_18: string, 
/**
 * brut − the three deductions: what the member receives.
 */
net: string, };

export type ResultatActe = { 
/**
 * Position of the act in the input `actes`.
 */
index: number, code: string, libelle: string, date: string, quantite: number, frais_reels: string, 
/**
 * The base used by the AMO (total for the line), 0 when not reimbursed.
 */
brss: string, 
/**
 * The AMO rate applied, in percent.
 */
taux_amo: string, amo: PartAmo, mgen: string, 
/**
 * frais_reels − amo.net − mgen.
 */
reste_a_charge: string, 
/**
 * Annexe lines applied ("2.1", "20"…).
 */
lignes_annexe: Array<string>, 
/**
 * The MGEN table used ("MGEN Annexe 2 — 2018").
 */
bareme: string, 
/**
 * True when an amount depends on an ambiguous cell.
 */
lecture_a_confirmer: boolean, explications: Array<Explication>, avertissements: Array<Avertissement>, };

export type Totaux = { frais_reels: string, brss: string, amo: PartAmo, mgen: string, reste_a_charge: string, };

export type ResultatOffre = { offre: Offre, 
/**
 * "MGEN Référence".
 */
libelle: string, actes: Array<ResultatActe>, totaux: Totaux, 
/**
 * Whether any amount of this offer depends on an ambiguous cell.
 */
lecture_a_confirmer: boolean, };

export type BaremeUtilise = { nom: string, en_vigueur_le: string, source: string, };

export type PeriodeMaternite = { 
/**
 * 1st day of the 6th month of pregnancy.
 */
debut: string, 
/**
 * 12th day after the birth (or the term when the birth date is unknown).
 */
fin: string, explication: string, };

export type Resultat = { 
/**
 * The situation's date.
 */
date: string, 
/**
 * One entry per offer asked, in the table's column order.
 */
offres: Array<ResultatOffre>, baremes: Array<BaremeUtilise>, amo_verifie_jusqu_au: string, maternite: PeriodeMaternite | null, 
/**
 * Warnings about the whole estimate (old table, unchecked AMO values…).
 */
avertissements: Array<Avertissement>, 
/**
 * How amounts are rounded (said once for the whole estimate).
 */
arrondi: string, 
/**
 * "Estimation indicative…" — to print with the figures.
 */
mention: string, };

export type Champ = "optam" | "reseau" | "conventionne" | "cecite" | "evolution_vue" | "nuits" | "jours" | "appareils" | "sejour" | "element" | "code_lpp" | "dent" | "materiau" | "debut_traitement" | "dents";

export type ElementDeclare = { valeur: string, libelle: string, };

export type EnveloppeDeclaree = { id: string, libelle: string, lignes: Array<string>, };

export type ActeVue = { code: string, libelle: string, section: string, lignes: Array<string>, synonymes: Array<string>, 
/**
 * Reimbursed by the Sécurité sociale.
 */
rembourse: boolean, 
/**
 * The BRSS must be typed (no default base for this act).
 */
brss_a_saisir: boolean, 
/**
 * Fields the act requires.
 */
champs: Array<Champ>, 
/**
 * Fields the act accepts.
 */
champs_optionnels: Array<Champ>, elements: Array<ElementDeclare>, materiaux: Array<string>, codes_lpp: Array<string>, age_moins_de: number | null, note: string | null, 
/**
 * The frais réels may be left out (forfait journalier).
 */
frais_reels_optionnels: boolean, };

export type CatalogueVue = { actes: Array<ActeVue>, enveloppes: Array<EnveloppeDeclaree>, };

export type ErreurChampVue = { chemin: string, message: string, };

export type ReponseEstimation = { resultat: Resultat | null, erreur: ErreurChampVue | null, };
