//! The 100 % Santé reform and the contrat responsable rules as dated data
//! (`assets/tarifs/cent-pour-cent-sante.toml`, format described at its top):
//! the baskets of optics, dental prosthetics and hearing aids with their
//! dates, the price limits (PLV, HLF) of the items the catalogue offers, the
//! contrat responsable ceilings of the items outside the 100 % Santé baskets,
//! and the categories of lenses those ceilings count by. Every value carries
//! its legal reference, its source and how sure it is.
//!
//! This module only reads and looks up data; the engine applies it
//! (`moteur::panier`).

use super::codes_devis::{self, CodeDevis, Nomenclature};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

/// The basket (class) a devis puts an item in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Panier {
    /// Optics, 100 % Santé.
    ClasseA,
    /// Optics, free prices.
    ClasseB,
    /// Dental prosthetics, 100 % Santé.
    #[serde(rename = "panier_100_sante")]
    Panier100Sante,
    /// Dental prosthetics, capped fees.
    TarifsMaitrises,
    /// Dental prosthetics, free fees.
    TarifsLibres,
    /// Hearing aids, 100 % Santé.
    #[serde(rename = "classe_1")]
    Classe1,
    /// Hearing aids, free prices.
    #[serde(rename = "classe_2")]
    Classe2,
}

impl Panier {
    pub const TOUS: [Panier; 7] = [
        Panier::ClasseA,
        Panier::ClasseB,
        Panier::Panier100Sante,
        Panier::TarifsMaitrises,
        Panier::TarifsLibres,
        Panier::Classe1,
        Panier::Classe2,
    ];

    /// The name in documents ("classe_a").
    pub fn nom(self) -> &'static str {
        match self {
            Panier::ClasseA => "classe_a",
            Panier::ClasseB => "classe_b",
            Panier::Panier100Sante => "panier_100_sante",
            Panier::TarifsMaitrises => "tarifs_maitrises",
            Panier::TarifsLibres => "tarifs_libres",
            Panier::Classe1 => "classe_1",
            Panier::Classe2 => "classe_2",
        }
    }

    pub fn depuis_nom(nom: &str) -> Option<Panier> {
        Panier::TOUS.into_iter().find(|p| p.nom() == nom)
    }
}

/// How sure a value is (see the data file's header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Certitude {
    ConfirmeParLeTexte,
    SourceSecondaire,
    LectureAConfirmer,
}

/// The care field of a basket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Domaine {
    Optique,
    Dentaire,
    Audiologie,
}

/// A dated amount with its text, source and certainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValeurSante {
    pub depuis: NaiveDate,
    pub valeur: Decimal,
    pub reference: String,
    pub source: String,
    pub certitude: Certitude,
    #[serde(default)]
    pub note: Option<String>,
}

/// For some acts of a basket, another date from which nothing is left to
/// pay (removable dentures: 2021).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Etape {
    pub actes: Vec<String>,
    pub sans_reste_a_charge_depuis: NaiveDate,
    pub reference: String,
    pub source: String,
    pub certitude: Certitude,
}

/// A basket and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefinitionPanier {
    pub id: Panier,
    pub libelle: String,
    pub domaine: Domaine,
    pub cent_pour_cent_sante: bool,
    pub existe_depuis: NaiveDate,
    #[serde(default)]
    pub sans_reste_a_charge_depuis: Option<NaiveDate>,
    #[serde(default, rename = "etape")]
    pub etapes: Vec<Etape>,
    pub reference: String,
    pub source: String,
    pub certitude: Certitude,
}

impl DefinitionPanier {
    /// From when an item of `acte` in this basket leaves nothing to pay
    /// (100 % Santé baskets only), and the text that says so.
    pub fn sans_reste_a_charge(&self, acte: &str) -> Option<(NaiveDate, &str, &str)> {
        if let Some(e) = self
            .etapes
            .iter()
            .find(|e| e.actes.iter().any(|a| a == acte))
        {
            return Some((e.sans_reste_a_charge_depuis, &e.reference, &e.source));
        }
        self.sans_reste_a_charge_depuis
            .map(|d| (d, self.reference.as_str(), self.source.as_str()))
    }
}

/// The price limit of an item of a basket, under conditions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrixLimite {
    pub acte: String,
    pub panier: Panier,
    pub libelle: String,
    /// Materials it applies to (any when empty).
    #[serde(default)]
    pub materiaux: Vec<String>,
    /// Tooth it applies to ("incisive_canine_premolaire", "molaire"; any
    /// when absent).
    #[serde(default)]
    pub dent: Option<String>,
    #[serde(default)]
    pub age_min: Option<u32>,
    #[serde(default)]
    pub age_moins_de: Option<u32>,
    #[serde(rename = "valeur")]
    pub valeurs: Vec<ValeurSante>,
}

