//! The fields of a saved estimate that people type or read: its number
//! (`AAAA-NNNNNN`), the adviser's initials, the member reference, the name of
//! the barème used. Each is checked once, when it is built, with a French
//! message naming the field; the member reference is never repeated in a
//! message (it may identify a person).

use std::fmt;
use std::str::FromStr;

/// Error on one field typed by a person: the field and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{champ} : {message}")]
pub struct ErreurChamp {
    pub champ: &'static str,
    pub message: String,
}

impl ErreurChamp {
    pub fn new(champ: &'static str, message: impl Into<String>) -> Self {
        ErreurChamp {
            champ,
            message: message.into(),
        }
    }
}

/// The number of a saved estimate: the year of the save and a sequence within
/// that year, written `2026-000123`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NumeroEstimation {
    annee: i32,
    sequence: u32,
}

impl NumeroEstimation {
    /// Largest sequence of one year (six digits).
    pub const SEQUENCE_MAX: u32 = 999_999;

    pub fn new(annee: i32, sequence: u32) -> Result<Self, ErreurChamp> {
        if !(1900..=9999).contains(&annee) {
            return Err(ErreurChamp::new(
                "numéro",
                format!("année {annee} hors de 1900 à 9999"),
            ));
        }
        if !(1..=Self::SEQUENCE_MAX).contains(&sequence) {
            return Err(ErreurChamp::new(
                "numéro",
                format!("rang {sequence} hors de 1 à 999 999"),
            ));
        }
        Ok(NumeroEstimation { annee, sequence })
    }

    pub fn annee(&self) -> i32 {
        self.annee
    }

    pub fn sequence(&self) -> u32 {
        self.sequence
    }
}

impl fmt::Display for NumeroEstimation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:06}", self.annee, self.sequence)
    }
}

impl FromStr for NumeroEstimation {
    type Err = ErreurChamp;

    fn from_str(s: &str) -> Result<Self, ErreurChamp> {
        let t = s.trim();
        let format = || {
            ErreurChamp::new(
                "numéro",
                format!(
                    "« {} » n'est pas un numéro d'estimation (format AAAA-NNNNNN, par exemple 2026-000123)",
                    t.chars().take(30).collect::<String>()
                ),
            )
        };
        let (a, n) = t.split_once('-').ok_or_else(format)?;
        if a.len() != 4
            || n.len() != 6
            || !a.bytes().all(|b| b.is_ascii_digit())
            || !n.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(format());
        }
        let annee: i32 = a.parse().map_err(|_| format())?;
        let sequence: u32 = n.parse().map_err(|_| format())?;
        NumeroEstimation::new(annee, sequence)
    }
}

/// The adviser's initials: 1 to 4 letters, kept in capitals.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Initiales(String);

impl Initiales {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Initiales {
    type Err = ErreurChamp;

