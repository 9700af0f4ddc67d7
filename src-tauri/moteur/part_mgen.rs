//! The MGEN part of one act under one offer: the Annexe 2 cells the act's
//! components point to, applied to the base or as forfaits, with
//! - "réduite à due proportion": a ticket-modérateur cell's percentage minus
//!   the share the AMO took over (exonération, maternité, heavy act);
//!   forfaits and fees-beyond-base cells unchanged;
//! - the heavy-act participation (lines 4 and 20) paid up to what the AMO
//!   deducted;
//! - count limits (sessions, devices, implants, crowns, semesters) over their
//!   period, then what the cell pays beyond ("puis …");
//! - annual envelopes shared by several lines (8, 10–14, 15–19, …);
//! - optical renewal and companion conditions;
//! - the principe indemnitaire: MGEN ≤ frais réels − AMO gross (+ the
//!   heavy-act participation MGEN pays), MGEN ≥ 0.
//!
//! Amounts are rounded to the cent per component; the act's MGEN amount is
//! the sum of the rounded components shown.

use super::catalogue::{ActeCatalogue, Composante, Condition, Regle, Role, Selon};
use super::erreur::ErreurEstimation;
use super::format::{arrondi, date_fr, euros, euros_exact, pourcent};
use super::optique::EtatOptique;
use super::part_amo::{expl, param_connu, CalculAmo};
use super::resultat::{Avertissement, CodeAvertissement, Explication, GenreExplication, PartAmo};
use super::situation::{Acte, Situation};
use super::texte::Valeur::{self, Euros, EurosExact, Pourcent};
use super::texte::{Chaine, Libelle};
use crate::tarifs::amo::ParametresAmo;
use crate::tarifs::{AuDela, Bareme, Cellule, Compteur, Ligne, Nature, Offre, Periode, Unite};
use crate::texte;
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

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
    /// The components that apply, with their Annexe line.
    pub lignes: Vec<LigneActe<'a>>,
    /// Why MGEN pays nothing whatever the offer (condition not met).
    pub refus: Option<String>,
    /// Explanation lines shared by all offers before the MGEN part
    /// (frais réels by default, old barème, AMO part).
    pub communes: Arc<[Explication]>,
    /// The barème's name and source, the act's code and label: shared by
    /// the four offers' results.
    pub nom_bareme: Chaine,
    pub source_bareme: Chaine,
    pub code: Chaine,
    pub libelle: Chaine,
    /// The AMO part, frais réels and base in cents as shown: the same under
    /// every offer.
    pub amo_centimes: PartAmo,
    pub frais_reels_centimes: Decimal,
    pub brss_centimes: Decimal,
    pub avertissements: Vec<Avertissement>,
}

/// A component of an act and the Annexe line it points to.
pub struct LigneActe<'a> {
    pub composante: &'a Composante,
    pub ligne: &'a Ligne,
    /// When the component counts teeth beyond a number: those teeth.
    pub unites: Option<u32>,
    /// The line's reference ("26.3.2.1") and source, shared by every
    /// explanation line that cites it.
    pub id: Chaine,
    pub source: Chaine,
}

impl<'a> LigneActe<'a> {
    pub fn new(composante: &'a Composante, ligne: &'a Ligne, unites: Option<u32>) -> Self {
        LigneActe {
            composante,
            ligne,
            unites,
            id: ligne.ligne.as_str().into(),
            source: ligne.source.as_str().into(),
        }
    }
}

/// What the per-offer computation needs besides the act.
pub struct Contexte<'a> {
    pub situation: &'a Situation,
    pub amo: &'a ParametresAmo,
}

/// Consumption of limits and envelopes under one offer, in date order.
#[derive(Debug, Default)]
pub struct EtatOffre {
    /// Amount drawn on each envelope, per calendar year (a handful of
    /// entries: a list is quicker than a map).
    enveloppes: Vec<(Arc<str>, i32, Decimal)>,
    evenements: Vec<(Compteur, NaiveDate, u32)>,
    optique: EtatOptique,
}

impl EtatOffre {
    pub fn new(situation: &Situation) -> Self {
        EtatOffre {
            optique: EtatOptique::new(
                situation
                    .assure
                    .deja_utilise
                    .as_ref()
                    .and_then(|d| d.dernier_equipement_optique),
            ),
            ..Default::default()
        }
    }

    /// What this estimate already drew on envelope `cle` in `annee`.
    fn enveloppe(&self, cle: &str, annee: i32) -> Decimal {
        self.enveloppes
            .iter()
            .find(|(c, a, _)| &**c == cle && *a == annee)
            .map_or(Decimal::ZERO, |(_, _, m)| *m)
    }

