//! What changed between two versions of the MGEN table, so that a section
//! can check a new grid against the paper before trusting it: the rows
//! (an Annexe line in one variant) added and removed, and the cells changed,
//! old → new value per offer. Rows are matched by their Annexe reference and
//! variant; a cell is changed when anything the engine reads in it differs
//! (its printed text, its limits, its envelope…).
//!
//! Pure: two [`Bareme`]s in, a [`DiffBareme`] out; [`DiffBareme::texte`]
//! writes it in French for people (`guichet bareme diff --texte`).

use super::model::{Bareme, Cellule, Ligne, Offre, OffreBareme, ParOffre};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;
use ts_rs::TS;

/// A version as the comparison names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "VersionComparee")]
pub struct Version {
    pub nom: String,
    /// `AAAA-MM-JJ`
    #[ts(type = "string")]
    pub en_vigueur_le: NaiveDate,
}

/// A row added or removed, with its cells as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "RangeeComparee")]
pub struct Rangee {
    /// The table's section ("OPTIQUE"), as printed.
    pub section: String,
    pub ligne: String,
    pub variante: BTreeMap<String, String>,
    pub libelle: String,
    /// The printed cells, in the grid's column order.
    #[ts(type = "{ [key in Offre]?: string }")]
    pub cases: ParOffre<String>,
}

/// One cell whose content changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseModifiee {
    /// The table's section ("OPTIQUE"), as printed.
    pub section: String,
    pub ligne: String,
    pub variante: BTreeMap<String, String>,
    pub libelle: String,
    pub offre: Offre,
    pub avant: String,
    pub apres: String,
}

/// The whole comparison, in the order of the tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiffBareme {
    pub avant: Version,
    pub apres: Version,
    /// The offers of the two versions, in the later one's column order,
    /// then those only the earlier one has; each with its printed name.
    pub offres: Vec<OffreBareme>,
    pub rangees_ajoutees: Vec<Rangee>,
    pub rangees_retirees: Vec<Rangee>,
    pub cases_modifiees: Vec<CaseModifiee>,
}

impl DiffBareme {
    /// Whether the two versions hold the same rows and cells.
    pub fn est_vide(&self) -> bool {
        self.rangees_ajoutees.is_empty()
            && self.rangees_retirees.is_empty()
            && self.cases_modifiees.is_empty()
    }

    /// The printed name of an offer of either version (its code if neither
    /// declares it).
    pub fn libelle(&self, offre: Offre) -> &str {
        self.offres
            .iter()
            .find(|o| o.code == offre)
            .map_or(offre.code(), |o| o.libelle.as_str())
    }
}

/// The offers of `apres` in its order, then those only `avant` has.
fn offres_des_deux(avant: &Bareme, apres: &Bareme) -> Vec<OffreBareme> {
    let mut offres = apres.offres.clone();
    for o in &avant.offres {
        if apres.offre(o.code).is_none() {
            offres.push(o.clone());
        }
    }
    offres
}

/// Compares `avant` with `apres`.
pub fn comparer(avant: &Bareme, apres: &Bareme) -> DiffBareme {
    let trouver = |b: &'_ Bareme, l: &Ligne| b.ligne(&l.ligne, &l.variante).is_some();
    let offres = offres_des_deux(avant, apres);
    let cases_modifiees = apres
        .lignes
        .iter()
        .filter_map(|l| avant.ligne(&l.ligne, &l.variante).map(|a| (a, l)))
        .flat_map(|(a, l)| cases_modifiees(&offres, a, l))
        .collect();
    DiffBareme {
        avant: version(avant),
        apres: version(apres),
        offres,
        rangees_ajoutees: apres
            .lignes
            .iter()
            .filter(|l| !trouver(avant, l))
            .map(rangee)
            .collect(),
        rangees_retirees: avant
            .lignes
            .iter()
            .filter(|l| !trouver(apres, l))
            .map(rangee)
            .collect(),
        cases_modifiees,
    }
}

fn version(b: &Bareme) -> Version {
    Version {
        nom: b.nom.clone(),
        en_vigueur_le: b.en_vigueur_le,
    }
}

fn rangee(l: &Ligne) -> Rangee {
    Rangee {
        section: l.section.clone(),
        ligne: l.ligne.clone(),
        variante: l.variante.clone(),
        libelle: l.libelle.clone(),
        cases: l
            .cellules
            .iter()
            .map(|(o, c)| (*o, c.texte.clone()))
            .collect(),
    }
}

/// The cells of one row that differ, per offer (an offer present on one
/// side only counts as a change from or to « — »).
fn cases_modifiees(offres: &[OffreBareme], avant: &Ligne, apres: &Ligne) -> Vec<CaseModifiee> {
    offres
        .iter()
        .map(|o| o.code)
        .filter_map(|offre| {
            let (a, b) = (avant.cellules.get(&offre), apres.cellules.get(&offre));
            (a != b).then(|| CaseModifiee {
                section: apres.section.clone(),
                ligne: apres.ligne.clone(),
                variante: apres.variante.clone(),
                libelle: apres.libelle.clone(),
                offre,
                avant: decrire(a, b),
                apres: decrire(b, a),
            })
        })
        .collect()
}

