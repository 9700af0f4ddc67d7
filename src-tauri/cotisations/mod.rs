//! The section's cotisation grids (issue 17): the yearly cotisation of each
//! offer per person role (adhérent, conjoint, each child), dated by the day
//! it applies from, typed once by the adviser and kept in the settings so
//! that a household's cotisations are filled from it rather than typed
//! again. Guichet ships none: the amounts are the section's, not in our
//! sources.
//!
//! What a grid is and the checks before it is kept ([`GrilleSaisie::lire`]:
//! each refusal a French message naming the field). Knows no SQL (the
//! table is `store/grilles.rs`'s, migration 8), no Tauri, no clock. What a
//! grid gives a household, offer by offer, is [`foyer`]'s: the screen
//! writes those amounts into its fields and the engine reads them as typed.

pub mod foyer;

use crate::tarifs::Offre;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest libellé kept (« Section 75 — 2027 » is 18).
pub const LIBELLE_MAX: usize = 80;

/// Largest yearly amount accepted for one person under one offer.
pub const MONTANT_MAX: Decimal = Decimal::from_parts(100_000, 0, 0, false, 0);

/// The person a grid's amount is for, as the household names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Adherent,
    Conjoint,
    /// Per child: a household of two children pays it twice.
    Enfant,
}

impl Role {
    pub const TOUS: [Role; 3] = [Role::Adherent, Role::Conjoint, Role::Enfant];

    /// « adhérent », « conjoint », « enfant ».
    pub fn libelle(self) -> &'static str {
        match self {
            Role::Adherent => "adhérent",
            Role::Conjoint => "conjoint",
            Role::Enfant => "enfant",
        }
    }
}

/// The yearly amounts of one offer; `None` is « non renseigné ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MontantsOffre {
    pub offre: Offre,
    #[ts(type = "string | null")]
    pub adherent: Option<Decimal>,
    #[ts(type = "string | null")]
    pub conjoint: Option<Decimal>,
    /// Per child.
    #[ts(type = "string | null")]
    pub enfant: Option<Decimal>,
}

impl MontantsOffre {
    pub fn montant(&self, role: Role) -> Option<Decimal> {
        match role {
            Role::Adherent => self.adherent,
            Role::Conjoint => self.conjoint,
            Role::Enfant => self.enfant,
        }
    }
}

/// A checked grid: its libellé, the date it applies from, and the amounts
/// of each offer it gives, in the order typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GrilleCotisations {
    /// « Section 75 — 2027 ».
    pub libelle: String,
    /// The first day the grid applies (date d'effet).
    #[ts(type = "string")]
    pub date_effet: NaiveDate,
    pub offres: Vec<MontantsOffre>,
}

/// A grid as kept, with the id its edit and delete name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GrilleEnregistree {
    #[ts(type = "number")]
    pub id: i64,
    pub grille: GrilleCotisations,
}

/// One offer's amounts as the dialog sends them: decimal text with a dot
/// (« 612.40 »), empty or absent when not given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MontantsSaisis {
    pub offre: String,
    #[serde(default)]
    pub adherent: Option<String>,
    #[serde(default)]
    pub conjoint: Option<String>,
    #[serde(default)]
    pub enfant: Option<String>,
}

impl MontantsSaisis {
    fn texte(&self, role: Role) -> Option<&str> {
        match role {
            Role::Adherent => self.adherent.as_deref(),
            Role::Conjoint => self.conjoint.as_deref(),
            Role::Enfant => self.enfant.as_deref(),
        }
    }
}

/// A grid as typed, to create (`id` absent) or to replace (`id` given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GrilleSaisie {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub libelle: String,
    /// AAAA-MM-JJ.
    pub date_effet: String,
    pub offres: Vec<MontantsSaisis>,
}

/// Why a grid is refused; each message starts with the field it names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurGrille {
    #[error("libellé de la grille : à renseigner (par exemple « Section 75 — 2027 »)")]
    LibelleVide,
    #[error("libellé de la grille : {longueur} caractères, {LIBELLE_MAX} au plus")]
    LibelleTropLong { longueur: usize },
    #[error("date d'effet : « {texte} » n'est pas une date (JJ/MM/AAAA)")]
    Date { texte: String },
    #[error("offre « {code} » : inconnue des barèmes (offres connues : {connues})")]
    OffreInconnue { code: String, connues: String },
    #[error("offre « {code} » : donnée deux fois dans la grille")]
    OffreEnDouble { code: String },
    #[error("cotisation {offre}, {role} : {message}")]
    Montant {
        offre: String,
        role: &'static str,
        message: String,
    },
    #[error("montants de la grille : aucun renseigné (au moins une cotisation)")]
    AucunMontant,
    #[error(
        "libellé et date d'effet : une grille « {libelle} » en vigueur au {date} existe déjà \
         (modifiez-la, ou changez le libellé ou la date)"
    )]
    Doublon { libelle: String, date: String },
}

