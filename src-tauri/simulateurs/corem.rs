//! Garantie invalidité additionnelle au régime Corem (notice, seed 004):
//! the cotisation, 3,20 % of the annual Corem contribution or, once the
//! payments into Corem have stopped, of the average of the three calendar
//! years before the stop, buy-backs excluded (art. 11); paid at once or in 12
//! monthly payments; the conditions of adhesion (art. 2) and the dates: effect
//! on the 1st of the month after the request (art. 3), end of the first
//! yearly period, end of the 3-year waiting period (art. 3), end of the right
//! at the 60th birthday (art. 4).
//!
//! Readings of the notice (also given in the result's notes):
//! - the yearly cotisation is rounded to the cent, half away from zero; the
//!   monthly payment is the twelfth cut to the cent, the twelfth payment
//!   takes the remainder, so the twelve add up to the year;
//! - the waiting period of 3 years "à compter de la date d'effet" covers the
//!   effect date and ends the day before its third anniversary;
//! - with the average of three years (payments stopped), art. 11 speaks of
//!   keeping an existing guarantee: the conditions of art. 2 and the dates are
//!   still computed from the request date given, as for a new adhesion.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::bareme::BaremeCorem;
use super::dates::{age, ajouter_mois, anniversaire, fin_d_annee, premier_du_mois_suivant, veille};
use super::erreur::SimulateurError;
use super::saisie::{self, Texte};
use super::{au_centime, date_fr, euros_fr, motifs, pct_fr, Condition, Note, Statut};

/// The Corem request as typed. Give either `cotisation_annuelle` or the three
/// `versements` (oldest first) of the calendar years before the stop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct CoremSaisie {
    #[ts(type = "string")]
    pub cotisation_annuelle: Texte,
    #[ts(type = "Array<string>")]
    pub versements: Vec<Texte>,
    #[ts(type = "string")]
    pub date_naissance: Texte,
    #[ts(type = "string")]
    pub date_demande: Texte,
    /// `membre` (membre participant MGEN), `conjoint` (bénéficiaire conjoint
    /// MGEN) or `autre`.
    #[ts(type = "string")]
    pub qualite: Texte,
    pub en_activite: Option<bool>,
    /// On sick leave at the request.
    pub en_arret: bool,
    /// In invalidity at the request.
    pub en_invalidite: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualite {
    Membre,
    Conjoint,
    Autre,
}

const QUALITES: &[(&str, Qualite)] = &[
    ("membre", Qualite::Membre),
    ("conjoint", Qualite::Conjoint),
    ("autre", Qualite::Autre),
];

