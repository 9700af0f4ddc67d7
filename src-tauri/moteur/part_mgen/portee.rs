//! Whose use a limit or an envelope counts in a household estimate: the
//! person's own (per beneficiary) or the whole household's (per adhérent),
//! as the MGEN Annexe 2 (Statuts 2018) reads, line by line.
//!
//! The Annexe states the person only where a row is written for the person
//! receiving the care; everywhere else it gives an amount or a count "par
//! an" without saying whose (its conditions are in articles 9 to 13 of the
//! règlement mutualiste, which our seed does not hold). There the household
//! shares it: the cautious reading, which never estimates more for MGEN
//! than the other one; the explanation says the Annexe is silent and the
//! amount is marked « lecture à confirmer » when another person's use
//! changed it.
//!
//! | rule | Annexe 2 (seed 004) | reading |
//! |---|---|---|
//! | optical equipment, one per 1 or 2 years | line 25, note **: the period is set by the age of the person equipped (under 18 / from 18) | per beneficiary ([`super::renouvellement`], the person's equipment history) |
//! | hearing aids, 2 a year | line 29: "Mutualiste de 20 ans et plus — par appareil dans la limite de 2 appareils par an", the limit written in the row of the person's age | per beneficiary |
//! | hearing aid upkeep, 50 € a year | line 29: "forfait annuel (par appareil)": the person's own devices | per beneficiary |
//! | orthodontic semesters | 26.8: semesters of one treatment, started before or after the patient's 16th birthday | per beneficiary |
//! | teeth, elements of one appliance | 26.4.1, 26.4.2: within one act | the act's own |
//! | psychotherapy, 20 sessions a year | line 7: "dans la limite de 20 séances / an" | silent → household |
//! | implants, crowns on implants over 2 calendar years | 26.5.1, 26.5.2 | silent → household |
//! | drugs envelope | line 8: "Forfait 25 € / an", "50 € / an" | silent → household |
//! | "se soigner autrement" | lines 10–14: "75 € / an"… | silent → household |
//! | "prévention" | lines 15–19: "75 € / an"… | silent → household |
//! | lenses | line 25: "50 €/an"… | silent → household |
//! | any other "N € / an" (periodontics 26.9, breast prosthesis products 31.2) | "400 € / an", "130 € par année civile" | silent → household |

use super::super::catalogue::Regle;
use super::prestation::Prestation;
use crate::tarifs::Compteur;

/// Whose use a rule counts, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Portee {
    /// The person's own: the Annexe writes the rule for the person (the
    /// text says where).
    Beneficiaire(&'static str),
    /// The household's: the Annexe does not say whose (the cautious
    /// reading).
    Foyer,
}

/// Whose use an annual envelope counts (module doc, the table).
pub(super) fn de_l_enveloppe(p: &Prestation<'_, '_>) -> Portee {
    if p.acte.cat.regle == Regle::EntretienAudioprothese {
        // Annexe 2, ligne 29: the upkeep forfait is "par appareil", the
        // person's own devices.
        Portee::Beneficiaire("ligne 29 : forfait annuel par appareil, ceux de la personne")
    } else {
        Portee::Foyer
    }
}

/// Whose use a count limit over a period counts (module doc, the table).
pub(super) fn de_la_limite(compteur: Compteur) -> Portee {
    match compteur {
        // Annexe 2, ligne 29: the limit is printed in the row of the
        // person's age ("Mutualiste de 20 ans et plus").
        Compteur::Appareils => Portee::Beneficiaire(
            "ligne 29 : limite écrite pour le mutualiste de 20 ans et plus appareillé",
        ),
        // Annexe 2, 26.8: semesters of one treatment, dated by the
        // patient's age at its start.
        Compteur::Semestres => {
            Portee::Beneficiaire("26.8 : semestres d'un traitement, celui de la personne")
        }
        // Line 25 note ** and 26.4: the person's equipment, one act.
        Compteur::Equipements | Compteur::Dents | Compteur::Elements => {
            Portee::Beneficiaire("propre à l'équipement ou à l'acte de la personne")
        }
        // Line 7, 26.5.1, 26.5.2: "/ an", "sur 2 années civiles", whose
        // is not said.
        Compteur::Seances | Compteur::Implants | Compteur::Couronnes => Portee::Foyer,
    }
}
