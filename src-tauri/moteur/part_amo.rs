//! The Sécurité sociale (AMO) part of one act. It is the same under every
//! offer, so [`calculer`] runs once per act, in the order of the rules:
//!
//! 1. the base ([`base`]): the BRSS entered, or the default value of the AMO
//!    parameters for the act (frais réels below it do not lower it);
//! 2. the rate ([`taux`]): the act's rate, in or out of the parcours de
//!    soins; 100 % on an exonération du ticket modérateur (R.160-5), in the
//!    maternité window, for a pregnancy exam, or on a heavy act (R.160-16);
//! 3. the gross amount: rate × base, rounded to the cent, at most the frais
//!    réels (R.160-22: the AMO never pays more than the expense);
//! 4. what the member bears ([`retenues`]): the 18 € participation on a
//!    heavy act (R.160-16), then the participation forfaitaire or the
//!    franchise with their daily and annual caps, unless exempt (under 18,
//!    pregnant from the 6th month, CSS);
//! 5. the net amount the AMO pays: gross − what the member bears.

mod base;
mod retenues;
mod taux;

pub use retenues::EtatAmo;

use super::catalogue::ActeCatalogue;
use super::erreur::{CheminActe, ErreurEstimation};
use super::format::{arrondi, date_fr, pourcentage};
use super::journal::{Copie, Journal};
use super::maternite::Fenetre;
use super::resultat::{GenreExplication, PartAmo};
use super::situation::{Acte, Situation};
use super::texte::Valeur::{Euros, EurosExact, Pourcent};
use crate::tarifs::amo::{ParametresAmo, ValeurDatee};
use crate::tarifs::codes_devis::CodeDevis;
use crate::texte;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use taux::TauxReference;

/// The AMO computation of one act.
#[derive(Debug, Clone)]
pub struct CalculAmo {
    /// Base used: the BRSS (total for the line), even above the frais réels
    /// (R.160-22 caps the amount paid, not the base).
    pub base: Decimal,
    /// The normal rate of the act (parcours considered), percent.
    pub taux_reference: Decimal,
    /// The rate applied (100 on exonération, maternité, heavy act).
    pub taux_effectif: Decimal,
    /// The share of the ticket modérateur the AMO took over (percentage
    /// points): MGEN's percentage is reduced by it ("à due proportion").
    pub part_exoneree: Decimal,
    /// Why the rate is 100 % (for MGEN's explanation).
    pub motif_exoneration: Option<String>,
    pub part: PartAmo,
}

/// The dated value of an AMO parameter, which must exist (data error otherwise).
pub(crate) fn param<'a>(
    amo: &'a ParametresAmo,
    id: &str,
    date: NaiveDate,
) -> Result<&'a ValeurDatee, ErreurEstimation> {
    amo.valeur_au(id, date)
        .map_err(|e| ErreurEstimation::Donnees(e.to_string()))
}

/// A parameter whose value must be known at `date`.
pub(crate) fn param_connu<'a>(
    amo: &'a ParametresAmo,
    id: &str,
    date: NaiveDate,
) -> Result<(Decimal, &'a ValeurDatee), ErreurEstimation> {
    let v = param(amo, id, date)?;
    match v.valeur {
        Some(x) => Ok((x, v)),
        None => Err(ErreurEstimation::Donnees(format!(
            "paramètre AMO « {id} » sans valeur au {}",
            date_fr(date)
        ))),
    }
}

/// Everything about the act the AMO computation needs.
pub struct Entree<'a> {
    pub situation: &'a Situation,
    pub amo: &'a ParametresAmo,
    pub acte: &'a Acte,
    pub cat: &'a ActeCatalogue,
    pub chemin: CheminActe,
    pub date: NaiveDate,
    pub age: u32,
    pub frais_reels: Decimal,
    pub maternite: Option<&'a Fenetre>,
    /// The devis's code the reform's data knows, checked
    /// ([`super::codes_devis`]): its base is taken when none is entered.
    pub code_devis: Option<&'a CodeDevis>,
}

impl<'a> Entree<'a> {
    /// A parameter's value at the date of care.
    fn param(&self, id: &str) -> Result<(Decimal, &'a ValeurDatee), ErreurEstimation> {
        param_connu(self.amo, id, self.date)
    }

    /// The basket of the devis line: the one typed, else the one its code
    /// implies ([`super::codes_devis`]).
    pub fn panier(&self) -> Option<crate::tarifs::cent_pour_cent_sante::Panier> {
        self.acte
            .panier
            .or_else(|| self.code_devis.and_then(|c| c.panier))
    }

    /// Whether the care falls in the maternité window (from the 6th month
    /// of pregnancy to 12 days after the birth).
    fn en_maternite(&self) -> bool {
        self.maternite.is_some_and(|f| f.contient(self.date))
    }
}

