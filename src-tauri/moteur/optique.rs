//! Optical equipment renewal (Annexe 2, line 25, note **): one equipment — a
//! frame and two lenses — per period of one year under 18 and two years from
//! 18, reduced to one year when the sight changed (`evolution_vue`). The
//! lenses and frame bought on the same date form one equipment.
//!
//! Reading decided: the note counts periods "from the date of effect of the
//! membership". When `assure.date_adhesion` is given, periods are counted
//! from it (a new equipment is covered when it falls in a later period than
//! the previous one); otherwise the period runs from the previous equipment
//! (covered when at least the period has elapsed), and the explanation says so.

use super::format::date_fr;
use chrono::{Datelike, Months, NaiveDate};

/// What the optical rule says about one act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Units (lenses or frames) of the act MGEN may pay.
    pub unites_couvertes: u32,
    /// Explanation of the renewal or the count, in French.
    pub explication: String,
    /// Set when MGEN pays nothing or less for this reason.
    pub refus: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Equipement {
    date: NaiveDate,
    couvert: bool,
    verres: u32,
    montures: u32,
}

/// Equipment history of one estimate (per offer).
#[derive(Debug, Clone, Default)]
pub struct EtatOptique {
    dernier: Option<NaiveDate>,
    courant: Option<Equipement>,
}

/// Whole months from `a` to `b` (b ≥ a), day of month considered.
pub fn mois_entre(a: NaiveDate, b: NaiveDate) -> i64 {
    let m = (b.year() as i64 - a.year() as i64) * 12 + b.month() as i64 - a.month() as i64;
    if b.day() < a.day() {
        m - 1
    } else {
        m
    }
}

impl EtatOptique {
    pub fn new(dernier: Option<NaiveDate>) -> Self {
        EtatOptique {
            dernier,
            courant: None,
        }
    }

    /// Decides an optical act of `quantite` lenses (`monture` false) or
    /// frames, at `date`, with a renewal period of `periode_mois`.
    pub fn decider(
        &mut self,
        date: NaiveDate,
        monture: bool,
        quantite: u32,
        periode_mois: u32,
        adhesion: Option<NaiveDate>,
    ) -> Decision {
        let nouveau = self.courant.as_ref().is_none_or(|c| c.date != date);
        let mut explication = String::new();
        if nouveau {
            let couvert = match self.dernier {
                None => {
                    explication = format!(
                        "Équipement optique du {} : aucun équipement antérieur connu (renouvellement tous les {periode_mois} mois)",
                        date_fr(date)
                    );
                    true
                }
                Some(last) => match adhesion {
                    Some(adh) if adh <= last => {
                        let p = periode_mois as i64;
                        let k_last = mois_entre(adh, last).div_euclid(p);
                        let k_now = mois_entre(adh, date).div_euclid(p);
                        let debut = adh
                            .checked_add_months(Months::new((k_now * p) as u32))
                            .unwrap_or(date);
                        explication = format!(
                            "Renouvellement par périodes de {periode_mois} mois comptées depuis l'adhésion ({}) : période en cours depuis le {}, dernier équipement le {}",
                            date_fr(adh),
                            date_fr(debut),
                            date_fr(last)
                        );
                        k_now > k_last
                    }
                    _ => {
                        let fin = last
                            .checked_add_months(Months::new(periode_mois))
                            .unwrap_or(last);
                        explication = format!(
                            "Renouvellement après {periode_mois} mois depuis le dernier équipement ({}) : possible à partir du {} (date d'adhésion non saisie)",
                            date_fr(last),
                            date_fr(fin)
                        );
                        date >= fin
                    }
                },
            };
            if couvert {
                self.dernier = Some(date);
            }
            self.courant = Some(Equipement {
                date,
                couvert,
                verres: 0,
                montures: 0,
            });
        }
        let Some(eq) = self.courant.as_mut() else {
            return Decision {
                unites_couvertes: 0,
                explication,
                refus: None,
            };
        };
        if !eq.couvert {
            return Decision {
                unites_couvertes: 0,
                refus: Some(format!(
                    "Équipement optique du {} hors période de renouvellement : pas de prise en charge MGEN",
                    date_fr(date)
                )),
                explication: if explication.is_empty() {
                    format!("Même équipement que les autres achats du {}", date_fr(date))
                } else {
                    explication
                },
            };
        }
        let (deja, max) = if monture {
            (&mut eq.montures, 1)
        } else {
            (&mut eq.verres, 2)
        };
        let couvertes = quantite.min(max - (*deja).min(max));
        *deja += quantite;
        let refus = (couvertes < quantite).then(|| {
            format!(
                "Un équipement comprend au plus une monture et deux verres : {} {} sur {quantite} pris en charge",
                couvertes,
                if monture { "monture(s)" } else { "verre(s)" }
            )
        });
        if explication.is_empty() {
            explication = format!("Même équipement que les autres achats du {}", date_fr(date));
        }
        Decision {
            unites_couvertes: couvertes,
            explication,
            refus,
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
    fn months_between_counts_whole_months() {
        assert_eq!(mois_entre(d("2016-03-15"), d("2018-03-14")), 23);
        assert_eq!(mois_entre(d("2016-03-15"), d("2018-03-15")), 24);
    }

    #[test]
    fn rolling_two_year_renewal() {
        // Last equipment 2016-09-01; 24 months → possible from 2018-09-01.
        let mut e = EtatOptique::new(Some(d("2016-09-01")));
        let r = e.decider(d("2018-08-31"), false, 2, 24, None);
        assert_eq!(r.unites_couvertes, 0);
        assert!(r.refus.unwrap().contains("hors période"));
        let mut e = EtatOptique::new(Some(d("2016-09-01")));
        assert_eq!(
            e.decider(d("2018-09-01"), false, 2, 24, None)
                .unites_couvertes,
            2
        );
    }

    #[test]
    fn one_frame_and_two_lenses_per_equipment() {
        let mut e = EtatOptique::new(None);
        assert_eq!(
            e.decider(d("2018-03-01"), false, 1, 24, None)
                .unites_couvertes,
            1
        );
        assert_eq!(
            e.decider(d("2018-03-01"), false, 2, 24, None)
                .unites_couvertes,
            1
        );
        assert_eq!(
            e.decider(d("2018-03-01"), true, 1, 24, None)
                .unites_couvertes,
            1
        );
        assert_eq!(
            e.decider(d("2018-03-01"), true, 1, 24, None)
                .unites_couvertes,
            0
        );
        // A second equipment a month later is outside the period.
        assert_eq!(
            e.decider(d("2018-04-01"), true, 1, 24, None)
                .unites_couvertes,
            0
        );
    }

    #[test]
    fn periods_counted_from_membership() {
        // Membership 2015-09-01, 24-month periods: [2015-09, 2017-09), [2017-09, 2019-09).
        // Last equipment 2017-08-15 (1st period); 2017-10-01 is in the 2nd: covered.
        let mut e = EtatOptique::new(Some(d("2017-08-15")));
        assert_eq!(
            e.decider(d("2017-10-01"), false, 2, 24, Some(d("2015-09-01")))
                .unites_couvertes,
            2
        );
        // Same period → refused.
        let mut e = EtatOptique::new(Some(d("2017-09-15")));
        assert_eq!(
            e.decider(d("2018-10-01"), false, 2, 24, Some(d("2015-09-01")))
                .unites_couvertes,
            0
        );
    }
}
