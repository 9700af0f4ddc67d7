//! The printed estimate and checklist, read back with poppler's pdftotext
//! and pdffonts: the amounts worked out by hand from the seeds are printed,
//! the font is embedded, no date of birth is printed.

mod poppler;

use chrono::NaiveDate;
use guichet::documents::{document_estimation, document_fiche, EnTete};
use guichet::moteur::{estimer, lecture, Tables};
use std::io::Write;
use std::process::Command;

fn texte_du_pdf(octets: &[u8]) -> String {
    poppler::text_layout(octets)
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
    let baremes = guichet::tarifs::shipped_baremes();
    let resultat = estimer(&quatre_offres, &Tables::livrees(&baremes)).unwrap();
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

/// Page count of a 40-act estimate (40 × the GP visit above, each with its
/// own doctor, offer Référence), worked out from the page geometry documented in
/// `pdf::layout` (content y = 60 … 790 pt, 730 pt a page; page 1 starts at
/// 112 pt after the title block; 10 pt between blocks, none at a page top):
///
/// Page 1, from y = 112: notice "À savoir" 4 lines × 13 + 2 × 8 = 68 → 180;
/// gap 10 + heading "Votre situation" 6 + 17 + 6 → 219; six label/value rows,
/// five of one line (16) and "Médecin traitant déclaré (parcours de soins)"
/// wrapped on two (30) → 329; gap 10 + heading 29 → 368; detail table: its
/// header is two lines ("Sécurité / sociale", "Reste à / charge": 2 × 12 + 8
/// = 32) → 400, each act's label wraps on two lines in its 32 % column, so
/// rows are 32 pt: ⌊(790 − 400) / 32⌋ = 12 rows → 784.
/// Page 2: repeated header 60 → 92, ⌊(790 − 92) / 32⌋ = 21 rows.
/// Page 3: header → 92, the last 40 − 12 − 21 = 7 rows → 316, total row 20 →
/// 336; comparison: gap + heading 39 → 375, header 32 + 4 rows × 20 → 487;
/// chart: gap 10, legend 14 + 6, four bars of 18 + 10 (every value fits in
/// its segment: nothing printed under the bars) → 629; its note, 2 small
/// lines × 11.5 + gap → 662; "Points d'attention" gap + heading 39 → 701
/// and its one warning on 2 lines × 14 → 729.
/// Page 4: "Barèmes et paramètres utilisés" needs gap 10 + 6 + 23 + its first
/// row (3 lines × 14 + 2 = 44) = 83 > 790 − 729, so it opens page 4.
/// The annex starts page 5 (page break): heading 23 → 83. Each act's part:
/// sub-heading 15 + 3, one 1-line note (11.5) then seven 2-line notes (23,
/// never split: a last line is never left alone), 10 pt between notes and
/// before the next act: 10 + 18 + 11.5 + 7 × 33 = 270.5 pt. The annex is
/// cut only between notes, so it flows on, each page filled to within one
/// note: act 1's heading at 83, act 2's at 343.5, act 3's at 614 (its last
/// notes go to page 6), and so on; stepping the notes down the pages puts
/// the act headings on pages 5,5,5 | 6,6,6 | 7,7 | 8,8,8 | … — eight acts
/// (8 × 270.5 = 2 164 pt) every three pages (3 × 730 = 2 190 pt):
/// 40 acts = 5 × 8 → 15 annex pages, the last one ending at y = 789.
/// Total: 4 + 15 = 19 pages.
#[test]
fn a_forty_act_estimate_takes_nineteen_pages_worked_out_from_the_layout() {
    // Forty doctors (one visit each): no daily cap of the participation
    // forfaitaire to apply or to ask about.
    let actes = (1..=40)
        .map(|i| {
            format!(
                r#"{{ "code": "consultation_generaliste", "quantite": 1, "frais_reels": "30.00", "brss": "25.00", "praticien": "dr-{i}" }}"#
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let json = GENERALISTE.replace(
        &GENERALISTE[GENERALISTE.find("[ {").unwrap()..GENERALISTE.rfind("} ]").unwrap() + 3],
        &format!("[{actes}]"),
    );
    let (octets, t) = estimation_pdf(&json);
    let pages: Vec<&str> = t.trim_end_matches('\u{c}').split('\u{c}').collect();
    assert_eq!(pages.len(), 19);
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains(&format!("page {}/19", i + 1)),
            "page {} : {p}",
            i + 1
        );
    }
    // Detail rows per page, the table header repeated on each.
    let lignes = |p: &str| {
        p.lines()
            .filter(|l| l.trim_start().starts_with("Consultation ou visite de"))
            .count()
    };
    assert_eq!(
        (lignes(pages[0]), lignes(pages[1]), lignes(pages[2])),
        (12, 21, 7)
    );
    for p in &pages[..3] {
        assert!(p.contains("Frais réels"), "{p}");
    }
    assert!(pages[2].contains("Points d'attention"));
    assert!(pages[3].contains("Barèmes et paramètres utilisés"));
    assert!(pages[4].contains("Annexe — comment chaque montant est calculé"));
    // Acts explained per annex page: 3, 3, 2, repeated five times.
    let soins: Vec<usize> = pages[4..]
        .iter()
        .map(|p| p.matches("MGEN Référence — soin ").count())
        .collect();
    assert_eq!(soins, [3, 3, 2].repeat(5));
    // 40 acts: total frais réels 40 × 30 = 1 200,00 ; AMO 40 × 16,50 = 660,00 ;
    // MGEN 40 × 7,50 = 300,00 ; reste 40 × 6 = 240,00.
    for attendu in ["1 200,00", "660,00", "300,00", "240,00"] {
        assert!(t.contains(attendu), "« {attendu} » absent");
    }
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
