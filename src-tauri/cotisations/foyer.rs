//! What a section's grid gives a household (issue 17): for each offer
//! asked, the yearly cotisation of the persons the household holds —
//! adhérent + conjoint + each child, each at the grid's amount for their
//! role —, with the sum written out, or, when the grid cannot give it,
//! whose amount it lacks (a role left « non renseigné », a person whose
//! relation the grid has no column for) or that the offer is not in the
//! grid. Never a person counted as nothing: an amount is given only when
//! every person has one. Exact decimals, no clock, no SQL.

use super::{GrilleCotisations, MontantsOffre, Role};
use crate::moteur::format::{euros, Somme};
use crate::moteur::foyer::{Relation, PERSONNES_MAX};
use crate::tarifs::Offre;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

/// What the grid gives one offer for the household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CotisationGrille {
    pub offre: Offre,
    /// The household's yearly cotisation (two decimals); `None` when the
    /// grid cannot give it (`manque` says whose, or `absente`).
    #[ts(type = "string | null")]
    pub montant: Option<Decimal>,
    /// The sum written out: « adhérent 612,40 € + conjoint 580,00 € +
    /// 1 enfant × 150,50 € = 1 342,90 € »; "" without an amount.
    pub detail: String,
    /// The persons the grid has no amount for, in the household's role
    /// order (« l'enfant », « l'autre bénéficiaire »).
    pub manque: Vec<String>,
    /// The offer is not in the grid.
    pub absente: bool,
}

/// Why the household cannot be costed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurFoyerGrille {
    #[error("foyer : aucune personne (l'adhérent au moins)")]
    Vide,
    #[error("foyer : {0} personnes, {PERSONNES_MAX} au plus")]
    TropDePersonnes(usize),
}

/// The grid's column for a relation; « autre » has none.
fn role(r: Relation) -> Option<Role> {
    match r {
        Relation::Adherent => Some(Role::Adherent),
        Relation::Conjoint => Some(Role::Conjoint),
        Relation::Enfant => Some(Role::Enfant),
        Relation::Autre => None,
    }
}

/// « l'enfant », or « les enfants » when there are several.
fn qui(r: Relation, nombre: usize) -> &'static str {
    match (r, nombre > 1) {
        (Relation::Adherent, false) => "l'adhérent",
        (Relation::Adherent, true) => "les adhérents",
        (Relation::Conjoint, false) => "le conjoint",
        (Relation::Conjoint, true) => "les conjoints",
        (Relation::Enfant, false) => "l'enfant",
        (Relation::Enfant, true) => "les enfants",
        (Relation::Autre, false) => "l'autre bénéficiaire",
        (Relation::Autre, true) => "les autres bénéficiaires",
    }
}

