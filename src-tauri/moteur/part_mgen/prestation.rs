//! The act being priced: one component of an act, the Annexe 2 line it
//! points to, and that line's cell under the offer — what every step of
//! the MGEN part reads, and how it cites the line in the explanation.

use super::super::catalogue::Role;
use super::super::erreur::ErreurEstimation;
use super::super::journal::{Journal, Libelle};
use super::super::resultat::{CodeAvertissement, GenreExplication};
use super::super::texte::{Texte, Valeur};
use super::{ActePrepare, Contexte, LigneActe, MgenActe};
use crate::tarifs::{Cellule, Offre};
use crate::texte;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One component of an act under one offer.
pub(super) struct Prestation<'p, 'a> {
    pub ctx: &'p Contexte<'a>,
    pub acte: &'p ActePrepare<'a>,
    pub ligne: &'a LigneActe<'a>,
    /// The line's cell for the offer.
    pub cellule: &'a Cellule,
    pub offre: Offre,
    /// Lenses or frames the optical renewal leaves MGEN to pay (line 25,
    /// note **); `None` for any other act.
    pub optique: Option<u32>,
}

impl<'p, 'a> Prestation<'p, 'a> {
    /// The component `ligne` of the act under `offre`; a line without a cell
    /// for the offer is an error of the tables.
    pub fn new(
        ctx: &'p Contexte<'a>,
        acte: &'p ActePrepare<'a>,
        ligne: &'a LigneActe<'a>,
        offre: Offre,
        optique: Option<u32>,
    ) -> Result<Self, ErreurEstimation> {
        let cellule = ligne.ligne.cellules.get(&offre).ok_or_else(|| {
            ErreurEstimation::Donnees(format!(
                "ligne {} sans cellule pour {}",
                ligne.ligne.ligne,
                acte.bareme.libelle(offre)
            ))
        })?;
        Ok(Prestation {
            ctx,
            acte,
            ligne,
            cellule,
            offre,
            optique,
        })
    }

    pub fn role(&self) -> Role {
        self.ligne.composante.role
    }

    /// The cell's percentage or amount; `quoi` names the cell in the error
    /// when the tables lack it.
    pub fn valeur(&self, quoi: &str) -> Result<Decimal, ErreurEstimation> {
        self.cellule.valeur.ok_or_else(|| {
            ErreurEstimation::Donnees(format!(
                "ligne {} : {quoi} sans valeur",
                self.ligne.ligne.ligne
            ))
        })
    }

    /// The ticket modérateur's percentage: 100 % − the AMO rate applied.
    pub fn ticket_moderateur(&self) -> Decimal {
        Decimal::ONE_HUNDRED - self.acte.amo.taux_effectif
    }

    /// "Ligne 2.1 (MGEN Référence)", as the explanation names the cell.
    pub fn nom(&self) -> Valeur {
        Valeur::Ligne(self.ligne.cle, self.acte.bareme.libelle(self.offre))
    }

    /// "Annexe 2, ligne 2.1".
    pub fn reference(&self) -> Libelle {
        Libelle::LigneAnnexe(self.ligne.cle)
    }

    /// The barème's date of effect.
    pub fn effet(&self) -> Option<NaiveDate> {
        Some(self.acte.bareme.en_vigueur_le)
    }

    /// An explanation line citing the Annexe line and its source.
    pub fn noter(&self, journal: &mut Journal, genre: GenreExplication, formule: Texte<'_>) {
        journal.noter(
            genre,
            formule,
            self.reference(),
            self.effet(),
            self.ligne.source,
        );
    }

    /// A cell read from an ambiguous printed table carries its note: the
    /// amount is flagged "lecture à confirmer".
    pub fn lecture_a_confirmer(&self, out: &mut MgenActe<'_>) {
        let Some(note) = &self.cellule.note else {
            return;
        };
        out.lecture_a_confirmer = true;
        let note = out.journal.chaine(note);
        let m = texte!("{} : lecture à confirmer — {}", self.nom(), note);
        self.noter(out.journal, GenreExplication::Avertissement, m);
        out.journal.avertir(CodeAvertissement::LectureAConfirmer, m);
    }
}
