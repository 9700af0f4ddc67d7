//! Reading a cell of Annexe 2 as printed ("33 €/nuitée", "30 %", "Néant",
//! "Forfait 25 € / an", "130 € / œil ou ticket modérateur si supérieur") into
//! its kind, value and unit. French number format only: decimal comma,
//! optional space between thousands ("1 000 €").
//!
//! What follows the amount and its unit and is not understood here (a
//! parenthesis such as "(max 2 couronnes sur 2 années civiles)", a
//! "puis 80 % BRSS") is returned as [`Lecture::reste`]: the data file must
//! then describe it with explicit `limites` / `au_dela` (see `annexe`).

use crate::tarifs::model::{Nature, Unite};
use rust_decimal::Decimal;
use std::str::FromStr;

/// What a printed cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lecture {
    pub nature: Nature,
    pub valeur: Option<Decimal>,
    pub unite: Option<Unite>,
    /// "… ou ticket modérateur si supérieur".
    pub ou_ticket_moderateur_si_superieur: bool,
    /// Printed text left after the amount and its unit, if any.
    pub reste: Option<String>,
}

impl Lecture {
    fn simple(nature: Nature) -> Lecture {
        Lecture {
            nature,
            valeur: None,
            unite: None,
            ou_ticket_moderateur_si_superieur: false,
            reste: None,
        }
    }
}

