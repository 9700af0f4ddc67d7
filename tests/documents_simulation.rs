//! The one-page summaries of the simulators, read back with poppler
//! (pdftotext, pdfinfo, pdffonts): the amounts and dates worked out by hand
//! from the notices of seed 004 are printed, each summary is one page, the
//! font is embedded, "Simulation non contractuelle", the section and the day
//! printed are on it. The CLI's `--pdf` writes the same document.

mod historique_commun;

use chrono::NaiveDate;
use guichet::documents::{document_simulation, EnTete, ErreurSimulationImprimee, SimulationSaisie};
use guichet::simulateurs::Baremes;
use std::io::Write;
use std::process::Command;

fn entete() -> EnTete {
    EnTete {
        section: "MGEN — section de la Gironde".into(),
        imprime_le: NaiveDate::from_ymd_opt(2018, 6, 15).unwrap(),
        numero: None,
        initiales: None,
    }
}

fn saisie(json: &str) -> SimulationSaisie {
    serde_json::from_str(json).expect("saisie de simulation")
}

fn poppler(outil: &str, args: &[&str], octets: &[u8]) -> String {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(octets).unwrap();
    let out = Command::new(outil)
        .args(args)
        .arg(f.path())
        .args(if outil == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|_| panic!("{outil} (poppler-utils) doit être installé"));
    assert!(out.status.success(), "{outil} a échoué");
    String::from_utf8(out.stdout).unwrap()
}

/// Renders the summary, checks one page and an embedded font, keeps the PDF
/// as an artifact to look at, and returns its text with white space folded
/// (a phrase wrapped on two lines reads as one).
fn imprimer(nom: &str, json: &str) -> String {
    let b = Baremes::integres().unwrap();
    let doc = document_simulation(&b, &saisie(json), &entete()).unwrap();
    let octets = guichet::pdf::render(&doc).unwrap();
    let dossier = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/documents");
    std::fs::create_dir_all(&dossier).unwrap();
    std::fs::write(dossier.join(format!("simulation-{nom}.pdf")), &octets).unwrap();

    let info = poppler("pdfinfo", &[], &octets);
    let pages = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .map(|l| l["Pages:".len()..].trim().to_string());
    assert_eq!(
        pages.as_deref(),
        Some("1"),
        "{nom} : une seule page\n{info}"
    );
    let polices = poppler("pdffonts", &[], &octets);
    assert!(polices.contains("DejaVu"), "{polices}");
    for ligne in polices.lines().skip(2) {
        assert!(ligne.contains(" yes "), "police non embarquée : {ligne}");
    }
    let texte = poppler("pdftotext", &[], &octets);
    let texte = texte.split_whitespace().collect::<Vec<_>>().join(" ");
    for attendu in [
        "Simulation non contractuelle",
        "MGEN — section de la Gironde",
        "Imprimé le 15/06/2018",
    ] {
        assert!(
            texte.contains(attendu),
            "{nom} : « {attendu} » absent\n{texte}"
        );
    }
    texte
}

fn contient(texte: &str, attendus: &[&str]) {
    for a in attendus {
        assert!(texte.contains(a), "« {a} » absent du PDF :\n{texte}");
    }
}