/// A cell as printed; when the printed text is the same on both sides,
/// what else differs is said.
fn decrire(c: Option<&Cellule>, autre: Option<&Cellule>) -> String {
    let Some(c) = c else {
        return "—".into();
    };
    match autre {
        Some(o) if o.texte == c.texte => format!("{} ({})", c.texte, details(c)),
        _ => c.texte.clone(),
    }
}

/// The parts of a cell that its printed text may not show.
fn details(c: &Cellule) -> String {
    let limites: Vec<String> = c
        .limites
        .iter()
        .map(|l| format!("{} au plus par {:?}", l.max, l.periode).to_lowercase())
        .collect();
    format!(
        "limites : {} ; enveloppe : {}",
        if limites.is_empty() {
            "aucune".into()
        } else {
            limites.join(", ")
        },
        c.enveloppe.as_deref().unwrap_or("aucune")
    )
}

impl DiffBareme {
    /// The comparison in French, one change per line.
    pub fn texte(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "Barème « {} » (en vigueur le {}) → « {} » (en vigueur le {})",
            self.avant.nom,
            self.avant.en_vigueur_le.format("%d/%m/%Y"),
            self.apres.nom,
            self.apres.en_vigueur_le.format("%d/%m/%Y")
        );
        if self.est_vide() {
            let _ = writeln!(s, "Aucune différence de lignes ni de cases.");
            return s;
        }
        let _ = writeln!(s, "\nLignes ajoutées : {}", self.rangees_ajoutees.len());
        for r in &self.rangees_ajoutees {
            let _ = writeln!(s, "  + {}", self.decrire_rangee(r));
        }
        let _ = writeln!(s, "\nLignes retirées : {}", self.rangees_retirees.len());
        for r in &self.rangees_retirees {
            let _ = writeln!(s, "  − {}", self.decrire_rangee(r));
        }
        let _ = writeln!(s, "\nCases modifiées : {}", self.cases_modifiees.len());
        for c in &self.cases_modifiees {
            let _ = writeln!(
                s,
                "  ~ ligne {}{} — {} — {} : {} → {}",
                c.ligne,
                variante_texte(&c.variante),
                c.libelle,
                self.libelle(c.offre),
                c.avant,
                c.apres
            );
        }
        s
    }

    fn decrire_rangee(&self, r: &Rangee) -> String {
        let cases: Vec<String> = r
            .cases
            .iter()
            .map(|(o, t)| format!("{} {t}", self.libelle(*o)))
            .collect();
        format!(
            "ligne {}{} — {} : {}",
            r.ligne,
            variante_texte(&r.variante),
            r.libelle,
            cases.join(" ; ")
        )
    }
}

/// A row's variant as the text prints it after the line (" [age >=18,
/// equipement monture]"), empty for a line without variant.
pub fn variante_texte(v: &BTreeMap<String, String>) -> String {
    if v.is_empty() {
        return String::new();
    }
    let paires: Vec<String> = v.iter().map(|(k, x)| format!("{k} {x}")).collect();
    format!(" [{}]", paires.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tarifs::shipped_baremes;

    #[test]
    fn a_table_compared_with_itself_has_no_difference() {
        let b = &shipped_baremes()[0];
        let d = comparer(b, b);
        assert!(d.est_vide());
        assert!(d.texte().contains("Aucune différence"));
    }

    #[test]
    fn one_changed_cell_one_removed_row_one_added_row() {
        let avant = shipped_baremes().remove(0);
        let mut apres = avant.clone();
        let i = apres.lignes.iter().position(|l| l.ligne == "1").unwrap();
        let cellule = apres.lignes[i].cellules.get_mut(&Offre::REFERENCE).unwrap();
        cellule.texte = "35 %".into();
        cellule.valeur = Some(rust_decimal::Decimal::from(35));
        let retiree = apres.lignes.remove(apres.lignes.len() - 1);
        let mut ajoutee = apres.lignes[i].clone();
        ajoutee.variante.insert("essai".into(), "oui".into());
        apres.lignes.push(ajoutee);

        let d = comparer(&avant, &apres);
        assert_eq!(d.cases_modifiees.len(), 1);
        let c = &d.cases_modifiees[0];
        assert_eq!((c.ligne.as_str(), c.offre), ("1", Offre::REFERENCE));
        assert_eq!(c.apres, "35 %");
        assert_ne!(c.avant, c.apres);
        assert_eq!(d.rangees_retirees.len(), 1);
        assert_eq!(d.rangees_retirees[0].ligne, retiree.ligne);
        assert_eq!(d.rangees_ajoutees.len(), 1);
        assert_eq!(
            d.rangees_ajoutees[0]
                .variante
                .get("essai")
                .map(String::as_str),
            Some("oui")
        );
        let t = d.texte();
        assert!(t.contains("Cases modifiées : 1"), "{t}");
        assert!(t.contains("Référence : "), "{t}");
    }
}
