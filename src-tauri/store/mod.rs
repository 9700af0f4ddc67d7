//! SQLite storage through rusqlite: opening the database file, compiled-in
//! schema migrations, transactions. The only module that knows SQL.

pub mod brouillon;
pub mod grilles;
pub mod historique;
mod location;
mod migrations;
pub mod sauvegarde;
pub mod tarifs;

pub use location::{resolve_db_path, DbPathSource};
pub use migrations::{latest_schema_version, MIGRATIONS};

use rusqlite::{Connection, OpenFlags, Transaction};
use std::path::{Path, PathBuf};

/// Errors of the storage layer; messages are French because they reach the adviser.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("impossible de créer le dossier de la base {path} : {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("impossible d'ouvrir la base {path} : {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "la base {path} a été écrite par une version plus récente de Guichet \
         (schéma {found}, cette version connaît jusqu'au schéma {known}) : \
         elle n'a pas été modifiée ; mettez Guichet à jour"
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("le fichier {path} n'est pas une base Guichet lisible : {source}")]
    NotADatabase {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "la base {path} est endommagée ({details}) : elle n'a pas été modifiée. \
         Voyez les sauvegardes avec « guichet base sauvegardes » et restaurez-en une avec \
         « guichet base restaurer » (le fichier endommagé est mis de côté, jamais effacé)"
    )]
    Endommagee { path: PathBuf, details: String },
    #[error("erreur de la base de données : {0}")]
    Sql(#[from] rusqlite::Error),
}

impl StoreError {
    /// True when the file is there but damaged or not a database: the case
    /// where restoring a backup is the way out.
    pub fn est_endommagee(&self) -> bool {
        matches!(
            self,
            StoreError::Endommagee { .. } | StoreError::NotADatabase { .. }
        )
    }
}

/// An open, migrated Guichet database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The draft's own connection, opened on first use (`brouillon.rs`).
    brouillons: std::sync::OnceLock<std::sync::Arc<brouillon::Brouillons>>,
}

impl Store {
    /// Opens (creating if needed, with mode 0600) and migrates the database at `path`.
    ///
    /// A database whose schema is newer than this build knows is refused
    /// before anything is written to it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        create_private_file(path).map_err(|source| StoreError::CreateDir {
            path: path.to_path_buf(),
            source,
        })?;
        let conn = ouvrir_connexion(path)?;
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|source| StoreError::NotADatabase {
                path: path.to_path_buf(),
                source,
            })?;
        let known = latest_schema_version();
        if found > known {
            return Err(StoreError::SchemaTooNew {
                path: path.to_path_buf(),
                found,
                known,
            });
        }
        // Damage is detected before anything is written to the file.
        sauvegarde::controle_rapide(&conn).map_err(|details| StoreError::Endommagee {
            path: path.to_path_buf(),
            details,
        })?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            brouillons: std::sync::OnceLock::new(),
        };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// The file this store was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version recorded in the file (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs `f` in one immediate transaction: committed if `f` returns Ok,
    /// rolled back otherwise.
    pub fn with_tx<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Read access for queries that need no transaction.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Creates the file empty with mode 0600 if it does not exist yet, so the
/// database never exists, even for an instant, readable by other users.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens a read-write connection to an existing database file (the store's
/// own, or the draft's second one), with the error naming the file.
pub(crate) fn ouvrir_connexion(path: &Path) -> Result<Connection, StoreError> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_database_is_migrated_to_the_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sous-dossier/guichet.db");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
        let applied: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(applied, MIGRATIONS.len() as i64);
    }

    #[cfg(unix)]
    #[test]
    fn database_file_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("guichet.db");
        Store::open(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn reopening_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("guichet.db");
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
    }

    #[test]
    fn newer_schema_is_refused_and_file_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("futur.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE t(x); PRAGMA user_version = 999;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).err().expect("doit refuser");
        assert!(matches!(err, StoreError::SchemaTooNew { found: 999, .. }));
        assert!(err.to_string().contains("version plus récente"));
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_file_that_is_not_sqlite_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("texte.db");
        std::fs::write(&path, vec![b'x'; 4096]).unwrap();
        let err = Store::open(&path).err().expect("doit refuser");
        assert!(
            err.to_string().contains("n'est pas une base Guichet"),
            "{err}"
        );
    }
}
