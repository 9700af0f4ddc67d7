//! Strict reading of a situation document handed to Guichet (a file received
//! by email, a paste, a value sent by the UI). Size, encoding, nesting,
//! duplicate keys, absurd numbers, non-numeric "numbers" and impossible dates
//! are refused with a French message that says what and where, before
//! anything reaches the engine or the database.
//!
//! Two entry points:
//! - [`lire_situation`] for raw bytes (CLI): size limit before parsing, UTF-8,
//!   then one pass of `serde_json` with a visitor that detects duplicate keys
//!   (plain `serde_json` silently keeps the last one), limits nesting and
//!   checks every number against its *written* form (so `1e300`, `-0` and 30
//!   decimals are caught even though `f64` would hide them).
//! - [`verifier_valeur`] for an already parsed value (IPC): the same rules on
//!   what a `serde_json::Value` still shows.
//!
//! [`canonique`] gives the canonical text stored in the database (keys
//! sorted, no spaces) and [`empreinte`] its SHA-256 checksum.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::cell::{Cell, RefCell};
use std::fmt;

/// Largest document accepted, in bytes (1 Mio), checked before parsing.
pub const TAILLE_MAX: usize = 1_048_576;
/// Deepest nesting of objects and arrays accepted.
pub const PROFONDEUR_MAX: usize = 32;
/// Most digits before the decimal point of a number (999 999 999 at most).
pub const CHIFFRES_ENTIERS_MAX: usize = 9;
/// Most digits after the decimal point of a number.
pub const DECIMALES_MAX: usize = 6;

/// Why a document was refused. Each message names the place in the document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurDocument {
    #[error(
        "fichier trop volumineux : {taille} octets, au plus {max} octets (1 Mio) sont acceptés"
    )]
    TropVolumineux { taille: u64, max: usize },
    #[error("le fichier n'est pas du texte UTF-8 : octet n° {position} invalide (enregistrer le fichier en UTF-8)")]
    PasUtf8 { position: usize },
    #[error("le fichier est vide : un document de situation JSON est attendu")]
    Vide,
    #[error("JSON invalide ligne {ligne}, colonne {colonne} : {detail}")]
    Syntaxe {
        ligne: usize,
        colonne: usize,
        detail: String,
    },
    #[error("imbrication trop profonde à « {chemin} » (ligne {ligne}) : au plus {max} niveaux d'objets ou de listes", max = PROFONDEUR_MAX)]
    TropProfond { chemin: String, ligne: usize },
    #[error("champ « {cle} » en double dans « {chemin} » (ligne {ligne}) : chaque champ ne doit figurer qu'une fois")]
    CleEnDouble {
        cle: String,
        chemin: String,
        ligne: usize,
    },
    #[error("champ « {chemin} » : nombre {ecrit} refusé, {raison}")]
    NombreRefuse {
        chemin: String,
        ecrit: String,
        raison: String,
    },
    #[error("champ « {chemin} » : « {ecrit} » n'est pas un nombre utilisable")]
    NonNumerique { chemin: String, ecrit: String },
    #[error("champ « {chemin} » : date impossible « {ecrit} » (attendu AAAA-MM-JJ, année de 1900 à 2199)")]
    DateImpossible { chemin: String, ecrit: String },
    #[error("le document doit être un objet JSON {{ … }}, pas {trouve}")]
    PasUnObjet { trouve: &'static str },
}

