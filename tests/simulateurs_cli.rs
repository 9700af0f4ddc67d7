//! The simulators through the real binary: one case of each subcommand
//! (JSON on stdout), and input to correct (exit 2, French message naming the
//! field on stderr).

mod historique_commun;

use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn guichet(dir: &Path, args: &[&str]) -> Output {
    historique_commun::guichet(&dir.join("guichet.db"), args)
}

fn json_ok(o: &Output) -> Value {
    assert!(
        o.status.success(),
        "code {:?}, stderr : {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("JSON sur stdout")
}

#[test]
fn caution_notice_example_110_000() {
    let dir = tempfile::tempdir().unwrap();
    let v = json_ok(&guichet(
        dir.path(),
        &["caution", "--montant", "110000", "--duree-mois", "240"],
    ));
    // 250 + (110 000 − 80 000) × 0,90 % = 520.
    assert_eq!(v["cotisation"], "520.00");
    assert!(v["eligible"].is_null(), "{}", v["eligible"]);
    assert!(v["motifs"].as_array().unwrap().is_empty());
}

#[test]
fn caution_from_a_file_with_two_loans_and_a_co_borrower() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("caution.json");
    std::fs::write(
        &f,
        r#"{ "prets": [ { "montant": 200000, "type": "amortissable", "duree_mois": 300 },
                        { "montant": 50000, "type": "relais", "duree_mois": 30 } ],
             "autre_assurance": true,
             "date_demande": "01/03/2018", "date_naissance": "12/05/1975",
             "date_naissance_co_emprunteur": "03/09/1977" }"#,
    )
    .unwrap();
    let v = json_ok(&guichet(
        dir.path(),
        &["caution", "--fichier", f.to_str().unwrap()],
    ));
    // Total 250 000 → 2 140, × 2 → 4 280; the 30-month relay loan is refused.
    assert_eq!(v["cotisation"], "4280.00");
    assert_eq!(v["eligible"], false);
    assert!(v["motifs"][0]
        .as_str()
        .unwrap()
        .contains("relais dure 30 mois"));
}

#[test]
fn corem_with_three_years_of_payments() {
    let dir = tempfile::tempdir().unwrap();
    let v = json_ok(&guichet(
        dir.path(),
        &[
            "corem",
            "--versements",
            "1200,1100,1000",
            "--date-naissance",
            "10/05/1980",
            "--date-demande",
            "15/03/2018",
        ],
    ));
    // (1 200 + 1 100 + 1 000) / 3 × 3,20 % = 35,20; effect 01/04/2018.
    assert_eq!(v["cotisation"], "35.20");
    assert_eq!(v["eligible"], true);
    assert_eq!(v["dates"]["date_effet"], "2018-04-01");
    assert_eq!(v["dates"]["date_fin"], "2040-05-10");
}

#[test]
fn assistance_premium_and_event_and_envelope() {
    let dir = tempfile::tempdir().unwrap();
    let v = json_ok(&guichet(
        dir.path(),
        &["assistance", "prime", "--date-adhesion", "15/03/2018"],
    ));
    assert_eq!(
        (v["mois_comptes"].as_u64(), v["prime_ttc"].as_str()),
        (Some(10), Some("3.00"))
    );

    let f = dir.path().join("evenement.json");
    std::fs::write(
        &f,
        r#"{ "evenement": { "type": "hospitalisation", "personne": "membre", "imprevue": true,
                            "debut": "05/03/2018", "fin": "10/03/2018",
                            "cause": "accident", "etablissement": "hopital" },
             "foyer": { "conjoint": true, "enfants": [ { "age": 7 } ] },
             "domicile": "metropole", "date_appel": "17/03/2018" }"#,
    )
    .unwrap();
    let v = json_ok(&guichet(
        dir.path(),
        &["assistance", "evenement", "--fichier", f.to_str().unwrap()],
    ));
    let am = v["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "1-1")
        .unwrap();
    // Call on day 8 after the exit: 10 − 8 = 2 days left.
    assert_eq!(am["delai"]["jour_appel"], 8);
    assert!(am["delai"]["plafond_restant"]
        .as_str()
        .unwrap()
        .starts_with("2 jours"));

    let f = dir.path().join("enveloppe.json");
    std::fs::write(
        &f,
        r#"{ "annexe": "adulte", "consommations": [ { "prestation": "presence_proche", "quantite": 2 } ] }"#,
    )
    .unwrap();
    let v = json_ok(&guichet(
        dir.path(),
        &["assistance", "enveloppe", "--fichier", f.to_str().unwrap()],
    ));
    assert_eq!(
        (
            v["unites_utilisees"].as_u64(),
            v["unites_restantes"].as_u64()
        ),
        (Some(20), Some(30))
    );
}

#[test]
fn invalid_input_exits_2_with_a_french_message_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let o = guichet(
        dir.path(),
        &[
            "corem",
            "--cotisation-annuelle",
            "1200",
            "--date-naissance",
            "31/02/1970",
            "--date-demande",
            "01/03/2018",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("champ « date_naissance » : cette date n'existe pas : « 31/02/1970 »"),
        "{err}"
    );
    let o = guichet(dir.path(), &["caution", "--montant=-5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("champ « montant » : le montant ne peut pas être négatif"));
    let o = guichet(
        dir.path(),
        &["assistance", "evenement", "--fichier", "/nexiste/pas.json"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("introuvable"));
}
