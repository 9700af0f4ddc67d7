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
dossier: string | null, 
/**
 * Estimate only: append the checklist the situation calls for (a
 * pregnancy → the maternité checklist with its dates). Absent = yes.
 */
fiche_jointe: boolean | null, };

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

export type Offre = string;

export type OffreBareme = { code: Offre, 
/**
 * "MGEN Référence".
 */
libelle: string, };

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

export type TableBareme = { version: VersionBaremeInfo, 
/**
 * The grid's offers, in its column order, with their printed names.
 */
offres: Array<OffreBareme>, sections: Array<SectionBareme>, 
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
 * One per offer of the grid, in its column order.
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

export type VersionComparee = { nom: string, 
/**
 * `AAAA-MM-JJ`
 */
en_vigueur_le: string, };

export type RangeeComparee = { 
/**
 * The table's section ("OPTIQUE"), as printed.
 */
section: string, ligne: string, variante: { [key in string]?: string }, libelle: string, 
/**
 * The printed cells, in the grid's column order.
 */
cases: { [key in Offre]?: string }, };

export type CaseModifiee = { 
/**
 * The table's section ("OPTIQUE"), as printed.
 */
section: string, ligne: string, variante: { [key in string]?: string }, libelle: string, offre: Offre, avant: string, apres: string, };

export type DiffBareme = { avant: VersionComparee, apres: VersionComparee, 
/**
 * The offers of the two versions, in the later one's column order,
 * then those only the earlier one has; each with its printed name.
 */
offres: Array<OffreBareme>, rangees_ajoutees: Array<RangeeComparee>, rangees_retirees: Array<RangeeComparee>, cases_modifiees: Array<CaseModifiee>, };

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
bareme: string | null, 
/**
 * Persons of the saved document: 1 for a single member, more for a
 * household.
 */
personnes: number, };

export type EstimationDetail = { numero: string, enregistre_le: string, date_soins: string, initiales: string | null, reference: string | null, bareme: string | null, 
/**
 * `sha256:…` of the canonical text of `situation`.
 */
empreinte: string, situation: Record<string, unknown>, 
/**
 * Set when reopened (`historique_afficher`): how the barème in force
 * on the date of care differs from the one recorded at the save, in
 * French; null when it is the same (and in exports).
 */
changement_bareme: string | null, };

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

export type Situation = { 
/**
 * Default date of care.
 */
date: string, 
/**
 * One offer, or `None` for the four.
 */
offre: Offre | null, assure: Assure, actes: Array<Acte>, 
/**
 * The 100 % Santé equipment the practitioner must also offer in a
 * devis (optics, dental, hearing): estimated beside the chosen one.
 */
alternative_100_sante?: Array<Acte>, };

export type Statut = "fonctionnaire" | "non_fonctionnaire" | "retraite" | "etudiant" | "ayant_droit";

export type Assure = { date_naissance: string, statut: Statut | null, parcours_soins: boolean, css: boolean, handicap: boolean, date_adhesion: string | null, grossesse: Grossesse | null, deja_utilise: DejaUtilise | null, };

export type Grossesse = { debut: string, terme: string, 
/**
 * Actual date of birth, when known; otherwise the term is used.
 */
accouchement: string | null, };

export type DejaUtilise = { participations_forfaitaires: string | null, franchises: string | null, enveloppes: Record<string, string>, seances_psychotherapie: number | null, appareils_auditifs: number | null, implants: number | null, couronnes_sur_implant: number | null, semestres_orthodontie: number | null, dernier_equipement_optique: string | null, 
/**
 * Date of the last hearing aid paid (100 % Santé renewal, 4 years).
 */
derniere_aide_auditive?: string, };

export type Sejour = "mco" | "maternite" | "psychiatrie" | "ssr";

export type Dent = "incisive_canine_premolaire" | "molaire";

export type Panier = "classe_a" | "classe_b" | "panier_100_sante" | "tarifs_maitrises" | "tarifs_libres" | "classe_1" | "classe_2";

export type DebutTraitement = "avant_16_ans" | "apres_16_ans";

