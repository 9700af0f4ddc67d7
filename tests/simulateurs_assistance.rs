//! MGEN Assistance: premium prorated by months, services opened by each event
//! with their thresholds, deadlines (day 7 vs day 8 of the aide-ménagère, day
//! 30 vs 31), territorial limits and exclusions, and the 50-unit envelope of
//! annexes 1 and 2 — worked by hand from the notice.

use guichet::simulateurs::assistance::evenement::{self, EvenementResultat};
use guichet::simulateurs::assistance::{
    enveloppe, prime, AssistanceSaisie, EnveloppeResultat, EnveloppeSaisie, PrimeSaisie,
    StatutService,
};
use guichet::simulateurs::Baremes;
use rust_decimal_macros::dec;
use serde_json::{json, Value};

use StatutService::{NonOuvert, Ouvert, SousCondition};

fn prime_pour(date: &str, assures: &str) -> prime::PrimeResultat {
    let b = Baremes::integres().unwrap();
    let s = PrimeSaisie {
        date_adhesion: date.into(),
        assures: assures.into(),
    };
    prime::calculer(&b.assistance, &s.lire().unwrap())
}

fn evaluer(v: Value) -> EvenementResultat {
    let s: AssistanceSaisie = serde_json::from_value(v).expect("saisie JSON");
    let b = Baremes::integres().unwrap();
    evenement::evaluer(&b.assistance, &s.lire().expect("saisie valide"))
}

fn enveloppe_pour(v: Value) -> EnveloppeResultat {
    let s: EnveloppeSaisie = serde_json::from_value(v).expect("saisie JSON");
    let b = Baremes::integres().unwrap();
    enveloppe::calculer(
        &b.assistance,
        &s.lire(&b.assistance).expect("saisie valide"),
    )
}

/// A hospitalisation of the member, home in metropolitan France, one child of 7.
fn hospitalisation(imprevue: bool, entree: &str, sortie: &str) -> Value {
    json!({
        "evenement": {
            "type": "hospitalisation", "personne": "membre", "imprevue": imprevue,
            "debut": entree, "fin": sortie, "cause": "accident", "etablissement": "hopital"
        },
        "foyer": { "conjoint": true, "enfants": [{ "age": 7 }] },
        "domicile": "metropole"
    })
}

fn statut(r: &EvenementResultat, code: &str) -> StatutService {
    service(r, code).statut
}

fn service<'a>(
    r: &'a EvenementResultat,
    code: &str,
) -> &'a guichet::simulateurs::assistance::Service {
    r.services
        .iter()
        .find(|s| s.code == code)
        .unwrap_or_else(|| {
            panic!(
                "service {code} absent : {:?}",
                r.services.iter().map(|s| &s.code).collect::<Vec<_>>()
            )
        })
}

// ------------------------------------------------------------------ prime

#[test]
fn premium_joining_in_march_counts_march_to_december() {
    // 10 months: 3,60 × 10/12 = 3,00 TTC ; 3,30 × 10/12 = 2,75 HT ; taxes 0,25.
    let r = prime_pour("15/03/2018", "1");
    assert_eq!(r.mois_comptes, 10);
    assert_eq!(
        (r.prime_ttc, r.prime_ht, r.taxes),
        (dec!(3.00), dec!(2.75), dec!(0.25))
    );
    assert!(r.notes[0].a_confirmer);
}

#[test]
fn premium_joining_in_january_is_the_full_year() {
    let r = prime_pour("01/01/2018", "1");
    assert_eq!(r.mois_comptes, 12);
    assert_eq!((r.prime_ttc, r.prime_ht), (dec!(3.60), dec!(3.30)));
}

#[test]
fn premium_joining_in_december_rounds_half_a_cent_up() {
    // 1 month: 3,60/12 = 0,30 TTC ; 3,30/12 = 0,275 → 0,28 HT ; taxes 0,02.
    let r = prime_pour("31/12/2018", "1");
    assert_eq!(r.mois_comptes, 1);
    assert_eq!(
        (r.prime_ttc, r.prime_ht, r.taxes),
        (dec!(0.30), dec!(0.28), dec!(0.02))
    );
    assert_eq!(r.periode, "décembre 2018");
}

