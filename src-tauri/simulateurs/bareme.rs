//! The figures of the three notices, kept as reviewable data in
//! `assets/simulateurs/{caution,corem,assistance}.toml` (each value commented
//! with its article) and compiled into the binary. Loading checks the tables
//! are consistent (tranches contiguous, rates and units positive, codes
//! unique), so a wrong edit fails the tests rather than a member's quote.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::erreur::SimulateurError;

const CAUTION_TOML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/simulateurs/caution.toml"
));
const COREM_TOML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/simulateurs/corem.toml"
));
const ASSISTANCE_TOML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/simulateurs/assistance.toml"
));

/// The three barèmes together.
#[derive(Debug, Clone, PartialEq)]
pub struct Baremes {
    pub caution: BaremeCaution,
    pub corem: BaremeCorem,
    pub assistance: BaremeAssistance,
}

impl Baremes {
    /// The barèmes compiled into this build, read and checked.
    pub fn integres() -> Result<Baremes, SimulateurError> {
        Ok(Baremes {
            caution: lire("caution.toml", CAUTION_TOML, BaremeCaution::verifier)?,
            corem: lire("corem.toml", COREM_TOML, BaremeCorem::verifier)?,
            assistance: lire(
                "assistance.toml",
                ASSISTANCE_TOML,
                BaremeAssistance::verifier,
            )?,
        })
    }
}

fn lire<T: for<'de> Deserialize<'de>>(
    fichier: &'static str,
    texte: &str,
    verifier: fn(&T) -> Result<(), String>,
) -> Result<T, SimulateurError> {
    let b: T = toml::from_str(texte).map_err(|e| SimulateurError::Bareme {
        fichier,
        message: e.to_string(),
    })?;
    verifier(&b).map_err(|message| SimulateurError::Bareme { fichier, message })?;
    Ok(b)
}

