//! Checklist dates and contents on examples worked out by hand from the
//! guide (seed 000) and the date rules of `src-tauri/fiches/dates.rs`.

use guichet::fiches::{self, Checklist, ChecklistItem, FicheError, ItemDate, SituationText};

fn build(id: &str, set: &[(&str, &str)]) -> Result<Checklist, FicheError> {
    let mut t = SituationText::default();
    for (k, v) in set {
        let v = Some(v.to_string());
        match *k {
            "debut_grossesse" => t.debut_grossesse = v,
            "terme" => t.terme = v,
            "date_accouchement" => t.date_accouchement = v,
            "constatation_grossesse" => t.constatation_grossesse = v,
            "date_arret" => t.date_arret = v,
            "statut" => t.statut = v,
            "date_perte" => t.date_perte = v,
            "motif" => t.motif = v,
            "date_soins" => t.date_soins = v,
            other => panic!("champ de test inconnu {other}"),
        }
    }
    fiches::build(id, &t)
}

fn ok(id: &str, set: &[(&str, &str)]) -> Checklist {
    build(id, set).unwrap_or_else(|e| panic!("{id} : {e}"))
}

fn item<'a>(c: &'a Checklist, id: &str) -> &'a ChecklistItem {
    c.items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("item {id} absent de {}", c.id))
}

fn ids(c: &Checklist) -> Vec<&str> {
    c.items.iter().map(|i| i.id.as_str()).collect()
}

/// The due date of an item, ISO.
fn due(c: &Checklist, id: &str) -> String {
    match &item(c, id).date {
        Some(ItemDate::Due { due }) => due.date.to_string(),
        other => panic!("{id} : pas d'échéance ({other:?})"),
    }
}

fn not_before(c: &Checklist, id: &str) -> String {
    match &item(c, id).date {
        Some(ItemDate::NotBefore { earliest }) => earliest.date.to_string(),
        other => panic!("{id} : pas de date « pas avant » ({other:?})"),
    }
}

fn period(c: &Checklist, id: &str) -> (String, String) {
    match &item(c, id).date {
        Some(ItemDate::Period { start, end }) => (start.date.to_string(), end.date.to_string()),
        other => panic!("{id} : pas de période ({other:?})"),
    }
}

// ---------------------------------------------------------------- maternité

#[test]
fn issue_example_pregnancy_starting_10_march_2026() {
    // Issue 6: start 10/03/2026 → declaration by 09/06/2026, 100 % from 10/08/2026.
    // End of 3rd month = 10/03 + 3 months − 1 day = 10/06 − 1 = 09/06/2026.
    // 1st day of 6th month = 10/03 + 5 months = 10/08/2026.
    // Terme 10/12/2026 + 12 days = 22/12/2026 (end of the window).
    let c = ok(
        "maternite",
        &[("debut_grossesse", "2026-03-10"), ("terme", "10/12/2026")],
    );
    assert_eq!(due(&c, "declaration-caf"), "2026-06-09");
    assert_eq!(due(&c, "declaration-mgen"), "2026-06-09");
    assert_eq!(
        period(&c, "periode-100"),
        ("2026-08-10".into(), "2026-12-22".into())
    );
    assert_eq!(
        period(&c, "sans-franchises"),
        ("2026-08-10".into(), "2026-12-22".into())
    );
    let caf = item(&c, "declaration-caf");
    assert!(
        caf.text.contains("au plus tard le 09/06/2026"),
        "{}",
        caf.text
    );
    assert!(caf.recipient.as_deref().unwrap().contains("CAF"));
    assert!(caf.to_send.as_deref().unwrap().contains("volets bleus"));
    assert!(caf.important);
    let mgen = item(&c, "declaration-mgen");
    assert!(mgen.to_send.as_deref().unwrap().contains("volet rose"));
    assert!(mgen.recipient.as_deref().unwrap().contains("MGEN"));
    assert!(item(&c, "periode-100").text.starts_with("Du 10/08/2026"));
    assert_eq!(
        item(&c, "declaration-caf").source.section,
        "Guide Sécurité sociale MGEN, « Maternité »"
    );
    // Without a date of first finding: counted from the start, 10/03/2026 + 2 years.
    assert_eq!(due(&c, "feuilles-de-soins"), "2028-03-10");
    assert_eq!(item(&c, "feuilles-de-soins").notes.len(), 1);
    // report the birth, MGEN Assistance after > 5 days at maternity
    assert!(item(&c, "declarer-naissance").important);
    let a = item(&c, "mgen-assistance");
    assert!(a.text.contains("plus de 5 jours") && a.text.contains("7 jours"));
}

