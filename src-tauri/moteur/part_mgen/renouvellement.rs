//! Annexe 2, ligne 25, note **: the renewal of optical equipment, decided
//! once for a lens or frame act under one offer — the renewal period (the
//! cell's, or one year under 18 and two years from 18, one year when the
//! sight changed), then how many of the act's lenses or frames belong to a
//! covered equipment ([`super::super::optique`] keeps the equipment
//! history).

use super::super::catalogue::Regle;
use super::super::journal::Journal;
use super::super::optique::{Decision, RefusOptique};
use super::super::resultat::{CodeAvertissement, GenreExplication};
use super::super::texte::{Cle, Texte};
use super::etat::EtatOffre;
use super::{ActePrepare, Contexte};
use crate::tarifs::{Cellule, Compteur, Offre, Periode};
use crate::texte;
use chrono::NaiveDate;

/// Annexe 2, ligne 25, note **: the lenses or frames of the act MGEN may
/// pay under `offre`: `None` when the act is not optical, `Some(0)` when it
/// pays none of them. The decision and any refusal are explained.
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
    let note = Note25 {
        effet: Some(p.bareme.en_vigueur_le),
        source: premiere.source,
    };
    let mut mois = periode_de_renouvellement(p, premiere.ligne.cellules.get(&offre));
    if p.acte.evolution_vue == Some(true) && mois > 12 {
        mois = 12;
        note.noter(
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
    expliquer(&d, &note, journal);
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

/// How the renewal was decided; a refusal is also a warning: "hors
/// renouvellement" when nothing is paid, "limite atteinte" when part is.
fn expliquer(d: &Decision, note: &Note25, journal: &mut Journal) {
    d.explication
        .texte(|t| note.noter(journal, GenreExplication::Limite, t));
    let Some(refus) = d.refus else {
        return;
    };
    let code = match refus {
        RefusOptique::HorsPeriode { .. } if d.unites_couvertes == 0 => {
            CodeAvertissement::HorsRenouvellement
        }
        _ => CodeAvertissement::LimiteAtteinte,
    };
    refus.texte(|t| {
        note.noter(journal, GenreExplication::Avertissement, t);
        journal.avertir(code, t);
    });
}

/// An explanation line citing note ** of line 25 (the barème's date, the
/// source of the act's first line).
struct Note25 {
    effet: Option<NaiveDate>,
    source: Cle,
}

impl Note25 {
    fn noter(&self, journal: &mut Journal, genre: GenreExplication, formule: Texte<'_>) {
        journal.noter(
            genre,
            formule,
            "Annexe 2, ligne 25, note **",
            self.effet,
            self.source,
        );
    }
}