#[test]
fn caution_of_250_000_prints_the_notice_example_the_refusal_and_the_end_date() {
    // Caution notice, art. 8 example: 250 000 € → 250 (up to 80 000)
    // + (130 000 − 80 000) × 0,90 % = 450 + (250 000 − 130 000) × 1,2 % = 1 440
    // = 2 140 €. Art. 6-2-4: loans above 130 000 € for an old home without
    // works need 10 % of 300 000 € = 30 000 € of personal contribution;
    // 20 000 € given → refused. Born 12/04/1975, asked 10/05/2018: 43 years
    // (under 70, art. 6-1). Art. 4: loan of 240 months from 10/05/2018 ends
    // 10/05/2038 (effect + 240 months, the simulator's reading), before the
    // day before the 76th birthday, 11/04/2051: the caution ends 10/05/2038.
    let t = imprimer(
        "caution",
        r#"{ "outil": "caution", "saisie": {
              "prets": [ { "montant": "250000", "type": "amortissable", "duree_mois": "240" } ],
              "date_demande": "10/05/2018", "date_naissance": "12/04/1975",
              "operation": "ancien", "cout_operation": "300000", "apport": "20000",
              "quote_part": "100", "localisation": "metropole" } }"#,
    );
    contient(
        &t,
        &[
            "250 000,00 €",
            "250,00 €",
            "450,00 €",
            "1 440,00 €",
            "Cotisation : 2 140,00 € (art. 8)",
            "43 ans",
            "1 motif de refus",
            "Apport personnel insuffisant",
            "30 000,00 €",
            "(art. 6-2-4)",
            "10/05/2038",
            "11/04/2051",
            "Fin de la caution (art. 4)",
        ],
    );
}

#[test]
fn caution_with_another_insurance_and_a_co_borrower_is_doubled_and_names_every_reason() {
    // 110 000 € (notice example): 250 + (110 000 − 80 000) × 0,90 % = 250 + 270
    // = 520 €, doubled with an insurance other than CNP (art. 8): 1 040 €,
    // the extra 520 € on its own line. Co-borrower born 01/01/1948, asked
    // 15/03/2018: 70 years → refused (art. 6-1, under 70). An in fine loan is
    // excluded (art. 3-2). Two reasons, both printed.
    let t = imprimer(
        "caution-doublee",
        r#"{ "outil": "caution", "saisie": {
              "prets": [ { "montant": "110000", "type": "in-fine", "duree_mois": "180" } ],
              "autre_assurance": true,
              "date_demande": "15/03/2018", "date_naissance": "01/06/1970",
              "date_naissance_co_emprunteur": "01/01/1948" } }"#,
    );
    contient(
        &t,
        &[
            "270,00 €",
            "520,00 €",
            "cotisation doublée",
            "Cotisation : 1 040,00 € (art. 8)",
            "2 motifs de refus",
            "in fine",
            "70 ans",
        ],
    );
}

#[test]
fn corem_prints_the_cotisation_its_twelve_payments_and_every_date() {
    // Corem notice art. 11: 3,20 % × 1 000 € = 32,00 € a year; in 12
    // payments 32 / 12 = 2,666… → 11 × 2,66 € then 32 − 29,26 = 2,74 €.
    // Born 10/05/1980, asked 15/03/2018: 37 years, under 57 (art. 2).
    // Art. 3: effect on the 1st of the next month, 01/04/2018; first period
    // to 31/12/2018; 3-year wait 01/04/2018 → 31/03/2021, covered from
    // 01/04/2021. Art. 4: ends at 60, 10/05/2040.
    let t = imprimer(
        "corem",
        r#"{ "outil": "corem", "saisie": {
              "cotisation_annuelle": "1000", "date_naissance": "10/05/1980",
              "date_demande": "15/03/2018", "qualite": "membre", "en_activite": true } }"#,
    );
    contient(
        &t,
        &[
            "1 000,00 €",
            "32,00 €",
            "11 × 2,66 € puis 2,74 €",
            "37 ans",
            "Adhésion possible",
            "01/04/2018",
            "31/12/2018",
            "31/03/2021",
            "01/04/2021",
            "10/05/2040",
            "(art. 11)",
            "(art. 4)",
        ],
    );
}

#[test]
fn corem_refused_at_57_prints_the_reason_and_no_dates() {
    // Born 20/03/1961, asked 20/03/2018: 57 on that day → not under 57
    // (art. 2): refused; on sick leave too (art. 2): two reasons.
    let t = imprimer(
        "corem-refus",
        r#"{ "outil": "corem", "saisie": {
              "cotisation_annuelle": "2500", "date_naissance": "20/03/1961",
              "date_demande": "20/03/2018", "qualite": "membre", "en_activite": true,
              "en_arret": true } }"#,
    );
    // 3,20 % × 2 500 = 80,00 €; 80 / 12 = 6,666… → 11 × 6,66 then 80 − 73,26 = 6,74.
    contient(
        &t,
        &[
            "80,00 €",
            "11 × 6,66 € puis 6,74 €",
            "2 motifs de refus",
            "57 ans",
            "arrêt de travail",
        ],
    );
    assert!(!t.contains("Date d'effet (art. 3)"), "{t}");
}

