//! Benchmark of the PDF module: the 3-page sample estimate (tables, stacked
//! bars, paragraphs, notices) laid out and rendered to bytes; and a real
//! 3-page estimate — a GP visit and a non-OPTAM specialist, estimated by the
//! engine over the four offers, turned into a document by
//! `documents::document_estimation` and rendered. Goal: under 30 ms and
//! under 150 KB. Prints the sizes and the first call's time (which also
//! parses the two embedded fonts) before measuring.

#[path = "../tests/pdf_fixture/mod.rs"]
mod pdf_fixture;

use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use guichet::documents::{document_estimation, EnTete};
use guichet::moteur::{estimer, lecture, Tables};
use guichet::pdf::{layout, render};

/// A GP visit in parcours and a non-OPTAM specialist, offer Équilibre.
const SITUATION: &str = r#"{ "date": "2018-06-15", "offre": "equilibre",
  "assure": { "date_naissance": "1983-02-01", "statut": "fonctionnaire",
              "parcours_soins": true, "css": false, "handicap": false },
  "actes": [
    { "code": "consultation_generaliste", "frais_reels": "30.00", "brss": "25.00" },
    { "code": "consultation_specialiste", "frais_reels": "50.00", "optam": false } ] }"#;

fn bench_estimation_reelle(c: &mut Criterion) {
    let situation = lecture::lire_texte(SITUATION).expect("situation");
    let mut quatre = situation.clone();
    quatre.offre = None;
    let baremes = guichet::tarifs::shipped_baremes();
    let resultat = estimer(&quatre, &Tables::livrees(&baremes)).expect("estimation");
    let entete = EnTete {
        section: "MGEN — section de la Gironde".into(),
        imprime_le: chrono::NaiveDate::from_ymd_opt(2018, 6, 15).expect("date"),
        numero: Some("2018-000042".into()),
        initiales: Some("CB".into()),
    };
    let doc = document_estimation(&situation, &resultat, &entete);
    let pages = layout(&doc).expect("mise en page").pages.len();
    assert_eq!(
        pages, 3,
        "l'estimation de référence du banc doit tenir sur 3 pages"
    );
    let bytes = render(&doc).expect("rendu");
    eprintln!(
        "estimation réelle : {pages} pages, {} octets ({:.1} Ko)",
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    c.bench_function("pdf/estimation_reelle_3_pages/document_et_rendu", |b| {
        b.iter(|| {
            let doc = document_estimation(
                std::hint::black_box(&situation),
                std::hint::black_box(&resultat),
                &entete,
            );
            render(&doc).expect("rendu")
        })
    });
}

fn bench(c: &mut Criterion) {
    let doc = pdf_fixture::sample_estimate();
    let start = Instant::now();
    let bytes = render(&doc).expect("rendu");
    let first = start.elapsed();
    let pages = layout(&doc).expect("mise en page").pages.len();
    eprintln!(
        "estimation exemple : {pages} pages, {} octets ({:.1} Ko), premier rendu (polices comprises) {:.1} ms",
        bytes.len(),
        bytes.len() as f64 / 1024.0,
        first.as_secs_f64() * 1000.0
    );
    c.bench_function("pdf/estimation_3_pages/rendu", |b| {
        b.iter(|| render(std::hint::black_box(&doc)).expect("rendu"))
    });
    c.bench_function("pdf/estimation_3_pages/mise_en_page", |b| {
        b.iter(|| layout(std::hint::black_box(&doc)).expect("mise en page"))
    });
}

criterion_group!(benches, bench, bench_estimation_reelle);
criterion_main!(benches);