    fn puiser(&mut self, cle: &Arc<str>, annee: i32, montant: Decimal) {
        match self
            .enveloppes
            .iter_mut()
            .find(|(c, a, _)| **c == **cle && *a == annee)
        {
            Some((_, _, m)) => *m += montant,
            None => self.enveloppes.push((cle.clone(), annee, montant)),
        }
    }
}

/// The MGEN part of one act; its explanation lines go straight into the
/// act's list (after the AMO lines).
#[derive(Debug)]
pub struct MgenActe<'x> {
    pub montant: Decimal,
    pub explications: &'x mut Vec<Explication>,
    pub avertissements: Vec<Avertissement>,
    pub lignes: Vec<Chaine>,
    pub lecture_a_confirmer: bool,
}

/// Whether a component applies to this act.
pub fn s_applique(c: &Composante, acte: &Acte, situation: &Situation) -> bool {
    let dents = acte.dents.unwrap_or(0);
    c.dents_min.is_none_or(|m| dents >= m)
        && c.dents_max.is_none_or(|m| dents <= m)
        && c.dents_au_dela_de.is_none_or(|m| dents > m)
        && c.si.iter().all(|(cond, attendu)| {
            let v = match cond {
                Condition::ParcoursSoins => Some(situation.assure.parcours_soins),
                Condition::Optam => acte.optam,
                Condition::Reseau => acte.reseau,
                Condition::Conventionne => acte.conventionne,
                Condition::Cecite => Some(acte.cecite == Some(true)),
                Condition::Molaire => acte.dent.map(|d| d == super::situation::Dent::Molaire),
            };
            v == Some(*attendu)
        })
}

/// "oui" / "non"; empty when the act does not say (the barème lookup then
/// fails and the error names the missing field).
fn oui_non(b: Option<bool>) -> String {
    match b {
        Some(true) => "oui",
        Some(false) => "non",
        None => "",
    }
    .to_string()
}

/// The variant a component selects for this act at `date`; `None` when the
/// act falls in no variant the line distinguishes (companion of a patient
/// neither under 16, nor over 70, nor handicapped).
pub fn variante(
    c: &Composante,
    acte: &Acte,
    date: NaiveDate,
    age: u32,
    situation: &Situation,
) -> Option<BTreeMap<String, String>> {
    let mut v = c.variante.clone();
    for s in &c.selon {
        let val = match s {
            Selon::Optam => oui_non(acte.optam),
            Selon::Reseau => oui_non(acte.reseau),
            Selon::Conventionne => oui_non(acte.conventionne),
            Selon::Parcours => if situation.assure.parcours_soins {
                "dans"
            } else {
                "hors"
            }
            .to_string(),
            Selon::Sejour => acte.sejour.map(|s| s.nom()).unwrap_or_default().to_string(),
            Selon::Element(_) => acte.element.clone().unwrap_or_default(),
            Selon::Dent => acte.dent.map(|d| d.nom()).unwrap_or_default().to_string(),
            Selon::Materiau => acte.materiau.clone().unwrap_or_default(),
            // Only the rows of an active treatment distinguish it.
            Selon::Debut => match acte.debut_traitement {
                Some(d) => d.nom().to_string(),
                None => continue,
            },
            Selon::Age(n) => band(age < *n, *n),
            Selon::Audio => {
                if age < 20 {
                    "<20".to_string()
                } else {
                    v.insert("cecite".into(), oui_non(Some(acte.cecite == Some(true))));
                    ">=20".to_string()
                }
            }
            Selon::Accompagnant => {
                let septante = situation
                    .assure
                    .date_naissance
                    .checked_add_months(Months::new(70 * 12))?;
                if age < 16 {
                    "<16".to_string()
                } else if date > septante {
                    ">70".to_string()
                } else if situation.assure.handicap {
                    v.insert("handicap".into(), "oui".into());
                    continue;
                } else {
                    return None;
                }
            }
        };
        v.insert(s.cle().to_string(), val);
    }
    Some(v)
}

fn band(lower: bool, n: u32) -> String {
    if lower {
        format!("<{n}")
    } else {
        format!(">={n}")
    }
}

fn compteur_nom(c: Compteur) -> &'static str {
    match c {
        Compteur::Seances => "séances",
        Compteur::Appareils => "appareils",
        Compteur::Implants => "implants",
        Compteur::Couronnes => "couronnes",
        Compteur::Equipements => "équipements",
        Compteur::Semestres => "semestres",
        Compteur::Dents => "dents",
        Compteur::Elements => "éléments",
    }
}

