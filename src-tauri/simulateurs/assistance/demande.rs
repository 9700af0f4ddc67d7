//! The MGEN Assistance event request: what the adviser typed
//! ([`AssistanceSaisie`], text) and the typed request it reads into
//! ([`AssistanceDemande`]), with a French error naming the first unusable field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::simulateurs::erreur::SimulateurError;
use crate::simulateurs::saisie::{self, Texte};

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

/// A stay in hospital of a parent or of a child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hospitalisation {
    pub concerne: Concerne,
    pub imprevue: bool,
    pub entree: NaiveDate,
    pub sortie: NaiveDate,
    pub cause: Cause,
    pub etablissement: Etablissement,
}

/// A stay at the maternity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Maternite {
    pub parent: Parent,
    pub entree: NaiveDate,
    pub sortie: NaiveDate,
}

/// An immobilisation at home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Immobilisation {
    pub parent: Parent,
    pub debut: NaiveDate,
    pub fin: NaiveDate,
    pub cause: Cause,
}

/// A PTA (perte temporaire d'autonomie) declared by MGEN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pta {
    pub parent: Parent,
    pub declaration: NaiveDate,
}

/// A serious illness (or long treatment) of a child arising or worsening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaladieGraveEnfant {
    pub enfant: Enfant,
    pub survenance: NaiveDate,
}

/// A professional transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mutation {
    pub date_mutation: Option<NaiveDate>,
    pub demenagement: Option<NaiveDate>,
    pub en_france: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evenement {
    Hospitalisation(Hospitalisation),
    Maternite(Maternite),
    Immobilisation(Immobilisation),
    Pta(Pta),
    MaladieGraveEnfant(MaladieGraveEnfant),
    Mutation(Mutation),
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

/// The event as typed, read by its type; `TYPES` gives the numbers.
fn lire_evenement(e: &EvenementSaisie) -> Result<Evenement, SimulateurError> {
    let t = saisie::choix("evenement.type", &e.type_evenement, TYPES)?;
    let parent = || saisie::choix("evenement.personne", &e.personne, PERSONNES);
    let cause = || saisie::choix("evenement.cause", &e.cause, CAUSES);
    Ok(match t {
        0 | 1 => {
            let concerne = if t == 0 {
                Concerne::Parent(parent()?)
            } else {
                Concerne::Enfant(lire_enfant("evenement.enfant", &e.enfant)?)
            };
            let (entree, sortie) = periode(e)?;
            Evenement::Hospitalisation(Hospitalisation {
                concerne,
                imprevue: saisie::oui_non("evenement.imprevue", e.imprevue)?,
                entree,
                sortie,
                cause: cause()?,
                etablissement: saisie::choix(
                    "evenement.etablissement",
                    &e.etablissement,
                    ETABLISSEMENTS,
                )?,
            })
        }
        2 => {
            let (entree, sortie) = periode(e)?;
            Evenement::Maternite(Maternite {
                parent: parent()?,
                entree,
                sortie,
            })
        }
        3 => {
            let (debut, fin) = periode(e)?;
            Evenement::Immobilisation(Immobilisation {
                parent: parent()?,
                debut,
                fin,
                cause: cause()?,
            })
        }
        4 => Evenement::Pta(Pta {
            parent: parent()?,
            declaration: saisie::date("evenement.debut", &e.debut)?,
        }),
        5 => Evenement::MaladieGraveEnfant(MaladieGraveEnfant {
            enfant: lire_enfant("evenement.enfant", &e.enfant)?,
            survenance: saisie::date("evenement.debut", &e.debut)?,
        }),
        _ => Evenement::Mutation(Mutation {
            date_mutation: saisie::date_opt("evenement.debut", &e.debut)?,
            demenagement: saisie::date_opt("evenement.fin", &e.fin)?,
            en_france: saisie::oui_non("evenement.en_france", e.en_france)?,
        }),
    })
}

/// The start of a previous envelope, which cannot follow the event that
/// opens a new one (a PTA, a child's illness).
fn enveloppe_precedente(
    t: &Texte,
    evenement: &Evenement,
) -> Result<Option<NaiveDate>, SimulateurError> {
    let precedente = saisie::date_opt("enveloppe_precedente", t)?;
    if let (Some(p), Evenement::Pta(Pta { declaration: d, .. }))
    | (Some(p), Evenement::MaladieGraveEnfant(MaladieGraveEnfant { survenance: d, .. })) =
        (precedente, evenement)
    {
        if p > *d {
            return Err(SimulateurError::champ(
                "enveloppe_precedente",
                "l'enveloppe précédente doit commencer avant l'événement",
            ));
        }
    }
    Ok(precedente)
}

impl AssistanceSaisie {
    /// Reads the event, the household, the home and the dates; the first
    /// unusable field is named in the error.
    pub fn lire(&self) -> Result<AssistanceDemande, SimulateurError> {
        let evenement = lire_evenement(&self.evenement)?;
        let mut enfants = Vec::new();
        for (i, x) in self.foyer.enfants.iter().enumerate() {
            enfants.push(lire_enfant(&format!("foyer.enfants[{}]", i + 1), x)?);
        }
        let enveloppe_precedente = enveloppe_precedente(&self.enveloppe_precedente, &evenement)?;
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
