//! The one error type of the tariff files and of the "in force on" lookup.
//! Messages are French: they reach the adviser (import from the Barèmes
//! screen or `guichet bareme importer`) and name the file, the line of the
//! file and the field at fault.

use chrono::NaiveDate;

/// Why a tariff file was refused, or why no tariff applies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TarifError {
    /// The file as a whole cannot be read (size, encoding, empty).
    #[error("{fichier} : {message}")]
    Fichier { fichier: String, message: String },
    /// Something at a given line of the file is wrong; `champ` is the TOML key.
    #[error("{fichier}, ligne {ligne}, champ « {champ} » : {message}")]
    Champ {
        fichier: String,
        ligne: usize,
        champ: String,
        message: String,
    },
    /// The TOML itself does not parse at this line (no field to blame).
    #[error("{fichier}, ligne {ligne} : {message}")]
    Syntaxe {
        fichier: String,
        ligne: usize,
        message: String,
    },
    /// The date is before the first version held.
    #[error("aucun barème en vigueur au {}", .date.format("%d/%m/%Y"))]
    AucunBareme { date: NaiveDate },
    /// No row of the line matches the situation (a criterion is missing).
    #[error("aucune rangée de la ligne {ligne} ne correspond à {criteres}")]
    RangeeIntrouvable { ligne: String, criteres: String },
    /// Several rows match equally: the situation must say more.
    #[error(
        "plusieurs rangées de la ligne {ligne} correspondent : {variantes} ; précisez la situation"
    )]
    RangeeAmbigue { ligne: String, variantes: String },
    /// Two versions held start on the same day: the lookup cannot choose.
    #[error(
        "deux barèmes commencent le {} (« {premier} » et « {second} ») : impossible de choisir",
        .date.format("%d/%m/%Y")
    )]
    Chevauchement {
        date: NaiveDate,
        premier: String,
        second: String,
    },
}

impl TarifError {
    /// The line of the file the error points at, when it has one.
    pub fn ligne(&self) -> Option<usize> {
        match self {
            TarifError::Champ { ligne, .. } | TarifError::Syntaxe { ligne, .. } => Some(*ligne),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_file_line_and_field() {
        let e = TarifError::Champ {
            fichier: "annexe2-2019.toml".into(),
            ligne: 42,
            champ: "reference".into(),
            message: "montant illisible".into(),
        };
        assert_eq!(
            e.to_string(),
            "annexe2-2019.toml, ligne 42, champ « reference » : montant illisible"
        );
        assert_eq!(e.ligne(), Some(42));
    }

    #[test]
    fn no_tariff_before_the_first_version_is_said_in_french() {
        let e = TarifError::AucunBareme {
            date: NaiveDate::from_ymd_opt(2017, 3, 14).unwrap(),
        };
        assert_eq!(e.to_string(), "aucun barème en vigueur au 14/03/2017");
    }
}
