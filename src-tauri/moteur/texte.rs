//! Explanation text kept as data until someone reads it.
//!
//! An estimate of four offers writes about thirty explanation lines per act;
//! building each as an owned `String` (French amounts, dates, copied
//! sources) was nearly all of an estimate's time. Here a formula is a
//! sentence model (`&'static str` with `{}` holes) and its values — amounts,
//! rates, dates, counts, strings of the estimate's [`Journal`] — and the
//! French text ("70 % × 25,00 € = 17,50 €") is written only when the result
//! is serialized (the window, the CLI, history), printed, or compared.
//!
//! Values are plain data (`Copy`): a string the tables or the input give (an
//! Annexe line, a parameter's source, a note) is copied once into the
//! journal and named by a [`Cle`]; nothing is reference-counted per line.
//!
//! [`Journal`]: super::journal::Journal

use super::format::{date_fr, ecrire_euros, euros_exact, pourcent};
use crate::tarifs::Periode;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::fmt::{self, Write as _};

/// A string of the journal: a range of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cle {
    pub(super) debut: u32,
    pub(super) fin: u32,
}

impl Cle {
    /// The string within the journal's text.
    pub fn dans(self, texte: &str) -> &str {
        &texte[self.debut as usize..self.fin as usize]
    }
}

/// One value written into a sentence model.
#[derive(Debug, Clone, Copy)]
pub enum Valeur {
    /// "1 234,56 €" (rounded to the cent).
    Euros(Decimal),
    /// An unrounded intermediate amount: "4,392 €".
    EurosExact(Decimal),
    /// "70 %", "12,5 %".
    Pourcent(Decimal),
    /// "15/06/2018".
    Date(NaiveDate),
    /// A count or a year.
    Nombre(i64),
    Statique(&'static str),
    /// A string of the journal.
    Chaine(Cle),
    /// "Ligne 2.1 (MGEN Référence)": an Annexe line (in the journal) under
    /// an offer, named as its grid prints it.
    Ligne(Cle, &'static str),
    /// "par année civile", "sur 24 mois"…
    Periode(Periode),
}

impl Valeur {
    /// Writes the value; `texte` is the journal's text its strings point in.
    pub(super) fn ecrire(&self, texte: &str, f: &mut impl fmt::Write) -> fmt::Result {
        match self {
            Valeur::Euros(x) => ecrire_euros(f, *x),
            Valeur::EurosExact(x) => f.write_str(&euros_exact(*x)),
            Valeur::Pourcent(x) => f.write_str(&pourcent(*x)),
            Valeur::Date(d) => f.write_str(&date_fr(*d)),
            Valeur::Nombre(n) => write!(f, "{n}"),
            Valeur::Statique(s) => f.write_str(s),
            Valeur::Chaine(c) => f.write_str(c.dans(texte)),
            Valeur::Ligne(l, o) => write!(f, "Ligne {} ({o})", l.dans(texte)),
            Valeur::Periode(p) => match p {
                Periode::AnneeCivile => f.write_str("par année civile"),
                Periode::AnneesCiviles { n } => write!(f, "sur {n} années civiles"),
                Periode::Glissante { mois } => write!(f, "sur {mois} mois"),
                Periode::ParActe => f.write_str("par acte ou traitement"),
            },
        }
    }
}

impl From<u32> for Valeur {
    fn from(n: u32) -> Self {
        Valeur::Nombre(i64::from(n))
    }
}

impl From<i32> for Valeur {
    fn from(n: i32) -> Self {
        Valeur::Nombre(i64::from(n))
    }
}

impl From<&'static str> for Valeur {
    fn from(s: &'static str) -> Self {
        Valeur::Statique(s)
    }
}

impl From<Cle> for Valeur {
    fn from(c: Cle) -> Self {
        Valeur::Chaine(c)
    }
}

impl From<NaiveDate> for Valeur {
    fn from(d: NaiveDate) -> Self {
        Valeur::Date(d)
    }
}

/// Number of `{}` holes of a sentence model (checked at compile time by
/// [`texte!`]).
pub const fn trous(modele: &str) -> usize {
    let b = modele.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i + 1 < b.len() {
        if b[i] == b'{' && b[i + 1] == b'}' {
            n += 1;
            i += 1;
        }
        i += 1;
    }
    n
}

/// A formula being written: a sentence model and its values, a fixed text,
/// or a string of the journal. The values are borrowed (the array
/// [`texte!`] builds in place); the journal copies those it keeps.
#[derive(Debug, Clone, Copy)]
pub enum Texte<'v> {
    Modele {
        modele: &'static str,
        valeurs: &'v [Valeur],
    },
    Statique(&'static str),
    Chaine(Cle),
}

impl From<&'static str> for Texte<'_> {
    fn from(s: &'static str) -> Self {
        Texte::Statique(s)
    }
}

impl From<Cle> for Texte<'_> {
    fn from(c: Cle) -> Self {
        Texte::Chaine(c)
    }
}