#[test]
fn premium_for_two_insured_joining_in_june() {
    // 7 months: 3,60 × 7/12 = 2,10 TTC ; 3,30 × 7/12 = 1,925 → 1,93 HT ;
    // × 2: 4,20 TTC, 3,86 HT, taxes 0,34.
    let r = prime_pour("01/06/2018", "2");
    assert_eq!((r.prime_ttc, r.prime_ht), (dec!(2.10), dec!(1.93)));
    assert_eq!(
        (r.total_ttc, r.total_ht, r.total_taxes),
        (dec!(4.20), dec!(3.86), dec!(0.34))
    );
}

#[test]
fn premium_refuses_three_insured() {
    let s = PrimeSaisie {
        date_adhesion: "01/06/2018".into(),
        assures: "3".into(),
    };
    let e = s.lire().unwrap_err();
    assert_eq!(e.nom_champ(), Some("assures"));
}

// ---------------------------------------------------------- aide-ménagère

#[test]
fn aide_menagere_call_on_day_7_keeps_the_full_ten_days() {
    // Exit 10/03/2018 = day 1; day 7 = 16/03/2018, last day in time.
    let mut v = hospitalisation(true, "05/03/2018", "10/03/2018");
    v["date_appel"] = json!("16/03/2018");
    let r = evaluer(v);
    let am = service(&r, "1-1");
    assert_eq!(am.statut, Ouvert);
    let d = am.delai.as_ref().unwrap();
    assert_eq!(d.date_limite.to_string(), "2018-03-16");
    assert_eq!((d.jour_appel, d.dans_les_delais), (Some(7), Some(true)));
    assert_eq!(
        d.plafond_restant.as_deref(),
        Some("10 heures sur 10 jours (demande dans les délais)")
    );
}

#[test]
fn aide_menagere_call_on_day_8_leaves_two_days() {
    // Day 8 = 17/03/2018: 10 − 8 = 2 days, 10 h × 2/10 = 2 h (the notice's illustration).
    let mut v = hospitalisation(true, "05/03/2018", "10/03/2018");
    v["date_appel"] = json!("17/03/2018");
    let r = evaluer(v);
    let am = service(&r, "1-1");
    assert_eq!(am.statut, Ouvert);
    let d = am.delai.as_ref().unwrap();
    assert_eq!((d.jour_appel, d.dans_les_delais), (Some(8), Some(false)));
    assert_eq!(
        d.plafond_restant.as_deref(),
        Some("2 jours et 2 heures (appel le 8e jour : 10 − 8 = 2)")
    );
}

#[test]
fn aide_menagere_day_9_leaves_one_day_day_10_nothing() {
    let mut v = hospitalisation(true, "05/03/2018", "10/03/2018");
    v["date_appel"] = json!("18/03/2018");
    let r = evaluer(v.clone());
    let d = service(&r, "1-1").delai.clone().unwrap();
    assert_eq!(
        d.plafond_restant.as_deref(),
        Some("1 jour et 1 heure (appel le 9e jour : 10 − 9 = 1)")
    );
    v["date_appel"] = json!("19/03/2018");
    let r = evaluer(v);
    assert_eq!(statut(&r, "1-1"), NonOuvert);
    assert!(service(&r, "1-1")
        .motif
        .as_deref()
        .unwrap()
        .contains("10e jour"));
}

#[test]
fn a_call_during_the_stay_is_in_time() {
    let mut v = hospitalisation(true, "05/03/2018", "10/03/2018");
    v["date_appel"] = json!("06/03/2018");
    let r = evaluer(v);
    let d = service(&r, "1-1").delai.clone().unwrap();
    assert_eq!((d.jour_appel, d.dans_les_delais), (Some(-3), Some(true)));
}

// ------------------------------------------------------- 30-day principle

