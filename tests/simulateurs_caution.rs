//! Caution acquisition: the notice's examples (art. 8) and cases worked by
//! hand from the notice, including every refusal reason and the boundaries
//! (80 000, 130 000, 1 000 000 €; the 70th and 76th birthdays).

use guichet::simulateurs::caution::{self, CautionResultat, CautionSaisie};
use guichet::simulateurs::{Baremes, Statut};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::{json, Value};

fn simuler(v: Value) -> CautionResultat {
    let s: CautionSaisie = serde_json::from_value(v).expect("saisie JSON");
    let b = Baremes::integres().unwrap();
    caution::simuler(&b.caution, &s.lire().expect("saisie valide"))
}

fn erreur(v: Value) -> (String, String) {
    let s: CautionSaisie = serde_json::from_value(v).expect("saisie JSON");
    let e = s.lire().expect_err("saisie invalide attendue");
    (e.nom_champ().unwrap_or("").to_string(), e.to_string())
}

/// One amortising loan.
fn pret(montant: &str, duree: u32) -> Value {
    json!({ "montant": montant, "type": "amortissable", "duree_mois": duree })
}

/// A request where every checked condition holds, for `montant` (≤ 130 000).
fn complet(montant: &str) -> Value {
    json!({
        "prets": [pret(montant, 240)],
        "date_demande": "01/03/2018",
        "date_naissance": "15/06/1975",
        "date_effet": "01/05/2018",
        "operation": "ancien",
        "cout_operation": "250000",
        "apport": "100000",
        "quote_part": "100",
        "localisation": "metropole"
    })
}

fn statut(r: &CautionResultat, code: &str) -> Statut {
    r.conditions
        .iter()
        .find(|c| c.code == code)
        .unwrap_or_else(|| panic!("condition {code} absente"))
        .statut
}

fn cot(montant: &str) -> Decimal {
    simuler(json!({ "prets": [pret(montant, 240)] })).cotisation
}

#[test]
fn notice_example_60_000_costs_250() {
    // Art. 8: "de 0 à 80 000 euros, le montant de la cotisation est de 250 euros".
    let r = simuler(json!({ "prets": [pret("60000", 240)] }));
    assert_eq!(r.cotisation, dec!(250.00));
    assert_eq!(r.detail.lignes.len(), 1);
}

#[test]
fn notice_example_110_000_costs_520() {
    // 250 + (110 000 − 80 000) × 0,90 % = 250 + 270 = 520.
    let r = simuler(json!({ "prets": [pret("110 000", 240)] }));
    assert_eq!(r.cotisation, dec!(520.00));
    let m: Vec<Decimal> = r.detail.lignes.iter().map(|l| l.montant).collect();
    assert_eq!(m, vec![dec!(250.00), dec!(270.00)]);
    assert_eq!(r.detail.lignes[1].base, dec!(30000.00));
}

#[test]
fn notice_example_250_000_costs_2140() {
    // 250 + (130 000 − 80 000) × 0,90 % + (250 000 − 130 000) × 1,2 %
    // = 250 + 450 + 1 440 = 2 140.
    let r = simuler(json!({ "prets": [pret("250000", 240)] }));
    assert_eq!(r.cotisation, dec!(2140.00));
    let m: Vec<Decimal> = r.detail.lignes.iter().map(|l| l.montant).collect();
    assert_eq!(m, vec![dec!(250.00), dec!(450.00), dec!(1440.00)]);
}

#[test]
fn boundary_80_000_is_the_flat_fee_alone() {
    // 80 000 is in the first tranche: 250 €, no 0,90 % line.
    let r = simuler(json!({ "prets": [pret("80000", 240)] }));
    assert_eq!(r.cotisation, dec!(250.00));
    assert_eq!(r.detail.lignes.len(), 1);
    // 80 001: 1 € × 0,90 % = 0,009 → 0,01 → 250,01.
    assert_eq!(cot("80001"), dec!(250.01));
    // 80 000,50: 0,50 × 0,90 % = 0,0045 → 0,00 → 250,00 (but a second line appears).
    let r = simuler(json!({ "prets": [pret("80000,50", 240)] }));
    assert_eq!(r.cotisation, dec!(250.00));
    assert_eq!(r.detail.lignes.len(), 2);
}

