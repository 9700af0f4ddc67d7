//! Benchmark of the PDF module: the 3-page sample estimate (tables, stacked
//! bars, paragraphs, notices) laid out and rendered to bytes. Goal: under
//! 30 ms and under 150 KB. Prints the size and the first call's time (which
//! also parses the two embedded fonts) before measuring.

#[path = "../tests/pdf_fixture/mod.rs"]
mod pdf_fixture;

use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use guichet::pdf::{layout, render};

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

criterion_group!(benches, bench);
criterion_main!(benches);