#[test]
fn other_services_day_30_in_time_day_31_refused() {
    // Exit 10/03/2018 = day 1; day 30 = 08/04/2018; day 31 = 09/04/2018.
    let mut v = hospitalisation(true, "05/03/2018", "10/03/2018");
    v["date_appel"] = json!("08/04/2018");
    let r = evaluer(v.clone());
    assert_eq!(r.date_limite_demande.unwrap().to_string(), "2018-04-08");
    assert_eq!(r.jour_appel, Some(30));
    assert_eq!(statut(&r, "1-2"), Ouvert);
    v["date_appel"] = json!("09/04/2018");
    let r = evaluer(v);
    assert_eq!(statut(&r, "1-2"), NonOuvert);
    assert!(service(&r, "1-2")
        .motif
        .as_deref()
        .unwrap()
        .starts_with("demande hors délai : appel le 31e jour"));
    assert_eq!(statut(&r, "3-1-1"), NonOuvert);
}

// ------------------------------------------------------------- thresholds

#[test]
fn planned_hospitalisation_of_2_3_and_1_nights() {
    // "Plus de 2 jours": 3 nights certainly, 2 nights depends on the hours, 1 never.
    let r = evaluer(hospitalisation(false, "05/03/2018", "08/03/2018"));
    assert_eq!(statut(&r, "1-1"), Ouvert);
    assert_eq!(statut(&r, "1-2"), Ouvert);
    assert_eq!(statut(&r, "1-4"), Ouvert);
    let r = evaluer(hospitalisation(false, "05/03/2018", "07/03/2018"));
    assert_eq!(statut(&r, "1-1"), SousCondition);
    assert!(service(&r, "1-1").conditions[0].contains("plus de 48 heures"));
    let r = evaluer(hospitalisation(false, "05/03/2018", "06/03/2018"));
    assert_eq!(statut(&r, "1-1"), NonOuvert);
    assert_eq!(statut(&r, "3-1-3"), NonOuvert);
}

#[test]
fn unplanned_hospitalisation_of_a_parent_opens_child_care_after_24_hours() {
    // Unplanned, 1 night: child care depends on the 24 h; 2 nights: opened.
    let r = evaluer(hospitalisation(true, "05/03/2018", "06/03/2018"));
    assert_eq!(statut(&r, "3-1-1"), SousCondition);
    assert!(service(&r, "3-1-1").conditions[0].contains("plus de 24 heures"));
    assert_eq!(statut(&r, "1-1"), NonOuvert);
    // 3-2 and 3-3 need more than 2 days even when unplanned.
    assert_eq!(statut(&r, "3-3"), NonOuvert);
    let r = evaluer(hospitalisation(true, "05/03/2018", "07/03/2018"));
    assert_eq!(statut(&r, "3-1-1"), Ouvert);
    assert_eq!(statut(&r, "3-1-3"), SousCondition);
    assert!(r.non_cumulables[0].contains("3-1-1"));
    // Planned, 2 nights: child care depends on the hours (more than 2 days).
    let r = evaluer(hospitalisation(false, "05/03/2018", "07/03/2018"));
    assert_eq!(statut(&r, "3-1-1"), SousCondition);
}

#[test]
fn return_home_preparation_after_more_than_14_days() {
    // 15 nights: opened, but only without a relative on the spot.
    let r = evaluer(hospitalisation(false, "01/03/2018", "16/03/2018"));
    let s = service(&r, "1-5");
    assert_eq!(s.statut, SousCondition);
    assert_eq!(s.conditions[0], "aucun proche n'est présent sur place");
    // 14 nights: also depends on the hours; 13: not opened.
    let r = evaluer(hospitalisation(false, "01/03/2018", "15/03/2018"));
    assert!(service(&r, "1-5").conditions[0].contains("plus de 336 heures"));
    let r = evaluer(hospitalisation(false, "01/03/2018", "14/03/2018"));
    assert_eq!(statut(&r, "1-5"), NonOuvert);
}

