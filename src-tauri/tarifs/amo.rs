//! The AMO (Sécurité sociale) parameters as dated values, OpenFisca-style:
//! each parameter holds values keyed by the date they take effect, each with
//! its legal reference and source. The lookup at a date returns the latest
//! value on or before it; [`ParametresAmo::verifie_jusqu_au`] plays the role
//! of OpenFisca's `last_value_still_valid_on` (after it, results must warn).
//!
//! The shipped file is `assets/tarifs/amo.toml` (format described at its
//! top). A value may be absent for a period ("no value known"): the engine
//! then asks for the amount in the input instead of inventing one.
//!
//! This module only reads and looks up data; it computes nothing.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use ts_rs::TS;

/// First date Guichet covers: every parameter must have exactly one value in
/// force for every date from this one on.
pub const PREMIERE_DATE_COUVERTE: NaiveDate = match NaiveDate::from_ymd_opt(2018, 1, 1) {
    Some(d) => d,
    None => panic!("date invalide"),
};

/// What a parameter's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UniteParametre {
    /// Euros.
    Euro,
    /// A percentage (70 for 70 %).
    Pourcent,
    /// A plain number (months, days).
    Nombre,
}

/// One dated value of a parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ValeurDatee {
    /// First day the value applies.
    #[ts(type = "string")]
    pub depuis: NaiveDate,
    /// `None`: no value known for the period (the amount must be entered).
    #[ts(type = "string | null")]
    #[serde(default)]
    pub valeur: Option<Decimal>,
    /// The legal text or decision that sets the value.
    pub reference: String,
    /// Where the value was read.
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// One AMO parameter and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Parametre {
    /// Dotted id used by the catalogue and the engine ("taux.medecin").
    pub id: String,
    /// French label.
    pub libelle: String,
    pub unite: UniteParametre,
    /// Values in increasing `depuis` order (checked on load).
    #[serde(rename = "valeur")]
    pub valeurs: Vec<ValeurDatee>,
}

impl Parametre {
    /// The value in force on `date`: the latest one whose `depuis` is on or
    /// before it; `None` before the first one.
    pub fn au(&self, date: NaiveDate) -> Option<&ValeurDatee> {
        self.valeurs.iter().rev().find(|v| v.depuis <= date)
    }
}

/// The whole set of AMO parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ParametresAmo {
    /// Like OpenFisca's `last_value_still_valid_on`: the last value of every
    /// parameter is known to be still valid up to this date.
    #[ts(type = "string")]
    pub verifie_jusqu_au: NaiveDate,
    #[serde(rename = "parametre")]
    pub parametres: Vec<Parametre>,
}

impl ParametresAmo {
    /// The parameter with this id.
    pub fn parametre(&self, id: &str) -> Option<&Parametre> {
        self.parametres.iter().find(|p| p.id == id)
    }

    /// The dated value of parameter `id` in force on `date`.
    pub fn valeur_au(&self, id: &str, date: NaiveDate) -> Result<&ValeurDatee, ErreurAmo> {
        let p = self
            .parametre(id)
            .ok_or_else(|| ErreurAmo::Inconnu(id.to_string()))?;
        p.au(date).ok_or_else(|| ErreurAmo::AvantPremiereValeur {
            id: id.to_string(),
            date,
        })
    }

    /// Whether values used at `date` may be out of date (the date is after
    /// [`Self::verifie_jusqu_au`]).
    pub fn perime_au(&self, date: NaiveDate) -> bool {
        date > self.verifie_jusqu_au
    }
}

/// Errors of reading or looking up the AMO parameters (French messages).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurAmo {
    #[error("{origine} : fichier des paramètres AMO illisible : {message}")]
    Syntaxe { origine: String, message: String },
    #[error("{origine} : paramètre « {id} » : {message}")]
    Invalide {
        origine: String,
        id: String,
        message: String,
    },
    #[error("paramètre AMO inconnu : « {0} »")]
    Inconnu(String),
    #[error("paramètre AMO « {id} » : aucune valeur en vigueur au {date}")]
    AvantPremiereValeur { id: String, date: NaiveDate },
}

/// Reads and validates an AMO parameters file. `origine` names the file in
/// messages.
pub fn parse_amo(origine: &str, texte: &str) -> Result<ParametresAmo, ErreurAmo> {
    let params: ParametresAmo = toml::from_str(texte).map_err(|e| ErreurAmo::Syntaxe {
        origine: origine.to_string(),
        message: e.to_string(),
    })?;
    valider(origine, &params)?;
    Ok(params)
}

