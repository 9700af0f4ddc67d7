//! The five-offer test grid of issue 19 (« the offers are data of the
//! grid »), shared by the CLI test and the e2e journey: TEST DATA, never
//! shipped, invented for Guichet's tests — no real MGEN offer is named.
//! It declares five offers under other names than the 2018 ones, in an
//! order that is not alphabetical (so that a map sorted by code would
//! show), dated 1 January 2028, with one line: the consultation of line 1.
//! The expected amounts below are worked out by hand from its cells.
#![allow(dead_code)]

/// The grid's name, as the estimate cites it.
pub const NOM: &str = "Barème d'essai à cinq offres (données de test, jamais livrées)";

/// Its date of effect.
pub const EN_VIGUEUR_LE: &str = "2028-01-01";

/// The offers in column order: (code, printed name, line 1's cell).
pub const OFFRES: [(&str, &str, &str); 5] = [
    ("sommet", "Essai Sommet", "100 %"),
    ("essentielle", "Essai Essentielle", "Néant"),
    ("renfort", "Essai Renfort", "50 %"),
    ("confort", "Essai Confort", "10 %"),
    ("equilibre_plus", "Essai Équilibre Plus", "30 %"),
];

/// The test grid's text (not signed).
pub fn grille_cinq_offres() -> String {
    let mut s = format!(
        "# DONNÉES DE TEST — jamais livrées : grille inventée pour les tests de Guichet\n\
         # (issue 19, « les offres sont des données du barème »).\n\
         [bareme]\n\
         nom = \"{NOM}\"\n\
         en_vigueur_le = \"{EN_VIGUEUR_LE}\"\n\
         source = \"Grille d'essai de Guichet, sans offre réelle\"\n"
    );
    for (code, libelle, _) in OFFRES {
        s.push_str(&format!(
            "\n[[offres]]\ncode = \"{code}\"\nlibelle = \"{libelle}\"\n"
        ));
    }
    s.push_str(
        "\n[[ligne]]\nligne = \"1\"\nsection = \"ACTES MÉDICAUX COURANTS\"\n\
         libelle = \"Consultation ou visite : généraliste, spécialiste en médecine générale, sage-femme (ligne d'essai)\"\n",
    );
    for (code, _, case) in OFFRES {
        s.push_str(&format!("{code} = \"{case}\"\n"));
    }
    s
}

/// The same grid signed with the test key of `tests/bareme_essai` (a key
/// of 32 bytes 42, standing in for the national office's).
pub fn grille_signee() -> Vec<u8> {
    let cle = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
    guichet::tarifs::signature::signer(grille_cinq_offres().as_bytes(), &cle)
}

/// A GP consultation in the parcours on 15/03/2028, billed 40 €: base G
/// 30 €; AMO 70 % × 30 = 21,00 − 2,00 participation forfaitaire = 19,00 €
/// net. Line 1 per offer, bounded by the principe indemnitaire — AMO before
/// the participation + MGEN ≤ frais réels, so MGEN ≤ 40 − 21 = 19,00 €
/// (the participation is never MGEN's: domain.md, « Rules that bound
/// MGEN »): Sommet 100 % × 30 = 30 → 19,00 (reste 40 − 19 − 19 = 2,00);
/// Essentielle Néant → 0,00 (reste 21,00); Renfort 50 % × 30 = 15,00
/// (reste 6,00); Confort 10 % × 30 = 3,00 (reste 18,00); Équilibre Plus
/// 30 % × 30 = 9,00 (reste 12,00).
pub const CONSULTATION_2028: &str = r#"{
  "date": "2028-03-15",
  "assure": { "date_naissance": "1980-01-01", "parcours_soins": true, "css": false,
              "handicap": false, "deja_utilise": {} },
  "actes": [ { "code": "consultation_generaliste", "frais_reels": "40.00" } ]
}"#;