export type Acte = { code: string, date: string | null, quantite: number, frais_reels: string | null, brss: string | null, taux_amo: string | null, exoneration_tm: boolean | null, praticien: string | null, optam: boolean | null, reseau: boolean | null, conventionne: boolean | null, cecite: boolean | null, evolution_vue: boolean | null, nuits: number | null, jours: number | null, appareils: number | null, sejour: Sejour | null, element: string | null, code_lpp: string | null, 
/**
 * The CCAM code printed on the devis line (dental prosthetics: four
 * capital letters, three digits).
 */
code_ccam?: string, dent: Dent | null, materiau: string | null, debut_traitement: DebutTraitement | null, dents: number | null, 
/**
 * The basket (class) the devis puts the item in (optics, dental
 * prosthetics, hearing aids; from the reform's dates).
 */
panier?: Panier, 
/**
 * The price limit (PLV or HLF) printed on the devis for the whole
 * line, when our sources do not give it.
 */
prix_limite?: string, };

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

export type CodeAvertissement = "lecture_a_confirmer" | "limite_atteinte" | "enveloppe_epuisee" | "bareme_ancien" | "parametre_amo_non_verifie" | "prix_limite_depasse" | "hors_renouvellement" | "condition_non_remplie" | "information";

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
mention: string, 
/**
 * The devis's 100 % Santé alternative, estimated under the same
 * offers (absent when the situation gives none).
 */
alternative_100_sante?: Array<ResultatOffre>, };

export type Relation = "adherent" | "conjoint" | "enfant" | "autre";

export type Personne = { relation: Relation, 
/**
 * A first name or a mark for the printout (optional).
 */
nom?: string, assure: Assure, actes: Array<Acte>, 
/**
 * The 100 % Santé option of this person's devis (#16), as in the
 * single-member document: estimated as this person's acts instead of
 * the chosen ones, the rest of the household unchanged.
 */
alternative_100_sante?: Array<Acte>, };

export type Variation = { personne: number, acte: number, };

export type GrilleAppliquee = { libelle: string, date_effet: string, };

export type SituationFoyer = { date: string, offre: Offre | null, foyer: Array<Personne>, 
/**
 * The yearly cotisation of each offer for this household, as the
 * adviser enters it from the section's grid (none ships with Guichet).
 */
cotisations: Partial<Record<Offre, string>> | undefined, variation?: Variation, 
/**
 * The section's grid the cotisations were filled from, when they were
 * not changed since (for the print; the engine does not read it).
 */
grille_cotisations?: GrilleAppliquee, };

export type ResultatPersonne = { nom: string, relation: Relation, 
/**
 * The same result as a single-member estimate, its limits and
 * envelopes counted with the household's where the Annexe reads so.
 */
resultat: Resultat, };

export type TotalFoyer = { offre: Offre, libelle: string, totaux: Totaux, lecture_a_confirmer: boolean, };

export type CoutOffre = { offre: Offre, libelle: string, 
/**
 * As entered; `None`: « cotisations non renseignées ».
 */
cotisation: string | null, 
/**
 * The household's reste à charge of the planned care.
 */
reste_a_charge: string, 
/**
 * cotisation + reste à charge, when the cotisation is entered.
 */
cout_net: string | null, 
/**
 * cout_net − the cheapest one's, when every offer has its cotisation.
 */
ecart: string | null, moins_chere: boolean, 
/**
 * "Cotisations 720,00 € + reste à charge 514,56 € = 1 234,56 €".
 */
explication: string, };

export type Bascule = { personne: number, acte: number, 
/**
 * `None` when no count up to [`UNITES_EN_PLUS_MAX`] changes it.
 */
unites_en_plus: number | null, offre: Offre | null, message: string, };

export type CoutAnnuel = { offres: Array<CoutOffre>, 
/**
 * The comparison in one sentence, with its figures, or why there is
 * none (« cotisations non renseignées »).
 */
conclusion: string, bascule: Bascule | null, };

export type ResultatFoyer = { date: string, personnes: Array<ResultatPersonne>, 
/**
 * One entry per offer asked, in the table's column order.
 */
foyer: Array<TotalFoyer>, 
/**
 * Cotisations + reste à charge per offer, and what would change the
 * cheapest one.
 */
cout: CoutAnnuel, arrondi: string, mention: string, };

export type ReponseEstimationFoyer = { resultat: ResultatFoyer | null, erreur: ErreurChampVue | null, };

