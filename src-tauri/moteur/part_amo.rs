//! The Sécurité sociale part of one act: base (BRSS, default from the AMO
//! parameters), rate (parcours de soins, exonération, maternité, heavy act),
//! gross amount, then the deductions the member bears — participation
//! forfaitaire, franchise, heavy-act participation — with their daily and
//! annual caps and exemptions (under 18, pregnant from the 6th month, CSS).
//! The same for every offer, so computed once per act.

use super::catalogue::{ActeCatalogue, Deduction};
use super::erreur::{ErreurEstimation, ErreurSaisie};
use super::format::{arrondi, date_fr, pourcentage};
use super::journal::{Copie, Journal};
use super::maternite::Fenetre;
use super::resultat::{CodeAvertissement, GenreExplication, PartAmo};
use super::situation::{Acte, Situation};
use super::texte::Texte;
use super::texte::Valeur::{self, Euros, EurosExact, Pourcent};
use crate::tarifs::amo::{ParametresAmo, ValeurDatee};
use crate::texte;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// Running totals of the deductions, across the acts taken in date order
/// (as [`super::estimer`] takes them): per year, and for the day of the
/// act being computed (the day's totals start again when the date moves).
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

impl<'a> EtatAmo<'a> {
    /// Makes `date` the day whose totals `pf_jour` and `franchise_jour`
    /// hold.
    fn au(&mut self, date: NaiveDate) {
        if self.jour != Some(date) {
            self.jour = Some(date);
            self.pf_jour.0.clear();
            self.franchise_jour.0.clear();
        }
    }
}

/// Amounts per key (a few keys: a list is quicker than a map).
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

/// The AMO computation of one act.
#[derive(Debug, Clone)]
pub struct CalculAmo {
    /// Base used: BRSS (total for the line), reduced to the frais réels if lower.
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

fn libelle_param<'a>(amo: &'a ParametresAmo, id: &'a str) -> &'a str {
    amo.parametre(id).map_or(id, |p| p.libelle.as_str())
}

/// Everything about the act the AMO computation needs.
pub struct Entree<'a> {
    pub situation: &'a Situation,
    pub amo: &'a ParametresAmo,
    pub acte: &'a Acte,
    pub cat: &'a ActeCatalogue,
    pub chemin: super::erreur::CheminActe,
    pub date: NaiveDate,
    pub age: u32,
    pub frais_reels: Decimal,
    pub maternite: Option<&'a Fenetre>,
}