#[test]
fn actual_birth_date_ends_the_window_and_first_finding_sets_the_claim_deadline() {
    // born 28/11/2026 → 28/11 + 12 days = 10/12/2026;
    // first finding 02/04/2026 + 2 years = 02/04/2028.
    let c = ok(
        "maternite",
        &[
            ("debut_grossesse", "2026-03-10"),
            ("terme", "2026-12-10"),
            ("date_accouchement", "2026-11-28"),
            ("constatation_grossesse", "2026-04-02"),
        ],
    );
    assert_eq!(
        period(&c, "periode-100"),
        ("2026-08-10".into(), "2026-12-10".into())
    );
    assert_eq!(due(&c, "feuilles-de-soins"), "2028-04-02");
    assert!(item(&c, "periode-100").notes.is_empty());
    assert!(item(&c, "feuilles-de-soins").notes.is_empty());
}

#[test]
fn pregnancy_starting_31_january_uses_month_ends() {
    // 31/01/2026 + 3 months = 30/04 (no 31 April) − 1 day = 29/04/2026;
    // 31/01/2026 + 5 months = 30/06/2026 (no 31 June);
    // no terme: birth estimated 31/01/2026 + 9 months = 31/10/2026, + 12 days = 12/11/2026.
    let c = ok("maternite", &[("debut_grossesse", "2026-01-31")]);
    assert_eq!(due(&c, "declaration-caf"), "2026-04-29");
    assert_eq!(
        period(&c, "periode-100"),
        ("2026-06-30".into(), "2026-11-12".into())
    );
    assert!(item(&c, "periode-100").notes[0].contains("Terme estimé au 31/10/2026"));
}

#[test]
fn pregnancy_starting_30_november_crosses_february_of_a_leap_year() {
    // 30/11/2027 + 3 months = 30/02/2028 → 29/02/2028 (2028 is leap), − 1 day = 28/02/2028.
    // 30/11/2027 + 5 months = 30/04/2028.
    let c = ok("maternite", &[("debut_grossesse", "30/11/2027")]);
    assert_eq!(due(&c, "declaration-mgen"), "2028-02-28");
    assert_eq!(period(&c, "periode-100").0, "2028-04-30");
    // Same start one year earlier: 30/11/2026 + 3 months = 28/02/2027 (not leap) − 1 = 27/02/2027.
    let c = ok("maternite", &[("debut_grossesse", "30/11/2026")]);
    assert_eq!(due(&c, "declaration-mgen"), "2027-02-27");
}

#[test]
fn start_of_pregnancy_can_come_from_the_terme_alone() {
    // terme 10/12/2026 − 9 months = 10/03/2026 → same dates as the issue example.
    let c = ok("maternite", &[("terme", "2026-12-10")]);
    assert_eq!(due(&c, "declaration-caf"), "2026-06-09");
    assert_eq!(
        period(&c, "periode-100"),
        ("2026-08-10".into(), "2026-12-22".into())
    );
    assert!(
        item(&c, "declaration-caf").notes[0].contains("Début de grossesse estimé au 10/03/2026")
    );
}

#[test]
fn maternity_needs_a_pregnancy_date_and_consistent_dates() {
    let e = build("maternite", &[]).unwrap_err();
    assert_eq!(
        e.with_flags(),
        "--debut-grossesse ou --terme : indiquez au moins l'une de ces dates"
    );
    let e = build(
        "maternite",
        &[
            ("debut_grossesse", "2026-03-10"),
            ("date_accouchement", "2026-03-01"),
        ],
    )
    .unwrap_err();
    assert!(
        e.with_flags()
            .starts_with("--date-accouchement : le 01/03/2026"),
        "{e}"
    );
}

// ---------------------------------------------------------- arrêt de travail

