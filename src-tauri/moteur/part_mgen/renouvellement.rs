//! Line 25, note **: the renewal of optical equipment, decided once for a
//! lens or frame act under one offer — the renewal period (the cell's, or
//! one year under 18 and two years from 18, one year when the sight
//! changed), then how many of the act's lenses or frames belong to a
//! covered equipment ([`super::super::optique`] keeps the equipment
//! history).

use super::super::catalogue::Regle;
use super::super::journal::Journal;
use super::super::optique::RefusOptique;
use super::super::resultat::{CodeAvertissement, GenreExplication};
use super::super::texte::Texte;
use super::etat::EtatOffre;
use super::{ActePrepare, Contexte};
use crate::tarifs::{Cellule, Compteur, Offre, Periode};
use crate::texte;

/// Where the renewal rule is printed.
const NOTE_25: &str = "Annexe 2, ligne 25, note **";

/// Annexe 2, ligne 25, note **: the lenses or frames of the act MGEN may
/// pay under `offre`: `None` when
/// the act is not optical, `Some(0)` when it pays none of them. The
/// decision and any refusal are explained.
pub(super) fn unites_couvertes(
    ctx: &Contexte<'_>,
    p: &ActePrepare<'_>,
    offre: Offre,
    etat: &mut EtatOffre<'_>,
    journal: &mut Journal,
) -> Option<u32> {
    if !matches!(p.cat.regle, Regle::OptiqueVerre | Regle::OptiqueMonture) {
        return None;
    }
    let premiere = &ctx.lignes[p.lignes.start];
    let noter = |journal: &mut Journal, genre: GenreExplication, t: Texte<'_>| {
        journal.noter(
            genre,
            t,
            NOTE_25,
            Some(p.bareme.en_vigueur_le),
            premiere.source,
        );
    };
    let mut mois = periode_de_renouvellement(p, premiere.ligne.cellules.get(&offre));
    if p.acte.evolution_vue == Some(true) && mois > 12 {
        mois = 12;
        noter(
            journal,
            GenreExplication::Limite,
            texte!("Évolution de la vue justifiée : période de renouvellement réduite à un an"),
        );
    }
    let d = etat.optique.decider(
        p.date,
        p.cat.regle == Regle::OptiqueMonture,
        p.acte.quantite,
        mois,
        ctx.situation.assure.date_adhesion,
    );
    d.explication
        .texte(|t| noter(journal, GenreExplication::Limite, t));
    if let Some(refus) = d.refus {
        let code = match refus {
            RefusOptique::HorsPeriode { .. } if d.unites_couvertes == 0 => {
                CodeAvertissement::HorsRenouvellement
            }
            _ => CodeAvertissement::LimiteAtteinte,
        };
        refus.texte(|t| {
            noter(journal, GenreExplication::Avertissement, t);
            journal.avertir(code, t);
        });
    }
    Some(d.unites_couvertes)
}

/// The renewal period in months: the cell's equipment limit, else one year
/// under 18 and two years from 18 (a justified change of sight brings it
/// down to one year, see [`unites_couvertes`]).
fn periode_de_renouvellement(p: &ActePrepare<'_>, cellule: Option<&Cellule>) -> u32 {
    cellule
        .and_then(|c| {
            c.limites
                .iter()
                .find(|l| l.compteur == Compteur::Equipements)
        })
        .map(|l| match l.periode {
            Periode::Glissante { mois } => mois,
            Periode::AnneeCivile => 12,
            Periode::AnneesCiviles { n } => 12 * n,
            Periode::ParActe => 0,
        })
        .filter(|m| *m > 0)
        .unwrap_or(if p.age < 18 { 12 } else { 24 })
}
