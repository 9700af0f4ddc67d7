//! Integrity and backups of the database file: the quick check done at every
//! opening, the full check, rotating backups made with the SQLite backup API
//! (`<db dir>/sauvegardes/`, mode 0600, the last [`SAUVEGARDES_GARDEES`]
//! kept), restoring one, and putting a damaged file aside.
//!
//! Nothing here deletes or overwrites data silently: a restored or set-aside
//! database is kept under a new name next to the original (with its `-wal`
//! and `-shm` files), and the only files ever removed are backups older than
//! the last five, which this module made itself.

use super::Store;
use chrono::{NaiveDateTime, Timelike};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// How many backups are kept; older ones are removed after each new one.
pub const SAUVEGARDES_GARDEES: usize = 5;
/// Folder of the backups, next to the database file.
pub const DOSSIER_SAUVEGARDES: &str = "sauvegardes";

const FORMAT_NOM: &str = "%Y%m%d-%H%M%S";

/// Failures of the backup operations, in French.
#[derive(Debug, thiserror::Error)]
pub enum ErreurSauvegarde {
    #[error("{action} {chemin} : {source}")]
    Fichier {
        action: &'static str,
        chemin: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "le disque est plein : la sauvegarde n'a pas été faite (la base et les sauvegardes \
         précédentes sont intactes). Libérez de la place puis recommencez."
    )]
    DisquePlein,
    #[error("aucune sauvegarde dans {0}")]
    AucuneSauvegarde(PathBuf),
    #[error("aucune sauvegarde ne s'appelle « {0} » : voyez « guichet base sauvegardes »")]
    Introuvable(String),
    #[error("la sauvegarde {nom} est elle-même endommagée ({details}) : choisissez-en une autre")]
    SauvegardeEndommagee { nom: String, details: String },
    #[error("aucune sauvegarde saine : toutes sont endommagées ou illisibles")]
    AucuneSaine,
    #[error("la base {0} n'existe pas : rien à mettre de côté")]
    PasDeBase(PathBuf),
    #[error("erreur de la base pendant la sauvegarde : {0}")]
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for ErreurSauvegarde {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => ErreurSauvegarde::DisquePlein,
            _ => ErreurSauvegarde::Sql(e),
        }
    }
}