#[test]
fn boundary_130_000_needs_no_contribution_130_000_01_does() {
    // 130 000: 250 + 50 000 × 0,90 % = 700; contribution only above 130 000 (art. 6-2-4).
    let r = simuler(json!({ "prets": [pret("130000", 240)] }));
    assert_eq!(r.cotisation, dec!(700.00));
    assert_eq!(statut(&r, "apport"), Statut::Remplie);
    assert_eq!(r.apport_exige, None);
    // 130 000,01: + 0,01 × 1,2 % = 0,00012 → 700,00; the contribution is now
    // required and, without the operation, cannot be checked.
    let r = simuler(json!({ "prets": [pret("130000.01", 240)] }));
    assert_eq!(r.cotisation, dec!(700.00));
    assert_eq!(statut(&r, "apport"), Statut::AVerifier);
    // 130 001: 1 × 1,2 % = 0,012 → 0,01 → 700,01.
    assert_eq!(cot("130001"), dec!(700.01));
}

#[test]
fn boundary_1_000_000_is_covered_one_cent_more_is_refused() {
    // 250 + 450 + (1 000 000 − 130 000) × 1,2 % = 250 + 450 + 10 440 = 11 140.
    let r = simuler(json!({ "prets": [pret("1000000", 300)] }));
    assert_eq!(r.cotisation, dec!(11140.00));
    assert_eq!(statut(&r, "plafond"), Statut::Remplie);
    let r = simuler(json!({ "prets": [pret("1000000.01", 300)] }));
    assert_eq!(statut(&r, "plafond"), Statut::NonRemplie);
    assert_eq!(r.eligible, Some(false));
    // The part above the ceiling is not covered and adds nothing.
    assert_eq!(r.cotisation, dec!(11140.00));
    assert!(
        r.motifs[0].contains("dépasse le montant cautionnable"),
        "{:?}",
        r.motifs
    );
}

#[test]
fn other_insurance_than_cnp_doubles_the_cotisation() {
    // 520 × 2 = 1 040, shown as 520 + 520.
    let r = simuler(json!({ "prets": [pret("110000", 240)], "autre_assurance": true }));
    assert_eq!(r.detail.cotisation_base, dec!(520.00));
    assert_eq!(r.detail.majoration_autre_assurance, dec!(520.00));
    assert_eq!(r.cotisation, dec!(1040.00));
    // 60 000: 250 × 2 = 500.
    let r = simuler(json!({ "prets": [pret("60000", 240)], "autre_assurance": true }));
    assert_eq!(r.cotisation, dec!(500.00));
}

#[test]
fn several_loans_are_priced_on_their_total() {
    // 200 000 + 50 000 = 250 000 → 2 140 (notice example), not 1 780 + 250.
    let r = simuler(json!({ "prets": [
        pret("200000", 300),
        { "montant": "50000", "type": "travaux", "duree_mois": 120 }
    ]}));
    assert_eq!(r.montant_total, dec!(250000.00));
    assert_eq!(r.cotisation, dec!(2140.00));
    assert!(r
        .notes
        .iter()
        .any(|n| n.a_confirmer && n.texte.contains("total des 2 prêts")));
}

#[test]
fn all_conditions_met_is_eligible() {
    let r = simuler(complet("120000"));
    assert_eq!(r.eligible, Some(true), "{:?}", r.conditions);
    assert!(r.motifs.is_empty());
    // 250 + 40 000 × 0,90 % = 610.
    assert_eq!(r.cotisation, dec!(610.00));
}

#[test]
fn missing_information_leaves_eligibility_open() {
    let r = simuler(json!({ "prets": [pret("100000", 240)] }));
    assert_eq!(r.eligible, None);
    assert_eq!(statut(&r, "age_emprunteur"), Statut::AVerifier);
    assert_eq!(statut(&r, "quote_part"), Statut::AVerifier);
    assert_eq!(statut(&r, "localisation"), Statut::AVerifier);
    assert!(r.motifs.is_empty());
}

#[test]
fn age_70_day_before_is_accepted_day_of_is_refused() {
    // Born 15/06/1948: 70 on 15/06/2018.
    let mut v = complet("100000");
    v["date_naissance"] = json!("15/06/1948");
    v["date_demande"] = json!("14/06/2018");
    let r = simuler(v.clone());
    assert_eq!(statut(&r, "age_emprunteur"), Statut::Remplie);
    assert!(r.conditions[0].detail.starts_with("69 ans"));
    v["date_demande"] = json!("15/06/2018");
    let r = simuler(v);
    assert_eq!(statut(&r, "age_emprunteur"), Statut::NonRemplie);
    assert_eq!(r.eligible, Some(false));
    assert!(
        r.motifs[0].starts_with("L'emprunteur a 70 ans"),
        "{}",
        r.motifs[0]
    );
}