fn valider(origine: &str, params: &ParametresAmo) -> Result<(), ErreurAmo> {
    let invalide = |id: &str, message: String| ErreurAmo::Invalide {
        origine: origine.to_string(),
        id: id.to_string(),
        message,
    };
    let mut vus = BTreeMap::new();
    for p in &params.parametres {
        if vus.insert(p.id.as_str(), ()).is_some() {
            return Err(invalide(&p.id, "défini deux fois".into()));
        }
        let Some(premiere) = p.valeurs.first() else {
            return Err(invalide(&p.id, "aucune valeur".into()));
        };
        if premiere.depuis > PREMIERE_DATE_COUVERTE {
            return Err(invalide(
                &p.id,
                format!(
                    "la première valeur commence le {}, après le {} : période non couverte",
                    premiere.depuis, PREMIERE_DATE_COUVERTE
                ),
            ));
        }
        for w in p.valeurs.windows(2) {
            if w[1].depuis <= w[0].depuis {
                return Err(invalide(
                    &p.id,
                    format!(
                        "dates non croissantes ({} puis {}) : deux valeurs se chevauchent",
                        w[0].depuis, w[1].depuis
                    ),
                ));
            }
        }
        for v in &p.valeurs {
            if v.reference.trim().is_empty() || v.source.trim().is_empty() {
                return Err(invalide(
                    &p.id,
                    format!("valeur du {} sans référence ou sans source", v.depuis),
                ));
            }
            match v.valeur {
                Some(x) if x.is_sign_negative() => {
                    return Err(invalide(&p.id, format!("valeur négative au {}", v.depuis)))
                }
                Some(x) if p.unite == UniteParametre::Pourcent && x > Decimal::ONE_HUNDRED => {
                    return Err(invalide(
                        &p.id,
                        format!("taux supérieur à 100 % au {}", v.depuis),
                    ))
                }
                None if v.note.is_none() => {
                    return Err(invalide(
                        &p.id,
                        format!("valeur absente au {} sans note qui l'explique", v.depuis),
                    ))
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// The shipped parameters (`assets/tarifs/amo.toml`), read once.
///
/// # Panics
/// Never in a released build: the shipped file is checked by the tests.
pub fn parametres_livres() -> &'static ParametresAmo {
    static PARAMS: OnceLock<ParametresAmo> = OnceLock::new();
    PARAMS.get_or_init(|| {
        parse_amo(
            "assets/tarifs/amo.toml",
            include_str!("../../assets/tarifs/amo.toml"),
        )
        .unwrap_or_else(|e| panic!("fichier AMO livré invalide : {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn v(id: &str, date: &str) -> Option<Decimal> {
        parametres_livres().valeur_au(id, d(date)).unwrap().valeur
    }

    #[test]
    fn shipped_file_loads() {
        assert!(parametres_livres().parametres.len() >= 30);
    }

    /// Date coverage (Catala-style): for every day from 2018-01-01 to the end
    /// of 2027, each parameter has exactly one value in force: the lookup
    /// finds one, and exactly one entry's [depuis, next depuis) holds the day.
    #[test]
    fn exactly_one_value_per_parameter_per_day() {
        let params = parametres_livres();
        let mut day = PREMIERE_DATE_COUVERTE;
        let end = d("2027-12-31");
        while day <= end {
            for p in &params.parametres {
                let holding = p
                    .valeurs
                    .iter()
                    .enumerate()
                    .filter(|(i, v)| {
                        v.depuis <= day && p.valeurs.get(i + 1).is_none_or(|next| day < next.depuis)
                    })
                    .count();
                assert_eq!(holding, 1, "{} au {day}", p.id);
                assert!(p.au(day).is_some(), "{} au {day}", p.id);
            }
            day = day.succ_opt().unwrap();
        }
    }

    // Values from domain.md's AMO facts table, checked one by one.
    #[test]
    fn consultation_bases_follow_the_dated_changes() {
        assert_eq!(
            v("base.consultation_generaliste", "2018-06-15"),
            Some(dec!(25))
        );
        assert_eq!(
            v("base.consultation_generaliste", "2023-10-31"),
            Some(dec!(25))
        );
        assert_eq!(
            v("base.consultation_generaliste", "2023-11-01"),
            Some(dec!(26.50))
        );
        assert_eq!(
            v("base.consultation_generaliste", "2024-12-21"),
            Some(dec!(26.50))
        );
        assert_eq!(
            v("base.consultation_generaliste", "2024-12-22"),
            Some(dec!(30))
        );
        assert_eq!(
            v("base.consultation_specialiste", "2018-01-01"),
            Some(dec!(30))
        );
        assert_eq!(
            v("base.consultation_specialiste", "2023-11-01"),
            Some(dec!(31.50))
        );
        assert_eq!(v("base.avis_ponctuel_consultant", "2018-05-31"), None);
        assert_eq!(
            v("base.avis_ponctuel_consultant", "2018-06-01"),
            Some(dec!(50))
        );
        assert_eq!(
            v("base.avis_ponctuel_consultant", "2022-04-01"),
            Some(dec!(55))
        );
        assert_eq!(
            v("base.avis_ponctuel_consultant", "2023-11-01"),
            Some(dec!(56.50))
        );
        assert_eq!(
            v("base.avis_ponctuel_consultant", "2024-12-22"),
            Some(dec!(60))
        );
    }

    #[test]
    fn rates_follow_the_dated_changes() {
        assert_eq!(v("taux.transport", "2023-07-31"), Some(dec!(65)));
        assert_eq!(v("taux.transport", "2023-08-01"), Some(dec!(55)));
        assert_eq!(v("taux.dentaire", "2023-10-14"), Some(dec!(70)));
        assert_eq!(v("taux.dentaire", "2023-10-15"), Some(dec!(60)));
        assert_eq!(v("taux.medecin", "2018-01-01"), Some(dec!(70)));
        assert_eq!(v("taux.hors_parcours", "2018-01-01"), Some(dec!(30)));
        assert_eq!(v("taux.lpp", "2018-01-01"), Some(dec!(60)));
        assert_eq!(v("taux.hospitalisation", "2018-01-01"), Some(dec!(80)));
        for (id, t) in [
            ("taux.medicament_65", dec!(65)),
            ("taux.medicament_30", dec!(30)),
            ("taux.medicament_15", dec!(15)),
            ("taux.medicament_100", dec!(100)),
            ("taux.auxiliaires", dec!(60)),
            ("taux.biologie", dec!(60)),
        ] {
            assert_eq!(v(id, "2020-01-01"), Some(t), "{id}");
        }
    }

    #[test]
    fn participations_and_franchises_follow_the_dated_changes() {
        assert_eq!(
            v("participation_forfaitaire.montant", "2024-05-14"),
            Some(dec!(1))
        );
        assert_eq!(
            v("participation_forfaitaire.montant", "2024-05-15"),
            Some(dec!(2))
        );
        assert_eq!(
            v("participation_forfaitaire.plafond_annuel", "2025-01-01"),
            Some(dec!(50))
        );
        assert_eq!(v("franchise.medicament", "2024-03-30"), Some(dec!(0.50)));
        assert_eq!(v("franchise.medicament", "2024-03-31"), Some(dec!(1)));
        assert_eq!(v("franchise.auxiliaire", "2024-03-31"), Some(dec!(1)));
        assert_eq!(v("franchise.transport", "2018-01-01"), Some(dec!(2)));
        assert_eq!(v("franchise.transport", "2024-03-31"), Some(dec!(4)));
        assert_eq!(
            v("franchise.plafond_journalier_auxiliaire", "2018-01-01"),
            Some(dec!(2))
        );
        assert_eq!(
            v("franchise.plafond_journalier_auxiliaire", "2024-03-31"),
            Some(dec!(4))
        );
        assert_eq!(
            v("franchise.plafond_journalier_transport", "2018-01-01"),
            Some(dec!(4))
        );
        assert_eq!(
            v("franchise.plafond_journalier_transport", "2024-03-31"),
            Some(dec!(8))
        );
        assert_eq!(v("franchise.plafond_annuel", "2024-03-31"), Some(dec!(50)));
    }

    #[test]
    fn hospital_and_device_values_follow_the_dated_changes() {
        assert_eq!(
            v("forfait_journalier.hospitalier", "2018-01-01"),
            Some(dec!(20))
        );
        assert_eq!(
            v("forfait_journalier.hospitalier", "2026-02-28"),
            Some(dec!(20))
        );
        assert_eq!(
            v("forfait_journalier.hospitalier", "2026-03-01"),
            Some(dec!(23))
        );
        assert_eq!(
            v("forfait_journalier.psychiatrie", "2018-01-01"),
            Some(dec!(15))
        );
        assert_eq!(
            v("forfait_journalier.psychiatrie", "2026-03-01"),
            Some(dec!(17))
        );
        assert_eq!(
            v("participation_actes_lourds.montant", "2018-12-31"),
            Some(dec!(18))
        );
        assert_eq!(
            v("participation_actes_lourds.montant", "2019-01-01"),
            Some(dec!(24))
        );
        assert_eq!(
            v("participation_actes_lourds.seuil", "2019-01-01"),
            Some(dec!(120))
        );
        assert_eq!(v("base.couronne", "2019-03-31"), Some(dec!(107.50)));
        assert_eq!(v("base.couronne", "2019-04-01"), Some(dec!(120)));
        assert_eq!(
            v("base.audioprothese_adulte", "2018-12-31"),
            Some(dec!(199.71))
        );
        assert_eq!(
            v("base.audioprothese_adulte", "2019-01-01"),
            Some(dec!(300))
        );
        assert_eq!(
            v("base.audioprothese_adulte", "2021-01-01"),
            Some(dec!(400))
        );
        assert_eq!(v("base.lpp.2223342", "2018-03-01"), Some(dec!(2.84)));
        assert_eq!(v("base.lpp.2210546", "2018-03-01"), Some(dec!(30.49)));
        assert_eq!(v("base.lpp.2203240", "2018-03-01"), Some(dec!(2.29)));
        assert_eq!(v("base.lpp.2290396", "2018-03-01"), Some(dec!(7.32)));
        assert_eq!(v("base.lpp.2290396", "2020-01-01"), None);
        assert_eq!(v("maternite.mois_debut", "2018-01-01"), Some(dec!(6)));
        assert_eq!(
            v("maternite.jours_apres_accouchement", "2018-01-01"),
            Some(dec!(12))
        );
    }

    #[test]
    fn every_value_has_a_reference_and_a_source() {
        for p in &parametres_livres().parametres {
            for val in &p.valeurs {
                assert!(
                    !val.reference.is_empty() && !val.source.is_empty(),
                    "{}",
                    p.id
                );
            }
        }
    }

    #[test]
    fn staleness_after_the_verification_date() {
        let p = parametres_livres();
        assert!(!p.perime_au(p.verifie_jusqu_au));
        assert!(p.perime_au(p.verifie_jusqu_au.succ_opt().unwrap()));
    }

    #[test]
    fn lookup_before_2018_and_unknown_ids_are_errors() {
        let p = parametres_livres();
        assert!(matches!(
            p.valeur_au("taux.medecin", d("2017-12-31")),
            Err(ErreurAmo::AvantPremiereValeur { .. })
        ));
        assert!(matches!(
            p.valeur_au("taux.inexistant", d("2018-01-01")),
            Err(ErreurAmo::Inconnu(_))
        ));
    }

    const MINI: &str = r#"
verifie_jusqu_au = "2020-01-01"
[[parametre]]
id = "x"
libelle = "x"
unite = "euro"
[[parametre.valeur]]
depuis = "2018-01-01"
valeur = "1"
reference = "r"
source = "s"
"#;

    #[test]
    fn overlapping_or_unordered_dates_are_refused() {
        assert!(parse_amo("t", MINI).is_ok());
        let doubled = format!(
            "{MINI}[[parametre.valeur]]\ndepuis = \"2018-01-01\"\nvaleur = \"2\"\nreference = \"r\"\nsource = \"s\"\n"
        );
        let e = parse_amo("t", &doubled).unwrap_err().to_string();
        assert!(e.contains("se chevauchent"), "{e}");
    }

    #[test]
    fn late_start_unknown_keys_and_unexplained_gaps_are_refused() {
        let late = MINI.replace("2018-01-01", "2018-02-01");
        assert!(parse_amo("t", &late)
            .unwrap_err()
            .to_string()
            .contains("non couverte"));
        let unknown = MINI.replace("source = \"s\"", "source = \"s\"\ncouleur = \"bleu\"");
        assert!(matches!(
            parse_amo("t", &unknown),
            Err(ErreurAmo::Syntaxe { .. })
        ));
        let gap = MINI.replace("valeur = \"1\"\n", "");
        assert!(parse_amo("t", &gap)
            .unwrap_err()
            .to_string()
            .contains("sans note"));
        let negative = MINI.replace("valeur = \"1\"", "valeur = \"-1\"");
        assert!(parse_amo("t", &negative)
            .unwrap_err()
            .to_string()
            .contains("négative"));
    }
}
