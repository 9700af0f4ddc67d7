//! Errors of the checklists, in French. An input error always carries the
//! [`Field`] to correct, so the CLI can name its flag and the UI its input.

use super::situation::Field;

/// Why a checklist could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FicheError {
    #[error("fiche inconnue « {id} » (fiches disponibles : {known})")]
    UnknownFiche { id: String, known: String },
    #[error("{} : obligatoire pour cette fiche", name(*field))]
    Missing { field: Field },
    #[error("{} : indiquez au moins l'une de ces dates", names(fields))]
    MissingOneOf { fields: Vec<Field> },
    #[error("{} : date « {value} » illisible ou inexistante (attendu JJ/MM/AAAA ou AAAA-MM-JJ)", name(*field))]
    InvalidDate { field: Field, value: String },
    #[error("{} : valeur « {value} » inconnue (valeurs possibles : {})", name(*field), choices(*field))]
    InvalidChoice { field: Field, value: String },
    #[error("{} : {message}", name(*field))]
    Inconsistent { field: Field, message: String },
    #[error("{} : ne sert pas à la fiche « {fiche} »", name(*field))]
    NotUsed { field: Field, fiche: String },
    #[error("{} : {message}", name(*field))]
    OutOfRange { field: Field, message: String },
    /// The shipped checklist files are wrong: a bug, not the adviser's input.
    #[error("fichier de fiche invalide : {0}")]
    Catalog(String),
}

impl FicheError {
    /// The fields the adviser must correct (empty for a data bug or an unknown checklist).
    pub fn fields(&self) -> Vec<Field> {
        match self {
            FicheError::Missing { field }
            | FicheError::InvalidDate { field, .. }
            | FicheError::InvalidChoice { field, .. }
            | FicheError::Inconsistent { field, .. }
            | FicheError::OutOfRange { field, .. }
            | FicheError::NotUsed { field, .. } => vec![*field],
            FicheError::MissingOneOf { fields } => fields.clone(),
            FicheError::UnknownFiche { .. } | FicheError::Catalog(_) => Vec::new(),
        }
    }

    /// Whether the adviser can fix it by changing the input.
    pub fn is_input_error(&self) -> bool {
        !matches!(self, FicheError::Catalog(_))
    }

    /// The same message with each field named by its command-line flag
    /// ("--date-arret : obligatoire pour cette fiche").
    pub fn with_flags(&self) -> String {
        let fields = self.fields();
        if fields.is_empty() {
            return self.to_string();
        }
        let by_label = names(&fields);
        let flags = fields
            .iter()
            .map(|f| f.flag())
            .collect::<Vec<_>>()
            .join(" ou ");
        self.to_string().replacen(&by_label, &flags, 1)
    }
}

fn name(field: Field) -> String {
    format!("« {} »", field.label())
}

fn names(fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| name(*f))
        .collect::<Vec<_>>()
        .join(" ou ")
}

fn choices(field: Field) -> String {
    field
        .choices()
        .iter()
        .map(|(k, _)| *k)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field_by_label_or_flag() {
        let e = FicheError::Missing {
            field: Field::DateArret,
        };
        assert_eq!(
            e.to_string(),
            "« Date de l'arrêt de travail » : obligatoire pour cette fiche"
        );
        assert_eq!(
            e.with_flags(),
            "--date-arret : obligatoire pour cette fiche"
        );
        let e = FicheError::MissingOneOf {
            fields: vec![Field::DebutGrossesse, Field::Terme],
        };
        assert_eq!(
            e.with_flags(),
            "--debut-grossesse ou --terme : indiquez au moins l'une de ces dates"
        );
        let e = FicheError::InvalidChoice {
            field: Field::Motif,
            value: "casse".into(),
        };
        assert_eq!(
            e.with_flags(),
            "--motif : valeur « casse » inconnue (valeurs possibles : perte, vol, dysfonctionnement)"
        );
    }
}