#[test]
fn sick_leave_fonctionnaire_sends_volets_2_and_3_to_the_employer_within_48_hours() {
    // 30/12/2026 + 2 days = 01/01/2027.
    let c = ok(
        "arret-travail",
        &[("date_arret", "30/12/2026"), ("statut", "fonctionnaire")],
    );
    assert_eq!(
        ids(&c),
        ["volets-employeur", "garder-volet-1", "atmp-employeur"]
    );
    assert_eq!(due(&c, "volets-employeur"), "2027-01-01");
    let v = item(&c, "volets-employeur");
    assert_eq!(v.recipient.as_deref(), Some("Administration employeur"));
    assert_eq!(
        v.to_send.as_deref(),
        Some("Volets 2 et 3 de l'avis d'arrêt de travail")
    );
    assert!(v.text.contains("01/01/2027"));
    assert!(item(&c, "garder-volet-1").text.contains("volet 1"));
    assert_eq!(
        item(&c, "atmp-employeur").recipient.as_deref(),
        Some("Administration employeur")
    );
}

#[test]
fn sick_leave_non_fonctionnaire_sends_volets_1_and_2_to_the_medecin_conseil() {
    // 27/02/2028 + 2 days = 29/02/2028 (leap year).
    let c = ok(
        "arret-travail",
        &[
            ("date_arret", "2028-02-27"),
            ("statut", "non-fonctionnaire"),
        ],
    );
    assert_eq!(
        ids(&c),
        [
            "volets-medecin-conseil",
            "volet-3-employeur",
            "atmp-employeur"
        ]
    );
    assert_eq!(due(&c, "volets-medecin-conseil"), "2028-02-29");
    assert_eq!(due(&c, "volet-3-employeur"), "2028-02-29");
    assert!(item(&c, "volets-medecin-conseil")
        .recipient
        .as_deref()
        .unwrap()
        .contains("Médecin conseil"));
}

#[test]
fn sick_leave_short_contract_goes_to_the_cpam_for_work_accidents() {
    // 27/02/2026 + 2 days = 01/03/2026 (2026 not leap).
    let c = ok(
        "arret-travail",
        &[
            ("date_arret", "2026-02-27"),
            ("statut", "non-fonctionnaire-court"),
        ],
    );
    assert_eq!(
        ids(&c),
        ["volets-medecin-conseil", "volet-3-employeur", "atmp-cpam"]
    );
    assert_eq!(due(&c, "volet-3-employeur"), "2026-03-01");
    assert_eq!(
        item(&c, "atmp-cpam").recipient.as_deref(),
        Some("CPAM du lieu de résidence")
    );
}

#[test]
fn sick_leave_while_unemployed_sends_volet_3_to_france_travail() {
    let c = ok(
        "arret-travail",
        &[("date_arret", "2026-06-15"), ("statut", "demandeur-emploi")],
    );
    assert_eq!(
        ids(&c),
        [
            "volets-medecin-conseil",
            "volet-3-france-travail",
            "atmp-demandeur-emploi"
        ]
    );
    assert_eq!(due(&c, "volet-3-france-travail"), "2026-06-17");
    assert!(item(&c, "volet-3-france-travail")
        .recipient
        .as_deref()
        .unwrap()
        .starts_with("France Travail"));
}

#[test]
fn sick_leave_needs_date_and_status() {
    assert_eq!(
        build("arret-travail", &[("statut", "fonctionnaire")])
            .unwrap_err()
            .with_flags(),
        "--date-arret : obligatoire pour cette fiche"
    );
    assert_eq!(
        build("arret-travail", &[("date_arret", "2026-01-05")])
            .unwrap_err()
            .with_flags(),
        "--statut : obligatoire pour cette fiche"
    );
}

// ------------------------------------------------------------- carte Vitale

#[test]
fn lost_card_is_reported_at_once_and_the_new_one_comes_after_four_weeks() {
    // 15/02/2028 + 28 days: 14 days to 29/02 (leap), 14 more → 14/03/2028.
    let c = ok(
        "carte-vitale",
        &[("motif", "perte"), ("date_perte", "15/02/2028")],
    );
    assert_eq!(
        ids(&c),
        [
            "signaler-perte-vol",
            "formulaire-photo",
            "attestation-droits",
            "delai-nouvelle-carte"
        ]
    );
    assert_eq!(due(&c, "signaler-perte-vol"), "2028-02-15");
    assert_eq!(not_before(&c, "delai-nouvelle-carte"), "2028-03-14");
    assert!(item(&c, "delai-nouvelle-carte")
        .text
        .contains("pas avant le 14/03/2028"));
    assert!(item(&c, "formulaire-photo").text.contains("15 jours"));
}