/// What the 3,20 % applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assiette {
    /// The annual Corem contribution.
    CotisationAnnuelle(Decimal),
    /// Payments of the calendar years before the stop, oldest first.
    Versements(Vec<Decimal>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoremDemande {
    pub assiette: Assiette,
    pub naissance: NaiveDate,
    pub date_demande: NaiveDate,
    pub qualite: Qualite,
    pub en_activite: bool,
    pub en_arret: bool,
    pub en_invalidite: bool,
}

impl CoremSaisie {
    /// Reads every field; `annees` is the number of years of the average.
    pub fn lire(&self, annees: u32) -> Result<CoremDemande, SimulateurError> {
        let assiette = self.lire_assiette(annees)?;
        let naissance = saisie::date("date_naissance", &self.date_naissance)?;
        let date_demande = saisie::date("date_demande", &self.date_demande)?;
        if naissance >= date_demande {
            return Err(SimulateurError::champ(
                "date_naissance",
                "la date de naissance doit précéder la date de la demande",
            ));
        }
        Ok(CoremDemande {
            assiette,
            naissance,
            date_demande,
            qualite: saisie::choix("qualite", &self.qualite, QUALITES)?,
            en_activite: saisie::oui_non("en_activite", self.en_activite)?,
            en_arret: self.en_arret,
            en_invalidite: self.en_invalidite,
        })
    }

    /// What the rate of art. 11 applies to: the annual contribution, or the
    /// `annees` payments before the stop — one or the other, never both.
    fn lire_assiette(&self, annees: u32) -> Result<Assiette, SimulateurError> {
        let annuelle = saisie::montant_opt("cotisation_annuelle", &self.cotisation_annuelle)?;
        let donnes = self.versements.iter().any(|t| t.valeur().is_some());
        match (annuelle, donnes) {
            (Some(_), true) => Err(SimulateurError::champ(
                "versements",
                "indiquez soit la cotisation annuelle, soit les versements des années passées, \
                 pas les deux",
            )),
            (None, false) => Err(SimulateurError::champ(
                "cotisation_annuelle",
                format!(
                    "à renseigner (ou, si les versements au Corem ont cessé, les versements des \
                     {annees} dernières années civiles)"
                ),
            )),
            (Some(a), false) if a.is_zero() => Err(SimulateurError::champ(
                "cotisation_annuelle",
                "la cotisation annuelle au Corem doit être supérieure à 0",
            )),
            (Some(a), false) => Ok(Assiette::CotisationAnnuelle(a)),
            (None, true) => self.lire_versements(annees).map(Assiette::Versements),
        }
    }

    /// The payments of the `annees` calendar years before the stop, one per
    /// year (0 for a year without), not all nil (art. 11).
    fn lire_versements(&self, annees: u32) -> Result<Vec<Decimal>, SimulateurError> {
        if self.versements.len() != annees as usize {
            return Err(SimulateurError::champ(
                "versements",
                format!(
                    "{annees} montants attendus, un par année civile (0 pour une année sans \
                     versement), {} reçu(s)",
                    self.versements.len()
                ),
            ));
        }
        let mut v = Vec::new();
        for (i, t) in self.versements.iter().enumerate() {
            v.push(saisie::montant(&format!("versements[{}]", i + 1), t)?);
        }
        if v.iter().all(|x| x.is_zero()) {
            return Err(SimulateurError::champ(
                "versements",
                "aucun versement sur ces années : la moyenne serait nulle",
            ));
        }
        Ok(v)
    }
}

/// The dates of the adhesion (computed when the request is admissible).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoremDates {
    /// 1st of the month after the request (art. 3).
    #[ts(type = "string")]
    pub date_effet: NaiveDate,
    /// 31 December of the year of effect; renewed each 1st January (art. 3).
    #[ts(type = "string")]
    pub fin_premiere_periode: NaiveDate,
    /// Last day of the 3-year waiting period (art. 3).
    #[ts(type = "string")]
    pub fin_delai_attente: NaiveDate,
    /// First day an invalidity can give rise to the benefit.
    #[ts(type = "string")]
    pub garantie_acquise_le: NaiveDate,
    /// The 60th birthday, when the right ends (art. 4).
    #[ts(type = "string")]
    pub date_fin: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoremResultat {
    /// `cotisation_annuelle` or `moyenne`.
    pub mode: String,
    /// The Corem contribution the rate applies to (for an average, rounded to
    /// the cent for display; the cotisation uses the exact average).
    #[ts(type = "string")]
    pub assiette: Decimal,
    #[ts(type = "Array<string>")]
    pub versements: Vec<Decimal>,
    #[ts(type = "string")]
    pub taux_pct: Decimal,
    /// Yearly cotisation of the guarantee, paid at once…
    #[ts(type = "string")]
    pub cotisation: Decimal,
    /// …or in `mensualites` payments: this amount, the last one `derniere_mensualite`.
    #[ts(type = "string")]
    pub mensualite: Decimal,
    #[ts(type = "string")]
    pub derniere_mensualite: Decimal,
    pub mensualites: u32,
    /// The arithmetic in French.
    pub calcul: String,
    pub eligible: bool,
    pub motifs: Vec<String>,
    pub conditions: Vec<Condition>,
    pub age_a_la_demande: u32,
    pub dates: Option<CoremDates>,
    pub avertissements: Vec<String>,
    pub notes: Vec<Note>,
    pub source: String,
}

const ART_ADHESION: &str = "art. 2";
const ART_EFFET: &str = "art. 3";
const ART_COTISATION: &str = "art. 11";

/// Prices the option (art. 11) and checks the conditions of adhesion
/// (art. 2); when they hold, dates the adhesion (art. 3 and 4).
pub fn simuler(b: &BaremeCorem, d: &CoremDemande) -> CoremResultat {
    let base = base_de_la_cotisation(b, &d.assiette);
    let cotisation = au_centime(base.cotisation_exacte);
    let versements = douze_versements(b, cotisation);
    let calcul = match &d.assiette {
        Assiette::CotisationAnnuelle(_) => format!(
            "{} × {} = {}",
            pct_fr(b.taux_pct),
            base.calcul,
            euros_fr(cotisation)
        ),
        Assiette::Versements(_) => format!(
            "{} ; {} × {} = {}",
            base.calcul,
            pct_fr(b.taux_pct),
            euros_fr(base.assiette),
            euros_fr(cotisation)
        ),
    };

    let a = age(d.naissance, d.date_demande);
    let conditions = vec![
        qualite(d.qualite),
        en_activite(d.en_activite),
        age_a_la_demande(b, d, a),
        pas_en_arret_de_travail(d.en_arret),
        pas_en_invalidite(d.en_invalidite),
    ];
    let eligible = !conditions.iter().any(|c| c.statut == Statut::NonRemplie);
    let dates = eligible.then(|| dates_de_l_adhesion(b, d));
    let avertissements = dates
        .as_ref()
        .and_then(|dt| prestation_impossible(b, dt))
        .into_iter()
        .collect();

    let mut notes = base.notes;
    notes.push(lecture_des_versements(b, cotisation, &versements));
    notes.extend(rappels_de_la_notice());

    CoremResultat {
        mode: base.mode.to_string(),
        assiette: base.assiette,
        versements: base.versements,
        taux_pct: b.taux_pct,
        cotisation,
        mensualite: versements.mensualite,
        derniere_mensualite: versements.derniere,
        mensualites: b.mensualites,
        calcul,
        eligible,
        motifs: motifs(&conditions),
        conditions,
        age_a_la_demande: a,
        dates,
        avertissements,
        notes,
        source: b.source.clone(),
    }
}

// ------------------------------------------------- art. 11: the cotisation

/// What the rate of art. 11 applies to, and how it was reached.
struct BaseCotisation {
    /// `cotisation_annuelle` or `moyenne`.
    mode: &'static str,
    /// Rounded to the cent for display.
    assiette: Decimal,
    versements: Vec<Decimal>,
    /// The yearly cotisation before rounding (from the exact average).
    cotisation_exacte: Decimal,
    /// The base in French: the contribution, or the average worked out.
    calcul: String,
    notes: Vec<Note>,
}

/// The base of the cotisation (art. 11): the annual Corem contribution or,
/// once the payments have stopped, the average of the three calendar years
/// before the stop, buy-backs excluded.
fn base_de_la_cotisation(b: &BaremeCorem, assiette: &Assiette) -> BaseCotisation {
    let cent = Decimal::ONE_HUNDRED;
    match assiette {
        Assiette::CotisationAnnuelle(a) => BaseCotisation {
            mode: "cotisation_annuelle",
            assiette: au_centime(*a),
            versements: Vec::new(),
            cotisation_exacte: *a * b.taux_pct / cent,
            calcul: euros_fr(*a),
            notes: Vec::new(),
        },
        Assiette::Versements(v) => {
            let somme: Decimal = v.iter().sum();
            let n = Decimal::from(v.len() as u64);
            let liste: Vec<String> = v.iter().map(|x| euros_fr(*x)).collect();
            BaseCotisation {
                mode: "moyenne",
                assiette: au_centime(somme / n),
                versements: v.iter().map(|x| au_centime(*x)).collect(),
                cotisation_exacte: somme * b.taux_pct / (cent * n),
                calcul: format!(
                    "moyenne ({}) / {} = {}",
                    liste.join(" + "),
                    v.len(),
                    euros_fr(somme / n)
                ),
                notes: vec![
                    Note::info(
                        "Moyenne des versements au Corem des trois années civiles précédant \
                         l'année de l'arrêt des versements, rachats de cotisations défiscalisées \
                         exclus : saisir les montants hors rachats.",
                        ART_COTISATION,
                    ),
                    Note::lecture(
                        "L'art. 11 prévoit ce calcul pour maintenir la garantie après l'arrêt des \
                         versements au Corem ; les conditions d'adhésion et les dates ci-dessous \
                         sont celles d'une adhésion demandée à la date indiquée.",
                        ART_COTISATION,
                    ),
                ],
            }
        }
    }
}

/// The yearly cotisation in monthly payments (art. 11).
struct Versements {
    mensualite: Decimal,
    derniere: Decimal,
}

/// The cotisation paid in 12 payments (art. 11): each the twelfth cut to
/// the cent, the last one taking the remainder, so they add up to the year.
fn douze_versements(b: &BaremeCorem, cotisation: Decimal) -> Versements {
    let n = Decimal::from(b.mensualites);
    let mut mensualite = (cotisation / n).round_dp_with_strategy(2, RoundingStrategy::ToZero);
    mensualite.rescale(2);
    let derniere = au_centime(cotisation - mensualite * (n - Decimal::ONE));
    Versements {
        mensualite,
        derniere,
    }
}

/// How the cotisation and its payments were rounded (art. 11).
fn lecture_des_versements(b: &BaremeCorem, cotisation: Decimal, v: &Versements) -> Note {
    Note::info(
        format!(
            "Cotisation annuelle arrondie au centime (au plus proche, la moitié vers le haut). En \
             {} versements : chacun est le douzième arrondi au centime inférieur, le dernier \
             reprend le reste ({} × {} + {} = {}).",
            b.mensualites,
            b.mensualites - 1,
            euros_fr(v.mensualite),
            euros_fr(v.derniere),
            euros_fr(cotisation)
        ),
        ART_COTISATION,
    )
}

// --------------------------------------------- art. 2: who may adhere

/// A membre participant or a bénéficiaire conjoint MGEN (art. 2).
fn qualite(q: Qualite) -> Condition {
    let (statut, detail) = match q {
        Qualite::Membre => (Statut::Remplie, "membre participant MGEN"),
        Qualite::Conjoint => (Statut::Remplie, "bénéficiaire conjoint MGEN"),
        Qualite::Autre => (
            Statut::NonRemplie,
            "La garantie est réservée aux membres participants et aux bénéficiaires conjoints MGEN.",
        ),
    };
    Condition::new(
        "qualite",
        "Membre participant ou bénéficiaire conjoint MGEN",
        ART_ADHESION,
        statut,
        detail,
    )
}

/// In professional activity (art. 2).
fn en_activite(en_activite: bool) -> Condition {
    let (statut, detail) = if en_activite {
        (Statut::Remplie, "en activité")
    } else {
        (
            Statut::NonRemplie,
            "La garantie est réservée aux personnes en activité professionnelle.",
        )
    };
    Condition::new("activite", "En activité", ART_ADHESION, statut, detail)
}

/// Under 57 at the request (art. 2); `a` is the age that day.
fn age_a_la_demande(b: &BaremeCorem, d: &CoremDemande, a: u32) -> Condition {
    let limite = anniversaire(d.naissance, b.age_max_demande);
    let libelle = format!("Moins de {} ans à la demande", b.age_max_demande);
    let (statut, detail) = if a >= b.age_max_demande {
        (
            Statut::NonRemplie,
            format!(
                "{a} ans à la date de la demande ({}) : l'adhésion est ouverte avant {} ans \
                 (anniversaire des {} ans le {}).",
                date_fr(d.date_demande),
                b.age_max_demande,
                b.age_max_demande,
                date_fr(limite)
            ),
        )
    } else {
        (
            Statut::Remplie,
            format!(
                "{a} ans à la demande ; {} ans le {}",
                b.age_max_demande,
                date_fr(limite)
            ),
        )
    };
    Condition::new("age", &libelle, ART_ADHESION, statut, detail)
}

/// Not on sick leave at the request (art. 2).
fn pas_en_arret_de_travail(en_arret: bool) -> Condition {
    let (statut, detail) = if en_arret {
        (
            Statut::NonRemplie,
            "Demande présentée pendant un arrêt de travail : elle n'est pas recevable.",
        )
    } else {
        (Statut::Remplie, "pas d'arrêt de travail déclaré")
    };
    Condition::new(
        "arret_travail",
        "Pas en arrêt de travail à la demande",
        ART_ADHESION,
        statut,
        detail,
    )
}

/// Not in invalidity at the request (art. 2).
fn pas_en_invalidite(en_invalidite: bool) -> Condition {
    let (statut, detail) = if en_invalidite {
        (
            Statut::NonRemplie,
            "Demande présentée en période d'invalidité : elle n'est pas recevable.",
        )
    } else {
        (Statut::Remplie, "pas d'invalidité déclarée")
    };
    Condition::new(
        "invalidite",
        "Pas en période d'invalidité à la demande",
        ART_ADHESION,
        statut,
        detail,
    )
}

// ------------------------------------------- art. 3 and 4: the dates

/// The dates of an adhesion (art. 3): effect on the 1st of the month after
/// the request, first period to 31 December, 3-year waiting period from the
/// effect date; the right ends at the 60th birthday (art. 4).
fn dates_de_l_adhesion(b: &BaremeCorem, d: &CoremDemande) -> CoremDates {
    let date_effet = premier_du_mois_suivant(d.date_demande);
    let garantie_acquise_le = ajouter_mois(date_effet, b.delai_attente_ans * 12);
    CoremDates {
        date_effet,
        fin_premiere_periode: fin_d_annee(date_effet),
        fin_delai_attente: veille(garantie_acquise_le),
        garantie_acquise_le,
        date_fin: anniversaire(d.naissance, b.age_fin),
    }
}

/// The warning when the waiting period of art. 3 ends only after the right
/// has ended (art. 4): no benefit could ever be paid.
fn prestation_impossible(b: &BaremeCorem, dt: &CoremDates) -> Option<String> {
    (dt.garantie_acquise_le >= dt.date_fin).then(|| {
        format!(
            "Le délai d'attente ne se termine que le {}, alors que la garantie cesse au {}e \
             anniversaire, le {} : aucune prestation ne pourrait être versée.",
            date_fr(dt.fin_delai_attente),
            b.age_fin,
            date_fr(dt.date_fin)
        )
    })
}

/// What the notice says of the waiting period (art. 3) and of cancelling
/// (art. 13), recalled in every result.
fn rappels_de_la_notice() -> [Note; 2] {
    [
        Note::info(
            "Une invalidité classée pendant le délai d'attente ne donne lieu à aucune prestation \
             et met fin à l'adhésion sans remboursement des cotisations.",
            ART_EFFET,
        ),
        Note::info(
            "Résiliation par lettre recommandée au moins deux mois avant l'échéance annuelle, \
             soit au plus tard le 31 octobre.",
            "art. 13",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulateurs::Baremes;
    use rust_decimal_macros::dec;

    #[test]
    fn twelve_payments_add_up_to_the_year() {
        let b = Baremes::integres().unwrap().corem;
        // 3,20 % × 1 000 = 32,00 ; 32 / 12 = 2,666… → 2,66 ; last 32 − 11 × 2,66 = 2,74.
        let d = CoremDemande {
            assiette: Assiette::CotisationAnnuelle(dec!(1000)),
            naissance: NaiveDate::from_ymd_opt(1980, 5, 10).unwrap(),
            date_demande: NaiveDate::from_ymd_opt(2018, 3, 15).unwrap(),
            qualite: Qualite::Membre,
            en_activite: true,
            en_arret: false,
            en_invalidite: false,
        };
        let r = simuler(&b, &d);
        assert_eq!(r.cotisation, dec!(32.00));
        assert_eq!(
            (r.mensualite, r.derniere_mensualite),
            (dec!(2.66), dec!(2.74))
        );
        assert_eq!(
            r.mensualite * dec!(11) + r.derniere_mensualite,
            r.cotisation
        );
    }
}
