//! The AMO rate of an act: its rate of reference (in or out of the parcours
//! de soins), then 100 % when the AMO takes over the ticket modérateur —
//! exonération (R.160-5), maternité, pregnancy exam, heavy act (R.160-16) —
//! or the rate the adviser entered.

use super::Entree;
use crate::moteur::erreur::ErreurEstimation;
use crate::moteur::format::date_fr;
use crate::moteur::journal::{Copie, Journal};
use crate::moteur::maternite::Fenetre;
use crate::moteur::resultat::GenreExplication;
use crate::moteur::texte::Valeur::{Euros, Pourcent};
use crate::tarifs::amo::ValeurDatee;
use crate::texte;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The act's normal rate and the parameter it comes from (cited by the
/// gross amount's explanation).
pub(super) struct TauxReference<'a> {
    pub taux: Decimal,
    pub id: &'a str,
    pub valeur: &'a ValeurDatee,
}

impl<'a> TauxReference<'a> {
    /// The rate of the act's parameter at the date of care; out of the
    /// parcours de soins coordonnés, the reduced rate when the act has one
    /// (MGEN does not make up for the reduction).
    pub fn de(e: &Entree<'a>, journal: &mut Journal) -> Result<Self, ErreurEstimation> {
        let dans_parcours =
            e.cat.taux.as_deref().ok_or_else(|| {
                ErreurEstimation::Donnees(format!("acte {} sans taux", e.cat.code))
            })?;
        let hors_parcours = e
            .cat
            .taux_hors_parcours
            .as_deref()
            .filter(|_| !e.situation.assure.parcours_soins);
        let Some(id) = hors_parcours else {
            let (taux, valeur) = e.param(dans_parcours)?;
            return Ok(TauxReference {
                taux,
                id: dans_parcours,
                valeur,
            });
        };
        let (taux, valeur) = e.param(id)?;
        let (dans, _) = e.param(dans_parcours)?;
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "Hors parcours de soins coordonnés : taux AMO {} au lieu de {} ; MGEN ne prend pas en charge cette minoration",
                Pourcent(taux),
                Pourcent(dans)
            ),
            Copie(id),
            Some(valeur.depuis),
            Copie(&valeur.source),
        );
        Ok(TauxReference { taux, id, valeur })
    }
}

/// Why the AMO pays 100 % of the base.
pub(super) enum Motif100<'a> {
    /// Care in the maternité window (from the 6th month of pregnancy to 12
    /// days after the birth; seed 000, "Si je suis enceinte").
    Maternite(&'a Fenetre),
    /// A pregnancy exam the catalogue covers at 100 % for the whole
    /// pregnancy.
    ExamenGrossesse,
    /// Exonération du ticket modérateur entered by the adviser (ALD or
    /// another case of R.160-5).
    Exoneration,
    /// A heavy act: unit base at or above the threshold of R.160-16; the
    /// member bears the 18 € participation instead of the ticket modérateur.
    ActeLourd,
}

impl Motif100<'_> {
    /// Said to MGEN's explanation ("réduite à due proportion").
    pub fn texte(&self, date: NaiveDate) -> String {
        match self {
            Motif100::Maternite(f) => format!(
                "assurance maternité (soins du {}, entre le {} et le {})",
                date_fr(date),
                date_fr(f.debut),
                date_fr(f.fin)
            ),
            Motif100::ExamenGrossesse => {
                "examen de la grossesse pris en charge à 100 % pendant toute la grossesse".into()
            }
            Motif100::Exoneration => "exonération du ticket modérateur (ALD ou autre motif)".into(),
            Motif100::ActeLourd => "acte lourd (R.160-16)".into(),
        }
    }
}

/// Whether the AMO pays 100 % of the base, and why: maternité first, then
/// pregnancy exam, exonération, heavy act.
pub(super) fn motif_100_pourcent<'a>(
    e: &Entree<'a>,
    brss: Decimal,
    journal: &mut Journal,
) -> Result<Option<Motif100<'a>>, ErreurEstimation> {
    let grossesse = e.maternite.filter(|f| f.pendant_grossesse(e.date));
    Ok(match e.maternite {
        Some(f) if f.contient(e.date) => Some(Motif100::Maternite(f)),
        _ if e.cat.maternite_toute_grossesse && grossesse.is_some() => {
            Some(Motif100::ExamenGrossesse)
        }
        _ if e.acte.exoneration_tm == Some(true) => Some(Motif100::Exoneration),
        _ if e.cat.acte_lourd && acte_lourd(e, brss, journal)? => Some(Motif100::ActeLourd),
        _ => None,
    })
}

/// R.160-16: an act whose unit base reaches the threshold (120 € in 2018)
/// is taken at 100 % less the 18 € participation.
fn acte_lourd(
    e: &Entree<'_>,
    brss: Decimal,
    journal: &mut Journal,
) -> Result<bool, ErreurEstimation> {
    let (seuil, v) = e.param("participation_actes_lourds.seuil")?;
    let unitaire = brss / Decimal::from(e.acte.quantite);
    if unitaire < seuil {
        return Ok(false);
    }
    journal.noter(
        GenreExplication::Calcul,
        texte!(
            "Acte lourd : base {} ≥ {} : l'AMO prend en charge 100 % moins la participation forfaitaire de l'article R.160-16",
            Euros(unitaire),
            Euros(seuil)
        ),
        "participation_actes_lourds.seuil",
        Some(v.depuis),
        Copie(&v.source),
    );
    Ok(true)
}

/// The rate applied: 100 % with a motive (explained, except the heavy act
/// already explained), else the rate entered by the adviser, else the rate
/// of reference.
pub(super) fn applique(
    e: &Entree<'_>,
    reference: Decimal,
    motif: Option<&Motif100<'_>>,
    journal: &mut Journal,
) -> Decimal {
    match (motif, e.acte.taux_amo) {
        (Some(Motif100::ActeLourd), _) => Decimal::ONE_HUNDRED,
        (Some(m), _) => {
            noter_motif(e, reference, m, journal);
            Decimal::ONE_HUNDRED
        }
        (None, Some(saisi)) => {
            journal.noter(
                GenreExplication::Calcul,
                texte!(
                    "Taux AMO saisi : {} (taux habituel {})",
                    Pourcent(saisi),
                    Pourcent(reference)
                ),
                "saisie",
                None,
                "Saisie du conseiller",
            );
            saisi
        }
        (None, None) => reference,
    }
}

/// "Taux AMO 100 % au lieu de …", citing the maternité rule or the
/// adviser's entry.
fn noter_motif(e: &Entree<'_>, reference: Decimal, m: &Motif100<'_>, journal: &mut Journal) {
    let (cle, source) = match m {
        Motif100::Exoneration => ("exoneration_tm", "Saisie du conseiller"),
        _ => (
            "maternite.mois_debut",
            "Guide Sécurité sociale MGEN (seed 000), maternité",
        ),
    };
    let motif = journal.chaine(&m.texte(e.date));
    journal.noter(
        GenreExplication::Calcul,
        texte!(
            "Taux AMO 100 % au lieu de {} : {}",
            Pourcent(reference),
            motif
        ),
        cle,
        None,
        source,
    );
}
