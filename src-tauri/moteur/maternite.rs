//! The maternité window (seed 000, "Si je suis enceinte"): 100 % for all
//! reimbursable care from the 1st day of the 6th month of pregnancy to the
//! 12th day after the birth, and no participation forfaitaire nor franchise
//! in that window. The 6th month starts 5 months after the start of the
//! pregnancy; the birth is the `accouchement` date when known, else the term.

use super::format::date_fr;
use super::resultat::PeriodeMaternite;
use super::situation::Grossesse;
use chrono::{Days, Months, NaiveDate};

/// The computed window and the whole pregnancy span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fenetre {
    /// Start of the pregnancy (for care covered the whole pregnancy).
    pub debut_grossesse: NaiveDate,
    /// 1st day of the month `mois_debut` of pregnancy.
    pub debut: NaiveDate,
    /// `jours_apres` days after the birth (or the term).
    pub fin: NaiveDate,
    pub explication: String,
}

impl Fenetre {
    /// Computes the window; `mois_debut` (6) and `jours_apres` (12) come from
    /// the AMO parameters.
    pub fn calculer(g: &Grossesse, mois_debut: u32, jours_apres: u64) -> Option<Fenetre> {
        let debut = g
            .debut
            .checked_add_months(Months::new(mois_debut.saturating_sub(1)))?;
        let (naissance, quoi) = match g.accouchement {
            Some(a) => (a, "l'accouchement"),
            None => (g.terme, "le terme prévu (date d'accouchement non saisie)"),
        };
        let fin = naissance.checked_add_days(Days::new(jours_apres))?;
        Some(Fenetre {
            debut_grossesse: g.debut,
            debut,
            fin,
            explication: format!(
                "Prise en charge maternité à 100 % du {} (1er jour du {}e mois de grossesse commencée le {}) au {} ({}e jour après {}, {})",
                date_fr(debut),
                mois_debut,
                date_fr(g.debut),
                date_fr(fin),
                jours_apres,
                quoi,
                date_fr(naissance)
            ),
        })
    }

    /// Whether `date` is in the 100 % window.
    pub fn contient(&self, date: NaiveDate) -> bool {
        self.debut <= date && date <= self.fin
    }

    /// Whether `date` is in the pregnancy (start of pregnancy to end of window).
    pub fn pendant_grossesse(&self, date: NaiveDate) -> bool {
        self.debut_grossesse <= date && date <= self.fin
    }

    pub fn periode(&self) -> PeriodeMaternite {
        PeriodeMaternite {
            debut: self.debut,
            fin: self.fin,
            explication: self.explication.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn window_from_the_sixth_month_to_twelve_days_after_birth() {
        // Pregnancy from 2018-01-10: month 1 starts 10/01, month 6 starts
        // 10/01 + 5 months = 10/06/2018. Birth 02/10/2018 + 12 days = 14/10.
        let g = Grossesse {
            debut: d("2018-01-10"),
            terme: d("2018-10-10"),
            accouchement: Some(d("2018-10-02")),
        };
        let f = Fenetre::calculer(&g, 6, 12).unwrap();
        assert_eq!(f.debut, d("2018-06-10"));
        assert_eq!(f.fin, d("2018-10-14"));
        assert!(!f.contient(d("2018-06-09")));
        assert!(f.contient(d("2018-06-10")));
        assert!(f.contient(d("2018-10-14")));
        assert!(!f.contient(d("2018-10-15")));
        assert!(f.pendant_grossesse(d("2018-02-01")));
    }

    #[test]
    fn without_a_birth_date_the_term_is_used() {
        // Term 10/10/2018 + 12 days = 22/10/2018.
        let g = Grossesse {
            debut: d("2018-01-31"),
            terme: d("2018-10-10"),
            accouchement: None,
        };
        let f = Fenetre::calculer(&g, 6, 12).unwrap();
        // 31/01 + 5 months = 30/06 (last day of June).
        assert_eq!(f.debut, d("2018-06-30"));
        assert_eq!(f.fin, d("2018-10-22"));
        assert!(f.explication.contains("terme prévu"));
    }
}
