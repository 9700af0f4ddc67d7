//! Caution acquisition MGEN (notice « Caution acquisition MGEN », seed 004):
//! the cotisation by tranches of the amount borrowed (art. 8), doubled with a
//! loan insurance other than the CNP contract, and every condition of
//! attribution the desk can check (art. 3-1, 3-2, 4, 5, 6-1, 6-2-4, 6-4), each
//! failing one named in French, plus the date the guarantee ends (art. 4).
//!
//! Readings of the notice (also given in the result's notes):
//! - the tranches apply to the total of the loans of the operation (art. 5
//!   covers "le montant des prêts relatifs à l'opération");
//! - each tranche is rounded to the cent, half away from zero, and the
//!   cotisation is their sum, so the lines shown add up to the total;
//! - the guarantee runs from the loan's effect date (the request date when
//!   none is given) to the loan's term, within 30 years, and ends the day
//!   before the 76th birthday: with a co-borrower, the earlier of the two
//!   ("de l'emprunteur et/ou du co-emprunteur" read prudently);
//! - a plot of land bought to build on is held to the 20 % contribution of a
//!   new home (art. 6-2-4 gives no rate for land).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::bareme::{BaremeCaution, ConditionsCaution, Tranche};
use super::dates::{age, ajouter_mois, anniversaire, veille};
use super::erreur::SimulateurError;
use super::saisie::{self, Texte};
use super::{
    au_centime, date_fr, euros_court, euros_fr, motifs, pct_fr, verdict, Condition, Note, Statut,
};

// ------------------------------------------------------------------ input

/// A loan as typed: amount, kind, duration in months.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct PretSaisie {
    #[ts(type = "string")]
    pub montant: Texte,
    /// `amortissable`, `relais`, `travaux` (crédit à la consommation affecté
    /// à des travaux) or `in-fine`.
    #[serde(rename = "type")]
    #[ts(rename = "type", type = "string")]
    pub type_pret: Texte,
    #[ts(type = "string")]
    pub duree_mois: Texte,
}

/// The caution request as typed on the screen, given by CLI flags or read
/// from a JSON file. Empty text means "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct CautionSaisie {
    pub prets: Vec<PretSaisie>,
    /// Loan insurance other than the CNP contract taken out by MGEN.
    pub autre_assurance: bool,
    #[ts(type = "string")]
    pub date_demande: Texte,
    #[ts(type = "string")]
    pub date_naissance: Texte,
    #[ts(type = "string")]
    pub date_naissance_co_emprunteur: Texte,
    /// Effect date of the loan (and of its insurance); the request date when empty.
    #[ts(type = "string")]
    pub date_effet: Texte,
    /// `ancien`, `ancien-travaux`, `neuf` or `terrain`.
    #[ts(type = "string")]
    pub operation: Texte,
    #[ts(type = "string")]
    pub cout_operation: Texte,
    #[ts(type = "string")]
    pub apport: Texte,
    /// Share of the property the member owns, in percent.
    #[ts(type = "string")]
    pub quote_part: Texte,
    /// Capital still due on other operations guaranteed by MGEN.
    #[ts(type = "string")]
    pub encours_autres: Texte,
    /// `metropole`, `drom`, `com` (pays d'outre-mer) or `etranger`.
    #[ts(type = "string")]
    pub localisation: Texte,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypePret {
    Amortissable,
    Relais,
    Travaux,
    InFine,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Ancien,
    AncienTravaux,
    Neuf,
    Terrain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Localisation {
    Metropole,
    Drom,
    Com,
    Etranger,
}

const TYPES: &[(&str, TypePret)] = &[
    ("amortissable", TypePret::Amortissable),
    ("relais", TypePret::Relais),
    ("travaux", TypePret::Travaux),
    ("in-fine", TypePret::InFine),
];
const OPERATIONS: &[(&str, Operation)] = &[
    ("ancien", Operation::Ancien),
    ("ancien-travaux", Operation::AncienTravaux),
    ("neuf", Operation::Neuf),
    ("terrain", Operation::Terrain),
];
const LOCALISATIONS: &[(&str, Localisation)] = &[
    ("metropole", Localisation::Metropole),
    ("drom", Localisation::Drom),
    ("com", Localisation::Com),
    ("etranger", Localisation::Etranger),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pret {
    pub montant: Decimal,
    pub type_pret: TypePret,
    pub duree_mois: Option<u32>,
}

/// The typed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CautionDemande {
    pub prets: Vec<Pret>,
    pub autre_assurance: bool,
    pub date_demande: Option<NaiveDate>,
    pub naissance_emprunteur: Option<NaiveDate>,
    pub naissance_co_emprunteur: Option<NaiveDate>,
    pub date_effet: Option<NaiveDate>,
    pub operation: Option<Operation>,
    pub cout_operation: Option<Decimal>,
    pub apport: Option<Decimal>,
    pub quote_part: Option<Decimal>,
    pub encours_autres: Option<Decimal>,
    pub localisation: Option<Localisation>,
}

impl CautionSaisie {
    /// Reads every field; the first unusable one is named in the error.
    pub fn lire(&self) -> Result<CautionDemande, SimulateurError> {
        if self.prets.is_empty() {
            return Err(SimulateurError::champ(
                "prets",
                "au moins un prêt (montant) à renseigner",
            ));
        }
        let mut prets = Vec::new();
        for (i, p) in self.prets.iter().enumerate() {
            let n = i + 1;
            let type_pret = saisie::choix(&format!("prets[{n}].type"), &p.type_pret, TYPES)?;
            prets.push(Pret {
                montant: saisie::montant_positif(&format!("prets[{n}].montant"), &p.montant)?,
                type_pret,
                duree_mois: saisie::entier_opt(
                    &format!("prets[{n}].duree_mois"),
                    &p.duree_mois,
                    1,
                    1200,
                )?,
            });
        }
        let d = CautionDemande {
            prets,
            autre_assurance: self.autre_assurance,
            date_demande: saisie::date_opt("date_demande", &self.date_demande)?,
            naissance_emprunteur: saisie::date_opt("date_naissance", &self.date_naissance)?,
            naissance_co_emprunteur: saisie::date_opt(
                "date_naissance_co_emprunteur",
                &self.date_naissance_co_emprunteur,
            )?,
            date_effet: saisie::date_opt("date_effet", &self.date_effet)?,
            operation: saisie::choix_opt("operation", &self.operation, OPERATIONS)?,
            cout_operation: saisie::montant_opt("cout_operation", &self.cout_operation)?,
            apport: saisie::montant_opt("apport", &self.apport)?,
            quote_part: saisie::pourcentage_opt("quote_part", &self.quote_part)?,
            encours_autres: saisie::montant_opt("encours_autres", &self.encours_autres)?,
            localisation: saisie::choix_opt("localisation", &self.localisation, LOCALISATIONS)?,
        };
        if d.cout_operation.is_some_and(|c| c.is_zero()) {
            return Err(SimulateurError::champ(
                "cout_operation",
                "le coût de l'opération doit être supérieur à 0",
            ));
        }
        if let Some(dem) = d.date_demande {
            for (champ, n) in [
                ("date_naissance", d.naissance_emprunteur),
                ("date_naissance_co_emprunteur", d.naissance_co_emprunteur),
            ] {
                if n.is_some_and(|n| n >= dem) {
                    return Err(SimulateurError::champ(
                        champ,
                        "la date de naissance doit précéder la date de la demande",
                    ));
                }
            }
        }
        Ok(d)
    }
}

// ----------------------------------------------------------------- output

/// One tranche of the cotisation, with its arithmetic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LigneTranche {
    /// "de 80 000 € à 130 000 €".
    pub tranche: String,
    /// The part of the amount borrowed inside the tranche.
    #[ts(type = "string")]
    pub base: Decimal,
    #[ts(type = "string | null")]
    pub taux_pct: Option<Decimal>,
    #[ts(type = "string | null")]
    pub forfait: Option<Decimal>,
    /// Rounded to the cent.
    #[ts(type = "string")]
    pub montant: Decimal,
    /// The arithmetic in French: "(110 000,00 € − 80 000,00 €) × 0,90 % = 270,00 €".
    pub calcul: String,
}