// ---------------------------------------------------------------- caution

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaremeCaution {
    pub source: String,
    pub en_vigueur_le: String,
    pub cotisation: CotisationCaution,
    pub conditions: ConditionsCaution,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CotisationCaution {
    pub article: String,
    pub multiplicateur_autre_assurance: Decimal,
    pub tranches: Vec<Tranche>,
}

/// One tranche of the amount borrowed: a flat fee due as soon as the amount
/// exceeds `de`, or a rate applied to the part of the amount inside it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    pub de: Decimal,
    pub a: Decimal,
    pub forfait: Option<Decimal>,
    pub taux_pct: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionsCaution {
    pub age_max_demande: u32,
    pub age_fin_garantie: u32,
    pub duree_max_mois: u32,
    pub relais_max_mois: u32,
    pub travaux_conso_max: Decimal,
    pub plafond: Decimal,
    pub seuil_apport: Decimal,
    pub quote_part_min_pct: Decimal,
    pub apport_pct: ApportPct,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApportPct {
    pub ancien: Decimal,
    pub ancien_travaux: Decimal,
    pub neuf: Decimal,
}

impl BaremeCaution {
    fn verifier(&self) -> Result<(), String> {
        let t = &self.cotisation.tranches;
        if t.is_empty() || !t[0].de.is_zero() {
            return Err("la première tranche doit commencer à 0".into());
        }
        for (i, tr) in t.iter().enumerate() {
            if tr.a <= tr.de {
                return Err(format!("tranche {} vide ou inversée", i + 1));
            }
            if i > 0 && tr.de != t[i - 1].a {
                return Err(format!("tranche {} non contiguë à la précédente", i + 1));
            }
            match (tr.forfait, tr.taux_pct) {
                (Some(f), None) if f >= Decimal::ZERO => {}
                (None, Some(r)) if r >= Decimal::ZERO => {}
                _ => return Err(format!("tranche {} : un forfait ou un taux positif", i + 1)),
            }
        }
        if t.last().map(|x| x.a) != Some(self.conditions.plafond) {
            return Err("la dernière tranche doit finir au plafond de l'art. 5".into());
        }
        if self.cotisation.multiplicateur_autre_assurance < Decimal::ONE {
            return Err("multiplicateur inférieur à 1".into());
        }
        Ok(())
    }
}

// ------------------------------------------------------------------ corem

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaremeCorem {
    pub source: String,
    pub en_vigueur_le: String,
    pub taux_pct: Decimal,
    pub age_max_demande: u32,
    pub age_fin: u32,
    pub delai_attente_ans: u32,
    pub annees_moyenne: u32,
    pub mensualites: u32,
}

impl BaremeCorem {
    fn verifier(&self) -> Result<(), String> {
        if self.taux_pct <= Decimal::ZERO || self.taux_pct > Decimal::ONE_HUNDRED {
            return Err("taux hors de 0 à 100 %".into());
        }
        if self.age_max_demande >= self.age_fin {
            return Err("l'âge limite de demande doit précéder l'âge de fin".into());
        }
        if self.annees_moyenne == 0 || self.mensualites == 0 {
            return Err("nombre d'années ou de mensualités nul".into());
        }
        Ok(())
    }
}

// ------------------------------------------------------------- assistance

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaremeAssistance {
    pub source: String,
    pub en_vigueur_le: String,
    pub prime: PrimeAssistance,
    pub enveloppe: EnveloppeBareme,
    pub limites: Limites,
    pub annexe1: Vec<PrestationUnites>,
    pub annexe2: Vec<PrestationUnites>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrimeAssistance {
    pub ht: Decimal,
    pub ttc: Decimal,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnveloppeBareme {
    pub unites: u32,
    pub duree_mois: u32,
}

/// One row of annex 1 or 2: a service and what one unit of it costs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrestationUnites {
    pub code: String,
    pub libelle: String,
    pub unite: String,
    pub valeur: u32,
}

/// The figures of each guarantee (see the comments of assistance.toml).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limites {
    pub delai_demande_jours: u32,
    pub delai_aide_menagere_jours: u32,
    pub seuil_hospitalisation_jours: u32,
    pub seuil_maternite_jours: u32,
    pub seuil_immobilisation_jours: u32,
    pub seuil_imprevue_enfants_heures: u32,
    pub seuil_retour_domicile_jours: u32,
    pub aide_menagere_heures: u32,
    pub aide_menagere_jours: u32,
    pub aide_menagere_heures_min: u32,
    pub hebergement_nuits: u32,
    pub hebergement_plafond: Decimal,
    pub medicaments_livraisons: u32,
    pub medicaments_jours: u32,
    pub repas_jours_min: u32,
    pub repas_jours_max: u32,
    pub repas_periode_jours: u32,
    pub transfert_plafond: Decimal,
    pub transfert_jours_apres_sortie: u32,
    pub retour_heures: u32,
    pub retour_taxi_plafond: Decimal,
    pub teleassistance_mois: u32,
    pub garde_heures: u32,
    pub garde_jours: u32,
    pub ecole_jours: u32,
    pub ecole_periode_jours: u32,
    pub extrascolaire_mois: u32,
    pub soutien_heures_jour: u32,
    pub soutien_periode_jours: u32,
    pub devoirs_heures_semaine: u32,
    pub devoirs_periode_jours: u32,
    pub emploi_entreprises: u32,
    pub emploi_entretiens: u32,
    pub emploi_periode_jours: u32,
    pub nettoyage_plafond: Decimal,
    pub nettoyage_mois: u32,
}

impl BaremeAssistance {
    fn verifier(&self) -> Result<(), String> {
        if self.prime.ht <= Decimal::ZERO || self.prime.ttc < self.prime.ht {
            return Err("prime HT positive et TTC au moins égale au HT".into());
        }
        if self.enveloppe.unites == 0 || self.enveloppe.duree_mois == 0 {
            return Err("enveloppe vide".into());
        }
        for (nom, table) in [("annexe1", &self.annexe1), ("annexe2", &self.annexe2)] {
            if table.is_empty() {
                return Err(format!("{nom} vide"));
            }
            for (i, p) in table.iter().enumerate() {
                if p.valeur == 0 {
                    return Err(format!("{nom} : « {} » vaut 0 unité", p.code));
                }
                if table[..i].iter().any(|q| q.code == p.code) {
                    return Err(format!("{nom} : code « {} » en double", p.code));
                }
            }
        }
        let l = &self.limites;
        if l.delai_aide_menagere_jours == 0 || l.aide_menagere_jours == 0 {
            return Err("délai ou durée d'aide-ménagère nuls".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn embedded_baremes_read_and_carry_the_notice_figures() {
        let b = Baremes::integres().unwrap();
        // Caution, art. 8: 250 € up to 80 000 €, 0,90 % to 130 000 €, 1,2 % to 1 000 000 €.
        let t = &b.caution.cotisation.tranches;
        assert_eq!(t.len(), 3);
        assert_eq!(
            (t[0].de, t[0].a, t[0].forfait),
            (dec!(0), dec!(80000), Some(dec!(250)))
        );
        assert_eq!((t[1].a, t[1].taux_pct), (dec!(130000), Some(dec!(0.90))));
        assert_eq!((t[2].a, t[2].taux_pct), (dec!(1000000), Some(dec!(1.2))));
        assert_eq!(b.caution.cotisation.multiplicateur_autre_assurance, dec!(2));
        assert_eq!(b.caution.conditions.apport_pct.neuf, dec!(20));
        // Corem, art. 11: 3,20 %; art. 2: < 57 ans; art. 4: 60 ans.
        assert_eq!(b.corem.taux_pct, dec!(3.20));
        assert_eq!((b.corem.age_max_demande, b.corem.age_fin), (57, 60));
        // MGEN Assistance: 3,30 € HT / 3,60 € TTC; 50 units; annexes 1 (10 rows) and 2 (6 rows).
        assert_eq!(
            (b.assistance.prime.ht, b.assistance.prime.ttc),
            (dec!(3.30), dec!(3.60))
        );
        assert_eq!(b.assistance.enveloppe.unites, 50);
        assert_eq!(b.assistance.annexe1.len(), 10);
        assert_eq!(b.assistance.annexe2.len(), 6);
    }

    #[test]
    fn a_gap_between_tranches_is_refused() {
        let faux = CAUTION_TOML.replace("de = \"130000\"", "de = \"120000\"");
        let e = lire("caution.toml", &faux, BaremeCaution::verifier).unwrap_err();
        assert!(e.to_string().contains("non contiguë"), "{e}");
    }

    #[test]
    fn a_duplicate_unit_code_is_refused() {
        let faux =
            ASSISTANCE_TOML.replace("code = \"livraison_courses\"", "code = \"portage_repas\"");
        let e = lire("assistance.toml", &faux, BaremeAssistance::verifier).unwrap_err();
        assert!(e.to_string().contains("en double"), "{e}");
    }
}
