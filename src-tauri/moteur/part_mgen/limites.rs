//! The units a cell counts and the count limits printed with it:
//! - per act: "au plus N dents / éléments" (dental appliances, 26.4.1 and
//!   26.4.2), or a forfait for N teeth then "par dent supplémentaire";
//! - over a period: psychotherapy sessions a year (line 7), implants and
//!   crowns on implants over two calendar years (26.5.1, 26.5.2),
//!   orthodontic semesters of one treatment (26.8), hearing aids a year
//!   (line 29), starting from what the member already used
//!   (`assure.deja_utilise`) and what earlier acts of the estimate counted.
//!
//! Optical equipment (line 25, note **) is decided before, for the whole
//! act ([`super::renouvellement`]).

use super::super::journal::Journal;
use super::super::resultat::{CodeAvertissement, GenreExplication};
use super::super::situation::Situation;
use super::super::texte::Valeur;
use super::etat::EtatOffre;
use super::prestation::Prestation;
use crate::tarifs::{Compteur, Limite, Nature, Periode, Unite};
use crate::texte;
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

/// The units of a component: those the cell counts, those its limits
/// leave MGEN to pay, and the teeth beyond an appliance's forfait.
pub(super) struct Unites {
    pub comptees: u32,
    pub couvertes: u32,
    /// Teeth of an appliance beyond the number its forfait covers, paid as
    /// the cell says beyond ("puis … / dent").
    pub dents_au_dela: u32,
}

impl Unites {
    /// Units beyond the count limit.
    pub fn au_dela(&self) -> u32 {
        self.comptees - self.couvertes
    }

    /// The share of the act's base for `n` of the counted units (the whole
    /// base for all of them).
    pub fn part_de_base(&self, base: Decimal, n: u32) -> Decimal {
        if self.comptees == 0 {
            Decimal::ZERO
        } else if n == self.comptees {
            base
        } else {
            base * Decimal::from(n) / Decimal::from(self.comptees)
        }
    }
}

/// The units the cell counts, then each of its count limits in turn (the
/// counters met are recorded in `etat` once the act is priced).
pub(super) fn compter(
    p: &Prestation<'_, '_>,
    etat: &mut EtatOffre<'_>,
    journal: &mut Journal,
) -> Unites {
    let comptees = unites_comptees(p);
    let mut unites = Unites {
        comptees,
        couvertes: match p.optique {
            Some(n) => p.ligne.unites.unwrap_or(n).min(comptees),
            None => comptees,
        },
        dents_au_dela: 0,
    };
    for limite in p
        .cellule
        .limites
        .iter()
        .filter(|l| l.compteur != Compteur::Equipements)
    {
        let dans_l_acte = limite.periode == Periode::ParActe
            && matches!(limite.compteur, Compteur::Dents | Compteur::Elements);
        if !dans_l_acte {
            limite_sur_periode(p, limite, &mut unites, etat, journal);
            etat.compter(limite.compteur);
        } else if compte_l_unite(p, limite) {
            au_plus_par_acte(p, limite, &mut unites, journal);
        } else {
            unites.dents_au_dela = dents_au_dela_du_forfait(p, limite, journal);
        }
    }
    unites
}

/// What the cell counts: the teeth beyond a number when the component says
/// so ("par dent supplémentaire"), nights for a per-night forfait, days for
/// a per-day one or the forfait journalier, else the act's quantity.
fn unites_comptees(p: &Prestation<'_, '_>) -> u32 {
    let acte = p.acte.acte;
    let q = acte.quantite;
    match (p.ligne.unites, p.cellule.unite) {
        (Some(dents), _) if p.optique.is_none() => dents,
        (_, Some(Unite::Nuitee)) => acte.nuits.unwrap_or(q),
        (_, Some(Unite::Jour)) => acte.jours.unwrap_or(q),
        _ if p.cellule.nature == Nature::ForfaitJournalierEnVigueur => acte.jours.unwrap_or(q),
        _ => q,
    }
}

/// Whether a per-act limit counts the cell's own unit (teeth of a per-tooth
/// cell, elements of a per-element cell) rather than the teeth of an
/// appliance paid as one forfait.
fn compte_l_unite(p: &Prestation<'_, '_>, limite: &Limite) -> bool {
    matches!(
        (limite.compteur, p.cellule.unite),
        (Compteur::Dents, Some(Unite::Dent) | None)
            | (Compteur::Elements, Some(Unite::Element) | None)
    )
}

