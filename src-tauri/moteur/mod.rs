//! The estimation engine: situation + acts + MGEN barèmes + AMO parameters +
//! catalogue → per offer, per act, the AMO part (with its deductions), the
//! MGEN part, the reste à charge, and the explanation of every amount.
//!
//! Pure: no I/O, no clock, no Tauri, no SQLite. Every date comes from the
//! situation; the tables come as arguments.
//!
//! How an estimate runs ([`estimer`]):
//! 1. the situation is checked against the catalogue ([`validation`]), which
//!    gives each act's catalogue entry; the maternité window is computed
//!    ([`maternite`]);
//! 2. acts are taken in date order (input order within a day) and prepared
//!    once for every offer ([`preparation::Preparation::preparer`]): the
//!    barème in force at the act's date ([`baremes_utilises`]), the frais
//!    réels, the AMO part ([`part_amo`]: base, rate, deductions with caps
//!    running across the acts), the Annexe lines of the act's components
//!    and the principe indemnitaire's ceiling;
//! 3. for each offer asked ([`estimer_offre`]), MGEN's part is computed act
//!    by act with that offer's limits and envelopes ([`part_mgen`]),
//!    starting from `assure.deja_utilise`, then the reste à charge;
//! 4. results are listed in input order; totals are the sums of the
//!    amounts shown.
//!
//! Explanations and act warnings are built as data: every line and warning
//! goes into the estimate's [`journal::Journal`] (sentence models of
//! [`texte`] with their values, strings copied into one buffer), written
//! out in French only when the result is serialized, printed or compared;
//! each act result names its lines and warnings in the shared journal
//! ([`Explications`], [`Avertissements`]): those every offer shares (frais
//! réels, AMO part), then the offer's own.
//!
//! Rounding: each amount is rounded to the cent, half away from zero, as soon
//! as it is computed (AMO gross per act, each MGEN component); deductions and
//! forfaits are already in cents; the reste à charge is a difference of
//! cents. The explanation says when a rounding changed a value.

pub mod baremes_utilises;
pub mod catalogue;
pub mod chaine;
pub mod codes_devis;
pub mod erreur;
pub mod format;
pub mod foyer;
pub mod journal;
pub mod lecture;
pub mod maternite;
pub mod optique;
pub mod panier;
pub mod part_amo;
pub mod part_mgen;
pub mod preparation;
pub mod resultat;
pub mod situation;
pub mod texte;
pub mod validation;

pub use catalogue::{catalogue_livre, Catalogue};
pub use erreur::{ErreurEstimation, ErreurSaisie};
pub use journal::{AvertissementActe, Avertissements, Explication, Explications};
pub use resultat::*;
pub use situation::*;

use crate::tarifs::amo::{parametres_livres, ParametresAmo, PREMIERE_DATE_COUVERTE};
use crate::tarifs::cent_pour_cent_sante::{reforme_livree, ReformeSante};
use crate::tarifs::{Bareme, Offre, OffreBareme};
use crate::texte;
use chrono::{Datelike, NaiveDate};
use erreur::CheminActe;
use format::date_fr;
use format::{centimes, Somme};
use journal::Journal;
use maternite::Fenetre;
use part_amo::param_connu;
use part_mgen::{ActePrepare, Contexte, EtatOffre};
use preparation::Preparation;
use rust_decimal::Decimal;
use std::sync::Arc;
use texte::Valeur::Euros;

/// Said once per estimate about rounding.
pub const ARRONDI: &str = "Montants arrondis au centime, au plus proche (un demi-centime est arrondi au centime supérieur), acte par acte ; les totaux sont la somme des montants affichés.";

/// Printed with every estimate.
pub const MENTION: &str = "Estimation indicative, établie d'après le barème MGEN et les valeurs de la Sécurité sociale indiqués ; le remboursement réel dépend des factures et des droits à la date des soins.";

/// The barème in force at `date`: the newest whose date of effect is on or
/// before it.
pub fn bareme_au(baremes: &[Bareme], date: NaiveDate) -> Option<&Bareme> {
    baremes
        .iter()
        .filter(|b| b.en_vigueur_le <= date)
        .max_by_key(|b| b.en_vigueur_le)
}