/// (code, MGEN, reste à charge) per offer, in the grid's order, for
/// [`CONSULTATION_2028`].
pub const ATTENDU_2028: [(&str, &str, &str); 5] = [
    ("sommet", "19.00", "2.00"),
    ("essentielle", "0.00", "21.00"),
    ("renfort", "15.00", "6.00"),
    ("confort", "3.00", "18.00"),
    ("equilibre_plus", "9.00", "12.00"),
];

/// The 2018 grid rewritten with five offers under other codes and names
/// (test data, never shipped), in force from `date`: the 2018 columns
/// Initiale, Équilibre, Référence, Intégrale become `un`, `deux`, `trois`,
/// `quatre` with the same cells, and a fifth, `cinq`, repeats Intégrale's —
/// so every act the engine knows can be estimated under five offers, each
/// of the first four giving what its 2018 column gives.
pub fn annexe_2018_en_cinq_offres(date: &str) -> String {
    const RENOMMEES: [(&str, &str); 4] = [
        ("initiale", "un"),
        ("equilibre", "deux"),
        ("reference", "trois"),
        ("integrale", "quatre"),
    ];
    let livre = guichet::tarifs::FICHIERS_LIVRES[0].1;
    let mut sortie = String::new();
    let mut lignes = livre.lines().peekable();
    let mut entete_faite = false;
    while let Some(l) = lignes.next() {
        if l.starts_with("nom = \"MGEN Annexe 2 — 2018\"") {
            sortie.push_str(
                "nom = \"Annexe 2018 en cinq offres (données de test, jamais livrées)\"\n",
            );
            continue;
        }
        if l.starts_with("en_vigueur_le = ") {
            sortie.push_str(&format!("en_vigueur_le = \"{date}\"\n"));
            continue;
        }
        if l == "[[ligne]]" && !entete_faite {
            entete_faite = true;
            for (code, nom) in [
                ("un", "Essai Un"),
                ("deux", "Essai Deux"),
                ("trois", "Essai Trois"),
                ("quatre", "Essai Quatre"),
                ("cinq", "Essai Cinq"),
            ] {
                sortie.push_str(&format!(
                    "[[offres]]\ncode = \"{code}\"\nlibelle = \"{nom}\"\n\n"
                ));
            }
        }
        if l.starts_with("reprises = [") || l.starts_with("note_pour = [") {
            let mut l = l.to_string();
            for (avant, apres) in RENOMMEES {
                l = l.replace(&format!("\"{avant}\""), &format!("\"{apres}\""));
            }
            if l.contains("\"quatre\"") {
                l = l.replace("\"quatre\"]", "\"quatre\", \"cinq\"]");
            }
            sortie.push_str(&l);
            sortie.push('\n');
            continue;
        }
        if l == "[ligne.integrale]" {
            // The cell's table, then the same table for the fifth offer.
            let mut bloc = Vec::new();
            while let Some(suite) = lignes.peek() {
                if suite.is_empty() || suite.starts_with('[') {
                    break;
                }
                bloc.push(lignes.next().unwrap());
            }
            for code in ["quatre", "cinq"] {
                sortie.push_str(&format!("[ligne.{code}]\n"));
                for b in &bloc {
                    sortie.push_str(b);
                    sortie.push('\n');
                }
                sortie.push('\n');
            }
            continue;
        }
        let mut ecrite = false;
        for (avant, apres) in RENOMMEES {
            if l == format!("[ligne.{avant}]") {
                sortie.push_str(&format!("[ligne.{apres}]\n"));
                ecrite = true;
            } else if let Some(reste) = l.strip_prefix(&format!("{avant} = ")) {
                sortie.push_str(&format!("{apres} = {reste}\n"));
                if avant == "integrale" {
                    sortie.push_str(&format!("cinq = {reste}\n"));
                }
                ecrite = true;
            }
        }
        if !ecrite {
            sortie.push_str(l);
            sortie.push('\n');
        }
    }
    sortie
}