#[test]
fn transfer_to_a_relative_within_five_days_and_200_euros() {
    let r = evaluer(hospitalisation(false, "05/03/2018", "10/03/2018"));
    let s = service(&r, "1-4");
    assert!(s.limites.iter().any(|l| l.contains("200\u{202f}€ au plus")));
    assert!(s
        .limites
        .iter()
        .any(|l| l.contains("au plus tard le 15/03/2018")));
    let s = service(&r, "1-2");
    assert!(s.limites.iter().any(|l| l.contains("92\u{202f}€ au plus")));
}

#[test]
fn homework_help_counts_two_hours_per_child() {
    // Two beneficiary children (7 and 12) → 2 h × 2 = 4 h a week; the child of 19 without handicap is not a beneficiary.
    let mut v = hospitalisation(false, "05/03/2018", "10/03/2018");
    v["foyer"]["enfants"] = json!([{ "age": 7 }, { "age": 12 }, { "age": 19 }]);
    let r = evaluer(v);
    let s = service(&r, "3-3");
    assert!(
        s.limites[0].contains("soit 4 heures par semaine pour 2 enfants"),
        "{}",
        s.limites[0]
    );
}

#[test]
fn no_child_under_18_closes_the_child_guarantees() {
    let mut v = hospitalisation(false, "05/03/2018", "10/03/2018");
    v["foyer"]["enfants"] = json!([{ "age": 18 }]);
    let r = evaluer(v);
    assert_eq!(statut(&r, "3"), NonOuvert);
    // A disabled child of 25 is a beneficiary.
    let mut v = hospitalisation(false, "05/03/2018", "10/03/2018");
    v["foyer"]["enfants"] = json!([{ "age": 25, "handicape": true }]);
    let r = evaluer(v);
    assert_eq!(statut(&r, "3-1-1"), Ouvert);
    assert!(service(&r, "3-1-4")
        .limites
        .iter()
        .any(|l| l.contains("centre spécialisé")));
}

// -------------------------------------------------- maternity, immobilisation

#[test]
fn maternity_over_five_days_opens_only_the_aide_menagere() {
    let v = |sortie: &str| {
        json!({
            "evenement": { "type": "maternite", "personne": "conjoint", "debut": "01/03/2018", "fin": sortie },
            "foyer": { "conjoint": true, "enfants": [{ "age": 3 }] },
            "domicile": "metropole"
        })
    };
    let r = evaluer(v("07/03/2018")); // 6 nights
    assert_eq!(statut(&r, "1-1"), Ouvert);
    assert_eq!(statut(&r, "1-2"), NonOuvert);
    assert_eq!(statut(&r, "3"), NonOuvert);
    assert_eq!(statut(&evaluer(v("06/03/2018")), "1-1"), SousCondition); // 5 nights
    assert_eq!(statut(&evaluer(v("05/03/2018")), "1-1"), NonOuvert); // 4 nights
}

#[test]
fn immobilisation_of_six_days_opens_five_does_not() {
    let v = |fin: &str| {
        json!({
            "evenement": { "type": "immobilisation", "personne": "membre", "debut": "01/03/2018", "fin": fin, "cause": "accident" },
            "foyer": { "conjoint": false, "enfants": [{ "age": 9 }] },
            "domicile": "metropole",
            "date_appel": "08/03/2018"
        })
    };
    // 01 → 06 March: 6 days, first and last included.
    let r = evaluer(v("06/03/2018"));
    assert_eq!(r.duree.as_ref().unwrap().valeur, 6);
    assert_eq!(statut(&r, "1-2"), Ouvert);
    assert_eq!(statut(&r, "3-1-1"), Ouvert);
    assert_eq!(statut(&r, "1-4"), NonOuvert);
    assert_eq!(statut(&r, "1-5"), NonOuvert);
    // Aide-ménagère from the first day of immobilisation: call 08/03 = day 8 → 2 days left.
    let d = service(&r, "1-1").delai.clone().unwrap();
    assert_eq!(d.jour_appel, Some(8));
    assert!(d.plafond_restant.unwrap().starts_with("2 jours"));
    let r = evaluer(v("05/03/2018"));
    assert_eq!(statut(&r, "1-2"), NonOuvert);
    assert_eq!(statut(&r, "3-1-1"), NonOuvert);
}

