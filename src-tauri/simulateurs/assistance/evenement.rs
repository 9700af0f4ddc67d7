//! Which MGEN Assistance services an event opens for a household: an
//! hospitalisation (planned or not, of a parent or of a child), a maternity
//! stay, an immobilisation at home, a PTA, a serious illness of a child, a
//! professional transfer. For each service: opened, opened under a condition
//! the tool cannot know, or not opened and why; its limits; the request
//! deadline and what a late call leaves; the territorial limit; and the
//! exclusions that apply.
//!
//! Readings of the notice (each also given in the result's notes, marked
//! "lecture à confirmer"):
//! - **Length of a hospitalisation.** A hospitalisation includes at least one
//!   night (Définitions); its length is counted in nights, exit date minus
//!   entry date. "More than N days" is N × 24 h: more than N nights always
//!   exceeds it, fewer never does, exactly N nights depends on the hours of
//!   entry and exit (the service is then "sous condition"). The same for the
//!   24 h of an unplanned hospitalisation of a parent (art. 3).
//! - **Length of an immobilisation** is counted in calendar days, first and
//!   last included, as a sick leave.
//! - **Deadlines.** The notice counts from the first day of the event, which
//!   is day 1 (its illustration: a call on the 8th day leaves 2 of the 10
//!   days of aide-ménagère, 10 − 8). So the 7-day deadline of the
//!   aide-ménagère ends on day 7 (reference + 6) and the 30-day principle on
//!   day 30 (reference + 29); the reference is the exit from hospital or the
//!   first day of immobilisation. A late call for the aide-ménagère leaves
//!   10 − n days and the hours in proportion (10 h × days left / 10); on or
//!   after day 10 nothing is left. For a late call on a child's serious
//!   illness (more than 30 days), the 50 units are prorated by the days left
//!   of the 12 months (days left = days of the period − n), rounded down.
//! - **Aide-ménagère after an immobilisation.** Its heading names only
//!   hospitalisations, but its text and the deadline rules name the
//!   immobilisation at home: it is opened for an immobilisation of more than
//!   5 days, the threshold of the other services of art. 1.
//! - **A hospitalised child** is a beneficiary: the services of art. 1 apply
//!   to the child; those of art. 3 (care of the children) only to a parent's
//!   hospitalisation or immobilisation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use super::demande::*;
use super::regles::{numero_jour, zone_des_trajets, ART_DELAI};
use super::services::{self as cat, METROPOLE};
use super::{accompagnement, sejours, Service};
use crate::simulateurs::bareme::{BaremeAssistance, Limites};
use crate::simulateurs::dates::ajouter_jours;
use crate::simulateurs::Note;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DureeEvenement {
    #[ts(type = "number")]
    pub valeur: i64,
    /// `nuits` or `jours`.
    pub unite: String,
    pub texte: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Exclusion {
    pub code: String,
    pub texte: String,
    pub article: String,
}

/// The envelope of services an event opens (art. 2-1, 3-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EnveloppeOuverte {
    /// `adulte` (annex 1) or `enfant` (annex 2).
    pub annexe: String,
    pub unites_contrat: u32,
    /// After a late declaration, the units prorated.
    pub unites_disponibles: u32,
    #[ts(type = "string")]
    pub debut: NaiveDate,
    /// Last day to use it.
    #[ts(type = "string")]
    pub fin: NaiveDate,
    pub calcul: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvenementResultat {
    /// "Hospitalisation imprévue de l'adhérent".
    pub evenement: String,
    pub duree: Option<DureeEvenement>,
    /// The date deadlines run from, and what it is.
    #[ts(type = "string | null")]
    pub date_reference: Option<NaiveDate>,
    pub reference: Option<String>,
    /// Last day of the 30-day principle.
    #[ts(type = "string | null")]
    pub date_limite_demande: Option<NaiveDate>,
    /// Day of the call counted from the reference (day 1).
    #[ts(type = "number | null")]
    pub jour_appel: Option<i64>,
    pub services: Vec<Service>,
    /// Open to every Assuré, whatever the event (art. 5).
    pub toujours_disponibles: Vec<Service>,
    pub enveloppe: Option<EnveloppeOuverte>,
    pub non_cumulables: Vec<String>,
    pub territoire: Vec<String>,
    pub exclusions: Vec<Exclusion>,
    pub notes: Vec<Note>,
    pub source: String,
}

/// What the rules of one event produce, before the passes common to every
/// event (late calls, territory, exclusions).
#[derive(Debug, Default)]
pub(super) struct Bilan {
    pub evenement: String,
    pub duree: Option<DureeEvenement>,
    pub reference: Option<NaiveDate>,
    pub reference_txt: Option<String>,
    pub services: Vec<Service>,
    pub notes: Vec<Note>,
    pub exclusions: Vec<Exclusion>,
    pub non_cumulables: Vec<String>,
    pub enveloppe: Option<EnveloppeOuverte>,
    /// A reason that closes every service of the event (not a hospitalisation…).
    pub tout_fermer: Option<String>,
}

impl Bilan {
    pub(super) fn nouveau(evenement: String) -> Bilan {
        Bilan {
            evenement,
            ..Bilan::default()
        }
    }
}

/// The children of the household who are beneficiaries.
pub(super) fn enfants_beneficiaires(d: &AssistanceDemande) -> Vec<Enfant> {
    d.enfants
        .iter()
        .copied()
        .filter(Enfant::beneficiaire)
        .collect()
}

/// What an event opens: the services its own rules give (art. 1 to 4),
/// then what every event goes through — the deadline of a late call, the
/// territory, the exclusions — and the general conditions of the notice.
pub fn evaluer(b: &BaremeAssistance, d: &AssistanceDemande) -> EvenementResultat {
    let l = &b.limites;
    let mut r = match &d.evenement {
        Evenement::Hospitalisation(e) => sejours::hospitalisation(b, d, e),
        Evenement::Maternite(e) => sejours::maternite(b, d, e),
        Evenement::Immobilisation(e) => sejours::immobilisation(b, d, e),
        Evenement::Pta(e) => accompagnement::pta(b, d, e),
        Evenement::MaladieGraveEnfant(e) => accompagnement::maladie_grave_enfant(b, d, e),
        Evenement::Mutation(e) => accompagnement::mutation(b, d, e),
    };
    appels_hors_delai(l, &mut r.services);
    let territoire = territoire(d.domicile, &mut r);
    fermer_tout_si_exclu(&mut r);
    let (date_limite_demande, jour_appel) = match (&d.evenement, r.reference) {
        (Evenement::Mutation(_) | Evenement::Pta(_), _) | (_, None) => (None, None),
        (_, Some(reference)) => (
            Some(ajouter_jours(
                reference,
                u64::from(l.delai_demande_jours) - 1,
            )),
            d.date_appel.map(|a| numero_jour(reference, a)),
        ),
    };
    if date_limite_demande.is_some() {
        r.notes.push(Note::lecture(
            "Délais comptés à partir du premier jour de l'événement, qui est le jour 1 (la notice \
             illustre : appel le 8e jour, 10 − 8 = 2 jours d'aide-ménagère restants) ; le délai de \
             30 jours finit donc le 30e jour, celui de l'aide-ménagère le 7e.",
            ART_DELAI,
        ));
    }
    r.notes.extend(conditions_generales());

    EvenementResultat {
        evenement: r.evenement,
        duree: r.duree,
        date_reference: r.reference,
        reference: r.reference_txt,
        date_limite_demande,
        jour_appel,
        services: r.services,
        toujours_disponibles: cat::informations(),
        enveloppe: r.enveloppe,
        non_cumulables: r.non_cumulables,
        territoire,
        exclusions: r.exclusions,
        notes: r.notes,
        source: b.source.clone(),
    }
}

/// A late call (Délai de demande d'assistance) closes what is still open,
/// past the 30 days; the aide-ménagère only once its 10 days are gone (what
/// is left is in its deadline), and the envelope, ergotherapist and works
/// of a child's illness (art. 3-4 to 3-6) are prorated, not closed.
fn appels_hors_delai(l: &Limites, services: &mut [Service]) {
    for s in services.iter_mut() {
        let Some(dl) = &s.delai else { continue };
        if !s.ouvert() || dl.dans_les_delais != Some(false) {
            continue;
        }
        let j = dl.jour_appel.unwrap_or(0);
        if s.code == "1-1" {
            let total = i64::from(l.aide_menagere_jours);
            if j >= total {
                s.fermer(format!(
                    "appel le {j}e jour : les {total} jours d'aide-ménagère sont écoulés"
                ));
            }
        } else if !matches!(s.code.as_str(), "3-4" | "3-5" | "3-6") {
            s.fermer(format!(
                "demande hors délai : appel le {j}e jour, au-delà des {} jours (sauf cas fortuit \
                 ou force majeure)",
                l.delai_demande_jours
            ));
        }
    }
}

/// Where the guarantees apply (the notice's territorial limits): a home outside France
/// closes everything; from a DROM, the services run in metropolitan France
/// only are closed and IMA refunds what it cannot provide.
fn territoire(domicile: Domicile, r: &mut Bilan) -> Vec<String> {
    let mut territoire = vec![
        "Garanties valables en France métropolitaine (Monaco et Andorre compris) et dans les DROM \
         (Martinique, Guadeloupe, Réunion, Guyane, Mayotte)."
            .to_string(),
        format!("Transports : {}.", zone_des_trajets(domicile)),
    ];
    match domicile {
        Domicile::HorsFrance => {
            r.tout_fermer.get_or_insert_with(|| {
                "domicile hors de France : les garanties s'appliquent au domicile en France \
                 métropolitaine (Monaco, Andorre) ou dans un DROM"
                    .into()
            });
        }
        Domicile::Drom => {
            territoire.push(
                "Dans un DROM, si IMA ne peut pas mettre en œuvre une garantie, elle rembourse les \
                 frais sur justificatifs, dans la limite des barèmes de métropole."
                    .into(),
            );
            for s in r.services.iter_mut() {
                if s.territoire.as_deref() == Some(METROPOLE) {
                    s.fermer(
                        "mis en œuvre en France métropolitaine seulement (domicile dans un DROM)",
                    );
                }
            }
        }
        Domicile::Metropole => {}
    }
    territoire
}

/// An exclusion (Exclusions), then a reason that closes the whole event
/// (not a hospitalisation, home abroad…), close every service and the
/// envelope; the later reason gives the motif.
fn fermer_tout_si_exclu(r: &mut Bilan) {
    let exclusion = r
        .exclusions
        .first()
        .map(|x| format!("exclusion : {}", x.texte));
    for m in [exclusion, r.tout_fermer.clone()].into_iter().flatten() {
        for s in r.services.iter_mut() {
            s.fermer(m.clone());
        }
        r.enveloppe = None;
    }
}

/// What the notice says of every request: IMA judges the needs and must
/// agree beforehand (Conditions générales); no help for a wilful offence,
/// force majeure may delay it (Limitations).
fn conditions_generales() -> [Note; 2] {
    [
        Note::info(
            "IMA évalue les besoins selon la situation (logement, foyer, autonomie, aides en \
             place) : les heures accordées peuvent être inférieures aux plafonds. Les garanties \
             sont mises en œuvre par IMA ou avec son accord préalable ; les dépenses engagées \
             seul ne sont pas remboursées après coup, sauf initiative raisonnable appréciée sur \
             justificatifs.",
            "Conditions générales de la notice",
        ),
        Note::info(
            "IMA n'intervient pas en cas d'infraction volontaire à la loi ; la force majeure \
             (épidémie, grève, intempéries…) peut empêcher ou retarder l'exécution.",
            "Limitations",
        ),
    ]
}