#[test]
fn broken_card_is_updated_first_then_reported_and_returned() {
    // 10/12/2026 + 28 days = 07/01/2027 (21 days to 31/12, 7 more).
    let c = ok(
        "carte-vitale",
        &[("motif", "dysfonctionnement"), ("date_perte", "2026-12-10")],
    );
    assert_eq!(
        ids(&c),
        [
            "mettre-a-jour",
            "signaler-panne",
            "renvoyer-carte",
            "formulaire-photo",
            "attestation-droits",
            "delai-nouvelle-carte"
        ]
    );
    assert_eq!(not_before(&c, "delai-nouvelle-carte"), "2027-01-07");
    assert!(item(&c, "signaler-panne")
        .to_send
        .as_deref()
        .unwrap()
        .contains("déclaration sur l'honneur"));
}

#[test]
fn card_needs_a_known_motive() {
    let e = build(
        "carte-vitale",
        &[("motif", "casse"), ("date_perte", "2026-01-01")],
    )
    .unwrap_err();
    assert!(e
        .with_flags()
        .starts_with("--motif : valeur « casse » inconnue"));
}

// -------------------------------------------------------- feuilles de soins

#[test]
fn claim_deadlines_two_years_three_months_and_two_years() {
    // 31/01/2025 + 27 months = 31/04/2027, which does not exist → 30/04/2027.
    let c = ok("feuilles-de-soins", &[("date_soins", "2025-01-31")]);
    assert_eq!(ids(&c), ["delai-maladie", "suivi"]);
    assert_eq!(due(&c, "delai-maladie"), "2027-04-30");
    // 30/11/2023 + 27 months = 30/02/2026 → 28/02/2026.
    let c = ok("feuilles-de-soins", &[("date_soins", "30/11/2023")]);
    assert_eq!(due(&c, "delai-maladie"), "2026-02-28");
    // maternity: first finding 29/02/2024 + 2 years = 28/02/2026 (2026 has no 29 February).
    let c = ok(
        "feuilles-de-soins",
        &[("constatation_grossesse", "2024-02-29")],
    );
    assert_eq!(ids(&c), ["delai-maternite", "suivi"]);
    assert_eq!(due(&c, "delai-maternite"), "2026-02-28");
    assert!(item(&c, "delai-maternite").text.contains("(29/02/2024)"));
    // both
    let c = ok(
        "feuilles-de-soins",
        &[
            ("date_soins", "2026-11-22"),
            ("constatation_grossesse", "2026-05-04"),
        ],
    );
    assert_eq!(due(&c, "delai-maladie"), "2029-02-22");
    assert_eq!(due(&c, "delai-maternite"), "2028-05-04");
    assert_eq!(
        build("feuilles-de-soins", &[]).unwrap_err().with_flags(),
        "--date-soins ou --constatation-grossesse : indiquez au moins l'une de ces dates"
    );
}

// --------------------------------------------------------------- franchises

fn amount_text(date: &str) -> (String, String) {
    let c = ok("franchises", &[("date_soins", date)]);
    (
        item(&c, "participation-forfaitaire").text.clone(),
        item(&c, "franchises").text.clone(),
    )
}

