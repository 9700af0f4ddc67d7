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
use super::chaine::{Chaine, Chaines};
use super::erreur::ErreurEstimation;
use super::format::{arrondi, pourcentage};
use super::journal::{Copie, Journal, Libelle};
use super::optique::{EtatOptique, RefusOptique};
use super::part_amo::{param_connu, CalculAmo};
use super::resultat::{CodeAvertissement, GenreExplication, PartAmo};
use super::situation::{Acte, Situation};
use super::texte::Cle;
use super::texte::Valeur::{self, Euros, EurosExact, Pourcent};
use crate::tarifs::amo::ParametresAmo;
use crate::tarifs::{AuDela, Bareme, Cellule, Compteur, Ligne, Nature, Offre, Periode, Unite};
use crate::texte;
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

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
    /// What MGEN may pay at most (principe indemnitaire), whatever the
    /// offer.
    pub plafond: Decimal,
    /// The components that apply, with their Annexe line: a range of
    /// [`Contexte::lignes`].
    pub lignes: Range<usize>,
    /// The Annexe lines MGEN applies to the act (none when it pays nothing
    /// whatever the offer), the same under every offer.
    pub lignes_annexe: Chaines,
    /// Why MGEN pays nothing whatever the offer (condition not met).
    pub refus: Option<String>,
    /// Explanation lines shared by all offers before the MGEN part
    /// (frais réels by default, old barème, AMO part).
    pub communes: Range<u32>,
    /// The barème's name and source, the act's code and label: shared by
    /// the four offers' results.
    pub nom_bareme: Chaine,
    pub source_bareme: Cle,
    pub code: Chaine,
    pub libelle: Chaine,
    /// The AMO part, frais réels and base in cents as shown: the same under
    /// every offer.
    pub amo_centimes: PartAmo,
    pub frais_reels_centimes: Decimal,
    pub brss_centimes: Decimal,
    /// The AMO part's warnings, in the journal: the same under every offer.
    pub avertissements: Range<u32>,
}

/// A component of an act and the Annexe line it points to.
pub struct LigneActe<'a> {
    pub composante: &'a Composante,
    pub ligne: &'a Ligne,
    /// When the component counts teeth beyond a number: those teeth.
    pub unites: Option<u32>,
    /// The line's reference ("26.3.2.1"), shared by the four offers'
    /// results.
    pub id: Chaine,
    /// The same reference and the line's source, in the journal, for the
    /// explanation lines that cite them.
    pub cle: Cle,
    pub source: Cle,
}

impl<'a> LigneActe<'a> {
    pub fn new(
        composante: &'a Composante,
        ligne: &'a Ligne,
        unites: Option<u32>,
        journal: &mut Journal,
    ) -> Self {
        LigneActe {
            composante,
            ligne,
            unites,
            id: Chaine::permanente(ligne.reference_partagee()),
            cle: journal.chaine(&ligne.ligne),
            source: journal.chaine(&ligne.source),
        }
    }
}

/// What the per-offer computation needs besides the act.
pub struct Contexte<'a> {
    pub situation: &'a Situation,
    pub amo: &'a ParametresAmo,
    /// The components of every act (each act names its range).
    pub lignes: &'a [LigneActe<'a>],
}

/// Consumption of limits and envelopes under one offer, in date order.
#[derive(Debug, Default)]
pub struct EtatOffre<'a> {
    /// Amount drawn on each envelope, per calendar year (a handful of
    /// entries: a list is quicker than a map); the key is the catalogue's or
    /// the barème's envelope id, or made from the line and variant.
    enveloppes: Vec<(Cow<'a, str>, i32, Decimal)>,
    evenements: Vec<(Compteur, NaiveDate, u32)>,
    optique: EtatOptique,
}

impl<'a> EtatOffre<'a> {
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

    fn puiser(&mut self, cle: Cow<'a, str>, annee: i32, montant: Decimal) {
        match self
            .enveloppes
            .iter_mut()
            .find(|(c, a, _)| *c == cle && *a == annee)
        {
            Some((_, _, m)) => *m += montant,
            None => self.enveloppes.push((cle, annee, montant)),
        }
    }
}