export type Champ = "optam" | "reseau" | "conventionne" | "cecite" | "evolution_vue" | "nuits" | "jours" | "appareils" | "sejour" | "element" | "code_lpp" | "code_ccam" | "dent" | "materiau" | "debut_traitement" | "dents";

export type ElementDeclare = { valeur: string, libelle: string, };

export type EnveloppeDeclaree = { id: string, libelle: string, lignes: Array<string>, };

export type FicheActe = { code: string, libelle: string, section: string, 
/**
 * Annexe 2 lines ("2.1", "2.2").
 */
lignes: Array<string>, 
/**
 * Words people use, for the search.
 */
synonymes: Array<string>, 
/**
 * Reimbursed by the Sécurité sociale.
 */
rembourse: boolean, 
/**
 * Fields the act requires besides code, date, quantite, frais_reels.
 */
champs: Array<Champ>, 
/**
 * Fields the act accepts.
 */
champs_optionnels: Array<Champ>, elements: Array<ElementDeclare>, materiaux: Array<string>, codes_lpp: Array<string>, 
/**
 * The baskets of the 100 % Santé reform a devis may put the act in.
 */
paniers: Array<Panier>, note: string | null, };

export type ChampRequisSi = { champ: Champ, 
/**
 * Condition (`parcours_soins`, `optam`, `reseau`, `conventionne`,
 * `cecite`, `molaire`) → the value it must have.
 */
si: { [key in string]?: boolean }, };

export type ActeVue = { 
/**
 * The BRSS must be typed (no default base for this act).
 */
brss_a_saisir: boolean, age_moins_de: number | null, 
/**
 * The frais réels may be left out (forfait journalier).
 */
frais_reels_optionnels: boolean, 
/**
 * When an accepted field (`champs_optionnels`) is needed all the same:
 * a line of the act reads it once these conditions hold (`optam` for a
 * specialist in the parcours de soins, `materiau` for a crown at a
 * dentist conventionné MGEN). The act editor labels a field « facultatif »
 * only when none of these can hold.
 */
champs_requis_si: Array<ChampRequisSi>, code: string, libelle: string, section: string, 
/**
 * Annexe 2 lines ("2.1", "2.2").
 */
lignes: Array<string>, 
/**
 * Words people use, for the search.
 */
synonymes: Array<string>, 
/**
 * Reimbursed by the Sécurité sociale.
 */
rembourse: boolean, 
/**
 * Fields the act requires besides code, date, quantite, frais_reels.
 */
champs: Array<Champ>, 
/**
 * Fields the act accepts.
 */
champs_optionnels: Array<Champ>, elements: Array<ElementDeclare>, materiaux: Array<string>, codes_lpp: Array<string>, 
/**
 * The baskets of the 100 % Santé reform a devis may put the act in.
 */
paniers: Array<Panier>, note: string | null, };

export type CatalogueVue = { actes: Array<ActeVue>, enveloppes: Array<EnveloppeDeclaree>, 
/**
 * The baskets of the 100 % Santé reform, for the devis lines.
 */
paniers: Array<PanierVue>, };

export type PanierVue = { id: Panier, 
/**
 * "classe A (100 % Santé)".
 */
libelle: string, 
/**
 * Whether nothing is left to pay within the price limit (from the
 * dates of the reform).
 */
cent_pour_cent_sante: boolean, 
/**
 * First day a devis can put an item in it.
 */
existe_depuis: string, };

export type ErreurChampVue = { chemin: string, message: string, };

export type ReponseEstimation = { resultat: Resultat | null, erreur: ErreurChampVue | null, };

export type BrouillonVue = { 
/**
 * The screen's own JSON text: the form exactly as typed.
 */
contenu: string, 
/**
 * Local time of the last write, `AAAA-MM-JJTHH:MM:SS`.
 */
ecrit_le: string, };

export type MontantsOffre = { offre: Offre, adherent: string | null, conjoint: string | null, 
/**
 * Per child.
 */
enfant: string | null, };

export type GrilleCotisations = { 
/**
 * « Section 75 — 2027 ».
 */
libelle: string, 
/**
 * The first day the grid applies (date d'effet).
 */
date_effet: string, offres: Array<MontantsOffre>, };

export type GrilleEnregistree = { id: number, grille: GrilleCotisations, };

export type MontantsSaisis = { offre: string, adherent: string | null, conjoint: string | null, enfant: string | null, };