fn dans_periode(p: Periode, date: NaiveDate, d: NaiveDate) -> bool {
    match p {
        Periode::AnneeCivile => d.year() == date.year(),
        Periode::AnneesCiviles { n } => {
            d.year() <= date.year() && d.year() > date.year() - n as i32
        }
        Periode::Glissante { mois } => {
            d <= date
                && date
                    .checked_sub_months(Months::new(mois))
                    .is_none_or(|start| d > start)
        }
        // One treatment: every earlier act of the situation counts.
        Periode::ParActe => d <= date,
    }
}

fn deja_compteur(situation: &Situation, c: Compteur) -> u32 {
    let Some(d) = situation.assure.deja_utilise.as_ref() else {
        return 0;
    };
    match c {
        Compteur::Seances => d.seances_psychotherapie,
        Compteur::Appareils => d.appareils_auditifs,
        Compteur::Implants => d.implants,
        Compteur::Couronnes => d.couronnes_sur_implant,
        Compteur::Semestres => d.semestres_orthodontie,
        // Counted within one appliance or act: nothing carries over.
        Compteur::Equipements | Compteur::Dents | Compteur::Elements => None,
    }
    .unwrap_or(0)
}

/// Computes MGEN's part of `p` under `offre`.
pub fn calculer<'x>(
    ctx: &Contexte<'_>,
    p: &ActePrepare<'_>,
    offre: Offre,
    etat: &mut EtatOffre,
    explications: &'x mut Vec<Explication>,
) -> Result<MgenActe<'x>, ErreurEstimation> {
    let mut out = MgenActe {
        montant: Decimal::ZERO,
        explications,
        avertissements: Vec::new(),
        lignes: Vec::with_capacity(p.lignes.len()),
        lecture_a_confirmer: false,
    };
    let amo = &p.amo;
    let plafond = (p.frais_reels - amo.part.brut + amo.part.participation_18).max(Decimal::ZERO);
    out.explications.push(expl(
        GenreExplication::Plafond,
        if amo.part.participation_18.is_zero() {
            texte!(
                "Principe indemnitaire : MGEN au plus frais réels − AMO brut = {} − {} = {}",
                Euros(p.frais_reels),
                Euros(amo.part.brut),
                Euros(plafond)
            )
        } else {
            texte!(
                "Principe indemnitaire : MGEN au plus frais réels − AMO brut + participation R.160-16 = {} − {} + {} = {}",
                Euros(p.frais_reels),
                Euros(amo.part.brut),
                Euros(amo.part.participation_18),
                Euros(plafond)
            )
        },
        "principe indemnitaire",
        None,
        "Code de la sécurité sociale, art. R.871-2 ; domaine Guichet",
    ));
    let mut reste = plafond;

    // Conditions of the act itself.
    if let Some(m) = &p.refus {
        refus(
            &mut out,
            CodeAvertissement::ConditionNonRemplie,
            m.clone(),
            format!("Annexe 2, ligne {}", p.cat.lignes.join(", ")).into(),
        );
        return Ok(out);
    }
    if p.lignes.is_empty() {
        let m = p.cat.sans_prestation.clone().unwrap_or_else(|| {
            format!(
                "Aucune prestation MGEN pour « {} » dans ce cas",
                p.cat.libelle
            )
        });
        refus(
            &mut out,
            CodeAvertissement::ConditionNonRemplie,
            m,
            format!("Annexe 2, ligne {}", p.cat.lignes.join(", ")).into(),
        );
        return Ok(out);
    }

    // Optical renewal: decided once for the act.
    let mut unites_optique = None;
    if matches!(p.cat.regle, Regle::OptiqueVerre | Regle::OptiqueMonture) {
        let premiere = &p.lignes[0];
        let cell = premiere.ligne.cellules.get(&offre);
        let mut mois = cell
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
            .unwrap_or(if p.age < 18 { 12 } else { 24 });
        if p.acte.evolution_vue == Some(true) && mois > 12 {
            mois = 12;
            out.explications.push(expl(
                GenreExplication::Limite,
                texte!("Évolution de la vue justifiée : période de renouvellement réduite à un an"),
                "Annexe 2, ligne 25, note **",
                Some(p.bareme.en_vigueur_le),
                &premiere.source,
            ));
        }
        let d = etat.optique.decider(
            p.date,
            p.cat.regle == Regle::OptiqueMonture,
            p.acte.quantite,
            mois,
            ctx.situation.assure.date_adhesion,
        );
        out.explications.push(expl(
            GenreExplication::Limite,
            d.explication,
            "Annexe 2, ligne 25, note **",
            Some(p.bareme.en_vigueur_le),
            &premiere.source,
        ));
        if let Some(r) = d.refus {
            let code = if d.unites_couvertes == 0 && r.contains("renouvellement") {
                CodeAvertissement::HorsRenouvellement
            } else {
                CodeAvertissement::LimiteAtteinte
            };
            out.explications.push(expl(
                GenreExplication::Avertissement,
                r.clone(),
                "Annexe 2, ligne 25, note **",
                Some(p.bareme.en_vigueur_le),
                &premiere.source,
            ));
            out.avertissements.push(Avertissement {
                code,
                message: r.into(),
            });
        }
        if d.unites_couvertes == 0 {
            for l in &p.lignes {
                push_ligne(&mut out, &l.id);
            }
            return Ok(out);
        }
        unites_optique = Some(d.unites_couvertes);
    }

    let mut compteurs_vus: Vec<Compteur> = Vec::new();
    let mut enveloppe_epuisee = false;
    for l in &p.lignes {
        let (comp, ligne) = (l.composante, l.ligne);
        let Some(cell) = ligne.cellules.get(&offre) else {
            return Err(ErreurEstimation::Donnees(format!(
                "ligne {} sans cellule pour {}",
                ligne.ligne,
                offre.label()
            )));
        };
        push_ligne(&mut out, &l.id);
        if let Some(note) = &cell.note {
            out.lecture_a_confirmer = true;
            let m = texte!(
                "{} : lecture à confirmer — {}",
                Valeur::Ligne(l.id.partage(), offre),
                Valeur::Partage(note.as_str().into())
            );
            out.explications.push(expl(
                GenreExplication::Avertissement,
                m.clone(),
                Libelle::LigneAnnexe(l.id.partage()),
                Some(p.bareme.en_vigueur_le),
                &l.source,
            ));
            out.avertissements.push(Avertissement {
                code: CodeAvertissement::LectureAConfirmer,
                message: m,
            });
        }
        if comp.role == Role::AuDelaEnveloppe && !enveloppe_epuisee {
            out.explications.push(expl(
                GenreExplication::Limite,
                texte!(
                    "{} : forfait annuel non épuisé, pas de prise en charge au-delà",
                    Valeur::Ligne(l.id.partage(), offre)
                ),
                Libelle::LigneAnnexe(l.id.partage()),
                Some(p.bareme.en_vigueur_le),
                &l.source,
            ));
            continue;
        }
        let plafond_composante = if comp.role == Role::AuDelaEnveloppe {
            reste + out.montant
        } else {
            reste
        };
        let mut paye = composante(
            ctx,
            p,
            offre,
            l,
            cell,
            etat,
            plafond_composante,
            l.unites.or(unites_optique),
            unites_optique.is_some(),
            &mut compteurs_vus,
            &mut out,
        )?;
        if comp.role == Role::AuDelaEnveloppe {
            let total = paye.max(out.montant);
            out.explications.push(expl(
                GenreExplication::Limite,
                texte!(
                    "{} : forfait annuel épuisé : au moins {} pour l'acte, {} déjà versés, complément {}",
                    Valeur::Ligne(l.id.partage(), offre),
                    Euros(paye),
                    Euros(out.montant),
                    Euros(total - out.montant)
                ),
                Libelle::LigneAnnexe(l.id.partage()),
                Some(p.bareme.en_vigueur_le),
                &l.source,
            ));
            paye = total - out.montant;
        }
        if out
            .avertissements
            .iter()
            .any(|a| a.code == CodeAvertissement::EnveloppeEpuisee)
        {
            enveloppe_epuisee = true;
        }
        reste -= paye;
        out.montant += paye;
    }
    for c in compteurs_vus {
        etat.evenements.push((c, p.date, p.acte.quantite));
    }
    Ok(out)
}

