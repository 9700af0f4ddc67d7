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

use super::texte::{Texte, Valeur};
use crate::texte;
use chrono::{Datelike, Months, NaiveDate};
use std::fmt;

/// What the optical rule says about one act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Units (lenses or frames) of the act MGEN may pay.
    pub unites_couvertes: u32,
    /// Whether the act starts an equipment within the renewal period, or
    /// belongs to the equipment of the day.
    pub explication: Renouvellement,
    /// Set when MGEN pays nothing or less for this reason.
    pub refus: Option<RefusOptique>,
}

/// How the renewal was decided (written out by [`Renouvellement::texte`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renouvellement {
    /// No earlier equipment known.
    Premier { date: NaiveDate, periode_mois: u32 },
    /// Periods counted from the membership date.
    ParPeriodes {
        periode_mois: u32,
        adhesion: NaiveDate,
        debut: NaiveDate,
        dernier: NaiveDate,
    },
    /// Period counted from the previous equipment (no membership date).
    DepuisDernier {
        periode_mois: u32,
        dernier: NaiveDate,
        fin: NaiveDate,
    },
    /// Bought the same day as the rest of an equipment.
    MemeEquipement { date: NaiveDate },
}

/// Why MGEN pays nothing or less for an optical act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusOptique {
    /// The equipment falls within the period of the previous one.
    HorsPeriode { date: NaiveDate },
    /// More lenses or frames than one equipment holds.
    AuPlus {
        couvertes: u32,
        quantite: u32,
        monture: bool,
    },
}

impl Renouvellement {
    /// Gives `f` the explanation as a sentence model with its values.
    pub fn texte<R>(&self, f: impl FnOnce(Texte<'_>) -> R) -> R {
        match *self {
            Renouvellement::Premier { date, periode_mois } => f(texte!(
                "Équipement optique du {} : aucun équipement antérieur connu (renouvellement tous les {} mois)",
                date,
                periode_mois
            )),
            Renouvellement::ParPeriodes {
                periode_mois,
                adhesion,
                debut,
                dernier,
            } => f(texte!(
                "Renouvellement par périodes de {} mois comptées depuis l'adhésion ({}) : période en cours depuis le {}, dernier équipement le {}",
                periode_mois,
                adhesion,
                debut,
                dernier
            )),
            Renouvellement::DepuisDernier {
                periode_mois,
                dernier,
                fin,
            } => f(texte!(
                "Renouvellement après {} mois depuis le dernier équipement ({}) : possible à partir du {} (date d'adhésion non saisie)",
                periode_mois,
                dernier,
                fin
            )),
            Renouvellement::MemeEquipement { date } => {
                f(texte!("Même équipement que les autres achats du {}", date))
            }
        }
    }
}

impl RefusOptique {
    /// Gives `f` the reason as a sentence model with its values.
    pub fn texte<R>(&self, f: impl FnOnce(Texte<'_>) -> R) -> R {
        match *self {
            RefusOptique::HorsPeriode { date } => f(texte!(
                "Équipement optique du {} hors période de renouvellement : pas de prise en charge MGEN",
                date
            )),
            RefusOptique::AuPlus {
                couvertes,
                quantite,
                monture,
            } => f(texte!(
                "Un équipement comprend au plus une monture et deux verres : {} {} sur {} pris en charge",
                couvertes,
                Valeur::Statique(if monture { "monture(s)" } else { "verre(s)" }),
                quantite
            )),
        }
    }
}

impl fmt::Display for Renouvellement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.texte(|t| t.ecrire("", f))
    }
}

impl fmt::Display for RefusOptique {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.texte(|t| t.ecrire("", f))
    }
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
    /// frames, at `date`, with a renewal period of `periode_mois`: the
    /// purchases of one date form one equipment, whose renewal is decided
    /// once ([`renouvellement`]); a covered equipment holds at most one
    /// frame and two lenses.
    pub fn decider(
        &mut self,
        date: NaiveDate,
        monture: bool,
        quantite: u32,
        periode_mois: u32,
        adhesion: Option<NaiveDate>,
    ) -> Decision {
        let meme_equipement = self.courant.as_ref().is_some_and(|c| c.date == date);
        let explication = if meme_equipement {
            Renouvellement::MemeEquipement { date }
        } else {
            self.nouvel_equipement(date, periode_mois, adhesion)
        };
        let Some(eq) = self.courant.as_mut().filter(|eq| eq.couvert) else {
            return Decision {
                unites_couvertes: 0,
                refus: Some(RefusOptique::HorsPeriode { date }),
                explication,
            };
        };
        let (deja, max) = if monture {
            (&mut eq.montures, 1)
        } else {
            (&mut eq.verres, 2)
        };
        let couvertes = quantite.min(max - (*deja).min(max));
        *deja += quantite;
        let refus = (couvertes < quantite).then_some(RefusOptique::AuPlus {
            couvertes,
            quantite,
            monture,
        });
        Decision {
            unites_couvertes: couvertes,
            explication,
            refus,
        }
    }

    /// Starts the equipment of `date`, covered or not by the renewal rule.
    fn nouvel_equipement(
        &mut self,
        date: NaiveDate,
        periode_mois: u32,
        adhesion: Option<NaiveDate>,
    ) -> Renouvellement {
        let (couvert, r) = match self.dernier {
            None => (true, Renouvellement::Premier { date, periode_mois }),
            Some(dernier) => renouvellement(dernier, date, periode_mois, adhesion),
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
        r
    }
}

/// Line 25, note **: whether an equipment at `date` is covered after the
/// previous one (`dernier`): in a later period counted from the membership
/// when its date is known (and not after `dernier`), else once the period
/// has elapsed since `dernier`.
fn renouvellement(
    dernier: NaiveDate,
    date: NaiveDate,
    periode_mois: u32,
    adhesion: Option<NaiveDate>,
) -> (bool, Renouvellement) {
    match adhesion {
        Some(adhesion) if adhesion <= dernier => {
            let p = periode_mois as i64;
            let k_dernier = mois_entre(adhesion, dernier).div_euclid(p);
            let k_now = mois_entre(adhesion, date).div_euclid(p);
            let debut = adhesion
                .checked_add_months(Months::new((k_now * p) as u32))
                .unwrap_or(date);
            let r = Renouvellement::ParPeriodes {
                periode_mois,
                adhesion,
                debut,
                dernier,
            };
            (k_now > k_dernier, r)
        }
        _ => {
            let fin = dernier
                .checked_add_months(Months::new(periode_mois))
                .unwrap_or(dernier);
            let r = Renouvellement::DepuisDernier {
                periode_mois,
                dernier,
                fin,
            };
            (date >= fin, r)
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
        assert_eq!(
            r.refus.unwrap().to_string(),
            "Équipement optique du 31/08/2018 hors période de renouvellement : pas de prise en charge MGEN"
        );
        assert_eq!(
            r.explication.to_string(),
            "Renouvellement après 24 mois depuis le dernier équipement (01/09/2016) : possible à partir du 01/09/2018 (date d'adhésion non saisie)"
        );
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
