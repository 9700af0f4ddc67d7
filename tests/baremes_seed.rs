//! Cross-check of the shipped 2018 table against the seed text itself
//! (shared/seeds/004_…txt, Annexe 2, from its first line to the MGEN
//! Assistance notice): every line reference printed in the Annexe is in the
//! data, every reference of the data is printed in the Annexe, and the
//! number of values the seed prints for each block of lines equals the
//! number of cells the data says are printed there (cells marked
//! `reprises` repeat a value printed once for several rows and are not
//! counted).
//!
//! The seed's tables lost their columns: a block of line references is
//! followed by its values, stacked. A "segment" is a run of references with
//! no value between them, plus the values that follow it.

use guichet::tarifs::annexe::{lire_texte, FichierLu};
use guichet::tarifs::FICHIERS_LIVRES;
use std::collections::{BTreeMap, BTreeSet};

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/004_9891b988bdd5c817.txt"
));

/// The Annexe 2 part of the seed: everything before the MGEN Assistance notice.
fn annexe() -> &'static str {
    let fin = SEED
        .find("NOTICE D’INFORMATION")
        .expect("la notice MGEN Assistance suit l'annexe 2");
    &SEED[..fin]
}

fn fichier_2018() -> FichierLu {
    let (origine, texte) = FICHIERS_LIVRES
        .iter()
        .find(|(o, _)| o.ends_with("annexe2-2018.toml"))
        .expect("fichier 2018 livré");
    lire_texte(origine, texte).unwrap_or_else(|e| panic!("{e}"))
}

