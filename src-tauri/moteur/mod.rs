//! The estimation engine: situation + acts + MGEN barèmes + AMO parameters +
//! catalogue → per offer, per act, the AMO part (with its deductions), the
//! MGEN part, the reste à charge, and the explanation of every amount.
//!
//! Pure: no I/O, no clock, no Tauri, no SQLite. Every date comes from the
//! situation; the tables come as arguments.
//!
//! How an estimate runs ([`estimer`]):
//! 1. the situation is checked against the catalogue ([`validation`]), which
//!    gives each act's catalogue entry;
//! 2. acts are taken in date order (input order within a day); for each, the
//!    barème in force at its date ([`baremes_utilises`]), the AMO parameters
//!    at its date, the catalogue components and their Annexe lines are
//!    resolved, and the AMO part and the principe indemnitaire's ceiling are
//!    computed once ([`part_amo`]: caps on participations and franchises run
//!    across the acts);
//! 3. for each offer asked, MGEN's part is computed act by act with that
//!    offer's limits and envelopes ([`part_mgen`]), starting from
//!    `assure.deja_utilise`;
//! 4. results are listed in input order; totals are the sums of the
//!    amounts shown.
//!
//! Explanations and act warnings are built as data: every line and warning
//! goes into the estimate's [`journal::Journal`] (sentence models of
//! [`texte`] with their values, strings copied once into one buffer),
//! written out in French only when the result is serialized, printed or
//! compared; each act result names its
//! lines and warnings in the shared journal ([`Explications`],
//! [`Avertissements`]): those every offer shares (frais réels, AMO part),
//! then the offer's own.
//!
//! Rounding: each amount is rounded to the cent, half away from zero, as soon
//! as it is computed (AMO gross per act, each MGEN component); deductions and
//! forfaits are already in cents; the reste à charge is a difference of
//! cents. The explanation says when a rounding changed a value.

pub mod baremes_utilises;
pub mod catalogue;
pub mod chaine;
pub mod erreur;
pub mod format;
pub mod journal;
pub mod lecture;
pub mod maternite;
pub mod optique;
pub mod part_amo;
pub mod part_mgen;
pub mod resultat;
pub mod situation;
pub mod texte;
pub mod validation;

pub use catalogue::{catalogue_livre, Catalogue};
pub use erreur::{ErreurEstimation, ErreurSaisie};
pub use journal::{AvertissementActe, Avertissements, Explication, Explications};
pub use resultat::*;
pub use situation::*;

use crate::tarifs::amo::ParametresAmo;
use crate::tarifs::{Bareme, Offre};
use crate::texte;
use baremes_utilises::BaremesUtilises;
use chaine::Chaines;
use chrono::{Datelike, NaiveDate};
use format::{centimes, date_fr, Somme};
use journal::{Copie, Journal};
use maternite::Fenetre;
use part_amo::{param_connu, EtatAmo};
use part_mgen::{ActePrepare, Contexte, EtatOffre, LigneActe};
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

