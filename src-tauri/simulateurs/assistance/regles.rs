//! Rules shared by the events of MGEN Assistance: stay-length thresholds,
//! request deadlines counted from day 1, exclusions, wording helpers.

use chrono::NaiveDate;

use super::demande::{Cause, Domicile, Etablissement, Parent};
use super::evenement::Exclusion;
use super::{Delai, Service, StatutService};
use crate::simulateurs::bareme::Limites;
use crate::simulateurs::date_fr;
use crate::simulateurs::dates::{ajouter_jours, jours_entre};

pub(super) const ART_DELAI: &str = "Délai de demande d'assistance";
pub(super) const ART_EXCL: &str = "Exclusions";

/// Whether a stay of `nuits` nights is longer than `jours` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Seuil {
    Oui,
    /// Exactly that many nights: the hours of entry and exit decide.
    AuxHeures,
    Non,
}

/// How long an event lasts, as the thresholds speak of it:
/// "l'hospitalisation", 3 (nights).
#[derive(Debug, Clone, Copy)]
pub(super) struct Longueur<'a> {
    pub quoi: &'a str,
    pub valeur: i64,
}

/// A threshold of the notice, "plus de N jours" (art. 1 and 3), and where
/// an event's length stands against it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Palier {
    pub seuil: Seuil,
    pub jours: u32,
}

impl Palier {
    /// A stay of `nuits` nights against "plus de `jours` jours", that is
    /// more than `jours` × 24 hours (Définitions, hospitalisation).
    pub(super) fn en_nuits(nuits: i64, jours: u32) -> Palier {
        let seuil = match nuits.cmp(&i64::from(jours)) {
            std::cmp::Ordering::Greater => Seuil::Oui,
            std::cmp::Ordering::Equal => Seuil::AuxHeures,
            std::cmp::Ordering::Less => Seuil::Non,
        };
        Palier { seuil, jours }
    }

    /// A threshold taken as passed: the event's own check is made apart.
    pub(super) fn franchi(jours: u32) -> Palier {
        Palier {
            seuil: Seuil::Oui,
            jours,
        }
    }
}

/// Opens a service beyond its threshold, leaves it to the hours when the
/// stay is exactly that long, closes it below.
pub(super) fn appliquer_seuil(s: &mut Service, p: Palier, e: Longueur) {
    let (quoi, nuits, jours) = (e.quoi, e.valeur, p.jours);
    match p.seuil {
        Seuil::Oui => {}
        Seuil::AuxHeures => {
            s.conditions.insert(
                0,
                format!(
                    "{quoi} dure plus de {} heures ({nuits} nuit{} : les heures d'entrée et de \
                     sortie décident)",
                    jours * 24,
                    pluriel(nuits)
                ),
            );
            if s.statut == StatutService::Ouvert {
                s.statut = StatutService::SousCondition;
            }
        }
        Seuil::Non => s.fermer(format!(
            "{quoi} de {nuits} nuit{} : il en faut une de plus de {} {}",
            pluriel(nuits),
            if jours == 1 { 24 } else { jours },
            if jours == 1 { "heures" } else { "jours" }
        )),
    }
}

pub(super) fn pluriel(n: i64) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// Day number of `jour` counted from `reference` (the reference is day 1).
pub(super) fn numero_jour(reference: NaiveDate, jour: NaiveDate) -> i64 {
    jours_entre(reference, jour) + 1
}

/// The 30-day principle from `reference`; a late call closes the service.
pub(super) fn delai_general(
    l: &Limites,
    reference: NaiveDate,
    quoi: &str,
    appel: Option<NaiveDate>,
) -> Delai {
    let n = i64::from(l.delai_demande_jours);
    let jour = appel.map(|a| numero_jour(reference, a));
    Delai {
        texte: format!(
            "demande au plus tard le {n}e jour à compter {quoi} ({}), sauf cas fortuit ou force \
             majeure",
            date_fr(reference)
        ),
        date_limite: ajouter_jours(reference, (n - 1) as u64),
        jour_appel: jour,
        dans_les_delais: jour.map(|j| j <= n),
        plafond_restant: None,
    }
}