impl GrilleSaisie {
    /// The grid, checked: a libellé, a date, offers known to the grids held
    /// (`offres_connues`), each once, amounts positive or nil to the cent,
    /// at least one amount.
    pub fn lire(&self, offres_connues: &[Offre]) -> Result<GrilleCotisations, ErreurGrille> {
        let libelle = lire_libelle(&self.libelle)?;
        let date_effet = lire_date(&self.date_effet)?;
        let mut offres: Vec<MontantsOffre> = Vec::new();
        for saisie in &self.offres {
            let offre = lire_offre(saisie.offre.trim(), offres_connues)?;
            if offres.iter().any(|o| o.offre == offre) {
                return Err(ErreurGrille::OffreEnDouble {
                    code: offre.code().to_string(),
                });
            }
            let lu = |role| lire_montant(offre, role, saisie.texte(role));
            offres.push(MontantsOffre {
                offre,
                adherent: lu(Role::Adherent)?,
                conjoint: lu(Role::Conjoint)?,
                enfant: lu(Role::Enfant)?,
            });
        }
        let renseigne = offres
            .iter()
            .any(|o| Role::TOUS.iter().any(|r| o.montant(*r).is_some()));
        if !renseigne {
            return Err(ErreurGrille::AucunMontant);
        }
        Ok(GrilleCotisations {
            libelle,
            date_effet,
            offres,
        })
    }
}

fn lire_libelle(texte: &str) -> Result<String, ErreurGrille> {
    let libelle = texte.split_whitespace().collect::<Vec<_>>().join(" ");
    let longueur = libelle.chars().count();
    match longueur {
        0 => Err(ErreurGrille::LibelleVide),
        n if n > LIBELLE_MAX => Err(ErreurGrille::LibelleTropLong { longueur }),
        _ => Ok(libelle),
    }
}

fn lire_date(texte: &str) -> Result<NaiveDate, ErreurGrille> {
    NaiveDate::parse_from_str(texte.trim(), "%Y-%m-%d").map_err(|_| ErreurGrille::Date {
        texte: texte.trim().to_string(),
    })
}

fn lire_offre(code: &str, connues: &[Offre]) -> Result<Offre, ErreurGrille> {
    match connues.iter().find(|o| o.code() == code) {
        Some(o) => Ok(*o),
        None => {
            let mut noms: Vec<&str> = Vec::new();
            for o in connues {
                if !noms.contains(&o.code()) {
                    noms.push(o.code());
                }
            }
            Err(ErreurGrille::OffreInconnue {
                code: code.to_string(),
                connues: noms.join(", "),
            })
        }
    }
}

