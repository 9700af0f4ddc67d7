//! Where the database file lives: `--db PATH`, then `GUICHET_DB`, then the
//! platform data directory (`$XDG_DATA_HOME/guichet/guichet.db` on Linux).

use std::path::PathBuf;

/// Which rule chose the database path (shown by `guichet --version` and the app).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbPathSource {
    Flag,
    Environment,
    DataDir,
}

/// Resolves the database path from the `--db` flag and the environment value
/// of `GUICHET_DB` (both passed in, so the rule is testable).
pub fn resolve_db_path(
    flag: Option<PathBuf>,
    env_value: Option<std::ffi::OsString>,
) -> Result<(PathBuf, DbPathSource), String> {
    if let Some(p) = flag {
        return Ok((p, DbPathSource::Flag));
    }
    if let Some(v) = env_value.filter(|v| !v.is_empty()) {
        return Ok((PathBuf::from(v), DbPathSource::Environment));
    }
    let base = dirs::data_dir().ok_or_else(|| {
        "impossible de trouver le dossier de données (définissez XDG_DATA_HOME ou GUICHET_DB)"
            .to_string()
    })?;
    Ok((
        base.join("guichet").join("guichet.db"),
        DbPathSource::DataDir,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_environment() {
        let (p, s) = resolve_db_path(Some("/tmp/a.db".into()), Some("/tmp/b.db".into())).unwrap();
        assert_eq!(p, PathBuf::from("/tmp/a.db"));
        assert_eq!(s, DbPathSource::Flag);
    }

    #[test]
    fn environment_wins_over_data_dir() {
        let (p, s) = resolve_db_path(None, Some("/tmp/b.db".into())).unwrap();
        assert_eq!(p, PathBuf::from("/tmp/b.db"));
        assert_eq!(s, DbPathSource::Environment);
    }

    #[test]
    fn empty_environment_is_ignored() {
        let (p, s) = resolve_db_path(None, Some("".into())).unwrap();
        assert_eq!(s, DbPathSource::DataDir);
        assert!(p.ends_with("guichet/guichet.db"));
    }
}
