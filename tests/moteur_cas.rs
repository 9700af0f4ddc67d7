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
//!
//! A household case (`moteur::foyer`) has `[foyer]` (the household
//! document) instead of `[situation]`; `[[attendu]]` and `[[total]]` then
//! name the person (`personne`, from 0; default 0), and:
//! ```toml
//! [[total]]     foyer = true: the household's totals under the offer
//! [[cout]]      offre, and any of cotisation, reste_a_charge, cout_net,
//!               ecart, moins_chere (bool), explication (substrings)
//! conclusion = ["…"]            substrings of the comparison's sentence
//! [bascule]     unites_en_plus (absent: no change expected), offre,
//!               message (substrings)
//! ```

use guichet::moteur::foyer::{self, ResultatFoyer};
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
    #[serde(default)]
    situation: Option<toml::Value>,
    #[serde(default)]
    foyer: Option<toml::Value>,
    #[serde(default)]
    erreur: Option<String>,
    #[serde(default)]
    cout: Vec<CoutAttendu>,
    #[serde(default)]
    conclusion: Vec<String>,
    #[serde(default)]
    bascule: Option<BasculeAttendue>,
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
    #[serde(default)]
    personne: usize,
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
    personne: usize,
    #[serde(default)]
    foyer: bool,
    #[serde(default)]
    alternative: bool,
    frais_reels: Option<String>,
    amo_net: Option<String>,
    mgen: Option<String>,
    reste_a_charge: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoutAttendu {
    offre: String,
    cotisation: Option<String>,
    reste_a_charge: Option<String>,
    cout_net: Option<String>,
    ecart: Option<String>,
    moins_chere: Option<bool>,
    #[serde(default)]
    explication: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BasculeAttendue {
    unites_en_plus: Option<u32>,
    offre: Option<String>,
    #[serde(default)]
    message: Vec<String>,
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
    match (&cas.situation, &cas.foyer) {
        (Some(s), None) => check_seul(cas, s, baremes),
        (None, Some(f)) => check_foyer(cas, f, baremes),
        _ => vec!["[situation] ou [foyer], l'un des deux".into()],
    }
}

fn check_seul(cas: &Cas, situation: &toml::Value, baremes: &[Bareme]) -> Vec<String> {
    let mut errs = Vec::new();
    let json = serde_json::to_value(situation).expect("situation");
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
        check_attendu(a, r, errs);
    }
    for t in &cas.total {
        check_total(t, r, errs);
    }
    check_global(cas, r, errs);
}

