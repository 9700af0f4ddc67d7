//! The "au-delà": what a cell pays once its limit is reached or its forfait
//! used up ("puis 80 % BRSS", "puis prise en charge du ticket modérateur",
//! "puis 3,22 € / dent"):
//! - units beyond a count limit (hearing aids beyond 2 a year, line 29;
//!   crowns on implants, 26.5.2);
//! - teeth beyond an appliance's forfait (26.4.1, 26.4.2);
//! - the act's share once an annual forfait is used up (line 25, lenses
//!   reimbursed by the Sécurité sociale: ticket modérateur beyond the
//!   forfait).

use super::super::erreur::ErreurEstimation;
use super::super::format::pourcentage;
use super::super::journal::Journal;
use super::super::resultat::GenreExplication;
use super::super::texte::Cle;
use super::super::texte::Valeur::{Euros, EurosExact, Pourcent};
use super::etat::EtatOffre;
use super::limites::Unites;
use super::prestation::Prestation;
use super::{composante, MgenActe};
use crate::tarifs::{AuDela, Nature};
use crate::texte;
use rust_decimal::Decimal;

/// Units beyond the count limit, paid as the cell says beyond on their
/// share of the base (optical units are decided by the renewal rule, never
/// paid beyond it).
pub(super) fn des_unites(
    p: &Prestation<'_, '_>,
    u: &Unites,
    brut: Decimal,
    journal: &mut Journal,
) -> Decimal {
    let n = u.au_dela();
    if n == 0 || p.optique.is_some() {
        return brut;
    }
    let base = u.part_de_base(p.acte.amo.base, n);
    let tm = p.ticket_moderateur();
    let x = montant(p.cellule.au_dela.as_ref(), base, tm, n);
    let formule = match &p.cellule.au_dela {
        None => texte!(
            "{} : au-delà de la limite, pas de prise en charge ({} unité(s))",
            p.nom(),
            n
        ),
        Some(a) => {
            let calcul = ecrire(journal, a, tm, base);
            texte!(
                "{} : au-delà de la limite ({} unité(s)) : {} = {}",
                p.nom(),
                n,
                calcul,
                EurosExact(x)
            )
        }
    };
    p.noter(journal, GenreExplication::Limite, formule);
    brut + x
}

/// Teeth beyond an appliance's forfait (26.4.1, 26.4.2), each paid as the
/// cell says beyond ("puis N € / dent").
pub(super) fn des_dents(
    p: &Prestation<'_, '_>,
    u: &Unites,
    brut: Decimal,
    journal: &mut Journal,
) -> Decimal {
    let n = u.dents_au_dela;
    if n == 0 {
        return brut;
    }
    let tm = p.ticket_moderateur();
    let x = montant(p.cellule.au_dela.as_ref(), Decimal::ZERO, tm, n);
    let formule = match &p.cellule.au_dela {
        None => texte!(
            "{} : pas de prise en charge des {} dent(s) au-delà",
            p.nom(),
            n
        ),
        Some(a) => {
            let calcul = ecrire(journal, a, tm, Decimal::ZERO);
            texte!(
                "{} : {} dent(s) au-delà : {} × {} = {}",
                p.nom(),
                n,
                calcul,
                n,
                EurosExact(x)
            )
        }
    };
    p.noter(journal, GenreExplication::Limite, formule);
    brut + x
}

/// Annexe 2, ligne 25, lenses reimbursed by the Sécurité sociale: once the annual
/// forfait of the act's previous component is used up, the act gets at
/// least what this component pays, in all; before that, nothing more.
/// `reste` is the room the principe indemnitaire leaves after the previous
/// components.
pub(super) fn apres_forfait_annuel<'a>(
    p: &Prestation<'_, 'a>,
    reste: Decimal,
    etat: &mut EtatOffre<'a>,
    out: &mut MgenActe<'_>,
) -> Result<Decimal, ErreurEstimation> {
    if !out.enveloppe_epuisee {
        p.noter(
            out.journal,
            GenreExplication::Limite,
            texte!(
                "{} : forfait annuel non épuisé, pas de prise en charge au-delà",
                p.nom()
            ),
        );
        return Ok(Decimal::ZERO);
    }
    let deja_verse = out.montant;
    let au_moins = composante(p, reste + deja_verse, etat, out)?;
    let total = au_moins.max(deja_verse);
    p.noter(
        out.journal,
        GenreExplication::Limite,
        texte!(
            "{} : forfait annuel épuisé : au moins {} pour l'acte, {} déjà versés, complément {}",
            p.nom(),
            Euros(au_moins),
            Euros(deja_verse),
            Euros(total - deja_verse)
        ),
    );
    Ok(total - deja_verse)
}

/// What a cell's "au-delà" pays on `base` (a percentage) or for `unites`
/// (a forfait); nothing when the cell says nothing beyond.
pub(super) fn montant(a: Option<&AuDela>, base: Decimal, tm: Decimal, unites: u32) -> Decimal {
    match a.map(|a| (a.nature, a.valeur)) {
        Some((Nature::TicketModerateur, _)) => pourcentage(base, tm),
        Some((Nature::PourcentageBrss, Some(v))) => pourcentage(base, v),
        Some((Nature::Forfait, Some(v))) => v * Decimal::from(unites),
        _ => Decimal::ZERO,
    }
}

/// How an "au-delà" is computed, written into the journal ("ticket
/// modérateur 30 % × 16,13 €").
pub(super) fn ecrire(journal: &mut Journal, a: &AuDela, tm: Decimal, base: Decimal) -> Cle {
    let calcul = match (a.nature, a.valeur) {
        (Nature::TicketModerateur, _) => {
            texte!("ticket modérateur {} × {}", Pourcent(tm), EurosExact(base))
        }
        (Nature::PourcentageBrss, Some(v)) => texte!("{} × {}", Pourcent(v), EurosExact(base)),
        (Nature::Forfait, Some(v)) => texte!("forfait {}", Euros(v)),
        _ => texte!("néant"),
    };
    journal.ecrire_texte(calcul)
}
