//! Garantie invalidité additionnelle au Corem: cotisation (art. 11),
//! conditions of adhesion (art. 2) and dates (art. 3 and 4), worked by hand
//! from the notice, with the 57th and 60th birthdays as boundaries.

use guichet::simulateurs::corem::{self, CoremResultat, CoremSaisie};
use guichet::simulateurs::{Baremes, Statut};
use rust_decimal_macros::dec;
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "cotisation_annuelle": "1200",
        "date_naissance": "10/05/1980",
        "date_demande": "15/03/2018",
        "qualite": "membre",
        "en_activite": true
    })
}

fn simuler(v: Value) -> CoremResultat {
    let s: CoremSaisie = serde_json::from_value(v).expect("saisie JSON");
    let b = Baremes::integres().unwrap();
    corem::simuler(
        &b.corem,
        &s.lire(b.corem.annees_moyenne).expect("saisie valide"),
    )
}

fn erreur(v: Value) -> (String, String) {
    let s: CoremSaisie = serde_json::from_value(v).expect("saisie JSON");
    let e = s.lire(3).expect_err("saisie invalide attendue");
    (e.nom_champ().unwrap_or("").to_string(), e.to_string())
}

fn avec(mut v: Value, cle: &str, val: Value) -> Value {
    v[cle] = val;
    v
}

#[test]
fn rate_3_20_percent_of_the_annual_contribution() {
    // 3,20 % × 1 200 = 38,40 ; 38,40 / 12 = 3,20 exactly.
    let r = simuler(base());
    assert_eq!(r.cotisation, dec!(38.40));
    assert_eq!(
        (r.mensualite, r.derniere_mensualite),
        (dec!(3.20), dec!(3.20))
    );
    assert_eq!(
        r.calcul,
        "3,20\u{202f}% × 1\u{202f}200,00\u{202f}€ = 38,40\u{202f}€"
    );
    assert!(r.eligible);
}

#[test]
fn monthly_payments_add_up_to_the_year() {
    // 3,20 % × 1 000 = 32,00 ; 32 / 12 = 2,666… → 2,66 ; last 32 − 11 × 2,66 = 2,74.
    let r = simuler(avec(base(), "cotisation_annuelle", json!("1000")));
    assert_eq!(r.cotisation, dec!(32.00));
    assert_eq!(
        (r.mensualite, r.derniere_mensualite),
        (dec!(2.66), dec!(2.74))
    );
    // 3,20 % × 1 234,56 = 39,50592 → 39,51 ; /12 = 3,2925 → 3,29 ; last 39,51 − 36,19 = 3,32.
    let r = simuler(avec(base(), "cotisation_annuelle", json!("1 234,56")));
    assert_eq!(r.cotisation, dec!(39.51));
    assert_eq!(
        (r.mensualite, r.derniere_mensualite),
        (dec!(3.29), dec!(3.32))
    );
}

#[test]
fn average_of_three_years_when_payments_stopped() {
    // (1 200 + 1 100 + 1 000) / 3 = 1 100 ; 3,20 % × 1 100 = 35,20 ;
    // 35,20 / 12 = 2,9333 → 2,93 ; last 35,20 − 32,23 = 2,97.
    let mut v = base();
    v["cotisation_annuelle"] = json!("");
    v["versements"] = json!(["1200", "1100", "1000"]);
    let r = simuler(v);
    assert_eq!(r.mode, "moyenne");
    assert_eq!(r.assiette, dec!(1100.00));
    assert_eq!(r.cotisation, dec!(35.20));
    assert_eq!(
        (r.mensualite, r.derniere_mensualite),
        (dec!(2.93), dec!(2.97))
    );
    assert!(r.notes.iter().any(|n| n.texte.contains("rachats")));
}

#[test]
fn average_with_a_year_without_payment_and_a_non_terminating_average() {
    // (1 000 + 0 + 500) / 3 = 500 ; 3,20 % × 500 = 16,00.
    let mut v = base();
    v["cotisation_annuelle"] = json!("");
    v["versements"] = json!(["1000", "0", "500"]);
    assert_eq!(simuler(v.clone()).cotisation, dec!(16.00));
    // (100 + 100 + 101) / 3 = 100,333… ; × 3,20 % = 3,210666… → 3,21 ; shown average 100,33.
    v["versements"] = json!(["100", "100", "101"]);
    let r = simuler(v);
    assert_eq!(r.assiette, dec!(100.33));
    assert_eq!(r.cotisation, dec!(3.21));
}

#[test]
fn dates_effect_first_of_next_month_waiting_three_years_end_at_60() {
    // Request 15/03/2018 → effect 01/04/2018 ; first period to 31/12/2018 ;
    // waiting to 31/03/2021, guarantee from 01/04/2021 ; born 10/05/1980 → ends 10/05/2040.
    let r = simuler(base());
    let d = r.dates.expect("dates");
    assert_eq!(d.date_effet.to_string(), "2018-04-01");
    assert_eq!(d.fin_premiere_periode.to_string(), "2018-12-31");
    assert_eq!(d.fin_delai_attente.to_string(), "2021-03-31");
    assert_eq!(d.garantie_acquise_le.to_string(), "2021-04-01");
    assert_eq!(d.date_fin.to_string(), "2040-05-10");
    assert!(r.avertissements.is_empty());
}