// ------------------------------------------------------------- exclusions

#[test]
fn psychiatric_stay_is_excluded() {
    let mut v = hospitalisation(true, "05/03/2018", "20/03/2018");
    v["evenement"]["etablissement"] = json!("psychiatrique");
    let r = evaluer(v);
    assert_eq!(r.exclusions.len(), 1);
    assert_eq!(r.exclusions[0].code, "etablissement_psychiatrique");
    assert!(r.services.iter().all(|s| s.statut == NonOuvert));
    assert!(service(&r, "1-1")
        .motif
        .as_deref()
        .unwrap()
        .starts_with("exclusion"));
}

#[test]
fn chronic_disease_excludes_a_planned_stay_not_an_unplanned_one() {
    let mut v = hospitalisation(false, "05/03/2018", "10/03/2018");
    v["evenement"]["cause"] = json!("maladie_chronique");
    let r = evaluer(v.clone());
    assert_eq!(r.exclusions[0].code, "maladie_chronique_programmee");
    assert_eq!(statut(&r, "1-1"), NonOuvert);
    v["evenement"]["imprevue"] = json!(true);
    let r = evaluer(v);
    assert!(r.exclusions.is_empty());
    assert_eq!(statut(&r, "1-1"), Ouvert);
}

#[test]
fn every_cause_exclusion_is_named() {
    for (cause, code) in [
        ("maladie_non_soudaine", "maladie_non_soudaine"),
        ("chirurgie_esthetique", "chirurgie_esthetique"),
        (
            "changement_sexe_sterilisation",
            "changement_sexe_sterilisation",
        ),
        ("drogue_alcool", "drogue_alcool"),
        ("acte_volontaire", "acte_volontaire"),
    ] {
        let mut v = hospitalisation(true, "05/03/2018", "10/03/2018");
        v["evenement"]["cause"] = json!(cause);
        let r = evaluer(v);
        assert_eq!(r.exclusions.len(), 1, "{cause}");
        assert_eq!(r.exclusions[0].code, code);
        assert_eq!(statut(&r, "1-2"), NonOuvert);
    }
    let mut v = hospitalisation(true, "05/03/2018", "10/03/2018");
    v["evenement"]["etablissement"] = json!("geriatrique");
    assert_eq!(evaluer(v).exclusions[0].code, "etablissement_geriatrique");
}

#[test]
fn convalescence_is_not_a_hospitalisation() {
    let mut v = hospitalisation(false, "05/03/2018", "25/03/2018");
    v["evenement"]["etablissement"] = json!("convalescence");
    let r = evaluer(v);
    assert!(r.services.iter().all(|s| s.statut == NonOuvert));
    assert!(service(&r, "1-1")
        .motif
        .as_deref()
        .unwrap()
        .contains("convalescence"));
}

// -------------------------------------------------------------- territory

#[test]
fn home_in_a_drom_closes_the_metropolitan_only_services() {
    let mut v = hospitalisation(false, "05/03/2018", "10/03/2018");
    v["domicile"] = json!("drom");
    let r = evaluer(v);
    assert_eq!(statut(&r, "1-3-1"), NonOuvert);
    assert_eq!(statut(&r, "1-3-2"), NonOuvert);
    assert_eq!(statut(&r, "1-2"), Ouvert);
    assert_eq!(
        service(&r, "1-2").territoire.as_deref(),
        Some("transport au sein du DROM de résidence")
    );
    assert!(r
        .territoire
        .iter()
        .any(|t| t.contains("barèmes de métropole")));
}

#[test]
fn home_outside_france_opens_nothing() {
    let mut v = hospitalisation(false, "05/03/2018", "10/03/2018");
    v["domicile"] = json!("hors_france");
    let r = evaluer(v);
    assert!(r.services.iter().all(|s| s.statut == NonOuvert));
}

// ----------------------------------------------------------------- children