/// "Au plus N dents (éléments) par acte" (Annexe 2, 26.4.1, 26.4.2): at most `max` units are paid.
fn au_plus_par_acte(
    p: &Prestation<'_, '_>,
    limite: &Limite,
    u: &mut Unites,
    journal: &mut Journal,
) {
    let avant = u.couvertes;
    u.couvertes = u.couvertes.min(limite.max);
    if u.couvertes < avant {
        let m = texte!(
            "{} : au plus {} {} par acte : {} pris en charge sur {}",
            p.nom(),
            limite.max,
            compteur_nom(limite.compteur),
            u.couvertes,
            u.comptees
        );
        journal.avertir(CodeAvertissement::LimiteAtteinte, m);
        p.noter(journal, GenreExplication::Limite, m);
    }
}

/// A forfait per appliance of at most `max` teeth (Annexe 2, 26.4.1,
/// 26.4.2): the
/// teeth beyond it, paid as the cell says beyond.
fn dents_au_dela_du_forfait(p: &Prestation<'_, '_>, limite: &Limite, journal: &mut Journal) -> u32 {
    let comptees = p.acte.acte.dents.unwrap_or(0);
    let au_dela = comptees.saturating_sub(limite.max);
    p.noter(
        journal,
        GenreExplication::Limite,
        texte!(
            "{} : forfait pour {} {} au plus ; appareil de {} dent(s), {} au-delà",
            p.nom(),
            limite.max,
            compteur_nom(limite.compteur),
            comptees,
            au_dela
        ),
    );
    au_dela
}

/// A limit over a period (Annexe 2, ligne 7 séances a year; 26.5.1
/// implants and 26.5.2 crowns over two calendar years; 26.8 semesters;
/// ligne 29 hearing aids a year): what the member and the earlier acts already used within the
/// period leaves what is available for this act.
fn limite_sur_periode(
    p: &Prestation<'_, '_>,
    limite: &Limite,
    u: &mut Unites,
    etat: &EtatOffre<'_>,
    journal: &mut Journal,
) {
    let utilise =
        deja_utilise(p.ctx.situation, limite, p.acte.date) + etat.deja_compte(limite, p.acte.date);
    let disponible = limite.max.saturating_sub(utilise);
    let avant = u.couvertes;
    u.couvertes = u.couvertes.min(disponible);
    p.noter(
        journal,
        GenreExplication::Limite,
        texte!(
            "{} : limite de {} {} {} ; déjà utilisé {}, disponible {}, pris en charge ici {} sur {}",
            p.nom(),
            limite.max,
            compteur_nom(limite.compteur),
            Valeur::Periode(limite.periode),
            utilise,
            disponible,
            u.couvertes,
            u.comptees
        ),
    );
    if u.couvertes < avant {
        let m = texte!(
            "{} : limite de {} {} {} atteinte",
            p.nom(),
            limite.max,
            compteur_nom(limite.compteur),
            Valeur::Periode(limite.periode)
        );
        journal.avertir(CodeAvertissement::LimiteAtteinte, m);
    }
}

/// What the member says was already used before the estimate
/// (`assure.deja_utilise`), when the situation's date falls in the
/// limit's period ending at `date` (or the limit runs over one treatment).
fn deja_utilise(situation: &Situation, limite: &Limite, date: NaiveDate) -> u32 {
    let dans_la_periode =
        limite.periode == Periode::ParActe || dans_periode(limite.periode, date, situation.date);
    let Some(d) = situation
        .assure
        .deja_utilise
        .as_ref()
        .filter(|_| dans_la_periode)
    else {
        return 0;
    };
    match limite.compteur {
        Compteur::Seances => d.seances_psychotherapie,
        Compteur::Appareils => d.appareils_auditifs,
        Compteur::Implants => d.implants,
        Compteur::Couronnes => d.couronnes_sur_implant,
        Compteur::Semestres => d.semestres_orthodontie,
        // Counted within one appliance or act: nothing carries over.
        Compteur::Equipements | Compteur::Dents | Compteur::Elements => None,
    }
    .unwrap_or(0)
}

/// Whether `d` falls within period `p` ending at `date`.
pub(super) fn dans_periode(p: Periode, date: NaiveDate, d: NaiveDate) -> bool {
    match p {
        Periode::AnneeCivile => d.year() == date.year(),
        Periode::AnneesCiviles { n } => {
            d.year() <= date.year() && d.year() > date.year() - n as i32
        }
        Periode::Glissante { mois } => {
            d <= date
                && date
                    .checked_sub_months(Months::new(mois))
                    .is_none_or(|start| d > start)
        }
        // One treatment: every earlier act of the situation counts.
        Periode::ParActe => d <= date,
    }
}

/// The counted thing as the explanation names it.
fn compteur_nom(c: Compteur) -> &'static str {
    match c {
        Compteur::Seances => "séances",
        Compteur::Appareils => "appareils",
        Compteur::Implants => "implants",
        Compteur::Couronnes => "couronnes",
        Compteur::Equipements => "équipements",
        Compteur::Semestres => "semestres",
        Compteur::Dents => "dents",
        Compteur::Elements => "éléments",
    }
}