#[test]
fn participations_and_franchises_in_force_at_the_date_of_care() {
    // Guide: 1 €, cap 50 €/year; franchises 0,50 / 0,50 / 2 €, daily caps 2 € / 4 €.
    let (pf, fr) = amount_text("2018-06-01");
    assert!(pf.contains("participation forfaitaire de 1\u{a0}€"), "{pf}");
    assert!(pf.contains("50\u{a0}€ par an"), "{pf}");
    assert!(fr.contains("0,50\u{a0}€ par médicament"), "{fr}");
    assert!(fr.contains("0,50\u{a0}€ par acte d'auxiliaire"), "{fr}");
    assert!(fr.contains("2\u{a0}€ par transport"), "{fr}");
    let c = ok("franchises", &[("date_soins", "2018-06-01")]);
    let caps = &item(&c, "franchises-plafonds").text;
    assert!(
        caps.contains("2\u{a0}€ sur les actes d'auxiliaires")
            && caps.contains("4\u{a0}€ sur les transports"),
        "{caps}"
    );
    assert!(!ids(&c).contains(&"participation-plafond-jour"));

    // Day before the franchise change (31/03/2024): old franchises.
    let (pf, fr) = amount_text("2024-03-30");
    assert!(pf.contains("de 1\u{a0}€") && fr.contains("0,50\u{a0}€ par médicament"));
    // From 31/03/2024: franchises 1 / 1 / 4 €, but participation still 1 € until 14/05/2024.
    let (pf, fr) = amount_text("2024-03-31");
    assert!(pf.contains("de 1\u{a0}€"), "{pf}");
    assert!(
        fr.contains("1\u{a0}€ par médicament") && fr.contains("4\u{a0}€ par transport"),
        "{fr}"
    );
    let (pf, _) = amount_text("2024-05-14");
    assert!(pf.contains("de 1\u{a0}€"), "{pf}");
    // From 15/05/2024: participation 2 €, daily cap 4 € for the same doctor.
    let c = ok("franchises", &[("date_soins", "15/05/2024")]);
    assert!(item(&c, "participation-forfaitaire")
        .text
        .contains("de 2\u{a0}€"));
    assert!(item(&c, "participation-plafond-jour")
        .text
        .contains("4\u{a0}€"));
    let caps = &item(&c, "franchises-plafonds").text;
    assert!(
        caps.contains("4\u{a0}€ sur les actes d'auxiliaires")
            && caps.contains("8\u{a0}€ sur les transports"),
        "{caps}"
    );
    // The amounts carry their effective date and source.
    let pf = &item(&c, "participation-forfaitaire").amounts[0];
    assert_eq!(pf.name, "participation_forfaitaire");
    assert_eq!(pf.amount.to_string(), "2");
    assert_eq!(pf.since.to_string(), "2024-05-15");
    assert!(pf.source.contains("ameli.fr"));
}

#[test]
fn exemptions_are_listed() {
    let c = ok("franchises", &[("date_soins", "2026-11-22")]);
    let t = &item(&c, "exonerations").text;
    assert!(
        t.contains("moins de 18 ans")
            && t.contains("6e mois")
            && t.contains("Complémentaire santé solidaire")
    );
}

#[test]
fn care_before_the_first_known_amounts_is_refused_naming_the_date() {
    let e = build("franchises", &[("date_soins", "2004-12-31")]).unwrap_err();
    assert!(
        e.with_flags().starts_with("--date-soins : le 31/12/2004"),
        "{e}"
    );
    // participation known from 2005, franchises only from 2008.
    let e = build("franchises", &[("date_soins", "2007-12-31")]).unwrap_err();
    assert!(e.with_flags().contains("01/01/2008"), "{e}");
    assert!(build("franchises", &[("date_soins", "2008-01-01")]).is_ok());
}

// ------------------------------------------------------ checklists without dates

#[test]
fn checklists_without_dates_build_from_nothing() {
    for id in [
        "medecin-traitant",
        "changement-situation",
        "nouvel-adherent",
    ] {
        let c = ok(id, &[]);
        assert!(c.items.len() >= 5, "{id}");
        assert!(c.items.iter().all(|i| i.date.is_none()), "{id}");
        assert!(c.items.iter().any(|i| i.important), "{id}");
    }
    let c = ok("changement-situation", &[]);
    let all: String = c.items.iter().map(|i| i.text.as_str()).collect();
    assert!(all.contains("mariage") && all.contains("mutation") && all.contains("adresse"));
    let c = ok("nouvel-adherent", &[]);
    assert!(item(&c, "en-attendant-papier")
        .recipient
        .as_deref()
        .unwrap()
        .contains("MGEN"));
    let e = build("medecin-traitant", &[("date_soins", "2026-01-01")]).unwrap_err();
    assert_eq!(
        e.with_flags(),
        "--date-soins : ne sert pas à la fiche « medecin-traitant »"
    );
}