#[test]
fn hospitalised_child_gets_the_article_1_services_not_child_care() {
    let v = json!({
        "evenement": {
            "type": "hospitalisation_enfant", "enfant": { "age": 12 }, "imprevue": true,
            "debut": "05/03/2018", "fin": "09/03/2018", "cause": "maladie_soudaine", "etablissement": "hopital"
        },
        "foyer": { "conjoint": true, "enfants": [{ "age": 12 }, { "age": 8 }] },
        "domicile": "metropole"
    });
    let r = evaluer(v.clone());
    assert_eq!(
        r.evenement,
        "Hospitalisation imprévue d'un enfant de 12 ans"
    );
    assert_eq!(statut(&r, "1-2"), Ouvert);
    assert!(r.services.iter().all(|s| !s.code.starts_with('3')));
    // A child of 18 without handicap is not a beneficiary.
    let mut v18 = v;
    v18["evenement"]["enfant"] = json!({ "age": 18 });
    let r = evaluer(v18);
    assert!(r.services.iter().all(|s| s.statut == NonOuvert));
}

#[test]
fn serious_illness_of_a_child_in_time_gives_50_units_late_prorated() {
    let v = |appel: &str| {
        json!({
            "evenement": { "type": "maladie_grave_enfant", "enfant": { "age": 6 }, "debut": "10/01/2018" },
            "foyer": { "conjoint": true, "enfants": [{ "age": 6 }] },
            "domicile": "metropole",
            "date_appel": appel
        })
    };
    // Day 30 = 08/02/2018: in time, 50 units from 10/01/2018 to 09/01/2019.
    let r = evaluer(v("08/02/2018"));
    let e = r.enveloppe.clone().unwrap();
    assert_eq!((e.annexe.as_str(), e.unites_disponibles), ("enfant", 50));
    assert_eq!(e.fin.to_string(), "2019-01-09");
    assert_eq!(statut(&r, "3-5"), Ouvert);
    // Day 31 = 09/02/2018: 365 − 31 = 334 days left; 50 × 334 / 365 = 45,75 → 45 units.
    let r = evaluer(v("09/02/2018"));
    let e = r.enveloppe.clone().unwrap();
    assert_eq!(e.unites_disponibles, 45);
    assert!(e.calcul.unwrap().contains("334"));
    assert!(service(&r, "3-4")
        .modalites
        .iter()
        .any(|c| c.contains("certificat médical")));
    assert_eq!(statut(&r, "3-4"), Ouvert);
}

// ------------------------------------------------------- PTA and mutation

#[test]
fn pta_opens_an_adult_envelope_once_per_twelve_months() {
    let v = |precedente: &str| {
        json!({
            "evenement": { "type": "pta", "personne": "membre", "debut": "01/09/2018" },
            "foyer": { "conjoint": false, "enfants": [] },
            "domicile": "metropole",
            "enveloppe_precedente": precedente
        })
    };
    let r = evaluer(v(""));
    let e = r.enveloppe.clone().unwrap();
    assert_eq!(
        (e.unites_disponibles, e.fin.to_string()),
        (50, "2019-08-31".to_string())
    );
    assert_eq!(statut(&r, "2-3"), Ouvert);
    // An envelope from 01/03/2018 runs to 28/02/2019: refused.
    let r = evaluer(v("01/03/2018"));
    assert_eq!(statut(&r, "2-1"), NonOuvert);
    assert!(r.enveloppe.is_none());
    // One from 01/09/2017 is over on 01/09/2018: a new one is possible.
    let r = evaluer(v("01/09/2017"));
    assert_eq!(statut(&r, "2-1"), Ouvert);
}

