//! The printed documents follow the offers of the grid (issue 19): an
//! estimate under a three-offer grid prints three columns and three bars
//! with the grid's names, and the comparison of two grids with other
//! offers prints each offer of either, named. Both grids are test data
//! (the three-offer one is the example of `docs/format-bareme.md`, section
//! 2 bis; the five-offer one `tests/bareme_cinq_offres`), never shipped.

mod bareme_cinq_offres;
mod poppler;

use chrono::NaiveDate;
use guichet::documents::{document_comparaison_baremes, document_estimation, EnTete};
use guichet::moteur::{estimer, lecture, Tables};
use guichet::tarifs::{diff::comparer, parse_bareme, shipped_baremes, Bareme};

fn texte_du_pdf(octets: &[u8]) -> String {
    poppler::text_layout(octets)
}

fn entete() -> EnTete {
    EnTete {
        section: "MGEN — section de la Gironde".into(),
        imprime_le: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
        numero: None,
        initiales: None,
    }
}

/// Three offers from 1 January 2027 (test data): line 1 at 30, 40, 60 %.
fn grille_trois_offres() -> Bareme {
    parse_bareme(
        "trois-offres.toml",
        r#"[bareme]
nom = "Barème d'essai à trois offres (données de test, jamais livrées)"
en_vigueur_le = "2027-01-01"
source = "Grille d'essai de Guichet, sans offre réelle"

[[offres]]
code = "essentielle"
libelle = "MGEN Essentielle"

[[offres]]
code = "equilibre_plus"
libelle = "MGEN Équilibre Plus"

[[offres]]
code = "integrale_plus"
libelle = "MGEN Intégrale Plus"

[[ligne]]
ligne = "1"
section = "ACTES MÉDICAUX COURANTS"
libelle = "Consultation ou visite d'un généraliste"
essentielle = "30 %"
equilibre_plus = "40 %"
integrale_plus = "60 %"
"#,
    )
    .unwrap()
}

/// A GP consultation on 01/03/2027 billed 40 €: base 30 €, AMO 70 % × 30 =
/// 21,00 − 2,00 participation = 19,00 €; MGEN at most 40 − 21 = 19 €:
/// Essentielle 30 % × 30 = 9,00 (reste 40 − 19 − 9 = 12,00), Équilibre
/// Plus 40 % × 30 = 12,00 (reste 9,00), Intégrale Plus 60 % × 30 = 18,00
/// (reste 3,00).
#[test]
fn an_estimate_under_three_offers_prints_three_columns() {
    let mut baremes = shipped_baremes();
    baremes.push(grille_trois_offres());
    let situation = lecture::lire_texte(
        r#"{ "date": "2027-03-01",
  "assure": { "date_naissance": "1980-01-01", "parcours_soins": true, "css": false,
              "handicap": false, "deja_utilise": {} },
  "actes": [ { "code": "consultation_generaliste", "frais_reels": "40.00" } ] }"#,
    )
    .unwrap();
    let r = estimer(&situation, &Tables::livrees(&baremes)).unwrap();
    let vus: Vec<(String, String, String)> = r
        .offres
        .iter()
        .map(|o| {
            (
                o.libelle.clone(),
                o.actes[0].mgen.to_string(),
                o.actes[0].reste_a_charge.to_string(),
            )
        })
        .collect();
    let attendus = [
        ("MGEN Essentielle", "9.00", "12.00"),
        ("MGEN Équilibre Plus", "12.00", "9.00"),
        ("MGEN Intégrale Plus", "18.00", "3.00"),
    ];
    assert_eq!(
        vus,
        attendus.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    let t = texte_du_pdf(
        &guichet::pdf::render(&document_estimation(&situation, &r, &entete())).unwrap(),
    );
    assert!(t.contains("Les trois offres MGEN côte à côte"), "{t}");
    assert!(t.contains("comparaison des trois offres"), "{t}");
    // A sentence may be wrapped: read with the line breaks as spaces.
    let plat = t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        plat.contains("à la même échelle pour les trois offres"),
        "{t}"
    );
    for (libelle, _, _) in attendus {
        assert!(t.contains(libelle), "« {libelle} » absent :\n{t}");
    }
    for montant in ["9,00 €", "12,00 €", "18,00 €", "3,00 €"] {
        assert!(t.contains(montant), "« {montant} » absent :\n{t}");
    }
    assert!(!t.contains("MGEN Référence"), "{t}");
}