/// Estimates a situation. Errors name the faulty input by its JSON path.
pub fn estimer(
    situation: &Situation,
    baremes: &[Bareme],
    amo: &ParametresAmo,
    catalogue: &Catalogue,
) -> Result<Resultat, ErreurEstimation> {
    let actes_catalogue = validation::valider_et_trouver(situation, catalogue)?;
    let mut avertissements: Vec<Avertissement> = Vec::new();

    let maternite = match &situation.assure.grossesse {
        None => None,
        Some(g) => {
            let (mois, _) = param_connu(amo, "maternite.mois_debut", g.debut.max(amo::premiere()))?;
            let (jours, _) = param_connu(
                amo,
                "maternite.jours_apres_accouchement",
                g.debut.max(amo::premiere()),
            )?;
            Fenetre::calculer(
                g,
                u32::try_from(mois.trunc().mantissa()).unwrap_or(6),
                u64::try_from(jours.trunc().mantissa()).unwrap_or(12),
            )
        }
    };

    // Date order, input order within a day.
    let mut ordre: Vec<usize> = (0..situation.actes.len()).collect();
    ordre.sort_by_key(|&i| (situation.actes[i].date.unwrap_or(situation.date), i));

    let offres: Vec<Offre> = match situation.offre {
        Some(o) => vec![o],
        None => Offre::ALL.to_vec(),
    };
    // About eight lines per act shared by the offers, six per offer.
    let mut journal = Journal::avec_capacite(situation.actes.len() * (8 + 6 * offres.len()));
    let mut etat_amo = EtatAmo::default();
    let mut prepares: Vec<ActePrepare<'_>> = Vec::with_capacity(ordre.len());
    // The components of every act, each act naming its range.
    let mut lignes: Vec<LigneActe<'_>> = Vec::with_capacity(ordre.len() * 2);
    let mut baremes_utilises = BaremesUtilises::default();
    let mut anciens: Vec<NaiveDate> = Vec::new();
    let mut amo_non_verifie: Vec<NaiveDate> = Vec::new();
    for &i in &ordre {
        let acte = &situation.actes[i];
        let chemin = erreur::CheminActe(i);
        let cat = actes_catalogue[i];
        let date = acte.date.unwrap_or(situation.date);
        let bareme = bareme_au(baremes, date).ok_or_else(|| {
            ErreurSaisie::new(
                format!("{chemin}.date"),
                format!("aucun barème MGEN en vigueur au {}", date_fr(date)),
            )
        })?;
        if date < amo::premiere() {
            return Err(ErreurSaisie::new(
                format!("{chemin}.date"),
                format!(
                    "aucune valeur de la Sécurité sociale avant le {}",
                    date_fr(amo::premiere())
                ),
            )
            .into());
        }
        let reperes = baremes_utilises.bareme(bareme, &mut journal);
        let (nom_bareme, source_bareme) = (reperes.nom, reperes.source);
        let age = age_au(situation.assure.date_naissance, date);
        let debut_communes = journal.position();
        let frais_reels = match acte.frais_reels {
            Some(fr) => fr,
            None => {
                // Only the forfait journalier may omit it (checked by validation).
                let id = cat
                    .mgen
                    .iter()
                    .find_map(|c| c.forfait_journalier.as_deref())
                    .unwrap_or("forfait_journalier.hospitalier");
                let (fj, v) = param_connu(amo, id, date)?;
                let jours = acte.jours.unwrap_or(acte.quantite);
                let fr = fj * Decimal::from(jours);
                journal.noter(
                    GenreExplication::Calcul,
                    texte!(
                        "Frais réels non saisis : forfait journalier en vigueur au {} ({}) × {} jour(s) = {}",
                        date,
                        Euros(fj),
                        jours,
                        Euros(fr)
                    ),
                    Copie(id),
                    Some(v.depuis),
                    Copie(&v.source),
                );
                fr
            }
        };
        let ancien = reperes.ancien_apres.is_some_and(|limite| date > limite);
        if ancien {
            let formule = journal.ecrire(format_args!(
                "Barème MGEN « {} » (en vigueur le {}) plus d'un an avant les soins du {} : montants MGEN selon ce barème ; valeurs de la Sécurité sociale en vigueur au {}",
                bareme.nom,
                date_fr(bareme.en_vigueur_le),
                date_fr(date),
                date_fr(date)
            ));
            journal.noter(
                GenreExplication::Avertissement,
                formule.into(),
                "barème",
                Some(bareme.en_vigueur_le),
                source_bareme,
            );
            anciens.push(date);
        }
        if amo.perime_au(date) {
            amo_non_verifie.push(date);
        }
        let maternite_ref = maternite.as_ref();
        let entree = part_amo::Entree {
            situation,
            amo,
            acte,
            cat,
            chemin,
            date,
            age,
            frais_reels,
            maternite: maternite_ref,
        };
        let debut_avertissements = journal.position_avertissements();
        let calcul = part_amo::calculer(&entree, &mut etat_amo, &mut journal)?;
        let avertissements_communs = debut_avertissements..journal.position_avertissements();
        let debut_lignes = lignes.len();
        let mut refus = None;
        if cat.age_moins_de.is_some_and(|n| age >= n) {
            refus = Some(format!(
                "« {} » est pris en charge avant {} ans seulement ; ici {age} ans",
                cat.libelle,
                cat.age_moins_de.unwrap_or_default()
            ));
        }
        for c in cat
            .mgen
            .iter()
            .filter(|c| refus.is_none() && part_mgen::s_applique(c, acte, situation))
        {
            let Some(v) = part_mgen::variante(c, acte, date, age, situation) else {
                refus = Some(
                    "Frais d'accompagnant : pris en charge pour un patient de moins de 16 ans, de plus de 70 ans ou en situation de handicap"
                        .to_string(),
                );
                lignes.truncate(debut_lignes);
                break;
            };
            let rangee = bareme.rangee(&c.ligne, |l| v.est(&l.variante));
            let ligne = match rangee {
                Some(l) => l,
                None => return Err(combinaison_absente(chemin, c, &v, bareme)),
            };
            let unites = c
                .dents_au_dela_de
                .map(|n| acte.dents.unwrap_or(0).saturating_sub(n));
            lignes.push(LigneActe::new(c, ligne, unites, &mut journal));
        }
        let amo_centimes = PartAmo {
            brut: centimes(calcul.part.brut),
            participation_forfaitaire: centimes(calcul.part.participation_forfaitaire),
            franchise: centimes(calcul.part.franchise),
            participation_18: centimes(calcul.part.participation_18),
            net: centimes(calcul.part.net),
        };
        let plafond = part_mgen::plafond_indemnitaire(frais_reels, &calcul, &mut journal);
        let communes = debut_communes..journal.position();
        let lignes_annexe = Chaines::distinctes(
            lignes[debut_lignes..]
                .iter()
                .filter(|_| refus.is_none())
                .map(|l| &l.id),
        );
        let (code, libelle) = cat.noms();
        prepares.push(ActePrepare {
            index: i,
            acte,
            cat,
            date,
            age,
            bareme,
            frais_reels,
            frais_reels_centimes: centimes(frais_reels),
            brss_centimes: centimes(calcul.base),
            amo_centimes,
            code,
            libelle,
            nom_bareme,
            amo: calcul,
            plafond,
            lignes: debut_lignes..lignes.len(),
            lignes_annexe,
            avertissements: avertissements_communs,
            refus,
            communes,
            source_bareme,
        });
    }

    if let Some(&d) = anciens.iter().max() {
        let b = bareme_au(baremes, d).map(|b| (b.nom.clone(), b.en_vigueur_le));
        if let Some((nom, vig)) = b {
            avertissements.push(Avertissement {
                code: CodeAvertissement::BaremeAncien,
                message: format!(
                    "Le barème MGEN le plus récent disponible (« {nom} », en vigueur le {}) date de plus d'un an avant les soins du {} : les montants MGEN sont ceux de ce barème, les valeurs de la Sécurité sociale sont celles en vigueur à la date des soins",
                    date_fr(vig),
                    date_fr(d)
                ),
            });
        }
    }
    if let Some(&d) = amo_non_verifie.iter().max() {
        avertissements.push(Avertissement {
            code: CodeAvertissement::ParametreAmoNonVerifie,
            message: format!(
                "Valeurs de la Sécurité sociale vérifiées jusqu'au {} seulement ; soins jusqu'au {} : à confirmer",
                date_fr(amo.verifie_jusqu_au),
                date_fr(d)
            ),
        });
    }
    if situation.assure.deja_utilise.is_none() {
        avertissements.push(Avertissement {
            code: CodeAvertissement::Information,
            message: "Consommation antérieure de l'année non renseignée : plafonds, limites et enveloppes comptés à partir de zéro".into(),
        });
    }

    let ctx = Contexte {
        situation,
        amo,
        lignes: &lignes,
    };
    let mut resultats = Vec::with_capacity(offres.len());
    for offre in offres {
        resultats.push(estimer_offre(&ctx, &prepares, offre, &mut journal)?);
    }
    let journal = Arc::new(journal);
    for a in resultats.iter_mut().flat_map(|o| o.actes.iter_mut()) {
        a.explications.relier(&journal);
        a.avertissements.relier(&journal);
    }

    Ok(Resultat {
        date: situation.date,
        offres: resultats,
        baremes: baremes_utilises
            .baremes()
            .map(|b| BaremeUtilise {
                nom: b.nom.clone(),
                en_vigueur_le: b.en_vigueur_le,
                source: b.source.clone(),
            })
            .collect(),
        amo_verifie_jusqu_au: amo.verifie_jusqu_au,
        maternite: maternite.as_ref().map(Fenetre::periode),
        avertissements,
        arrondi: ARRONDI.to_string(),
        mention: MENTION.to_string(),
    })
}