/// The cotisation: lines by tranche, base, doubling, total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CotisationCaution {
    #[ts(type = "string")]
    pub montant_emprunte: Decimal,
    pub lignes: Vec<LigneTranche>,
    /// Sum of the lines.
    #[ts(type = "string")]
    pub cotisation_base: Decimal,
    /// Added when the loan insurance is not the CNP contract (0 otherwise).
    #[ts(type = "string")]
    pub majoration_autre_assurance: Decimal,
    #[ts(type = "string")]
    pub cotisation: Decimal,
}

/// When the guarantee ends because of one person's age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FinParAge {
    /// "emprunteur" or "co-emprunteur".
    pub personne: String,
    #[ts(type = "string")]
    pub veille_76e_anniversaire: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CautionResultat {
    /// Total of the loans.
    #[ts(type = "string")]
    pub montant_total: Decimal,
    /// What the member pays, once, at the effect date (art. 8).
    #[ts(type = "string")]
    pub cotisation: Decimal,
    pub detail: CotisationCaution,
    /// `true` all conditions hold, `false` one fails, `null` none fails but
    /// some could not be checked for lack of information.
    pub eligible: Option<bool>,
    /// The failing conditions, in French.
    pub motifs: Vec<String>,
    pub conditions: Vec<Condition>,
    /// Personal contribution required (art. 6-2-4), when the loans exceed 130 000 €.
    #[ts(type = "string | null")]
    pub apport_exige: Option<Decimal>,
    /// 1 000 000 € minus the capital still due on other guaranteed operations.
    #[ts(type = "string")]
    pub plafond_disponible: Decimal,
    #[ts(type = "string | null")]
    pub date_effet: Option<NaiveDate>,
    /// Term of the longest loan.
    #[ts(type = "string | null")]
    pub terme_prets: Option<NaiveDate>,
    pub fins_par_age: Vec<FinParAge>,
    /// Last day the guarantee runs.
    #[ts(type = "string | null")]
    pub date_fin: Option<NaiveDate>,
    pub avertissements: Vec<String>,
    /// Conditions the section studies on the file, beyond this tool.
    pub a_verifier_par_la_section: Vec<String>,
    pub notes: Vec<Note>,
    pub source: String,
}

