//! What the member bears on the AMO payment, in this order:
//! - the participation on a heavy act (R.160-16; 18 € in 2018), up to the
//!   gross amount;
//! - the participation forfaitaire (consultations, doctors' acts, biology)
//!   or the franchise (medicines, auxiliaries, transport), by unit, lowered
//!   by its daily cap (same doctor; same kind of franchise) and its annual
//!   cap, then by what the AMO pays for the act (the rest is taken on a
//!   later reimbursement); none under 18, in the maternité window or with
//!   the CSS (seed 000, "Les participations forfaitaires et franchises").
//!
//! The caps run across the acts, taken in date order: [`EtatAmo`].

use super::Entree;
use crate::moteur::catalogue::Deduction;
use crate::moteur::erreur::ErreurEstimation;
use crate::moteur::journal::{Copie, Journal};
use crate::moteur::resultat::{CodeAvertissement, GenreExplication};
use crate::moteur::texte::Texte;
use crate::moteur::texte::Valeur::{self, Euros};
use crate::tarifs::amo::ValeurDatee;
use crate::texte;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// Running totals of the deductions, across the acts taken in date order
/// (as [`crate::moteur::estimer`] takes them): per year, and for the day of
/// the act being computed (the day's totals start again when the date
/// moves).
#[derive(Debug, Default)]
pub struct EtatAmo<'a> {
    pf_annee: Cumuls<i32>,
    franchise_annee: Cumuls<i32>,
    jour: Option<NaiveDate>,
    /// Participations of the day, per practitioner.
    pf_jour: Cumuls<&'a str>,
    /// Franchises of the day, per kind.
    franchise_jour: Cumuls<Deduction>,
}

impl EtatAmo<'_> {
    /// Makes `date` the day whose totals `pf_jour` and `franchise_jour`
    /// hold.
    pub(super) fn au(&mut self, date: NaiveDate) {
        if self.jour != Some(date) {
            self.jour = Some(date);
            self.pf_jour.0.clear();
            self.franchise_jour.0.clear();
        }
    }
}

/// Amounts per key (a handful of keys).
#[derive(Debug)]
struct Cumuls<K>(Vec<(K, Decimal)>);

impl<K> Default for Cumuls<K> {
    fn default() -> Self {
        Cumuls(Vec::new())
    }
}

impl<K: PartialEq> Cumuls<K> {
    fn get(&self, k: &K) -> Decimal {
        self.0
            .iter()
            .find(|(x, _)| x == k)
            .map_or(Decimal::ZERO, |(_, m)| *m)
    }

    fn ajouter(&mut self, k: K, m: Decimal) {
        match self.0.iter_mut().find(|(x, _)| *x == k) {
            Some((_, total)) => *total += m,
            None => self.0.push((k, m)),
        }
    }
}

/// The deductions of one act.
#[derive(Debug, Default)]
pub(super) struct Retenues {
    pub participation_18: Decimal,
    pub participation_forfaitaire: Decimal,
    pub franchise: Decimal,
}

impl Retenues {
    pub fn total(&self) -> Decimal {
        self.participation_forfaitaire + self.franchise + self.participation_18
    }
}

/// The deductions of one act from its gross amount `brut`, in order
/// (module doc).
pub(super) fn deduire<'a>(
    e: &Entree<'a>,
    etat: &mut EtatAmo<'a>,
    brut: Decimal,
    acte_lourd: bool,
    journal: &mut Journal,
) -> Result<Retenues, ErreurEstimation> {
    let mut r = Retenues::default();
    if acte_lourd {
        r.participation_18 = participation_acte_lourd(e, brut, journal)?;
    }
    let disponible = brut - r.participation_18;
    match e.cat.deduction {
        Deduction::Aucune => {}
        d if exemption(e).is_some() => noter_exemption(e, d, journal),
        Deduction::ParticipationForfaitaire => {
            r.participation_forfaitaire = participation_forfaitaire(e, etat, disponible, journal)?;
        }
        d => r.franchise = franchise(e, d, etat, disponible, journal)?,
    }
    Ok(r)
}