/// The MGEN part of one act; its explanation lines go straight into the
/// act's list (after the AMO lines).
#[derive(Debug)]
pub struct MgenActe<'x> {
    pub montant: Decimal,
    pub journal: &'x mut Journal,
    /// Whether an envelope of the act was used up (a warning said so).
    pub enveloppe_epuisee: bool,
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
fn oui_non(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "oui",
        Some(false) => "non",
        None => "",
    }
}

/// The variant of an Annexe line an act selects: (key, value) pairs, keys
/// unique, borrowed from the catalogue and the act (no allocation but for
/// an age band).
#[derive(Debug, Default)]
pub struct Variante<'a>(Vec<(&'a str, Cow<'a, str>)>);

impl<'a> Variante<'a> {
    fn mettre(&mut self, cle: &'a str, valeur: impl Into<Cow<'a, str>>) {
        let valeur = valeur.into();
        match self.0.iter_mut().find(|(k, _)| *k == cle) {
            Some((_, v)) => *v = valeur,
            None => self.0.push((cle, valeur)),
        }
    }

    /// The value for `cle`, if the variant has one.
    pub fn get(&self, cle: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| *k == cle).map(|(_, v)| &**v)
    }

    /// Whether a row of the barème covers exactly this variant.
    pub fn est(&self, rangee: &BTreeMap<String, String>) -> bool {
        rangee.len() == self.0.len() && rangee.iter().all(|(k, v)| self.get(k) == Some(v.as_str()))
    }

    /// As a map (for error messages).
    pub fn en_map(&self) -> BTreeMap<String, String> {
        self.0
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }
}

/// The variant a component selects for this act at `date`; `None` when the
/// act falls in no variant the line distinguishes (companion of a patient
/// neither under 16, nor over 70, nor handicapped).
pub fn variante<'a>(
    c: &'a Composante,
    acte: &'a Acte,
    date: NaiveDate,
    age: u32,
    situation: &Situation,
) -> Option<Variante<'a>> {
    let mut v = Variante(Vec::with_capacity(c.variante.len() + c.selon.len() + 1));
    for (k, x) in &c.variante {
        v.mettre(k, x.as_str());
    }
    for s in &c.selon {
        let val: Cow<'a, str> = match s {
            Selon::Optam => oui_non(acte.optam).into(),
            Selon::Reseau => oui_non(acte.reseau).into(),
            Selon::Conventionne => oui_non(acte.conventionne).into(),
            Selon::Parcours => if situation.assure.parcours_soins {
                "dans"
            } else {
                "hors"
            }
            .into(),
            Selon::Sejour => acte.sejour.map(|s| s.nom()).unwrap_or_default().into(),
            Selon::Element(_) => acte.element.as_deref().unwrap_or_default().into(),
            Selon::Dent => acte.dent.map(|d| d.nom()).unwrap_or_default().into(),
            Selon::Materiau => c
                .materiau_du_bareme(acte.materiau.as_deref().unwrap_or_default())
                .into(),
            // Only the rows of an active treatment distinguish it.
            Selon::Debut => match acte.debut_traitement {
                Some(d) => d.nom().into(),
                None => continue,
            },
            Selon::Age(n) => band(age < *n, *n),
            Selon::Audio => {
                if age < 20 {
                    "<20".into()
                } else {
                    v.mettre("cecite", oui_non(Some(acte.cecite == Some(true))));
                    ">=20".into()
                }
            }
            Selon::Accompagnant => {
                let septante = situation
                    .assure
                    .date_naissance
                    .checked_add_months(Months::new(70 * 12))?;
                if age < 16 {
                    "<16".into()
                } else if date > septante {
                    ">70".into()
                } else if situation.assure.handicap {
                    v.mettre("handicap", "oui");
                    continue;
                } else {
                    return None;
                }
            }
        };
        v.mettre(s.cle(), val);
    }
    Some(v)
}