fn push_ligne(out: &mut MgenActe<'_>, l: &Chaine) {
    if !out.lignes.iter().any(|x| x == l) {
        out.lignes.push(l.clone());
    }
}

fn refus(out: &mut MgenActe<'_>, code: CodeAvertissement, m: String, reference: Libelle) {
    out.explications.push(expl(
        GenreExplication::Avertissement,
        format!("{m} : MGEN 0,00 €"),
        reference,
        None,
        "MGEN, Statuts 2018, Annexe 2",
    ));
    out.avertissements.push(Avertissement {
        code,
        message: m.into(),
    });
}

/// Evaluates one component and returns what MGEN pays for it (rounded,
/// within `reste`, the room left under the principe indemnitaire).
#[allow(clippy::too_many_arguments)]
fn composante(
    ctx: &Contexte<'_>,
    p: &ActePrepare<'_>,
    offre: Offre,
    l: &LigneActe<'_>,
    cell: &Cellule,
    etat: &mut EtatOffre,
    reste: Decimal,
    unites_imposees: Option<u32>,
    optique: bool,
    compteurs_vus: &mut Vec<Compteur>,
    out: &mut MgenActe<'_>,
) -> Result<Decimal, ErreurEstimation> {
    let amo = &p.amo;
    let (comp, ligne) = (l.composante, l.ligne);
    let q = p.acte.quantite;
    let nom = Valeur::Ligne(l.id.partage(), offre);
    let reference = Libelle::LigneAnnexe(l.id.partage());
    let effet = Some(p.bareme.en_vigueur_le);
    let source = Libelle::from(&l.source);
    let valeur = || {
        cell.valeur.ok_or_else(|| {
            ErreurEstimation::Donnees(format!("ligne {} : cellule sans valeur", ligne.ligne))
        })
    };
    let tm_pct = Decimal::ONE_HUNDRED - amo.taux_effectif;

    // Units the cell counts.
    let unites = match cell.unite {
        _ if !optique && unites_imposees.is_some() => unites_imposees.unwrap_or(q),
        Some(Unite::Nuitee) => p.acte.nuits.unwrap_or(q),
        Some(Unite::Jour) => p.acte.jours.unwrap_or(q),
        _ if cell.nature == Nature::ForfaitJournalierEnVigueur => p.acte.jours.unwrap_or(q),
        _ => q,
    };
    // Count limits (except optical equipment, decided before).
    let mut couvertes = if optique {
        unites_imposees.unwrap_or(unites).min(unites)
    } else {
        unites
    };
    let mut dents_au_dela = 0;
    for lim in cell
        .limites
        .iter()
        .filter(|l| l.compteur != Compteur::Equipements)
    {
        let dans_l_acte = lim.periode == Periode::ParActe
            && matches!(lim.compteur, Compteur::Dents | Compteur::Elements);
        if dans_l_acte {
            let meme_unite = matches!(
                (lim.compteur, cell.unite),
                (Compteur::Dents, Some(Unite::Dent) | None)
                    | (Compteur::Elements, Some(Unite::Element) | None)
            );
            if meme_unite {
                // The counted thing is the unit: at most `max` units.
                let avant = couvertes;
                couvertes = couvertes.min(lim.max);
                if couvertes < avant {
                    let m = texte!(
                        "{} : au plus {} {} par acte : {} pris en charge sur {}",
                        nom.clone(),
                        lim.max,
                        compteur_nom(lim.compteur),
                        couvertes,
                        unites
                    );
                    out.avertissements.push(Avertissement {
                        code: CodeAvertissement::LimiteAtteinte,
                        message: m.clone(),
                    });
                    out.explications.push(expl(
                        GenreExplication::Limite,
                        m,
                        reference.clone(),
                        effet,
                        &source,
                    ));
                }
            } else {
                // The forfait is per appliance; teeth beyond `max` are paid
                // as the cell says beyond ("puis … / dent").
                let comptees = p.acte.dents.unwrap_or(0);
                dents_au_dela = comptees.saturating_sub(lim.max);
                out.explications.push(expl(
                    GenreExplication::Limite,
                    texte!(
                        "{} : forfait pour {} {} au plus ; appareil de {} dent(s), {} au-delà",
                        nom.clone(),
                        lim.max,
                        compteur_nom(lim.compteur),
                        comptees,
                        dents_au_dela
                    ),
                    reference.clone(),
                    effet,
                    &source,
                ));
            }
            continue;
        }
        let deja = deja_compteur(ctx.situation, lim.compteur);
        let deja = if lim.periode == Periode::ParActe
            || dans_periode(lim.periode, p.date, ctx.situation.date)
        {
            deja
        } else {
            0
        };
        let utilise: u32 = deja
            + etat
                .evenements
                .iter()
                .filter(|(c, d, _)| *c == lim.compteur && dans_periode(lim.periode, p.date, *d))
                .map(|(_, _, n)| *n)
                .sum::<u32>();
        let dispo = lim.max.saturating_sub(utilise);
        let avant = couvertes;
        couvertes = couvertes.min(dispo);
        out.explications.push(expl(
            GenreExplication::Limite,
            texte!(
                "{} : limite de {} {} {} ; déjà utilisé {}, disponible {}, pris en charge ici {} sur {}",
                nom.clone(),
                lim.max,
                compteur_nom(lim.compteur),
                Valeur::Periode(lim.periode),
                utilise,
                dispo,
                couvertes,
                unites
            ),
            reference.clone(),
            effet,
            &source,
        ));
        if couvertes < avant {
            let m = format!(
                "{} : limite de {} {} {} atteinte",
                Valeur::Ligne(l.id.partage(), offre),
                lim.max,
                compteur_nom(lim.compteur),
                Valeur::Periode(lim.periode)
            );
            out.avertissements.push(Avertissement {
                code: CodeAvertissement::LimiteAtteinte,
                message: m.into(),
            });
        }
        if !compteurs_vus.contains(&lim.compteur) {
            compteurs_vus.push(lim.compteur);
        }
    }
    let au_dela_unites = unites - couvertes;
    let part = |n: u32| -> Decimal {
        if unites == 0 {
            Decimal::ZERO
        } else {
            amo.base * Decimal::from(n) / Decimal::from(unites)
        }
    };
    let base_couverte = part(couvertes);

    let mut brut = match cell.nature {
        Nature::Neant => {
            out.explications.push(expl(
                GenreExplication::Calcul,
                texte!("{} : Néant (pas de prise en charge)", nom.clone()),
                reference.clone(),
                effet,
                &source,
            ));
            return Ok(Decimal::ZERO);
        }
        Nature::PourcentageBrss => {
            let v = valeur()?;
            let pct = if comp.role == Role::TicketModerateur && amo.part_exoneree > Decimal::ZERO {
                let r = (v - amo.part_exoneree).max(Decimal::ZERO);
                out.explications.push(expl(
                    GenreExplication::Calcul,
                    texte!(
                        "{} : participation réduite à due proportion ({}) : {} − {} pris en charge par l'AMO = {}",
                        nom.clone(),
                        amo.motif_exoneration.clone().unwrap_or_else(|| "exonération".into()),
                        Pourcent(v),
                        Pourcent(amo.part_exoneree),
                        Pourcent(r)
                    ),
                    reference.clone(),
                    effet,
                    "MGEN, Statuts 2018, Annexe 2, en-tête de chaque tableau",
                ));
                r
            } else {
                v
            };
            let x = base_couverte * pct / Decimal::ONE_HUNDRED;
            out.explications.push(expl(
                GenreExplication::Calcul,
                texte!(
                    "{} : {} × {} = {}",
                    nom.clone(),
                    Pourcent(pct),
                    EurosExact(base_couverte),
                    EurosExact(x)
                ),
                reference.clone(),
                effet,
                &source,
            ));
            x
        }
        Nature::TicketModerateur => {
            let x = base_couverte * tm_pct / Decimal::ONE_HUNDRED;
            out.explications.push(expl(
                GenreExplication::Calcul,
                texte!(
                    "{} : ticket modérateur (100 % − {}) × {} = {}",
                    nom.clone(),
                    Pourcent(amo.taux_effectif),
                    EurosExact(base_couverte),
                    EurosExact(x)
                ),
                reference.clone(),
                effet,
                &source,
            ));
            x
        }
        Nature::ForfaitJournalierEnVigueur => {
            let id = comp
                .forfait_journalier
                .as_deref()
                .unwrap_or("forfait_journalier.hospitalier");
            let (fj, v) = param_connu(ctx.amo, id, p.date)?;
            let x = fj * Decimal::from(couvertes);
            out.explications.push(expl(
                GenreExplication::Calcul,
                format!(
                    "{nom} : forfait journalier en vigueur au {} ({}) × {couvertes} jour(s) = {} (le barème imprime « {} »)",
                    date_fr(p.date),
                    euros(fj),
                    euros(x),
                    cell.texte
                ),
                Libelle::copie(id),
                Some(v.depuis),
                Libelle::copie(&v.source),
            ));
            x
        }
        Nature::Forfait if comp.role == Role::Participation18 => {
            let v = valeur()?;
            let x = v.min(amo.part.participation_18);
            out.explications.push(expl(
                GenreExplication::Calcul,
                if amo.part.participation_18.is_zero() {
                    texte!(
                        "{} : pas de participation R.160-16 déduite sur cet acte : 0,00 €",
                        nom.clone()
                    )
                } else {
                    texte!(
                        "{} : participation R.160-16 prise en charge : min({}, {} déduits par l'AMO) = {}",
                        nom.clone(),
                        Euros(v),
                        Euros(amo.part.participation_18),
                        Euros(x)
                    )
                },
                reference.clone(),
                effet,
                &source,
            ));
            if amo.part.participation_18 > v {
                let m = format!(
                    "{nom} : le barème prévoit {} alors que la participation en vigueur au {} est de {} : {} restent à charge",
                    euros(v),
                    date_fr(p.date),
                    euros(amo.part.participation_18),
                    euros(amo.part.participation_18 - v)
                );
                out.avertissements.push(Avertissement {
                    code: CodeAvertissement::Information,
                    message: m.into(),
                });
            }
            x
        }
        Nature::Forfait if cell.unite == Some(Unite::An) || cell.enveloppe.is_some() => {
            return enveloppe(ctx, p, offre, l, cell, etat, reste, out);
        }
        Nature::Forfait => {
            let v = valeur()?;
            let x = v * Decimal::from(couvertes);
            out.explications.push(expl(
                GenreExplication::Calcul,
                if couvertes == 1 {
                    texte!("{} : forfait {}", nom.clone(), Euros(v))
                } else {
                    texte!(
                        "{} : forfait {} × {} = {}",
                        nom.clone(),
                        Euros(v),
                        couvertes,
                        Euros(x)
                    )
                },
                reference.clone(),
                effet,
                &source,
            ));
            x
        }
    };
    if cell.ou_ticket_moderateur_si_superieur {
        let tm = base_couverte * tm_pct / Decimal::ONE_HUNDRED;
        out.explications.push(expl(
            GenreExplication::Calcul,
            texte!(
                "{} : ou ticket modérateur s'il est supérieur : {} × {} = {} → {}",
                nom.clone(),
                Pourcent(tm_pct),
                EurosExact(base_couverte),
                EurosExact(tm),
                EurosExact(brut.max(tm))
            ),
            reference.clone(),
            effet,
            &source,
        ));
        brut = brut.max(tm);
    }
    if au_dela_unites > 0 && !optique {
        let x = au_dela(
            cell.au_dela.as_ref(),
            part(au_dela_unites),
            tm_pct,
            au_dela_unites,
        );
        out.explications.push(expl(
            GenreExplication::Limite,
            match &cell.au_dela {
                None => format!("{nom} : au-delà de la limite, pas de prise en charge ({au_dela_unites} unité(s))"),
                Some(a) => format!(
                    "{nom} : au-delà de la limite ({au_dela_unites} unité(s)) : {} = {}",
                    texte_au_dela(a, tm_pct, part(au_dela_unites)),
                    euros_exact(x)
                ),
            },
            reference.clone(),
            effet,
            &source,
        ));
        brut += x;
    }
    if dents_au_dela > 0 {
        let x = au_dela(cell.au_dela.as_ref(), Decimal::ZERO, tm_pct, dents_au_dela);
        out.explications.push(expl(
            GenreExplication::Limite,
            match &cell.au_dela {
                None => {
                    format!("{nom} : pas de prise en charge des {dents_au_dela} dent(s) au-delà")
                }
                Some(a) => format!(
                    "{nom} : {dents_au_dela} dent(s) au-delà : {} × {dents_au_dela} = {}",
                    texte_au_dela(a, tm_pct, Decimal::ZERO),
                    euros_exact(x)
                ),
            },
            reference.clone(),
            effet,
            &source,
        ));
        brut += x;
    }
    Ok(payer(out, nom, brut, reste, reference, effet, source))
}