export type GrilleSaisie = { id: number | null, libelle: string, 
/**
 * AAAA-MM-JJ.
 */
date_effet: string, offres: Array<MontantsSaisis>, };

export type CotisationGrille = { offre: Offre, 
/**
 * The household's yearly cotisation (two decimals); `None` when the
 * grid cannot give it (`manque` says whose, or `absente`).
 */
montant: string | null, 
/**
 * The sum written out: « adhérent 612,40 € + conjoint 580,00 € +
 * 1 enfant × 150,50 € = 1 342,90 € »; "" without an amount.
 */
detail: string, 
/**
 * The persons the grid has no amount for, in the household's role
 * order (« l'enfant », « l'autre bénéficiaire »).
 */
manque: Array<string>, 
/**
 * The offer is not in the grid.
 */
absente: boolean, };

export type ErreurSimulateur = { code: ErrorCode, message: string, champ: string | null, };

export type Note = { texte: string, article: string, a_confirmer: boolean, };

export type StatutCondition = "remplie" | "non_remplie" | "a_verifier";

export type Condition = { 
/**
 * Stable identifier (`age_emprunteur`, `duree_relais`, …).
 */
code: string, 
/**
 * What the notice requires, in a few words.
 */
libelle: string, statut: StatutCondition, 
/**
 * What was found in this case (figures, dates), in French.
 */
detail: string, article: string, };

export type PretSaisie = { montant: string, 
/**
 * `amortissable`, `relais`, `travaux` (crédit à la consommation affecté
 * à des travaux) or `in-fine`.
 */
type: string, duree_mois: string, };

export type CautionSaisie = { prets: Array<PretSaisie>, 
/**
 * Loan insurance other than the CNP contract taken out by MGEN.
 */
autre_assurance: boolean, date_demande: string, date_naissance: string, date_naissance_co_emprunteur: string, 
/**
 * Effect date of the loan (and of its insurance); the request date when empty.
 */
date_effet: string, 
/**
 * `ancien`, `ancien-travaux`, `neuf` or `terrain`.
 */
operation: string, cout_operation: string, apport: string, 
/**
 * Share of the property the member owns, in percent.
 */
quote_part: string, 
/**
 * Capital still due on other operations guaranteed by MGEN.
 */
encours_autres: string, 
/**
 * `metropole`, `drom`, `com` (pays d'outre-mer) or `etranger`.
 */
localisation: string, };

export type LigneTranche = { 
/**
 * "de 80 000 € à 130 000 €".
 */
tranche: string, 
/**
 * The part of the amount borrowed inside the tranche.
 */
base: string, taux_pct: string | null, forfait: string | null, 
/**
 * Rounded to the cent.
 */
montant: string, 
/**
 * The arithmetic in French: "(110 000,00 € − 80 000,00 €) × 0,90 % = 270,00 €".
 */
calcul: string, };

export type CotisationCaution = { montant_emprunte: string, lignes: Array<LigneTranche>, 
/**
 * Sum of the lines.
 */
cotisation_base: string, 
/**
 * Added when the loan insurance is not the CNP contract (0 otherwise).
 */
majoration_autre_assurance: string, cotisation: string, };

export type FinParAge = { 
/**
 * "emprunteur" or "co-emprunteur".
 */
personne: string, veille_76e_anniversaire: string, };

export type CautionResultat = { 
/**
 * Total of the loans.
 */
montant_total: string, 
/**
 * What the member pays, once, at the effect date (art. 8).
 */
cotisation: string, detail: CotisationCaution, 
/**
 * `true` all conditions hold, `false` one fails, `null` none fails but
 * some could not be checked for lack of information.
 */
eligible: boolean | null, 
/**
 * The failing conditions, in French.
 */
motifs: Array<string>, conditions: Array<Condition>, 
/**
 * Personal contribution required (art. 6-2-4), when the loans exceed 130 000 €.
 */
apport_exige: string | null, 
/**
 * 1 000 000 € minus the capital still due on other guaranteed operations.
 */
plafond_disponible: string, date_effet: string | null, 
/**
 * Term of the longest loan.
 */
terme_prets: string | null, fins_par_age: Array<FinParAge>, 
/**
 * Last day the guarantee runs.
 */
date_fin: string | null, avertissements: Array<string>, 
/**
 * Conditions the section studies on the file, beyond this tool.
 */
a_verifier_par_la_section: Array<string>, notes: Array<Note>, source: string, };

