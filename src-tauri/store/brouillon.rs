//! The draft of the estimate being typed: one row (table `brouillon`,
//! migration 5) holding the Estimation form exactly as the adviser left it,
//! rewritten at every change so that a killed window or a stopped computer
//! loses nothing. Written in one immediate transaction (an upsert of the one
//! row), so the row is always a whole state, the previous or the new one.
//! The content is the screen's own text (JSON of the form as typed, fields
//! that do not parse yet included): only its size and its shape (a JSON
//! object) are checked here. A draft is never part of the history.
//!
//! The draft has its own connection to the file ([`Brouillons`]), opened on
//! first use: a write waits for the disk (synchronous FULL, ~8 ms here)
//! without holding the main connection, so an estimate asked meanwhile,
//! which reads the barèmes through the main one, is not delayed.

use super::{Store, StoreError};
use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Largest draft accepted, in bytes (a form with a hundred acts is ~30 KiB).
pub const TAILLE_MAX: usize = 256 * 1024;

const FORMAT_HORODATAGE: &str = "%Y-%m-%dT%H:%M:%S";

/// The draft as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brouillon {
    /// JSON object written by the Estimation screen.
    pub contenu: String,
    /// Local time of the write, to the second.
    pub ecrit_le: NaiveDateTime,
}

/// Why a draft was not written or read; French messages for the adviser.
#[derive(Debug, thiserror::Error)]
pub enum ErreurBrouillon {
    #[error(
        "brouillon trop volumineux ({taille} octets, au plus {max}) : il n'a pas été conservé"
    )]
    TropGrand { taille: usize, max: usize },
    #[error("brouillon illisible (un objet JSON est attendu) : il n'a pas été conservé")]
    PasUnObjet,
    #[error("le disque est plein : le brouillon n'a pas été conservé (les estimations enregistrées sont intactes)")]
    DisquePlein,
    #[error("accès au brouillon interrompu par une erreur précédente")]
    Interrompu,
    #[error(transparent)]
    Base(#[from] StoreError),
}

impl From<rusqlite::Error> for ErreurBrouillon {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => ErreurBrouillon::DisquePlein,
            _ => ErreurBrouillon::Base(StoreError::Sql(e)),
        }
    }
}

/// Checks what the screen sent: a JSON object, not larger than [`TAILLE_MAX`].
pub fn verifier_contenu(contenu: &str) -> Result<(), ErreurBrouillon> {
    if contenu.len() > TAILLE_MAX {
        return Err(ErreurBrouillon::TropGrand {
            taille: contenu.len(),
            max: TAILLE_MAX,
        });
    }
    match serde_json::from_str::<serde_json::Value>(contenu) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        _ => Err(ErreurBrouillon::PasUnObjet),
    }
}

/// The draft's own connection to the database file (already opened and
/// migrated by [`Store::open`]).
pub struct Brouillons {
    conn: Mutex<Connection>,
}

impl Brouillons {
    fn ouvrir(path: &Path) -> Result<Brouillons, StoreError> {
        let conn = super::ouvrir_connexion(path)?;
        // WAL is a property of the file (set by Store::open); these are not.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Brouillons {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> Result<std::sync::MutexGuard<'_, Connection>, ErreurBrouillon> {
        self.conn.lock().map_err(|_| ErreurBrouillon::Interrompu)
    }

    /// Replaces the draft by `contenu` (checked first), written at `ecrit_le`.
    pub fn ecrire(&self, contenu: &str, ecrit_le: NaiveDateTime) -> Result<(), ErreurBrouillon> {
        verifier_contenu(contenu)?;
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO brouillon (id, contenu, ecrit_le) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET contenu = excluded.contenu, ecrit_le = excluded.ecrit_le",
            params![contenu, ecrit_le.format(FORMAT_HORODATAGE).to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The draft, if there is one.
    pub fn lire(&self) -> Result<Option<Brouillon>, ErreurBrouillon> {
        let ligne: Option<(String, String)> = self
            .conn()?
            .query_row(
                "SELECT contenu, ecrit_le FROM brouillon WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(ligne.map(|(contenu, ecrit_le)| Brouillon {
            // A date that does not read (edited by hand) does not hide the draft.
            ecrit_le: NaiveDateTime::parse_from_str(&ecrit_le, FORMAT_HORODATAGE)
                .unwrap_or_default(),
            contenu,
        }))
    }

    /// Removes the draft; true when there was one.
    pub fn effacer(&self) -> Result<bool, ErreurBrouillon> {
        Ok(self.conn()?.execute("DELETE FROM brouillon", [])? > 0)
    }
}

impl Store {
    /// The draft's connection, opened on first use and closed with the store.
    pub fn brouillons(&self) -> Result<Arc<Brouillons>, StoreError> {
        if let Some(b) = self.brouillons.get() {
            return Ok(Arc::clone(b));
        }
        let b = Arc::new(Brouillons::ouvrir(&self.path)?);
        Ok(Arc::clone(self.brouillons.get_or_init(|| b)))
    }