// ------------------------------------------------------------ cotisation

/// The cotisation for an amount borrowed (art. 8): the sum of its tranches,
/// each rounded to the cent, doubled with a loan insurance other than the
/// CNP contract. Amounts above the last tranche (the 1 000 000 € ceiling of
/// art. 5) are not covered and add nothing.
pub fn cotisation(b: &BaremeCaution, montant: Decimal, autre_assurance: bool) -> CotisationCaution {
    let lignes: Vec<LigneTranche> = b
        .cotisation
        .tranches
        .iter()
        .filter_map(|t| tranche_art_8(t, montant))
        .collect();
    let base: Decimal = lignes.iter().map(|l| l.montant).sum();
    let cotisation_base = au_centime(base);
    let total = if autre_assurance {
        au_centime(base * b.cotisation.multiplicateur_autre_assurance)
    } else {
        cotisation_base
    };
    CotisationCaution {
        montant_emprunte: au_centime(montant),
        lignes,
        cotisation_base,
        majoration_autre_assurance: au_centime(total - cotisation_base),
        cotisation: total,
    }
}

/// One tranche of art. 8: nothing when the amount does not reach it; else its
/// flat fee, or its rate applied to the part of the amount inside it.
fn tranche_art_8(t: &Tranche, montant: Decimal) -> Option<LigneTranche> {
    if montant <= t.de {
        return None;
    }
    let haut = montant.min(t.a);
    let base = haut - t.de;
    let (valeur, calcul) = match (t.forfait, t.taux_pct) {
        (Some(f), _) => (
            au_centime(f),
            format!("forfait {} (frais de dossier inclus)", euros_court(f)),
        ),
        (None, Some(r)) => {
            let v = au_centime(base * r / Decimal::ONE_HUNDRED);
            let calcul = format!(
                "({} − {}) × {} = {}",
                euros_court(haut),
                euros_court(t.de),
                pct_fr(r),
                euros_fr(v)
            );
            (v, calcul)
        }
        (None, None) => return None, // refused when the barème is read
    };
    Some(LigneTranche {
        tranche: format!("de {} à {}", euros_court(t.de), euros_court(t.a)),
        base: au_centime(base),
        taux_pct: t.taux_pct,
        forfait: t.forfait.map(au_centime),
        montant: valeur,
        calcul,
    })
}

// ------------------------------------------------------------ simulation

const ART_AGE: &str = "art. 6-1";
const ART_PRETS: &str = "art. 3-2";
const ART_PLAFOND: &str = "art. 5";
const ART_APPORT: &str = "art. 6-2-4";
const ART_PROPRIETE: &str = "art. 6-4";
const ART_BIEN: &str = "art. 3-1";
const ART_DUREE: &str = "art. 4";
const ART_COTISATION: &str = "art. 8";

/// Prices the caution and checks every condition the desk can check, in
/// the order of the notice's reading at the desk: the people (art. 6-1),
/// the loans (art. 3-2), the ceiling (art. 5), the contribution (art.
/// 6-2-4), the ownership (art. 6-4), the property (art. 3-1); then how long
/// the guarantee runs (art. 4) and how the cotisation was computed (art. 8).
pub fn simuler(b: &BaremeCaution, d: &CautionDemande) -> CautionResultat {
    let c = &b.conditions;
    let total: Decimal = d.prets.iter().map(|p| p.montant).sum();
    let detail = cotisation(b, total, d.autre_assurance);
    let personnes = emprunteurs(d);
    let mut notes = Vec::new();

    let mut conditions: Vec<Condition> = personnes
        .iter()
        .map(|p| age_a_la_demande(c, p, d.date_demande))
        .collect();
    conditions.push(pret_amortissable(d));
    conditions.push(duree_du_pret_relais(c, d));
    conditions.push(duree_de_chaque_pret(c, d));
    conditions.push(credit_travaux(c, d));
    let plafond = plafond_disponible(c, d.encours_autres);
    conditions.push(total_dans_le_plafond(c, d.encours_autres, total, plafond));
    notes.extend(part_au_dela_du_plafond(c, total));
    let apport = apport_personnel(c, d, total);
    conditions.push(apport.condition);
    notes.extend(apport.note);
    conditions.push(quote_part_de_propriete(c, d.quote_part));
    conditions.push(situation_du_bien(d.localisation));

    let duree = duree_de_la_caution(c, d, &personnes);
    notes.extend(duree.notes);
    notes.extend(lecture_de_la_cotisation(b, d, total));

    CautionResultat {
        montant_total: au_centime(total),
        cotisation: detail.cotisation,
        detail,
        eligible: verdict(&conditions),
        motifs: motifs(&conditions),
        conditions,
        apport_exige: apport.exige,
        plafond_disponible: plafond,
        date_effet: duree.date_effet,
        terme_prets: duree.terme_prets,
        fins_par_age: duree.fins_par_age,
        date_fin: duree.date_fin,
        avertissements: duree.avertissements,
        a_verifier_par_la_section: a_verifier_par_la_section(c, total),
        notes,
        source: b.source.clone(),
    }
}

// ------------------------------------------------- art. 6-1: the people