#[test]
fn mutation_cleaning_within_a_month_and_job_search_needs_a_conjoint() {
    let v = json!({
        "evenement": { "type": "mutation", "debut": "01/09/2018", "fin": "25/08/2018", "en_france": true },
        "foyer": { "conjoint": false, "enfants": [] },
        "domicile": "metropole",
        "date_appel": "26/09/2018"
    });
    let r = evaluer(v.clone());
    assert_eq!(statut(&r, "4-1"), NonOuvert);
    assert_eq!(statut(&r, "4-2"), Ouvert);
    // Move on 25/08/2018: cleaning by 25/09/2018; a call on 26/09 is too late.
    let s = service(&r, "4-3");
    assert!(s
        .limites
        .iter()
        .any(|l| l.contains("au plus tard le 25/09/2018")));
    assert_eq!(s.statut, NonOuvert);
    assert!(s.limites.iter().any(|l| l.contains("500\u{202f}€ au plus")));
    let mut v2 = v;
    v2["foyer"]["conjoint"] = json!(true);
    v2["date_appel"] = json!("25/09/2018");
    let r = evaluer(v2);
    assert_eq!(statut(&r, "4-1"), Ouvert);
    assert_eq!(statut(&r, "4-3"), Ouvert);
}

// ---------------------------------------------------------------- envelope

#[test]
fn adult_envelope_used_and_left() {
    // 2 × présence d'un proche (10) + 3 × transport (4) + 10 × portage (1) = 20 + 12 + 10 = 42 ; 50 − 42 = 8.
    let r = enveloppe_pour(json!({
        "annexe": "adulte",
        "consommations": [
            { "prestation": "presence_proche", "quantite": 2 },
            { "prestation": "transport_rdv_medicaux", "quantite": 3 },
            { "prestation": "portage_repas", "quantite": 10 }
        ]
    }));
    assert_eq!(
        (r.unites_utilisees, r.unites_restantes, r.depassement),
        (42, 8, 0)
    );
    let l = |c: &str| r.lignes.iter().find(|x| x.code == c).unwrap().clone();
    assert_eq!(l("presence_proche").encore_possible, 0); // 8 / 10
    assert_eq!(l("transport_rdv_medicaux").encore_possible, 2); // 8 / 4
    assert_eq!(l("livraison_medicaments").encore_possible, 4); // 8 / 2
    assert_eq!(l("garde_enfants").unites, 0);
    assert_eq!(r.lignes.len(), 10);
}

#[test]
fn child_envelope_prices_medicine_delivery_at_four_units() {
    // Annex 2: 5 × livraison de médicaments (4) + 10 h garde d'enfants malades (2) = 20 + 20 = 40.
    let r = enveloppe_pour(json!({
        "annexe": "enfant",
        "consommations": [
            { "prestation": "livraison_medicaments", "quantite": "5" },
            { "prestation": "garde_enfants_malades", "quantite": "10" }
        ]
    }));
    assert_eq!((r.unites_utilisees, r.unites_restantes), (40, 10));
    assert_eq!(r.lignes.len(), 6);
}

#[test]
fn envelope_overdrawn_and_prorated() {
    // 6 × 10 = 60 > 50: 10 over.
    let r = enveloppe_pour(json!({
        "annexe": "adulte",
        "consommations": [{ "prestation": "presence_proche", "quantite": 6 }]
    }));
    assert_eq!(
        (r.unites_utilisees, r.unites_restantes, r.depassement),
        (60, 0, 10)
    );
    // With 45 units after a late declaration: 4 × 10 = 40, 5 left.
    let r = enveloppe_pour(json!({
        "annexe": "enfant",
        "unites_disponibles": "45",
        "consommations": [{ "prestation": "presence_proche", "quantite": 4 }]
    }));
    assert_eq!((r.unites_disponibles, r.unites_restantes), (45, 5));
}

#[test]
fn envelope_refuses_a_service_the_annex_does_not_have() {
    let s: EnveloppeSaisie = serde_json::from_value(json!({
        "annexe": "enfant",
        "consommations": [{ "prestation": "livraison_courses", "quantite": 1 }]
    }))
    .unwrap();
    let b = Baremes::integres().unwrap();
    let e = s.lire(&b.assistance).unwrap_err();
    assert_eq!(e.nom_champ(), Some("consommations[1].prestation"));
    assert!(e.to_string().contains("ne figure pas dans l'annexe 2"));
}

