//! What a cell pays on the units its limits leave covered, by what the cell
//! prints: "Néant", a percentage of the base (réduite à due proportion when
//! the AMO took over part of the ticket modérateur), the ticket modérateur,
//! the forfait journalier in force (line 21), the R.160-16 participation
//! (lines 4 and 20), a forfait per unit; and "ou ticket modérateur si
//! supérieur" (line 25, vision télescopique). Annual forfaits drawn from an
//! envelope are priced by [`super::enveloppe`].

use super::super::catalogue::Role;
use super::super::erreur::ErreurEstimation;
use super::super::format::pourcentage;
use super::super::journal::{Copie, Journal};
use super::super::part_amo::param_connu;
use super::super::resultat::{CodeAvertissement, GenreExplication};
use super::super::texte::Valeur::{Euros, EurosExact, Pourcent};
use super::prestation::Prestation;
use crate::texte;
use rust_decimal::Decimal;

/// Where the "réduite à due proportion" rule is printed.
const EN_TETE_ANNEXE: &str = "MGEN, Statuts 2018, Annexe 2, en-tête de chaque tableau";

/// "Néant": MGEN pays nothing on this line.
pub(super) fn neant(p: &Prestation<'_, '_>, journal: &mut Journal) -> Decimal {
    p.noter(
        journal,
        GenreExplication::Calcul,
        texte!("{} : Néant (pas de prise en charge)", p.nom()),
    );
    Decimal::ZERO
}

/// "N % BRSS": the cell's percentage (reduced à due proportion) of the
/// covered base.
pub(super) fn pourcentage_brss(
    p: &Prestation<'_, '_>,
    base: Decimal,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let taux = reduit_a_due_proportion(p, p.valeur("cellule")?, journal);
    let x = pourcentage(base, taux);
    p.noter(
        journal,
        GenreExplication::Calcul,
        texte!(
            "{} : {} × {} = {}",
            p.nom(),
            Pourcent(taux),
            EurosExact(base),
            EurosExact(x)
        ),
    );
    Ok(x)
}

/// Annexe 2, en-tête de chaque tableau: when the AMO exonerates the ticket
/// modérateur in whole or in part (ALD, maternité, heavy act), MGEN's
/// participation is "réduite à due proportion, sauf forfaits": a ticket
/// modérateur cell's percentage loses the points the AMO took over; fees
/// beyond the base (line 20) are not reduced.
fn reduit_a_due_proportion(
    p: &Prestation<'_, '_>,
    taux: Decimal,
    journal: &mut Journal,
) -> Decimal {
    let amo = &p.acte.amo;
    if p.role() != Role::TicketModerateur || amo.part_exoneree <= Decimal::ZERO {
        return taux;
    }
    let reduit = (taux - amo.part_exoneree).max(Decimal::ZERO);
    let motif = journal.chaine(amo.motif_exoneration.as_deref().unwrap_or("exonération"));
    journal.noter(
        GenreExplication::Calcul,
        texte!(
            "{} : participation réduite à due proportion ({}) : {} − {} pris en charge par l'AMO = {}",
            p.nom(),
            motif,
            Pourcent(taux),
            Pourcent(amo.part_exoneree),
            Pourcent(reduit)
        ),
        p.reference(),
        p.effet(),
        EN_TETE_ANNEXE,
    );
    reduit
}

/// "Ticket modérateur": (100 % − the AMO rate applied) of the covered base.
pub(super) fn ticket_moderateur(
    p: &Prestation<'_, '_>,
    base: Decimal,
    journal: &mut Journal,
) -> Decimal {
    let x = pourcentage(base, p.ticket_moderateur());
    p.noter(
        journal,
        GenreExplication::Calcul,
        texte!(
            "{} : ticket modérateur (100 % − {}) × {} = {}",
            p.nom(),
            Pourcent(p.acte.amo.taux_effectif),
            EurosExact(base),
            EurosExact(x)
        ),
    );
    x
}