/// Reads a situation document from raw bytes: every check of this module,
/// then the top level must be an object.
pub fn lire_situation(octets: &[u8]) -> Result<Map<String, Value>, ErreurDocument> {
    if octets.len() > TAILLE_MAX {
        return Err(ErreurDocument::TropVolumineux {
            taille: octets.len() as u64,
            max: TAILLE_MAX,
        });
    }
    let texte = std::str::from_utf8(octets).map_err(|e| ErreurDocument::PasUtf8 {
        position: e.valid_up_to() + 1,
    })?;
    // A byte-order mark (saved by some Windows editors) is not content.
    let texte = texte.strip_prefix('\u{feff}').unwrap_or(texte);
    if texte.trim().is_empty() {
        return Err(ErreurDocument::Vide);
    }
    let nombres = nombres_ecrits(texte);
    let contexte = Contexte {
        nombres: &nombres,
        suivant: Cell::new(0),
        erreur: RefCell::new(None),
    };
    let mut de = serde_json::Deserializer::from_str(texte);
    let lu = Lecteur {
        contexte: &contexte,
        chemin: "(document)".to_string(),
        profondeur: 0,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    let valeur = match lu {
        Ok(v) => v,
        Err(e) => {
            let ligne = e.line();
            if let Some(mut propre) = contexte.erreur.borrow_mut().take() {
                propre.placer(ligne);
                return Err(propre);
            }
            return Err(erreur_syntaxe(&e));
        }
    };
    match valeur {
        Value::Object(m) => Ok(m),
        autre => Err(ErreurDocument::PasUnObjet {
            trouve: nature(&autre),
        }),
    }
}

/// Checks an already parsed value (sent by the UI) with the rules that a
/// `serde_json::Value` still allows: nesting, numbers (through their
/// shortest decimal spelling), non-numeric strings, dates. The top level
/// must be an object.
pub fn verifier_valeur(valeur: &Value) -> Result<&Map<String, Value>, ErreurDocument> {
    fn parcourir(v: &Value, chemin: &str, profondeur: usize) -> Result<(), ErreurDocument> {
        match v {
            Value::Object(m) => {
                if profondeur >= PROFONDEUR_MAX {
                    return Err(ErreurDocument::TropProfond {
                        chemin: chemin.to_string(),
                        ligne: 0,
                    });
                }
                for (k, x) in m {
                    parcourir(x, &chemin_champ(chemin, k), profondeur + 1)?;
                }
                Ok(())
            }
            Value::Array(l) => {
                if profondeur >= PROFONDEUR_MAX {
                    return Err(ErreurDocument::TropProfond {
                        chemin: chemin.to_string(),
                        ligne: 0,
                    });
                }
                for (i, x) in l.iter().enumerate() {
                    parcourir(x, &format!("{chemin}[{i}]"), profondeur + 1)?;
                }
                Ok(())
            }
            Value::Number(n) => {
                let ecrit = if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                    if f == 0.0 && f.is_sign_negative() {
                        "-0".to_string()
                    } else {
                        // Rust spells f64 in full decimal, never with an exponent.
                        format!("{f}")
                    }
                } else {
                    n.to_string()
                };
                verifier_nombre_ecrit(&ecrit).map_err(|raison| ErreurDocument::NombreRefuse {
                    chemin: chemin.to_string(),
                    ecrit: abreger(&ecrit),
                    raison,
                })
            }
            Value::String(s) => verifier_chaine(s, chemin),
            Value::Bool(_) | Value::Null => Ok(()),
        }
    }
    parcourir(valeur, "(document)", 0)?;
    match valeur {
        Value::Object(m) => Ok(m),
        autre => Err(ErreurDocument::PasUnObjet {
            trouve: nature(autre),
        }),
    }
}

/// The canonical text of a value: object keys in byte order, no spaces,
/// strings escaped as JSON. Two equal documents give the same text.
pub fn canonique(valeur: &Value) -> String {
    fn ecrire(v: &Value, out: &mut String) {
        match v {
            Value::Object(m) => {
                let mut cles: Vec<&String> = m.keys().collect();
                cles.sort();
                out.push('{');
                for (i, k) in cles.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String(k.clone()).to_string());
                    out.push(':');
                    ecrire(&m[k], out);
                }
                out.push('}');
            }
            Value::Array(l) => {
                out.push('[');
                for (i, x) in l.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    ecrire(x, out);
                }
                out.push(']');
            }
            autre => out.push_str(&autre.to_string()),
        }
    }
    let mut out = String::new();
    ecrire(valeur, &mut out);
    out
}

