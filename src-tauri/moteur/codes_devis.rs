//! The codes printed on a devis line (`code_ccam`, `code_lpp`) checked
//! against the reform's data (`tarifs::codes_devis`), once per act before
//! its AMO part:
//! 1. a code the data does not know implies nothing (a CCAM code is kept
//!    as printed; an LPP code was checked against the catalogue);
//! 2. a known code is the catalogue act it names, and exists from its date;
//! 3. the basket and the tooth it implies: a typed basket or tooth that
//!    contradicts it is refused, naming both fields;
//! 4. the base it implies is then taken by [`super::part_amo`] when no BRSS
//!    is entered, explained with the code and its source.

use super::erreur::ErreurSaisie;
use super::format::date_fr;
use super::part_amo::Entree;
use crate::tarifs::cent_pour_cent_sante::ReformeSante;
use crate::tarifs::codes_devis::{CodeDevis, Nomenclature};

/// The known code of the act `e` (CCAM first, then LPP), checked (module
/// doc, steps 1–3); `None` when the act prints no known code.
pub fn code_du_devis<'a>(
    reforme: &'a ReformeSante,
    e: &Entree<'_>,
) -> Result<Option<&'a CodeDevis>, ErreurSaisie> {
    let imprimes = [
        (Nomenclature::Ccam, &e.acte.code_ccam),
        (Nomenclature::Lpp, &e.acte.code_lpp),
    ];
    let mut retenu = None;
    for (nomenclature, code) in imprimes {
        let Some(c) = code.as_deref().and_then(|x| reforme.code(nomenclature, x)) else {
            continue;
        };
        verifier_acte_et_date(c, e)?;
        verifier_panier(reforme, c, e)?;
        verifier_dent(c, e)?;
        retenu = retenu.or(Some(c));
    }
    Ok(retenu)
}

fn erreur(e: &Entree<'_>, champ: &str, message: String) -> ErreurSaisie {
    ErreurSaisie::new(format!("{}.{champ}", e.chemin), message)
}

/// The code names this act, and exists at the date of care.
fn verifier_acte_et_date(c: &CodeDevis, e: &Entree<'_>) -> Result<(), ErreurSaisie> {
    let champ = c.nomenclature.champ();
    if c.acte != e.cat.code {
        return Err(erreur(
            e,
            champ,
            format!(
                "{} {} ({}) : c'est l'acte « {} », pas « {} »",
                c.nomenclature.nom(),
                c.code,
                c.libelle,
                c.acte,
                e.cat.code
            ),
        ));
    }
    if e.date < c.depuis {
        return Err(erreur(
            e,
            champ,
            format!(
                "{} {} en vigueur à partir du {} ({}) ; soins du {}",
                c.nomenclature.nom(),
                c.code,
                date_fr(c.depuis),
                c.reference,
                date_fr(e.date)
            ),
        ));
    }
    Ok(())
}

/// A typed basket agrees with the code's.
fn verifier_panier(
    reforme: &ReformeSante,
    c: &CodeDevis,
    e: &Entree<'_>,
) -> Result<(), ErreurSaisie> {
    let (Some(saisi), Some(du_code)) = (e.acte.panier, c.panier) else {
        return Ok(());
    };
    if saisi == du_code {
        return Ok(());
    }
    Err(erreur(
        e,
        "panier",
        format!(
            "panier « {} » contraire au {} {} (champ {}) : {}, {} ({})",
            reforme.panier(saisi).libelle,
            c.nomenclature.nom(),
            c.code,
            c.nomenclature.champ(),
            c.libelle,
            reforme.panier(du_code).libelle,
            c.reference
        ),
    ))
}

/// A typed tooth agrees with the code's.
fn verifier_dent(c: &CodeDevis, e: &Entree<'_>) -> Result<(), ErreurSaisie> {
    let (Some(saisie), Some(du_code)) = (e.acte.dent, c.dent.as_deref()) else {
        return Ok(());
    };
    if saisie.nom() == du_code {
        return Ok(());
    }
    Err(erreur(
        e,
        "dent",
        format!(
            "dent « {} » contraire au {} {} (champ {}) : {}",
            saisie.nom(),
            c.nomenclature.nom(),
            c.code,
            c.nomenclature.champ(),
            c.libelle
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::moteur::catalogue::catalogue_livre;
    use crate::tarifs::amo::parametres_livres;
    use crate::tarifs::cent_pour_cent_sante::reforme_livree;

    #[test]
    fn every_shipped_code_names_an_act_of_the_catalogue_and_a_known_base() {
        let (cat, amo) = (catalogue_livre(), parametres_livres());
        for c in &reforme_livree().codes {
            let acte = cat
                .acte(&c.acte)
                .unwrap_or_else(|| panic!("{} : acte « {} » inconnu", c.code, c.acte));
            assert!(
                c.panier.is_none_or(|p| acte.paniers.contains(&p)),
                "{} : panier hors de l'acte",
                c.code
            );
            if let Some(b) = &c.base {
                assert!(
                    amo.parametre(b).is_some(),
                    "{} : base « {b} » inconnue",
                    c.code
                );
            }
        }
    }
}