/// Age in whole years at `date`.
pub fn age_au(naissance: NaiveDate, date: NaiveDate) -> u32 {
    let mut a = date.year() - naissance.year();
    if (date.month(), date.day()) < (naissance.month(), naissance.day()) {
        a -= 1;
    }
    a.max(0) as u32
}

/// The tables an estimate reads: the MGEN barèmes, the AMO parameters, the
/// catalogue of acts and the 100 % Santé rules.
#[derive(Clone, Copy)]
pub struct Tables<'a> {
    pub baremes: &'a [Bareme],
    pub amo: &'a ParametresAmo,
    pub catalogue: &'a Catalogue,
    pub sante: &'a ReformeSante,
}

impl<'a> Tables<'a> {
    /// These barèmes with the tables shipped in the binary.
    pub fn livrees(baremes: &'a [Bareme]) -> Self {
        Tables {
            baremes,
            amo: parametres_livres(),
            catalogue: catalogue_livre(),
            sante: reforme_livree(),
        }
    }
}

/// Estimates a situation and, when the devis gives one, its 100 % Santé
/// alternative (the same member, the alternative's acts instead of the
/// chosen ones). Errors name the faulty input by its JSON path.
pub fn estimer(situation: &Situation, tables: &Tables<'_>) -> Result<Resultat, ErreurEstimation> {
    let mut resultat = estimer_actes(situation, tables)?;
    if let Some(actes) = &situation.alternative_100_sante {
        let alternative = Situation {
            actes: actes.clone(),
            alternative_100_sante: None,
            ..situation.clone()
        };
        let r = estimer_actes(&alternative, tables).map_err(|e| e.dans("alternative_100_sante"))?;
        resultat.alternative_100_sante = Some(r.offres);
    }
    Ok(resultat)
}

/// Estimates the acts of a situation. Errors name the faulty input by its
/// JSON path.
fn estimer_actes(situation: &Situation, tables: &Tables<'_>) -> Result<Resultat, ErreurEstimation> {
    let mut r = estimer_membres(std::slice::from_ref(situation), tables).map_err(|(_, e)| e)?;
    Ok(r.remove(0))
}