/// `sha256:` followed by the hexadecimal SHA-256 of `texte`.
pub fn empreinte(texte: &str) -> String {
    let hash = Sha256::digest(texte.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in hash {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

// ---------------------------------------------------------------------------
// Rules on written numbers and on strings.

/// Checks the written form of a JSON number; `Err` carries the reason.
fn verifier_nombre_ecrit(ecrit: &str) -> Result<(), String> {
    if ecrit.contains(['e', 'E']) {
        return Err(
            "la notation avec exposant n'est pas acceptée (écrire le nombre en entier)".into(),
        );
    }
    let sans_signe = ecrit.trim_start_matches(['-', '+']);
    let (entier, decimales) = match sans_signe.split_once(['.', ',']) {
        Some((e, d)) => (e, d),
        None => (sans_signe, ""),
    };
    let significatif = entier.trim_start_matches('0');
    if significatif.len() > CHIFFRES_ENTIERS_MAX {
        return Err(format!(
            "nombre démesuré ({} chiffres avant la virgule, au plus {CHIFFRES_ENTIERS_MAX})",
            significatif.len()
        ));
    }
    if decimales.len() > DECIMALES_MAX {
        return Err(format!(
            "{} décimales, au plus {DECIMALES_MAX}",
            decimales.len()
        ));
    }
    if ecrit.starts_with('-') && sans_signe.chars().all(|c| c == '0' || c == '.' || c == ',') {
        return Err("zéro négatif (-0) : écrire 0".into());
    }
    Ok(())
}

/// Strings that pretend to be numbers or dates are checked like them.
fn verifier_chaine(s: &str, chemin: &str) -> Result<(), ErreurDocument> {
    let t = s.trim();
    let minuscule = t.to_ascii_lowercase();
    let sans_signe = minuscule.trim_start_matches(['-', '+']);
    if matches!(sans_signe, "nan" | "inf" | "infinity" | "infini") {
        return Err(ErreurDocument::NonNumerique {
            chemin: chemin.to_string(),
            ecrit: abreger(t),
        });
    }
    if ressemble_a_un_nombre(t) {
        // Digit-only strings are identifiers (member numbers...): left alone.
        let seulement_chiffres = t.chars().all(|c| c.is_ascii_digit());
        if !seulement_chiffres {
            verifier_nombre_ecrit(t).map_err(|raison| ErreurDocument::NombreRefuse {
                chemin: chemin.to_string(),
                ecrit: abreger(t),
                raison,
            })?;
        }
    }
    if ressemble_a_une_date(t) && !date_possible(t) {
        return Err(ErreurDocument::DateImpossible {
            chemin: chemin.to_string(),
            ecrit: t.to_string(),
        });
    }
    Ok(())
}

/// `[+-]digits[(.|,)digits][(e|E)[+-]digits]`
fn ressemble_a_un_nombre(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let debut = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == debut {
        return false;
    }
    if i < b.len() && (b[i] == b'.' || b[i] == b',') {
        i += 1;
        let d = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == d {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let d = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == d {
            return false;
        }
    }
    i == b.len()
}

/// `DDDD-DD-DD`
fn ressemble_a_une_date(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn date_possible(t: &str) -> bool {
    use chrono::Datelike;
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map(|d| (1900..=2199).contains(&d.year()))
        .unwrap_or(false)
}

fn abreger(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let debut: String = s.chars().take(MAX).collect();
        format!("{debut}…")
    }
}

fn nature(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "un booléen",
        Value::Number(_) => "un nombre",
        Value::String(_) => "une chaîne",
        Value::Array(_) => "une liste",
        Value::Object(_) => "un objet",
    }
}

fn chemin_champ(parent: &str, cle: &str) -> String {
    if parent == "(document)" {
        cle.to_string()
    } else {
        format!("{parent}.{cle}")
    }
}

fn erreur_syntaxe(e: &serde_json::Error) -> ErreurDocument {
    use serde_json::error::Category;
    let anglais = e.to_string();
    let detail = if e.is_eof() {
        "fin du fichier inattendue (accolade ou crochet non fermé ?)".to_string()
    } else if anglais.contains("recursion limit") {
        format!("imbrication trop profonde (au plus {PROFONDEUR_MAX} niveaux)")
    } else if anglais.contains("trailing characters") {
        "caractères en trop après la fin du document".to_string()
    } else if anglais.contains("key must be a string") {
        "le nom d'un champ doit être une chaîne entre guillemets".to_string()
    } else if anglais.contains("control character") {
        "caractère de contrôle dans une chaîne (utiliser \\n, \\t…)".to_string()
    } else if anglais.contains("trailing comma") {
        "virgule en trop avant la fin d'un objet ou d'une liste".to_string()
    } else if anglais.contains("invalid escape") || anglais.contains("invalid unicode") {
        "séquence d'échappement invalide dans une chaîne".to_string()
    } else if anglais.contains("number out of range") {
        "nombre démesuré".to_string()
    } else {
        match e.classify() {
            Category::Syntax => "syntaxe JSON incorrecte".to_string(),
            _ => "contenu illisible".to_string(),
        }
    };
    ErreurDocument::Syntaxe {
        ligne: e.line(),
        colonne: e.column(),
        detail,
    }
}

impl ErreurDocument {
    fn placer(&mut self, l: usize) {
        match self {
            ErreurDocument::TropProfond { ligne, .. }
            | ErreurDocument::CleEnDouble { ligne, .. } => *ligne = l,
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// The written numbers of a text, in document order.

/// Every number token outside strings, as written, in document order: JSON
/// numbers are only ever values, and `serde_json` visits values in document
/// order, so the k-th number the visitor meets is the k-th token here.
fn nombres_ecrits(texte: &str) -> Vec<&str> {
    let b = texte.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut dans_chaine = false;
    while i < b.len() {
        let c = b[i];
        if dans_chaine {
            match c {
                b'\\' => i += 2,
                b'"' => {
                    dans_chaine = false;
                    i += 1;
                }
                _ => i += 1,
            }
            continue;
        }
        if c == b'"' {
            dans_chaine = true;
            i += 1;
        } else if c == b'-' || c.is_ascii_digit() {
            let debut = i;
            while i < b.len() && matches!(b[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                i += 1;
            }
            out.push(&texte[debut..i]);
        } else {
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The visitor: builds the Value, refusing duplicates, depth and bad numbers.

struct Contexte<'t> {
    nombres: &'t [&'t str],
    suivant: Cell<usize>,
    erreur: RefCell<Option<ErreurDocument>>,
}

impl Contexte<'_> {
    fn echec<E: de::Error>(&self, erreur: ErreurDocument) -> E {
        let message = erreur.to_string();
        *self.erreur.borrow_mut() = Some(erreur);
        E::custom(message)
    }

    fn nombre<E: de::Error>(&self, chemin: &str, valeur: Value) -> Result<Value, E> {
        let k = self.suivant.get();
        self.suivant.set(k + 1);
        let ecrit = self.nombres.get(k).copied().unwrap_or("");
        match verifier_nombre_ecrit(ecrit) {
            Ok(()) => Ok(valeur),
            Err(raison) => Err(self.echec(ErreurDocument::NombreRefuse {
                chemin: chemin.to_string(),
                ecrit: abreger(ecrit),
                raison,
            })),
        }
    }
}

struct Lecteur<'c, 't> {
    contexte: &'c Contexte<'t>,
    chemin: String,
    profondeur: usize,
}

impl<'de> DeserializeSeed<'de> for Lecteur<'_, '_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Lecteur<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("une valeur JSON")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.contexte.nombre(&self.chemin, Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.contexte.nombre(&self.chemin, Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        match serde_json::Number::from_f64(v) {
            Some(n) => self.contexte.nombre(&self.chemin, Value::Number(n)),
            None => Err(self.contexte.echec(ErreurDocument::NonNumerique {
                chemin: self.chemin.clone(),
                ecrit: v.to_string(),
            })),
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        match verifier_chaine(v, &self.chemin) {
            Ok(()) => Ok(Value::String(v.to_string())),
            Err(e) => Err(self.contexte.echec(e)),
        }
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        match verifier_chaine(&v, &self.chemin) {
            Ok(()) => Ok(Value::String(v)),
            Err(e) => Err(self.contexte.echec(e)),
        }
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        if self.profondeur >= PROFONDEUR_MAX {
            return Err(self.contexte.echec(ErreurDocument::TropProfond {
                chemin: self.chemin.clone(),
                ligne: 0,
            }));
        }
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Lecteur {
            contexte: self.contexte,
            chemin: format!("{}[{}]", self.chemin, out.len()),
            profondeur: self.profondeur + 1,
        })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        if self.profondeur >= PROFONDEUR_MAX {
            return Err(self.contexte.echec(ErreurDocument::TropProfond {
                chemin: self.chemin.clone(),
                ligne: 0,
            }));
        }
        let mut out = Map::new();
        while let Some(cle) = map.next_key::<String>()? {
            if out.contains_key(&cle) {
                return Err(self.contexte.echec(ErreurDocument::CleEnDouble {
                    cle: abreger(&cle),
                    chemin: self.chemin.clone(),
                    ligne: 0,
                }));
            }
            let v = map.next_value_seed(Lecteur {
                contexte: self.contexte,
                chemin: chemin_champ(&self.chemin, &cle),
                profondeur: self.profondeur + 1,
            })?;
            out.insert(cle, v);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn erreur(texte: &str) -> ErreurDocument {
        lire_situation(texte.as_bytes()).expect_err(texte)
    }

    #[test]
    fn a_plain_situation_is_read() {
        let m = lire_situation(
            br#"{"date_soins":"2026-03-14","actes":[{"frais_reels":"480.00","quantite":2}]}"#,
        )
        .unwrap();
        assert_eq!(m["date_soins"], "2026-03-14");
        assert_eq!(m["actes"][0]["quantite"], 2);
    }

    #[test]
    fn duplicate_keys_are_refused_with_their_place() {
        let e = erreur("{\"a\": 1,\n \"actes\": [{\"code\": \"x\", \"code\": \"y\"}]}");
        assert_eq!(
            e,
            ErreurDocument::CleEnDouble {
                cle: "code".into(),
                chemin: "actes[0]".into(),
                ligne: 2
            }
        );
        assert!(e
            .to_string()
            .contains("champ « code » en double dans « actes[0] »"));
    }

    #[test]
    fn duplicate_at_top_level() {
        let e = erreur(r#"{"date_soins":"2026-01-02","date_soins":"2026-01-03"}"#);
        assert!(
            matches!(e, ErreurDocument::CleEnDouble { ref cle, ref chemin, .. } if cle == "date_soins" && chemin == "(document)"),
            "{e:?}"
        );
    }

    #[test]
    fn absurd_numbers_are_refused() {
        let cas = [
            (r#"{"x": 1e300}"#, "exposant"),
            (r#"{"x": 1E2}"#, "exposant"),
            (r#"{"x": -0}"#, "zéro négatif"),
            (r#"{"x": -0.00}"#, "zéro négatif"),
            (r#"{"x": 0.123456789012345678901234567890}"#, "30 décimales"),
            (r#"{"x": 12345678901}"#, "11 chiffres avant la virgule"),
            (r#"{"x": "NaN"}"#, "n'est pas un nombre"),
            (r#"{"x": "-Infinity"}"#, "n'est pas un nombre"),
            (r#"{"x": "1e300"}"#, "exposant"),
            (r#"{"x": "-0"}"#, "zéro négatif"),
            (r#"{"x": "12,1234567"}"#, "7 décimales"),
        ];
        for (doc, attendu) in cas {
            let e = erreur(doc);
            let m = e.to_string();
            assert!(m.contains(attendu), "{doc} → {m}");
            assert!(m.contains("champ « x »"), "{doc} → {m}");
        }
    }

    #[test]
    fn the_number_error_points_at_the_right_field() {
        // Numbers and strings that contain number-like text before the bad one
        // must not shift the correspondence between tokens and values.
        let e = erreur(r#"{"a": "texte -12 e5 \" 3", "b": [1, 2.5, -3], "c": {"d": 7, "e": 1e5}}"#);
        assert_eq!(
            e,
            ErreurDocument::NombreRefuse {
                chemin: "c.e".into(),
                ecrit: "1e5".into(),
                raison: "la notation avec exposant n'est pas acceptée (écrire le nombre en entier)"
                    .into()
            }
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for d in ["0000-00-00", "2026-02-30", "1850-01-01", "2026-13-01"] {
            let e = erreur(&format!(r#"{{"adherent": {{"date_naissance": "{d}"}}}}"#));
            assert_eq!(
                e,
                ErreurDocument::DateImpossible {
                    chemin: "adherent.date_naissance".into(),
                    ecrit: d.into()
                }
            );
        }
        assert!(lire_situation(br#"{"d": "2024-02-29"}"#).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        for n in [PROFONDEUR_MAX + 1, 100_000] {
            let doc = format!("{{\"a\":{}{}}}", "[".repeat(n), "]".repeat(n));
            let e = erreur(&doc);
            assert!(
                matches!(e, ErreurDocument::TropProfond { .. }),
                "{n}: {e:?}"
            );
            assert!(e.to_string().contains("au plus 32 niveaux"));
        }
        // Exactly the limit is accepted: the top object is level 1.
        let doc = format!(
            "{{\"a\":{}{}}}",
            "[".repeat(PROFONDEUR_MAX - 1),
            "]".repeat(PROFONDEUR_MAX - 1)
        );
        assert!(lire_situation(doc.as_bytes()).is_ok());
    }

    #[test]
    fn size_is_checked_before_parsing() {
        let mut doc = b"{\"a\":\"".to_vec();
        doc.resize(TAILLE_MAX + 1, b'x');
        assert_eq!(
            lire_situation(&doc).unwrap_err(),
            ErreurDocument::TropVolumineux {
                taille: (TAILLE_MAX + 1) as u64,
                max: TAILLE_MAX
            }
        );
    }

    #[test]
    fn encoding_and_shape() {
        assert_eq!(
            lire_situation(b"{\"a\": \"caf\xe9\"}").unwrap_err(),
            ErreurDocument::PasUtf8 { position: 11 }
        );
        assert_eq!(lire_situation(b"  \n").unwrap_err(), ErreurDocument::Vide);
        assert_eq!(
            lire_situation(b"[1]").unwrap_err(),
            ErreurDocument::PasUnObjet {
                trouve: "une liste"
            }
        );
        assert!(lire_situation("\u{feff}{\"a\":1}".as_bytes()).is_ok());
        let e = erreur("{\"a\": 1,\n\"b\": }");
        assert!(
            matches!(e, ErreurDocument::Syntaxe { ligne: 2, .. }),
            "{e:?}"
        );
        let e = erreur("{\"a\": 1} x");
        assert!(e.to_string().contains("caractères en trop"), "{e}");
        let e = erreur("{\"a\": [1, 2");
        assert!(e.to_string().contains("fin du fichier inattendue"), "{e}");
    }

    #[test]
    fn values_from_the_ui_follow_the_same_rules() {
        let v: Value = serde_json::json!({"a": [{"b": -0.0}]});
        let e = verifier_valeur(&v).unwrap_err();
        assert!(e.to_string().contains("champ « a[0].b »"), "{e}");
        assert!(e.to_string().contains("zéro négatif"), "{e}");
        let v = serde_json::json!({"x": 1e300});
        assert!(verifier_valeur(&v)
            .unwrap_err()
            .to_string()
            .contains("démesuré"));
        let v = serde_json::json!({"x": 0.1 + 0.2});
        assert!(verifier_valeur(&v)
            .unwrap_err()
            .to_string()
            .contains("17 décimales"));
        let v = serde_json::json!({"x": 12.5, "d": "2026-11-22", "n": "0123456789012"});
        assert!(verifier_valeur(&v).is_ok());
        let v = serde_json::json!("texte");
        assert!(matches!(
            verifier_valeur(&v).unwrap_err(),
            ErreurDocument::PasUnObjet { .. }
        ));
    }

    #[test]
    fn canonical_text_sorts_keys_and_drops_spaces() {
        let m =
            lire_situation(br#"{ "b": [ 2, {"z": 1, "a": "\u00e9\"" } ], "a": null }"#).unwrap();
        assert_eq!(
            canonique(&Value::Object(m)),
            r#"{"a":null,"b":[2,{"a":"é\"","z":1}]}"#
        );
    }

    #[test]
    fn checksum_of_a_known_text() {
        // SHA-256 of the empty string, a published test vector.
        assert_eq!(
            empreinte(""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    fn valeur_json() -> impl Strategy<Value = Value> {
        let feuille = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-1_000_000i64..1_000_000).prop_map(Value::from),
            // Strings the rules refuse ("-0", "01.5"…: they pretend to be
            // numbers) are not "within the rules": left to their own tests.
            "[a-z0-9 éà\"\\\\-]{0,12}"
                .prop_filter("chaîne refusée par les règles", |t| {
                    verifier_chaine(t, "x").is_ok()
                })
                .prop_map(Value::String),
        ];
        feuille.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-z]{1,4}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Any well-formed document within the rules reads back to the same
        /// value, and its canonical text is a fixed point.
        #[test]
        fn round_trip(m in prop::collection::btree_map("[a-z_]{1,8}", valeur_json(), 0..5)) {
            let v = Value::Object(m.into_iter().collect());
            let texte = serde_json::to_string_pretty(&v).unwrap();
            let lu = lire_situation(texte.as_bytes()).unwrap();
            prop_assert_eq!(&Value::Object(lu.clone()), &v);
            let c = canonique(&v);
            let relu = lire_situation(c.as_bytes()).unwrap();
            prop_assert_eq!(canonique(&Value::Object(relu)), c);
        }

        /// Arbitrary bytes never panic: they are read or refused.
        #[test]
        fn arbitrary_bytes_never_panic(octets in prop::collection::vec(any::<u8>(), 0..300)) {
            let _ = lire_situation(&octets);
        }

        /// Arbitrary text made of JSON punctuation never panics either.
        #[test]
        fn json_like_text_never_panics(t in "[\\[\\]{}:,\"a-c0-9eE.+\\- \\\\]{0,200}") {
            let _ = lire_situation(t.as_bytes());
        }
    }
}