impl Texte<'_> {
    /// Writes the text; `texte` is the journal's text its strings point in.
    pub(super) fn ecrire(&self, texte: &str, f: &mut impl fmt::Write) -> fmt::Result {
        match self {
            Texte::Statique(s) => f.write_str(s),
            Texte::Chaine(c) => f.write_str(c.dans(texte)),
            Texte::Modele { modele, valeurs } => ecrire_modele(modele, valeurs, texte, f),
        }
    }
}

/// A sentence model with its values written in the holes.
pub(super) fn ecrire_modele(
    modele: &str,
    valeurs: &[Valeur],
    texte: &str,
    f: &mut impl fmt::Write,
) -> fmt::Result {
    let mut valeurs = valeurs.iter();
    let mut morceaux = modele.split("{}");
    if let Some(debut) = morceaux.next() {
        f.write_str(debut)?;
    }
    for morceau in morceaux {
        if let Some(v) = valeurs.next() {
            v.ecrire(texte, f)?;
        }
        f.write_str(morceau)?;
    }
    Ok(())
}

/// Whether `t` is written exactly `attendu` (compared as it is written,
/// without building the string).
pub(super) fn lit_comme(t: &impl fmt::Display, attendu: &str) -> bool {
    struct Comparaison<'a> {
        reste: &'a str,
    }
    impl fmt::Write for Comparaison<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            match self.reste.strip_prefix(s) {
                Some(r) => {
                    self.reste = r;
                    Ok(())
                }
                None => Err(fmt::Error),
            }
        }
    }
    let mut c = Comparaison { reste: attendu };
    write!(c, "{t}").is_ok() && c.reste.is_empty()
}

/// `texte!("AMO : {} × {} = {}", Pourcent(t), Euros(b), Euros(x))`: a
/// [`Texte`] whose count of values is checked against the holes of the
/// model at compile time.
#[macro_export]
macro_rules! texte {
    ($modele:literal) => {{
        const _: () = assert!($crate::moteur::texte::trous($modele) == 0);
        $crate::moteur::texte::Texte::Statique($modele)
    }};
    ($modele:literal, $($v:expr),+ $(,)?) => {{
        const N: usize = [$(stringify!($v)),+].len();
        const _: () = assert!($crate::moteur::texte::trous($modele) == N, "nombre de valeurs");
        $crate::moteur::texte::Texte::Modele {
            modele: $modele,
            valeurs: &[$($crate::moteur::texte::Valeur::from($v)),+],
        }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_are_counted() {
        assert_eq!(trous(""), 0);
        assert_eq!(trous("{} − {} = {}"), 3);
        assert_eq!(trous("{}{}"), 2);
        assert_eq!(trous("{ }"), 0);
    }

    #[test]
    fn a_text_is_compared_as_it_is_written() {
        let t = "18,00 € déduite";
        assert!(lit_comme(&t, "18,00 € déduite"));
        assert!(!lit_comme(&t, "18,00 €"));
        assert!(!lit_comme(&t, "18,00 € déduite."));
        assert!(!lit_comme(&t, ""));
    }
}