/// R.160-16: the participation on a heavy act, per unit, at most the gross
/// amount (MGEN pays it back on lines 4 and 20).
fn participation_acte_lourd(
    e: &Entree<'_>,
    brut: Decimal,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let (montant, v) = e.param("participation_actes_lourds.montant")?;
    let due = (montant * Decimal::from(e.acte.quantite)).min(brut);
    journal.noter(
        GenreExplication::Calcul,
        texte!(
            "Participation forfaitaire actes lourds (R.160-16) : {} déduite",
            Euros(due)
        ),
        "participation_actes_lourds.montant",
        Some(v.depuis),
        Copie(&v.source),
    );
    Ok(due)
}

/// Why the member bears neither participation forfaitaire nor franchise.
fn exemption(e: &Entree<'_>) -> Option<&'static str> {
    if e.age < 18 {
        Some("assuré de moins de 18 ans")
    } else if e.en_maternite() {
        Some("grossesse à partir du 6e mois")
    } else if e.situation.assure.css {
        Some("bénéficiaire de la Complémentaire santé solidaire")
    } else {
        None
    }
}

fn noter_exemption(e: &Entree<'_>, d: Deduction, journal: &mut Journal) {
    let (quoi, reference) = if d == Deduction::ParticipationForfaitaire {
        (
            "Pas de participation forfaitaire",
            "participation_forfaitaire.montant",
        )
    } else {
        ("Pas de franchise", "franchise.plafond_annuel")
    };
    journal.noter(
        GenreExplication::Calcul,
        texte!("{} : {}", quoi, exemption(e).unwrap_or_default()),
        reference,
        None,
        "Guide Sécurité sociale MGEN (seed 000), « Les participations forfaitaires et franchises »",
    );
}

/// The participation forfaitaire: per act, capped per day for the same
/// doctor (when named) and per calendar year (with what
/// `deja_utilise.participations_forfaitaires` states).
fn participation_forfaitaire<'a>(
    e: &Entree<'a>,
    etat: &mut EtatAmo<'a>,
    disponible: Decimal,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let id = "participation_forfaitaire.montant";
    let id_jour = "participation_forfaitaire.plafond_journalier";
    let id_an = "participation_forfaitaire.plafond_annuel";
    let annee = e.date.year();
    let mut r = Retenue::due(
        "Participation forfaitaire",
        e.param(id)?,
        id,
        e.acte.quantite,
        journal,
    );
    let praticien = e.acte.praticien.as_deref();
    if let Some(cle) = praticien {
        let jour = etat.pf_jour.get(&cle);
        r.plafonner(e.param(id_jour)?, id_jour, jour, |p, d, k, noter| {
            noter(texte!(
                "Plafond journalier pour un même médecin ({}) : {} déjà retenu ce jour, {} retenu ici",
                p,
                d,
                k
            ))
        });
    }
    let utilise_an = e
        .situation
        .deja_montant(annee, |d| d.participations_forfaitaires)
        + etat.pf_annee.get(&annee);
    r.plafonner(e.param(id_an)?, id_an, utilise_an, |p, d, k, noter| {
        noter(texte!(
            "Plafond annuel des participations forfaitaires ({}) : {} déjà retenu en {}, {} retenu ici",
            p,
            d,
            annee,
            k
        ))
    });
    let retenu = r.au_plus(disponible, "Participation forfaitaire");
    if let Some(cle) = praticien {
        etat.pf_jour.ajouter(cle, retenu);
    }
    etat.pf_annee.ajouter(annee, retenu);
    Ok(retenu)
}

/// The parameters of one kind of franchise.
struct GenreFranchise {
    /// The unit amount.
    montant: &'static str,
    /// The daily cap (none for medicines).
    plafond_jour: Option<&'static str>,
    libelle: &'static str,
}

impl GenreFranchise {
    fn de(d: Deduction) -> Self {
        let (montant, plafond_jour, libelle) = match d {
            Deduction::FranchiseMedicament => (
                "franchise.medicament",
                None,
                "Franchise par boîte de médicament",
            ),
            Deduction::FranchiseAuxiliaire => (
                "franchise.auxiliaire",
                Some("franchise.plafond_journalier_auxiliaire"),
                "Franchise par acte d'auxiliaire médical",
            ),
            _ => (
                "franchise.transport",
                Some("franchise.plafond_journalier_transport"),
                "Franchise par transport",
            ),
        };
        GenreFranchise {
            montant,
            plafond_jour,
            libelle,
        }
    }
}