/// Collapses every kind of space (no-break, narrow no-break, line breaks) to
/// one ordinary space and trims.
pub fn normaliser(texte: &str) -> String {
    texte
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a printed cell. The error is a French sentence saying what is wrong.
pub fn lire(texte: &str) -> Result<Lecture, String> {
    let t = normaliser(texte);
    if t.is_empty() {
        return Err("case vide : écrivez la valeur imprimée (« Néant » s'il n'y a rien)".into());
    }
    let bas = t.to_lowercase();
    if bas == "néant" {
        return Ok(Lecture::simple(Nature::Neant));
    }
    if bas == "ticket modérateur" {
        return Ok(Lecture::simple(Nature::TicketModerateur));
    }
    let corps = bas.strip_prefix("forfait ").unwrap_or(&bas);
    let (valeur, apres) = lire_nombre(corps)?;
    let apres = apres.trim_start();
    if let Some(suite) = apres.strip_prefix('%') {
        let suite = suite.trim();
        let suite = suite
            .strip_prefix("brss")
            .or_else(|| suite.strip_prefix("du forfait thermal"))
            .map(str::trim)
            .unwrap_or(suite);
        return Ok(Lecture {
            nature: Nature::PourcentageBrss,
            valeur: Some(valeur),
            unite: None,
            ou_ticket_moderateur_si_superieur: false,
            reste: reste_original(&t, suite),
        });
    }
    let Some(suite) = apres.strip_prefix('€') else {
        return Err(format!(
            "« {t} » : un montant doit être suivi de « € » ou de « % »"
        ));
    };
    let (unite, suite) = lire_unite(suite.trim_start());
    let suite = suite.trim_start();
    let (ou_tm, suite) = match suite.strip_prefix("ou ticket modérateur si supérieur") {
        Some(s) => (true, s.trim_start()),
        None => (false, suite),
    };
    Ok(Lecture {
        nature: Nature::Forfait,
        valeur: Some(valeur),
        unite,
        ou_ticket_moderateur_si_superieur: ou_tm,
        reste: reste_original(&t, suite),
    })
}

/// The unread tail, taken from the original text (same length in bytes:
/// lowercasing the characters used in the table does not change lengths;
/// otherwise the lowercase tail is returned).
fn reste_original(original: &str, suite_bas: &str) -> Option<String> {
    let suite_bas = suite_bas.trim();
    if suite_bas.is_empty() {
        return None;
    }
    let debut = original.len().checked_sub(suite_bas.len());
    let tail = debut
        .and_then(|d| original.get(d..))
        .filter(|s| s.to_lowercase() == suite_bas)
        .unwrap_or(suite_bas);
    Some(tail.trim().to_string())
}

/// Reads "1 000", "22,50", "35" at the start of `s`; returns the value and
/// the rest.
fn lire_nombre(s: &str) -> Result<(Decimal, &str), String> {
    let octets = s.as_bytes();
    let mut i = 0;
    let mut chiffres = String::new();
    while i < octets.len() && octets[i].is_ascii_digit() {
        chiffres.push(octets[i] as char);
        i += 1;
    }
    if chiffres.is_empty() {
        return Err(format!(
            "« {s} » : ni « Néant », ni « ticket modérateur », ni un montant en € ou en %"
        ));
    }
    // Thousands separated by one space: "1 000".
    while i + 4 <= octets.len()
        && octets[i] == b' '
        && octets[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && octets.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    {
        chiffres.push_str(&s[i + 1..i + 4]);
        i += 4;
    }
    if i < octets.len() && octets[i] == b'.' && octets.get(i + 1).is_some_and(u8::is_ascii_digit) {
        return Err(format!(
            "« {s} » : écrivez les décimales avec une virgule (22,50), comme sur le tableau"
        ));
    }
    if i < octets.len() && octets[i] == b',' {
        let debut = i + 1;
        let mut j = debut;
        while j < octets.len() && octets[j].is_ascii_digit() {
            j += 1;
        }
        if j == debut {
            return Err(format!("« {s} » : chiffres attendus après la virgule"));
        }
        chiffres.push('.');
        chiffres.push_str(&s[debut..j]);
        i = j;
    }
    let valeur = Decimal::from_str(&chiffres)
        .map_err(|_| format!("« {s} » : nombre trop grand ou illisible"))?;
    Ok((valeur, &s[i..]))
}

/// Reads an optional unit after "€": "/ an", "/nuitée", "par année civile",
/// "/ dent supplémentaire"…
fn lire_unite(s: &str) -> (Option<Unite>, &str) {
    let (s, slash) = match s.strip_prefix('/') {
        Some(r) => (r.trim_start(), true),
        None => match s.strip_prefix("par ") {
            Some(r) => (r.trim_start(), true),
            None => (s, false),
        },
    };
    if !slash {
        return (None, s);
    }
    // Longest names first ("année civile" before "an").
    const MOTS: &[(&str, Unite)] = &[
        ("année civile", Unite::An),
        ("nuitée", Unite::Nuitee),
        ("séance", Unite::Seance),
        ("semestre", Unite::Semestre),
        ("élément", Unite::Element),
        ("couronne", Unite::Couronne),
        ("prothèse", Unite::Prothese),
        ("appareil", Unite::Appareil),
        ("monture", Unite::Monture),
        ("implant", Unite::Implant),
        ("verre", Unite::Verre),
        ("acte", Unite::Acte),
        ("cure", Unite::Cure),
        ("jour", Unite::Jour),
        ("dent", Unite::Dent),
        ("œil", Unite::Oeil),
        ("oeil", Unite::Oeil),
        ("an", Unite::An),
    ];
    for (mot, unite) in MOTS {
        if let Some(r) = s.strip_prefix(mot) {
            if r.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                let r = r.trim_start();
                let r = r.strip_prefix("supplémentaire").unwrap_or(r);
                return (Some(*unite), r);
            }
        }
    }
    (None, s)
}

/// The unit as written after "€ /" on screen and paper.
pub fn unite_texte(unite: Unite) -> &'static str {
    match unite {
        Unite::Acte => "acte",
        Unite::Seance => "séance",
        Unite::Nuitee => "nuitée",
        Unite::Jour => "jour",
        Unite::An => "an",
        Unite::Oeil => "œil",
        Unite::Verre => "verre",
        Unite::Monture => "monture",
        Unite::Appareil => "appareil",
        Unite::Semestre => "semestre",
        Unite::Cure => "cure",
        Unite::Dent => "dent",
        Unite::Element => "élément",
        Unite::Prothese => "prothèse",
        Unite::Implant => "implant",
        Unite::Couronne => "couronne",
    }
}

/// Reads a unit written alone in the data file ("verre", "nuitée").
pub fn lire_unite_seule(mot: &str) -> Option<Unite> {
    let mot = normaliser(mot).to_lowercase();
    match lire_unite(&format!("/ {mot}")) {
        (Some(u), reste) if reste.trim().is_empty() => Some(u),
        _ => None,
    }
}