/// Computes the AMO part of one act, updating the running deductions.
pub fn calculer<'a>(
    e: &Entree<'a>,
    etat: &mut EtatAmo<'a>,
    journal: &mut Journal,
) -> Result<CalculAmo, ErreurEstimation> {
    let date = e.date;
    etat.au(date);
    let q = Decimal::from(e.acte.quantite);
    if !e.cat.rembourse {
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
        return Ok(CalculAmo {
            base,
            taux_reference: Decimal::ZERO,
            taux_effectif: Decimal::ZERO,
            part_exoneree: Decimal::ZERO,
            motif_exoneration: None,
            part: PartAmo::default(),
        });
    }

    // Rate of reference, parcours de soins considered.
    let taux_id = e
        .cat
        .taux
        .as_deref()
        .ok_or_else(|| ErreurEstimation::Donnees(format!("acte {} sans taux", e.cat.code)))?;
    let hors_parcours = !e.situation.assure.parcours_soins && e.cat.taux_hors_parcours.is_some();
    let (taux_reference, taux_ref_val, taux_ref_id) = if hors_parcours {
        let id = e.cat.taux_hors_parcours.as_deref().unwrap_or(taux_id);
        let (t, v) = param_connu(e.amo, id, date)?;
        let (dans, _) = param_connu(e.amo, taux_id, date)?;
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "Hors parcours de soins coordonnés : taux AMO {} au lieu de {} ; MGEN ne prend pas en charge cette minoration",
                Pourcent(t),
                Pourcent(dans)
            ),
            Copie(id),
            Some(v.depuis),
            Copie(&v.source),
        );
        (t, v, id)
    } else {
        let (t, v) = param_connu(e.amo, taux_id, date)?;
        (t, v, taux_id)
    };

    // Base.
    let brss = match e.acte.brss {
        Some(b) => {
            journal.noter(
                GenreExplication::Calcul,
                texte!("Base de remboursement saisie : {}", Euros(b)),
                "saisie",
                None,
                "Saisie du conseiller",
            );
            b
        }
        None => base_par_defaut(e, journal)?,
    };
    let base = if e.frais_reels < brss {
        journal.noter(
            GenreExplication::Plafond,
            texte!(
                "Frais réels ({}) inférieurs à la base ({}) : le remboursement se calcule sur les frais réels",
                Euros(e.frais_reels),
                Euros(brss)
            ),
            "base",
            None,
            "Le remboursement ne peut dépasser la dépense",
        );
        e.frais_reels
    } else {
        brss
    };

    // Exonération, maternité, heavy act.
    let en_maternite = e.maternite.is_some_and(|f| f.contient(date));
    let toute_grossesse =
        e.cat.maternite_toute_grossesse && e.maternite.is_some_and(|f| f.pendant_grossesse(date));
    let motif = if en_maternite {
        Some(format!(
            "assurance maternité (soins du {}, entre le {} et le {})",
            date_fr(date),
            date_fr(e.maternite.map(|f| f.debut).unwrap_or(date)),
            date_fr(e.maternite.map(|f| f.fin).unwrap_or(date))
        ))
    } else if toute_grossesse {
        Some("examen de la grossesse pris en charge à 100 % pendant toute la grossesse".to_string())
    } else if e.acte.exoneration_tm == Some(true) {
        Some("exonération du ticket modérateur (ALD ou autre motif)".to_string())
    } else {
        None
    };
    let mut lourd = false;
    if motif.is_none() && e.cat.acte_lourd {
        let (seuil, sv) = param_connu(e.amo, "participation_actes_lourds.seuil", date)?;
        let unitaire = brss / q;
        if unitaire >= seuil {
            lourd = true;
            journal.noter(
                GenreExplication::Calcul,
                texte!(
                    "Acte lourd : base {} ≥ {} : l'AMO prend en charge 100 % moins la participation forfaitaire de l'article R.160-16",
                    Euros(unitaire),
                    Euros(seuil)
                ),
                "participation_actes_lourds.seuil",
                Some(sv.depuis),
                Copie(&sv.source),
            );
        }
    }
    let taux_effectif = if motif.is_some() || lourd {
        Decimal::ONE_HUNDRED
    } else {
        e.acte.taux_amo.unwrap_or(taux_reference)
    };
    if let Some(m) = &motif {
        let m = journal.chaine(m);
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "Taux AMO 100 % au lieu de {} : {}",
                Pourcent(taux_reference),
                m
            ),
            if en_maternite || toute_grossesse {
                "maternite.mois_debut"
            } else {
                "exoneration_tm"
            },
            None,
            if en_maternite || toute_grossesse {
                "Guide Sécurité sociale MGEN (seed 000), maternité"
            } else {
                "Saisie du conseiller"
            },
        );
    } else if let Some(t) = e.acte.taux_amo {
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "Taux AMO saisi : {} (taux habituel {})",
                Pourcent(t),
                Pourcent(taux_reference)
            ),
            "saisie",
            None,
            "Saisie du conseiller",
        );
    }
    let part_exoneree = (taux_effectif - taux_reference).max(Decimal::ZERO);

    let brut_exact = pourcentage(base, taux_effectif);
    let brut = arrondi(brut_exact);
    let formule = if brut_exact == brut {
        texte!(
            "AMO : {} × {} = {}",
            Pourcent(taux_effectif),
            Euros(base),
            Euros(brut)
        )
    } else {
        texte!(
            "AMO : {} × {} = {}, arrondi au centime : {}",
            Pourcent(taux_effectif),
            Euros(base),
            EurosExact(brut_exact),
            Euros(brut)
        )
    };
    journal.noter(
        GenreExplication::Calcul,
        formule,
        Copie(taux_ref_id),
        Some(taux_ref_val.depuis),
        Copie(&taux_ref_val.source),
    );

    // Heavy-act participation.
    let mut reste = brut;
    let mut participation_18 = Decimal::ZERO;
    if lourd {
        let (montant, v) = param_connu(e.amo, "participation_actes_lourds.montant", date)?;
        participation_18 = (montant * q).min(reste);
        reste -= participation_18;
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "Participation forfaitaire actes lourds (R.160-16) : {} déduite",
                Euros(participation_18)
            ),
            "participation_actes_lourds.montant",
            Some(v.depuis),
            Copie(&v.source),
        );
    }

    // Participation forfaitaire or franchise.
    let exemption = if e.age < 18 {
        Some("assuré de moins de 18 ans")
    } else if en_maternite {
        Some("grossesse à partir du 6e mois")
    } else if e.situation.assure.css {
        Some("bénéficiaire de la Complémentaire santé solidaire")
    } else {
        None
    };
    let mut participation_forfaitaire = Decimal::ZERO;
    let mut franchise = Decimal::ZERO;
    match e.cat.deduction {
        Deduction::Aucune => {}
        d if exemption.is_some() => {
            let quoi = if d == Deduction::ParticipationForfaitaire {
                "Pas de participation forfaitaire"
            } else {
                "Pas de franchise"
            };
            journal.noter(
                GenreExplication::Calcul,
                texte!("{} : {}", quoi, exemption.unwrap_or_default()),
                if d == Deduction::ParticipationForfaitaire {
                    "participation_forfaitaire.montant"
                } else {
                    "franchise.plafond_annuel"
                },
                None,
                "Guide Sécurité sociale MGEN (seed 000), « Les participations forfaitaires et franchises »",
            );
        }
        Deduction::ParticipationForfaitaire => {
            participation_forfaitaire = participation(e, etat, reste, journal)?;
            reste -= participation_forfaitaire;
        }
        d => {
            franchise = franchise_due(e, d, etat, reste, journal)?;
            reste -= franchise;
        }
    }

    let net = reste;
    if participation_forfaitaire + franchise + participation_18 > Decimal::ZERO {
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "AMO versé : {} − {} = {} (participations et franchises : jamais remboursées par MGEN, contrat responsable)",
                Euros(brut),
                Euros(participation_forfaitaire + franchise + participation_18),
                Euros(net)
            ),
            "R.871-2",
            None,
            "Code de la sécurité sociale, art. R.871-2 (contrat responsable)",
        );
    }
    Ok(CalculAmo {
        base,
        taux_reference,
        taux_effectif,
        part_exoneree,
        motif_exoneration: motif.or(lourd.then(|| "acte lourd (R.160-16)".to_string())),
        part: PartAmo {
            brut,
            participation_forfaitaire,
            franchise,
            participation_18,
            net,
        },
    })
}