/// Annexe 2, ligne 21: the table prints the forfait journalier of its day; a contrat
/// responsable covers the one in force at the date of care (an AMO
/// parameter), per day.
pub(super) fn forfait_journalier(
    p: &Prestation<'_, '_>,
    jours: u32,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let id = p
        .ligne
        .composante
        .forfait_journalier
        .as_deref()
        .unwrap_or("forfait_journalier.hospitalier");
    let (fj, valeur) = param_connu(p.ctx.amo, id, p.acte.date)?;
    let x = fj * Decimal::from(jours);
    let imprime = journal.chaine(&p.cellule.texte);
    journal.noter(
        GenreExplication::Calcul,
        texte!(
            "{} : forfait journalier en vigueur au {} ({}) × {} jour(s) = {} (le barème imprime « {} »)",
            p.nom(),
            p.acte.date,
            Euros(fj),
            jours,
            Euros(x),
            imprime
        ),
        Copie(id),
        Some(valeur.depuis),
        Copie(&valeur.source),
    );
    Ok(x)
}

/// Annexe 2, ligne 4 and ligne 20: the participation of R.160-16 on a
/// heavy act (18 €, 24 € from 2019), paid up to the amount the table prints
/// and no more than the AMO deducted; what the table does not cover is said.
pub(super) fn participation_r160_16(
    p: &Prestation<'_, '_>,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let prevu = p.valeur("cellule")?;
    let deduite = p.acte.amo.part.participation_18;
    let x = prevu.min(deduite);
    let formule = if deduite.is_zero() {
        texte!(
            "{} : pas de participation R.160-16 déduite sur cet acte : 0,00 €",
            p.nom()
        )
    } else {
        texte!(
            "{} : participation R.160-16 prise en charge : min({}, {} déduits par l'AMO) = {}",
            p.nom(),
            Euros(prevu),
            Euros(deduite),
            Euros(x)
        )
    };
    p.noter(journal, GenreExplication::Calcul, formule);
    if deduite > prevu {
        let m = texte!(
            "{} : le barème prévoit {} alors que la participation en vigueur au {} est de {} : {} restent à charge",
            p.nom(),
            Euros(prevu),
            p.acte.date,
            Euros(deduite),
            Euros(deduite - prevu)
        );
        journal.avertir(CodeAvertissement::Information, m);
    }
    Ok(x)
}

/// "N € / unité": the forfait times the covered units.
pub(super) fn forfait(
    p: &Prestation<'_, '_>,
    couvertes: u32,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let v = p.valeur("cellule")?;
    let x = v * Decimal::from(couvertes);
    let formule = if couvertes == 1 {
        texte!("{} : forfait {}", p.nom(), Euros(v))
    } else {
        texte!(
            "{} : forfait {} × {} = {}",
            p.nom(),
            Euros(v),
            couvertes,
            Euros(x)
        )
    };
    p.noter(journal, GenreExplication::Calcul, formule);
    Ok(x)
}

/// "… ou ticket modérateur si supérieur" (Annexe 2, ligne 25, vision
/// télescopique): the greater of what the cell
/// pays and the ticket modérateur on the covered base.
pub(super) fn ou_ticket_moderateur_si_superieur(
    p: &Prestation<'_, '_>,
    base: Decimal,
    brut: Decimal,
    journal: &mut Journal,
) -> Decimal {
    if !p.cellule.ou_ticket_moderateur_si_superieur {
        return brut;
    }
    let tm = pourcentage(base, p.ticket_moderateur());
    p.noter(
        journal,
        GenreExplication::Calcul,
        texte!(
            "{} : ou ticket modérateur s'il est supérieur : {} × {} = {} → {}",
            p.nom(),
            Pourcent(p.ticket_moderateur()),
            EurosExact(base),
            EurosExact(tm),
            EurosExact(brut.max(tm))
        ),
    );
    brut.max(tm)
}