#[test]
fn a_request_on_the_first_takes_effect_the_next_month() {
    let r = simuler(avec(base(), "date_demande", json!("01/03/2018")));
    assert_eq!(r.dates.unwrap().date_effet.to_string(), "2018-04-01");
}

#[test]
fn a_december_request_takes_effect_on_1_january() {
    // 15/12/2018 → 01/01/2019, first period to 31/12/2019.
    let r = simuler(avec(base(), "date_demande", json!("15/12/2018")));
    let d = r.dates.unwrap();
    assert_eq!(d.date_effet.to_string(), "2019-01-01");
    assert_eq!(d.fin_premiere_periode.to_string(), "2019-12-31");
    assert_eq!(d.fin_delai_attente.to_string(), "2021-12-31");
}

#[test]
fn age_57_day_before_accepted_day_of_refused() {
    // Born 15/06/1961: 57 on 15/06/2018.
    let v = avec(base(), "date_naissance", json!("15/06/1961"));
    let r = simuler(avec(v.clone(), "date_demande", json!("14/06/2018")));
    assert!(r.eligible);
    assert_eq!(r.age_a_la_demande, 56);
    let r = simuler(avec(v, "date_demande", json!("15/06/2018")));
    assert!(!r.eligible);
    assert_eq!(r.age_a_la_demande, 57);
    assert!(r.dates.is_none());
    assert!(
        r.motifs[0].starts_with("57 ans à la date de la demande (15/06/2018)"),
        "{}",
        r.motifs[0]
    );
}

#[test]
fn at_56_the_waiting_period_can_outlast_the_60th_birthday() {
    // Born 15/06/1961, request 14/06/2018 → effect 01/07/2018, waiting to
    // 30/06/2021, but the right ends on the 60th birthday, 15/06/2021.
    let v = avec(base(), "date_naissance", json!("15/06/1961"));
    let r = simuler(avec(v, "date_demande", json!("14/06/2018")));
    let d = r.dates.unwrap();
    assert_eq!(d.date_fin.to_string(), "2021-06-15");
    assert_eq!(d.fin_delai_attente.to_string(), "2021-06-30");
    assert_eq!(r.avertissements.len(), 1);
    assert!(r.avertissements[0].contains("aucune prestation"));
}

#[test]
fn sixtieth_birthday_day_of_and_day_after_the_waiting_period() {
    // Effect 01/01/2019 (request 31/12/2018) → guarantee acquired 01/01/2022.
    // Born 01/01/1962: 60 on 01/01/2022, the day it would be acquired → warning.
    let v = avec(base(), "date_demande", json!("31/12/2018"));
    let r = simuler(avec(v.clone(), "date_naissance", json!("01/01/1962")));
    assert_eq!(r.dates.as_ref().unwrap().date_fin.to_string(), "2022-01-01");
    assert_eq!(r.avertissements.len(), 1);
    // Born 02/01/1962: 60 on 02/01/2022, the day after → one day of cover, no warning.
    let r = simuler(avec(v, "date_naissance", json!("02/01/1962")));
    assert_eq!(r.dates.as_ref().unwrap().date_fin.to_string(), "2022-01-02");
    assert!(r.avertissements.is_empty());
}

#[test]
fn leap_day_birth_reaches_57_on_28_february() {
    // Born 29/02/1964: 57 on 28/02/2021 (2021 has no 29 February); 60 on 29/02/2024.
    let v = avec(base(), "date_naissance", json!("29/02/1964"));
    let r = simuler(avec(v.clone(), "date_demande", json!("27/02/2021")));
    assert!(r.eligible);
    assert_eq!(r.dates.unwrap().date_fin.to_string(), "2024-02-29");
    let r = simuler(avec(v, "date_demande", json!("28/02/2021")));
    assert!(!r.eligible);
}

#[test]
fn sick_leave_and_invalidity_are_refused_each_with_its_reason() {
    let r = simuler(avec(base(), "en_arret", json!(true)));
    assert!(!r.eligible);
    assert_eq!(
        r.motifs,
        vec!["Demande présentée pendant un arrêt de travail : elle n'est pas recevable."]
    );
    let r = simuler(avec(
        avec(base(), "en_arret", json!(true)),
        "en_invalidite",
        json!(true),
    ));
    assert_eq!(r.motifs.len(), 2);
    assert!(r.motifs[1].contains("invalidité"));
}