/// The error for a variant the barème lacks: names the act field that chose
/// it, with the values the barème has for that line.
fn combinaison_absente(
    chemin: erreur::CheminActe,
    c: &catalogue::Composante,
    v: &part_mgen::Variante<'_>,
    bareme: &Bareme,
) -> ErreurEstimation {
    for s in &c.selon {
        let Some(champ) = s.champ() else { continue };
        let cle = s.cle();
        let mut possibles: Vec<&str> = bareme
            .lignes
            .iter()
            .filter(|l| {
                l.ligne == c.ligne
                    && l.variante
                        .iter()
                        .all(|(k, x)| k == cle || v.get(k) == Some(x.as_str()))
            })
            .filter_map(|l| l.variante.get(cle).map(String::as_str))
            .collect();
        possibles.sort_unstable();
        possibles.dedup();
        let actuelle = v.get(cle).unwrap_or("");
        if !possibles.contains(&actuelle) {
            let quoi = if actuelle.is_empty() {
                "valeur nécessaire ici".to_string()
            } else {
                format!("« {actuelle} » sans rangée du barème dans ce cas")
            };
            return ErreurSaisie::new(
                format!("{chemin}.{}", champ.nom()),
                format!(
                    "{quoi} (ligne {} ; possibles : {})",
                    c.ligne,
                    if possibles.is_empty() {
                        "aucune".to_string()
                    } else {
                        possibles.join(", ")
                    }
                ),
            )
            .into();
        }
    }
    ErreurEstimation::Donnees(format!(
        "ligne {} {:?} absente du barème « {} »",
        c.ligne,
        v.en_map(),
        bareme.nom
    ))
}

