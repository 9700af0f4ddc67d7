//! Annual forfaits drawn from an envelope: one amount a calendar year for
//! the offer, shared by every line that names the same envelope — line 8
//! (drugs reimbursed at 15 % and prescribed non-reimbursed drugs), lines
//! 10–14 ("se soigner autrement"), 15–19 ("prévention"), line 25 (lenses),
//! line 29 (hearing aid upkeep, per device) — or by one line alone ("N € /
//! an"). What the member already drew this year (`assure.deja_utilise`)
//! and the earlier acts of the estimate drew is taken off; the act gets at
//! most what is left, within the principe indemnitaire; then the cell's
//! "au-delà" if it pays more.

use super::super::catalogue::Regle;
use super::super::erreur::ErreurEstimation;
use super::super::format::arrondi;
use super::super::journal::Journal;
use super::super::resultat::{CodeAvertissement, GenreExplication};
use super::super::texte::Cle;
use super::super::texte::Valeur::Euros;
use super::au_dela;
use super::etat::EtatOffre;
use super::prestation::Prestation;
use super::MgenActe;
use crate::tarifs::{Cellule, Unite};
use crate::texte;
use chrono::Datelike;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Whether a forfait cell is a yearly amount drawn from an envelope ("N € /
/// an", or a shared envelope).
pub(super) fn est_annuel(cellule: &Cellule) -> bool {
    cellule.unite == Some(Unite::An) || cellule.enveloppe.is_some()
}

/// One envelope for the year of the act.
struct Enveloppe<'a> {
    /// The envelope's id: the cell's, the catalogue's, or made from the line
    /// and its variant when the line has its own.
    cle: Cow<'a, str>,
    /// The same id, in the journal.
    nom: Cle,
    annee: i32,
    /// The yearly amount: the cell's forfait, times the devices for hearing
    /// aid upkeep (line 29).
    montant: Decimal,
    forfait: Decimal,
    appareils: Option<u32>,
}

/// A yearly forfait drawn from its envelope (Annexe 2, ligne 8, lignes 10 à
/// 14, lignes 15 à 19, ligne 25 lentilles, ligne 29 entretien): what is
/// left of it this year, what the act draws, then the "au-delà" when it
/// pays more.
pub(super) fn puiser<'a>(
    p: &Prestation<'_, 'a>,
    reste: Decimal,
    etat: &mut EtatOffre<'a>,
    out: &mut MgenActe<'_>,
) -> Result<Decimal, ErreurEstimation> {
    let enveloppe = Enveloppe::de(p, out.journal)?;
    let disponible = disponible(p, &enveloppe, etat, out.journal);
    let tire = tirer(p, &enveloppe, disponible, reste, out);
    etat.puiser(enveloppe.cle, enveloppe.annee, tire);
    Ok(au_dela_du_forfait(p, tire, reste, out.journal))
}

impl<'a> Enveloppe<'a> {
    fn de(p: &Prestation<'_, 'a>, journal: &mut Journal) -> Result<Self, ErreurEstimation> {
        let forfait = p.valeur("forfait")?;
        let appareils = (p.acte.cat.regle == Regle::EntretienAudioprothese)
            .then(|| p.acte.acte.appareils.unwrap_or(1));
        let montant = match appareils {
            Some(n) => forfait * Decimal::from(n),
            None => forfait,
        };
        let cle = cle(p);
        Ok(Enveloppe {
            nom: journal.chaine(&cle),
            cle,
            annee: p.acte.date.year(),
            montant,
            forfait,
            appareils,
        })
    }
}

/// The envelope's id: the cell's, else the catalogue component's, else
/// "ligne N" and the line's variant (an envelope of its own).
fn cle<'a>(p: &Prestation<'_, 'a>) -> Cow<'a, str> {
    let ligne = p.ligne.ligne;
    match p
        .cellule
        .enveloppe
        .as_ref()
        .or(p.ligne.composante.enveloppe.as_ref())
    {
        Some(c) => c.as_str().into(),
        None => {
            let mut k = format!("ligne {}", ligne.ligne);
            for v in ligne.variante.values() {
                k.push(' ');
                k.push_str(v);
            }
            k.into()
        }
    }
}

/// What is left of the envelope this year, after the member's own use and
/// the earlier acts of the estimate.
fn disponible(
    p: &Prestation<'_, '_>,
    e: &Enveloppe<'_>,
    etat: &EtatOffre<'_>,
    journal: &mut Journal,
) -> Decimal {
    let utilise = p
        .ctx
        .situation
        .deja_montant(e.annee, |d| d.enveloppes.get(&*e.cle).copied())
        + etat.deja_puise(&e.cle, e.annee);
    let disponible = (e.montant - utilise).max(Decimal::ZERO);
    let formule = match e.appareils {
        None => texte!(
            "{} : enveloppe « {} » de {} par an ; déjà utilisé en {} : {} ; disponible : {}",
            p.nom(),
            e.nom,
            Euros(e.montant),
            e.annee,
            Euros(utilise),
            Euros(disponible)
        ),
        Some(n) => texte!(
            "{} : enveloppe « {} » de {} ({} × {} appareil(s)) par an ; déjà utilisé en {} : {} ; disponible : {}",
            p.nom(),
            e.nom,
            Euros(e.montant),
            Euros(e.forfait),
            n,
            e.annee,
            Euros(utilise),
            Euros(disponible)
        ),
    };
    p.noter(journal, GenreExplication::Limite, formule);
    disponible
}

/// The act draws what is available, within the principe indemnitaire
/// (`reste`); an envelope emptied is said (and lets line 25's "au-delà du
/// forfait" component pay).
fn tirer(
    p: &Prestation<'_, '_>,
    e: &Enveloppe<'_>,
    disponible: Decimal,
    reste: Decimal,
    out: &mut MgenActe<'_>,
) -> Decimal {
    let tire = disponible.min(reste);
    p.noter(
        out.journal,
        GenreExplication::Calcul,
        texte!(
            "{} : min(disponible {}, frais réels − AMO {}) = {}",
            p.nom(),
            Euros(disponible),
            Euros(reste),
            Euros(tire)
        ),
    );
    if disponible.is_zero() || tire == disponible {
        let m = texte!(
            "{} : enveloppe « {} » épuisée pour {}",
            p.nom(),
            e.nom,
            e.annee
        );
        out.journal.avertir(CodeAvertissement::EnveloppeEpuisee, m);
        out.enveloppe_epuisee = true;
        p.noter(out.journal, GenreExplication::Avertissement, m);
    }
    tire
}

/// The cell's "au-delà" on the act's base, rounded and within the principe
/// indemnitaire, when it pays more than the envelope did.
fn au_dela_du_forfait(
    p: &Prestation<'_, '_>,
    tire: Decimal,
    reste: Decimal,
    journal: &mut Journal,
) -> Decimal {
    let Some(a) = &p.cellule.au_dela else {
        return tire;
    };
    let (base, tm) = (p.acte.amo.base, p.ticket_moderateur());
    let au_dela = arrondi(au_dela::montant(Some(a), base, tm, p.acte.acte.quantite)).min(reste);
    if au_dela <= tire {
        return tire;
    }
    let calcul = au_dela::ecrire(journal, a, tm, base);
    p.noter(
        journal,
        GenreExplication::Limite,
        texte!(
            "{} : au-delà du forfait, {} = {} : retenu car supérieur",
            p.nom(),
            calcul,
            Euros(au_dela)
        ),
    );
    au_dela
}
