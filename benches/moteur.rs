//! Benchmark of the engine: the four offers for a 30-act situation (a year
//! of care mixing consultations, specialist and technical acts, auxiliaries,
//! medicines, envelopes, optics, dental, hearing aids and a hospital stay),
//! from the parsed situation to the full result with explanations.
//! Goal: under 100 µs on the reference machine.
//!
//! Load (issue 8): the same 30 acts repeated to 1 000 and 10 000 acts (the
//! reader takes 500 at most; the engine itself has no limit), to show the
//! time grows linearly. `GUICHET_ACTES=N cargo bench --bench moteur` only
//! estimates N acts once and prints the time, for a peak-memory reading
//! with `/usr/bin/time -v`; with `GUICHET_REPETER=K` it estimates them K
//! more times (an instruction count under `valgrind --tool=callgrind` then
//! shows the steady state, tables already indexed).

use criterion::{criterion_group, Criterion};
use guichet::moteur::{estimer, lecture, Situation, Tables};
use guichet::tarifs::shipped_baremes;
use serde_json::json;

fn situation() -> serde_json::Value {
    let actes = json!([
        {"code": "consultation_generaliste", "date": "2018-01-08", "frais_reels": "25.00"},
        {"code": "consultation_specialiste", "date": "2018-01-15", "frais_reels": "50.00", "optam": true},
        {"code": "analyses_biologie", "date": "2018-01-16", "frais_reels": "32.40", "brss": "32.40"},
        {"code": "medicament_65", "date": "2018-01-16", "quantite": 3, "frais_reels": "24.90", "brss": "24.90"},
        {"code": "seance_kinesitherapie", "date": "2018-02-01", "frais_reels": "16.13", "brss": "16.13"},
        {"code": "seance_kinesitherapie", "date": "2018-02-05", "frais_reels": "16.13", "brss": "16.13"},
        {"code": "seance_kinesitherapie", "date": "2018-02-08", "frais_reels": "16.13", "brss": "16.13"},
        {"code": "osteopathie", "date": "2018-02-20", "frais_reels": "55.00"},
        {"code": "acte_technique", "date": "2018-03-02", "frais_reels": "90.00", "brss": "69.00", "optam": false},
        {"code": "medicament_30", "date": "2018-03-05", "frais_reels": "8.20", "brss": "8.20"},
        {"code": "medicament_non_rembourse", "date": "2018-03-05", "frais_reels": "12.00"},
        {"code": "psychotherapie", "date": "2018-03-12", "quantite": 4, "frais_reels": "240.00"},
        {"code": "dieteticien", "date": "2018-04-03", "frais_reels": "45.00"},
        {"code": "verre_progressif", "date": "2018-04-20", "quantite": 2, "frais_reels": "500.00", "reseau": true},
        {"code": "monture", "date": "2018-04-20", "frais_reels": "120.00"},
        {"code": "soins_dentaires", "date": "2018-05-14", "frais_reels": "23.00", "brss": "23.00"},
        {"code": "couronne", "date": "2018-05-28", "frais_reels": "600.00", "conventionne": false, "dent": "molaire"},
        {"code": "honoraires_hospitaliers", "date": "2018-06-11", "frais_reels": "400.00", "brss": "250.00", "optam": false},
        {"code": "frais_de_sejour", "date": "2018-06-11", "frais_reels": "2400.00", "brss": "2400.00"},
        {"code": "forfait_journalier", "date": "2018-06-11", "jours": 3},
        {"code": "chambre_particuliere", "date": "2018-06-11", "frais_reels": "240.00", "conventionne": true, "sejour": "mco", "nuits": 2},
        {"code": "transport", "date": "2018-06-14", "quantite": 2, "frais_reels": "110.00", "brss": "110.00"},
        {"code": "auxiliaire_medical", "date": "2018-06-20", "quantite": 5, "frais_reels": "15.75", "brss": "15.75"},
        {"code": "aide_auditive", "date": "2018-07-02", "quantite": 2, "frais_reels": "3000.00", "reseau": false},
        {"code": "entretien_aide_auditive", "date": "2018-09-02", "frais_reels": "60.00", "brss": "30.00", "appareils": 2},
        {"code": "lentilles_non_remboursees", "date": "2018-09-15", "frais_reels": "80.00"},
        {"code": "contraception", "date": "2018-10-01", "frais_reels": "60.00"},
        {"code": "vaccin", "date": "2018-10-15", "frais_reels": "10.00", "brss": "10.00"},
        {"code": "consultation_generaliste", "date": "2018-11-05", "frais_reels": "30.00"},
        {"code": "cure_forfait_thermal", "date": "2018-11-20", "frais_reels": "500.00", "brss": "500.00"}
    ]);
    json!({
        "date": "2018-01-08",
        "assure": {
            "date_naissance": "1960-04-12", "parcours_soins": true, "css": false,
            "handicap": false, "deja_utilise": { "participations_forfaitaires": "3.00" }
        },
        "actes": actes
    })
}

