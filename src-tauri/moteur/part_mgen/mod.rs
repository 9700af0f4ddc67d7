//! The MGEN part of one act under one offer: MGEN, Statuts 2018, Annexe 2
//! ("Tableaux des prestations"), applied in the order the Annexe reads.
//!
//! Once per act, the same under every offer (called by [`super::estimer`]):
//! the components that apply and the row of each Annexe line the act
//! selects ([`rangee`]), and the principe indemnitaire's ceiling
//! ([`plafond::plafond_indemnitaire`]).
//!
//! Then, per offer, [`calculer`]:
//! 1. the act's own conditions: an age limit, a companion (line 24), no
//!    line for this case → MGEN 0,00 €, said ([`refuser`]);
//! 2. optical renewal, once for the act (line 25, note **:
//!    [`renouvellement`]);
//! 3. each component in turn ([`composante`]), on the line's cell for the
//!    offer ([`prestation::Prestation`], "lecture à confirmer" when the
//!    table is ambiguous):
//!    a. the units the cell counts and its count limits ([`limites`]);
//!    b. what the cell pays on the covered units ([`montant`]): "Néant", a
//!    percentage of the base "réduite à due proportion", the ticket
//!    modérateur, the forfait journalier in force (line 21), the R.160-16
//!    participation (lines 4 and 20), a forfait — or a yearly forfait
//!    drawn from an envelope ([`enveloppe`]: lines 8, 10–14, 15–19, 25,
//!    29);
//!    c. "ou ticket modérateur si supérieur", then the "au-delà" of the
//!    units and teeth beyond the limits ([`au_dela`]);
//!    d. rounded to the cent and bounded by the room the principe
//!    indemnitaire leaves after the previous components ([`plafond`]);
//!    line 25's lenses beyond the annual forfait come after the forfait
//!    ([`au_dela::apres_forfait_annuel`]);
//! 4. the act's counts recorded for the next acts of the offer
//!    ([`EtatOffre`], the offer's state for the year).
//!
//! Amounts are rounded to the cent per component; the act's MGEN amount is
//! the sum of the rounded components shown.

mod au_dela;
mod enveloppe;
mod etat;
mod limites;
mod montant;
mod plafond;
mod prestation;
mod rangee;
mod renouvellement;

pub use etat::EtatOffre;
pub use plafond::plafond_indemnitaire;
pub use rangee::{s_applique, variante, Variante};

use super::catalogue::{ActeCatalogue, Composante, Role};
use super::chaine::{Chaine, Chaines};
use super::erreur::ErreurEstimation;
use super::journal::Journal;
use super::part_amo::CalculAmo;
use super::resultat::{CodeAvertissement, GenreExplication, PartAmo};
use super::situation::{Acte, Situation};
use super::texte::Cle;
use crate::tarifs::amo::ParametresAmo;
use crate::tarifs::{Bareme, Ligne, Nature, Offre};
use chrono::NaiveDate;
use prestation::Prestation;
use rust_decimal::Decimal;
use std::ops::Range;

/// An act ready for the per-offer computation: everything that does not
/// depend on the offer is already resolved.
pub struct ActePrepare<'a> {
    pub index: usize,
    pub acte: &'a Acte,
    pub cat: &'a ActeCatalogue,
    pub date: NaiveDate,
    pub age: u32,
    pub bareme: &'a Bareme,
    pub frais_reels: Decimal,
    pub amo: CalculAmo,
    /// What MGEN may pay at most (principe indemnitaire), whatever the
    /// offer.
    pub plafond: Decimal,
    /// The components that apply, with their Annexe line: a range of
    /// [`Contexte::lignes`].
    pub lignes: Range<usize>,
    /// The Annexe lines MGEN applies to the act (none when it pays nothing
    /// whatever the offer), the same under every offer.
    pub lignes_annexe: Chaines,
    /// Why MGEN pays nothing whatever the offer (condition not met).
    pub refus: Option<String>,
    /// Explanation lines shared by all offers before the MGEN part
    /// (frais réels by default, old barème, AMO part).
    pub communes: Range<u32>,
    /// The barème's name and source, the act's code and label: shared by
    /// the four offers' results.
    pub nom_bareme: Chaine,
    pub source_bareme: Cle,
    pub code: Chaine,
    pub libelle: Chaine,
    /// The AMO part, frais réels and base in cents as shown: the same under
    /// every offer.
    pub amo_centimes: PartAmo,
    pub frais_reels_centimes: Decimal,
    pub brss_centimes: Decimal,
    /// The AMO part's warnings, in the journal: the same under every offer.
    pub avertissements: Range<u32>,
}

/// A component of an act and the Annexe line it points to.
pub struct LigneActe<'a> {
    pub composante: &'a Composante,
    pub ligne: &'a Ligne,
    /// When the component counts teeth beyond a number: those teeth.
    pub unites: Option<u32>,
    /// The line's reference ("26.3.2.1"), shared by the four offers'
    /// results.
    pub id: Chaine,
    /// The same reference and the line's source, in the journal, for the
    /// explanation lines that cite them.
    pub cle: Cle,
    pub source: Cle,
}

impl<'a> LigneActe<'a> {
    pub fn new(
        composante: &'a Composante,
        ligne: &'a Ligne,
        unites: Option<u32>,
        journal: &mut Journal,
    ) -> Self {
        LigneActe {
            composante,
            ligne,
            unites,
            id: Chaine::permanente(ligne.reference_partagee()),
            cle: journal.chaine(&ligne.ligne),
            source: journal.chaine(&ligne.source),
        }
    }
}