/// Estimates the acts of the persons `membres` together (one for a single
/// member, the household's for [`foyer`]), all under the first one's
/// offers: each person's estimate, its acts in input order. An error comes
/// with the position of the person whose input is at fault.
///
/// Read top-down: each situation is checked against the catalogue; its
/// maternité window is computed; each act, in date order, is prepared once
/// for every offer (barème, frais réels, AMO part with that person's caps,
/// Annexe lines, principe indemnitaire: [`Preparation::preparer`]); then
/// each offer asked prices every act of the household in date order
/// ([`estimer_offre`]), with the limits and envelopes the household shares
/// ([`part_mgen`]), and totals each person's.
pub(crate) fn estimer_membres(
    membres: &[Situation],
    tables: &Tables<'_>,
) -> Result<Vec<Resultat>, (usize, ErreurEstimation)> {
    let amo = tables.amo;
    let mut actes_catalogue = Vec::with_capacity(membres.len());
    let mut maternites = Vec::with_capacity(membres.len());
    for (k, s) in membres.iter().enumerate() {
        actes_catalogue
            .push(validation::valider_et_trouver(s, tables.catalogue).map_err(|e| (k, e.into()))?);
        maternites.push(fenetre_maternite(s, amo).map_err(|e| (k, e))?);
    }
    let n_actes: usize = membres.iter().map(|s| s.actes.len()).sum();
    // About eight lines per act shared by the offers, six per offer.
    // (a capacity only: the offers are known once the acts are prepared)
    let n_offres = match membres.first().and_then(|s| s.offre) {
        Some(_) => 1,
        None => tables
            .baremes
            .iter()
            .map(|b| b.offres.len())
            .max()
            .unwrap_or(4),
    };
    let mut journal = Journal::avec_capacite(n_actes * (8 + 6 * n_offres));

    let mut preparations = Vec::with_capacity(membres.len());
    let mut prepares = Vec::with_capacity(membres.len());
    for (k, s) in membres.iter().enumerate() {
        let mut preparation = Preparation::new(s, tables, maternites[k].as_ref());
        let actes = ordre_des_soins(s)
            .into_iter()
            .map(|i| preparation.preparer(i, actes_catalogue[k][i], &mut journal))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| (k, e))?;
        preparations.push(preparation);
        prepares.push(actes);
    }

    let ctxs: Vec<Contexte<'_>> = membres
        .iter()
        .zip(&preparations)
        .map(|(situation, p)| Contexte {
            situation,
            membres,
            amo,
            lignes: &p.lignes,
        })
        .collect();
    let ordre = ordre_du_foyer(&prepares);
    let grille = grille_des_offres(membres, tables, &prepares).map_err(|e| (0, e))?;
    let offres = offres_demandees(membres, grille).map_err(|e| (0, e))?;
    let mut par_offre = Vec::with_capacity(offres.len());
    for offre in offres {
        par_offre.push(estimer_offre(
            &ctxs,
            &prepares,
            &ordre,
            offre,
            &mut journal,
        )?);
    }
    let journal = Arc::new(journal);
    let mut resultats: Vec<Vec<ResultatOffre>> = membres.iter().map(|_| Vec::new()).collect();
    for offre in par_offre {
        for (k, mut o) in offre.into_iter().enumerate() {
            for a in o.actes.iter_mut() {
                a.explications.relier(&journal);
                a.avertissements.relier(&journal);
            }
            resultats[k].push(o);
        }
    }
    Ok(resultats
        .into_iter()
        .zip(membres.iter().zip(&preparations).zip(&maternites))
        .map(|(offres, ((s, p), m))| resultat(s, offres, p, m.as_ref(), amo))
        .collect())
}

/// The grid whose offers the estimate compares, in its column order, with
/// their printed names: the one in force at the situation's date (the
/// first act's when none is), whatever the acts' own dates.
fn grille_des_offres<'a>(
    membres: &[Situation],
    tables: &Tables<'a>,
    prepares: &[Vec<ActePrepare<'a>>],
) -> Result<&'a Bareme, ErreurEstimation> {
    membres
        .first()
        .and_then(|s| bareme_au(tables.baremes, s.date))
        .or_else(|| prepares.iter().flatten().next().map(|p| p.bareme))
        .ok_or_else(|| ErreurEstimation::Donnees("aucun barème MGEN".to_string()))
}

/// The offers asked: the member's when the situation names one (it must
/// be an offer of the grid), else every offer of the grid.
fn offres_demandees<'a>(
    membres: &[Situation],
    grille: &'a Bareme,
) -> Result<Vec<&'a OffreBareme>, ErreurEstimation> {
    match membres.first().and_then(|s| s.offre) {
        None => Ok(grille.offres.iter().collect()),
        Some(o) => match grille.offre(o) {
            Some(offre) => Ok(vec![offre]),
            None => {
                let codes: Vec<&str> = grille.codes_offres().map(|c| c.code()).collect();
                Err(ErreurSaisie::new(
                    "offre",
                    format!(
                        "offre inconnue « {o} » (offres du barème « {} », en vigueur le {} : {})",
                        grille.nom,
                        date_fr(grille.en_vigueur_le),
                        codes.join(", ")
                    ),
                )
                .into())
            }
        },
    }
}

/// One person's estimate from the offers priced.
fn resultat(
    situation: &Situation,
    offres: Vec<ResultatOffre>,
    preparation: &Preparation<'_>,
    maternite: Option<&Fenetre>,
    amo: &ParametresAmo,
) -> Resultat {
    Resultat {
        date: situation.date,
        offres,
        baremes: preparation
            .baremes_utilises
            .baremes()
            .map(|b| BaremeUtilise {
                nom: b.nom.clone(),
                en_vigueur_le: b.en_vigueur_le,
                source: b.source.clone(),
            })
            .collect(),
        amo_verifie_jusqu_au: amo.verifie_jusqu_au,
        maternite: maternite.map(Fenetre::periode),
        avertissements: preparation.avertissements(),
        arrondi: ARRONDI.to_string(),
        mention: MENTION.to_string(),
        alternative_100_sante: None,
    }
}

