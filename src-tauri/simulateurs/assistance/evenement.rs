//! Which MGEN Assistance services an event opens for a household: an
//! hospitalisation (planned or not, of a parent or of a child), a maternity
//! stay, an immobilisation at home, a PTA, a serious illness of a child, a
//! professional transfer. For each service: opened, opened under a condition
//! the tool cannot know, or not opened and why; its limits; the request
//! deadline and what a late call leaves; the territorial limit; and the
//! exclusions that apply.
//!
//! Readings of the notice (each also given in the result's notes, marked
//! "lecture à confirmer"):
//! - **Length of a hospitalisation.** A hospitalisation includes at least one
//!   night (Définitions); its length is counted in nights, exit date minus
//!   entry date. "More than N days" is N × 24 h: more than N nights always
//!   exceeds it, fewer never does, exactly N nights depends on the hours of
//!   entry and exit (the service is then "sous condition"). The same for the
//!   24 h of an unplanned hospitalisation of a parent (art. 3).
//! - **Length of an immobilisation** is counted in calendar days, first and
//!   last included, as a sick leave.
//! - **Deadlines.** The notice counts from the first day of the event, which
//!   is day 1 (its illustration: a call on the 8th day leaves 2 of the 10
//!   days of aide-ménagère, 10 − 8). So the 7-day deadline of the
//!   aide-ménagère ends on day 7 (reference + 6) and the 30-day principle on
//!   day 30 (reference + 29); the reference is the exit from hospital or the
//!   first day of immobilisation. A late call for the aide-ménagère leaves
//!   10 − n days and the hours in proportion (10 h × days left / 10); on or
//!   after day 10 nothing is left. For a late call on a child's serious
//!   illness (more than 30 days), the 50 units are prorated by the days left
//!   of the 12 months (days left = days of the period − n), rounded down.
//! - **Aide-ménagère after an immobilisation.** Its heading names only
//!   hospitalisations, but its text and the deadline rules name the
//!   immobilisation at home: it is opened for an immobilisation of more than
//!   5 days, the threshold of the other services of art. 1.
//! - **A hospitalised child** is a beneficiary: the services of art. 1 apply
//!   to the child; those of art. 3 (care of the children) only to a parent's
//!   hospitalisation or immobilisation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::services::{self as cat, METROPOLE};
use super::{Delai, Service, StatutService};
use crate::simulateurs::bareme::{BaremeAssistance, Limites};
use crate::simulateurs::dates::{ajouter_jours, ajouter_mois, jours_entre, veille};
use crate::simulateurs::erreur::SimulateurError;
use crate::simulateurs::saisie::{self, Texte};
use crate::simulateurs::{date_fr, Note};

// ------------------------------------------------------------------ input

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct EnfantSaisie {
    #[ts(type = "string")]
    pub age: Texte,
    pub handicape: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct FoyerSaisie {
    /// A conjoint lives in the household.
    pub conjoint: bool,
    pub enfants: Vec<EnfantSaisie>,
}

/// The event. `debut` and `fin` mean, by type: entry and exit
/// (hospitalisations, maternity), first and last day (immobilisation),
/// date MGEN declared the PTA (`debut`), date the illness arose or worsened
/// (`debut`), date of the transfer and of the move (mutation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct EvenementSaisie {
    /// `hospitalisation`, `hospitalisation_enfant`, `maternite`,
    /// `immobilisation`, `pta`, `maladie_grave_enfant` or `mutation`.
    #[serde(rename = "type")]
    #[ts(rename = "type", type = "string")]
    pub type_evenement: Texte,
    /// `membre` or `conjoint`: who is concerned (events of an adult).
    #[ts(type = "string")]
    pub personne: Texte,
    /// The child concerned (child events).
    pub enfant: EnfantSaisie,
    /// Unplanned hospitalisation: known less than 7 days before.
    pub imprevue: Option<bool>,
    #[ts(type = "string")]
    pub debut: Texte,
    #[ts(type = "string")]
    pub fin: Texte,
    /// `accident`, `maladie_soudaine`, `maladie_chronique`,
    /// `maladie_non_soudaine`, `chirurgie_esthetique`,
    /// `changement_sexe_sterilisation`, `drogue_alcool` or `acte_volontaire`.
    #[ts(type = "string")]
    pub cause: Texte,
    /// `hopital`, `psychiatrique`, `geriatrique` or `convalescence`.
    #[ts(type = "string")]
    pub etablissement: Texte,
    /// Mutation: the new post is in France.
    pub en_france: Option<bool>,
}