/// A person whose age the notice checks: the borrower, and the co-borrower
/// when a birth date is given for one.
struct Emprunteur {
    /// "emprunteur" or "co-emprunteur".
    qui: &'static str,
    /// The same at the start of a sentence.
    qui_maj: &'static str,
    /// Code of the age condition.
    code: &'static str,
    naissance: Option<NaiveDate>,
}

fn emprunteurs(d: &CautionDemande) -> Vec<Emprunteur> {
    let mut v = vec![Emprunteur {
        qui: "emprunteur",
        qui_maj: "L'emprunteur",
        code: "age_emprunteur",
        naissance: d.naissance_emprunteur,
    }];
    if d.naissance_co_emprunteur.is_some() {
        v.push(Emprunteur {
            qui: "co-emprunteur",
            qui_maj: "Le co-emprunteur",
            code: "age_co_emprunteur",
            naissance: d.naissance_co_emprunteur,
        });
    }
    v
}

/// The borrower and the co-borrower are under 70 at the request (art. 6-1).
fn age_a_la_demande(
    c: &ConditionsCaution,
    p: &Emprunteur,
    demande: Option<NaiveDate>,
) -> Condition {
    let libelle = format!(
        "{} a moins de {} ans à la demande",
        p.qui_maj, c.age_max_demande
    );
    let condition =
        |statut, detail: String| Condition::new(p.code, &libelle, ART_AGE, statut, detail);
    let (n, dem) = match (p.naissance, demande) {
        (None, _) => {
            return condition(
                Statut::AVerifier,
                format!("date de naissance de l'{} non renseignée", p.qui),
            )
        }
        (Some(_), None) => {
            return condition(
                Statut::AVerifier,
                "date de la demande non renseignée".into(),
            )
        }
        (Some(n), Some(dem)) => (n, dem),
    };
    let a = age(n, dem);
    let limite = anniversaire(n, c.age_max_demande);
    if a >= c.age_max_demande {
        condition(
            Statut::NonRemplie,
            format!(
                "{} a {a} ans à la date de la demande ({}) : la caution est réservée aux moins \
                 de {} ans (anniversaire des {} ans le {}).",
                p.qui_maj,
                date_fr(dem),
                c.age_max_demande,
                c.age_max_demande,
                date_fr(limite)
            ),
        )
    } else {
        condition(
            Statut::Remplie,
            format!(
                "{a} ans à la demande ; {} ans le {}",
                c.age_max_demande,
                date_fr(limite)
            ),
        )
    }
}

// ------------------------------------------------- art. 3-2: the loans

/// Only amortising loans: an in-fine loan is excluded (art. 3-2).
fn pret_amortissable(d: &CautionDemande) -> Condition {
    let libelle = "Prêts amortissables (pas de prêt in fine)";
    let in_fine = numeros(d, |p| p.type_pret == TypePret::InFine);
    if in_fine.is_empty() {
        Condition::new(
            "type_pret",
            libelle,
            ART_PRETS,
            Statut::Remplie,
            "aucun prêt in fine",
        )
    } else {
        Condition::new(
            "type_pret",
            libelle,
            ART_PRETS,
            Statut::NonRemplie,
            format!(
                "{} in fine (non amortissable) : ce type de prêt est exclu de la caution.",
                liste_prets(&in_fine, d.prets.len())
            ),
        )
    }
}

/// A relay loan runs 24 months at most (art. 3-2).
fn duree_du_pret_relais(c: &ConditionsCaution, d: &CautionDemande) -> Condition {
    let libelle = format!("Prêt relais de {} mois au plus", c.relais_max_mois);
    let condition = |statut, detail: String| {
        Condition::new("duree_relais", &libelle, ART_PRETS, statut, detail)
    };
    let relais = |p: &Pret| p.type_pret == TypePret::Relais;
    if !d.prets.iter().any(relais) {
        return condition(Statut::Remplie, "aucun prêt relais".into());
    }
    let trop = numeros(d, |p| {
        relais(p) && p.duree_mois.is_some_and(|m| m > c.relais_max_mois)
    });
    if !trop.is_empty() {
        condition(
            Statut::NonRemplie,
            format!(
                "{} relais dure {} : un prêt relais de plus de {} mois est exclu.",
                liste_prets(&trop, d.prets.len()),
                durees(d, &trop),
                c.relais_max_mois
            ),
        )
    } else if !numeros(d, |p| relais(p) && p.duree_mois.is_none()).is_empty() {
        condition(
            Statut::AVerifier,
            "durée du prêt relais non renseignée".into(),
        )
    } else {
        condition(
            Statut::Remplie,
            format!("prêt relais de {} mois au plus", c.relais_max_mois),
        )
    }
}

