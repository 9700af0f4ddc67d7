//! The MGEN Assistance premium ("Montant de la prime"): 3,30 € HT, 3,60 € TTC
//! a year per Assuré (membre participant, bénéficiaire conjoint); for who
//! joins during the year, prorated by the months left to run in the year of
//! joining.
//!
//! Which months count (a reading, given in the result's note): the month of
//! joining counts in full, because the guarantees take effect on the day of
//! joining ("Prise d'effet et durée des garanties") and run to 31 December;
//! joining on 15 March counts March to December, 10 months. Each prorated
//! premium is rounded to the cent, half away from zero, per Assuré; the tax
//! is TTC minus HT, so the lines add up.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::simulateurs::bareme::BaremeAssistance;
use crate::simulateurs::dates::{ajouter_jours, fin_d_annee};
use crate::simulateurs::erreur::SimulateurError;
use crate::simulateurs::saisie::{self, Texte};
use crate::simulateurs::{au_centime, date_fr, euros_fr, Note};

const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct PrimeSaisie {
    /// Date of joining the règlement MGEN Santé Prévoyance.
    #[ts(type = "string")]
    pub date_adhesion: Texte,
    /// Number of Assurés: 1 (the member) or 2 (member and conjoint).
    #[ts(type = "string")]
    pub assures: Texte,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrimeDemande {
    pub date_adhesion: NaiveDate,
    pub assures: u32,
}

impl PrimeSaisie {
    pub fn lire(&self) -> Result<PrimeDemande, SimulateurError> {
        Ok(PrimeDemande {
            date_adhesion: saisie::date("date_adhesion", &self.date_adhesion)?,
            assures: saisie::entier("assures", &self.assures, 1, 2).map_err(|_| {
                SimulateurError::champ(
                    "assures",
                    "1 (l'adhérent) ou 2 (l'adhérent et son conjoint bénéficiaire)",
                )
            })?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PrimeResultat {
    #[ts(type = "string")]
    pub date_adhesion: NaiveDate,
    /// 31 December of the year of joining.
    #[ts(type = "string")]
    pub fin_premiere_periode: NaiveDate,
    /// 1st January after: renewed by tacit renewal, full yearly premium.
    #[ts(type = "string")]
    pub renouvellement: NaiveDate,
    pub mois_comptes: u32,
    /// "mars à décembre 2018".
    pub periode: String,
    pub assures: u32,
    #[ts(type = "string")]
    pub prime_annuelle_ht: Decimal,
    #[ts(type = "string")]
    pub prime_annuelle_ttc: Decimal,
    /// Prorated, per Assuré.
    #[ts(type = "string")]
    pub prime_ht: Decimal,
    #[ts(type = "string")]
    pub prime_ttc: Decimal,
    #[ts(type = "string")]
    pub taxes: Decimal,
    /// For all the Assurés.
    #[ts(type = "string")]
    pub total_ht: Decimal,
    #[ts(type = "string")]
    pub total_ttc: Decimal,
    #[ts(type = "string")]
    pub total_taxes: Decimal,
    pub calcul: String,
    pub notes: Vec<Note>,
    pub source: String,
}

/// The premium of the year of joining.
pub fn calculer(b: &BaremeAssistance, d: &PrimeDemande) -> PrimeResultat {
    let mois = 13 - d.date_adhesion.month();
    let douze = Decimal::from(12u32);
    let m = Decimal::from(mois);
    let ht = au_centime(b.prime.ht * m / douze);
    let ttc = au_centime(b.prime.ttc * m / douze);
    let n = Decimal::from(d.assures);
    let debut = MOIS[d.date_adhesion.month0() as usize];
    let annee = d.date_adhesion.year();
    let periode = if mois == 1 {
        format!("décembre {annee}")
    } else {
        format!("{debut} à décembre {annee}")
    };
    let fin = fin_d_annee(d.date_adhesion);
    let calcul = format!(
        "{} TTC × {mois}/12 = {} TTC par assuré ({} HT × {mois}/12 = {} HT){}",
        euros_fr(b.prime.ttc),
        euros_fr(ttc),
        euros_fr(b.prime.ht),
        euros_fr(ht),
        if d.assures > 1 {
            format!(" ; × {} assurés = {} TTC", d.assures, euros_fr(ttc * n))
        } else {
            String::new()
        }
    );
    PrimeResultat {
        date_adhesion: d.date_adhesion,
        fin_premiere_periode: fin,
        renouvellement: ajouter_jours(fin, 1),
        mois_comptes: mois,
        periode,
        assures: d.assures,
        prime_annuelle_ht: au_centime(b.prime.ht),
        prime_annuelle_ttc: au_centime(b.prime.ttc),
        prime_ht: ht,
        prime_ttc: ttc,
        taxes: au_centime(ttc - ht),
        total_ht: au_centime(ht * n),
        total_ttc: au_centime(ttc * n),
        total_taxes: au_centime((ttc - ht) * n),
        calcul,
        notes: vec![
            Note::lecture(
                format!(
                    "Le mois d'adhésion compte en entier : les garanties jouent dès le jour de \
                     l'adhésion, le {}, jusqu'au 31 décembre ; {mois} mois restent à courir.",
                    date_fr(d.date_adhesion)
                ),
                "Montant de la prime ; Prise d'effet et durée des garanties",
            ),
            Note::info(
                "Prime arrondie au centime (au plus proche, la moitié vers le haut) par assuré ; \
                 taxes = TTC − HT. Renouvellement chaque 1er janvier, prime annuelle entière.",
                "Montant de la prime",
            ),
        ],
        source: b.source.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulateurs::Baremes;
    use rust_decimal_macros::dec;

    #[test]
    fn joining_in_march_counts_ten_months() {
        let b = Baremes::integres().unwrap().assistance;
        let d = PrimeDemande {
            date_adhesion: NaiveDate::from_ymd_opt(2018, 3, 15).unwrap(),
            assures: 1,
        };
        let r = calculer(&b, &d);
        // 3,60 × 10/12 = 3,00 TTC ; 3,30 × 10/12 = 2,75 HT ; taxes 0,25.
        assert_eq!(
            (r.mois_comptes, r.prime_ttc, r.prime_ht),
            (10, dec!(3.00), dec!(2.75))
        );
        assert_eq!(r.taxes, dec!(0.25));
        assert_eq!(r.periode, "mars à décembre 2018");
        assert_eq!(
            r.renouvellement,
            NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()
        );
    }
}