    /// Replaces the draft (see [`Brouillons::ecrire`]).
    pub fn ecrire_brouillon(
        &self,
        contenu: &str,
        ecrit_le: NaiveDateTime,
    ) -> Result<(), ErreurBrouillon> {
        self.brouillons()?.ecrire(contenu, ecrit_le)
    }

    /// The draft, if there is one.
    pub fn lire_brouillon(&self) -> Result<Option<Brouillon>, ErreurBrouillon> {
        self.brouillons()?.lire()
    }

    /// Removes the draft; true when there was one.
    pub fn effacer_brouillon(&self) -> Result<bool, ErreurBrouillon> {
        self.brouillons()?.effacer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::latest_schema_version;

    fn moment(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, FORMAT_HORODATAGE).unwrap()
    }

    fn ouvrir() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("guichet.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn the_last_draft_written_is_the_one_read_back() {
        let (_d, store) = ouvrir();
        assert_eq!(store.lire_brouillon().unwrap(), None);
        store
            .ecrire_brouillon(r#"{"format":1,"n":1}"#, moment("2026-12-03T10:41:00"))
            .unwrap();
        store
            .ecrire_brouillon(r#"{"format":1,"n":2}"#, moment("2026-12-03T10:42:05"))
            .unwrap();
        let b = store.lire_brouillon().unwrap().unwrap();
        assert_eq!(b.contenu, r#"{"format":1,"n":2}"#);
        assert_eq!(b.ecrit_le, moment("2026-12-03T10:42:05"));
        let lignes: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM brouillon", [], |r| r.get(0))
            .unwrap();
        assert_eq!(lignes, 1);
    }

    #[test]
    fn the_draft_survives_closing_and_reopening_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("guichet.db");
        Store::open(&path)
            .unwrap()
            .ecrire_brouillon(r#"{"date":"15/06/2018"}"#, moment("2026-12-03T10:42:05"))
            .unwrap();
        let b = Store::open(&path)
            .unwrap()
            .lire_brouillon()
            .unwrap()
            .unwrap();
        assert_eq!(b.contenu, r#"{"date":"15/06/2018"}"#);
    }

    #[test]
    fn clearing_removes_it_and_says_whether_there_was_one() {
        let (_d, store) = ouvrir();
        assert!(!store.effacer_brouillon().unwrap());
        store
            .ecrire_brouillon("{}", moment("2026-12-03T10:42:05"))
            .unwrap();
        assert!(store.effacer_brouillon().unwrap());
        assert_eq!(store.lire_brouillon().unwrap(), None);
    }

    #[test]
    fn a_draft_never_enters_the_history() {
        let (_d, store) = ouvrir();
        store
            .ecrire_brouillon(r#"{"actes":[]}"#, moment("2026-12-03T10:42:05"))
            .unwrap();
        assert_eq!(store.nombre_estimations().unwrap(), 0);
    }

    #[test]
    fn what_is_not_a_json_object_or_too_large_is_refused_and_the_previous_draft_kept() {
        let (_d, store) = ouvrir();
        store
            .ecrire_brouillon(r#"{"n":1}"#, moment("2026-12-03T10:42:05"))
            .unwrap();
        for mauvais in ["[1,2]", "\"texte\"", "{pas du json", ""] {
            let e = store
                .ecrire_brouillon(mauvais, moment("2026-12-03T10:43:00"))
                .unwrap_err();
            assert!(matches!(e, ErreurBrouillon::PasUnObjet), "{mauvais} : {e}");
        }
        // One byte over the limit: {"x":"aaa…"} is 8 bytes plus the a's.
        let trop = format!(r#"{{"x":"{}"}}"#, "a".repeat(TAILLE_MAX - 8 + 1));
        assert_eq!(trop.len(), TAILLE_MAX + 1);
        let e = store
            .ecrire_brouillon(&trop, moment("2026-12-03T10:43:00"))
            .unwrap_err();
        assert!(e.to_string().contains("trop volumineux"), "{e}");
        let juste = format!(r#"{{"x":"{}"}}"#, "a".repeat(TAILLE_MAX - 8));
        store
            .ecrire_brouillon(&juste, moment("2026-12-03T10:44:00"))
            .unwrap();
        assert_eq!(store.lire_brouillon().unwrap().unwrap().contenu, juste);
    }

    /// A database of the previous schema (4: before the draft), with one
    /// saved estimate, opens: it gets the draft table and keeps its content.
    #[test]
    fn a_database_of_the_previous_schema_gets_the_draft_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ancienne.db");
        crate::store::migrations::base_ancienne_avec_une_estimation(&path, 4);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
        assert!(
            latest_schema_version() >= 5,
            "la table du brouillon vient de la version 5"
        );
        assert_eq!(store.nombre_estimations().unwrap(), 1);
        assert_eq!(store.lire_brouillon().unwrap(), None);
        store
            .ecrire_brouillon(r#"{"n":1}"#, moment("2026-12-03T10:42:05"))
            .unwrap();
        assert!(store.lire_brouillon().unwrap().is_some());
    }
}