#[test]
fn co_borrower_of_70_is_refused_and_named() {
    let mut v = complet("100000");
    v["date_naissance_co_emprunteur"] = json!("01/01/1948");
    let r = simuler(v);
    assert_eq!(statut(&r, "age_emprunteur"), Statut::Remplie);
    assert_eq!(statut(&r, "age_co_emprunteur"), Statut::NonRemplie);
    assert_eq!(r.motifs.len(), 1);
    assert!(
        r.motifs[0].starts_with("Le co-emprunteur a 70 ans"),
        "{}",
        r.motifs[0]
    );
}

#[test]
fn relay_loan_24_months_accepted_25_refused() {
    let mut v = complet("100000");
    v["prets"] = json!([{ "montant": "100000", "type": "relais", "duree_mois": 24 }]);
    assert_eq!(statut(&simuler(v.clone()), "duree_relais"), Statut::Remplie);
    v["prets"][0]["duree_mois"] = json!(25);
    let r = simuler(v);
    assert_eq!(statut(&r, "duree_relais"), Statut::NonRemplie);
    assert!(
        r.motifs[0].contains("relais dure 25 mois"),
        "{}",
        r.motifs[0]
    );
}

#[test]
fn in_fine_loan_is_refused() {
    let mut v = complet("100000");
    v["prets"][0]["type"] = json!("in-fine");
    let r = simuler(v);
    assert_eq!(statut(&r, "type_pret"), Statut::NonRemplie);
    assert_eq!(
        r.motifs,
        vec![
            "Le prêt in fine (non amortissable) : ce type de prêt est exclu de la caution."
                .to_string()
        ]
    );
}

#[test]
fn duration_30_years_accepted_one_month_more_refused() {
    let mut v = complet("100000");
    v["prets"][0]["duree_mois"] = json!(360);
    assert_eq!(statut(&simuler(v.clone()), "duree_max"), Statut::Remplie);
    v["prets"][0]["duree_mois"] = json!(361);
    let r = simuler(v);
    assert_eq!(statut(&r, "duree_max"), Statut::NonRemplie);
    assert!(r.motifs[0].contains("361 mois"));
}

#[test]
fn works_consumer_credit_75_000_accepted_one_cent_more_refused() {
    let mut v = complet("75000");
    v["prets"] = json!([{ "montant": "75000", "type": "travaux", "duree_mois": 120 }]);
    assert_eq!(
        statut(&simuler(v.clone()), "credit_travaux"),
        Statut::Remplie
    );
    v["prets"][0]["montant"] = json!("75000,01");
    let r = simuler(v);
    assert_eq!(statut(&r, "credit_travaux"), Statut::NonRemplie);
    assert!(
        r.motifs[0].contains("75\u{202f}000,01\u{202f}€"),
        "{}",
        r.motifs[0]
    );
}

#[test]
fn ceiling_is_reduced_by_capital_still_due_elsewhere() {
    // 1 000 000 − 450 000 = 550 000: 550 000 accepted, 550 000,01 refused.
    let mut v = complet("550000");
    v["prets"] = json!([pret("550000", 300)]);
    v["encours_autres"] = json!("450000");
    v["cout_operation"] = json!("700000");
    v["apport"] = json!("150000");
    let r = simuler(v.clone());
    assert_eq!(r.plafond_disponible, dec!(550000.00));
    assert_eq!(statut(&r, "plafond"), Statut::Remplie);
    v["prets"][0]["montant"] = json!("550000.01");
    let r = simuler(v);
    assert_eq!(statut(&r, "plafond"), Statut::NonRemplie);
    assert!(
        r.motifs[0].contains("550\u{202f}000,00\u{202f}€"),
        "{}",
        r.motifs[0]
    );
}

#[test]
fn contribution_old_home_10_percent_exactly_is_enough() {
    // 10 % × 200 000 = 20 000: 20 000 accepted, 19 999,99 refused.
    let mut v = complet("150000");
    v["prets"] = json!([pret("150000", 240)]);
    v["cout_operation"] = json!("200000");
    v["apport"] = json!("20000");
    let r = simuler(v.clone());
    assert_eq!(r.apport_exige, Some(dec!(20000.00)));
    assert_eq!(statut(&r, "apport"), Statut::Remplie);
    v["apport"] = json!("19999.99");
    let r = simuler(v);
    assert_eq!(statut(&r, "apport"), Statut::NonRemplie);
    assert!(r.motifs[0].starts_with("Apport personnel insuffisant"));
}