/// The maternité window of a pregnancy (from the month `maternite.mois_debut`
/// of pregnancy to `maternite.jours_apres_accouchement` days after the
/// birth), with the parameters in force at the start of the pregnancy.
fn fenetre_maternite(
    situation: &Situation,
    amo: &ParametresAmo,
) -> Result<Option<Fenetre>, ErreurEstimation> {
    let Some(g) = &situation.assure.grossesse else {
        return Ok(None);
    };
    let date = g.debut.max(PREMIERE_DATE_COUVERTE);
    let (mois, _) = param_connu(amo, "maternite.mois_debut", date)?;
    let (jours, _) = param_connu(amo, "maternite.jours_apres_accouchement", date)?;
    Ok(Fenetre::calculer(
        g,
        u32::try_from(mois.trunc().mantissa()).unwrap_or(6),
        u64::try_from(jours.trunc().mantissa()).unwrap_or(12),
    ))
}

/// The acts' positions in date order (input order within a day): caps,
/// limits and envelopes are consumed in that order.
fn ordre_des_soins(situation: &Situation) -> Vec<usize> {
    let mut ordre: Vec<usize> = (0..situation.actes.len()).collect();
    ordre.sort_by_key(|&i| (situation.actes[i].date.unwrap_or(situation.date), i));
    ordre
}

