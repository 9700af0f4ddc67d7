//! The checklist texts are written in our own words: no run of 8 words in a
//! row is copied from the guide (seed 000) or the MGEN Statuts (seed 004).
//! And every item cites a source whose seed line range exists.

use std::collections::HashSet;

const SEED_000: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/000_c96ed7d970267482.txt"
);
const SEED_004: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/004_9891b988bdd5c817.txt"
);
const RUN: usize = 8;

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['’', '\''], " ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn runs(text: &str) -> HashSet<Vec<String>> {
    words(text).windows(RUN).map(|w| w.to_vec()).collect()
}

/// Every user-facing string of the checklist files.
fn texts() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fiches");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let doc: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for key in ["titre", "intro"] {
            out.push((name.clone(), doc[key].as_str().unwrap().to_string()));
        }
        for table in ["items", "champs"] {
            for entry in doc
                .get(table)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                for key in ["texte", "destinataire", "a_envoyer", "aide"] {
                    if let Some(s) = entry.get(key).and_then(|v| v.as_str()) {
                        out.push((name.clone(), s.to_string()));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn no_sentence_is_pasted_from_the_seeds() {
    let mut seed = std::fs::read_to_string(SEED_000).expect("seed 000 (../shared/seeds)");
    seed.push(' ');
    seed.push_str(&std::fs::read_to_string(SEED_004).expect("seed 004 (../shared/seeds)"));
    // PDF extraction cut words at line ends with a hyphen: join them back.
    let seed = seed.replace("-\n", "");
    let seed_runs = runs(&seed);
    let mut copied = Vec::new();
    for (file, text) in texts() {
        for run in runs(&text) {
            if seed_runs.contains(&run) {
                copied.push(format!("{file} : « {} »", run.join(" ")));
            }
        }
    }
    assert!(
        copied.is_empty(),
        "texte recopié du guide :\n{}",
        copied.join("\n")
    );
}

#[test]
fn the_checker_would_catch_a_pasted_sentence() {
    // A sentence of the guide (l. 170-175) must be found by the same check.
    let seed = std::fs::read_to_string(SEED_000).unwrap();
    let pasted = "je dois signaler à MGEN, depuis mon espace personnel ou en contactant mon centre";
    assert!(runs(pasted).iter().any(|r| runs(&seed).contains(r)));
}

#[test]
fn every_cited_seed_line_range_exists() {
    let lines_000 = std::fs::read_to_string(SEED_000).unwrap().lines().count();
    let lines_004 = std::fs::read_to_string(SEED_004).unwrap().lines().count();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fiches");
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let doc: toml::Value = toml::from_str(&text).unwrap();
        for (key, s) in doc["sources"].as_table().unwrap() {
            let reference = s["reference"].as_str().unwrap();
            let max = if reference.contains("seed 000") {
                lines_000
            } else if reference.contains("seed 004") {
                lines_004
            } else {
                continue;
            };
            // the line numbers come after "l. ": "seed 000_….txt, l. 272-295"
            let lines = reference.split_once("l. ").map(|(_, l)| l).unwrap_or("");
            assert!(
                !lines.is_empty(),
                "source {key} : lignes absentes ({reference})"
            );
            for n in lines
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse::<usize>().unwrap())
            {
                assert!(n <= max, "source {key} : ligne {n} > {max} ({reference})");
            }
        }
    }
}
