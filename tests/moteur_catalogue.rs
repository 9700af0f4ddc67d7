//! The catalogue against the shipped data: every (ligne, variante) an act can
//! reach exists in every shipped barème with a cell for every offer; every
//! envelope of the data is declared; every Annexe line is reachable; every
//! AMO parameter the catalogue names exists.

use guichet::moteur::catalogue_livre;
use guichet::tarifs::amo::parametres_livres;
use guichet::tarifs::shipped_baremes;
use std::collections::BTreeSet;

/// Combinations of free-valued act fields that the 2018 table does not
/// print (a material for the other kind of tooth, a bridge element of the
/// other convention, the second contention year under convention, the start
/// of treatment outside the active-treatment rows): the engine refuses them
/// with a message naming the field. Nothing else may be missing.
const ABSENCES_ATTENDUES: &[&str] = &[
    "bridge → ligne 26.3.1.1 {\"conventionne\": \"non\", \"element\": \"pilier_ou_intermediaire_supplementaire\"}",
    "bridge → ligne 26.3.2.3 {\"conventionne\": \"oui\", \"element\": \"intermediaire_supplementaire\"}",
    "bridge → ligne 26.3.2.3 {\"conventionne\": \"oui\", \"element\": \"pilier_supplementaire\"}",
    "bridge_non_rembourse → ligne 26.3.1.3 {\"conventionne\": \"non\", \"element\": \"pilier_ou_intermediaire_supplementaire\"}",
    "bridge_non_rembourse → ligne 26.3.2.4 {\"conventionne\": \"oui\", \"element\": \"intermediaire_supplementaire\"}",
    "bridge_non_rembourse → ligne 26.3.2.4 {\"conventionne\": \"oui\", \"element\": \"pilier_supplementaire\"}",
    "couronne → ligne 26.3.2.2 {\"conventionne\": \"oui\", \"dent\": \"molaire\", \"element\": \"couronne\", \"materiau\": \"ceramique\"}",
    "couronne → ligne 26.3.2.2 {\"conventionne\": \"oui\", \"dent\": \"molaire\", \"element\": \"couronne\", \"materiau\": \"ceramo_ceramique\"}",
    "couronne_non_remboursee → ligne 26.3.2.7 {\"conventionne\": \"oui\", \"dent\": \"molaire\", \"element\": \"couronne\", \"materiau\": \"ceramique\"}",
    "couronne_non_remboursee → ligne 26.3.2.7 {\"conventionne\": \"oui\", \"dent\": \"molaire\", \"element\": \"couronne\", \"materiau\": \"ceramo_ceramique\"}",
    "orthodontie → ligne 26.8.2.1 {\"conventionne\": \"oui\", \"element\": \"contention_2e_annee\"}",
    "orthodontie_non_remboursee → ligne 26.8.1.2 {\"conventionne\": \"non\", \"debut\": \"apres_16_ans\", \"element\": \"contention_1re_annee\"}",
    "orthodontie_non_remboursee → ligne 26.8.1.2 {\"conventionne\": \"non\", \"debut\": \"apres_16_ans\", \"element\": \"contention_2e_annee\"}",
    "orthodontie_non_remboursee → ligne 26.8.1.2 {\"conventionne\": \"non\", \"debut\": \"avant_16_ans\", \"element\": \"contention_1re_annee\"}",
    "orthodontie_non_remboursee → ligne 26.8.1.2 {\"conventionne\": \"non\", \"debut\": \"avant_16_ans\", \"element\": \"contention_2e_annee\"}",
    "orthodontie_non_remboursee → ligne 26.8.1.2 {\"conventionne\": \"non\", \"element\": \"traitement_actif\"}",
    "orthodontie_non_remboursee → ligne 26.8.2.2 {\"conventionne\": \"oui\", \"element\": \"contention_2e_annee\"}",
];

#[test]
fn every_catalogue_reference_exists_in_every_shipped_bareme_for_every_offer() {
    let cat = catalogue_livre();
    for b in shipped_baremes() {
        let missing = cat.references_absentes(&b);
        let unexpected: Vec<&String> = missing
            .iter()
            .filter(|m| !ABSENCES_ATTENDUES.contains(&m.as_str()))
            .collect();
        assert!(unexpected.is_empty(), "{}: {unexpected:#?}", b.nom);
        for a in &cat.actes {
            for (ligne, variante) in cat.references(a) {
                if let Some(l) = b.ligne(&ligne, &variante) {
                    for o in b.codes_offres() {
                        assert!(l.cellules.contains_key(&o), "{} {ligne} {o:?}", a.code);
                    }
                }
            }
        }
    }
}

#[test]
fn every_envelope_of_the_data_is_declared() {
    let cat = catalogue_livre();
    for b in shipped_baremes() {
        for l in &b.lignes {
            for c in l.cellules.values() {
                if let Some(e) = &c.enveloppe {
                    assert!(
                        cat.enveloppe(e).is_some(),
                        "enveloppe {e} (ligne {})",
                        l.ligne
                    );
                }
            }
        }
    }
}

#[test]
fn every_annexe_line_is_reached_by_an_act() {
    let cat = catalogue_livre();
    for b in shipped_baremes() {
        let mut reached = BTreeSet::new();
        for a in &cat.actes {
            for (ligne, variante) in cat.references(a) {
                if let Some(l) = b.ligne(&ligne, &variante) {
                    reached.insert((l.ligne.clone(), format!("{:?}", l.variante)));
                }
            }
        }
        for l in &b.lignes {
            assert!(
                reached.contains(&(l.ligne.clone(), format!("{:?}", l.variante))),
                "ligne {} {:?} non atteinte par le catalogue",
                l.ligne,
                l.variante
            );
        }
    }
}

#[test]
fn every_amo_parameter_named_by_the_catalogue_exists() {
    let amo = parametres_livres();
    for a in &catalogue_livre().actes {
        for id in a
            .taux
            .iter()
            .chain(a.taux_hors_parcours.iter())
            .chain(a.bases.iter().map(|b| &b.parametre))
            .chain(a.mgen.iter().filter_map(|c| c.forfait_journalier.as_ref()))
        {
            assert!(amo.parametre(id).is_some(), "{}: {id}", a.code);
        }
    }
}

#[test]
fn search_synonyms_people_use_are_present() {
    let cat = catalogue_livre();
    for mot in [
        "lunettes",
        "verres progressifs",
        "couronne",
        "kiné",
        "hospitalisation",
        "appareil auditif",
        "ostéo",
    ] {
        assert!(
            cat.actes
                .iter()
                .any(|a| a.synonymes.iter().any(|s| s == mot)),
            "synonyme absent : {mot}"
        );
    }
}