/// Each loan runs 30 years (360 months) at most (art. 3-2).
fn duree_de_chaque_pret(c: &ConditionsCaution, d: &CautionDemande) -> Condition {
    let libelle = format!(
        "Durée de chaque prêt : {} ans au plus",
        c.duree_max_mois / 12
    );
    let condition =
        |statut, detail: String| Condition::new("duree_max", &libelle, ART_PRETS, statut, detail);
    let trop_longs = numeros(d, |p| p.duree_mois.is_some_and(|m| m > c.duree_max_mois));
    let sans_duree = numeros(d, |p| p.duree_mois.is_none());
    if !trop_longs.is_empty() {
        condition(
            Statut::NonRemplie,
            format!(
                "{} dure {} : la durée ne doit pas dépasser {} ans ({} mois).",
                liste_prets(&trop_longs, d.prets.len()),
                durees(d, &trop_longs),
                c.duree_max_mois / 12,
                c.duree_max_mois
            ),
        )
    } else if !sans_duree.is_empty() {
        condition(
            Statut::AVerifier,
            format!(
                "durée non renseignée ({})",
                liste_prets(&sans_duree, d.prets.len())
            ),
        )
    } else {
        let plus_long = d.prets.iter().filter_map(|p| p.duree_mois).max();
        condition(
            Statut::Remplie,
            format!("{} mois au plus", plus_long.unwrap_or(0)),
        )
    }
}

/// A consumer credit for works is guaranteed up to 75 000 € (art. 3-2).
fn credit_travaux(c: &ConditionsCaution, d: &CautionDemande) -> Condition {
    let libelle = format!(
        "Crédit à la consommation pour travaux : {} au plus",
        euros_court(c.travaux_conso_max)
    );
    let condition = |statut, detail: String| {
        Condition::new("credit_travaux", &libelle, ART_PRETS, statut, detail)
    };
    let travaux = |p: &Pret| p.type_pret == TypePret::Travaux;
    let trop = numeros(d, |p| travaux(p) && p.montant > c.travaux_conso_max);
    if trop.is_empty() {
        let detail = if d.prets.iter().any(travaux) {
            format!(
                "crédit travaux de {} au plus",
                euros_court(c.travaux_conso_max)
            )
        } else {
            "aucun crédit travaux".to_string()
        };
        return condition(Statut::Remplie, detail);
    }
    let montants: Vec<String> = trop
        .iter()
        .map(|&n| euros_fr(d.prets[n - 1].montant))
        .collect();
    condition(
        Statut::NonRemplie,
        format!(
            "{} (crédit travaux) s'élève à {} : un crédit à la consommation pour travaux n'est \
             cautionné que jusqu'à {}.",
            liste_prets(&trop, d.prets.len()),
            montants.join(", "),
            euros_court(c.travaux_conso_max)
        ),
    )
}

// ---------------------------------------------------- art. 5: the ceiling

/// What can still be guaranteed (art. 5): 1 000 000 € minus the capital
/// still due on the member's other guaranteed operations.
fn plafond_disponible(c: &ConditionsCaution, encours: Option<Decimal>) -> Decimal {
    let encours = encours.unwrap_or(Decimal::ZERO);
    au_centime((c.plafond - encours).max(Decimal::ZERO))
}

/// The loans of the operation fit in what can still be guaranteed (art. 5).
fn total_dans_le_plafond(
    c: &ConditionsCaution,
    encours_autres: Option<Decimal>,
    total: Decimal,
    plafond_disponible: Decimal,
) -> Condition {
    let libelle = format!(
        "Total des prêts : {} au plus, moins le capital restant dû des autres opérations cautionnées",
        euros_court(c.plafond)
    );
    let encours = encours_autres.unwrap_or(Decimal::ZERO);
    if total > plafond_disponible {
        return Condition::new(
            "plafond",
            &libelle,
            ART_PLAFOND,
            Statut::NonRemplie,
            format!(
                "Le total des prêts ({}) dépasse le montant cautionnable de {} ({} − {}).",
                euros_fr(total),
                euros_fr(plafond_disponible),
                euros_court(c.plafond),
                euros_fr(encours)
            ),
        );
    }
    let encours_txt = if encours_autres.is_some() {
        format!("capital restant dû ailleurs {}", euros_fr(encours))
    } else {
        "aucun autre encours cautionné déclaré".to_string()
    };
    Condition::new(
        "plafond",
        &libelle,
        ART_PLAFOND,
        Statut::Remplie,
        format!(
            "{} pour {} cautionnables ({encours_txt})",
            euros_fr(total),
            euros_fr(plafond_disponible)
        ),
    )
}

/// Above the ceiling of art. 5, the cotisation of art. 8 stops at the
/// ceiling and the rest of the loans is not covered.
fn part_au_dela_du_plafond(c: &ConditionsCaution, total: Decimal) -> Option<Note> {
    (total > c.plafond).then(|| {
        Note::info(
            format!(
                "La cotisation est calculée sur {} au plus : la part des prêts au-delà n'est pas couverte.",
                euros_court(c.plafond)
            ),
            ART_PLAFOND,
        )
    })
}

// ------------------------------------------ art. 6-2-4: the contribution

/// The personal contribution checked: the condition, the amount required
/// when it could be computed, and the reading made for a plot of land.
struct Apport {
    condition: Condition,
    exige: Option<Decimal>,
    note: Option<Note>,
}