/// What a contrat responsable ceiling counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Par {
    /// The lenses and frame of one date.
    Equipement,
    Monture,
    /// One hearing aid.
    Aide,
}

/// What a ceiling bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PorteSur {
    /// MGEN's part (ticket modérateur included).
    PartComplementaire,
    /// MGEN's part plus the AMO's gross part.
    AmoCompris,
}

/// R.871-2's categories of lenses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategorieVerres {
    Simples,
    Complexes,
    TresComplexes,
}

/// A contrat responsable ceiling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plafond {
    pub id: String,
    pub libelle: String,
    pub panier: Panier,
    pub par: Par,
    /// For an equipment: the category of its two lenses.
    #[serde(default)]
    pub verres: Option<CategorieVerres>,
    pub porte_sur: PorteSur,
    #[serde(rename = "valeur")]
    pub valeurs: Vec<ValeurSante>,
}

/// A lens act of the catalogue and its R.871-2 category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClasseVerre {
    pub acte: String,
    pub categorie: CategorieVerres,
}

/// How often a 100 % Santé item of a field is covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renouvellement {
    pub domaine: Domaine,
    #[serde(default)]
    pub age_min: Option<u32>,
    #[serde(default)]
    pub age_moins_de: Option<u32>,
    /// The period, in months, from the last item paid.
    pub mois: u32,
    pub reference: String,
    pub source: String,
    pub certitude: Certitude,
    #[serde(default)]
    pub note: Option<String>,
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReformeSante {
    pub verifie_jusqu_au: NaiveDate,
    #[serde(rename = "panier")]
    pub paniers: Vec<DefinitionPanier>,
    #[serde(rename = "prix_limite")]
    pub prix_limites: Vec<PrixLimite>,
    #[serde(rename = "plafond")]
    pub plafonds: Vec<Plafond>,
    pub verres: Vec<ClasseVerre>,
    #[serde(rename = "renouvellement")]
    pub renouvellements: Vec<Renouvellement>,
    /// The codes a devis prints and what they imply
    /// ([`super::codes_devis`]).
    #[serde(default, rename = "code")]
    pub codes: Vec<CodeDevis>,
}

/// The value of a dated list in force on `date`.
pub fn valeur_au(valeurs: &[ValeurSante], date: NaiveDate) -> Option<&ValeurSante> {
    valeurs.iter().rev().find(|v| v.depuis <= date)
}

impl ReformeSante {
    pub fn panier(&self, id: Panier) -> &DefinitionPanier {
        // Every basket is defined: checked on load.
        self.paniers
            .iter()
            .find(|p| p.id == id)
            .unwrap_or(&self.paniers[0])
    }

    /// The category of a lens act, if it is one.
    pub fn categorie_verres(&self, acte: &str) -> Option<CategorieVerres> {
        self.verres
            .iter()
            .find(|v| v.acte == acte)
            .map(|v| v.categorie)
    }

    /// The renewal period of a field at `age`, if the data gives one.
    pub fn renouvellement(&self, domaine: Domaine, age: u32) -> Option<&Renouvellement> {
        self.renouvellements.iter().find(|r| {
            r.domaine == domaine
                && r.age_min.is_none_or(|a| age >= a)
                && r.age_moins_de.is_none_or(|a| age < a)
        })
    }

    /// The known code `code` of `nomenclature` printed on a devis.
    pub fn code(&self, nomenclature: Nomenclature, code: &str) -> Option<&CodeDevis> {
        codes_devis::chercher(&self.codes, nomenclature, code)
    }

    /// The ceiling of `panier` counted `par`, for lenses of `verres`.
    pub fn plafond(
        &self,
        panier: Panier,
        par: Par,
        verres: Option<CategorieVerres>,
    ) -> Option<&Plafond> {
        self.plafonds
            .iter()
            .find(|p| p.panier == panier && p.par == par && p.verres == verres)
    }
}

