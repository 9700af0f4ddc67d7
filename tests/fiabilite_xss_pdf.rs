//! Hostile text in the estimate PDF (issue 8): markup, script and template
//! strings given as the adviser's initials and as the estimate's reference
//! are printed as typed (read back with pdftotext), never interpreted,
//! dropped or altered. The PDF is built by the library, as the print command
//! and `guichet` do.

mod poppler;

use guichet::documents::{document_estimation, EnTete};
use guichet::moteur::{estimer, lecture, Tables};
use guichet::pdf::render;
use guichet::tarifs::shipped_baremes;

const HOSTILES: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "\"><script>alert(2)</script>",
    "javascript:alert(3)",
    "{{7*7}}",
    "${7*7}",
];

fn pdftotext(pdf: &[u8]) -> String {
    poppler::poppler("pdftotext", &["-enc", "UTF-8"], pdf)
}

#[test]
fn hostile_initials_and_reference_print_as_typed() {
    // The domain's GP example, four offers.
    let s = lecture::lire_texte(
        r#"{"date": "2018-06-15", "offre": "reference",
            "assure": {"date_naissance": "1983-02-01", "parcours_soins": true, "css": false,
                       "handicap": false, "deja_utilise": {}},
            "actes": [{"code": "consultation_generaliste", "frais_reels": "30.00"}]}"#,
    )
    .unwrap();
    let mut quatre = s.clone();
    quatre.offre = None;
    let baremes = shipped_baremes();
    let r = estimer(&quatre, &Tables::livrees(&baremes)).unwrap();
    for h in HOSTILES {
        let entete = EnTete {
            section: "MGEN — section départementale".into(),
            imprime_le: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            numero: Some(format!("Réf {h}")),
            initiales: Some(h.to_string()),
        };
        let pdf =
            render(&document_estimation(&s, &r, &entete)).unwrap_or_else(|e| panic!("{h} : {e}"));
        let texte = pdftotext(&pdf);
        let lignes: Vec<String> = texte
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert!(
            lignes.iter().any(|l| l.contains(&format!("Réf {h}"))),
            "référence « {h} » absente ou altérée :\n{texte}"
        );
        assert!(
            lignes.iter().filter(|l| l.contains(h)).count() >= 2,
            "initiales « {h} » absentes ou altérées :\n{texte}"
        );
        // The template was not evaluated: 7*7 printed, not 49.
        if h.contains("7*7") {
            assert!(!texte.contains("49"), "{texte}");
        }
        // GP example still printed: 30 % × 25,00 € = 7,50 €.
        assert!(texte.contains("7,50 €"), "{texte}");
    }
}