export type CoremSaisie = { cotisation_annuelle: string, versements: Array<string>, date_naissance: string, date_demande: string, 
/**
 * `membre` (membre participant MGEN), `conjoint` (bénéficiaire conjoint
 * MGEN) or `autre`.
 */
qualite: string, en_activite: boolean | null, 
/**
 * On sick leave at the request.
 */
en_arret: boolean, 
/**
 * In invalidity at the request.
 */
en_invalidite: boolean, };

export type CoremDates = { 
/**
 * 1st of the month after the request (art. 3).
 */
date_effet: string, 
/**
 * 31 December of the year of effect; renewed each 1st January (art. 3).
 */
fin_premiere_periode: string, 
/**
 * Last day of the 3-year waiting period (art. 3).
 */
fin_delai_attente: string, 
/**
 * First day an invalidity can give rise to the benefit.
 */
garantie_acquise_le: string, 
/**
 * The 60th birthday, when the right ends (art. 4).
 */
date_fin: string, };

export type CoremResultat = { 
/**
 * `cotisation_annuelle` or `moyenne`.
 */
mode: string, 
/**
 * The Corem contribution the rate applies to (for an average, rounded to
 * the cent for display; the cotisation uses the exact average).
 */
assiette: string, versements: Array<string>, taux_pct: string, 
/**
 * Yearly cotisation of the guarantee, paid at once…
 */
cotisation: string, 
/**
 * …or in `mensualites` payments: this amount, the last one `derniere_mensualite`.
 */
mensualite: string, derniere_mensualite: string, mensualites: number, 
/**
 * The arithmetic in French.
 */
calcul: string, eligible: boolean, motifs: Array<string>, conditions: Array<Condition>, age_a_la_demande: number, dates: CoremDates | null, avertissements: Array<string>, notes: Array<Note>, source: string, };

export type PrimeSaisie = { 
/**
 * Date of joining the règlement MGEN Santé Prévoyance.
 */
date_adhesion: string, 
/**
 * Number of Assurés: 1 (the member) or 2 (member and conjoint).
 */
assures: string, };

export type PrimeResultat = { date_adhesion: string, 
/**
 * 31 December of the year of joining.
 */
fin_premiere_periode: string, 
/**
 * 1st January after: renewed by tacit renewal, full yearly premium.
 */
renouvellement: string, mois_comptes: number, 
/**
 * "mars à décembre 2018".
 */
periode: string, assures: number, prime_annuelle_ht: string, prime_annuelle_ttc: string, 
/**
 * Prorated, per Assuré.
 */
prime_ht: string, prime_ttc: string, taxes: string, 
/**
 * For all the Assurés.
 */
total_ht: string, total_ttc: string, total_taxes: string, calcul: string, notes: Array<Note>, source: string, };

export type ConsommationSaisie = { 
/**
 * Code of a row of the annex (`presence_proche`, `portage_repas`…).
 */
prestation: string, quantite: string, };

export type EnveloppeSaisie = { 
/**
 * `adulte` (annex 1) or `enfant` (annex 2).
 */
annexe: string, consommations: Array<ConsommationSaisie>, 
/**
 * Units available; empty for the 50 of the contract (fewer after a late
 * declaration, see the event's envelope).
 */
unites_disponibles: string, };

export type Annexe = "adulte" | "enfant";

export type LigneEnveloppe = { code: string, libelle: string, 
/**
 * Unit of measure ("1 livraison", "1 heure"…).
 */
unite: string, valeur_unitaire: number, quantite: number, unites: number, 
/**
 * How many more the units left allow.
 */
encore_possible: number, };

export type EnveloppeResultat = { annexe: Annexe, 
/**
 * "Annexe 1 — enveloppe adulte (art. 2-1)".
 */
titre: string, unites_contrat: number, unites_disponibles: number, duree_mois: number, 
/**
 * Every row of the annex, in its order (quantity 0 when not used).
 */
lignes: Array<LigneEnveloppe>, unites_utilisees: number, unites_restantes: number, 
/**
 * Units asked beyond the envelope (0 when it fits).
 */
depassement: number, notes: Array<Note>, };

export type EnfantSaisie = { age: string, handicape: boolean, };

