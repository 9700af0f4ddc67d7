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