fn texte_au_dela(a: &AuDela, tm_pct: Decimal, base: Decimal) -> String {
    match (a.nature, a.valeur) {
        (Nature::TicketModerateur, _) => {
            format!(
                "ticket modérateur {} × {}",
                pourcent(tm_pct),
                euros_exact(base)
            )
        }
        (Nature::PourcentageBrss, Some(v)) => format!("{} × {}", pourcent(v), euros_exact(base)),
        (Nature::Forfait, Some(v)) => format!("forfait {}", euros(v)),
        _ => "néant".into(),
    }
}

fn au_dela(a: Option<&AuDela>, base: Decimal, tm_pct: Decimal, unites: u32) -> Decimal {
    match a.map(|a| (a.nature, a.valeur)) {
        Some((Nature::TicketModerateur, _)) => base * tm_pct / Decimal::ONE_HUNDRED,
        Some((Nature::PourcentageBrss, Some(v))) => base * v / Decimal::ONE_HUNDRED,
        Some((Nature::Forfait, Some(v))) => v * Decimal::from(unites),
        _ => Decimal::ZERO,
    }
}

/// Rounds a component's amount and bounds it by the room left.
fn payer(
    out: &mut MgenActe<'_>,
    nom: Valeur,
    brut: Decimal,
    reste: Decimal,
    reference: Libelle,
    effet: Option<NaiveDate>,
    source: Libelle,
) -> Decimal {
    let arrondi_ = arrondi(brut.max(Decimal::ZERO));
    if arrondi_ != brut {
        out.explications.push(expl(
            GenreExplication::Calcul,
            texte!(
                "{} : {} arrondi au centime : {}",
                nom.clone(),
                EurosExact(brut),
                Euros(arrondi_)
            ),
            reference,
            effet,
            source,
        ));
    }
    if arrondi_ > reste {
        out.explications.push(expl(
            GenreExplication::Plafond,
            texte!(
                "{} : ramené de {} à {} (principe indemnitaire)",
                nom,
                Euros(arrondi_),
                Euros(reste)
            ),
            "principe indemnitaire",
            None,
            "Code de la sécurité sociale, art. R.871-2 ; domaine Guichet",
        ));
        reste
    } else {
        arrondi_
    }
}