/// How many persons of each relation, in the order of [`Relation::NOMS`];
/// relations absent from the household are left out.
fn effectifs(relations: &[Relation]) -> Vec<(Relation, usize)> {
    Relation::NOMS
        .iter()
        .map(|(_, r)| (*r, relations.iter().filter(|x| *x == r).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// One term of the written sum: « adhérent 612,40 € », « 2 enfants × 150,50 € ».
fn terme(role: Role, nombre: usize, montant: Decimal) -> String {
    if role == Role::Enfant || nombre > 1 {
        let s = if nombre > 1 { "s" } else { "" };
        format!("{nombre} {}{s} × {}", role.libelle(), euros(montant))
    } else {
        format!("{} {}", role.libelle(), euros(montant))
    }
}

/// One offer's cotisation for the household counted by [`effectifs`].
fn cotisation_offre(montants: &MontantsOffre, foyer: &[(Relation, usize)]) -> CotisationGrille {
    let mut somme = Somme::default();
    let mut termes = Vec::new();
    let mut manque = Vec::new();
    for &(relation, nombre) in foyer {
        match role(relation).and_then(|r| montants.montant(r).map(|m| (r, m))) {
            Some((r, m)) => {
                somme.ajouter(m * Decimal::from(nombre));
                termes.push(terme(r, nombre, m));
            }
            None => manque.push(qui(relation, nombre).to_string()),
        }
    }
    if !manque.is_empty() {
        return CotisationGrille {
            offre: montants.offre,
            montant: None,
            detail: String::new(),
            manque,
            absente: false,
        };
    }
    let mut total = somme.total();
    total.rescale(2);
    CotisationGrille {
        offre: montants.offre,
        montant: Some(total),
        detail: format!("{} = {}", termes.join(" + "), euros(total)),
        manque,
        absente: false,
    }
}

/// Each offer of `offres`, in that order: its yearly cotisation for the
/// household whose persons have `relations` (the adhérent included), from
/// `grille`.
pub fn cotisations_du_foyer(
    grille: &GrilleCotisations,
    relations: &[Relation],
    offres: &[Offre],
) -> Result<Vec<CotisationGrille>, ErreurFoyerGrille> {
    match relations.len() {
        0 => return Err(ErreurFoyerGrille::Vide),
        n if n > PERSONNES_MAX => return Err(ErreurFoyerGrille::TropDePersonnes(n)),
        _ => {}
    }
    let foyer = effectifs(relations);
    Ok(offres
        .iter()
        .map(
            |&offre| match grille.offres.iter().find(|m| m.offre == offre) {
                Some(m) => cotisation_offre(m, &foyer),
                None => CotisationGrille {
                    offre,
                    montant: None,
                    detail: String::new(),
                    manque: Vec::new(),
                    absente: true,
                },
            },
        )
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use Relation::{Adherent, Autre, Conjoint, Enfant};

    fn d(texte: &str) -> Decimal {
        texte.parse().unwrap()
    }

    fn ligne(offre: Offre, a: &str, c: &str, e: &str) -> MontantsOffre {
        let m = |t: &str| (!t.is_empty()).then(|| d(t));
        MontantsOffre {
            offre,
            adherent: m(a),
            conjoint: m(c),
            enfant: m(e),
        }
    }

    /// The figures of ui/src/lib/grilles.test.ts (for the tests; none ships).
    fn grille_2027() -> GrilleCotisations {
        GrilleCotisations {
            libelle: "Section 75 — 2027".into(),
            date_effet: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            offres: vec![
                ligne(Offre::INITIALE, "420.00", "400.00", "95.50"),
                ligne(Offre::EQUILIBRE, "480.00", "455.00", "110.25"),
                ligne(Offre::REFERENCE, "612.40", "580.00", "150.50"),
                ligne(Offre::INTEGRALE, "790.00", "750.10", ""),
            ],
        }
    }

    const QUATRE: [Offre; 4] = [
        Offre::INITIALE,
        Offre::EQUILIBRE,
        Offre::REFERENCE,
        Offre::INTEGRALE,
    ];

    #[test]
    fn adherent_conjoint_and_a_child_per_offer() {
        // Initiale 420 + 400 + 95,50 = 915,50 ; Équilibre 480 + 455 +
        // 110,25 = 1 045,25 ; Référence 612,40 + 580 + 150,50 = 1 342,90 ;
        // Intégrale: no amount for a child, none given.
        let r =
            cotisations_du_foyer(&grille_2027(), &[Adherent, Conjoint, Enfant], &QUATRE).unwrap();
        let montants: Vec<_> = r.iter().map(|c| c.montant).collect();
        assert_eq!(
            montants,
            vec![
                Some(d("915.50")),
                Some(d("1045.25")),
                Some(d("1342.90")),
                None
            ]
        );
        assert_eq!(
            r[2].detail,
            "adhérent 612,40 € + conjoint 580,00 € + 1 enfant × 150,50 € = 1 342,90 €"
        );
        assert_eq!(r[3].manque, vec!["l'enfant".to_string()]);
        assert_eq!(r[3].detail, "");
        assert!(r[0].manque.is_empty() && !r[0].absente);
        // Two decimals, as the field shows it: « 1342.90 », not « 1342.9 ».
        assert_eq!(r[2].montant.unwrap().to_string(), "1342.90");
    }

    #[test]
    fn each_child_counts_and_no_conjoint_when_there_is_none() {
        // Référence 612,40 + 2 × 150,50 = 612,40 + 301,00 = 913,40.
        let deux = cotisations_du_foyer(
            &grille_2027(),
            &[Adherent, Enfant, Enfant],
            &[Offre::REFERENCE],
        )
        .unwrap();
        assert_eq!(deux[0].montant, Some(d("913.40")));
        assert_eq!(
            deux[0].detail,
            "adhérent 612,40 € + 2 enfants × 150,50 € = 913,40 €"
        );
        // Intégrale, the adhérent alone: 790,00 (the child's blank is not asked).
        let seul = cotisations_du_foyer(&grille_2027(), &[Adherent], &[Offre::INTEGRALE]).unwrap();
        assert_eq!(seul[0].montant, Some(d("790.00")));
        assert_eq!(seul[0].detail, "adhérent 790,00 € = 790,00 €");
    }

    #[test]
    fn cents_add_exactly() {
        // 0,10 + 0,20 = 0,30 (a float sum gives 0,30000000000000004).
        let g = GrilleCotisations {
            offres: vec![ligne(Offre::INITIALE, "0.10", "0.2", "")],
            ..grille_2027()
        };
        let r = cotisations_du_foyer(&g, &[Conjoint, Adherent], &[Offre::INITIALE]).unwrap();
        assert_eq!(r[0].montant.unwrap().to_string(), "0.30");
    }

    #[test]
    fn a_person_without_a_column_is_named_never_counted_as_nothing() {
        let essentielle = Offre::depuis_code("essentielle").unwrap();
        let r = cotisations_du_foyer(
            &grille_2027(),
            &[Adherent, Autre, Enfant],
            &[Offre::INTEGRALE, Offre::REFERENCE, essentielle],
        )
        .unwrap();
        // Intégrale lacks the child's amount, and no grid has the « autre »'s.
        assert_eq!(r[0].montant, None);
        assert_eq!(r[0].manque, vec!["l'enfant", "l'autre bénéficiaire"]);
        // Référence has the child's, but still not the « autre »'s.
        assert_eq!(r[1].montant, None);
        assert_eq!(r[1].manque, vec!["l'autre bénéficiaire"]);
        assert_eq!(
            r[2],
            CotisationGrille {
                offre: essentielle,
                montant: None,
                detail: String::new(),
                manque: vec![],
                absente: true,
            }
        );
        let deux = cotisations_du_foyer(
            &grille_2027(),
            &[Adherent, Enfant, Enfant],
            &[Offre::INTEGRALE],
        )
        .unwrap();
        assert_eq!(deux[0].manque, vec!["les enfants"]);
    }

    #[test]
    fn an_amount_of_zero_is_an_amount() {
        // Conjoint at 0,00 under Initiale: 420 + 0 = 420,00.
        let g = GrilleCotisations {
            offres: vec![ligne(Offre::INITIALE, "420.00", "0", "")],
            ..grille_2027()
        };
        let r = cotisations_du_foyer(&g, &[Adherent, Conjoint], &[Offre::INITIALE]).unwrap();
        assert_eq!(r[0].montant, Some(d("420.00")));
        assert_eq!(
            r[0].detail,
            "adhérent 420,00 € + conjoint 0,00 € = 420,00 €"
        );
    }

    #[test]
    fn an_empty_or_too_large_household_is_refused() {
        let g = grille_2027();
        assert_eq!(
            cotisations_du_foyer(&g, &[], &QUATRE)
                .unwrap_err()
                .to_string(),
            "foyer : aucune personne (l'adhérent au moins)"
        );
        let treize = [Enfant; 13];
        assert_eq!(
            cotisations_du_foyer(&g, &treize, &QUATRE)
                .unwrap_err()
                .to_string(),
            "foyer : 13 personnes, 12 au plus"
        );
    }
}
