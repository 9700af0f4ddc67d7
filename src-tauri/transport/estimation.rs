//! Transport types of the Estimation screen: the catalogue as the act search
//! and the act editor need it, and the answer of an estimate (the engine's
//! result, or the input error with the JSON path of the faulty field).

use crate::moteur::catalogue::{
    ActeCatalogue, Champ, Condition, EnveloppeDeclaree, FicheActe, Selon,
};
use crate::moteur::{Catalogue, ErreurSaisie, Resultat};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// One act of the catalogue, as the UI searches and edits it: its
/// [`FicheActe`] (shared with `guichet catalogue`) and what the act editor
/// needs besides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActeVue {
    #[serde(flatten)]
    pub fiche: FicheActe,
    /// The BRSS must be typed (no default base for this act).
    pub brss_a_saisir: bool,
    pub age_moins_de: Option<u32>,
    /// The frais réels may be left out (forfait journalier).
    pub frais_reels_optionnels: bool,
    /// When an accepted field (`champs_optionnels`) is needed all the same:
    /// a line of the act reads it once these conditions hold (`optam` for a
    /// specialist in the parcours de soins, `materiau` for a crown at a
    /// dentist conventionné MGEN). The act editor labels a field « facultatif »
    /// only when none of these can hold.
    pub champs_requis_si: Vec<ChampRequisSi>,
}

/// An accepted field the engine needs when every condition of `si` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChampRequisSi {
    pub champ: Champ,
    /// Condition (`parcours_soins`, `optam`, `reseau`, `conventionne`,
    /// `cecite`, `molaire`) → the value it must have.
    pub si: BTreeMap<String, bool>,
}

/// The name of a condition, as the catalogue writes it.
fn nom_condition(c: Condition) -> &'static str {
    match c {
        Condition::ParcoursSoins => "parcours_soins",
        Condition::Optam => "optam",
        Condition::Reseau => "reseau",
        Condition::Conventionne => "conventionne",
        Condition::Cecite => "cecite",
        Condition::Molaire => "molaire",
    }
}

/// The accepted fields a line of the act selects its row by, with the
/// conditions of that line. Left out: the start of an orthodontic treatment
/// (only the active-treatment rows read it, absent is a value) and
/// blindness for hearing aids (absent reads as "no").
fn champs_requis_si(a: &ActeCatalogue) -> Vec<ChampRequisSi> {
    let mut out: Vec<ChampRequisSi> = Vec::new();
    for c in &a.mgen {
        for s in &c.selon {
            if matches!(s, Selon::Debut | Selon::Audio) {
                continue;
            }
            let Some(champ) = s.champ().filter(|ch| a.champs_optionnels.contains(ch)) else {
                continue;
            };
            let si =
                c.si.iter()
                    .map(|(k, v)| (nom_condition(*k).to_string(), *v))
                    .collect();
            let r = ChampRequisSi { champ, si };
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// The catalogue for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatalogueVue {
    pub actes: Vec<ActeVue>,
    pub enveloppes: Vec<EnveloppeDeclaree>,
}

impl ActeVue {
    fn de(a: &ActeCatalogue) -> ActeVue {
        ActeVue {
            fiche: FicheActe::from(a),
            brss_a_saisir: (a.rembourse && a.bases.is_empty()) || a.base_sans_remboursement,
            age_moins_de: a.age_moins_de,
            frais_reels_optionnels: a.regle == crate::moteur::catalogue::Regle::ForfaitJournalier,
            champs_requis_si: champs_requis_si(a),
        }
    }
}

impl From<&Catalogue> for CatalogueVue {
    fn from(c: &Catalogue) -> Self {
        CatalogueVue {
            actes: c.actes.iter().map(ActeVue::de).collect(),
            enveloppes: c.enveloppes.clone(),
        }
    }
}

/// An input error: `chemin` is the JSON path of the field ("actes[0].frais_reels").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErreurChampVue {
    pub chemin: String,
    pub message: String,
}

impl From<ErreurSaisie> for ErreurChampVue {
    fn from(e: ErreurSaisie) -> Self {
        ErreurChampVue {
            chemin: e.chemin,
            message: e.message,
        }
    }
}

/// The answer of `estimer`: the result, or the input to correct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReponseEstimation {
    pub resultat: Option<Resultat>,
    pub erreur: Option<ErreurChampVue>,
}

/// The draft of the estimate being typed, as the Estimation screen wrote it
/// (`brouillon_lire`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BrouillonVue {
    /// The screen's own JSON text: the form exactly as typed.
    pub contenu: String,
    /// Local time of the last write, `AAAA-MM-JJTHH:MM:SS`.
    pub ecrit_le: String,
}

impl From<crate::store::brouillon::Brouillon> for BrouillonVue {
    fn from(b: crate::store::brouillon::Brouillon) -> Self {
        BrouillonVue {
            contenu: b.contenu,
            ecrit_le: b.ecrit_le.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::moteur::catalogue_livre;

    fn requis_si(code: &str) -> Vec<(Champ, Vec<(String, bool)>)> {
        let a = catalogue_livre().acte(code).expect(code);
        champs_requis_si(a)
            .into_iter()
            .map(|r| (r.champ, r.si.into_iter().collect()))
            .collect()
    }

    #[test]
    fn optam_is_needed_for_a_specialist_in_the_parcours_only() {
        // Annexe 2 line 2.1 (in the parcours) has one row per OPTAM status;
        // line 2.2 (out of it) has none.
        let attendu = vec![(Champ::Optam, vec![("parcours_soins".to_string(), true)])];
        assert_eq!(requis_si("consultation_specialiste"), attendu);
        assert_eq!(requis_si("avis_ponctuel_consultant"), attendu);
    }

    #[test]
    fn crown_material_is_needed_at_a_dentist_conventionne_only() {
        // 26.3.2.1 (incisors…) and 26.3.2.2 (molars) have one row per
        // material; 26.3.1.1 (not conventionné) has none.
        assert_eq!(
            requis_si("couronne"),
            vec![
                (
                    Champ::Materiau,
                    vec![
                        ("conventionne".to_string(), true),
                        ("molaire".to_string(), false)
                    ]
                ),
                (
                    Champ::Materiau,
                    vec![
                        ("conventionne".to_string(), true),
                        ("molaire".to_string(), true)
                    ]
                ),
            ]
        );
    }

    #[test]
    fn fields_the_engine_does_without_stay_optional() {
        // Blindness for hearing aids reads as "no" when absent; the start of
        // an orthodontic treatment only splits the active-treatment rows.
        assert_eq!(requis_si("aide_auditive"), vec![]);
        assert_eq!(requis_si("orthodontie_non_remboursee"), vec![]);
        assert_eq!(requis_si("consultation_generaliste"), vec![]);
    }
}