/// An age band as the barème writes it ("<18", ">=18"); the catalogue's
/// only threshold is 18 (no allocation for it).
fn band(lower: bool, n: u32) -> Cow<'static, str> {
    match (lower, n) {
        (true, 18) => "<18".into(),
        (false, 18) => ">=18".into(),
        (true, _) => format!("<{n}").into(),
        (false, _) => format!(">={n}").into(),
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
pub fn calculer<'x, 'a>(
    ctx: &Contexte<'a>,
    p: &ActePrepare<'a>,
    offre: Offre,
    etat: &mut EtatOffre<'a>,
    journal: &'x mut Journal,
) -> Result<MgenActe<'x>, ErreurEstimation> {
    let mut out = MgenActe {
        montant: Decimal::ZERO,
        journal,
        enveloppe_epuisee: false,
        lecture_a_confirmer: false,
    };
    let lignes = &ctx.lignes[p.lignes.clone()];
    let mut reste = p.plafond;

    // Conditions of the act itself.
    if let Some(m) = &p.refus {
        refus(
            &mut out,
            CodeAvertissement::ConditionNonRemplie,
            m.clone(),
            &p.cat.lignes,
        );
        return Ok(out);
    }
    if lignes.is_empty() {
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
            &p.cat.lignes,
        );
        return Ok(out);
    }

    // Optical renewal: decided once for the act.
    let mut unites_optique = None;
    if matches!(p.cat.regle, Regle::OptiqueVerre | Regle::OptiqueMonture) {
        let premiere = &lignes[0];
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
            out.journal.noter(
                GenreExplication::Limite,
                texte!("Évolution de la vue justifiée : période de renouvellement réduite à un an"),
                "Annexe 2, ligne 25, note **",
                Some(p.bareme.en_vigueur_le),
                premiere.source,
            );
        }
        let d = etat.optique.decider(
            p.date,
            p.cat.regle == Regle::OptiqueMonture,
            p.acte.quantite,
            mois,
            ctx.situation.assure.date_adhesion,
        );
        d.explication.texte(|t| {
            out.journal.noter(
                GenreExplication::Limite,
                t,
                "Annexe 2, ligne 25, note **",
                Some(p.bareme.en_vigueur_le),
                premiere.source,
            )
        });
        if let Some(r) = d.refus {
            let code = match r {
                RefusOptique::HorsPeriode { .. } if d.unites_couvertes == 0 => {
                    CodeAvertissement::HorsRenouvellement
                }
                _ => CodeAvertissement::LimiteAtteinte,
            };
            r.texte(|t| {
                out.journal.noter(
                    GenreExplication::Avertissement,
                    t,
                    "Annexe 2, ligne 25, note **",
                    Some(p.bareme.en_vigueur_le),
                    premiere.source,
                );
                out.journal.avertir(code, t);
            });
        }
        if d.unites_couvertes == 0 {
            return Ok(out);
        }
        unites_optique = Some(d.unites_couvertes);
    }

    let mut compteurs_vus: Vec<Compteur> = Vec::new();
    let mut enveloppe_epuisee = false;
    for l in lignes {
        let (comp, ligne) = (l.composante, l.ligne);
        let Some(cell) = ligne.cellules.get(&offre) else {
            return Err(ErreurEstimation::Donnees(format!(
                "ligne {} sans cellule pour {}",
                ligne.ligne,
                offre.label()
            )));
        };
        if let Some(note) = &cell.note {
            out.lecture_a_confirmer = true;
            let note = out.journal.chaine(note);
            let m = texte!(
                "{} : lecture à confirmer — {}",
                Valeur::Ligne(l.cle, offre),
                note
            );
            out.journal.noter(
                GenreExplication::Avertissement,
                m,
                Libelle::LigneAnnexe(l.cle),
                Some(p.bareme.en_vigueur_le),
                l.source,
            );
            out.journal.avertir(CodeAvertissement::LectureAConfirmer, m);
        }
        if comp.role == Role::AuDelaEnveloppe && !enveloppe_epuisee {
            out.journal.noter(
                GenreExplication::Limite,
                texte!(
                    "{} : forfait annuel non épuisé, pas de prise en charge au-delà",
                    Valeur::Ligne(l.cle, offre)
                ),
                Libelle::LigneAnnexe(l.cle),
                Some(p.bareme.en_vigueur_le),
                l.source,
            );
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
            out.journal.noter(
                GenreExplication::Limite,
                texte!(
                    "{} : forfait annuel épuisé : au moins {} pour l'acte, {} déjà versés, complément {}",
                    Valeur::Ligne(l.cle, offre),
                    Euros(paye),
                    Euros(out.montant),
                    Euros(total - out.montant)
                ),
                Libelle::LigneAnnexe(l.cle),
                Some(p.bareme.en_vigueur_le),
                l.source,
            );
            paye = total - out.montant;
        }
        if out.enveloppe_epuisee {
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

/// The room the principe indemnitaire leaves MGEN on an act (frais réels −
/// AMO gross, plus the R.160-16 participation MGEN may pay), with its
/// explanation line: the same under every offer, noted once with the lines
/// the offers share.
pub fn plafond_indemnitaire(
    frais_reels: Decimal,
    amo: &CalculAmo,
    journal: &mut Journal,
) -> Decimal {
    let plafond = (frais_reels - amo.part.brut + amo.part.participation_18).max(Decimal::ZERO);
    let formule = if amo.part.participation_18.is_zero() {
        texte!(
            "Principe indemnitaire : MGEN au plus frais réels − AMO brut = {} − {} = {}",
            Euros(frais_reels),
            Euros(amo.part.brut),
            Euros(plafond)
        )
    } else {
        texte!(
                "Principe indemnitaire : MGEN au plus frais réels − AMO brut + participation R.160-16 = {} − {} + {} = {}",
                Euros(frais_reels),
                Euros(amo.part.brut),
                Euros(amo.part.participation_18),
                Euros(plafond)
            )
    };
    journal.noter(
        GenreExplication::Plafond,
        formule,
        "principe indemnitaire",
        None,
        "Code de la sécurité sociale, art. R.871-2 ; domaine Guichet",
    );
    plafond
}

fn refus(out: &mut MgenActe<'_>, code: CodeAvertissement, m: String, lignes: &[String]) {
    let formule = out.journal.ecrire(format_args!("{m} : MGEN 0,00 €"));
    let reference = out
        .journal
        .ecrire(format_args!("Annexe 2, ligne {}", lignes.join(", ")));
    out.journal.noter(
        GenreExplication::Avertissement,
        formule.into(),
        reference,
        None,
        "MGEN, Statuts 2018, Annexe 2",
    );
    let message = out.journal.chaine(&m);
    out.journal.avertir(code, message.into());
}

/// Evaluates one component and returns what MGEN pays for it (rounded,
/// within `reste`, the room left under the principe indemnitaire).
#[allow(clippy::too_many_arguments)]
fn composante<'a>(
    ctx: &Contexte<'a>,
    p: &ActePrepare<'a>,
    offre: Offre,
    l: &LigneActe<'a>,
    cell: &'a Cellule,
    etat: &mut EtatOffre<'a>,
    reste: Decimal,
    unites_imposees: Option<u32>,
    optique: bool,
    compteurs_vus: &mut Vec<Compteur>,
    out: &mut MgenActe<'_>,
) -> Result<Decimal, ErreurEstimation> {
    let amo = &p.amo;
    let (comp, ligne) = (l.composante, l.ligne);
    let q = p.acte.quantite;
    let nom = Valeur::Ligne(l.cle, offre);
    let reference = Libelle::LigneAnnexe(l.cle);
    let effet = Some(p.bareme.en_vigueur_le);
    let source = Libelle::Chaine(l.source);
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
                        nom,
                        lim.max,
                        compteur_nom(lim.compteur),
                        couvertes,
                        unites
                    );
                    out.journal.avertir(CodeAvertissement::LimiteAtteinte, m);
                    out.journal
                        .noter(GenreExplication::Limite, m, reference, effet, source);
                }
            } else {
                // The forfait is per appliance; teeth beyond `max` are paid
                // as the cell says beyond ("puis … / dent").
                let comptees = p.acte.dents.unwrap_or(0);
                dents_au_dela = comptees.saturating_sub(lim.max);
                out.journal.noter(
                    GenreExplication::Limite,
                    texte!(
                        "{} : forfait pour {} {} au plus ; appareil de {} dent(s), {} au-delà",
                        nom,
                        lim.max,
                        compteur_nom(lim.compteur),
                        comptees,
                        dents_au_dela
                    ),
                    reference,
                    effet,
                    source,
                );
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
        out.journal.noter(
            GenreExplication::Limite,
            texte!(
                "{} : limite de {} {} {} ; déjà utilisé {}, disponible {}, pris en charge ici {} sur {}",
                nom,
                lim.max,
                compteur_nom(lim.compteur),
                Valeur::Periode(lim.periode),
                utilise,
                dispo,
                couvertes,
                unites
            ),
            reference,
            effet,
            source,
        );
        if couvertes < avant {
            let m = texte!(
                "{} : limite de {} {} {} atteinte",
                nom,
                lim.max,
                compteur_nom(lim.compteur),
                Valeur::Periode(lim.periode)
            );
            out.journal.avertir(CodeAvertissement::LimiteAtteinte, m);
        }
        if !compteurs_vus.contains(&lim.compteur) {
            compteurs_vus.push(lim.compteur);
        }
    }
    let au_dela_unites = unites - couvertes;
    let part = |n: u32| -> Decimal {
        if unites == 0 {
            Decimal::ZERO
        } else if n == unites {
            amo.base
        } else {
            amo.base * Decimal::from(n) / Decimal::from(unites)
        }
    };
    let base_couverte = part(couvertes);

    let mut brut = match cell.nature {
        Nature::Neant => {
            out.journal.noter(
                GenreExplication::Calcul,
                texte!("{} : Néant (pas de prise en charge)", nom),
                reference,
                effet,
                source,
            );
            return Ok(Decimal::ZERO);
        }
        Nature::PourcentageBrss => {
            let v = valeur()?;
            let pct = if comp.role == Role::TicketModerateur && amo.part_exoneree > Decimal::ZERO {
                let r = (v - amo.part_exoneree).max(Decimal::ZERO);
                let motif = out
                    .journal
                    .chaine(amo.motif_exoneration.as_deref().unwrap_or("exonération"));
                out.journal.noter(
                    GenreExplication::Calcul,
                    texte!(
                        "{} : participation réduite à due proportion ({}) : {} − {} pris en charge par l'AMO = {}",
                        nom,
                        motif,
                        Pourcent(v),
                        Pourcent(amo.part_exoneree),
                        Pourcent(r)
                    ),
                    reference,
                    effet,
                    "MGEN, Statuts 2018, Annexe 2, en-tête de chaque tableau",
                );
                r
            } else {
                v
            };
            let x = pourcentage(base_couverte, pct);
            out.journal.noter(
                GenreExplication::Calcul,
                texte!(
                    "{} : {} × {} = {}",
                    nom,
                    Pourcent(pct),
                    EurosExact(base_couverte),
                    EurosExact(x)
                ),
                reference,
                effet,
                source,
            );
            x
        }
        Nature::TicketModerateur => {
            let x = pourcentage(base_couverte, tm_pct);
            out.journal.noter(
                GenreExplication::Calcul,
                texte!(
                    "{} : ticket modérateur (100 % − {}) × {} = {}",
                    nom,
                    Pourcent(amo.taux_effectif),
                    EurosExact(base_couverte),
                    EurosExact(x)
                ),
                reference,
                effet,
                source,
            );
            x
        }
        Nature::ForfaitJournalierEnVigueur => {
            let id = comp
                .forfait_journalier
                .as_deref()
                .unwrap_or("forfait_journalier.hospitalier");
            let (fj, v) = param_connu(ctx.amo, id, p.date)?;
            let x = fj * Decimal::from(couvertes);
            let imprime = out.journal.chaine(&cell.texte);
            out.journal.noter(
                GenreExplication::Calcul,
                texte!(
                    "{} : forfait journalier en vigueur au {} ({}) × {} jour(s) = {} (le barème imprime « {} »)",
                    nom,
                    p.date,
                    Euros(fj),
                    couvertes,
                    Euros(x),
                    imprime
                ),
                Copie(id),
                Some(v.depuis),
                Copie(&v.source),
            );
            x
        }
        Nature::Forfait if comp.role == Role::Participation18 => {
            let v = valeur()?;
            let x = v.min(amo.part.participation_18);
            let formule = if amo.part.participation_18.is_zero() {
                texte!(
                    "{} : pas de participation R.160-16 déduite sur cet acte : 0,00 €",
                    nom
                )
            } else {
                texte!(
                        "{} : participation R.160-16 prise en charge : min({}, {} déduits par l'AMO) = {}",
                        nom,
                        Euros(v),
                        Euros(amo.part.participation_18),
                        Euros(x)
                    )
            };
            out.journal
                .noter(GenreExplication::Calcul, formule, reference, effet, source);
            if amo.part.participation_18 > v {
                let m = texte!(
                    "{} : le barème prévoit {} alors que la participation en vigueur au {} est de {} : {} restent à charge",
                    nom,
                    Euros(v),
                    p.date,
                    Euros(amo.part.participation_18),
                    Euros(amo.part.participation_18 - v)
                );
                out.journal.avertir(CodeAvertissement::Information, m);
            }
            x
        }
        Nature::Forfait if cell.unite == Some(Unite::An) || cell.enveloppe.is_some() => {
            return enveloppe(ctx, p, offre, l, cell, etat, reste, out);
        }
        Nature::Forfait => {
            let v = valeur()?;
            let x = v * Decimal::from(couvertes);
            let formule = if couvertes == 1 {
                texte!("{} : forfait {}", nom, Euros(v))
            } else {
                texte!(
                    "{} : forfait {} × {} = {}",
                    nom,
                    Euros(v),
                    couvertes,
                    Euros(x)
                )
            };
            out.journal
                .noter(GenreExplication::Calcul, formule, reference, effet, source);
            x
        }
    };
    if cell.ou_ticket_moderateur_si_superieur {
        let tm = pourcentage(base_couverte, tm_pct);
        out.journal.noter(
            GenreExplication::Calcul,
            texte!(
                "{} : ou ticket modérateur s'il est supérieur : {} × {} = {} → {}",
                nom,
                Pourcent(tm_pct),
                EurosExact(base_couverte),
                EurosExact(tm),
                EurosExact(brut.max(tm))
            ),
            reference,
            effet,
            source,
        );
        brut = brut.max(tm);
    }
    if au_dela_unites > 0 && !optique {
        let x = au_dela(
            cell.au_dela.as_ref(),
            part(au_dela_unites),
            tm_pct,
            au_dela_unites,
        );
        let formule = match &cell.au_dela {
            None => texte!(
                "{} : au-delà de la limite, pas de prise en charge ({} unité(s))",
                nom,
                au_dela_unites
            ),
            Some(a) => {
                let calcul = ecrire_au_dela(out.journal, a, tm_pct, part(au_dela_unites));
                texte!(
                    "{} : au-delà de la limite ({} unité(s)) : {} = {}",
                    nom,
                    au_dela_unites,
                    calcul,
                    EurosExact(x)
                )
            }
        };
        out.journal
            .noter(GenreExplication::Limite, formule, reference, effet, source);
        brut += x;
    }
    if dents_au_dela > 0 {
        let x = au_dela(cell.au_dela.as_ref(), Decimal::ZERO, tm_pct, dents_au_dela);
        let formule = match &cell.au_dela {
            None => texte!(
                "{} : pas de prise en charge des {} dent(s) au-delà",
                nom,
                dents_au_dela
            ),
            Some(a) => {
                let calcul = ecrire_au_dela(out.journal, a, tm_pct, Decimal::ZERO);
                texte!(
                    "{} : {} dent(s) au-delà : {} × {} = {}",
                    nom,
                    dents_au_dela,
                    calcul,
                    dents_au_dela,
                    EurosExact(x)
                )
            }
        };
        out.journal
            .noter(GenreExplication::Limite, formule, reference, effet, source);
        brut += x;
    }
    Ok(payer(out, nom, brut, reste, reference, effet, source))
}

