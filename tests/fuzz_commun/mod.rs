//! The runner shared by the fuzz targets (`tests/fuzz_*.rs`): proptest with
//! a case count in the normal suite, or for a set time.
//!
//! - Normal suite: one run of `cas` cases (`PROPTEST_CASES` overrides it):
//!   the default 256 for the fast targets, fewer for the slow ones.
//! - `GUICHET_FUZZ_SECONDES=N` (what `scripts/fuzz.sh` sets): runs of fresh
//!   random cases back to back until N seconds have passed, then prints
//!   `fuzz <cible> : <cas> cas en <s> s, <p> panique(s), <e> échec(s)`.
//!
//! Every case runs under `catch_unwind`: a panic of the code under test is
//! counted as a panic (and shrunk by proptest to a minimal input, printed),
//! a broken invariant as a failure. Either fails the test.
#![allow(dead_code)]

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use std::fmt::Debug;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Prefix of the failure reason of a case that panicked.
const PANIQUE: &str = "PANIQUE";

/// Runs `test` on values of `strategie` (see the module doc).
pub fn fuzz<S>(
    cible: &str,
    cas_suite: u32,
    strategie: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let cas = AtomicU64::new(0);
    let corps = |v: S::Value| -> Result<(), TestCaseError> {
        cas.fetch_add(1, Ordering::Relaxed);
        match catch_unwind(AssertUnwindSafe(|| test(v))) {
            Ok(r) => r,
            Err(p) => {
                let message = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Err(TestCaseError::fail(format!("{PANIQUE} : {message}")))
            }
        }
    };
    let duree = std::env::var("GUICHET_FUZZ_SECONDES")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map(Duration::from_secs);
    let debut = Instant::now();
    let (mut paniques, mut echecs) = (0u64, 0u64);
    let mut rapports = Vec::new();
    loop {
        let cas_lot = match (duree, std::env::var("PROPTEST_CASES")) {
            (None, Err(_)) => cas_suite,
            _ => Config::default().cases,
        };
        let config = Config {
            cases: cas_lot,
            // Shrinking a failure found in a timed run must not eat the run.
            max_shrink_iters: 2_000,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        match runner.run(&strategie, corps) {
            Ok(()) => {}
            Err(TestError::Fail(raison, minimal)) => {
                if raison.message().starts_with(PANIQUE) {
                    paniques += 1;
                } else {
                    echecs += 1;
                }
                rapports.push(format!("échec : {raison}\nentrée minimale : {minimal:?}"));
            }
            Err(TestError::Abort(raison)) => {
                echecs += 1;
                rapports.push(format!("abandon : {raison}"));
            }
        }
        match duree {
            Some(d) if debut.elapsed() < d && rapports.len() < 20 => continue,
            _ => break,
        }
    }
    eprintln!(
        "fuzz {cible} : {} cas en {:.0} s, {paniques} panique(s), {echecs} échec(s)",
        cas.load(Ordering::Relaxed),
        debut.elapsed().as_secs_f64()
    );
    assert!(
        rapports.is_empty(),
        "fuzz {cible} :\n{}",
        rapports.join("\n\n")
    );
}

/// Messages of serde / toml in English that must never reach an adviser
/// bare (they may appear quoted inside a French sentence).
pub fn commence_en_anglais(message: &str) -> bool {
    [
        "invalid type",
        "invalid value",
        "missing field",
        "unknown field",
        "unknown variant",
        "expected ",
        "EOF while",
        "trailing",
    ]
    .iter()
    .any(|m| message.starts_with(m))
}