#[test]
fn assistance_premium_prints_the_months_counted() {
    // MGEN Assistance notice, "Montant de la prime": 3,60 € TTC (3,30 € HT)
    // a year per Assuré; joining 15/03/2018 counts March to December, 10
    // months: 3,60 × 10/12 = 3,00 € TTC, 3,30 × 10/12 = 2,75 € HT, taxes
    // 0,25 €; two Assurés: 6,00 € TTC, 5,50 € HT, 0,50 € taxes. Renewed
    // 01/01/2019 at the full premium.
    let t = imprimer(
        "assistance-prime",
        r#"{ "outil": "assistance_prime", "saisie": { "date_adhesion": "15/03/2018", "assures": "2" } }"#,
    );
    contient(
        &t,
        &[
            "mars à décembre 2018",
            "10 mois",
            "3,00 €",
            "2,75 €",
            "0,25 €",
            "6,00 €",
            "5,50 €",
            "0,50 €",
            "3,60 €",
            "3,30 €",
            "31/12/2018",
            "01/01/2019",
        ],
    );
}

#[test]
fn assistance_event_prints_the_services_their_limits_and_the_day_8_call() {
    // Unplanned hospitalisation of the member, 05/03 → 10/03/2018 (5 nights,
    // more than 2 days). Deadlines from the exit, 10/03/2018 = day 1: 30 days
    // → 08/04/2018; aide-ménagère 7 days → 16/03/2018. Call 17/03/2018 = day
    // 8: 10 − 8 = 2 days of aide-ménagère left (2 h of the 10 h). Art. 1-2:
    // lodging 2 nights, 92 € at most; art. 1-4: 200 € a journey. Art. 1-5
    // (return home) needs more than 14 days: not opened.
    let t = imprimer(
        "assistance-evenement",
        r#"{ "outil": "assistance_evenement", "saisie": {
              "evenement": { "type": "hospitalisation", "personne": "membre", "imprevue": true,
                             "debut": "05/03/2018", "fin": "10/03/2018",
                             "cause": "accident", "etablissement": "hopital" },
              "foyer": { "conjoint": true, "enfants": [ { "age": "7" }, { "age": "12" } ] },
              "domicile": "metropole", "date_appel": "17/03/2018" } }"#,
    );
    contient(
        &t,
        &[
            "5 nuits",
            "08/04/2018",
            "16/03/2018",
            "8e jour",
            "reste 2 jours",
            "10 heures au plus",
            "92 €",
            "200 €",
            "Aide-ménagère (art. 1-1)",
            "Préparation du retour au domicile (art. 1-5)",
            "enfants de 7 ans, 12 ans",
        ],
    );
}

#[test]
fn assistance_envelope_prints_what_is_used_and_left() {
    // Annex 1: presence of a relative = 10 units; twice = 20 units; 50 − 20
    // = 30 left; delivery of meals (1 unit) could still be asked 30 times.
    let t = imprimer(
        "assistance-enveloppe",
        r#"{ "outil": "assistance_enveloppe", "saisie": {
              "annexe": "adulte",
              "consommations": [ { "prestation": "presence_proche", "quantite": "2" } ] } }"#,
    );
    contient(
        &t,
        &[
            "Annexe 1",
            "50 sur les 50 du contrat",
            "Unités utilisées 20",
            "Unités restantes 30",
            "reste 30",
        ],
    );
}