#[test]
fn contribution_old_home_with_works_15_percent_new_home_20_percent() {
    // 15 % × 300 000 = 45 000; 20 % × 300 000 = 60 000.
    let mut v = complet("250000");
    v["prets"] = json!([pret("250000", 300)]);
    v["cout_operation"] = json!("300000");
    v["apport"] = json!("50000");
    v["operation"] = json!("ancien-travaux");
    let r = simuler(v.clone());
    assert_eq!(r.apport_exige, Some(dec!(45000.00)));
    assert_eq!(statut(&r, "apport"), Statut::Remplie);
    v["operation"] = json!("neuf");
    let r = simuler(v.clone());
    assert_eq!(r.apport_exige, Some(dec!(60000.00)));
    assert_eq!(statut(&r, "apport"), Statut::NonRemplie);
    // Land: no rate in the notice; read as new home, 20 %, flagged.
    v["operation"] = json!("terrain");
    let r = simuler(v);
    assert_eq!(r.apport_exige, Some(dec!(60000.00)));
    assert!(r
        .notes
        .iter()
        .any(|n| n.a_confirmer && n.texte.contains("terrain")));
}

#[test]
fn member_owning_less_than_half_is_refused() {
    let mut v = complet("100000");
    v["quote_part"] = json!("50 %");
    assert_eq!(statut(&simuler(v.clone()), "quote_part"), Statut::Remplie);
    v["quote_part"] = json!("49,99");
    let r = simuler(v);
    assert_eq!(statut(&r, "quote_part"), Statut::NonRemplie);
    assert!(r.motifs[0].contains("49,99\u{202f}%"));
}

#[test]
fn property_abroad_or_in_a_pays_d_outre_mer_is_refused() {
    let mut v = complet("100000");
    v["localisation"] = json!("drom");
    assert_eq!(statut(&simuler(v.clone()), "localisation"), Statut::Remplie);
    for lieu in ["com", "etranger"] {
        v["localisation"] = json!(lieu);
        let r = simuler(v.clone());
        assert_eq!(statut(&r, "localisation"), Statut::NonRemplie, "{lieu}");
        assert_eq!(r.eligible, Some(false));
    }
}

#[test]
fn every_failing_condition_is_named() {
    let r = simuler(json!({
        "prets": [
            { "montant": "900000", "type": "in-fine", "duree_mois": 400 },
            { "montant": "80000", "type": "travaux", "duree_mois": 60 },
            { "montant": "50000", "type": "relais", "duree_mois": 36 }
        ],
        "date_demande": "01/03/2018",
        "date_naissance": "01/01/1940",
        "date_naissance_co_emprunteur": "01/01/1945",
        "operation": "neuf",
        "cout_operation": "1100000",
        "apport": "0",
        "quote_part": "30",
        "localisation": "etranger"
    }));
    let codes: Vec<&str> = r
        .conditions
        .iter()
        .filter(|c| c.statut == Statut::NonRemplie)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "age_emprunteur",
            "age_co_emprunteur",
            "type_pret",
            "duree_relais",
            "duree_max",
            "credit_travaux",
            "plafond",
            "apport",
            "quote_part",
            "localisation"
        ]
    );
    assert_eq!(r.motifs.len(), 10);
    assert!(
        r.motifs[2].starts_with("Le prêt n° 1 in fine"),
        "{}",
        r.motifs[2]
    );
    assert!(
        r.motifs[3].starts_with("Le prêt n° 3 relais"),
        "{}",
        r.motifs[3]
    );
    assert!(
        r.motifs[5].starts_with("Le prêt n° 2 (crédit travaux)"),
        "{}",
        r.motifs[5]
    );
}