/// When the loans exceed 130 000 €, a personal contribution of a share of
/// the operation's total cost, by kind of operation (art. 6-2-4).
fn apport_personnel(c: &ConditionsCaution, d: &CautionDemande, total: Decimal) -> Apport {
    let libelle = format!(
        "Apport personnel quand les prêts dépassent {}",
        euros_court(c.seuil_apport)
    );
    let condition =
        |statut, detail: String| Condition::new("apport", &libelle, ART_APPORT, statut, detail);
    let sans_exigence = |condition| Apport {
        condition,
        exige: None,
        note: None,
    };
    if total <= c.seuil_apport {
        return sans_exigence(condition(
            Statut::Remplie,
            format!("non exigé : {} de prêts", euros_fr(total)),
        ));
    }
    let (op, cout) = match (d.operation, d.cout_operation) {
        (None, _) => {
            return sans_exigence(condition(
                Statut::AVerifier,
                "type d'opération non renseigné (ancien, ancien avec travaux, neuf, terrain)"
                    .into(),
            ))
        }
        (Some(_), None) => {
            return sans_exigence(condition(
                Statut::AVerifier,
                "coût total de l'opération non renseigné".into(),
            ))
        }
        (Some(op), Some(cout)) => (op, cout),
    };
    apport_exige(c, &libelle, op, cout, d.apport)
}

/// The contribution required for an operation of known kind and cost, set
/// against the one declared (art. 6-2-4).
fn apport_exige(
    c: &ConditionsCaution,
    libelle: &str,
    op: Operation,
    cout: Decimal,
    apport: Option<Decimal>,
) -> Apport {
    let condition =
        |statut, detail: String| Condition::new("apport", libelle, ART_APPORT, statut, detail);
    let (taux, quoi) = taux_d_apport(c, op);
    let note = (op == Operation::Terrain).then(|| {
        Note::lecture(
            format!(
                "La notice ne fixe pas d'apport pour un terrain : le taux du logement neuf \
                 ({}) est appliqué, le terrain devant porter une construction.",
                pct_fr(taux)
            ),
            ART_APPORT,
        )
    });
    let exige_exact = cout * taux / Decimal::ONE_HUNDRED;
    let exige = au_centime(exige_exact);
    let condition = match apport {
        None => condition(
            Statut::AVerifier,
            format!(
                "apport non renseigné ; {} exigés ({} de {})",
                euros_fr(exige),
                pct_fr(taux),
                euros_fr(cout)
            ),
        ),
        Some(a) if a < exige_exact => condition(
            Statut::NonRemplie,
            format!(
                "Apport personnel insuffisant : {} pour {} exigés ({} du coût total \
                 de {}, {quoi}, frais de notaire et d'agence compris).",
                euros_fr(a),
                euros_fr(exige),
                pct_fr(taux),
                euros_fr(cout)
            ),
        ),
        Some(a) => condition(
            Statut::Remplie,
            format!(
                "{} d'apport pour {} exigés ({} de {}, {quoi})",
                euros_fr(a),
                euros_fr(exige),
                pct_fr(taux),
                euros_fr(cout)
            ),
        ),
    };
    Apport {
        condition,
        exige: Some(exige),
        note,
    }
}

/// The contribution's rate of art. 6-2-4 for a kind of operation, and its
/// name; a plot of land is held to the rate of a new home (see the module doc).
fn taux_d_apport(c: &ConditionsCaution, op: Operation) -> (Decimal, &'static str) {
    match op {
        Operation::Ancien => (c.apport_pct.ancien, "logement ancien sans travaux"),
        Operation::AncienTravaux => (c.apport_pct.ancien_travaux, "logement ancien avec travaux"),
        Operation::Neuf => (c.apport_pct.neuf, "logement neuf"),
        Operation::Terrain => (c.apport_pct.neuf, "terrain à bâtir"),
    }
}

// ------------------------------------ art. 6-4 and 3-1: the property

/// The member owns at least 50 % of the property (art. 6-4).
fn quote_part_de_propriete(c: &ConditionsCaution, quote_part: Option<Decimal>) -> Condition {
    let libelle = format!(
        "Le membre participant est propriétaire d'au moins {} du bien",
        pct_fr(c.quote_part_min_pct)
    );
    let condition = |statut, detail: String| {
        Condition::new("quote_part", &libelle, ART_PROPRIETE, statut, detail)
    };
    match quote_part {
        None => condition(
            Statut::AVerifier,
            "quote-part de propriété non renseignée".into(),
        ),
        Some(q) if q < c.quote_part_min_pct => condition(
            Statut::NonRemplie,
            format!(
                "Le membre participant ne détient que {} du bien : il doit en être propriétaire \
                 d'au moins {}.",
                pct_fr(q),
                pct_fr(c.quote_part_min_pct)
            ),
        ),
        Some(q) => condition(Statut::Remplie, format!("{} du bien", pct_fr(q))),
    }
}

/// The property is in metropolitan France or in an overseas département
/// (art. 3-1).
fn situation_du_bien(localisation: Option<Localisation>) -> Condition {
    let (statut, detail) = match localisation {
        None => (Statut::AVerifier, "situation du bien non renseignée"),
        Some(Localisation::Metropole) => (Statut::Remplie, "France métropolitaine"),
        Some(Localisation::Drom) => (Statut::Remplie, "département d'outre-mer"),
        Some(Localisation::Com) => (
            Statut::NonRemplie,
            "Le bien est situé dans un pays d'outre-mer : seuls les biens en France métropolitaine \
             ou dans un département d'outre-mer peuvent être cautionnés.",
        ),
        Some(Localisation::Etranger) => (
            Statut::NonRemplie,
            "Le bien est situé à l'étranger : seuls les biens en France métropolitaine ou dans un \
             département d'outre-mer peuvent être cautionnés.",
        ),
    };
    Condition::new(
        "localisation",
        "Bien situé en France métropolitaine ou dans un département d'outre-mer",
        ART_BIEN,
        statut,
        detail,
    )
}