#[test]
fn not_working_or_not_a_member_is_refused_conjoint_is_accepted() {
    let r = simuler(avec(base(), "en_activite", json!(false)));
    assert!(!r.eligible);
    assert!(r.motifs[0].contains("en activité"));
    let r = simuler(avec(base(), "qualite", json!("autre")));
    assert!(!r.eligible);
    assert!(r.motifs[0].contains("membres participants et aux bénéficiaires conjoints"));
    let r = simuler(avec(base(), "qualite", json!("conjoint")));
    assert!(r.eligible);
    let q = r.conditions.iter().find(|c| c.code == "qualite").unwrap();
    assert_eq!(
        (q.statut, q.detail.as_str()),
        (Statut::Remplie, "bénéficiaire conjoint MGEN")
    );
}

#[test]
fn the_cotisation_is_shown_even_when_refused() {
    // The adviser still sees the price: 3,20 % × 1 200 = 38,40.
    let r = simuler(avec(base(), "en_arret", json!(true)));
    assert_eq!(r.cotisation, dec!(38.40));
}

#[test]
fn bad_input_names_the_field_in_french() {
    let mut deux = base();
    deux["versements"] = json!(["1000", "900"]);
    let mut trois_sans = base();
    trois_sans["cotisation_annuelle"] = json!("");
    trois_sans["versements"] = json!(["1000", "900"]);
    let mut zeros = base();
    zeros["cotisation_annuelle"] = json!("");
    zeros["versements"] = json!(["0", "0", "0"]);
    let cas = [
        (deux, "versements", "pas les deux"),
        (trois_sans, "versements", "3 montants attendus"),
        (zeros, "versements", "moyenne serait nulle"),
        (
            avec(base(), "cotisation_annuelle", json!("")),
            "cotisation_annuelle",
            "à renseigner",
        ),
        (
            avec(base(), "cotisation_annuelle", json!("0")),
            "cotisation_annuelle",
            "supérieure à 0",
        ),
        (
            avec(base(), "date_naissance", json!("16/03/2018")),
            "date_naissance",
            "précéder",
        ),
        (
            avec(base(), "date_demande", json!("")),
            "date_demande",
            "à renseigner",
        ),
        (
            avec(base(), "qualite", json!("retraite")),
            "qualite",
            "inconnue",
        ),
        (
            avec(base(), "en_activite", Value::Null),
            "en_activite",
            "oui ou non",
        ),
    ];
    for (v, champ, morceau) in cas {
        let (c, m) = erreur(v);
        assert_eq!(c, champ, "{m}");
        assert!(m.contains(morceau), "{m}");
    }
}

#[test]
fn conjoint_with_a_leap_day_birth_and_a_request_at_the_end_of_january() {
    // Art. 11: 3,20 % × 4 567,89 = 146,17248 → 146,17 ; 146,17 / 12 =
    // 12,1808… → 12,18 ; last 146,17 − 11 × 12,18 = 146,17 − 133,98 = 12,19.
    // Art. 2: conjoint bénéficiaire, born 29/02/1976, 42 on 31/01/2019.
    // Art. 3: effect 01/02/2019 ; first period to 31/12/2019 ; waiting
    // 01/02/2019 → 31/01/2022, covered from 01/02/2022. Art. 4: the 60th
    // birthday falls in 2036, a leap year: 29/02/2036.
    let mut v = base();
    v["cotisation_annuelle"] = json!("4567.89");
    v["qualite"] = json!("conjoint");
    v["date_naissance"] = json!("29/02/1976");
    v["date_demande"] = json!("31/01/2019");
    let r = simuler(v);
    assert_eq!(r.cotisation, dec!(146.17));
    assert_eq!(
        (r.mensualite, r.derniere_mensualite),
        (dec!(12.18), dec!(12.19))
    );
    assert!(r.eligible);
    assert_eq!(r.age_a_la_demande, 42);
    let d = r.dates.expect("dates");
    assert_eq!(d.date_effet.to_string(), "2019-02-01");
    assert_eq!(d.fin_premiere_periode.to_string(), "2019-12-31");
    assert_eq!(d.fin_delai_attente.to_string(), "2022-01-31");
    assert_eq!(d.garantie_acquise_le.to_string(), "2022-02-01");
    assert_eq!(d.date_fin.to_string(), "2036-02-29");
}

#[test]
fn not_a_member_and_in_invalidity_gives_two_reasons_in_order_and_no_dates() {
    // Art. 2: reserved to members and conjoints (1st reason), not during an
    // invalidity (2nd reason); 37 years old and working: those conditions hold.
    let mut v = base();
    v["qualite"] = json!("autre");
    v["en_invalidite"] = json!(true);
    let r = simuler(v);
    assert!(!r.eligible);
    assert!(r.dates.is_none());
    assert_eq!(r.motifs.len(), 2, "{:?}", r.motifs);
    assert!(
        r.motifs[0].contains("membres participants"),
        "{}",
        r.motifs[0]
    );
    assert!(r.motifs[1].contains("invalidité"), "{}", r.motifs[1]);
    let non_remplies: Vec<&str> = r
        .conditions
        .iter()
        .filter(|c| c.statut == Statut::NonRemplie)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(non_remplies, ["qualite", "invalidite"]);
    // The cotisation is still priced: 3,20 % × 1 200 = 38,40.
    assert_eq!(r.cotisation, dec!(38.40));
}