/// Reads and checks the file: every basket defined once, dated values in
/// increasing order, each price limit's and ceiling's values not before
/// its basket exists.
pub fn parse_reforme(origine: &str, texte: &str) -> Result<ReformeSante, String> {
    let r: ReformeSante = toml::from_str(texte).map_err(|e| format!("{origine} : {e}"))?;
    for p in Panier::TOUS {
        let n = r.paniers.iter().filter(|d| d.id == p).count();
        if n != 1 {
            return Err(format!(
                "{origine} : panier « {} » défini {n} fois (une attendue)",
                p.nom()
            ));
        }
    }
    let listes = r
        .prix_limites
        .iter()
        .map(|l| (l.libelle.as_str(), l.panier, &l.valeurs))
        .chain(
            r.plafonds
                .iter()
                .map(|p| (p.libelle.as_str(), p.panier, &p.valeurs)),
        );
    for (libelle, panier, valeurs) in listes {
        let debut = r.panier(panier).existe_depuis;
        if valeurs.is_empty() || valeurs.windows(2).any(|w| w[0].depuis >= w[1].depuis) {
            return Err(format!(
                "{origine} : « {libelle} » : valeurs absentes ou dates non croissantes"
            ));
        }
        if valeurs[0].depuis < debut || valeurs.iter().any(|v| v.valeur <= Decimal::ZERO) {
            return Err(format!(
                "{origine} : « {libelle} » : valeur avant l'existence du panier ou non positive"
            ));
        }
    }
    codes_devis::verifier(&r.codes, |p| r.panier(p).existe_depuis)
        .map_err(|e| format!("{origine} : {e}"))?;
    Ok(r)
}

/// The shipped rules, read once.
///
/// # Panics
/// Never in a released build: the shipped file is checked by the tests.
pub fn reforme_livree() -> &'static ReformeSante {
    static REFORME: OnceLock<ReformeSante> = OnceLock::new();
    REFORME.get_or_init(|| {
        parse_reforme(
            "assets/tarifs/cent-pour-cent-sante.toml",
            include_str!("../../assets/tarifs/cent-pour-cent-sante.toml"),
        )
        .unwrap_or_else(|e| panic!("fichier 100 % Santé livré invalide : {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn shipped_file_loads_with_the_dates_of_the_reform() {
        let r = reforme_livree();
        assert_eq!(r.panier(Panier::ClasseA).existe_depuis, d("2020-01-01"));
        assert_eq!(
            r.panier(Panier::Panier100Sante).existe_depuis,
            d("2019-04-01")
        );
        assert_eq!(r.panier(Panier::Classe1).existe_depuis, d("2019-01-01"));
        let dentiers = r.panier(Panier::Panier100Sante);
        assert_eq!(
            dentiers
                .sans_reste_a_charge("prothese_amovible_resine")
                .unwrap()
                .0,
            d("2021-01-01")
        );
        assert_eq!(
            dentiers.sans_reste_a_charge("couronne").unwrap().0,
            d("2020-01-01")
        );
        assert!(r
            .panier(Panier::ClasseB)
            .sans_reste_a_charge("monture")
            .is_none());
    }

    #[test]
    fn a_value_before_its_basket_is_refused() {
        let texte = include_str!("../../assets/tarifs/cent-pour-cent-sante.toml").replace(
            "depuis = \"2020-01-01\"\nvaleur = \"30.00\"",
            "depuis = \"2019-12-31\"\nvaleur = \"30.00\"",
        );
        let e = parse_reforme("essai", &texte).unwrap_err();
        assert!(e.contains("monture de classe A"), "{e}");
    }

    #[test]
    fn devis_codes_are_checked_on_load() {
        let livre = include_str!("../../assets/tarifs/cent-pour-cent-sante.toml");
        let r = reforme_livree();
        let c = r.code(Nomenclature::Ccam, "HBLD634").unwrap();
        assert_eq!(
            (c.acte.as_str(), c.panier, c.depuis),
            ("couronne", Some(Panier::Panier100Sante), d("2019-04-01"))
        );
        assert!(r.code(Nomenclature::Lpp, "HBLD634").is_none());
        for (avant, apres, attendu) in [
            ("code = \"HBLD634\"", "code = \"HBLD63\"", "mal écrit"),
            ("code = \"HBLD680\"", "code = \"HBLD634\"", "deux fois"),
            (
                "depuis = \"2019-04-01\"\nbase = \"base.couronne\"",
                "depuis = \"2019-03-31\"\nbase = \"base.couronne\"",
                "avant son panier",
            ),
        ] {
            let e = parse_reforme("essai", &livre.replacen(avant, apres, 1)).unwrap_err();
            assert!(e.contains(attendu), "{e}");
        }
    }

    #[test]
    fn a_missing_basket_is_refused() {
        let texte = include_str!("../../assets/tarifs/cent-pour-cent-sante.toml").replacen(
            "id = \"classe_2\"",
            "id = \"classe_1\"",
            1,
        );
        let e = parse_reforme("essai", &texte).unwrap_err();
        assert!(e.contains("classe_"), "{e}");
    }
}