/// The line reference a seed line starts with ("26.3.1.2  Définitives…",
/// "1.  Consultations…"), if any. Amounts ("18 € 18 €"), LPP codes (7
/// digits) and page numbers (a number alone) are not references.
fn reference(ligne: &str) -> Option<String> {
    let t = ligne.trim_start();
    let b = t.as_bytes();
    let mut i = 0;
    let mut parties = Vec::new();
    loop {
        let debut = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == debut || i - debut > 2 {
            return None;
        }
        parties.push(&t[debut..i]);
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    // A top-level reference is printed "12." ("2 années civiles" is not one).
    if i < b.len() && b[i] == b'.' {
        i += 1;
    } else if parties.len() == 1 {
        return None;
    }
    let reste = &t[i..];
    if !reste.starts_with(char::is_whitespace) {
        return None;
    }
    let suite = reste.trim_start();
    if suite.is_empty() || suite.starts_with('€') || suite.starts_with('%') {
        return None;
    }
    let premier: u32 = parties[0].parse().ok()?;
    (1..=37).contains(&premier).then(|| parties.join("."))
}

/// How many values a seed line prints: "Néant", or an amount followed by
/// "€" or "%". An amount after "puis" (the rest of a cell, "puis 80 %
/// BRSS") or after "à" (a label, "remboursés … à 65 %") is not a value.
fn valeurs(ligne: &str) -> usize {
    let mots: Vec<&str> = ligne.split_whitespace().collect();
    let mut n = 0;
    let mut i = 0;
    while i < mots.len() {
        let m = mots[i];
        let precedent = if i > 0 { mots[i - 1] } else { "" };
        let exclu = precedent == "puis" || precedent == "à";
        if m == "Néant" {
            n += 1;
        } else if est_nombre(m.trim_end_matches(['€', '%'])) {
            let colle = m.ends_with('€') || m.ends_with('%');
            let suivi = mots
                .get(i + 1)
                .is_some_and(|s| s.starts_with('€') || s.starts_with('%'));
            if (colle || suivi) && !exclu && !m.trim_end_matches(['€', '%']).is_empty() {
                n += 1;
            }
        }
        i += 1;
    }
    n
}

fn est_nombre(s: &str) -> bool {
    let mut parties = s.splitn(2, ',');
    let entier = parties.next().unwrap_or("");
    let decimales = parties.next();
    !entier.is_empty()
        && entier.bytes().all(|b| b.is_ascii_digit())
        && decimales.is_none_or(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// (references, number of values) for each segment, in seed order.
fn segments() -> Vec<(Vec<String>, usize)> {
    let mut out: Vec<(Vec<String>, usize)> = Vec::new();
    for ligne in annexe().lines() {
        if let Some(r) = reference(ligne) {
            match out.last_mut() {
                Some((refs, 0)) => refs.push(r),
                _ => out.push((vec![r], 0)),
            }
        }
        if let Some((_, n)) = out.last_mut() {
            *n += valeurs(ligne);
        }
    }
    out
}

#[test]
fn the_tokenizer_reads_the_seed_forms() {
    assert_eq!(reference("26.3.1.2 Inlay core"), Some("26.3.1.2".into()));
    assert_eq!(reference("1.  Consultations / Visites"), Some("1".into()));
    assert_eq!(reference("26.1.  Consultations"), Some("26.1".into()));
    assert_eq!(reference("18 € 18 € 18 € 18 €"), None);
    assert_eq!(reference("30 % 30 % 30 % 30 %"), None);
    assert_eq!(reference("2200393 22,50 € 27 €"), None);
    assert_eq!(reference("41"), None);
    assert_eq!(reference("7e semestres uniquement"), None);
    assert_eq!(reference("2 années civiles)"), None);
    assert_eq!(reference("26.9 Parodontie"), Some("26.9".into()));
    assert_eq!(
        valeurs("Néant Forfait 25 € / an Néant Forfait 50 € / an"),
        4
    );
    assert_eq!(valeurs("par la Sécurité sociale à 65 %"), 0);
    assert_eq!(valeurs("puis 3,22 € / dent"), 0);
    assert_eq!(
        valeurs("2200393 22,50 € 27 € 22,50 € 27 € 33,75 € 45 € 45 € 60 €"),
        8
    );
    assert_eq!(
        valeurs("9. Vaccinations remboursées par la Sécurité sociale 35 % 35 % 35 % 35%"),
        4
    );
    assert_eq!(valeurs("(1,2 ou 3 dents)"), 0);
}

#[test]
fn every_reference_printed_in_annexe_2_is_in_the_data_and_back() {
    let lu = fichier_2018();
    let donnees: BTreeSet<&str> = lu.bareme.lignes.iter().map(|l| l.ligne.as_str()).collect();
    let imprimees: BTreeSet<String> = segments().into_iter().flat_map(|(r, _)| r).collect();
    // The seed prints 1 … 37 and their sub-lines; a heading such as "26.3"
    // is present through its sub-lines ("26.3.1.1"…).
    for r in &imprimees {
        let present = donnees
            .iter()
            .any(|d| *d == r || d.starts_with(&format!("{r}.")));
        assert!(present, "ligne {r} de l'annexe absente des données");
    }
    for d in &donnees {
        assert!(
            imprimees.contains(*d),
            "ligne {d} des données absente de l'annexe"
        );
    }
    for n in 1..=37 {
        assert!(
            imprimees.contains(&n.to_string()),
            "ligne {n} non trouvée dans l'annexe"
        );
    }
    // Sub-lines named in the issue.
    for r in ["2.1", "22.2", "25", "26.3.2.1", "29", "26.8.2.2", "31.2"] {
        assert!(donnees.contains(r), "{r}");
    }
}

#[test]
fn every_block_has_as_many_printed_cells_as_the_seed_prints_values() {
    let lu = fichier_2018();
    let mut imprimees_par_ligne: BTreeMap<&str, usize> = BTreeMap::new();
    for (l, d) in lu.bareme.lignes.iter().zip(&lu.details) {
        assert_eq!(l.cellules.len(), 4, "ligne {}", l.ligne);
        *imprimees_par_ligne.entry(l.ligne.as_str()).or_default() += 4 - d.reprises.len();
    }
    let mut total_seed = 0;
    let mut total_donnees = 0;
    for (refs, n) in segments() {
        let dans_donnees: usize = refs
            .iter()
            .map(|r| imprimees_par_ligne.get(r.as_str()).copied().unwrap_or(0))
            .sum();
        assert_eq!(
            dans_donnees, n,
            "lignes {refs:?} : {n} valeurs imprimées dans l'annexe, {dans_donnees} cases imprimées dans les données"
        );
        total_seed += n;
        total_donnees += dans_donnees;
    }
    assert_eq!(total_seed, total_donnees);
    // Worked out by hand from the seed, segment by segment (see the data
    // file's comments): 1–9: 4+12+12+4+4+4+4+12+4 = 60; 10–19: 4+4+2+3 = 13;
    // 20–24: 16+12+12+16+4+4+4 = 68; 25: 72+4+4+44+4+4 = 132; 26: 4+4+16+32
    // +8+8+16+8+4+8+8+50+12+40+12+16+16+8+8+8 = 286; 27–28: 8; 29: 17;
    // 30–32: 12+8+4 = 24; 33–37: 20. Total 60+13+68+132+286+8+17+24+20 = 628.
    assert_eq!(total_seed, 628);
}