/// A decimal in French: "22,50", "1000", "133,33".
pub fn decimal_fr(v: Decimal) -> String {
    v.normalize().to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn ok(t: &str) -> Lecture {
        lire(t).unwrap_or_else(|e| panic!("{t}: {e}"))
    }

    #[test]
    fn reads_the_printed_forms_of_the_table() {
        let l = ok("33 €/nuitée");
        assert_eq!(
            (l.nature, l.valeur, l.unite),
            (Nature::Forfait, Some(dec!(33)), Some(Unite::Nuitee))
        );
        let l = ok("30 %");
        assert_eq!(
            (l.nature, l.valeur, l.unite),
            (Nature::PourcentageBrss, Some(dec!(30)), None)
        );
        assert_eq!(ok("35%").valeur, Some(dec!(35)));
        assert_eq!(ok("Néant").nature, Nature::Neant);
        assert_eq!(ok("néant").nature, Nature::Neant);
        let l = ok("Forfait 25 € / an");
        assert_eq!((l.valeur, l.unite), (Some(dec!(25)), Some(Unite::An)));
        let l = ok("130 € par année\ncivile");
        assert_eq!((l.valeur, l.unite), (Some(dec!(130)), Some(Unite::An)));
        let l = ok("170 € /an");
        assert_eq!((l.valeur, l.unite), (Some(dec!(170)), Some(Unite::An)));
        let l = ok("13,50 €");
        assert_eq!((l.valeur, l.unite), (Some(dec!(13.50)), None));
        let l = ok("31 € / élément");
        assert_eq!(l.unite, Some(Unite::Element));
        let l = ok("3,22 € / dent supplémentaire");
        assert_eq!(
            (l.valeur, l.unite, l.reste),
            (Some(dec!(3.22)), Some(Unite::Dent), None)
        );
        let l = ok("1000 €");
        assert_eq!(l.valeur, Some(dec!(1000)));
        let l = ok("1 000 €");
        assert_eq!(l.valeur, Some(dec!(1000)));
        let l = ok("35 % du forfait thermal");
        assert_eq!(
            (l.nature, l.valeur, l.reste),
            (Nature::PourcentageBrss, Some(dec!(35)), None)
        );
        let l = ok("80 % BRSS");
        assert_eq!((l.valeur, l.reste), (Some(dec!(80)), None));
        assert_eq!(ok("ticket modérateur").nature, Nature::TicketModerateur);
    }

    #[test]
    fn reads_the_forfait_or_ticket_moderateur_cell() {
        let l = ok("130 € / œil ou\nticket modérateur si\nsupérieur");
        assert_eq!(
            (
                l.valeur,
                l.unite,
                l.ou_ticket_moderateur_si_superieur,
                l.reste
            ),
            (Some(dec!(130)), Some(Unite::Oeil), true, None)
        );
    }

    #[test]
    fn keeps_the_unread_tail_in_its_printed_case() {
        let l = ok("518 € (dans la limite de 2 implants sur 2 années civiles)");
        assert_eq!(l.valeur, Some(dec!(518)));
        assert_eq!(
            l.reste.as_deref(),
            Some("(dans la limite de 2 implants sur 2 années civiles)")
        );
        let l = ok("122 € (max 2 couronnes sur 2 années civiles) puis 80 % BRSS");
        assert_eq!(
            l.reste.as_deref(),
            Some("(max 2 couronnes sur 2 années civiles) puis 80 % BRSS")
        );
    }

    #[test]
    fn refuses_what_is_not_a_cell() {
        assert!(lire("").unwrap_err().contains("case vide"));
        assert!(lire("22.50 €").unwrap_err().contains("virgule"));
        assert!(lire("trente %").unwrap_err().contains("ni « Néant »"));
        assert!(lire("30").unwrap_err().contains("« € » ou de « % »"));
        assert!(lire("22, €").unwrap_err().contains("après la virgule"));
    }

    #[test]
    fn units_alone_are_read_for_line_defaults() {
        assert_eq!(lire_unite_seule("verre"), Some(Unite::Verre));
        assert_eq!(lire_unite_seule("nuitée"), Some(Unite::Nuitee));
        assert_eq!(lire_unite_seule("an"), Some(Unite::An));
        assert_eq!(lire_unite_seule("année"), None);
        assert_eq!(lire_unite_seule("verres"), None);
    }

    proptest! {
        /// Any amount in cents written the French way reads back exactly.
        #[test]
        fn french_amounts_read_back_exactly(cents in 0u64..100_000_000u64) {
            let v = Decimal::new(cents as i64, 2);
            let texte = format!("{} €", decimal_fr(v));
            let l = lire(&texte).unwrap();
            prop_assert_eq!(l.valeur, Some(v));
            prop_assert_eq!(l.nature, Nature::Forfait);
        }

        /// Percentages read back exactly, and never carry a unit.
        #[test]
        fn percentages_have_no_unit(p in 0u32..100_000u32) {
            let v = Decimal::new(p as i64, 1);
            let l = lire(&format!("{} %", decimal_fr(v))).unwrap();
            prop_assert_eq!(l.valeur, Some(v));
            prop_assert_eq!(l.unite, None);
        }
    }
}