// ---------------------------------------- art. 4: how long it runs

/// The dates of the guarantee (art. 4), and what the adviser must be told.
struct DureeCaution {
    date_effet: Option<NaiveDate>,
    terme_prets: Option<NaiveDate>,
    fins_par_age: Vec<FinParAge>,
    date_fin: Option<NaiveDate>,
    avertissements: Vec<String>,
    notes: Vec<Note>,
}

/// How long the guarantee runs (art. 4): from the loan's effect date to the
/// term of the longest loan, within 30 years, and never past the day before
/// the 76th birthday.
fn duree_de_la_caution(
    c: &ConditionsCaution,
    d: &CautionDemande,
    personnes: &[Emprunteur],
) -> DureeCaution {
    let mut notes = Vec::new();
    let date_effet = d.date_effet.or(d.date_demande);
    if d.date_effet.is_none() && d.date_demande.is_some() {
        notes.push(Note::info(
            "Faute de date d'effet du prêt, la durée de la caution est comptée à partir de la date \
             de la demande.",
            ART_DUREE,
        ));
    }
    let terme_prets = terme_des_prets(d, date_effet);
    let limite_duree = date_effet.map(|e| ajouter_mois(e, c.duree_max_mois));
    let fins_par_age = fins_par_age_76_ans(c, personnes);
    let fin_contrat = terme_prets.or(limite_duree).map(|t| match limite_duree {
        Some(l) => t.min(l),
        None => t,
    });
    let fin_age = fins_par_age.iter().map(|f| f.veille_76e_anniversaire).min();
    let date_fin = match (fin_contrat, fin_age) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let avertissements = fin_avant_le_terme(c, terme_prets, &fins_par_age)
        .into_iter()
        .collect();
    if terme_prets.is_none() && date_effet.is_some() {
        notes.push(Note::info(
            "Durée des prêts incomplète : la date de fin tient compte de la limite de 30 ans et de \
             l'âge, pas du terme des prêts.",
            ART_DUREE,
        ));
    }
    if fins_par_age.len() == 2 {
        notes.push(Note::lecture(
            format!(
                "La caution cesse « à la veille du {}e anniversaire de l'emprunteur et/ou du \
                 co-emprunteur » : la date la plus proche des deux est retenue.",
                c.age_fin_garantie
            ),
            ART_DUREE,
        ));
    }
    DureeCaution {
        date_effet,
        terme_prets,
        fins_par_age,
        date_fin,
        avertissements,
        notes,
    }
}

/// The term of the longest loan (art. 4), when every loan's duration is known.
fn terme_des_prets(d: &CautionDemande, date_effet: Option<NaiveDate>) -> Option<NaiveDate> {
    let durees: Option<Vec<u32>> = d.prets.iter().map(|p| p.duree_mois).collect();
    let plus_longue = durees?.into_iter().max()?;
    date_effet.map(|e| ajouter_mois(e, plus_longue))
}

/// The guarantee ends the day before the 76th birthday of the borrower and
/// of the co-borrower (art. 4): that day for each.
fn fins_par_age_76_ans(c: &ConditionsCaution, personnes: &[Emprunteur]) -> Vec<FinParAge> {
    personnes
        .iter()
        .filter_map(|p| {
            p.naissance.map(|n| FinParAge {
                personne: p.qui.to_string(),
                veille_76e_anniversaire: veille(anniversaire(n, c.age_fin_garantie)),
            })
        })
        .collect()
}

/// The warning when an age ends the guarantee before the loans' term (art. 4).
fn fin_avant_le_terme(
    c: &ConditionsCaution,
    terme_prets: Option<NaiveDate>,
    fins_par_age: &[FinParAge],
) -> Option<String> {
    let t = terme_prets?;
    let premiere = fins_par_age
        .iter()
        .min_by_key(|f| f.veille_76e_anniversaire)?;
    let f = premiere.veille_76e_anniversaire;
    (f < t).then(|| {
        format!(
            "La caution cessera le {} (veille du {}e anniversaire de l'{}), avant le terme \
             du prêt le {}.",
            date_fr(f),
            c.age_fin_garantie,
            premiere.personne,
            date_fr(t)
        )
    })
}

// ------------------------------------------- art. 8: how it was computed

/// How the cotisation of art. 8 was computed (with art. 5 for several loans),
/// said in the result.
fn lecture_de_la_cotisation(b: &BaremeCaution, d: &CautionDemande, total: Decimal) -> Vec<Note> {
    let mut notes = Vec::new();
    if d.prets.len() > 1 {
        notes.push(Note::lecture(
            format!(
                "Les tranches sont appliquées au total des {} prêts de l'opération ({}).",
                d.prets.len(),
                euros_fr(total)
            ),
            "art. 5 et art. 8",
        ));
    }
    notes.push(Note::info(
        "Chaque tranche est arrondie au centime (au plus proche, la moitié vers le haut) ; la \
         cotisation est leur somme. Elle est payée une seule fois, par prélèvement, à la date \
         d'effet, et n'est pas remboursée en cas de remboursement anticipé.",
        ART_COTISATION,
    ));
    if d.autre_assurance {
        notes.push(Note::info(
            format!(
                "Assurance de prêt autre que le contrat CNP souscrit par MGEN : cotisation \
                 multipliée par {}.",
                b.cotisation.multiplicateur_autre_assurance
            ),
            ART_COTISATION,
        ));
    }
    notes
}

