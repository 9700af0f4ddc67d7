//! The test grid of issue 19, shared by the tests that import it (CLI,
//! printed comparison, and the e2e journey of the Barèmes screen): built
//! from the shipped 2018 file, marked as test data, never shipped. It
//! changes two cells and adds one basket row; its expected diff is stated
//! once here, worked out from the edits below.
#![allow(dead_code)]

pub const LIVRE: &str = include_str!("../../assets/tarifs/annexe2-2018.toml");

pub const NOM_ESSAI: &str = "Barème d'essai 2027 (données de test, jamais livrées)";

/// The test grid: dated 1 January 2027; line 1 under Référence 30 % → 35 %;
/// line 25, frame from 18, under Intégrale 90 € → 100 €; one new row of
/// line 25 for a classe B frame from 18 (a basket row: 120 € under
/// Intégrale, above the contrat responsable's 100 €).
pub fn grille_essai() -> String {
    let mut s = LIVRE
        .replacen(
            "nom = \"MGEN Annexe 2 — 2018\"",
            &format!("nom = \"{NOM_ESSAI}\""),
            1,
        )
        .replacen(
            "en_vigueur_le = \"2018-01-01\"",
            "en_vigueur_le = \"2027-01-01\"",
            1,
        );
    let ligne_1 = s.find("ligne = \"1\"\n").unwrap();
    let cible = ligne_1 + s[ligne_1..].find("reference = \"30 %\"").unwrap();
    s.replace_range(
        cible..cible + "reference = \"30 %\"".len(),
        "reference = \"35 %\"",
    );
    let monture = s
        .find("libelle = \"18 ans et plus — monture (même montant")
        .unwrap();
    let cible = monture + s[monture..].find("integrale = \"90 €\"").unwrap();
    s.replace_range(
        cible..cible + "integrale = \"90 €\"".len(),
        "integrale = \"100 €\"",
    );
    s.push_str(
        r#"
[[ligne]]
ligne = "25"
section = "OPTIQUE"
libelle = "18 ans et plus — monture de classe B (ligne d'essai d'un panier de la réforme 100 % Santé)"
variante = { age = ">=18", equipement = "monture", panier = "classe_b" }
codes_lpp = ["2223342"]
unite = "monture"
limites = [{ compteur = "equipements", max = 1, periode = "24 mois" }]
initiale = "30 €"
equilibre = "40 €"
reference = "70 €"
integrale = "120 €"
"#,
    );
    s
}

/// The cells [`grille_essai`] changes, in table order: (Annexe line, offer,
/// before, after), read from the two edits above.
pub const CASES_MODIFIEES: [(&str, &str, &str, &str); 2] = [
    ("1", "reference", "30 %", "35 %"),
    ("25", "integrale", "90 €", "100 €"),
];

/// The row [`grille_essai`] adds: its line, its basket, and its cells
/// (Initiale, Équilibre, Référence, Intégrale) as written above.
pub const RANGEE_AJOUTEE: (&str, &str, [&str; 4]) =
    ("25", "classe_b", ["30 €", "40 €", "70 €", "120 €"]);