fn estimer_offre(
    ctx: &Contexte<'_>,
    prepares: &[ActePrepare<'_>],
    offre: Offre,
    journal: &mut Journal,
) -> Result<ResultatOffre, ErreurEstimation> {
    let mut etat = EtatOffre::new(ctx.situation);
    let mut actes: Vec<ResultatActe> = Vec::with_capacity(prepares.len());
    for p in prepares {
        let debut = journal.position();
        let debut_avertissements = journal.position_avertissements();
        let m = part_mgen::calculer(ctx, p, offre, &mut etat, journal)?;
        let (montant, lecture_a_confirmer) = (m.montant, m.lecture_a_confirmer);
        let amo = &p.amo.part;
        let reste_a_charge = p.frais_reels - amo.net - montant;
        journal.noter(
            GenreExplication::Calcul,
            texte!("MGEN : {}", Euros(montant)),
            "MGEN",
            Some(p.bareme.en_vigueur_le),
            p.source_bareme,
        );
        journal.noter(
            GenreExplication::Calcul,
            texte!(
                "Reste à charge : {} − {} (AMO) − {} (MGEN) = {}",
                Euros(p.frais_reels),
                Euros(amo.net),
                Euros(montant),
                Euros(reste_a_charge)
            ),
            "reste à charge",
            None,
            "Frais réels − AMO versé − MGEN",
        );
        let avertissements = Avertissements::en_attente(
            p.avertissements.clone(),
            debut_avertissements..journal.position_avertissements(),
        );
        actes.push(ResultatActe {
            index: p.index as u32,
            code: p.code.clone(),
            libelle: p.libelle.clone(),
            date: p.date,
            quantite: p.acte.quantite,
            frais_reels: p.frais_reels_centimes,
            brss: p.brss_centimes,
            taux_amo: p.amo.taux_effectif,
            amo: p.amo_centimes.clone(),
            mgen: centimes(montant),
            reste_a_charge: centimes(reste_a_charge),
            lignes_annexe: p.lignes_annexe.clone(),
            bareme: p.nom_bareme.clone(),
            lecture_a_confirmer,
            explications: Explications::en_attente(p.communes.clone(), debut..journal.position()),
            avertissements,
        });
    }
    // Prepared in date order, listed in input order (nothing to do when the
    // input is in date order already).
    if !actes.is_sorted_by_key(|a| a.index) {
        actes.sort_unstable_by_key(|a| a.index);
    }
    let totaux = totaliser(&actes);
    Ok(ResultatOffre {
        offre,
        libelle: offre.label().to_string(),
        lecture_a_confirmer: actes.iter().any(|a| a.lecture_a_confirmer),
        actes,
        totaux,
    })
}

/// The totals of an offer: the sums of the amounts shown (two decimals
/// too), in one pass.
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

mod amo {
    use chrono::NaiveDate;
    pub fn premiere() -> NaiveDate {
        crate::tarifs::amo::PREMIERE_DATE_COUVERTE
    }
}
