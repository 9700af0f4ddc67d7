//! A household's year in one estimate: the adhérent and the persons their
//! cover names (conjoint, enfants, autres), each with their own assuré
//! fields and acts, estimated together under each offer, and what each
//! offer costs the household over the year.
//!
//! The household document is a superset of the single-member one
//! ([`super::situation`]): the same `date` and `offre`, and instead of
//! `assure` and `actes`, a list `foyer` of persons, each with `relation`,
//! an optional `nom`, their own `assure` and `actes`; then the optional
//! yearly `cotisations` of each offer for this household and the act whose
//! quantity the cost comparison varies (`variation`).
//!
//! ```text
//! { "date": "2018-06-15", "offre": null,
//!   "foyer": [
//!     { "relation": "adherent", "nom": "Claire",
//!       "assure": { …as in the single-member document… },
//!       "actes": [ { "code": "consultation_generaliste", "frais_reels": "30.00" } ] },
//!     { "relation": "enfant", "assure": { … }, "actes": [ … ] } ],
//!   "cotisations": { "initiale": "600.00", "equilibre": "720.00" },   optional
//!   "variation": { "personne": 1, "acte": 0 } }                        optional
//! ```
//!
//! A person may also carry `alternative_100_sante`, the 100 % Santé
//! option of their devis, as the single-member document does; its
//! estimate goes to that person's `resultat.alternative_100_sante`
//! ([`alternatives`]). The household's totals and cost stay those of the
//! chosen acts.
//!
//! [`estimer_foyer`] prices every act of the household in date order under
//! each offer ([`super::estimer_membres`]): each person's AMO caps are
//! their own (seed 000, "plafond annuel par personne"), and each MGEN
//! limit or envelope is the person's or the household's as the Annexe
//! reads ([`super::part_mgen`]'s `portee`). The result holds each
//! person's estimate (the single-member result, explained the same way),
//! the household's totals per offer and the cost over the year
//! ([`cout`]).

pub mod cout;
pub mod lecture;

use super::erreur::{ErreurEstimation, ErreurSaisie};
use super::format::Somme;
use super::resultat::{PartAmo, Resultat, Totaux};
use super::situation::{Acte, Assure, Situation};
use super::{estimer_membres, Tables, ARRONDI, MENTION};
use crate::tarifs::{Offre, ParOffre};
use chrono::NaiveDate;
use cout::CoutAnnuel;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Most persons in one household document.
pub const PERSONNES_MAX: usize = 12;

/// Who a person is to the adhérent (the membre participant), as the
/// Statuts name the persons their cover extends to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The membre participant, who holds the cover.
    Adherent,
    /// The bénéficiaire conjoint.
    Conjoint,
    Enfant,
    /// Another person the cover names.
    Autre,
}

impl Relation {
    pub const NOMS: [(&'static str, Relation); 4] = [
        ("adherent", Relation::Adherent),
        ("conjoint", Relation::Conjoint),
        ("enfant", Relation::Enfant),
        ("autre", Relation::Autre),
    ];

    /// "adhérent", "conjoint"…
    pub fn libelle(self) -> &'static str {
        match self {
            Relation::Adherent => "adhérent",
            Relation::Conjoint => "conjoint",
            Relation::Enfant => "enfant",
            Relation::Autre => "autre bénéficiaire",
        }
    }
}

/// One person of the household and their acts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Personne {
    pub relation: Relation,
    /// A first name or a mark for the printout (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub nom: Option<String>,
    pub assure: Assure,
    pub actes: Vec<Acte>,
    /// The 100 % Santé option of this person's devis (#16), as in the
    /// single-member document: estimated as this person's acts instead of
    /// the chosen ones, the rest of the household unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub alternative_100_sante: Option<Vec<Acte>>,
}

/// The act whose quantity the cost comparison varies: its person and its
/// position in that person's acts (from 0, as the JSON paths count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Variation {
    pub personne: u32,
    pub acte: u32,
}

