//! The principe indemnitaire (contrat responsable, Code de la sécurité
//! sociale art. R.871-2): MGEN pays at most the frais réels less the AMO's
//! gross part — plus the R.160-16 participation of lines 4 and 20, which the
//! table covers — and never less than zero; and the rounding to the cent of
//! each component.

use super::super::format::arrondi;
use super::super::journal::Journal;
use super::super::part_amo::CalculAmo;
use super::super::resultat::GenreExplication;
use super::super::texte::Valeur::{Euros, EurosExact};
use super::prestation::Prestation;
use crate::texte;
use rust_decimal::Decimal;

const PRINCIPE: &str = "principe indemnitaire";
const SOURCE: &str = "Code de la sécurité sociale, art. R.871-2 ; domaine Guichet";

/// The room the principe indemnitaire (R.871-2) leaves MGEN on an act
/// (frais réels − AMO gross, plus the R.160-16 participation of Annexe 2,
/// ligne 4 and ligne 20, that MGEN may pay), with its
/// explanation line: the same under every offer, noted once with the lines
/// the offers share.
pub fn plafond_indemnitaire(
    frais_reels: Decimal,
    amo: &CalculAmo,
    journal: &mut Journal,
) -> Decimal {
    let plafond = (frais_reels - amo.part.brut + amo.part.participation_18).max(Decimal::ZERO);
    let formule = if amo.part.participation_18.is_zero() {
        texte!(
            "Principe indemnitaire : MGEN au plus frais réels − AMO brut = {} − {} = {}",
            Euros(frais_reels),
            Euros(amo.part.brut),
            Euros(plafond)
        )
    } else {
        texte!(
            "Principe indemnitaire : MGEN au plus frais réels − AMO brut + participation R.160-16 = {} − {} + {} = {}",
            Euros(frais_reels),
            Euros(amo.part.brut),
            Euros(amo.part.participation_18),
            Euros(plafond)
        )
    };
    journal.noter(GenreExplication::Plafond, formule, PRINCIPE, None, SOURCE);
    plafond
}

/// A component's amount to the cent (half away from zero), never below
/// zero; a change is said.
pub(super) fn au_centime(p: &Prestation<'_, '_>, brut: Decimal, journal: &mut Journal) -> Decimal {
    let montant = if brut.is_sign_negative() {
        Decimal::ZERO
    } else {
        arrondi(brut)
    };
    if montant != brut {
        p.noter(
            journal,
            GenreExplication::Calcul,
            texte!(
                "{} : {} arrondi au centime : {}",
                p.nom(),
                EurosExact(brut),
                Euros(montant)
            ),
        );
    }
    montant
}

/// A component's amount within `reste`, the room the principe indemnitaire
/// leaves after the act's previous components.
pub(super) fn dans_le_plafond(
    p: &Prestation<'_, '_>,
    montant: Decimal,
    reste: Decimal,
    journal: &mut Journal,
) -> Decimal {
    if montant <= reste {
        return montant;
    }
    journal.noter(
        GenreExplication::Plafond,
        texte!(
            "{} : ramené de {} à {} (principe indemnitaire)",
            p.nom(),
            Euros(montant),
            Euros(reste)
        ),
        PRINCIPE,
        None,
        SOURCE,
    );
    reste
}