/// Writes how an amount beyond a limit is computed ("ticket modérateur 30 %
/// × 16,13 €") into the journal.
fn ecrire_au_dela(journal: &mut Journal, a: &AuDela, tm_pct: Decimal, base: Decimal) -> Cle {
    let calcul = match (a.nature, a.valeur) {
        (Nature::TicketModerateur, _) => texte!(
            "ticket modérateur {} × {}",
            Pourcent(tm_pct),
            EurosExact(base)
        ),
        (Nature::PourcentageBrss, Some(v)) => texte!("{} × {}", Pourcent(v), EurosExact(base)),
        (Nature::Forfait, Some(v)) => texte!("forfait {}", Euros(v)),
        _ => texte!("néant"),
    };
    journal.ecrire_texte(calcul)
}

fn au_dela(a: Option<&AuDela>, base: Decimal, tm_pct: Decimal, unites: u32) -> Decimal {
    match a.map(|a| (a.nature, a.valeur)) {
        Some((Nature::TicketModerateur, _)) => pourcentage(base, tm_pct),
        Some((Nature::PourcentageBrss, Some(v))) => pourcentage(base, v),
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
    // An amount in cents and not negative stands as it is.
    let au_centime = brut.scale() <= 2 && !brut.is_sign_negative();
    let arrondi_ = if au_centime {
        brut
    } else {
        arrondi(brut.max(Decimal::ZERO))
    };
    if !au_centime && arrondi_ != brut {
        out.journal.noter(
            GenreExplication::Calcul,
            texte!(
                "{} : {} arrondi au centime : {}",
                nom,
                EurosExact(brut),
                Euros(arrondi_)
            ),
            reference,
            effet,
            source,
        );
    }
    if arrondi_ > reste {
        out.journal.noter(
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
        );
        reste
    } else {
        arrondi_
    }
}

/// A per-year forfait drawn from an envelope (shared or not).
#[allow(clippy::too_many_arguments)]
fn enveloppe<'a>(
    ctx: &Contexte<'a>,
    p: &ActePrepare<'a>,
    offre: Offre,
    l: &LigneActe<'a>,
    cell: &'a Cellule,
    etat: &mut EtatOffre<'a>,
    reste: Decimal,
    out: &mut MgenActe<'_>,
) -> Result<Decimal, ErreurEstimation> {
    let (comp, ligne) = (l.composante, l.ligne);
    let nom = Valeur::Ligne(l.cle, offre);
    let reference = Libelle::LigneAnnexe(l.cle);
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
    let cle: Cow<'a, str> = match cell.enveloppe.as_ref().or(comp.enveloppe.as_ref()) {
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
    let nom_enveloppe = out.journal.chaine(&cle);
    let formule = match par_appareil {
            None => texte!(
                "{} : enveloppe « {} » de {} par an ; déjà utilisé en {} : {} ; disponible : {}",
                nom,
                nom_enveloppe,
                Euros(montant),
                annee,
                Euros(utilise),
                Euros(dispo)
            ),
            Some(n) => texte!(
                "{} : enveloppe « {} » de {} ({} × {} appareil(s)) par an ; déjà utilisé en {} : {} ; disponible : {}",
                nom,
                nom_enveloppe,
                Euros(montant),
                Euros(v),
                n,
                annee,
                Euros(utilise),
                Euros(dispo)
            ),
        };
    out.journal.noter(
        GenreExplication::Limite,
        formule,
        reference,
        effet,
        l.source,
    );
    let paye_env = dispo.min(reste);
    out.journal.noter(
        GenreExplication::Calcul,
        texte!(
            "{} : min(disponible {}, frais réels − AMO {}) = {}",
            nom,
            Euros(dispo),
            Euros(reste),
            Euros(paye_env)
        ),
        reference,
        effet,
        l.source,
    );
    etat.puiser(cle, annee, paye_env);
    if dispo.is_zero() || paye_env == dispo {
        let m = texte!(
            "{} : enveloppe « {} » épuisée pour {}",
            nom,
            nom_enveloppe,
            annee
        );
        out.journal.avertir(CodeAvertissement::EnveloppeEpuisee, m);
        out.enveloppe_epuisee = true;
        out.journal.noter(
            GenreExplication::Avertissement,
            m,
            reference,
            effet,
            l.source,
        );
    }
    let mut paye = paye_env;
    if let Some(a) = &cell.au_dela {
        let tm_pct = Decimal::ONE_HUNDRED - p.amo.taux_effectif;
        let x = au_dela(Some(a), p.amo.base, tm_pct, p.acte.quantite);
        let xa = arrondi(x).min(reste);
        if xa > paye {
            let calcul = ecrire_au_dela(out.journal, a, tm_pct, p.amo.base);
            out.journal.noter(
                GenreExplication::Limite,
                texte!(
                    "{} : au-delà du forfait, {} = {} : retenu car supérieur",
                    nom,
                    calcul,
                    Euros(xa)
                ),
                reference,
                effet,
                l.source,
            );
            paye = xa;
        }
    }
    Ok(paye)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands_are_written_as_in_the_bareme() {
        assert_eq!(band(true, 18), "<18");
        assert_eq!(band(false, 18), ">=18");
        assert_eq!(band(true, 6), "<6");
        assert_eq!(band(false, 70), ">=70");
    }
}