export type FoyerSaisie = { 
/**
 * A conjoint lives in the household.
 */
conjoint: boolean, enfants: Array<EnfantSaisie>, };

export type EvenementSaisie = { 
/**
 * `hospitalisation`, `hospitalisation_enfant`, `maternite`,
 * `immobilisation`, `pta`, `maladie_grave_enfant` or `mutation`.
 */
type: string, 
/**
 * `membre` or `conjoint`: who is concerned (events of an adult).
 */
personne: string, 
/**
 * The child concerned (child events).
 */
enfant: EnfantSaisie, 
/**
 * Unplanned hospitalisation: known less than 7 days before.
 */
imprevue: boolean | null, debut: string, fin: string, 
/**
 * `accident`, `maladie_soudaine`, `maladie_chronique`,
 * `maladie_non_soudaine`, `chirurgie_esthetique`,
 * `changement_sexe_sterilisation`, `drogue_alcool` or `acte_volontaire`.
 */
cause: string, 
/**
 * `hopital`, `psychiatrique`, `geriatrique` or `convalescence`.
 */
etablissement: string, 
/**
 * Mutation: the new post is in France.
 */
en_france: boolean | null, };

export type AssistanceSaisie = { evenement: EvenementSaisie, foyer: FoyerSaisie, 
/**
 * `metropole` (Monaco and Andorra included), `drom` or `hors_france`.
 */
domicile: string, 
/**
 * Date the household calls IMA (optional: deadlines are then only dated).
 */
date_appel: string, 
/**
 * Start of an envelope of services already granted, if any.
 */
enveloppe_precedente: string, };

export type StatutService = "ouvert" | "sous_condition" | "non_ouvert";

export type Delai = { 
/**
 * The rule in French.
 */
texte: string, 
/**
 * Last day to ask in time.
 */
date_limite: string, 
/**
 * The day of the call, counted from the event (its first day is day 1).
 */
jour_appel: number | null, dans_les_delais: boolean | null, 
/**
 * What is left of the ceiling after a late call ("2 jours, 2 h").
 */
plafond_restant: string | null, };

export type Service = { 
/**
 * Article number of the notice ("1-1", "3-1-3").
 */
code: string, titre: string, statut: StatutService, 
/**
 * Hours, days, amounts, frequency.
 */
limites: Array<string>, 
/**
 * Facts the tool cannot know and on which the service depends.
 */
conditions: Array<string>, 
/**
 * How it is given: formalities, who decides the hours, when it starts.
 */
modalites: Array<string>, 
/**
 * Why it is not opened.
 */
motif: string | null, 
/**
 * Territorial limit, when it has one.
 */
territoire: string | null, delai: Delai | null, article: string, };

export type DureeEvenement = { valeur: number, 
/**
 * `nuits` or `jours`.
 */
unite: string, texte: string, };

export type Exclusion = { code: string, texte: string, article: string, };

export type EnveloppeOuverte = { 
/**
 * `adulte` (annex 1) or `enfant` (annex 2).
 */
annexe: string, unites_contrat: number, 
/**
 * After a late declaration, the units prorated.
 */
unites_disponibles: number, debut: string, 
/**
 * Last day to use it.
 */
fin: string, calcul: string | null, };

export type EvenementResultat = { 
/**
 * "Hospitalisation imprévue de l'adhérent".
 */
evenement: string, duree: DureeEvenement | null, 
/**
 * The date deadlines run from, and what it is.
 */
date_reference: string | null, reference: string | null, 
/**
 * Last day of the 30-day principle.
 */
date_limite_demande: string | null, 
/**
 * Day of the call counted from the reference (day 1).
 */
jour_appel: number | null, services: Array<Service>, 
/**
 * Open to every Assuré, whatever the event (art. 5).
 */
toujours_disponibles: Array<Service>, enveloppe: EnveloppeOuverte | null, non_cumulables: Array<string>, territoire: Array<string>, exclusions: Array<Exclusion>, notes: Array<Note>, source: string, };

export type SimulationSaisie = { "outil": "caution", "saisie": CautionSaisie } | { "outil": "corem", "saisie": CoremSaisie } | { "outil": "assistance_prime", "saisie": PrimeSaisie } | { "outil": "assistance_evenement", "saisie": AssistanceSaisie } | { "outil": "assistance_enveloppe", "saisie": EnveloppeSaisie };
