//! The golden cases of the engine (`tests/cases/*.toml`), run by one
//! harness. Each file holds a situation, the arithmetic worked out by hand
//! from the seeds (in `calcul`), the seed passage it comes from (`source`),
//! and the expected amounts per offer and act — or the expected error.
//!
//! File format:
//! ```toml
//! nom = "…"; source = "…"; calcul = """…"""
//! erreur = "actes[0].frais_reels : …"   # instead of [[attendu]] for refusals
//! [situation]   … the situation document (dates as quoted strings) …
//! [[attendu]]   offre, acte (index), and any of: amo_brut,
//!               participation_forfaitaire, franchise, participation_18,
//!               amo_net, mgen, reste_a_charge, brss, taux_amo, lignes,
//!               avertissements (codes that must appear), sans_avertissement
//!               (codes that must not), explication (substrings that must
//!               appear), lecture_a_confirmer (bool)
//!               alternative = true: the act of the devis's 100 % Santé
//!               alternative (`situation.alternative_100_sante`)
//! [[total]]     offre, and any of amo_net, mgen, reste_a_charge, frais_reels;
//!               alternative = true as above
//! [global]      avertissements (codes), maternite_debut, maternite_fin
//! ```

use guichet::moteur::{estimer, lecture, Resultat, ResultatOffre, Tables};
use guichet::tarifs::{shipped_baremes, Bareme};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::path::Path;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cas {
    nom: String,
    source: String,
    calcul: String,
    situation: toml::Value,
    #[serde(default)]
    erreur: Option<String>,
    #[serde(default)]
    attendu: Vec<Attendu>,
    #[serde(default)]
    total: Vec<Total>,
    #[serde(default)]
    global: Option<Global>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Attendu {
    offre: String,
    acte: usize,
    #[serde(default)]
    alternative: bool,
    amo_brut: Option<String>,
    participation_forfaitaire: Option<String>,
    franchise: Option<String>,
    participation_18: Option<String>,
    amo_net: Option<String>,
    mgen: Option<String>,
    reste_a_charge: Option<String>,
    brss: Option<String>,
    taux_amo: Option<String>,
    lignes: Option<Vec<String>>,
    #[serde(default)]
    avertissements: Vec<String>,
    #[serde(default)]
    sans_avertissement: Vec<String>,
    #[serde(default)]
    explication: Vec<String>,
    lecture_a_confirmer: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Total {
    offre: String,
    #[serde(default)]
    alternative: bool,
    frais_reels: Option<String>,
    amo_net: Option<String>,
    mgen: Option<String>,
    reste_a_charge: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Global {
    #[serde(default)]
    avertissements: Vec<String>,
    #[serde(default)]
    sans_avertissement: Vec<String>,
    maternite_debut: Option<String>,
    maternite_fin: Option<String>,
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("montant attendu illisible : {s}"))
}

fn code(c: &impl serde::Serialize) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn check(cas: &Cas, baremes: &[Bareme]) -> Vec<String> {
    let mut errs = Vec::new();
    let json = serde_json::to_value(&cas.situation).expect("situation");
    let res = lecture::lire(&json)
        .map_err(|e| e.to_string())
        .and_then(|s| estimer(&s, &Tables::livrees(baremes)).map_err(|e| e.to_string()));
    match (&cas.erreur, res) {
        (Some(attendue), Err(e)) => {
            if &e != attendue {
                errs.push(format!("erreur « {e} », attendue « {attendue} »"));
            }
        }
        (Some(attendue), Ok(_)) => errs.push(format!("aucune erreur, attendue « {attendue} »")),
        (None, Err(e)) => errs.push(format!("erreur inattendue : {e}")),
        (None, Ok(r)) => check_resultat(cas, &r, &mut errs),
    }
    errs
}

/// The offers of the chosen acts, or of the devis's 100 % Santé
/// alternative.
fn offres(r: &Resultat, alternative: bool) -> impl Iterator<Item = &ResultatOffre> {
    let liste = if alternative {
        r.alternative_100_sante.as_deref().unwrap_or_default()
    } else {
        &r.offres
    };
    liste.iter()
}

fn check_resultat(cas: &Cas, r: &Resultat, errs: &mut Vec<String>) {
    if cas.attendu.is_empty() && cas.total.is_empty() {
        errs.push("aucune valeur attendue".into());
    }
    for a in &cas.attendu {
        let Some(o) = offres(r, a.alternative).find(|o| code(&o.offre) == a.offre) else {
            errs.push(format!("offre {} absente du résultat", a.offre));
            continue;
        };
        let Some(x) = o.actes.iter().find(|x| x.index as usize == a.acte) else {
            errs.push(format!("acte {} absent", a.acte));
            continue;
        };
        let ctx = format!("{} acte {}", a.offre, a.acte);
        let mut cmp = |nom: &str, attendu: &Option<String>, obtenu: Decimal| {
            if let Some(v) = attendu {
                if dec(v) != obtenu {
                    errs.push(format!("{ctx} {nom} : {obtenu}, attendu {v}"));
                }
            }
        };
        cmp("amo_brut", &a.amo_brut, x.amo.brut);
        cmp(
            "participation_forfaitaire",
            &a.participation_forfaitaire,
            x.amo.participation_forfaitaire,
        );
        cmp("franchise", &a.franchise, x.amo.franchise);
        cmp(
            "participation_18",
            &a.participation_18,
            x.amo.participation_18,
        );
        cmp("amo_net", &a.amo_net, x.amo.net);
        cmp("mgen", &a.mgen, x.mgen);
        cmp("reste_a_charge", &a.reste_a_charge, x.reste_a_charge);
        cmp("brss", &a.brss, x.brss);
        cmp("taux_amo", &a.taux_amo, x.taux_amo);
        if let Some(l) = &a.lignes {
            if l.as_slice() != &*x.lignes_annexe {
                errs.push(format!("{ctx} lignes {:?}, attendu {l:?}", x.lignes_annexe));
            }
        }
        let codes: Vec<String> = x.avertissements.iter().map(|w| code(&w.code)).collect();
        for w in &a.avertissements {
            if !codes.contains(w) {
                errs.push(format!("{ctx} avertissement {w} absent ({codes:?})"));
            }
        }
        for w in &a.sans_avertissement {
            if codes.contains(w) {
                errs.push(format!("{ctx} avertissement {w} inattendu"));
            }
        }
        for s in &a.explication {
            if !x
                .explications
                .iter()
                .any(|e| e.formule.to_string().contains(s.as_str()))
            {
                let all: Vec<String> = x
                    .explications
                    .iter()
                    .map(|e| e.formule.to_string())
                    .collect();
                errs.push(format!("{ctx} explication « {s} » absente : {all:#?}"));
            }
        }
        if let Some(b) = a.lecture_a_confirmer {
            if b != x.lecture_a_confirmer {
                errs.push(format!(
                    "{ctx} lecture_a_confirmer {}",
                    x.lecture_a_confirmer
                ));
            }
        }
        // The invariants hold in every golden case too.
        if x.reste_a_charge != x.frais_reels - x.amo.net - x.mgen {
            errs.push(format!("{ctx} reste à charge incohérent"));
        }
    }
    for t in &cas.total {
        let Some(o) = offres(r, t.alternative).find(|o| code(&o.offre) == t.offre) else {
            errs.push(format!("offre {} absente du résultat", t.offre));
            continue;
        };
        let mut cmp = |nom: &str, attendu: &Option<String>, obtenu: Decimal| {
            if let Some(v) = attendu {
                if dec(v) != obtenu {
                    errs.push(format!("total {} {nom} : {obtenu}, attendu {v}", t.offre));
                }
            }
        };
        cmp("frais_reels", &t.frais_reels, o.totaux.frais_reels);
        cmp("amo_net", &t.amo_net, o.totaux.amo.net);
        cmp("mgen", &t.mgen, o.totaux.mgen);
        cmp("reste_a_charge", &t.reste_a_charge, o.totaux.reste_a_charge);
    }
    if let Some(g) = &cas.global {
        let codes: Vec<String> = r.avertissements.iter().map(|w| code(&w.code)).collect();
        for w in &g.avertissements {
            if !codes.contains(w) {
                errs.push(format!("avertissement global {w} absent ({codes:?})"));
            }
        }
        for w in &g.sans_avertissement {
            if codes.contains(w) {
                errs.push(format!("avertissement global {w} inattendu"));
            }
        }
        let m = r.maternite.as_ref();
        if let Some(d) = &g.maternite_debut {
            if m.map(|m| m.debut.to_string()).as_deref() != Some(d.as_str()) {
                errs.push(format!(
                    "début maternité {:?}, attendu {d}",
                    m.map(|m| m.debut)
                ));
            }
        }
        if let Some(d) = &g.maternite_fin {
            if m.map(|m| m.fin.to_string()).as_deref() != Some(d.as_str()) {
                errs.push(format!("fin maternité {:?}, attendu {d}", m.map(|m| m.fin)));
            }
        }
    }
}

#[test]
fn golden_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let baremes = shipped_baremes();
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("lecture");
        let cas: Cas = match toml::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{} : fichier illisible : {e}", f.display()));
                continue;
            }
        };
        assert!(!cas.nom.is_empty() && !cas.source.is_empty() && !cas.calcul.trim().is_empty());
        for e in check(&cas, &baremes) {
            failures.push(format!(
                "{} ({}) : {e}",
                f.file_name().unwrap().to_string_lossy(),
                cas.nom
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} échec(s) :\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(files.len() >= 60, "{} cas seulement", files.len());
}
