//! The printed estimate and checklist, read back with poppler's pdftotext
//! and pdffonts: the amounts worked out by hand from the seeds are printed,
//! the font is embedded, no date of birth is printed.

use chrono::NaiveDate;
use guichet::documents::{document_estimation, document_fiche, EnTete};
use guichet::moteur::{catalogue_livre, estimer, lecture};
use std::io::Write;
use std::process::Command;

fn texte_du_pdf(octets: &[u8]) -> String {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(octets).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(f.path())
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) doit être installé");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn entete() -> EnTete {
    EnTete {
        section: "MGEN — section de la Gironde".into(),
        imprime_le: NaiveDate::from_ymd_opt(2018, 6, 15).unwrap(),
        numero: Some("2018-000042".into()),
        initiales: Some("CB".into()),
    }
}

/// domain.md, first worked example: GP consultation in parcours, FR 30 €,
/// BRSS 25 €, AMO 70 %: AMO 25 × 70 % = 17,50 − 1,00 participation = 16,50 ;
/// MGEN line 1 (30 % for the four offers) 30 % × 25 = 7,50 ;
/// reste à charge 30 − 16,50 − 7,50 = 6,00.
const GENERALISTE: &str = r#"{
  "date": "2018-06-15",
  "offre": "reference",
  "assure": { "date_naissance": "1983-02-01", "statut": "fonctionnaire",
              "parcours_soins": true, "css": false, "handicap": false },
  "actes": [ { "code": "consultation_generaliste", "quantite": 1,
               "frais_reels": "30.00", "brss": "25.00" } ]
}"#;

fn estimation_pdf(json: &str) -> (Vec<u8>, String) {
    let situation = lecture::lire_texte(json).unwrap();
    let mut quatre_offres = situation.clone();
    quatre_offres.offre = None;
    let resultat = estimer(
        &quatre_offres,
        &guichet::tarifs::shipped_baremes(),
        guichet::tarifs::amo::parametres_livres(),
        catalogue_livre(),
    )
    .unwrap();
    let doc = document_estimation(&situation, &resultat, &entete());
    let octets = guichet::pdf::render(&doc).unwrap();
    let texte = texte_du_pdf(&octets);
    // Kept as a test artifact, to look at (pdftoppm).
    let dossier = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/documents");
    std::fs::create_dir_all(&dossier).unwrap();
    let nom = format!("estimation-{}-actes.pdf", situation.actes.len());
    std::fs::write(dossier.join(nom), &octets).unwrap();
    (octets, texte)
}

#[test]
fn gp_consultation_amounts_are_printed_as_worked_out_by_hand() {
    let (_, t) = estimation_pdf(GENERALISTE);
    for attendu in [
        "Estimation de remboursement",
        "MGEN — section de la Gironde",
        "2018-000042",
        "Estimation non contractuelle",
        "15/06/2018",
        "35 ans",
        "MGEN Référence",
        "16,50",
        "7,50",
        "6,00",
        "30,00",
        "Annexe",
    ] {
        assert!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
    }
    // Four offers side by side: line 1 is 30 % for all of them, so 7,50 appears
    // once in the detail, once in its total, and once per offer in the comparison.
    assert!(t.matches("7,50").count() >= 6, "{t}");
    // The date of birth is not printed (the age is enough).
    assert!(!t.contains("01/02/1983"), "{t}");
    assert!(t.contains("page 1/"), "{t}");
}

#[test]
fn font_is_embedded() {
    let (octets, _) = estimation_pdf(GENERALISTE);
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(&octets).unwrap();
    let out = Command::new("pdffonts").arg(f.path()).output().unwrap();
    let liste = String::from_utf8(out.stdout).unwrap();
    assert!(liste.contains("DejaVu"), "{liste}");
    for ligne in liste.lines().skip(2) {
        assert!(ligne.contains(" yes "), "police non embarquée : {ligne}");
    }
}

#[test]
fn a_forty_act_estimate_repeats_its_headers_and_numbers_its_pages() {
    let acte = r#"{ "code": "consultation_generaliste", "quantite": 1, "frais_reels": "30.00", "brss": "25.00" }"#;
    let actes = vec![acte; 40].join(",");
    let json = GENERALISTE.replace(
        &GENERALISTE[GENERALISTE.find("[ {").unwrap()..GENERALISTE.rfind("} ]").unwrap() + 3],
        &format!("[{actes}]"),
    );
    let (octets, t) = estimation_pdf(&json);
    let pages = t.matches('\u{c}').count() + 1;
    assert!(pages >= 3, "{pages} pages");
    assert!(
        t.contains(&format!("page {pages}/{pages}"))
            || t.contains(&format!("page {}/{}", pages - 1, pages - 1)),
        "{t}"
    );
    // 40 acts: total frais réels 40 × 30 = 1 200,00 ; AMO 40 × 16,50 = 660,00 ;
    // MGEN 40 × 7,50 = 300,00 ; reste 40 × 6 = 240,00.
    for attendu in ["1 200,00", "660,00", "300,00", "240,00"] {
        assert!(t.contains(attendu), "« {attendu} » absent");
    }
    // The detail table runs over a page break: its header is printed again.
    assert!(t.matches("Reste à charge").count() >= 3);
    assert!(octets.len() < 400_000, "{} octets", octets.len());
}

#[test]
fn maternity_checklist_prints_the_members_dates() {
    let fiche = guichet::fiches::build(
        "maternite",
        &guichet::fiches::SituationText {
            debut_grossesse: Some("2026-03-10".into()),
            terme: Some("2026-12-10".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let doc = document_fiche(&fiche, &entete());
    let t = texte_du_pdf(&guichet::pdf::render(&doc).unwrap());
    // Pregnancy from 10/03/2026: declaration by the end of the 3rd month,
    // 09/06/2026; 100 % from the 1st day of the 6th month, 10/08/2026.
    for attendu in ["09/06/2026", "10/08/2026", "CAF"] {
        assert!(t.contains(attendu), "« {attendu} » absent :\n{t}");
    }
}