/// The whole request: event, household, home, date of the call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct AssistanceSaisie {
    pub evenement: EvenementSaisie,
    pub foyer: FoyerSaisie,
    /// `metropole` (Monaco and Andorra included), `drom` or `hors_france`.
    #[ts(type = "string")]
    pub domicile: Texte,
    /// Date the household calls IMA (optional: deadlines are then only dated).
    #[ts(type = "string")]
    pub date_appel: Texte,
    /// Start of an envelope of services already granted, if any.
    #[ts(type = "string")]
    pub enveloppe_precedente: Texte,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parent {
    Membre,
    Conjoint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enfant {
    pub age: u32,
    pub handicape: bool,
}

impl Enfant {
    /// Beneficiaries: children under 18, disabled children at any age.
    pub fn beneficiaire(&self) -> bool {
        self.age < 18 || self.handicape
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concerne {
    Parent(Parent),
    Enfant(Enfant),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    Accident,
    MaladieSoudaine,
    MaladieChronique,
    MaladieNonSoudaine,
    ChirurgieEsthetique,
    ChangementSexeSterilisation,
    DrogueAlcool,
    ActeVolontaire,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Etablissement {
    Hopital,
    Psychiatrique,
    Geriatrique,
    Convalescence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domicile {
    Metropole,
    Drom,
    HorsFrance,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evenement {
    Hospitalisation {
        concerne: Concerne,
        imprevue: bool,
        entree: NaiveDate,
        sortie: NaiveDate,
        cause: Cause,
        etablissement: Etablissement,
    },
    Maternite {
        parent: Parent,
        entree: NaiveDate,
        sortie: NaiveDate,
    },
    Immobilisation {
        parent: Parent,
        debut: NaiveDate,
        fin: NaiveDate,
        cause: Cause,
    },
    Pta {
        parent: Parent,
        declaration: NaiveDate,
    },
    MaladieGraveEnfant {
        enfant: Enfant,
        survenance: NaiveDate,
    },
    Mutation {
        date_mutation: Option<NaiveDate>,
        demenagement: Option<NaiveDate>,
        en_france: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssistanceDemande {
    pub evenement: Evenement,
    pub conjoint: bool,
    pub enfants: Vec<Enfant>,
    pub domicile: Domicile,
    pub date_appel: Option<NaiveDate>,
    pub enveloppe_precedente: Option<NaiveDate>,
}

const TYPES: &[(&str, u8)] = &[
    ("hospitalisation", 0),
    ("hospitalisation_enfant", 1),
    ("maternite", 2),
    ("immobilisation", 3),
    ("pta", 4),
    ("maladie_grave_enfant", 5),
    ("mutation", 6),
];
const PERSONNES: &[(&str, Parent)] = &[("membre", Parent::Membre), ("conjoint", Parent::Conjoint)];
const CAUSES: &[(&str, Cause)] = &[
    ("accident", Cause::Accident),
    ("maladie_soudaine", Cause::MaladieSoudaine),
    ("maladie_chronique", Cause::MaladieChronique),
    ("maladie_non_soudaine", Cause::MaladieNonSoudaine),
    ("chirurgie_esthetique", Cause::ChirurgieEsthetique),
    (
        "changement_sexe_sterilisation",
        Cause::ChangementSexeSterilisation,
    ),
    ("drogue_alcool", Cause::DrogueAlcool),
    ("acte_volontaire", Cause::ActeVolontaire),
];
const ETABLISSEMENTS: &[(&str, Etablissement)] = &[
    ("hopital", Etablissement::Hopital),
    ("psychiatrique", Etablissement::Psychiatrique),
    ("geriatrique", Etablissement::Geriatrique),
    ("convalescence", Etablissement::Convalescence),
];
const DOMICILES: &[(&str, Domicile)] = &[
    ("metropole", Domicile::Metropole),
    ("drom", Domicile::Drom),
    ("hors_france", Domicile::HorsFrance),
];

fn lire_enfant(champ: &str, e: &EnfantSaisie) -> Result<Enfant, SimulateurError> {
    Ok(Enfant {
        age: saisie::entier(&format!("{champ}.age"), &e.age, 0, 120)?,
        handicape: e.handicape,
    })
}

/// Entry and exit (or first and last day), the second not before the first.
fn periode(e: &EvenementSaisie) -> Result<(NaiveDate, NaiveDate), SimulateurError> {
    let debut = saisie::date("evenement.debut", &e.debut)?;
    let fin = saisie::date("evenement.fin", &e.fin)?;
    if fin < debut {
        return Err(SimulateurError::champ(
            "evenement.fin",
            "la date de fin (ou de sortie) précède la date de début (ou d'entrée)",
        ));
    }
    Ok((debut, fin))
}

impl AssistanceSaisie {
    pub fn lire(&self) -> Result<AssistanceDemande, SimulateurError> {
        let e = &self.evenement;
        let t = saisie::choix("evenement.type", &e.type_evenement, TYPES)?;
        let parent = || saisie::choix("evenement.personne", &e.personne, PERSONNES);
        let imprevue = || saisie::oui_non("evenement.imprevue", e.imprevue);
        let cause = || saisie::choix("evenement.cause", &e.cause, CAUSES);
        let etab = || saisie::choix("evenement.etablissement", &e.etablissement, ETABLISSEMENTS);
        let evenement = match t {
            0 | 1 => {
                let concerne = if t == 0 {
                    Concerne::Parent(parent()?)
                } else {
                    Concerne::Enfant(lire_enfant("evenement.enfant", &e.enfant)?)
                };
                let (entree, sortie) = periode(e)?;
                Evenement::Hospitalisation {
                    concerne,
                    imprevue: imprevue()?,
                    entree,
                    sortie,
                    cause: cause()?,
                    etablissement: etab()?,
                }
            }
            2 => {
                let (entree, sortie) = periode(e)?;
                Evenement::Maternite {
                    parent: parent()?,
                    entree,
                    sortie,
                }
            }
            3 => {
                let (debut, fin) = periode(e)?;
                Evenement::Immobilisation {
                    parent: parent()?,
                    debut,
                    fin,
                    cause: cause()?,
                }
            }
            4 => Evenement::Pta {
                parent: parent()?,
                declaration: saisie::date("evenement.debut", &e.debut)?,
            },
            5 => Evenement::MaladieGraveEnfant {
                enfant: lire_enfant("evenement.enfant", &e.enfant)?,
                survenance: saisie::date("evenement.debut", &e.debut)?,
            },
            _ => Evenement::Mutation {
                date_mutation: saisie::date_opt("evenement.debut", &e.debut)?,
                demenagement: saisie::date_opt("evenement.fin", &e.fin)?,
                en_france: saisie::oui_non("evenement.en_france", e.en_france)?,
            },
        };
        let mut enfants = Vec::new();
        for (i, x) in self.foyer.enfants.iter().enumerate() {
            enfants.push(lire_enfant(&format!("foyer.enfants[{}]", i + 1), x)?);
        }
        let enveloppe_precedente =
            saisie::date_opt("enveloppe_precedente", &self.enveloppe_precedente)?;
        if let (Some(p), Evenement::Pta { declaration: d, .. })
        | (Some(p), Evenement::MaladieGraveEnfant { survenance: d, .. }) =
            (enveloppe_precedente, &evenement)
        {
            if p > *d {
                return Err(SimulateurError::champ(
                    "enveloppe_precedente",
                    "l'enveloppe précédente doit commencer avant l'événement",
                ));
            }
        }
        Ok(AssistanceDemande {
            evenement,
            conjoint: self.foyer.conjoint,
            enfants,
            domicile: saisie::choix("domicile", &self.domicile, DOMICILES)?,
            date_appel: saisie::date_opt("date_appel", &self.date_appel)?,
            enveloppe_precedente,
        })
    }
}

// ----------------------------------------------------------------- output

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DureeEvenement {
    #[ts(type = "number")]
    pub valeur: i64,
    /// `nuits` or `jours`.
    pub unite: String,
    pub texte: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Exclusion {
    pub code: String,
    pub texte: String,
    pub article: String,
}

/// The envelope of services an event opens (art. 2-1, 3-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EnveloppeOuverte {
    /// `adulte` (annex 1) or `enfant` (annex 2).
    pub annexe: String,
    pub unites_contrat: u32,
    /// After a late declaration, the units prorated.
    pub unites_disponibles: u32,
    #[ts(type = "string")]
    pub debut: NaiveDate,
    /// Last day to use it.
    #[ts(type = "string")]
    pub fin: NaiveDate,
    pub calcul: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvenementResultat {
    /// "Hospitalisation imprévue de l'adhérent".
    pub evenement: String,
    pub duree: Option<DureeEvenement>,
    /// The date deadlines run from, and what it is.
    #[ts(type = "string | null")]
    pub date_reference: Option<NaiveDate>,
    pub reference: Option<String>,
    /// Last day of the 30-day principle.
    #[ts(type = "string | null")]
    pub date_limite_demande: Option<NaiveDate>,
    /// Day of the call counted from the reference (day 1).
    #[ts(type = "number | null")]
    pub jour_appel: Option<i64>,
    pub services: Vec<Service>,
    /// Open to every Assuré, whatever the event (art. 5).
    pub toujours_disponibles: Vec<Service>,
    pub enveloppe: Option<EnveloppeOuverte>,
    pub non_cumulables: Vec<String>,
    pub territoire: Vec<String>,
    pub exclusions: Vec<Exclusion>,
    pub notes: Vec<Note>,
    pub source: String,
}

// ------------------------------------------------------------- the rules

const ART_DELAI: &str = "Délai de demande d'assistance";
const ART_EXCL: &str = "Exclusions";

/// Whether a stay of `nuits` nights is longer than `jours` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seuil {
    Oui,
    AuxHeures,
    Non,
}

fn seuil_nuits(nuits: i64, jours: u32) -> Seuil {
    let j = i64::from(jours);
    match nuits.cmp(&j) {
        std::cmp::Ordering::Greater => Seuil::Oui,
        std::cmp::Ordering::Equal => Seuil::AuxHeures,
        std::cmp::Ordering::Less => Seuil::Non,
    }
}

fn appliquer_seuil(s: &mut Service, seuil: Seuil, nuits: i64, jours: u32, quoi: &str) {
    match seuil {
        Seuil::Oui => {}
        Seuil::AuxHeures => {
            s.conditions.insert(
                0,
                format!(
                    "{quoi} dure plus de {} heures ({nuits} nuit{} : les heures d'entrée et de \
                     sortie décident)",
                    jours * 24,
                    pluriel(nuits)
                ),
            );
            if s.statut == StatutService::Ouvert {
                s.statut = StatutService::SousCondition;
            }
        }
        Seuil::Non => s.fermer(format!(
            "{quoi} de {nuits} nuit{} : il en faut une de plus de {} {}",
            pluriel(nuits),
            if jours == 1 { 24 } else { jours },
            if jours == 1 { "heures" } else { "jours" }
        )),
    }
}

fn pluriel(n: i64) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// Day number of `jour` counted from `reference` (the reference is day 1).
fn numero_jour(reference: NaiveDate, jour: NaiveDate) -> i64 {
    jours_entre(reference, jour) + 1
}

/// The 30-day principle from `reference`; a late call closes the service.
fn delai_general(l: &Limites, reference: NaiveDate, quoi: &str, appel: Option<NaiveDate>) -> Delai {
    let n = i64::from(l.delai_demande_jours);
    let jour = appel.map(|a| numero_jour(reference, a));
    Delai {
        texte: format!(
            "demande au plus tard le {n}e jour à compter {quoi} ({}), sauf cas fortuit ou force \
             majeure",
            date_fr(reference)
        ),
        date_limite: ajouter_jours(reference, (n - 1) as u64),
        jour_appel: jour,
        dans_les_delais: jour.map(|j| j <= n),
        plafond_restant: None,
    }
}

/// The aide-ménagère: 7 days, then prorated (see the module doc).
fn delai_aide_menagere(
    l: &Limites,
    reference: NaiveDate,
    quoi: &str,
    appel: Option<NaiveDate>,
) -> Delai {
    let n = i64::from(l.delai_aide_menagere_jours);
    let total = i64::from(l.aide_menagere_jours);
    let jour = appel.map(|a| numero_jour(reference, a));
    let plafond_restant = jour.map(|j| {
        if j <= n {
            format!(
                "{} heures sur {} jours (demande dans les délais)",
                l.aide_menagere_heures, total
            )
        } else {
            let reste = (total - j).max(0);
            let heures = rust_decimal::Decimal::from(l.aide_menagere_heures)
                * rust_decimal::Decimal::from(reste)
                / rust_decimal::Decimal::from(total);
            format!(
                "{reste} jour{} et {} heure{} (appel le {j}e jour : {total} − {j} = {reste})",
                pluriel(reste),
                heures.normalize().to_string().replace('.', ","),
                if heures > rust_decimal::Decimal::ONE {
                    "s"
                } else {
                    ""
                }
            )
        }
    });
    Delai {
        texte: format!(
            "demande au plus tard le {n}e jour à compter {quoi} ({}) ; au-delà, le plafond de {} \
             jours est réduit des jours écoulés (du {} au {})",
            date_fr(reference),
            total,
            date_fr(reference),
            date_fr(ajouter_jours(reference, (total - 1) as u64))
        ),
        date_limite: ajouter_jours(reference, (n - 1) as u64),
        jour_appel: jour,
        dans_les_delais: jour.map(|j| j <= n),
        plafond_restant,
    }
}

fn libelle_parent(p: Parent) -> &'static str {
    match p {
        Parent::Membre => "de l'adhérent",
        Parent::Conjoint => "du conjoint",
    }
}

fn transport_text(d: Domicile) -> &'static str {
    match d {
        Domicile::Drom => "transport au sein du DROM de résidence",
        _ => "transport en France métropolitaine (Monaco et Andorre compris)",
    }
}

/// The exclusion a cause or an establishment brings, if any.
fn exclusion(
    cause: Option<Cause>,
    etab: Option<Etablissement>,
    programmee: bool,
) -> Vec<Exclusion> {
    let mut v = Vec::new();
    let mut push = |code: &str, texte: &str| {
        v.push(Exclusion {
            code: code.to_string(),
            texte: texte.to_string(),
            article: ART_EXCL.to_string(),
        })
    };
    match etab {
        Some(Etablissement::Psychiatrique) => push(
            "etablissement_psychiatrique",
            "hospitalisation en établissement ou service psychiatrique",
        ),
        Some(Etablissement::Geriatrique) => push(
            "etablissement_geriatrique",
            "hospitalisation en établissement ou service gérontologique ou gériatrique",
        ),
        _ => {}
    }
    match cause {
        Some(Cause::MaladieChronique) if programmee => push(
            "maladie_chronique_programmee",
            "hospitalisation programmée liée à une maladie chronique",
        ),
        Some(Cause::MaladieNonSoudaine) => push(
            "maladie_non_soudaine",
            "suite d'une maladie non soudaine et prévisible",
        ),
        Some(Cause::ChirurgieEsthetique) => push(
            "chirurgie_esthetique",
            "chirurgie plastique à but uniquement esthétique, et ses suites",
        ),
        Some(Cause::ChangementSexeSterilisation) => push(
            "changement_sexe_sterilisation",
            "changement de sexe, stérilisation, traitement de troubles sexuels, et leurs suites",
        ),
        Some(Cause::DrogueAlcool) => push(
            "drogue_alcool",
            "suite de l'usage de drogues ou de stupéfiants non prescrits, ou de la consommation d'alcool",
        ),
        Some(Cause::ActeVolontaire) => push(
            "acte_volontaire",
            "suite d'un acte volontaire du bénéficiaire (suicide, tentative de suicide, mutilation volontaire)",
        ),
        _ => {}
    }
    v
}

/// What an event opens.
pub fn evaluer(b: &BaremeAssistance, d: &AssistanceDemande) -> EvenementResultat {
    let l = &b.limites;
    let transport = transport_text(d.domicile);
    let enfants: Vec<Enfant> = d
        .enfants
        .iter()
        .copied()
        .filter(Enfant::beneficiaire)
        .collect();
    let mut notes = Vec::new();
    let mut exclusions = Vec::new();
    let mut non_cumulables = Vec::new();
    let mut services = Vec::new();
    let mut enveloppe = None;
    let mut duree = None;
    let reference: Option<NaiveDate>;
    let reference_txt: Option<String>;
    // A reason that closes every service of the event (not a hospitalisation…).
    let mut tout_fermer: Option<String> = None;

    let evenement_txt: String;
    match &d.evenement {
        Evenement::Hospitalisation {
            concerne,
            imprevue,
            entree,
            sortie,
            cause,
            etablissement,
        } => {
            let nuits = jours_entre(*entree, *sortie);
            let (qui, parent) = match concerne {
                Concerne::Parent(p) => (libelle_parent(*p).to_string(), true),
                Concerne::Enfant(e) => (
                    format!(
                        "d'un enfant de {} an{}",
                        e.age,
                        if e.age > 1 { "s" } else { "" }
                    ),
                    false,
                ),
            };
            evenement_txt = format!(
                "Hospitalisation {} {qui}",
                if *imprevue {
                    "imprévue"
                } else {
                    "programmée"
                }
            );
            duree = Some(DureeEvenement {
                valeur: nuits,
                unite: "nuits".into(),
                texte: format!(
                    "{nuits} nuit{} (entrée le {}, sortie le {})",
                    pluriel(nuits),
                    date_fr(*entree),
                    date_fr(*sortie)
                ),
            });
            reference = Some(*sortie);
            reference_txt = Some("de la sortie d'hospitalisation".to_string());
            notes.push(Note::lecture(
                "Durée d'une hospitalisation comptée en nuits (date de sortie moins date \
                 d'entrée) ; « plus de N jours » = plus de N × 24 heures : avec exactement N \
                 nuits, les heures d'entrée et de sortie décident.",
                "Définitions (hospitalisation) ; art. 1 et 3",
            ));
            if let Concerne::Enfant(e) = concerne {
                if !e.beneficiaire() {
                    tout_fermer = Some(
                        "l'enfant a 18 ans ou plus et n'est pas handicapé : il n'est pas \
                         bénéficiaire des garanties"
                            .into(),
                    );
                }
                notes.push(Note::lecture(
                    "L'enfant hospitalisé est bénéficiaire : les garanties de l'article 1 \
                     s'appliquent à lui ; celles de l'article 3 (garde des enfants) visent \
                     l'hospitalisation d'un parent.",
                    "Définitions (bénéficiaires) ; art. 1 et 3",
                ));
            }
            if *etablissement == Etablissement::Convalescence {
                tout_fermer = Some(
                    "séjour en centre de convalescence (rééducation, SSR, maison de repos, cure \
                     thermale) : ce n'est pas une hospitalisation au sens de la notice"
                        .into(),
                );
            } else if nuits == 0 {
                tout_fermer = Some(
                    "séjour sans nuit : une hospitalisation comprend au moins une nuit".into(),
                );
            }
            if *cause == Cause::MaladieChronique && *imprevue {
                notes.push(Note::lecture(
                    "Hospitalisation imprévue liée à une maladie chronique : seule la programmée \
                     est exclue ; une aggravation soudaine et imprévisible relève de la maladie \
                     au sens de la notice.",
                    "Exclusions ; Définitions (maladie)",
                ));
            }
            exclusions = exclusion(Some(*cause), Some(*etablissement), !*imprevue);

            let s2 = seuil_nuits(nuits, l.seuil_hospitalisation_jours);
            let j2 = l.seuil_hospitalisation_jours;
            let hosp = "l'hospitalisation";
            let mut am = cat::aide_menagere(l);
            appliquer_seuil(&mut am, s2, nuits, j2, hosp);
            am.delai = Some(delai_aide_menagere(
                l,
                *sortie,
                "de la sortie",
                d.date_appel,
            ));
            services.push(am);
            for mut s in [
                cat::proche_chevet(l, transport),
                cat::medicaments(l),
                cat::repas(l),
            ] {
                appliquer_seuil(&mut s, s2, nuits, j2, hosp);
                services.push(s);
            }
            let mut tr = cat::transfert(l, transport);
            appliquer_seuil(&mut tr, s2, nuits, j2, hosp);
            tr.limites.push(format!(
                "dans les {} jours qui suivent la sortie, au plus tard le {}",
                l.transfert_jours_apres_sortie,
                date_fr(ajouter_jours(
                    *sortie,
                    u64::from(l.transfert_jours_apres_sortie)
                ))
            ));
            services.push(tr);
            let mut rd = cat::retour_domicile(l);
            appliquer_seuil(
                &mut rd,
                seuil_nuits(nuits, l.seuil_retour_domicile_jours),
                nuits,
                l.seuil_retour_domicile_jours,
                hosp,
            );
            services.push(rd);
            if parent {
                let s_garde = if *imprevue {
                    seuil_nuits(nuits, l.seuil_imprevue_enfants_heures / 24)
                } else {
                    s2
                };
                let j_garde = if *imprevue {
                    l.seuil_imprevue_enfants_heures / 24
                } else {
                    j2
                };
                services.extend(garanties_enfants(
                    l,
                    &enfants,
                    transport,
                    s_garde,
                    j_garde,
                    s2,
                    j2,
                    nuits,
                    hosp,
                    &mut non_cumulables,
                ));
            }
            for s in services.iter_mut().skip(1) {
                if s.ouvert() {
                    s.delai = Some(delai_general(l, *sortie, "de la sortie", d.date_appel));
                }
            }
        }
        Evenement::Maternite {
            parent,
            entree,
            sortie,
        } => {
            let nuits = jours_entre(*entree, *sortie);
            evenement_txt = format!("Séjour à la maternité {}", libelle_parent(*parent));
            duree = Some(DureeEvenement {
                valeur: nuits,
                unite: "nuits".into(),
                texte: format!(
                    "{nuits} nuit{} (entrée le {}, sortie le {})",
                    pluriel(nuits),
                    date_fr(*entree),
                    date_fr(*sortie)
                ),
            });
            reference = Some(*sortie);
            reference_txt = Some("de la sortie de la maternité".to_string());
            notes.push(Note::lecture(
                "Durée du séjour comptée en nuits (date de sortie moins date d'entrée) ; « plus de \
                 5 jours » = plus de 120 heures : avec exactement 5 nuits, les heures décident.",
                "Définitions (hospitalisation) ; art. 1",
            ));
            if nuits == 0 {
                tout_fermer = Some(
                    "séjour sans nuit : une hospitalisation comprend au moins une nuit".into(),
                );
            }
            let mut am = cat::aide_menagere(l);
            appliquer_seuil(
                &mut am,
                seuil_nuits(nuits, l.seuil_maternite_jours),
                nuits,
                l.seuil_maternite_jours,
                "le séjour à la maternité",
            );
            am.delai = Some(delai_aide_menagere(
                l,
                *sortie,
                "de la sortie",
                d.date_appel,
            ));
            services.push(am);
            let pas_maternite = "prévu après un accident ou une maladie soudaine, pas pour une \
                                 maternité";
            for mut s in [
                cat::proche_chevet(l, transport),
                cat::medicaments(l),
                cat::repas(l),
                cat::transfert(l, transport),
                cat::retour_domicile(l),
            ] {
                s.fermer(pas_maternite);
                services.push(s);
            }
            let mut g = Service::new("3", "Garanties dédiées aux enfants (garde, école, devoirs)");
            g.fermer(pas_maternite);
            services.push(g);
        }
        Evenement::Immobilisation {
            parent,
            debut,
            fin,
            cause,
        } => {
            let jours = jours_entre(*debut, *fin) + 1;
            evenement_txt = format!("Immobilisation au domicile {}", libelle_parent(*parent));
            duree = Some(DureeEvenement {
                valeur: jours,
                unite: "jours".into(),
                texte: format!(
                    "{jours} jour{} (du {} au {}, l'un et l'autre compris)",
                    pluriel(jours),
                    date_fr(*debut),
                    date_fr(*fin)
                ),
            });
            reference = Some(*debut);
            reference_txt = Some("du début de l'immobilisation".to_string());
            notes.push(Note::lecture(
                "Durée d'une immobilisation comptée en jours de calendrier, premier et dernier \
                 compris ; il faut plus de 5 jours.",
                "art. 1-2 et 3",
            ));
            notes.push(Note::lecture(
                "Aide-ménagère ouverte pour une immobilisation de plus de 5 jours : son titre ne \
                 cite que l'hospitalisation, mais son texte et les délais de demande visent \
                 l'immobilisation au domicile.",
                "art. 1-1 ; Délai de demande d'assistance",
            ));
            exclusions = exclusion(Some(*cause), None, false);
            if *cause == Cause::MaladieChronique {
                tout_fermer = Some(
                    "l'immobilisation doit suivre un accident ou une maladie soudaine et \
                     imprévisible (une aggravation soudaine se déclare « maladie soudaine »)"
                        .into(),
                );
            }
            let seuil = if jours > i64::from(l.seuil_immobilisation_jours) {
                Seuil::Oui
            } else {
                Seuil::Non
            };
            let fermer_court = |s: &mut Service| {
                if seuil == Seuil::Non {
                    s.fermer(format!(
                        "immobilisation de {jours} jour{} : il en faut une de plus de {} jours",
                        pluriel(jours),
                        l.seuil_immobilisation_jours
                    ));
                }
            };
            let mut am = cat::aide_menagere(l);
            fermer_court(&mut am);
            am.delai = Some(delai_aide_menagere(
                l,
                *debut,
                "du début de l'immobilisation",
                d.date_appel,
            ));
            services.push(am);
            for mut s in [
                cat::proche_chevet(l, transport),
                cat::medicaments(l),
                cat::repas(l),
            ] {
                fermer_court(&mut s);
                services.push(s);
            }
            for mut s in [cat::transfert(l, transport), cat::retour_domicile(l)] {
                s.fermer("prévu après une hospitalisation seulement");
                services.push(s);
            }
            let jg = l.seuil_immobilisation_jours;
            let mut garde = garanties_enfants(
                l,
                &enfants,
                transport,
                Seuil::Oui,
                jg,
                Seuil::Oui,
                jg,
                jours,
                "l'immobilisation",
                &mut non_cumulables,
            );
            for s in garde.iter_mut() {
                if s.ouvert() {
                    fermer_court(s);
                }
            }
            services.extend(garde);
            for s in services.iter_mut().skip(1) {
                if s.ouvert() {
                    s.delai = Some(delai_general(
                        l,
                        *debut,
                        "du début de l'immobilisation",
                        d.date_appel,
                    ));
                }
            }
        }
        Evenement::Pta {
            parent,
            declaration,
        } => {
            evenement_txt = format!("Perte temporaire d'autonomie {}", libelle_parent(*parent));
            reference = Some(*declaration);
            reference_txt = Some("de la déclaration de la PTA par MGEN".to_string());
            let fin = veille(ajouter_mois(*declaration, b.enveloppe.duree_mois));
            let mut env = cat::enveloppe(
                "2-1",
                b.enveloppe.unites,
                b.enveloppe.duree_mois,
                "annexe 1, adulte",
                &b.annexe1,
            );
            env.limites
                .push(format!("du {} au {}", date_fr(*declaration), date_fr(fin)));
            if let Some(m) = enveloppe_en_cours(b, d.enveloppe_precedente, *declaration) {
                env.fermer(m);
            } else {
                enveloppe = Some(EnveloppeOuverte {
                    annexe: "adulte".into(),
                    unites_contrat: b.enveloppe.unites,
                    unites_disponibles: b.enveloppe.unites,
                    debut: *declaration,
                    fin,
                    calcul: None,
                });
            }
            services.push(env);
            services.push(cat::ergotherapeute("2-2"));
            services.push(cat::teleassistance(l));
            services.push(cat::travaux("2-4"));
            notes.push(Note::info(
                "La PTA est une prestation versée par MGEN ; les services sont mis à disposition \
                 dès que MGEN déclare sa survenance. Un seul dossier d'ergothérapie et de travaux \
                 par événement.",
                "art. 2",
            ));
            non_cumulables.push(format!(
                "Une seule enveloppe de services par période de {} mois.",
                b.enveloppe.duree_mois
            ));
        }
        Evenement::MaladieGraveEnfant { enfant, survenance } => {
            evenement_txt = format!(
                "Pathologie lourde ou traitement long d'un enfant de {} an{}",
                enfant.age,
                if enfant.age > 1 { "s" } else { "" }
            );
            reference = Some(*survenance);
            reference_txt = Some("de la survenance ou de l'aggravation".to_string());
            if !enfant.beneficiaire() {
                tout_fermer = Some(
                    "l'enfant a 18 ans ou plus et n'est pas handicapé : il n'est pas \
                     bénéficiaire des garanties"
                        .into(),
                );
            }
            let fin = veille(ajouter_mois(*survenance, b.enveloppe.duree_mois));
            let total = jours_entre(*survenance, fin) + 1;
            let n_delai = i64::from(l.delai_demande_jours);
            let jour = d.date_appel.map(|a| numero_jour(*survenance, a));
            let (dispo, calcul, restant_txt) = match jour {
                Some(j) if j > n_delai => {
                    let reste = (total - j).max(0);
                    let u = (i64::from(b.enveloppe.unites) * reste / total) as u32;
                    (
                        u,
                        Some(format!(
                            "appel le {j}e jour : {} unités × {reste} jours restants / {total} = \
                             {u} unités (arrondi à l'unité inférieure)",
                            b.enveloppe.unites
                        )),
                        Some(format!("{u} unités sur {reste} jours")),
                    )
                }
                Some(_) => (
                    b.enveloppe.unites,
                    None,
                    Some(format!(
                        "{} unités (demande dans les délais)",
                        b.enveloppe.unites
                    )),
                ),
                None => (b.enveloppe.unites, None, None),
            };
            let delai = Delai {
                texte: format!(
                    "demande au plus tard le {n_delai}e jour à compter de la survenance ou de \
                     l'aggravation ({}) ; au-delà, les garanties sont réduites au prorata des \
                     jours restants",
                    date_fr(*survenance)
                ),
                date_limite: ajouter_jours(*survenance, (n_delai - 1) as u64),
                jour_appel: jour,
                dans_les_delais: jour.map(|j| j <= n_delai),
                plafond_restant: restant_txt,
            };
            let mut env = cat::enveloppe(
                "3-4",
                b.enveloppe.unites,
                b.enveloppe.duree_mois,
                "annexe 2, enfant",
                &b.annexe2,
            );
            env.limites
                .push(format!("du {} au {}", date_fr(*survenance), date_fr(fin)));
            env.delai = Some(delai.clone());
            if let Some(m) = enveloppe_en_cours(b, d.enveloppe_precedente, *survenance) {
                env.fermer(m);
            } else if dispo == 0 {
                env.fermer("appel trop tardif : plus aucun jour de la période de 12 mois");
            } else {
                enveloppe = Some(EnveloppeOuverte {
                    annexe: "enfant".into(),
                    unites_contrat: b.enveloppe.unites,
                    unites_disponibles: dispo,
                    debut: *survenance,
                    fin,
                    calcul: calcul.clone(),
                });
            }
            services.push(env);
            let mut ergo = cat::ergotherapeute("3-5");
            ergo.delai = Some(delai.clone());
            services.push(ergo);
            let mut tr = cat::travaux("3-6");
            tr.delai = Some(delai);
            services.push(tr);
            if jour.is_some_and(|j| j >= total) {
                for s in services.iter_mut() {
                    s.fermer(format!(
                        "appel après la fin de la période de {} mois ({})",
                        b.enveloppe.duree_mois,
                        date_fr(fin)
                    ));
                }
            }
            for s in services.iter_mut() {
                s.modalites.push(
                    "certificat médical adressé au préalable, sous pli confidentiel, aux médecins \
                     d'IMA"
                        .into(),
                );
                s.modalites.push(format!(
                    "à utiliser dans les 12 mois qui suivent, jusqu'au {}",
                    date_fr(fin)
                ));
            }
            if jour.is_some_and(|j| j > n_delai && j <= total) && dispo > 0 {
                notes.push(Note::lecture(
                    "Après 30 jours, la notice réduit les garanties « au prorata des jours \
                     restants » : les 50 unités sont réduites en proportion des jours qui restent \
                     sur les 12 mois, arrondies à l'unité inférieure.",
                    ART_DELAI,
                ));
            }
            notes.push(Note::info(
                "Pathologies lourdes : liste des Définitions (leucémie, mucoviscidose, myopathie, \
                 insuffisance rénale dialysée…) ; traitements longs : chimiothérapie, \
                 radiothérapie, trithérapie, quadrithérapie, curiethérapie.",
                "art. 3 ; Définitions",
            ));
            non_cumulables.push(format!(
                "Une seule enveloppe de services par période de {} mois.",
                b.enveloppe.duree_mois
            ));
        }
        Evenement::Mutation {
            date_mutation,
            demenagement,
            en_france,
        } => {
            evenement_txt = "Mutation professionnelle".into();
            reference = *demenagement;
            reference_txt = demenagement.map(|_| "du déménagement".to_string());
            if let Some(m) = date_mutation {
                notes.push(Note::info(
                    format!("Mutation au {}.", date_fr(*m)),
                    "art. 4",
                ));
            }
            if !en_france {
                tout_fermer = Some("la mutation doit avoir lieu en France".into());
            }
            let mut emploi = cat::emploi_conjoint(l);
            if !d.conjoint {
                emploi.fermer("pas de conjoint déclaré au foyer");
            }
            services.push(emploi);
            services.push(cat::demenagement());
            let mut net = cat::nettoyage(l);
            if let Some(dem) = demenagement {
                let limite = ajouter_mois(*dem, l.nettoyage_mois);
                net.limites.push(format!(
                    "déménagement le {} : nettoyage au plus tard le {}",
                    date_fr(*dem),
                    date_fr(limite)
                ));
                if let Some(a) = d.date_appel {
                    if a > limite {
                        net.fermer(format!(
                            "demande le {}, après le mois qui suit le déménagement ({})",
                            date_fr(a),
                            date_fr(limite)
                        ));
                    }
                }
            } else {
                net = net.formalite("date du déménagement à préciser");
            }
            services.push(net);
        }
    }

    // Deadlines: a late call closes what is still open (aide-ménagère: what is left).
    for s in services.iter_mut() {
        let Some(dl) = s.delai.clone() else { continue };
        if !s.ouvert() || dl.dans_les_delais != Some(false) {
            continue;
        }
        let j = dl.jour_appel.unwrap_or(0);
        if s.code == "1-1" {
            let total = i64::from(l.aide_menagere_jours);
            if j >= total {
                s.fermer(format!(
                    "appel le {j}e jour : les {total} jours d'aide-ménagère sont écoulés"
                ));
            }
        } else if matches!(s.code.as_str(), "3-4" | "3-5" | "3-6") {
            // prorated above; closed only when nothing is left
        } else {
            s.fermer(format!(
                "demande hors délai : appel le {j}e jour, au-delà des {} jours (sauf cas fortuit \
                 ou force majeure)",
                l.delai_demande_jours
            ));
        }
    }

    // Territory.
    let mut territoire = vec![
        "Garanties valables en France métropolitaine (Monaco et Andorre compris) et dans les DROM \
         (Martinique, Guadeloupe, Réunion, Guyane, Mayotte)."
            .to_string(),
        format!("Transports : {transport}."),
    ];
    match d.domicile {
        Domicile::HorsFrance => {
            tout_fermer.get_or_insert_with(|| {
                "domicile hors de France : les garanties s'appliquent au domicile en France \
                 métropolitaine (Monaco, Andorre) ou dans un DROM"
                    .into()
            });
        }
        Domicile::Drom => {
            territoire.push(
                "Dans un DROM, si IMA ne peut pas mettre en œuvre une garantie, elle rembourse les \
                 frais sur justificatifs, dans la limite des barèmes de métropole."
                    .into(),
            );
            for s in services.iter_mut() {
                if s.territoire.as_deref() == Some(METROPOLE) {
                    s.fermer(
                        "mis en œuvre en France métropolitaine seulement (domicile dans un DROM)",
                    );
                }
            }
        }
        Domicile::Metropole => {}
    }

    // Exclusions and reasons that close everything.
    if let Some(x) = exclusions.first() {
        let m = format!("exclusion : {}", x.texte);
        for s in services.iter_mut() {
            s.fermer(m.clone());
        }
        enveloppe = None;
    }
    if let Some(m) = &tout_fermer {
        for s in services.iter_mut() {
            s.fermer(m.clone());
        }
        enveloppe = None;
    }

    let (date_limite_demande, jour_appel) = match (&d.evenement, reference) {
        (Evenement::Mutation { .. } | Evenement::Pta { .. }, _) | (_, None) => (None, None),
        (_, Some(r)) => (
            Some(ajouter_jours(r, u64::from(l.delai_demande_jours) - 1)),
            d.date_appel.map(|a| numero_jour(r, a)),
        ),
    };
    if date_limite_demande.is_some() {
        notes.push(Note::lecture(
            "Délais comptés à partir du premier jour de l'événement, qui est le jour 1 (la notice \
             illustre : appel le 8e jour, 10 − 8 = 2 jours d'aide-ménagère restants) ; le délai de \
             30 jours finit donc le 30e jour, celui de l'aide-ménagère le 7e.",
            ART_DELAI,
        ));
    }
    notes.push(Note::info(
        "IMA évalue les besoins selon la situation (logement, foyer, autonomie, aides en place) : \
         les heures accordées peuvent être inférieures aux plafonds. Les garanties sont mises en \
         œuvre par IMA ou avec son accord préalable ; les dépenses engagées seul ne sont pas \
         remboursées après coup, sauf initiative raisonnable appréciée sur justificatifs.",
        "Conditions générales de la notice",
    ));
    notes.push(Note::info(
        "IMA n'intervient pas en cas d'infraction volontaire à la loi ; la force majeure \
         (épidémie, grève, intempéries…) peut empêcher ou retarder l'exécution.",
        "Limitations",
    ));

    EvenementResultat {
        evenement: evenement_txt,
        duree,
        date_reference: reference,
        reference: reference_txt,
        date_limite_demande,
        jour_appel,
        services,
        toujours_disponibles: cat::informations(),
        enveloppe,
        non_cumulables,
        territoire,
        exclusions,
        notes,
        source: b.source.clone(),
    }
}

/// The services of art. 3 (care of the children) for a parent's event.
#[allow(clippy::too_many_arguments)]
fn garanties_enfants(
    l: &Limites,
    enfants: &[Enfant],
    transport: &str,
    seuil_garde: Seuil,
    jours_garde: u32,
    seuil_scolaire: Seuil,
    jours_scolaire: u32,
    duree: i64,
    quoi: &str,
    non_cumulables: &mut Vec<String>,
) -> Vec<Service> {
    if enfants.is_empty() {
        let mut g = Service::new("3", "Garanties dédiées aux enfants (garde, école, devoirs)");
        g.fermer("aucun enfant de moins de 18 ans ou handicapé au foyer");
        return vec![g];
    }
    let handicape = enfants.iter().any(|e| e.handicape);
    let mut v = Vec::new();
    for mut s in [
        cat::venue_proche_enfants(transport),
        cat::voyage_enfants(transport),
        cat::garde_domicile(l),
        cat::conduite_ecole(l, handicape),
        cat::extrascolaire(l),
    ] {
        appliquer_seuil(&mut s, seuil_garde, duree, jours_garde, quoi);
        v.push(s);
    }
    for mut s in [
        cat::soutien_scolaire(l),
        cat::aide_devoirs(l, enfants.len()),
    ] {
        appliquer_seuil(&mut s, seuil_scolaire, duree, jours_scolaire, quoi);
        v.push(s);
    }
    non_cumulables.push(
        "Garde des enfants : une seule des trois solutions — venue d'un proche (3-1-1), voyage \
         chez un proche (3-1-2) ou garde au domicile (3-1-3)."
            .into(),
    );
    v
}

/// A motif when an envelope granted less than 12 months before is still running.
fn enveloppe_en_cours(
    b: &BaremeAssistance,
    precedente: Option<NaiveDate>,
    debut: NaiveDate,
) -> Option<String> {
    let p = precedente?;
    let fin = ajouter_mois(p, b.enveloppe.duree_mois);
    (debut < fin).then(|| {
        format!(
            "une enveloppe a déjà été accordée le {} : une seule par période de {} mois (nouvelle \
             enveloppe possible à partir du {})",
            date_fr(p),
            b.enveloppe.duree_mois,
            date_fr(fin)
        )
    })
}
