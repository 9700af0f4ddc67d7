//! Command-line mistakes told in French: clap's own messages are English, so
//! the common kinds are rewritten here, naming the argument at fault.

use clap::error::{ContextKind, ContextValue, ErrorKind};

fn valeur(e: &clap::Error, k: ContextKind) -> Option<String> {
    match e.get(k)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The French message for a command-line error, or `None` for the kinds that
/// are not errors (help, version).
pub fn message(e: &clap::Error) -> Option<String> {
    let arg = valeur(e, ContextKind::InvalidArg).unwrap_or_default();
    let usage = valeur(e, ContextKind::Usage)
        .map(|u| u.replace("Usage:", "Utilisation :"))
        .unwrap_or_default();
    let texte = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        ErrorKind::MissingRequiredArgument => format!("argument obligatoire manquant : {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "commande manquante (voir --help)".to_string()
        }
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue : {}",
            valeur(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("option ou argument inconnu : {arg}"),
        ErrorKind::ArgumentConflict => format!(
            "{arg} ne peut pas être donné avec {}",
            valeur(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "{arg} : valeur « {} » invalide",
            valeur(e, ContextKind::InvalidValue).unwrap_or_default()
        ),
        ErrorKind::NoEquals | ErrorKind::WrongNumberOfValues | ErrorKind::TooManyValues => {
            format!("{arg} : nombre de valeurs incorrect")
        }
        ErrorKind::InvalidUtf8 => "argument qui n'est pas du texte UTF-8".to_string(),
        _ => format!("ligne de commande incorrecte ({})", e.kind()),
    };
    Some(if usage.is_empty() {
        texte
    } else {
        format!("{texte}\n{usage}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn erreur(args: &[&str]) -> String {
        let e = Cli::try_parse_from(args).unwrap_err();
        message(&e).unwrap()
    }

    #[test]
    fn missing_argument_is_named_in_french() {
        let m = erreur(&["guichet", "historique", "afficher"]);
        assert!(
            m.starts_with("argument obligatoire manquant : <NUMERO>"),
            "{m}"
        );
        assert!(
            m.contains("Utilisation : guichet historique afficher <NUMERO>"),
            "{m}"
        );
    }

    #[test]
    fn unknown_option_and_conflicts() {
        let m = erreur(&["guichet", "historique", "lister", "--cherche", "x"]);
        assert!(
            m.starts_with("option ou argument inconnu : --cherche"),
            "{m}"
        );
        let m = erreur(&[
            "guichet",
            "historique",
            "supprimer",
            "2026-000001",
            "--reference",
            "R",
        ]);
        assert!(m.contains("ne peut pas être donné avec"), "{m}");
        let m = erreur(&["guichet", "historiqe"]);
        assert!(m.starts_with("commande inconnue : historiqe"), "{m}");
    }
}