#[test]
fn annex_unit_values_match_the_seed() {
    // Each row of assistance.toml is found in the seed text with its value.
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/004_9891b988bdd5c817.txt"
    ))
    .expect("seed 004");
    let debut = seed.find("ANNEXE 1 - ENVELOPPE ADULTES").expect("annexe 1");
    let milieu = seed.find("ANNEXE 2 - ENVELOPPE enfants").expect("annexe 2");
    let fin = milieu + seed[milieu..].find("IMA ASSURANCES").expect("fin annexe 2");
    let (a1, a2) = (&seed[debut..milieu], &seed[milieu..fin]);
    let attendu_a1 = [
        (
            "Présence d’un proche 1 trajet aller et/ou retour + hébergement* 10 unités",
            10,
        ),
        (
            "Transport aux RDV médicaux 1 transport aller et/ou retour 4 unités",
            4,
        ),
        ("Livraison de médicaments 1 livraison 2 unités", 2),
        ("Livraison de courses 1 livraison 4 unités", 4),
        ("Portage de repas 1 livraison 1 unité", 1),
        ("Coiffure à domicile 1 déplacement 1 unité", 1),
        ("Entretien de jardin 1 heure 1 unité", 1),
        ("Garde d’enfants 1 heure 2 unités", 2),
        (
            "Conduite à l’école 1 transport aller et/ou retour par jour 4 unités",
            4,
        ),
        (
            "Conduite activités extrascolaires 1 transport aller et/ou retour par jour 4 unités",
            4,
        ),
    ];
    let attendu_a2 = [
        (
            "Présence d’un proche 1 trajet aller et/ou retour + hébergement* 10 unités",
            10,
        ),
        (
            "Transport aux RDV médicaux 1 transport aller et/ou retour 4 unités",
            4,
        ),
        ("Livraison de médicaments 1 livraison 4 unités", 4),
        ("Portage de repas 1 livraison 1 unité", 1),
        ("Coiffure à domicile 1 déplacement 1 unité", 1),
        ("Garde d’enfants malades 1 heure 2 unités", 2),
    ];
    let b = Baremes::integres().unwrap().assistance;
    for (texte, table, attendu) in [
        (a1, &b.annexe1, &attendu_a1[..]),
        (a2, &b.annexe2, &attendu_a2[..]),
    ] {
        assert_eq!(table.len(), attendu.len());
        for (row, (ligne, valeur)) in table.iter().zip(attendu) {
            assert!(texte.contains(ligne), "ligne absente du seed : {ligne}");
            assert_eq!(row.valeur, *valeur, "{}", row.code);
        }
    }
}

#[test]
fn bad_event_input_names_the_field() {
    let cas = [
        (
            json!({ "evenement": { "type": "naissance" }, "domicile": "metropole" }),
            "evenement.type",
        ),
        (
            json!({ "evenement": { "type": "hospitalisation", "personne": "membre", "imprevue": true,
                    "debut": "10/03/2018", "fin": "05/03/2018", "cause": "accident", "etablissement": "hopital" },
                    "domicile": "metropole" }),
            "evenement.fin",
        ),
        (
            json!({ "evenement": { "type": "hospitalisation", "personne": "membre",
                    "debut": "05/03/2018", "fin": "10/03/2018", "cause": "accident", "etablissement": "hopital" },
                    "domicile": "metropole" }),
            "evenement.imprevue",
        ),
        (
            json!({ "evenement": { "type": "pta", "personne": "membre", "debut": "01/09/2018" } }),
            "domicile",
        ),
        (
            json!({ "evenement": { "type": "maladie_grave_enfant", "enfant": { "age": "six" }, "debut": "01/09/2018" },
                    "domicile": "metropole" }),
            "evenement.enfant.age",
        ),
    ];
    for (v, champ) in cas {
        let s: AssistanceSaisie = serde_json::from_value(v).unwrap();
        let e = s.lire().unwrap_err();
        assert_eq!(e.nom_champ(), Some(champ), "{e}");
        assert!(e.to_string().starts_with(&format!("champ « {champ} »")));
    }
}