#[test]
fn guarantee_ends_the_day_before_the_76th_birthday_when_earlier_than_the_term() {
    // Effect 01/05/2018 + 300 months = term 01/05/2043.
    let mut v = complet("100000");
    v["prets"][0]["duree_mois"] = json!(300);
    // Born 01/05/1967: 76 on 01/05/2043, the eve 30/04/2043 comes first.
    v["date_naissance"] = json!("01/05/1967");
    let r = simuler(v.clone());
    assert_eq!(r.terme_prets.unwrap().to_string(), "2043-05-01");
    assert_eq!(r.date_fin.unwrap().to_string(), "2043-04-30");
    assert_eq!(r.avertissements.len(), 1);
    assert!(r.avertissements[0].contains("30/04/2043"));
    // Born 02/05/1967: the eve of the 76th birthday is 01/05/2043, the term: no warning.
    v["date_naissance"] = json!("02/05/1967");
    let r = simuler(v);
    assert_eq!(r.date_fin.unwrap().to_string(), "2043-05-01");
    assert!(r.avertissements.is_empty());
}

#[test]
fn with_a_co_borrower_the_earlier_76th_birthday_ends_it() {
    // Borrower born 10/10/1970 (eve of 76: 09/10/2046), co-borrower born
    // 20/03/1965 (eve of 76: 19/03/2041); term 01/05/2018 + 300 months = 01/05/2043.
    let mut v = complet("100000");
    v["prets"][0]["duree_mois"] = json!(300);
    v["date_naissance"] = json!("10/10/1970");
    v["date_naissance_co_emprunteur"] = json!("20/03/1965");
    let r = simuler(v);
    assert_eq!(r.fins_par_age.len(), 2);
    assert_eq!(r.date_fin.unwrap().to_string(), "2041-03-19");
    assert!(r.avertissements[0].contains("co-emprunteur"));
    assert!(r
        .notes
        .iter()
        .any(|n| n.a_confirmer && n.texte.contains("et/ou")));
}

#[test]
fn without_an_effect_date_the_request_date_is_used_and_said() {
    let mut v = complet("100000");
    v["date_effet"] = json!("");
    let r = simuler(v);
    assert_eq!(r.date_effet.unwrap().to_string(), "2018-03-01");
    // 01/03/2018 + 240 months.
    assert_eq!(r.terme_prets.unwrap().to_string(), "2038-03-01");
    assert!(r
        .notes
        .iter()
        .any(|n| n.texte.contains("date de la demande")));
}

#[test]
fn bad_input_names_the_field_in_french() {
    let cas = [
        (json!({ "prets": [] }), "prets", "au moins un prêt"),
        (
            json!({ "prets": [pret("0", 240)] }),
            "prets[1].montant",
            "supérieur à 0",
        ),
        (
            json!({ "prets": [pret("-5", 240)] }),
            "prets[1].montant",
            "négatif",
        ),
        (
            json!({ "prets": [{ "montant": "1000", "type": "viager" }] }),
            "prets[1].type",
            "inconnue",
        ),
        (
            json!({ "prets": [{ "montant": "1000" }] }),
            "prets[1].type",
            "à renseigner",
        ),
        (
            json!({ "prets": [pret("1000", 0)] }),
            "prets[1].duree_mois",
            "entre 1 et 1200",
        ),
        (
            json!({ "prets": [pret("1000", 240)], "quote_part": "120" }),
            "quote_part",
            "entre 0 et 100",
        ),
        (
            json!({ "prets": [pret("1000", 240)], "date_demande": "01/03/2018", "date_naissance": "02/03/2018" }),
            "date_naissance",
            "précéder",
        ),
        (
            json!({ "prets": [pret("1000", 240)], "date_demande": "30/02/2018" }),
            "date_demande",
            "n'existe pas",
        ),
        (
            json!({ "prets": [pret("1000", 240)], "cout_operation": "0" }),
            "cout_operation",
            "supérieur à 0",
        ),
    ];
    for (v, champ, morceau) in cas {
        let (c, m) = erreur(v);
        assert_eq!(c, champ, "{m}");
        assert!(m.contains(morceau), "{m}");
        assert!(m.starts_with(&format!("champ « {champ} »")), "{m}");
    }
}

#[test]
fn the_seed_states_the_three_examples_the_tests_use() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/004_9891b988bdd5c817.txt"
    ))
    .expect("seed 004");
    let plat: String = seed.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(plat.contains(
        "pour un prêt de 60 000 euros, le montant de la cotisation s’élèvera à 250 euros"
    ));
    assert!(plat.contains("250 € + [(110 000 € - 80 000 €) x 0,90 %] = 520 €"));
    assert!(plat.contains("[(250 000 € - 130 000 €) x 1,2 %] = 2 140 €"));
}