/// The whole input of a household estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SituationFoyer {
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[serde(default)]
    pub offre: Option<Offre>,
    pub foyer: Vec<Personne>,
    /// The yearly cotisation of each offer for this household, as the
    /// adviser enters it from the section's grid (none ships with Guichet).
    #[serde(default, skip_serializing_if = "ParOffre::is_empty")]
    #[ts(type = "Partial<Record<Offre, string>> | undefined")]
    pub cotisations: ParOffre<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub variation: Option<Variation>,
    /// The section's grid the cotisations were filled from, when they were
    /// not changed since (for the print; the engine does not read it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub grille_cotisations: Option<GrilleAppliquee>,
}

/// The section's cotisation grid a household's cotisations come from: its
/// libellé and the date it applies from, as kept in the settings
/// ([`crate::cotisations`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct GrilleAppliquee {
    pub libelle: String,
    #[ts(type = "string")]
    pub date_effet: NaiveDate,
}

impl SituationFoyer {
    /// Each person as a single-member situation: the household's date and
    /// offer, the person's assuré fields and acts.
    pub fn membres(&self) -> Vec<Situation> {
        self.foyer
            .iter()
            .map(|p| Situation {
                date: self.date,
                offre: self.offre,
                assure: p.assure.clone(),
                actes: p.actes.clone(),
                alternative_100_sante: None,
            })
            .collect()
    }

    /// The name shown for person `k`: their `nom`, else "Personne N
    /// (relation)".
    pub fn nom(&self, k: usize) -> String {
        let p = &self.foyer[k];
        match &p.nom {
            Some(n) => n.clone(),
            None => format!("Personne {} ({})", k + 1, p.relation.libelle()),
        }
    }
}

/// A situation document: one member, or a household.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Document {
    Foyer(SituationFoyer),
    Seul(Situation),
}

/// One person's estimate within the household's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultatPersonne {
    pub nom: String,
    pub relation: Relation,
    /// The same result as a single-member estimate, its limits and
    /// envelopes counted with the household's where the Annexe reads so.
    pub resultat: Resultat,
}

/// The household's sums under one offer (exact sums of the persons'
/// totals shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TotalFoyer {
    pub offre: Offre,
    pub libelle: String,
    pub totaux: Totaux,
    pub lecture_a_confirmer: bool,
}

/// The whole household estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultatFoyer {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub personnes: Vec<ResultatPersonne>,
    /// One entry per offer asked, in the table's column order.
    pub foyer: Vec<TotalFoyer>,
    /// Cotisations + reste à charge per offer, and what would change the
    /// cheapest one.
    pub cout: CoutAnnuel,
    pub arrondi: String,
    pub mention: String,
}

/// An estimate of either document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ResultatDocument {
    Foyer(ResultatFoyer),
    Seul(Resultat),
}

/// Estimates a document of either kind.
pub fn estimer_document(
    document: &Document,
    tables: &Tables<'_>,
) -> Result<ResultatDocument, ErreurEstimation> {
    match document {
        Document::Seul(s) => super::estimer(s, tables).map(ResultatDocument::Seul),
        Document::Foyer(f) => estimer_foyer(f, tables).map(ResultatDocument::Foyer),
    }
}

/// Estimates a household: each person's acts with the household's shared
/// limits and envelopes, the household's totals per offer, and the cost
/// of each offer over the year ([`cout::comparer`]). Errors name the
/// faulty input by its JSON path (`foyer[1].actes[0].frais_reels`).
pub fn estimer_foyer(
    situation: &SituationFoyer,
    tables: &Tables<'_>,
) -> Result<ResultatFoyer, ErreurEstimation> {
    lecture::valider_foyer(situation)?;
    let mut resultat = estimer_sans_cout(situation, tables)?;
    resultat.cout = cout::comparer(situation, &resultat, tables)?;
    alternatives(situation, &mut resultat, tables)?;
    Ok(resultat)
}