/// One amount: empty is « non renseigné »; otherwise a decimal with at most
/// two decimals (cents), not negative, at most [`MONTANT_MAX`].
fn lire_montant(
    offre: Offre,
    role: Role,
    texte: Option<&str>,
) -> Result<Option<Decimal>, ErreurGrille> {
    let texte = texte.unwrap_or("").trim();
    if texte.is_empty() {
        return Ok(None);
    }
    let refus = |message: String| ErreurGrille::Montant {
        offre: offre.code().to_string(),
        role: role.libelle(),
        message,
    };
    let m: Decimal = texte
        .parse()
        .map_err(|_| refus(format!("« {texte} » n'est pas un montant en euros")))?;
    if m.is_sign_negative() && !m.is_zero() {
        return Err(refus(format!(
            "montant négatif ({texte}), une cotisation est positive ou nulle"
        )));
    }
    if m.normalize().scale() > 2 {
        return Err(refus(format!(
            "« {texte} » : au centime près (deux décimales au plus)"
        )));
    }
    if m > MONTANT_MAX {
        return Err(refus(format!("« {texte} » : 100 000 € par an au plus")));
    }
    let mut m = m.abs();
    m.rescale(2);
    Ok(Some(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quatre() -> Vec<Offre> {
        vec![
            Offre::INITIALE,
            Offre::EQUILIBRE,
            Offre::REFERENCE,
            Offre::INTEGRALE,
        ]
    }

    fn ligne(offre: &str, a: &str, c: &str, e: &str) -> MontantsSaisis {
        let t = |s: &str| (!s.is_empty()).then(|| s.to_string());
        MontantsSaisis {
            offre: offre.into(),
            adherent: t(a),
            conjoint: t(c),
            enfant: t(e),
        }
    }

    fn saisie() -> GrilleSaisie {
        GrilleSaisie {
            id: None,
            libelle: "  Section 75   — 2027 ".into(),
            date_effet: "2027-01-01".into(),
            offres: vec![
                ligne("reference", "612.40", "580", "150.5"),
                ligne("initiale", "420.00", "", ""),
            ],
        }
    }

    #[test]
    fn a_grid_is_read_in_the_order_typed_with_its_blanks() {
        let g = saisie().lire(&quatre()).unwrap();
        assert_eq!(g.libelle, "Section 75 — 2027");
        assert_eq!(g.date_effet, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        assert_eq!(g.offres.len(), 2);
        assert_eq!(g.offres[0].offre, Offre::REFERENCE);
        assert_eq!(g.offres[0].adherent, Some(Decimal::new(61240, 2)));
        assert_eq!(g.offres[0].conjoint, Some(Decimal::new(580, 0)));
        assert_eq!(g.offres[0].enfant, Some(Decimal::new(1505, 1)));
        assert_eq!(g.offres[1].offre, Offre::INITIALE);
        assert_eq!(g.offres[1].conjoint, None);
        assert_eq!(g.offres[1].enfant, None);
    }

    #[test]
    fn each_refusal_names_its_field() {
        let erreur = |f: &dyn Fn(&mut GrilleSaisie)| {
            let mut s = saisie();
            f(&mut s);
            s.lire(&quatre()).unwrap_err().to_string()
        };
        assert_eq!(
            erreur(&|s| s.libelle = "   ".into()),
            "libellé de la grille : à renseigner (par exemple « Section 75 — 2027 »)"
        );
        assert_eq!(
            erreur(&|s| s.date_effet = "2027-02-30".into()),
            "date d'effet : « 2027-02-30 » n'est pas une date (JJ/MM/AAAA)"
        );
        assert_eq!(
            erreur(&|s| s.offres[1].conjoint = Some("-5.00".into())),
            "cotisation initiale, conjoint : montant négatif (-5.00), une cotisation est positive ou nulle"
        );
        assert_eq!(
            erreur(&|s| s.offres[0].enfant = Some("12,5".into())),
            "cotisation reference, enfant : « 12,5 » n'est pas un montant en euros"
        );
        assert_eq!(
            erreur(&|s| s.offres[0].adherent = Some("10.005".into())),
            "cotisation reference, adhérent : « 10.005 » : au centime près (deux décimales au plus)"
        );
        assert_eq!(
            erreur(&|s| s.offres[1].offre = "premium".into()),
            "offre « premium » : inconnue des barèmes (offres connues : initiale, equilibre, reference, integrale)"
        );
        assert_eq!(
            erreur(&|s| s.offres[1].offre = "reference".into()),
            "offre « reference » : donnée deux fois dans la grille"
        );
        assert_eq!(
            erreur(&|s| s.offres = vec![ligne("initiale", "", " ", "")]),
            "montants de la grille : aucun renseigné (au moins une cotisation)"
        );
        assert_eq!(
            erreur(&|s| s.offres[0].conjoint = Some("100000.01".into())),
            "cotisation reference, conjoint : « 100000.01 » : 100 000 € par an au plus"
        );
        assert_eq!(
            erreur(&|s| s.libelle = "x".repeat(81)),
            "libellé de la grille : 81 caractères, 80 au plus"
        );
    }

    #[test]
    fn zero_is_an_amount_and_a_trailing_zero_is_not_a_third_decimal() {
        let mut s = saisie();
        s.offres[1].conjoint = Some("0".into());
        s.offres[1].enfant = Some("12.500".into());
        let g = s.lire(&quatre()).unwrap();
        assert_eq!(g.offres[1].conjoint, Some(Decimal::ZERO));
        assert_eq!(g.offres[1].enfant, Some(Decimal::new(125, 1)));
    }
}