    fn from_str(s: &str) -> Result<Self, ErreurChamp> {
        let t = s.trim();
        let n = t.chars().count();
        if n == 0 || n > 4 || !t.chars().all(char::is_alphabetic) {
            return Err(ErreurChamp::new(
                "initiales",
                "1 à 4 lettres attendues, sans chiffre ni espace (par exemple AB)",
            ));
        }
        Ok(Initiales(t.to_uppercase()))
    }
}

impl fmt::Display for Initiales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A member reference: short free text chosen by the adviser (a file number,
/// not a name). Compared without regard to case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReferenceAdherent(String);

impl ReferenceAdherent {
    /// Most characters of a reference.
    pub const LONGUEUR_MAX: usize = 64;

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to search and to compare: lower case.
    pub fn cle(&self) -> String {
        cle_reference(&self.0)
    }
}

/// Lower-case form of a reference or of the beginning of one (search).
pub fn cle_reference(texte: &str) -> String {
    texte.trim().to_lowercase()
}

impl FromStr for ReferenceAdherent {
    type Err = ErreurChamp;

    fn from_str(s: &str) -> Result<Self, ErreurChamp> {
        let t = s.trim();
        let n = t.chars().count();
        if n == 0 {
            return Err(ErreurChamp::new(
                "référence",
                "vide : omettez-la ou saisissez un texte court",
            ));
        }
        if n > Self::LONGUEUR_MAX {
            return Err(ErreurChamp::new(
                "référence",
                format!("{n} caractères, au plus {}", Self::LONGUEUR_MAX),
            ));
        }
        if t.chars().any(char::is_control) {
            return Err(ErreurChamp::new(
                "référence",
                "caractère de contrôle (retour à la ligne, tabulation…) non accepté",
            ));
        }
        Ok(ReferenceAdherent(t.to_string()))
    }
}

impl fmt::Display for ReferenceAdherent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The barème (tariff version) an estimate was computed with: its name or
/// checksum, as the caller gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NomBareme(String);

impl NomBareme {
    pub const LONGUEUR_MAX: usize = 200;

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for NomBareme {
    type Err = ErreurChamp;

    fn from_str(s: &str) -> Result<Self, ErreurChamp> {
        let t = s.trim();
        let n = t.chars().count();
        if n == 0 || n > Self::LONGUEUR_MAX || t.chars().any(char::is_control) {
            return Err(ErreurChamp::new(
                "barème",
                format!(
                    "1 à {} caractères sans caractère de contrôle attendus",
                    Self::LONGUEUR_MAX
                ),
            ));
        }
        Ok(NomBareme(t.to_string()))
    }
}

impl fmt::Display for NomBareme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses an optional typed field: absent stays absent, present must be valid.
pub fn optionnel<T: FromStr<Err = ErreurChamp>>(
    texte: Option<&str>,
) -> Result<Option<T>, ErreurChamp> {
    texte.map(str::parse).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_is_written_with_four_and_six_digits() {
        let n = NumeroEstimation::new(2026, 123).unwrap();
        assert_eq!(n.to_string(), "2026-000123");
        assert_eq!("2026-000123".parse::<NumeroEstimation>().unwrap(), n);
        assert_eq!(
            " 2026-999999 "
                .parse::<NumeroEstimation>()
                .unwrap()
                .sequence(),
            999_999
        );
    }

    #[test]
    fn malformed_numbers_are_refused_naming_the_field() {
        for s in [
            "",
            "2026",
            "2026-123",
            "26-000123",
            "2026-0001234",
            "2026-00012a",
            "2026-000000",
            "+026-000001",
            "0000-000001",
        ] {
            let e = s.parse::<NumeroEstimation>().unwrap_err();
            assert_eq!(e.champ, "numéro", "{s}");
        }
    }

    #[test]
    fn initials_are_one_to_four_letters() {
        assert_eq!("ab".parse::<Initiales>().unwrap().as_str(), "AB");
        assert_eq!(" Éva ".parse::<Initiales>().unwrap().as_str(), "ÉVA");
        for s in ["", "ABCDE", "A1", "A B", "A.B"] {
            let e = s.parse::<Initiales>().unwrap_err();
            assert_eq!(e.champ, "initiales");
            assert!(
                e.to_string().starts_with("initiales : 1 à 4 lettres"),
                "{e}"
            );
        }
    }

    #[test]
    fn references_are_short_and_never_echoed() {
        let r: ReferenceAdherent = " Dossier 4521-B ".parse().unwrap();
        assert_eq!(r.as_str(), "Dossier 4521-B");
        assert_eq!(r.cle(), "dossier 4521-b");
        let long = "x".repeat(65);
        let e = long.parse::<ReferenceAdherent>().unwrap_err();
        assert_eq!(e.to_string(), "référence : 65 caractères, au plus 64");
        let e = "Dupont\nJean".parse::<ReferenceAdherent>().unwrap_err();
        assert!(!e.to_string().contains("Dupont"), "{e}");
        assert!("  ".parse::<ReferenceAdherent>().is_err());
    }

    #[test]
    fn optional_fields() {
        assert_eq!(optionnel::<Initiales>(None).unwrap(), None);
        assert!(optionnel::<Initiales>(Some("A1")).is_err());
        assert!(optionnel::<NomBareme>(Some("MGEN 2018 sha256:ab12"))
            .unwrap()
            .is_some());
    }
}
