//! Benchmarks of the history of estimates and of the database checks:
//! - save latency (one committed, fsynced transaction), in-process and
//!   through the CLI (process start included);
//! - the integrity checks and the opening of a database of 10 000 saved
//!   estimates (`quick_check` runs at every opening);
//! - the list, its search and its last page on 100 000 saved estimates
//!   (what the Historique screen asks for), and the checks on that base
//!   (timed once: `integrity_check` reads every page).
//!
//! Run: `cargo bench --bench historique`. The database files live in the
//! system temporary folder (a real disk here, so fsync is real).

use chrono::NaiveDateTime;
use criterion::{criterion_group, criterion_main, Criterion};
use guichet::historique::{NouvelleEstimation, ValidationMoteur};
use guichet::store::historique::Recherche;
use guichet::store::Store;
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

fn moment(jour: u32) -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .checked_add_days(chrono::Days::new(u64::from(jour % 300)))
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

/// A situation of the size of a real one (a few acts, ≈ 700 bytes).
fn estimation(i: u32) -> NouvelleEstimation {
    NouvelleEstimation::preparer(
        &json!({
            "date": "2026-03-14",
            "offre": "reference",
            "assure": {"date_naissance": "1986-05-02", "parcours_soins": true, "css": false,
                       "handicap": false, "deja_utilise": {}},
            "actes": [
                {"code": "verre_progressif", "frais_reels": "250.00", "reseau": true, "quantite": 2},
                {"code": "monture", "frais_reels": format!("{}.00", 60 + i % 200)},
                {"code": "consultation_specialiste", "frais_reels": "45.00", "optam": true},
                {"code": "seance_kinesitherapie", "frais_reels": "16.13", "brss": "16.13", "quantite": 10}
            ]
        }),
        &ValidationMoteur::default(),
        Some(["AB", "CD", "EF", "GH"][i as usize % 4].parse().unwrap()),
        Some(format!("Dossier-{:06}", i).parse().unwrap()),
        Some("MGEN 2018".parse().unwrap()),
    )
    .unwrap()
}

/// A database of `n` saved estimates (filled without fsync, then reopened
/// with the normal settings).
fn base(dir: &Path, n: u32) -> Store {
    let chemin = dir.join(format!("bench-{n}.db"));
    {
        let mut store = Store::open(&chemin).unwrap();
        store
            .conn()
            .pragma_update(None, "synchronous", "OFF")
            .unwrap();
        for i in 0..n {
            store
                .enregistrer_estimation(&estimation(i), moment(i))
                .unwrap();
        }
    }
    let store = Store::open(&chemin).unwrap();
    eprintln!(
        "base de {n} estimations : {:.1} Mo",
        std::fs::metadata(&chemin).unwrap().len() as f64 / 1e6
    );
    store
}

fn enregistrement(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("latence.db")).unwrap();
    let e = estimation(1);
    let mut g = c.benchmark_group("historique");
    g.bench_function("enregistrer (transaction + fsync)", |b| {
        b.iter(|| store.enregistrer_estimation(&e, moment(1)).unwrap())
    });
    let db = dir.path().join("cli.db");
    let f = dir.path().join("s.json");
    std::fs::write(&f, e.situation()).unwrap();
    g.sample_size(20);
    g.bench_function("cli historique enregistrer (processus complet)", |b| {
        b.iter(|| {
            let o = std::process::Command::new(env!("CARGO_BIN_EXE_guichet"))
                .arg("--db")
                .arg(&db)
                .args(["historique", "enregistrer"])
                .arg(&f)
                .output()
                .unwrap();
            assert!(o.status.success());
        })
    });
    g.finish();
}

fn controles(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = base(dir.path(), 10_000);
    let chemin = store.path().to_path_buf();
    let mut g = c.benchmark_group("controle 10 000 estimations");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("quick_check", |b| {
        b.iter(|| store.controle_rapide().unwrap())
    });
    g.bench_function("integrity_check", |b| {
        b.iter(|| store.controle_complet().unwrap())
    });
    g.bench_function("empreintes (base verifier)", |b| {
        b.iter(|| assert!(store.estimations_alterees().unwrap().is_empty()))
    });
    drop(store);
    g.bench_function("ouverture (quick_check compris)", |b| {
        b.iter(|| Store::open(&chemin).unwrap())
    });
    g.finish();
    let store = Store::open(&chemin).unwrap();
    let t = Instant::now();
    let s = store.sauvegarder(moment(1)).unwrap();
    eprintln!(
        "sauvegarde de 10 000 estimations : {:.0} ms, {:.1} Mo",
        t.elapsed().as_secs_f64() * 1e3,
        s.taille as f64 / 1e6
    );
}

fn liste(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = base(dir.path(), 100_000);
    for (nom, controle) in [
        (
            "quick_check",
            Store::controle_rapide as fn(&Store) -> Result<(), String>,
        ),
        ("integrity_check", Store::controle_complet),
    ] {
        let t = Instant::now();
        controle(&store).unwrap();
        eprintln!(
            "{nom} sur 100 000 estimations : {:.0} ms",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    let t = Instant::now();
    assert!(store.estimations_alterees().unwrap().is_empty());
    eprintln!(
        "empreintes de 100 000 estimations : {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut g = c.benchmark_group("liste 100 000 estimations");
    let cas: [(&str, Option<&str>, u64); 6] = [
        ("première page", None, 0),
        ("dernière page", None, 99_950),
        ("recherche référence (début)", Some("dossier-0421"), 0),
        ("recherche initiales", Some("CD"), 0),
        ("recherche date", Some("15/02/2026"), 0),
        ("recherche numéro", Some("2026-000777"), 0),
    ];
    for (nom, texte, decalage) in cas {
        let r = store
            .lister_estimations(&Recherche {
                texte,
                limite: 50,
                decalage,
            })
            .unwrap();
        eprintln!("{nom} : {} résultats au total", r.total);
        g.bench_function(nom, |b| {
            b.iter(|| {
                store
                    .lister_estimations(&Recherche {
                        texte,
                        limite: 50,
                        decalage,
                    })
                    .unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, enregistrement, controles, liste);
criterion_main!(benches);