/// The franchise: per unit, capped per day for its kind (auxiliaries,
/// transport) and per calendar year for all kinds together (with what
/// `deja_utilise.franchises` states).
fn franchise<'a>(
    e: &Entree<'a>,
    kind: Deduction,
    etat: &mut EtatAmo<'a>,
    disponible: Decimal,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let g = GenreFranchise::de(kind);
    let id_an = "franchise.plafond_annuel";
    let (date, annee) = (e.date, e.date.year());
    let mut r = Retenue::due(
        g.libelle,
        e.param(g.montant)?,
        g.montant,
        e.acte.quantite,
        journal,
    );
    if let Some(id_jour) = g.plafond_jour {
        let jour = etat.franchise_jour.get(&kind);
        r.plafonner(e.param(id_jour)?, id_jour, jour, |p, d, k, noter| {
            noter(texte!(
                "Plafond journalier de cette franchise ({}) : {} déjà retenu le {}, {} retenu ici",
                p,
                d,
                date,
                k
            ))
        });
    }
    let utilise_an =
        e.situation.deja_montant(annee, |d| d.franchises) + etat.franchise_annee.get(&annee);
    r.plafonner(e.param(id_an)?, id_an, utilise_an, |p, d, k, noter| {
        noter(texte!(
            "Plafond annuel des franchises ({}) : {} déjà retenu en {}, {} retenu ici",
            p,
            d,
            annee,
            k
        ))
    });
    let retenu = r.au_plus(disponible, "Franchise");
    etat.franchise_jour.ajouter(kind, retenu);
    etat.franchise_annee.ajouter(annee, retenu);
    Ok(retenu)
}

/// One deduction the member bears (participation forfaitaire or franchise),
/// lowered by each cap that bites, every step explained.
struct Retenue<'x> {
    montant: Decimal,
    journal: &'x mut Journal,
}

impl<'x> Retenue<'x> {
    /// The amount due before caps: the unit amount times the act's quantity.
    fn due(
        libelle: &'static str,
        (montant, v): (Decimal, &ValeurDatee),
        id: &'static str,
        quantite: u32,
        journal: &'x mut Journal,
    ) -> Self {
        let du = montant * Decimal::from(quantite);
        let formule = if quantite == 1 {
            texte!("{} : {}", libelle, Euros(montant))
        } else {
            texte!(
                "{} : {} × {} = {}",
                libelle,
                Euros(montant),
                quantite,
                Euros(du)
            )
        };
        journal.noter(
            GenreExplication::Calcul,
            formule,
            id,
            Some(v.depuis),
            Copie(&v.source),
        );
        Retenue {
            montant: du,
            journal,
        }
    }

    /// Applies a cap of which `deja` is already used; when it bites,
    /// `expliquer(cap, used, kept, noter)` gives `noter` the explanation.
    fn plafonner(
        &mut self,
        (plafond, v): (Decimal, &ValeurDatee),
        id: &'static str,
        deja: Decimal,
        expliquer: impl FnOnce(Valeur, Valeur, Valeur, &mut dyn FnMut(Texte<'_>)),
    ) {
        let reste = (plafond - deja).max(Decimal::ZERO);
        if self.montant > reste {
            self.montant = reste;
            let journal = &mut *self.journal;
            expliquer(Euros(plafond), Euros(deja), Euros(reste), &mut |t| {
                journal.noter(
                    GenreExplication::Plafond,
                    t,
                    id,
                    Some(v.depuis),
                    Copie(&v.source),
                )
            });
        }
    }

    /// Keeps at most what the AMO pays for this act (the rest is taken on a
    /// later reimbursement), with a warning.
    fn au_plus(self, disponible: Decimal, quoi: &'static str) -> Decimal {
        if self.montant <= disponible {
            return self.montant;
        }
        self.journal.avertir(
            CodeAvertissement::Information,
            texte!(
                "{} de {} supérieure au remboursement : {} retenu ici, le reste sur un remboursement ultérieur",
                quoi,
                Euros(self.montant),
                Euros(disponible)
            ),
        );
        disponible
    }
}