/// Each person's 100 % Santé option, estimated as the single-member
/// document does (the same person, the option's acts instead of the
/// chosen ones) within the household: the other persons keep their acts,
/// so a limit or envelope the household shares is counted with their use
/// as it is for the chosen acts. Errors name
/// `foyer[k].alternative_100_sante[i]…`.
fn alternatives(
    situation: &SituationFoyer,
    resultat: &mut ResultatFoyer,
    tables: &Tables<'_>,
) -> Result<(), ErreurEstimation> {
    for (k, personne) in situation.foyer.iter().enumerate() {
        let Some(actes) = &personne.alternative_100_sante else {
            continue;
        };
        let mut membres = situation.membres();
        membres[k].actes = actes.clone();
        let mut r = estimer_membres(&membres, tables).map_err(|(j, e)| {
            if j == k {
                dans_personne(e.dans("alternative_100_sante"), k)
            } else {
                dans_personne(e, j)
            }
        })?;
        resultat.personnes[k].resultat.alternative_100_sante = Some(r.swap_remove(k).offres);
    }
    Ok(())
}

/// The household's estimate without the cost comparison (which
/// re-estimates variants of the household through it).
pub(crate) fn estimer_sans_cout(
    situation: &SituationFoyer,
    tables: &Tables<'_>,
) -> Result<ResultatFoyer, ErreurEstimation> {
    let resultats =
        estimer_membres(&situation.membres(), tables).map_err(|(k, e)| dans_personne(e, k))?;
    let foyer = totaux_du_foyer(&resultats);
    let personnes = resultats
        .into_iter()
        .enumerate()
        .map(|(k, resultat)| ResultatPersonne {
            nom: situation.nom(k),
            relation: situation.foyer[k].relation,
            resultat,
        })
        .collect();
    Ok(ResultatFoyer {
        date: situation.date,
        personnes,
        foyer,
        cout: CoutAnnuel::default(),
        arrondi: ARRONDI.to_string(),
        mention: MENTION.to_string(),
    })
}

/// The same error, about person `k` of the household.
pub fn dans_personne(e: ErreurEstimation, k: usize) -> ErreurEstimation {
    match e {
        ErreurEstimation::Saisie(e) => ErreurEstimation::Saisie(saisie_dans_personne(e, k)),
        donnees => donnees,
    }
}

/// The same input error, its JSON path under `foyer[k]`.
pub fn saisie_dans_personne(e: ErreurSaisie, k: usize) -> ErreurSaisie {
    ErreurSaisie::new(
        if e.chemin.is_empty() {
            format!("foyer[{k}]")
        } else {
            format!("foyer[{k}].{}", e.chemin)
        },
        e.message,
    )
}

/// Per offer, the sums of the persons' totals.
fn totaux_du_foyer(resultats: &[Resultat]) -> Vec<TotalFoyer> {
    let Some(premier) = resultats.first() else {
        return Vec::new();
    };
    premier
        .offres
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let offres: Vec<_> = resultats.iter().map(|r| &r.offres[i]).collect();
            let mut sommes = [Somme::default(); 9];
            for t in offres.iter().map(|o| &o.totaux) {
                let montants = [
                    t.frais_reels,
                    t.brss,
                    t.amo.brut,
                    t.amo.participation_forfaitaire,
                    t.amo.franchise,
                    t.amo.participation_18,
                    t.amo.net,
                    t.mgen,
                    t.reste_a_charge,
                ];
                for (s, m) in sommes.iter_mut().zip(montants) {
                    s.ajouter(m);
                }
            }
            let [frais_reels, brss, brut, participation_forfaitaire, franchise, participation_18, net, mgen, reste_a_charge] =
                sommes.map(Somme::total);
            TotalFoyer {
                offre: o.offre,
                libelle: o.libelle.clone(),
                totaux: Totaux {
                    frais_reels,
                    brss,
                    amo: PartAmo {
                        brut,
                        participation_forfaitaire,
                        franchise,
                        participation_18,
                        net,
                    },
                    mgen,
                    reste_a_charge,
                },
                lecture_a_confirmer: offres.iter().any(|o| o.lecture_a_confirmer),
            }
        })
        .collect()
}

/// The household's reste à charge under `offre`, if estimated.
pub fn reste_du_foyer(r: &ResultatFoyer, offre: Offre) -> Option<Decimal> {
    r.foyer
        .iter()
        .find(|t| t.offre == offre)
        .map(|t| t.totaux.reste_a_charge)
}
