//! Crash safety (issue 8): the real binary saves estimates in a loop and is
//! killed with SIGKILL at a random moment, again and again. After each kill,
//! every save whose number was printed (acknowledged) must be in the
//! database with exactly the content saved, and `PRAGMA integrity_check`
//! must say ok. Half the cycles use the hidden `historique rafale` loop (many
//! saves per process, kills land inside transactions), half single
//! `historique enregistrer` calls (kills land in start-up, migration and
//! commit).
//!
//! `GUICHET_CYCLES_CRASH` sets the number of cycles (50 by default; the
//! bench script `scripts/crash-bench.sh` runs 1 000), `GUICHET_GRAINE_CRASH`
//! the random seed (printed, to replay a failure), `GUICHET_BINAIRE` the
//! binary to kill (the bench script runs a private copy, so that a rebuild
//! of the shared target during a long run does not swap it).

mod historique_commun;

use historique_commun::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// xorshift64*: enough randomness for kill moments, reproducible by seed.
struct Hasard(u64);

impl Hasard {
    fn suivant(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn entre(&mut self, min: u64, max: u64) -> u64 {
        min + self.suivant() % (max - min + 1)
    }
}

/// The binary under test: `GUICHET_BINAIRE` or the one cargo built.
fn binaire() -> String {
    std::env::var("GUICHET_BINAIRE").unwrap_or_else(|_| GUICHET.to_string())
}

/// Runs the binary under test to completion.
fn lancer(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(binaire())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("GUICHET_DB")
        .stdin(Stdio::null())
        .output()
        .expect("lancement de guichet")
}

/// Starts one process, kills it after `delai`, returns the acknowledged
/// lines (complete lines only: a number is acknowledged once its line is
/// written whole).
fn cycle(db: &Path, args: &[&str], delai: Duration) -> Vec<String> {
    let mut enfant = Command::new(binaire())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("GUICHET_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("lancement de guichet");
    let sortie = enfant.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let lecteur = std::thread::spawn(move || {
        let mut r = BufReader::new(sortie);
        let mut ligne = String::new();
        loop {
            ligne.clear();
            match r.read_line(&mut ligne) {
                Ok(0) | Err(_) => break,
                Ok(_) if ligne.ends_with('\n') => {
                    let _ = tx.send(ligne.trim_end().to_string());
                }
                Ok(_) => break, // a cut line is not an acknowledgement
            }
        }
    });
    std::thread::sleep(delai);
    // Child::kill sends SIGKILL on Unix; an already finished process is fine.
    let _ = enfant.kill();
    let _ = enfant.wait();
    lecteur.join().unwrap();
    rx.try_iter().collect()
}

#[test]
fn acknowledged_saves_survive_sigkill() {
    let cycles: u64 = std::env::var("GUICHET_CYCLES_CRASH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let graine: u64 = std::env::var("GUICHET_GRAINE_CRASH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("graine : {graine} (GUICHET_GRAINE_CRASH pour rejouer)");
    let mut hasard = Hasard(graine);

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    // Five different documents; what each one must read back as.
    let fichiers: Vec<_> = (0..5u32)
        .map(|i| ecrire(dir.path(), &format!("s{i}.json"), situation(i * 37)))
        .collect();
    let canoniques: Vec<String> = (0..5u32)
        .map(|i| {
            let v: serde_json::Value = serde_json::from_str(&situation(i * 37)).unwrap();
            guichet::historique::canonique(&v)
        })
        .collect();

    // The database is created by one normal start (migrations and the
    // shipped tariff table take longer than most kill delays); every later
    // start is killed at random.
    ok(&lancer(&db, &["base"]));
    // Kill delays scale with the time one save takes on this machine now
    // (it varies with the load): up to twice that for a single save, four
    // times for a loop, so that kills land before, during and after saves.
    let t = Instant::now();
    let reference = ok(&lancer(
        &db,
        &["historique", "enregistrer", fichiers[0].to_str().unwrap()],
    ))
    .trim()
    .to_string();
    let duree_ms = (t.elapsed().as_millis() as u64).max(20);
    eprintln!("un enregistrement complet (processus compris) : {duree_ms} ms");

    // numéro → index of the document acknowledged under it.
    let mut acquittees: HashMap<String, usize> = HashMap::from([(reference, 0)]);
    let debut = Instant::now();
    let mut tues_pendant_rafale = 0u64;
    for c in 0..cycles {
        let doc = hasard.entre(0, 4) as usize;
        let chemin = fichiers[doc].to_str().unwrap();
        let rafale = c % 2 == 0;
        let lignes = if rafale {
            let l = cycle(
                &db,
                &["historique", "rafale", chemin],
                Duration::from_millis(hasard.entre(0, 4 * duree_ms)),
            );
            tues_pendant_rafale += 1;
            l
        } else {
            cycle(
                &db,
                &["historique", "enregistrer", chemin],
                Duration::from_millis(hasard.entre(0, 2 * duree_ms)),
            )
        };
        for l in lignes {
            let numero = l.split(' ').next().unwrap().to_string();
            assert!(
                acquittees.insert(numero.clone(), doc).is_none(),
                "numéro {numero} donné deux fois"
            );
        }

        // After the restart: integrity, then every acknowledged save.
        let conn = rusqlite::Connection::open(&db).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "cycle {c}");
        let mut stmt = conn
            .prepare("SELECT numero, situation, empreinte FROM estimations")
            .unwrap();
        let presentes: HashMap<String, (String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (numero, doc) in &acquittees {
            let (texte, empreinte) = presentes
                .get(numero)
                .unwrap_or_else(|| panic!("cycle {c} : {numero} acquittée puis perdue"));
            assert_eq!(texte, &canoniques[*doc], "cycle {c} : {numero} modifiée");
            assert_eq!(empreinte, &guichet::historique::empreinte(texte));
        }
    }
    // One last check through the binary itself: a random acknowledged save
    // shows the document that was saved.
    if let Some((numero, doc)) = acquittees.iter().next() {
        let e: serde_json::Value =
            serde_json::from_str(&ok(&lancer(&db, &["historique", "afficher", numero]))).unwrap();
        let attendu: serde_json::Value =
            serde_json::from_str(&situation(*doc as u32 * 37)).unwrap();
        assert_eq!(e["situation"], attendu);
    }
    eprintln!(
        "mesure: {cycles} cycles SIGKILL ({tues_pendant_rafale} en rafale), {} enregistrements acquittés, 0 perdu, 0 modifié, integrity_check ok à chaque cycle, {:.1} s",
        acquittees.len() - 1,
        debut.elapsed().as_secs_f64()
    );
    assert!(
        acquittees.len() > 1,
        "aucun enregistrement acquitté : les délais ne laissent pas le temps d'enregistrer"
    );
}
