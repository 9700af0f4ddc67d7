//! Which version of the table applies on a date: the latest one whose
//! `en_vigueur_le` is on or before the date (as OpenFisca parameters are
//! looked up); before the first version, a clear error.

use super::erreur::TarifError;
use super::model::Bareme;
use chrono::NaiveDate;

/// The version in force on `date` among `baremes` (in any order).
pub fn bareme_en_vigueur(baremes: &[Bareme], date: NaiveDate) -> Result<&Bareme, TarifError> {
    let mut retenu: Option<&Bareme> = None;
    for b in baremes.iter().filter(|b| b.en_vigueur_le <= date) {
        match retenu {
            Some(r) if r.en_vigueur_le == b.en_vigueur_le => {
                return Err(TarifError::Chevauchement {
                    date: b.en_vigueur_le,
                    premier: r.nom.clone(),
                    second: b.nom.clone(),
                })
            }
            Some(r) if r.en_vigueur_le > b.en_vigueur_le => {}
            _ => retenu = Some(b),
        }
    }
    retenu.ok_or(TarifError::AucunBareme { date })
}

/// The warning to show when the newest version held started more than a
/// year before `aujourdhui` (a newer table has probably been published):
/// `None` when it is recent enough or when no version is held.
pub fn avertissement_anciennete(baremes: &[Bareme], aujourdhui: NaiveDate) -> Option<String> {
    let plus_recent = baremes.iter().max_by_key(|b| b.en_vigueur_le)?;
    let limite = plus_recent
        .en_vigueur_le
        .checked_add_months(chrono::Months::new(12))?;
    (aujourdhui > limite).then(|| {
        format!(
            "Le barème le plus récent de Guichet (« {} ») est en vigueur depuis le {}, il y a plus d'un an : vérifiez auprès de votre section qu'aucun tableau des prestations plus récent n'a été publié, et importez-le. Les montants affichés suivent le barème de {}.",
            plus_recent.nom,
            plus_recent.en_vigueur_le.format("%d/%m/%Y"),
            plus_recent.en_vigueur_le.format("%Y")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bareme(nom: &str, y: i32, m: u32, d: u32) -> Bareme {
        Bareme::new(
            nom.into(),
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            "essai".into(),
            vec![],
        )
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn latest_version_on_or_before_the_date_applies() {
        let v = [bareme("2019", 2019, 1, 1), bareme("2018", 2018, 1, 1)];
        assert_eq!(bareme_en_vigueur(&v, date(2018, 1, 1)).unwrap().nom, "2018");
        assert_eq!(
            bareme_en_vigueur(&v, date(2018, 12, 31)).unwrap().nom,
            "2018"
        );
        assert_eq!(bareme_en_vigueur(&v, date(2019, 1, 1)).unwrap().nom, "2019");
        assert_eq!(bareme_en_vigueur(&v, date(2030, 6, 1)).unwrap().nom, "2019");
    }

    #[test]
    fn before_the_first_version_the_error_says_so() {
        let v = [bareme("2018", 2018, 1, 1)];
        let e = bareme_en_vigueur(&v, date(2017, 3, 14)).unwrap_err();
        assert_eq!(e.to_string(), "aucun barème en vigueur au 14/03/2017");
        assert!(bareme_en_vigueur(&[], date(2018, 3, 14)).is_err());
    }

    #[test]
    fn a_table_more_than_a_year_old_is_flagged() {
        let v = [bareme("A", 2018, 1, 1), bareme("MGEN 2019", 2019, 3, 1)];
        // 2019-03-01 + 12 months = 2020-03-01: that day is not yet "more than a year".
        assert_eq!(avertissement_anciennete(&v, date(2020, 3, 1)), None);
        let m = avertissement_anciennete(&v, date(2020, 3, 2)).unwrap();
        assert!(m.contains("« MGEN 2019 »"), "{m}");
        assert!(m.contains("depuis le 01/03/2019"), "{m}");
        assert_eq!(avertissement_anciennete(&[], date(2026, 11, 22)), None);
        let m = avertissement_anciennete(&v[..1], date(2026, 11, 22)).unwrap();
        assert!(m.contains("depuis le 01/01/2018"), "{m}");
    }

    #[test]
    fn two_versions_on_the_same_day_are_refused() {
        let v = [bareme("A", 2018, 1, 1), bareme("B", 2018, 1, 1)];
        let e = bareme_en_vigueur(&v, date(2018, 5, 1)).unwrap_err();
        assert!(
            e.to_string()
                .contains("deux barèmes commencent le 01/01/2018"),
            "{e}"
        );
    }
}
