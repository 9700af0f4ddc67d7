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