fn check_attendu(a: &Attendu, r: &Resultat, errs: &mut Vec<String>) {
    {
        let Some(o) = offres(r, a.alternative).find(|o| code(&o.offre) == a.offre) else {
            errs.push(format!("offre {} absente du résultat", a.offre));
            return;
        };
        let Some(x) = o.actes.iter().find(|x| x.index as usize == a.acte) else {
            errs.push(format!("acte {} absent", a.acte));
            return;
        };
        let ctx = format!("{} personne {} acte {}", a.offre, a.personne, a.acte);
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
}

fn check_total(t: &Total, r: &Resultat, errs: &mut Vec<String>) {
    {
        let Some(o) = offres(r, t.alternative).find(|o| code(&o.offre) == t.offre) else {
            errs.push(format!("offre {} absente du résultat", t.offre));
            return;
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
}

fn check_global(cas: &Cas, r: &Resultat, errs: &mut Vec<String>) {
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

/// A household case: the document read and estimated, then each expected
/// value of a person, of the household, of the cost comparison.
fn check_foyer(cas: &Cas, document: &toml::Value, baremes: &[Bareme]) -> Vec<String> {
    let mut errs = Vec::new();
    let json = serde_json::to_value(document).expect("foyer");
    let res = foyer::lecture::lire_foyer(&json)
        .map_err(|e| e.to_string())
        .and_then(|s| {
            foyer::estimer_foyer(&s, &Tables::livrees(baremes)).map_err(|e| e.to_string())
        });
    match (&cas.erreur, res) {
        (Some(attendue), Err(e)) => {
            if &e != attendue {
                errs.push(format!("erreur « {e} », attendue « {attendue} »"));
            }
        }
        (Some(attendue), Ok(_)) => errs.push(format!("aucune erreur, attendue « {attendue} »")),
        (None, Err(e)) => errs.push(format!("erreur inattendue : {e}")),
        (None, Ok(r)) => check_resultat_foyer(cas, &r, &mut errs),
    }
    errs
}

fn check_resultat_foyer(cas: &Cas, r: &ResultatFoyer, errs: &mut Vec<String>) {
    if cas.attendu.is_empty() && cas.total.is_empty() && cas.cout.is_empty() {
        errs.push("aucune valeur attendue".into());
    }
    let personne = |k: usize, errs: &mut Vec<String>| {
        let p = r.personnes.get(k).map(|p| &p.resultat);
        if p.is_none() {
            errs.push(format!("personne {k} absente"));
        }
        p
    };
    for a in &cas.attendu {
        if let Some(p) = personne(a.personne, errs) {
            check_attendu(a, p, errs);
        }
    }
    for t in cas.total.iter().filter(|t| !t.foyer) {
        if let Some(p) = personne(t.personne, errs) {
            check_total(t, p, errs);
        }
    }
    for t in cas.total.iter().filter(|t| t.foyer) {
        let Some(o) = r.foyer.iter().find(|o| code(&o.offre) == t.offre) else {
            errs.push(format!("offre {} absente du foyer", t.offre));
            continue;
        };
        let mut cmp = |nom: &str, attendu: &Option<String>, obtenu: Decimal| {
            if let Some(v) = attendu {
                if dec(v) != obtenu {
                    errs.push(format!("foyer {} {nom} : {obtenu}, attendu {v}", t.offre));
                }
            }
        };
        cmp("frais_reels", &t.frais_reels, o.totaux.frais_reels);
        cmp("amo_net", &t.amo_net, o.totaux.amo.net);
        cmp("mgen", &t.mgen, o.totaux.mgen);
        cmp("reste_a_charge", &t.reste_a_charge, o.totaux.reste_a_charge);
    }
    check_cout(cas, r, errs);
}

fn check_cout(cas: &Cas, r: &ResultatFoyer, errs: &mut Vec<String>) {
    for c in &cas.cout {
        let Some(o) = r.cout.offres.iter().find(|o| code(&o.offre) == c.offre) else {
            errs.push(format!("coût de l'offre {} absent", c.offre));
            continue;
        };
        let mut cmp = |nom: &str, attendu: &Option<String>, obtenu: Option<Decimal>| {
            if let Some(v) = attendu {
                if Some(dec(v)) != obtenu {
                    errs.push(format!("coût {} {nom} : {obtenu:?}, attendu {v}", c.offre));
                }
            }
        };
        cmp("cotisation", &c.cotisation, o.cotisation);
        cmp("reste_a_charge", &c.reste_a_charge, Some(o.reste_a_charge));
        cmp("cout_net", &c.cout_net, o.cout_net);
        cmp("ecart", &c.ecart, o.ecart);
        if c.moins_chere.is_some_and(|m| m != o.moins_chere) {
            errs.push(format!("coût {} moins_chere {}", c.offre, o.moins_chere));
        }
        for s in &c.explication {
            if !o.explication.contains(s.as_str()) {
                errs.push(format!(
                    "coût {} : « {s} » absent de « {} »",
                    c.offre, o.explication
                ));
            }
        }
    }
    for s in &cas.conclusion {
        if !r.cout.conclusion.contains(s.as_str()) {
            errs.push(format!(
                "conclusion : « {s} » absent de « {} »",
                r.cout.conclusion
            ));
        }
    }
    if let Some(b) = &cas.bascule {
        let Some(obtenue) = &r.cout.bascule else {
            errs.push("bascule absente".into());
            return;
        };
        if b.unites_en_plus != obtenue.unites_en_plus {
            errs.push(format!(
                "bascule : {:?} unité(s) de plus, attendu {:?}",
                obtenue.unites_en_plus, b.unites_en_plus
            ));
        }
        if b.offre.as_deref() != obtenue.offre.as_ref().map(code).as_deref() {
            errs.push(format!(
                "bascule : offre {:?}, attendue {:?}",
                obtenue.offre, b.offre
            ));
        }
        for s in &b.message {
            if !obtenue.message.contains(s.as_str()) {
                errs.push(format!(
                    "bascule : « {s} » absent de « {} »",
                    obtenue.message
                ));
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