fn bench(c: &mut Criterion) {
    let baremes = shipped_baremes();
    let tables = Tables::livrees(&baremes);
    let s = lecture::lire(&situation()).expect("situation");
    assert_eq!(s.actes.len(), 30);
    let r = estimer(&s, &tables).expect("estimation");
    let lignes: usize = r
        .offres
        .iter()
        .flat_map(|o| &o.actes)
        .map(|a| a.explications.len())
        .sum();
    eprintln!(
        "30 actes × {} offres, {lignes} lignes d'explication ; MGEN Référence {} €",
        r.offres.len(),
        r.offres[2].totaux.mgen
    );
    c.bench_function("moteur/4_offres_30_actes", |b| {
        b.iter(|| estimer(std::hint::black_box(&s), &tables).expect("estimation"))
    });
    // One offer: what is common to the offers (AMO part, barème rows) plus
    // one offer's MGEN part; the difference with four offers is 3 × one
    // offer's part.
    let mut une = s.clone();
    une.offre = Some(guichet::tarifs::Offre::REFERENCE);
    c.bench_function("moteur/1_offre_30_actes", |b| {
        b.iter(|| estimer(std::hint::black_box(&une), &tables).expect("estimation"))
    });
    let v = situation();
    c.bench_function("moteur/4_offres_30_actes_avec_lecture_json", |b| {
        b.iter(|| {
            let s = lecture::lire(std::hint::black_box(&v)).expect("situation");
            estimer(&s, &tables).expect("estimation")
        })
    });
}

/// The 30 acts repeated to `n` acts (same days: the daily and annual caps
/// and the envelopes are hit hard).
fn situation_de(n: usize) -> Situation {
    let mut s = lecture::lire(&situation()).expect("situation");
    let modele = s.actes.clone();
    s.actes = modele.iter().cycle().take(n).cloned().collect();
    s
}

fn charge(c: &mut Criterion) {
    let baremes = shipped_baremes();
    let tables = Tables::livrees(&baremes);
    let mut g = c.benchmark_group("moteur charge");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        let s = situation_de(n);
        let t = std::time::Instant::now();
        let r = estimer(&s, &tables).expect("estimation");
        let d = t.elapsed();
        eprintln!(
            "{n} actes × {} offres : {:.1} ms au premier calcul ({:.1} µs par acte)",
            r.offres.len(),
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() * 1e6 / n as f64
        );
        g.bench_function(format!("4_offres_{n}_actes"), |b| {
            b.iter(|| estimer(std::hint::black_box(&s), &tables).expect("estimation"))
        });
    }
    g.finish();
}

/// One estimate of `n` acts, timed, nothing else (for `/usr/bin/time -v`).
fn charge_seule(n: usize) {
    let s = situation_de(n);
    let t = std::time::Instant::now();
    let baremes = baremes_livres();
    let r = estimer(&s, &Tables::livrees(&baremes)).expect("estimation");
    let actes: usize = r.offres.iter().map(|o| o.actes.len()).sum();
    eprintln!(
        "{n} actes : {:.1} ms, {actes} résultats d'acte (4 offres)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let repetitions: u32 = std::env::var("GUICHET_REPETER")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(0);
    if repetitions > 0 {
        let tables = Tables::livrees(&baremes);
        let t = std::time::Instant::now();
        for _ in 0..repetitions {
            std::hint::black_box(estimer(std::hint::black_box(&s), &tables).ok());
        }
        eprintln!(
            "{repetitions} fois de plus : {:.1} µs par estimation",
            t.elapsed().as_secs_f64() * 1e6 / f64::from(repetitions)
        );
    }
}

fn baremes_livres() -> Vec<guichet::tarifs::Bareme> {
    shipped_baremes()
}

criterion_group!(benches, bench, charge);

fn main() {
    if let Some(n) = std::env::var("GUICHET_ACTES")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        charge_seule(n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