/// The household's acts in date order: (person, position in that
/// person's prepared acts), by date, then person, then input order within
/// a day. Shared limits and envelopes are consumed in that order.
fn ordre_du_foyer(prepares: &[Vec<ActePrepare<'_>>]) -> Vec<(usize, usize)> {
    let mut ordre: Vec<(usize, usize)> = prepares
        .iter()
        .enumerate()
        .flat_map(|(k, actes)| (0..actes.len()).map(move |j| (k, j)))
        .collect();
    ordre.sort_by_key(|&(k, j)| (prepares[k][j].date, k, j));
    ordre
}

/// One offer: MGEN's part of each act of the household in date order
/// (limits and envelopes run across the acts, from each person's
/// `assure.deja_utilise`), the reste à charge, then each person's acts in
/// input order and their totals.
fn estimer_offre(
    ctxs: &[Contexte<'_>],
    prepares: &[Vec<ActePrepare<'_>>],
    ordre: &[(usize, usize)],
    offre: &OffreBareme,
    journal: &mut Journal,
) -> Result<Vec<ResultatOffre>, (usize, ErreurEstimation)> {
    let mut etat = EtatOffre::new(ctxs.first().map_or(&[][..], |c| c.membres));
    let mut actes: Vec<Vec<ResultatActe>> = prepares
        .iter()
        .map(|p| Vec::with_capacity(p.len()))
        .collect();
    for &(k, j) in ordre {
        etat.pour(k);
        let p = &prepares[k][j];
        offre_du_bareme_de_l_acte(p, offre).map_err(|e| (k, e))?;
        actes[k]
            .push(estimer_acte(&ctxs[k], p, offre.code, &mut etat, journal).map_err(|e| (k, e))?);
    }
    let offre_code = offre.code;
    Ok(actes
        .into_iter()
        .map(|mut actes| {
            actes.sort_by_key(|a| a.index);
            let totaux = totaliser(&actes);
            ResultatOffre {
                offre: offre_code,
                libelle: offre.libelle.clone(),
                lecture_a_confirmer: actes.iter().any(|a| a.lecture_a_confirmer),
                actes,
                totaux,
            }
        })
        .collect())
}

/// An act dated under another grid than the estimate's must find the
/// offer there too: grids with other offers are not compared across.
fn offre_du_bareme_de_l_acte(
    p: &ActePrepare<'_>,
    offre: &OffreBareme,
) -> Result<(), ErreurEstimation> {
    if p.bareme.offre(offre.code).is_some() {
        return Ok(());
    }
    Err(ErreurSaisie::new(
        format!("{}.date", CheminActe(p.index)),
        format!(
            "les soins du {} relèvent du barème « {} » (en vigueur le {}), qui n'a pas l'offre {} : estimez-les à part",
            date_fr(p.date),
            p.bareme.nom,
            date_fr(p.bareme.en_vigueur_le),
            offre.libelle
        ),
    )
    .into())
}

/// One act under one offer: MGEN's part, then the reste à charge.
fn estimer_acte<'a>(
    ctx: &Contexte<'a>,
    p: &ActePrepare<'a>,
    offre: Offre,
    etat: &mut EtatOffre<'a>,
    journal: &mut Journal,
) -> Result<ResultatActe, ErreurEstimation> {
    let debut = journal.position();
    let debut_avertissements = journal.position_avertissements();
    let m = part_mgen::calculer(ctx, p, offre, etat, journal)?;
    // A doubtful reading of the MGEN table, or a value of the AMO part or of
    // the basket marked « lecture à confirmer » (warned once for the act, in
    // the lines every offer shares).
    let (mgen, lecture_mgen) = (m.montant, m.lecture_a_confirmer);
    let lecture_a_confirmer = lecture_mgen
        || journal.a_averti(
            p.avertissements.clone(),
            CodeAvertissement::LectureAConfirmer,
        );
    let reste_a_charge = reste_a_charge(p, mgen, journal);
    Ok(ResultatActe {
        index: p.index as u32,
        code: p.code.clone(),
        libelle: p.libelle.clone(),
        date: p.date,
        quantite: p.acte.quantite,
        frais_reels: p.frais_reels_centimes,
        brss: p.brss_centimes,
        taux_amo: p.amo.taux_effectif,
        amo: p.amo_centimes.clone(),
        mgen: centimes(mgen),
        reste_a_charge: centimes(reste_a_charge),
        lignes_annexe: p.lignes_annexe.clone(),
        bareme: p.nom_bareme.clone(),
        lecture_a_confirmer,
        explications: Explications::en_attente(p.communes.clone(), debut..journal.position()),
        avertissements: Avertissements::en_attente(
            p.avertissements.clone(),
            debut_avertissements..journal.position_avertissements(),
        ),
    })
}

/// Reste à charge = frais réels − AMO paid − MGEN, with the MGEN amount's
/// and this difference's explanation lines.
fn reste_a_charge(p: &ActePrepare<'_>, mgen: Decimal, journal: &mut Journal) -> Decimal {
    let amo = p.amo.part.net;
    let reste = p.frais_reels - amo - mgen;
    journal.noter(
        GenreExplication::Calcul,
        texte!("MGEN : {}", Euros(mgen)),
        "MGEN",
        Some(p.bareme.en_vigueur_le),
        p.source_bareme,
    );
    journal.noter(
        GenreExplication::Calcul,
        texte!(
            "Reste à charge : {} − {} (AMO) − {} (MGEN) = {}",
            Euros(p.frais_reels),
            Euros(amo),
            Euros(mgen),
            Euros(reste)
        ),
        "reste à charge",
        None,
        "Frais réels − AMO versé − MGEN",
    );
    reste
}

/// The totals of an offer: the sums of the amounts shown (two decimals
/// too).
fn totaliser(actes: &[ResultatActe]) -> Totaux {
    let mut sommes = [Somme::default(); 9];
    for a in actes {
        for (s, m) in sommes.iter_mut().zip(&a.montants()) {
            s.ajouter(*m);
        }
    }
    let [frais_reels, brss, brut, participation_forfaitaire, franchise, participation_18, net, mgen, reste_a_charge] =
        sommes.map(Somme::total);
    Totaux {
        frais_reels,
        brss,
        amo: PartAmo {
            brut,
            participation_forfaitaire,
            franchise,
            participation_18,
            net,
        },
        mgen,
        reste_a_charge,
    }
}