#[test]
fn a_field_to_correct_is_named_not_printed() {
    let b = Baremes::integres().unwrap();
    let e = document_simulation(
        &b,
        &saisie(r#"{ "outil": "caution", "saisie": { "prets": [ { "montant": "abc", "type": "amortissable" } ] } }"#),
        &entete(),
    )
    .unwrap_err();
    match e {
        ErreurSimulationImprimee::Saisie(e) => {
            assert!(e.to_string().contains("prets[1].montant"), "{e}")
        }
        e => panic!("erreur de saisie attendue, pas {e}"),
    }
}

#[test]
fn the_cli_writes_the_same_one_page_summary_with_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let sortie = dir.path().join("caution.pdf");
    let out = historique_commun::guichet(
        &dir.path().join("guichet.db"),
        &[
            "caution",
            "--montant",
            "60000",
            "--pdf",
            &sortie.to_string_lossy(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 60 000 € is within the first tranche: the 250 € flat fee (art. 8).
    assert_eq!(json["cotisation"], "250.00");
    let octets = std::fs::read(&sortie).unwrap();
    let info = poppler("pdfinfo", &[], &octets);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
        "{info}"
    );
    let texte = poppler("pdftotext", &[], &octets);
    let texte = texte.split_whitespace().collect::<Vec<_>>().join(" ");
    contient(
        &texte,
        &[
            "Cotisation : 250,00 € (art. 8)",
            "Simulation non contractuelle",
        ],
    );
}

#[test]
fn a_caution_failing_every_condition_is_still_printed_in_full_on_two_pages() {
    // Every condition of the caution notice fails at once (art. 6 and 7):
    // borrower born 01/01/1946 and co-borrower born 01/01/1947 are 72 and 71
    // on 10/05/2018 (70 or more, art. 6-1: 2 reasons); a relay loan of 36
    // months (more than 24) and an in-fine loan (not guaranteed); a works
    // credit of 90 000 € (more than 75 000 €) over 400 months (more than 30
    // years); 600 000 + 400 000 + 90 000 = 1 090 000 € borrowed, more than
    // 1 000 000 − 100 000 still due elsewhere = 900 000 €; new home costing
    // 1 200 000 €: 20 % = 240 000 € of contribution needed, 10 000 € given;
    // the member owns 40 % (less than 50 %); the home is abroad. Even the
    // shortest summary does not fit one page: the complete one is printed,
    // numbered "page 1/2", "page 2/2", every reason on it.
    let b = Baremes::integres().unwrap();
    let json = r#"{ "outil": "caution", "saisie": {
          "prets": [ { "montant": "600000", "type": "relais", "duree_mois": "36" },
                     { "montant": "400000", "type": "in-fine", "duree_mois": "120" },
                     { "montant": "90000", "type": "travaux", "duree_mois": "400" } ],
          "date_demande": "10/05/2018", "date_naissance": "01/01/1946",
          "date_naissance_co_emprunteur": "01/01/1947",
          "operation": "neuf", "cout_operation": "1200000", "apport": "10000",
          "quote_part": "40", "encours_autres": "100000", "localisation": "etranger" } }"#;
    let doc = document_simulation(&b, &saisie(json), &entete()).expect("imprimé quand même");
    let octets = guichet::pdf::render(&doc).unwrap();
    let info = poppler("pdfinfo", &[], &octets);
    assert!(info.contains("Pages:           2"), "{info}");
    let texte = poppler("pdftotext", &[], &octets);
    let texte = texte.split_whitespace().collect::<Vec<_>>().join(" ");
    // Cotisation on 1 000 000 € at most (art. 5, 8): 250 + 450
    // + (1 000 000 − 130 000) × 1,2 % = 10 440 → 11 140 €. The caution would
    // end the day before the 76th birthday: 31/12/2021.
    contient(
        &texte,
        &[
            "page 1/2",
            "page 2/2",
            "Simulation non contractuelle",
            "10 motifs de refus",
            "11 140,00 €",
            "10 440,00 €",
            "900 000,00 €",
            "240 000,00 €",
            "31/12/2021",
            "10. Le bien est situé à l'étranger",
        ],
    );
}