/// The aide-ménagère: 7 days, then prorated (see the module doc).
pub(super) fn delai_aide_menagere(
    l: &Limites,
    reference: NaiveDate,
    quoi: &str,
    appel: Option<NaiveDate>,
) -> Delai {
    let n = i64::from(l.delai_aide_menagere_jours);
    let total = i64::from(l.aide_menagere_jours);
    let jour = appel.map(|a| numero_jour(reference, a));
    let plafond_restant = jour.map(|j| {
        if j <= n {
            format!(
                "{} heures sur {} jours (demande dans les délais)",
                l.aide_menagere_heures, total
            )
        } else {
            let reste = (total - j).max(0);
            let heures = rust_decimal::Decimal::from(l.aide_menagere_heures)
                * rust_decimal::Decimal::from(reste)
                / rust_decimal::Decimal::from(total);
            format!(
                "{reste} jour{} et {} heure{} (appel le {j}e jour : {total} − {j} = {reste})",
                pluriel(reste),
                heures.normalize().to_string().replace('.', ","),
                if heures > rust_decimal::Decimal::ONE {
                    "s"
                } else {
                    ""
                }
            )
        }
    });
    Delai {
        texte: format!(
            "demande au plus tard le {n}e jour à compter {quoi} ({}) ; au-delà, le plafond de {} \
             jours est réduit des jours écoulés (du {} au {})",
            date_fr(reference),
            total,
            date_fr(reference),
            date_fr(ajouter_jours(reference, (total - 1) as u64))
        ),
        date_limite: ajouter_jours(reference, (n - 1) as u64),
        jour_appel: jour,
        dans_les_delais: jour.map(|j| j <= n),
        plafond_restant,
    }
}

pub(super) fn libelle_parent(p: Parent) -> &'static str {
    match p {
        Parent::Membre => "de l'adhérent",
        Parent::Conjoint => "du conjoint",
    }
}

/// Where the trips the services pay for run, by the household's home.
pub(super) fn zone_des_trajets(d: Domicile) -> &'static str {
    match d {
        Domicile::Drom => "transport au sein du DROM de résidence",
        _ => "transport en France métropolitaine (Monaco et Andorre compris)",
    }
}

/// The exclusion a cause or an establishment brings, if any.
pub(super) fn exclusion(
    cause: Option<Cause>,
    etab: Option<Etablissement>,
    programmee: bool,
) -> Vec<Exclusion> {
    let mut v = Vec::new();
    let mut push = |code: &str, texte: &str| {
        v.push(Exclusion {
            code: code.to_string(),
            texte: texte.to_string(),
            article: ART_EXCL.to_string(),
        })
    };
    match etab {
        Some(Etablissement::Psychiatrique) => push(
            "etablissement_psychiatrique",
            "hospitalisation en établissement ou service psychiatrique",
        ),
        Some(Etablissement::Geriatrique) => push(
            "etablissement_geriatrique",
            "hospitalisation en établissement ou service gérontologique ou gériatrique",
        ),
        _ => {}
    }
    match cause {
        Some(Cause::MaladieChronique) if programmee => push(
            "maladie_chronique_programmee",
            "hospitalisation programmée liée à une maladie chronique",
        ),
        Some(Cause::MaladieNonSoudaine) => push(
            "maladie_non_soudaine",
            "suite d'une maladie non soudaine et prévisible",
        ),
        Some(Cause::ChirurgieEsthetique) => push(
            "chirurgie_esthetique",
            "chirurgie plastique à but uniquement esthétique, et ses suites",
        ),
        Some(Cause::ChangementSexeSterilisation) => push(
            "changement_sexe_sterilisation",
            "changement de sexe, stérilisation, traitement de troubles sexuels, et leurs suites",
        ),
        Some(Cause::DrogueAlcool) => push(
            "drogue_alcool",
            "suite de l'usage de drogues ou de stupéfiants non prescrits, ou de la consommation d'alcool",
        ),
        Some(Cause::ActeVolontaire) => push(
            "acte_volontaire",
            "suite d'un acte volontaire du bénéficiaire (suicide, tentative de suicide, mutilation volontaire)",
        ),
        _ => {}
    }
    v
}