// ------------------------------------------------ left to the section

/// What the section studies on the file, beyond what the desk can check
/// (art. 2, 3-1, 3-3, 6-2, 6-3, and art. 6-2-4 above 130 000 €).
fn a_verifier_par_la_section(c: &ConditionsCaution, total: Decimal) -> Vec<String> {
    let mut a_verifier = vec![
        "Statut de l'emprunteur : fonctionnaire titulaire ou stagiaire, salarié en CDI période \
         d'essai achevée, retraité pensionné, ou membre participant jeune (art. 2)."
            .to_string(),
        "Bien destiné à l'habitation du membre ou de sa famille (résidence principale, secondaire, \
         de retraite, logement d'un enfant étudiant ou handicapé, d'un ascendant à charge…), \
         jamais à la location (art. 3-1)."
            .to_string(),
        "Organisme prêteur ayant une convention avec MGEN (art. 3-3).".to_string(),
        "Étude financière du dossier : charges, ressources, composition du foyer (art. 6-2)."
            .to_string(),
        "Assurances décès, PTIA et ITT à 100 % des montants cautionnés pour chaque emprunteur \
         (art. 6-3)."
            .to_string(),
    ];
    if total > c.seuil_apport {
        a_verifier.push(
            "L'apport ne peut pas venir d'un emprunt, sauf prêt d'épargne logement, prêt à taux \
             zéro plus ou 1 % patronal (art. 6-2-4)."
                .to_string(),
        );
    }
    a_verifier
}

/// Numbers (from 1) of the loans matching `f`.
fn numeros(d: &CautionDemande, f: impl Fn(&Pret) -> bool) -> Vec<usize> {
    d.prets
        .iter()
        .enumerate()
        .filter(|(_, p)| f(p))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The durations of the loans numbered `n`: "36 mois, 400 mois".
fn durees(d: &CautionDemande, n: &[usize]) -> String {
    let v: Vec<String> = n
        .iter()
        .map(|&n| format!("{} mois", d.prets[n - 1].duree_mois.unwrap_or(0)))
        .collect();
    v.join(", ")
}

/// "Le prêt" (only one), "Le prêt n° 2", "Les prêts n° 1, 3".
fn liste_prets(n: &[usize], total: usize) -> String {
    if total == 1 {
        "Le prêt".to_string()
    } else if n.len() == 1 {
        format!("Le prêt n° {}", n[0])
    } else {
        let v: Vec<String> = n.iter().map(|x| x.to_string()).collect();
        format!("Les prêts n° {}", v.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulateurs::Baremes;
    use rust_decimal_macros::dec;

    fn b() -> BaremeCaution {
        Baremes::integres().unwrap().caution
    }

    #[test]
    fn notice_examples_art_8() {
        // 60 000 → 250 ; 250 + (110 000 − 80 000) × 0,90 % = 520 ;
        // 250 + 50 000 × 0,90 % + 120 000 × 1,2 % = 250 + 450 + 1 440 = 2 140.
        assert_eq!(
            cotisation(&b(), dec!(60000), false).cotisation,
            dec!(250.00)
        );
        assert_eq!(
            cotisation(&b(), dec!(110000), false).cotisation,
            dec!(520.00)
        );
        let c = cotisation(&b(), dec!(250000), false);
        assert_eq!(c.cotisation, dec!(2140.00));
        let m: Vec<Decimal> = c.lignes.iter().map(|l| l.montant).collect();
        assert_eq!(m, vec![dec!(250), dec!(450), dec!(1440)]);
    }

    #[test]
    fn several_loans_in_fine_and_long_relay_are_both_named() {
        let d = CautionDemande {
            prets: vec![
                Pret {
                    montant: dec!(50000),
                    type_pret: TypePret::InFine,
                    duree_mois: Some(120),
                },
                Pret {
                    montant: dec!(40000),
                    type_pret: TypePret::Relais,
                    duree_mois: Some(36),
                },
            ],
            autre_assurance: false,
            date_demande: None,
            naissance_emprunteur: None,
            naissance_co_emprunteur: None,
            date_effet: None,
            operation: None,
            cout_operation: None,
            apport: None,
            quote_part: None,
            encours_autres: None,
            localisation: None,
        };
        let r = simuler(&b(), &d);
        assert_eq!(r.eligible, Some(false));
        assert_eq!(r.motifs.len(), 2, "{:?}", r.motifs);
        assert!(
            r.motifs[0].starts_with("Le prêt n° 1 in fine"),
            "{}",
            r.motifs[0]
        );
        assert!(
            r.motifs[1].starts_with("Le prêt n° 2 relais dure 36 mois"),
            "{}",
            r.motifs[1]
        );
        // 90 000 in total: 250 + 10 000 × 0,90 % = 340.
        assert_eq!(r.cotisation, dec!(340.00));
    }
}