/// Computes the AMO part of one act, updating the running deductions.
pub fn calculer<'a>(
    e: &Entree<'a>,
    etat: &mut EtatAmo<'a>,
    journal: &mut Journal,
) -> Result<CalculAmo, ErreurEstimation> {
    etat.au(e.date);
    if !e.cat.rembourse {
        return Ok(non_rembourse(e, journal));
    }
    let reference = TauxReference::de(e, journal)?;
    let base = base::brss(e, journal)?;
    let motif = taux::motif_100_pourcent(e, base, journal)?;
    let taux_effectif = taux::applique(e, reference.taux, motif.as_ref(), journal);
    let brut = montant_brut(base, taux_effectif, &reference, journal);
    let brut = dans_les_frais_exposes(brut, e.frais_reels, journal);
    let lourd = matches!(motif, Some(taux::Motif100::ActeLourd));
    let retenues = retenues::deduire(e, etat, brut, lourd, journal)?;
    let net = brut - retenues.total();
    noter_net(brut, &retenues, net, journal);
    Ok(CalculAmo {
        base,
        taux_reference: reference.taux,
        taux_effectif,
        part_exoneree: (taux_effectif - reference.taux).max(Decimal::ZERO),
        motif_exoneration: motif.map(|m| m.texte(e.date)),
        part: PartAmo {
            brut,
            participation_forfaitaire: retenues.participation_forfaitaire,
            franchise: retenues.franchise,
            participation_18: retenues.participation_18,
            net,
        },
    })
}

/// An act the Sécurité sociale does not reimburse: AMO part zero; the base
/// MGEN computes on is the one entered when the catalogue asks for it.
fn non_rembourse(e: &Entree<'_>, journal: &mut Journal) -> CalculAmo {
    let base = if e.cat.base_sans_remboursement {
        let b = e.acte.brss.unwrap_or_default().min(e.frais_reels);
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "Base de calcul MGEN saisie (acte non remboursé) : {}",
                Euros(b)
            ),
            "saisie",
            None,
            "Saisie du conseiller",
        );
        b
    } else {
        Decimal::ZERO
    };
    let source = journal.ecrire(format_args!("Catalogue Guichet, acte « {} »", e.cat.code));
    journal.noter(
        GenreExplication::Calcul,
        texte!("Acte non remboursé par la Sécurité sociale : part AMO 0,00 €"),
        "catalogue",
        None,
        source,
    );
    CalculAmo {
        base,
        taux_reference: Decimal::ZERO,
        taux_effectif: Decimal::ZERO,
        part_exoneree: Decimal::ZERO,
        motif_exoneration: None,
        part: PartAmo::default(),
    }
}

/// The gross AMO amount: rate × base, rounded to the cent (the explanation
/// shows the exact product when the rounding changed it).
fn montant_brut(
    base: Decimal,
    taux: Decimal,
    reference: &TauxReference<'_>,
    journal: &mut Journal,
) -> Decimal {
    let exact = pourcentage(base, taux);
    let brut = arrondi(exact);
    let formule = if exact == brut {
        texte!(
            "AMO : {} × {} = {}",
            Pourcent(taux),
            Euros(base),
            Euros(brut)
        )
    } else {
        texte!(
            "AMO : {} × {} = {}, arrondi au centime : {}",
            Pourcent(taux),
            Euros(base),
            EurosExact(exact),
            Euros(brut)
        )
    };
    journal.noter(
        GenreExplication::Calcul,
        formule,
        Copie(reference.id),
        Some(reference.valeur.depuis),
        Copie(&reference.valeur.source),
    );
    brut
}

/// CSS R.160-22: what the AMO pays never exceeds the frais exposés; the
/// base is not lowered, the gross amount is capped (base 30 €, fees 20 €,
/// 70 %: 20 €, not 70 % × 20 €).
fn dans_les_frais_exposes(brut: Decimal, frais_reels: Decimal, journal: &mut Journal) -> Decimal {
    if brut <= frais_reels {
        return brut;
    }
    journal.noter(
        GenreExplication::Plafond,
        texte!(
            "AMO au plus égal aux frais exposés : {} ramené à {} (frais réels inférieurs à la base)",
            Euros(brut),
            Euros(frais_reels)
        ),
        "R.160-22",
        None,
        "Code de la sécurité sociale, art. R.160-22 (participation des caisses au plus égale aux frais exposés)",
    );
    frais_reels
}

/// The net amount paid, when something was deducted: participations and
/// franchises are never paid back by MGEN (contrat responsable, R.871-2).
fn noter_net(brut: Decimal, retenues: &retenues::Retenues, net: Decimal, journal: &mut Journal) {
    if retenues.total() > Decimal::ZERO {
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "AMO versé : {} − {} = {} (participations et franchises : jamais remboursées par MGEN, contrat responsable)",
                Euros(brut),
                Euros(retenues.total()),
                Euros(net)
            ),
            "R.871-2",
            None,
            "Code de la sécurité sociale, art. R.871-2 (contrat responsable)",
        );
    }
}