/// What the per-offer computation needs besides the act.
pub struct Contexte<'a> {
    pub situation: &'a Situation,
    pub amo: &'a ParametresAmo,
    /// The components of every act (each act names its range).
    pub lignes: &'a [LigneActe<'a>],
}

/// The MGEN part of one act; its explanation lines go straight into the
/// act's list (after the AMO lines).
#[derive(Debug)]
pub struct MgenActe<'x> {
    pub montant: Decimal,
    pub journal: &'x mut Journal,
    /// Whether an envelope of the act was used up (a warning said so).
    pub enveloppe_epuisee: bool,
    pub lecture_a_confirmer: bool,
}

/// Computes MGEN's part of `p` under `offre`: the act's conditions, the
/// optical renewal, each component within the room the principe
/// indemnitaire leaves after the previous ones, then the act's counts
/// recorded in the offer's state for the year.
pub fn calculer<'x, 'a>(
    ctx: &Contexte<'a>,
    p: &ActePrepare<'a>,
    offre: Offre,
    etat: &mut EtatOffre<'a>,
    journal: &'x mut Journal,
) -> Result<MgenActe<'x>, ErreurEstimation> {
    let mut out = MgenActe {
        montant: Decimal::ZERO,
        journal,
        enveloppe_epuisee: false,
        lecture_a_confirmer: false,
    };
    let lignes = &ctx.lignes[p.lignes.clone()];
    if let Some(motif) = refus(p, lignes) {
        refuser(&mut out, &motif, &p.cat.lignes);
        return Ok(out);
    }
    let optique = renouvellement::unites_couvertes(ctx, p, offre, etat, out.journal);
    if optique == Some(0) {
        return Ok(out);
    }
    // The room the principe indemnitaire leaves after each component.
    let mut reste = p.plafond;
    for ligne in lignes {
        let prestation = Prestation::new(ctx, p, ligne, offre, optique)?;
        prestation.lecture_a_confirmer(&mut out);
        let paye = if prestation.role() == Role::AuDelaEnveloppe {
            au_dela::apres_forfait_annuel(&prestation, reste, etat, &mut out)?
        } else {
            composante(&prestation, reste, etat, &mut out)?
        };
        reste -= paye;
        out.montant += paye;
    }
    etat.clore_acte(p.date, p.acte.quantite);
    Ok(out)
}

/// Why MGEN pays nothing for the act whatever the cells say: a condition
/// of the act not met (decided once for the act), or no line of the
/// Annexe for this case.
fn refus(p: &ActePrepare<'_>, lignes: &[LigneActe<'_>]) -> Option<String> {
    if let Some(m) = &p.refus {
        return Some(m.clone());
    }
    lignes.is_empty().then(|| {
        p.cat.sans_prestation.clone().unwrap_or_else(|| {
            format!(
                "Aucune prestation MGEN pour « {} » dans ce cas",
                p.cat.libelle
            )
        })
    })
}

/// MGEN 0,00 € for the act, with the reason and the Annexe lines the act
/// would have used.
fn refuser(out: &mut MgenActe<'_>, motif: &str, lignes: &[String]) {
    let formule = out.journal.ecrire(format_args!("{motif} : MGEN 0,00 €"));
    let reference = out
        .journal
        .ecrire(format_args!("Annexe 2, ligne {}", lignes.join(", ")));
    out.journal.noter(
        GenreExplication::Avertissement,
        formule.into(),
        reference,
        None,
        "MGEN, Statuts 2018, Annexe 2",
    );
    let message = out.journal.chaine(motif);
    out.journal
        .avertir(CodeAvertissement::ConditionNonRemplie, message.into());
}

/// What MGEN pays for one component of the act, rounded to the cent and
/// within `reste`, the room the principe indemnitaire leaves: the covered
/// units, what the cell pays on them, the "au-delà", the cent, the ceiling.
fn composante<'a>(
    p: &Prestation<'_, 'a>,
    reste: Decimal,
    etat: &mut EtatOffre<'a>,
    out: &mut MgenActe<'_>,
) -> Result<Decimal, ErreurEstimation> {
    let unites = limites::compter(p, etat, out.journal);
    let base = unites.part_de_base(p.acte.amo.base, unites.couvertes);
    let journal = &mut *out.journal;
    let brut = match p.cellule.nature {
        Nature::Neant => return Ok(montant::neant(p, journal)),
        Nature::PourcentageBrss => montant::pourcentage_brss(p, base, journal)?,
        Nature::TicketModerateur => montant::ticket_moderateur(p, base, journal),
        Nature::ForfaitJournalierEnVigueur => {
            montant::forfait_journalier(p, unites.couvertes, journal)?
        }
        Nature::Forfait if p.role() == Role::Participation18 => {
            montant::participation_r160_16(p, journal)?
        }
        Nature::Forfait if enveloppe::est_annuel(p.cellule) => {
            return enveloppe::puiser(p, reste, etat, out)
        }
        Nature::Forfait => montant::forfait(p, unites.couvertes, journal)?,
    };
    let brut = montant::ou_ticket_moderateur_si_superieur(p, base, brut, journal);
    let brut = au_dela::des_unites(p, &unites, brut, journal);
    let brut = au_dela::des_dents(p, &unites, brut, journal);
    let montant = plafond::au_centime(p, brut, journal);
    Ok(plafond::dans_le_plafond(p, montant, reste, journal))
}