fn fichier(action: &'static str, chemin: &Path) -> impl FnOnce(std::io::Error) -> ErreurSauvegarde {
    let chemin = chemin.to_path_buf();
    move |source| {
        if source.raw_os_error() == Some(28) {
            // ENOSPC
            ErreurSauvegarde::DisquePlein
        } else {
            ErreurSauvegarde::Fichier {
                action,
                chemin,
                source,
            }
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sauvegarde {
    /// File name, what `guichet base restaurer` takes.
    pub nom: String,
    pub chemin: PathBuf,
    /// When it was made (from its name).
    pub faite_le: NaiveDateTime,
    pub taille: u64,
}

/// A backup with the result of checking it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SauvegardeVerifiee {
    pub sauvegarde: Sauvegarde,
    /// `Ok(number of saved estimates)` when it is sound, `Err(why)` otherwise.
    pub etat: Result<u64, String>,
}

/// What a restoration did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restauration {
    pub sauvegarde: Sauvegarde,
    /// Where the previous database file was kept, if there was one.
    pub mise_de_cote: Option<PathBuf>,
}

/// `PRAGMA quick_check` (the cheap structural check): `Ok` or the problems
/// found, joined. Used at every opening.
pub fn controle_rapide(conn: &Connection) -> Result<(), String> {
    controle(conn, "quick_check")
}

fn controle(conn: &Connection, pragma: &str) -> Result<(), String> {
    const MAX: usize = 3;
    let lignes: Result<Vec<String>, rusqlite::Error> = conn
        .prepare(&format!("PRAGMA {pragma}({})", MAX + 1))
        .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect());
    match lignes {
        Ok(l) if l.len() == 1 && l[0] == "ok" => Ok(()),
        Ok(l) => {
            let mut problemes: Vec<String> = l
                .iter()
                .map(|x| {
                    x.replace("*** in database main ***", "")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .take(MAX)
                .collect();
            if l.len() > MAX {
                problemes.push("…".into());
            }
            Err(problemes.join(" ; "))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// The folder of the backups of the database at `db`.
pub fn dossier_sauvegardes(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(DOSSIER_SAUVEGARDES)
}

fn racine(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "guichet".into())
}

/// Parses `<racine>-AAAAMMJJ-HHMMSS[-n].db`; gives the time and the counter.
fn lire_nom(racine: &str, nom: &str) -> Option<(NaiveDateTime, u32)> {
    let reste = nom
        .strip_prefix(racine)?
        .strip_prefix('-')?
        .strip_suffix(".db")?;
    let (horodatage, rang) = match reste.get(15..) {
        Some("") => (reste, 0),
        Some(suffixe) => (&reste[..15], suffixe.strip_prefix('-')?.parse().ok()?),
        None => return None,
    };
    let t = NaiveDateTime::parse_from_str(horodatage, FORMAT_NOM).ok()?;
    Some((t, rang))
}

/// The backups of the database at `db`, newest first. Files of other shapes
/// in the folder are ignored.
pub fn lister_sauvegardes(db: &Path) -> Result<Vec<Sauvegarde>, ErreurSauvegarde> {
    let dossier = dossier_sauvegardes(db);
    let racine = racine(db);
    let entrees = match std::fs::read_dir(&dossier) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(fichier("lecture du dossier", &dossier)(e)),
    };
    let mut out = Vec::new();
    for entree in entrees {
        let entree = entree.map_err(fichier("lecture du dossier", &dossier))?;
        let nom = entree.file_name().to_string_lossy().into_owned();
        let Some((faite_le, rang)) = lire_nom(&racine, &nom) else {
            continue;
        };
        let meta = entree
            .metadata()
            .map_err(fichier("lecture de", &entree.path()))?;
        if !meta.is_file() {
            continue;
        }
        out.push((
            rang,
            Sauvegarde {
                nom,
                chemin: entree.path(),
                faite_le,
                taille: meta.len(),
            },
        ));
    }
    out.sort_by_key(|s| std::cmp::Reverse((s.1.faite_le, s.0)));
    Ok(out.into_iter().map(|(_, s)| s).collect())
}

/// Opens a backup read-only and checks it: the number of saved estimates, or
/// why it cannot be used.
pub fn verifier_sauvegarde(s: &Sauvegarde) -> SauvegardeVerifiee {
    let etat = (|| {
        let conn = Connection::open_with_flags(
            &s.chemin,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| e.to_string())?;
        controle_rapide(&conn)?;
        conn.query_row("SELECT count(*) FROM estimations", [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| n as u64)
        .map_err(|e| e.to_string())
    })();
    SauvegardeVerifiee {
        sauvegarde: s.clone(),
        etat,
    }
}

/// Creates `chemin` empty with mode 0600 (fails if it exists).
fn creer_prive(chemin: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(chemin)
}

fn creer_dossier_prive(dossier: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dossier)
}

/// Makes the directory entry changes (create, rename) durable.
fn synchroniser_dossier(dossier: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dossier)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dossier;
    Ok(())
}

fn nom_libre(dossier: &Path, racine: &str, moment: NaiveDateTime) -> String {
    let base = format!("{racine}-{}", moment.format(FORMAT_NOM));
    let mut nom = format!("{base}.db");
    let mut rang = 2;
    while dossier.join(&nom).exists() || dossier.join(format!(".{nom}.partielle")).exists() {
        nom = format!("{base}-{rang}.db");
        rang += 1;
    }
    nom
}

impl Store {
    /// `PRAGMA integrity_check` (full: also checks every index against its
    /// table): `Ok` or the problems found.
    pub fn controle_complet(&self) -> Result<(), String> {
        controle(&self.conn, "integrity_check")
    }

    /// `PRAGMA quick_check` on the open database.
    pub fn controle_rapide(&self) -> Result<(), String> {
        controle_rapide(&self.conn)
    }

    /// Makes a backup with the SQLite backup API into
    /// `<db dir>/sauvegardes/<name>-AAAAMMJJ-HHMMSS.db` (mode 0600), checks
    /// it, then removes the backups beyond the last five. A failed backup
    /// leaves no file and the previous backups untouched.
    pub fn sauvegarder(&self, moment: NaiveDateTime) -> Result<Sauvegarde, ErreurSauvegarde> {
        let dossier = dossier_sauvegardes(&self.path);
        creer_dossier_prive(&dossier).map_err(fichier("création du dossier", &dossier))?;
        let racine = racine(&self.path);
        let moment = moment.with_nanosecond(0).unwrap_or(moment);
        let nom = nom_libre(&dossier, &racine, moment);
        let provisoire = dossier.join(format!(".{nom}.partielle"));
        let finale = dossier.join(&nom);
        creer_prive(&provisoire).map_err(fichier("création de", &provisoire))?;
        let copie = (|| -> Result<(), ErreurSauvegarde> {
            let mut dst = Connection::open(&provisoire)?;
            {
                let b = rusqlite::backup::Backup::new(&self.conn, &mut dst)?;
                b.run_to_completion(4096, std::time::Duration::ZERO, None)?;
            }
            // A standalone file: no -wal next to a backup.
            dst.pragma_update(None, "journal_mode", "DELETE")?;
            controle_rapide(&dst).map_err(|details| ErreurSauvegarde::SauvegardeEndommagee {
                nom: nom.clone(),
                details,
            })?;
            dst.close().map_err(|(_, e)| ErreurSauvegarde::from(e))?;
            std::fs::File::open(&provisoire)
                .and_then(|f| f.sync_all())
                .map_err(fichier("écriture de", &provisoire))?;
            std::fs::rename(&provisoire, &finale).map_err(fichier("renommage de", &provisoire))?;
            synchroniser_dossier(&dossier).map_err(fichier("écriture du dossier", &dossier))?;
            Ok(())
        })();
        if let Err(e) = copie {
            // Our own unfinished copy, never a backup: removed.
            let _ = std::fs::remove_file(&provisoire);
            let _ = std::fs::remove_file(dossier.join(format!(".{nom}.partielle-journal")));
            return Err(e);
        }
        let taille = std::fs::metadata(&finale)
            .map_err(fichier("lecture de", &finale))?
            .len();
        for ancienne in lister_sauvegardes(&self.path)?
            .into_iter()
            .skip(SAUVEGARDES_GARDEES)
        {
            std::fs::remove_file(&ancienne.chemin).map_err(fichier(
                "suppression de l'ancienne sauvegarde",
                &ancienne.chemin,
            ))?;
        }
        Ok(Sauvegarde {
            nom,
            chemin: finale,
            faite_le: moment,
            taille,
        })
    }
}

/// The name under which the file `db` is put aside at `moment`:
/// `<name>.mise-de-cote-AAAAMMJJ-HHMMSS.db`, never an existing file.
fn chemin_mise_de_cote(db: &Path, moment: NaiveDateTime) -> PathBuf {
    let dossier = db.parent().unwrap_or(Path::new(""));
    let base = format!("{}.mise-de-cote-{}", racine(db), moment.format(FORMAT_NOM));
    let mut chemin = dossier.join(format!("{base}.db"));
    let mut rang = 2;
    while chemin.exists() {
        chemin = dossier.join(format!("{base}-{rang}.db"));
        rang += 1;
    }
    chemin
}

fn avec_suffixe(p: &Path, suffixe: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffixe);
    PathBuf::from(s)
}

/// Keeps the current file `db` (and its `-wal`, `-shm`) under a new name; the
/// path `db` still holds the same content until it is replaced (hard link).
fn garder_a_cote(db: &Path, moment: NaiveDateTime) -> Result<Option<PathBuf>, ErreurSauvegarde> {
    if !db.exists() {
        return Ok(None);
    }
    let cote = chemin_mise_de_cote(db, moment);
    if std::fs::hard_link(db, &cote).is_err() {
        let f = creer_prive(&cote).map_err(fichier("création de", &cote))?;
        drop(f);
        std::fs::copy(db, &cote).map_err(fichier("copie vers", &cote))?;
        std::fs::File::open(&cote)
            .and_then(|f| f.sync_all())
            .map_err(fichier("écriture de", &cote))?;
    }
    for suffixe in ["-wal", "-shm"] {
        let annexe = avec_suffixe(db, suffixe);
        if annexe.exists() {
            let dest = avec_suffixe(&cote, suffixe);
            std::fs::rename(&annexe, &dest).map_err(fichier("renommage de", &annexe))?;
        }
    }
    Ok(Some(cote))
}

/// Puts the database file `db` aside (renamed, never removed), so that the
/// next start begins with an empty database. For a damaged file when no
/// backup is available.
pub fn mettre_de_cote(db: &Path, moment: NaiveDateTime) -> Result<PathBuf, ErreurSauvegarde> {
    let cote = garder_a_cote(db, moment)?.ok_or_else(|| ErreurSauvegarde::PasDeBase(db.into()))?;
    std::fs::remove_file(db).map_err(fichier("renommage de", db))?;
    let dossier = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    synchroniser_dossier(dossier).map_err(fichier("écriture du dossier", dossier))?;
    Ok(cote)
}

/// Replaces the database `db` with the backup `nom` (or, without a name, the
/// newest sound backup). The current file, if any, is first kept aside under
/// a new name. The backup is checked before anything is touched. The
/// database must not be open elsewhere (close the app first).
pub fn restaurer(
    db: &Path,
    nom: Option<&str>,
    moment: NaiveDateTime,
) -> Result<Restauration, ErreurSauvegarde> {
    let sauvegardes = lister_sauvegardes(db)?;
    if sauvegardes.is_empty() {
        return Err(ErreurSauvegarde::AucuneSauvegarde(dossier_sauvegardes(db)));
    }
    let choisie = match nom {
        Some(n) => {
            let s = sauvegardes
                .iter()
                .find(|s| s.nom == n.trim())
                .ok_or_else(|| ErreurSauvegarde::Introuvable(n.trim().to_string()))?;
            let v = verifier_sauvegarde(s);
            if let Err(details) = v.etat {
                return Err(ErreurSauvegarde::SauvegardeEndommagee {
                    nom: s.nom.clone(),
                    details,
                });
            }
            s.clone()
        }
        None => sauvegardes
            .iter()
            .map(verifier_sauvegarde)
            .find(|v| v.etat.is_ok())
            .map(|v| v.sauvegarde)
            .ok_or(ErreurSauvegarde::AucuneSaine)?,
    };
    let dossier = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let provisoire = dossier.join(format!(".{}.restauration", racine(db)));
    if provisoire.exists() {
        // A copy left by an interrupted restoration: our own file.
        std::fs::remove_file(&provisoire).map_err(fichier("suppression de", &provisoire))?;
    }
    {
        let mut dst = creer_prive(&provisoire).map_err(fichier("création de", &provisoire))?;
        let mut src =
            std::fs::File::open(&choisie.chemin).map_err(fichier("lecture de", &choisie.chemin))?;
        let copie = std::io::copy(&mut src, &mut dst).and_then(|_| dst.sync_all());
        if let Err(e) = copie {
            let _ = std::fs::remove_file(&provisoire);
            return Err(fichier("copie vers", &provisoire)(e));
        }
    }
    let mise_de_cote = garder_a_cote(db, moment)?;
    std::fs::rename(&provisoire, db).map_err(fichier("remplacement de", db))?;
    synchroniser_dossier(dossier).map_err(fichier("écriture du dossier", dossier))?;
    Ok(Restauration {
        sauvegarde: choisie,
        mise_de_cote,
    })
}

/// What the start of the app did for the history's safety.
#[derive(Debug)]
pub struct EntretienDemarrage {
    pub sauvegarde: Result<Sauvegarde, ErreurSauvegarde>,
    /// How many estimates the retention setting removed, and the first day kept.
    pub purge: Result<(usize, chrono::NaiveDate), super::historique::ErreurHistorique>,
}

impl Store {
    /// At the start of the app, on a database that passed the opening check:
    /// one backup (rotating), then the retention purge for the day of
    /// `maintenant`. The backup comes first, so a purge never removes
    /// something no backup holds.
    pub fn entretien_au_demarrage(&mut self, maintenant: NaiveDateTime) -> EntretienDemarrage {
        let sauvegarde = self.sauvegarder(maintenant);
        let purge = self.purger_selon_conservation(maintenant.date());
        EntretienDemarrage { sauvegarde, purge }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn backup_names_are_parsed_and_others_ignored() {
        assert_eq!(
            lire_nom("guichet", "guichet-20261122-101530.db"),
            Some((moment("2026-11-22T10:15:30"), 0))
        );
        assert_eq!(
            lire_nom("guichet", "guichet-20261122-101530-3.db"),
            Some((moment("2026-11-22T10:15:30"), 3))
        );
        for autre in [
            "guichet.db",
            "autre-20261122-101530.db",
            "guichet-20261122-101530.db-journal",
            "guichet-2026112-101530.db",
            ".guichet-20261122-101530.db.partielle",
            "guichet-20261122-101530-x.db",
        ] {
            assert_eq!(lire_nom("guichet", autre), None, "{autre}");
        }
    }

    #[test]
    fn five_backups_are_kept_newest_first_private() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("guichet.db");
        let store = Store::open(&db).unwrap();
        for m in 0..7 {
            store
                .sauvegarder(moment(&format!("2026-11-22T10:0{m}:00")))
                .unwrap();
        }
        // Same second twice: a second name, not an overwrite.
        store.sauvegarder(moment("2026-11-22T10:06:00")).unwrap();
        let l = lister_sauvegardes(&db).unwrap();
        let noms: Vec<&str> = l.iter().map(|s| s.nom.as_str()).collect();
        assert_eq!(
            noms,
            [
                "guichet-20261122-100600-2.db",
                "guichet-20261122-100600.db",
                "guichet-20261122-100500.db",
                "guichet-20261122-100400.db",
                "guichet-20261122-100300.db",
            ]
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for s in &l {
                let mode = std::fs::metadata(&s.chemin).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o600, "{}", s.nom);
            }
            let mode = std::fs::metadata(dossier_sauvegardes(&db))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        // Only backups in the folder, no leftover journal or partial copy.
        let fichiers = std::fs::read_dir(dossier_sauvegardes(&db)).unwrap().count();
        assert_eq!(fichiers, 5);
    }

    #[test]
    fn restoring_without_backup_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("guichet.db");
        let e = restaurer(&db, None, moment("2026-11-22T10:00:00")).unwrap_err();
        assert!(e.to_string().starts_with("aucune sauvegarde dans"), "{e}");
        let e = mettre_de_cote(&db, moment("2026-11-22T10:00:00")).unwrap_err();
        assert!(matches!(e, ErreurSauvegarde::PasDeBase(_)));
    }
}
