//! The base of the AMO computation: the BRSS the adviser entered, or the
//! base the devis's code implies (the reform's data names its AMO
//! parameter), or the default value of the AMO parameters the catalogue
//! names for the act (by age, cécité, LPP code), times the quantity. Frais réels below it do
//! not lower it (the amount paid is capped instead: R.160-22, in
//! [`super::calculer`]).

use super::{param, Entree};
use crate::moteur::catalogue::BaseParDefaut;
use crate::moteur::erreur::{ErreurEstimation, ErreurSaisie};
use crate::moteur::format::date_fr;
use crate::moteur::journal::{Copie, Journal};
use crate::moteur::resultat::GenreExplication;
use crate::moteur::texte::Valeur::{self, Euros};
use crate::tarifs::amo::ValeurDatee;
use crate::tarifs::codes_devis::CodeDevis;
use crate::texte;
use rust_decimal::Decimal;

/// The BRSS of the act (total for its quantity): entered, or by default.
pub(super) fn brss(e: &Entree<'_>, journal: &mut Journal) -> Result<Decimal, ErreurEstimation> {
    let Some(b) = e.acte.brss else {
        return match e.code_devis {
            Some(c) if c.base.is_some() => base_du_code(e, c, journal),
            _ => base_par_defaut(e, journal),
        };
    };
    journal.noter(
        GenreExplication::Calcul,
        texte!("Base de remboursement saisie : {}", Euros(b)),
        "saisie",
        None,
        "Saisie du conseiller",
    );
    Ok(b)
}

/// The default BRSS: the unit value of the catalogue's base for this case,
/// in force at the date of care, times the quantity.
fn base_par_defaut(e: &Entree<'_>, journal: &mut Journal) -> Result<Decimal, ErreurEstimation> {
    let b = base_du_cas(e)?;
    let v = param(e.amo, &b.parametre, e.date)?;
    let Some(unitaire) = v.valeur else {
        return Err(a_saisir(
            e,
            format!(
                "aucune valeur connue de « {} » au {} ({})",
                libelle_param(e, &b.parametre),
                date_fr(e.date),
                v.note.clone().unwrap_or_default()
            ),
        ));
    };
    let total = unitaire * Decimal::from(e.acte.quantite);
    noter_base_par_defaut(e, b, v, unitaire, total, journal);
    Ok(total)
}

/// The base a devis's code implies: its AMO parameter in force at the date
/// of care, times the quantity, explained with the code and its source.
fn base_du_code(
    e: &Entree<'_>,
    c: &CodeDevis,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let parametre = c.base.as_deref().unwrap_or_default();
    let v = param(e.amo, parametre, e.date)?;
    let Some(unitaire) = v.valeur else {
        return Err(a_saisir(
            e,
            format!(
                "aucune valeur connue de la base du {} {} au {}",
                c.nomenclature.nom(),
                c.code,
                date_fr(e.date)
            ),
        ));
    };
    let total = unitaire * Decimal::from(e.acte.quantite);
    let code = Valeur::Chaine(journal.ecrire(format_args!(
        "{} {} : {}",
        c.nomenclature.nom(),
        c.code,
        c.libelle
    )));
    let formule = if e.acte.quantite == 1 {
        texte!(
            "Base de remboursement : {} ({}, valeur en vigueur au {})",
            Euros(unitaire),
            code,
            e.date
        )
    } else {
        texte!(
            "Base de remboursement : {} × {} = {} ({}, valeur en vigueur au {})",
            Euros(unitaire),
            e.acte.quantite,
            Euros(total),
            code,
            e.date
        )
    };
    let source = journal.ecrire(format_args!(
        "{} ; {} : {}",
        c.source,
        libelle_param(e, parametre),
        v.source
    ));
    journal.noter(
        GenreExplication::Calcul,
        formule,
        Copie(&c.reference),
        Some(v.depuis),
        source,
    );
    Ok(total)
}

/// The catalogue's default base that fits the act (age, cécité, LPP code):
/// the first that does; none means the base must be entered.
fn base_du_cas<'c>(e: &Entree<'c>) -> Result<&'c BaseParDefaut, ErreurEstimation> {
    let cecite = e.acte.cecite == Some(true);
    let convient = |b: &&BaseParDefaut| {
        b.age_min.is_none_or(|a| e.age >= a)
            && b.age_max.is_none_or(|a| e.age < a)
            && b.cecite.is_none_or(|c| c == cecite)
            && match (&e.acte.code_lpp, &b.code_lpp) {
                (Some(code), Some(bc)) => code == bc,
                _ => true,
            }
    };
    if let Some(b) = e.cat.bases.iter().find(convient) {
        return Ok(b);
    }
    let pourquoi = if e.cat.bases.is_empty() {
        format!("pas de base par défaut pour « {} »", e.cat.libelle)
    } else if let Some(code) = &e.acte.code_lpp {
        format!(
            "aucune base connue pour le code LPP {code} dans ce cas (âge {} ans)",
            e.age
        )
    } else {
        format!(
            "pas de base par défaut pour « {} » dans ce cas (âge {} ans{})",
            e.cat.libelle,
            e.age,
            if cecite { ", cécité" } else { "" }
        )
    };
    Err(a_saisir(e, pourquoi))
}

/// "Base de remboursement : 2,84 € (…, valeur en vigueur au …)", with the
/// LPP code retained when the adviser gave none.
fn noter_base_par_defaut(
    e: &Entree<'_>,
    b: &BaseParDefaut,
    v: &ValeurDatee,
    unitaire: Decimal,
    total: Decimal,
    journal: &mut Journal,
) {
    let code = match (&e.acte.code_lpp, &b.code_lpp) {
        (None, Some(c)) => Valeur::Chaine(journal.ecrire(format_args!(
            " ; code LPP {c} retenu, saisir la base pour un autre code"
        ))),
        _ => Valeur::Statique(""),
    };
    let libelle = Valeur::Chaine(journal.chaine(libelle_param(e, &b.parametre)));
    let formule = if e.acte.quantite == 1 {
        texte!(
            "Base de remboursement : {} ({}, valeur en vigueur au {}{})",
            Euros(unitaire),
            libelle,
            e.date,
            code
        )
    } else {
        texte!(
            "Base de remboursement : {} × {} = {} ({}, valeur en vigueur au {}{})",
            Euros(unitaire),
            e.acte.quantite,
            Euros(total),
            libelle,
            e.date,
            code
        )
    };
    journal.noter(
        GenreExplication::Calcul,
        formule,
        Copie(&b.parametre),
        Some(v.depuis),
        Copie(&v.source),
    );
}

fn libelle_param<'a>(e: &Entree<'a>, id: &'a str) -> &'a str {
    e.amo.parametre(id).map_or(id, |p| p.libelle.as_str())
}

fn a_saisir(e: &Entree<'_>, pourquoi: String) -> ErreurEstimation {
    ErreurSaisie::new(
        format!("{}.brss", e.chemin),
        format!("base de remboursement à saisir : {pourquoi}"),
    )
    .into()
}