fn a_saisir(e: &Entree<'_>, pourquoi: String) -> ErreurEstimation {
    ErreurSaisie::new(
        format!("{}.brss", e.chemin),
        format!("base de remboursement à saisir : {pourquoi}"),
    )
    .into()
}

fn base_par_defaut(e: &Entree<'_>, journal: &mut Journal) -> Result<Decimal, ErreurEstimation> {
    let cecite = e.acte.cecite == Some(true);
    let candidate = e.cat.bases.iter().find(|b| {
        b.age_min.is_none_or(|a| e.age >= a)
            && b.age_max.is_none_or(|a| e.age < a)
            && b.cecite.is_none_or(|c| c == cecite)
            && match (&e.acte.code_lpp, &b.code_lpp) {
                (Some(code), Some(bc)) => code == bc,
                _ => true,
            }
    });
    let Some(b) = candidate else {
        let pourquoi = if e.cat.bases.is_empty() {
            format!("pas de base par défaut pour « {} »", e.cat.libelle)
        } else if let Some(code) = &e.acte.code_lpp {
            format!(
                "aucune base connue pour le code LPP {code} dans ce cas (âge {} ans)",
                e.age
            )
        } else {
            format!(
                "pas de base par défaut pour « {} » dans ce cas (âge {} ans{})",
                e.cat.libelle,
                e.age,
                if cecite { ", cécité" } else { "" }
            )
        };
        return Err(a_saisir(e, pourquoi));
    };
    let id = b.parametre.as_str();
    let v = param(e.amo, id, e.date)?;
    let Some(unitaire) = v.valeur else {
        return Err(a_saisir(
            e,
            format!(
                "aucune valeur connue de « {} » au {} ({})",
                libelle_param(e.amo, id),
                date_fr(e.date),
                v.note.clone().unwrap_or_default()
            ),
        ));
    };
    let q = Decimal::from(e.acte.quantite);
    let total = unitaire * q;
    let code = match (&e.acte.code_lpp, &b.code_lpp) {
        (None, Some(c)) => Valeur::Chaine(journal.ecrire(format_args!(
            " ; code LPP {c} retenu, saisir la base pour un autre code"
        ))),
        _ => Valeur::Statique(""),
    };
    let libelle = Valeur::Chaine(journal.chaine(libelle_param(e.amo, id)));
    let formule = if e.acte.quantite == 1 {
        texte!(
            "Base de remboursement : {} ({}, valeur en vigueur au {}{})",
            Euros(unitaire),
            libelle,
            e.date,
            code
        )
    } else {
        texte!(
            "Base de remboursement : {} × {} = {} ({}, valeur en vigueur au {}{})",
            Euros(unitaire),
            e.acte.quantite,
            Euros(total),
            libelle,
            e.date,
            code
        )
    };
    journal.noter(
        GenreExplication::Calcul,
        formule,
        Copie(id),
        Some(v.depuis),
        Copie(&v.source),
    );
    Ok(total)
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

fn participation<'a>(
    e: &Entree<'a>,
    etat: &mut EtatAmo<'a>,
    disponible: Decimal,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let date = e.date;
    let id = "participation_forfaitaire.montant";
    let id_an = "participation_forfaitaire.plafond_annuel";
    let id_jour = "participation_forfaitaire.plafond_journalier";
    let annee = date.year();
    let mut r = Retenue::due(
        "Participation forfaitaire",
        param_connu(e.amo, id, date)?,
        id,
        e.acte.quantite,
        journal,
    );
    let praticien = e.acte.praticien.as_deref();
    if let Some(cle) = &praticien {
        let jour = etat.pf_jour.get(cle);
        r.plafonner(param_connu(e.amo, id_jour, date)?, id_jour, jour, |p, d, k, noter| {
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
    r.plafonner(param_connu(e.amo, id_an, date)?, id_an, utilise_an, |p, d, k, noter| {
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

fn franchise_due<'a>(
    e: &Entree<'a>,
    kind: Deduction,
    etat: &mut EtatAmo<'a>,
    disponible: Decimal,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    let date = e.date;
    let (id, id_jour, quoi) = match kind {
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
    let id_an = "franchise.plafond_annuel";
    let annee = date.year();
    let mut r = Retenue::due(
        quoi,
        param_connu(e.amo, id, date)?,
        id,
        e.acte.quantite,
        journal,
    );
    if let Some(id_jour) = id_jour {
        let jour = etat.franchise_jour.get(&kind);
        r.plafonner(
            param_connu(e.amo, id_jour, date)?,
            id_jour,
            jour,
            |p, d, k, noter| {
                noter(texte!(
                "Plafond journalier de cette franchise ({}) : {} déjà retenu le {}, {} retenu ici",
                p,
                d,
                date,
                k
            ))
            },
        );
    }
    let utilise_an =
        e.situation.deja_montant(annee, |d| d.franchises) + etat.franchise_annee.get(&annee);
    r.plafonner(
        param_connu(e.amo, id_an, date)?,
        id_an,
        utilise_an,
        |p, d, k, noter| {
            noter(texte!(
                "Plafond annuel des franchises ({}) : {} déjà retenu en {}, {} retenu ici",
                p,
                d,
                annee,
                k
            ))
        },
    );
    let retenu = r.au_plus(disponible, "Franchise");
    etat.franchise_jour.ajouter(kind, retenu);
    etat.franchise_annee.ajouter(annee, retenu);
    Ok(retenu)
}