/// A per-year forfait drawn from an envelope (shared or not).
#[allow(clippy::too_many_arguments)]
fn enveloppe(
    ctx: &Contexte<'_>,
    p: &ActePrepare<'_>,
    offre: Offre,
    l: &LigneActe<'_>,
    cell: &Cellule,
    etat: &mut EtatOffre,
    reste: Decimal,
    out: &mut MgenActe<'_>,
) -> Result<Decimal, ErreurEstimation> {
    let (comp, ligne) = (l.composante, l.ligne);
    let nom = Valeur::Ligne(l.id.partage(), offre);
    let reference = Libelle::LigneAnnexe(l.id.partage());
    let effet = Some(p.bareme.en_vigueur_le);
    let v = cell.valeur.ok_or_else(|| {
        ErreurEstimation::Donnees(format!("ligne {} : forfait sans valeur", ligne.ligne))
    })?;
    let (montant, par_appareil) = if p.cat.regle == Regle::EntretienAudioprothese {
        let n = p.acte.appareils.unwrap_or(1);
        (v * Decimal::from(n), Some(n))
    } else {
        (v, None)
    };
    let cle: Arc<str> = match cell.enveloppe.as_ref().or(comp.enveloppe.as_ref()) {
        Some(c) => c.as_str().into(),
        None => {
            let mut k = format!("ligne {}", ligne.ligne);
            for v in ligne.variante.values() {
                k.push(' ');
                k.push_str(v);
            }
            k.into()
        }
    };
    let annee = p.date.year();
    let utilise = ctx
        .situation
        .deja_montant(annee, |d| d.enveloppes.get(&*cle).copied())
        + etat.enveloppe(&cle, annee);
    let dispo = (montant - utilise).max(Decimal::ZERO);
    out.explications.push(expl(
        GenreExplication::Limite,
        match par_appareil {
            None => texte!(
                "{} : enveloppe « {} » de {} par an ; déjà utilisé en {} : {} ; disponible : {}",
                nom.clone(),
                &cle,
                Euros(montant),
                annee,
                Euros(utilise),
                Euros(dispo)
            ),
            Some(n) => texte!(
                "{} : enveloppe « {} » de {} ({} × {} appareil(s)) par an ; déjà utilisé en {} : {} ; disponible : {}",
                nom.clone(),
                &cle,
                Euros(montant),
                Euros(v),
                n,
                annee,
                Euros(utilise),
                Euros(dispo)
            ),
        },
        reference.clone(),
        effet,
        &l.source,
    ));
    let paye_env = dispo.min(reste);
    out.explications.push(expl(
        GenreExplication::Calcul,
        texte!(
            "{} : min(disponible {}, frais réels − AMO {}) = {}",
            nom.clone(),
            Euros(dispo),
            Euros(reste),
            Euros(paye_env)
        ),
        reference.clone(),
        effet,
        &l.source,
    ));
    etat.puiser(&cle, annee, paye_env);
    if dispo.is_zero() || paye_env == dispo {
        let m = texte!(
            "{} : enveloppe « {} » épuisée pour {}",
            nom.clone(),
            &cle,
            annee
        );
        out.avertissements.push(Avertissement {
            code: CodeAvertissement::EnveloppeEpuisee,
            message: m.clone(),
        });
        out.explications.push(expl(
            GenreExplication::Avertissement,
            m,
            reference.clone(),
            effet,
            &l.source,
        ));
    }
    let mut paye = paye_env;
    if let Some(a) = &cell.au_dela {
        let tm_pct = Decimal::ONE_HUNDRED - p.amo.taux_effectif;
        let x = au_dela(Some(a), p.amo.base, tm_pct, p.acte.quantite);
        let xa = arrondi(x).min(reste);
        if xa > paye {
            out.explications.push(expl(
                GenreExplication::Limite,
                texte!(
                    "{} : au-delà du forfait, {} = {} : retenu car supérieur",
                    nom.clone(),
                    texte_au_dela(a, tm_pct, p.amo.base),
                    Euros(xa)
                ),
                reference.clone(),
                effet,
                &l.source,
            ));
            paye = xa;
        }
    }
    Ok(paye)
}