/// From the three-offer grid to the five-offer one: line 1 is in both; the
/// offers of both are the later grid's five, then the one only the earlier
/// has; each has a changed cell (« — » on the side without the offer), six
/// in all, each named by its grid's label.
#[test]
fn the_comparison_of_two_grids_names_the_offers_of_both() {
    let trois = grille_trois_offres();
    let cinq = parse_bareme("cinq", &bareme_cinq_offres::grille_cinq_offres()).unwrap();
    let d = comparer(&trois, &cinq);
    let codes: Vec<&str> = d.offres.iter().map(|o| o.code.code()).collect();
    assert_eq!(
        codes,
        [
            "sommet",
            "essentielle",
            "renfort",
            "confort",
            "equilibre_plus",
            "integrale_plus"
        ]
    );
    // « essentielle » and « equilibre_plus » are in both grids: changed
    // (30 % → Néant, 40 % → 30 %); the others on one side only.
    let changees: Vec<(&str, &str, &str)> = d
        .cases_modifiees
        .iter()
        .map(|c| (c.offre.code(), c.avant.as_str(), c.apres.as_str()))
        .collect();
    assert_eq!(
        changees,
        [
            ("sommet", "—", "100 %"),
            ("essentielle", "30 %", "Néant"),
            ("renfort", "—", "50 %"),
            ("confort", "—", "10 %"),
            ("equilibre_plus", "40 %", "30 %"),
            ("integrale_plus", "60 %", "—"),
        ]
    );
    // A code both grids declare is named as the later one prints it.
    assert_eq!(d.libelle(d.offres[1].code), "Essai Essentielle");
    let t =
        texte_du_pdf(&guichet::pdf::render(&document_comparaison_baremes(&d, &entete())).unwrap());
    // The « Offre » column is narrow: a name may be wrapped after its
    // first word; each offer's own word is printed.
    for mot in [
        "Sommet",
        "Essentielle",
        "Renfort",
        "Confort",
        "Équilibre",
        "Intégrale",
    ] {
        assert!(t.contains(mot), "« {mot} » absent :\n{t}");
    }
    assert!(
        t.contains("Essai Renfort") && t.contains("Essai Confort"),
        "{t}"
    );
    assert!(t.contains("6 cases modifiées"), "{t}");
}

/// The devis of golden case 145 (classe B glasses chosen, the optician's
/// 100 % Santé option, member's offer Équilibre, 20/06/2026) under the
/// 2018 grid rewritten in five offers from 1 January 2026: the two options'
/// table has the five columns under their names, and « Essai Deux » (the
/// Équilibre column) leaves what the case file works out by hand — 549,91 €
/// with the chosen equipment, 0,00 € with the 100 % Santé option.
#[test]
fn the_devis_two_options_print_five_columns() {
    let mut baremes = shipped_baremes();
    baremes.push(
        parse_bareme(
            "cinq-2026",
            &bareme_cinq_offres::annexe_2018_en_cinq_offres("2026-01-01"),
        )
        .unwrap(),
    );
    let chemin = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases/145_devis_deux_options_optique.toml");
    let cas: toml::Value = toml::from_str(&std::fs::read_to_string(chemin).unwrap()).unwrap();
    let json = serde_json::to_string(&cas["situation"])
        .unwrap()
        .replace("\"equilibre\"", "\"deux\"");
    let situation = lecture::lire_texte(&json).unwrap();
    let mut toutes = situation.clone();
    toutes.offre = None;
    let r = estimer(&toutes, &Tables::livrees(&baremes)).unwrap();
    let codes: Vec<&str> = r.offres.iter().map(|o| o.offre.code()).collect();
    assert_eq!(codes, ["un", "deux", "trois", "quatre", "cinq"]);
    let deux = &r.offres[1];
    assert_eq!(deux.totaux.reste_a_charge.to_string(), "549.91");
    let alternative = r.alternative_100_sante.as_ref().unwrap();
    assert_eq!(alternative[1].totaux.reste_a_charge.to_string(), "0.00");

    let t = texte_du_pdf(
        &guichet::pdf::render(&document_estimation(&situation, &r, &entete())).unwrap(),
    );
    let plat = t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(plat.contains("Les cinq offres MGEN côte à côte"), "{t}");
    for nom in [
        "Essai Un",
        "Essai Deux",
        "Essai Trois",
        "Essai Quatre",
        "Essai Cinq",
    ] {
        assert!(plat.contains(nom), "« {nom} » absent :\n{t}");
    }
    assert!(plat.contains("549,91 €"), "{t}");
    // The two options' table: its header names the five offers in order.
    let options = plat
        .split("Le devis : les deux options")
        .nth(1)
        .unwrap_or_else(|| panic!("pas de tableau des deux options :\n{t}"));
    let positions: Vec<usize> = [
        "Essai Un",
        "Essai Deux",
        "Essai Trois",
        "Essai Quatre",
        "Essai Cinq",
    ]
    .iter()
    .map(|n| {
        options
            .find(n)
            .unwrap_or_else(|| panic!("« {n} » absent des deux options"))
    })
    .collect();
    assert!(positions.windows(2).all(|p| p[0] < p[1]), "{options}");
}
