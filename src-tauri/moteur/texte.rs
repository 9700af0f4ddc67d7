//! Explanation text kept as data until someone reads it.
//!
//! An estimate of four offers writes about thirty explanation lines per act;
//! building each as an owned `String` (French amounts, dates, copied
//! sources) was nearly all of an estimate's time. Here a line is a sentence
//! model (`&'static str` with `{}` holes) and its values — amounts, rates,
//! dates, counts, shared strings — and the French text ("70 % × 25,00 € =
//! 17,50 €") is written only when the result is serialized (the window, the
//! CLI, history), printed, or compared. Cloning a line (the AMO lines are
//! repeated under every offer) copies no text.
//!
//! [`Texte`] is the formula of a line; [`Libelle`] its reference or source
//! (a fixed text, a shared string from the tables, or "Annexe 2, ligne …").
//! Both serialize as plain strings: the JSON of a result is unchanged.

use super::format::{date_fr, ecrire_euros, euros_exact, pourcent};
use crate::tarifs::{Offre, Periode};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smallvec::SmallVec;
use std::fmt::{self, Write as _};
use std::sync::Arc;

/// One value written into a sentence model.
#[derive(Debug, Clone)]
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
    Partage(Arc<str>),
    /// "Ligne 2.1 (MGEN Référence)": an Annexe line under an offer.
    Ligne(Arc<str>, Offre),
    /// "par année civile", "sur 24 mois"…
    Periode(Periode),
    /// A text within a text.
    Texte(Box<Texte>),
}

impl Valeur {
    fn ecrire(&self, f: &mut impl fmt::Write) -> fmt::Result {
        match self {
            Valeur::Euros(x) => ecrire_euros(f, *x),
            Valeur::EurosExact(x) => f.write_str(&euros_exact(*x)),
            Valeur::Pourcent(x) => f.write_str(&pourcent(*x)),
            Valeur::Date(d) => f.write_str(&date_fr(*d)),
            Valeur::Nombre(n) => write!(f, "{n}"),
            Valeur::Statique(s) => f.write_str(s),
            Valeur::Partage(s) => f.write_str(s),
            Valeur::Ligne(l, o) => write!(f, "Ligne {l} ({})", o.label()),
            Valeur::Periode(p) => match p {
                Periode::AnneeCivile => f.write_str("par année civile"),
                Periode::AnneesCiviles { n } => write!(f, "sur {n} années civiles"),
                Periode::Glissante { mois } => write!(f, "sur {mois} mois"),
                Periode::ParActe => f.write_str("par acte ou traitement"),
            },
            Valeur::Texte(t) => write!(f, "{t}"),
        }
    }
}

impl fmt::Display for Valeur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.ecrire(f)
    }
}

impl From<Texte> for Valeur {
    fn from(t: Texte) -> Self {
        Valeur::Texte(Box::new(t))
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

impl From<Arc<str>> for Valeur {
    fn from(s: Arc<str>) -> Self {
        Valeur::Partage(s)
    }
}

impl From<&Arc<str>> for Valeur {
    fn from(s: &Arc<str>) -> Self {
        Valeur::Partage(s.clone())
    }
}

impl From<String> for Valeur {
    fn from(s: String) -> Self {
        Valeur::Partage(s.into())
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

#[derive(Debug, Clone)]
enum Forme {
    Modele(&'static str, SmallVec<[Valeur; 4]>),
    Statique(&'static str),
    Partage(Arc<str>),
}

/// The formula of an explanation line, written out when read.
#[derive(Debug, Clone)]
pub struct Texte(Forme);

impl Texte {
    /// A sentence model and its values, in the order of the holes. Use
    /// [`texte!`], which checks the count.
    pub fn modele(modele: &'static str, valeurs: SmallVec<[Valeur; 4]>) -> Self {
        debug_assert_eq!(trous(modele), valeurs.len(), "{modele}");
        Texte(Forme::Modele(modele, valeurs))
    }

    pub const fn statique(s: &'static str) -> Self {
        Texte(Forme::Statique(s))
    }
}

impl From<String> for Texte {
    fn from(s: String) -> Self {
        Texte(Forme::Partage(s.into()))
    }
}

impl From<&'static str> for Texte {
    fn from(s: &'static str) -> Self {
        Texte(Forme::Statique(s))
    }
}

impl fmt::Display for Texte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Forme::Statique(s) => f.write_str(s),
            Forme::Partage(s) => f.write_str(s),
            Forme::Modele(m, valeurs) => {
                let mut valeurs = valeurs.iter();
                let mut morceaux = m.split("{}");
                if let Some(debut) = morceaux.next() {
                    f.write_str(debut)?;
                }
                for morceau in morceaux {
                    if let Some(v) = valeurs.next() {
                        v.ecrire(f)?;
                    }
                    f.write_str(morceau)?;
                }
                Ok(())
            }
        }
    }
}

/// The reference or the source of an explanation line.
#[derive(Debug, Clone)]
pub enum Libelle {
    Statique(&'static str),
    Partage(Arc<str>),
    /// "Annexe 2, ligne 26.3.2.1".
    LigneAnnexe(Arc<str>),
}

impl Libelle {
    /// A copy of a borrowed string (an id read from the tables).
    pub fn copie(s: &str) -> Self {
        Libelle::Partage(s.into())
    }
}

impl From<&'static str> for Libelle {
    fn from(s: &'static str) -> Self {
        Libelle::Statique(s)
    }
}

impl From<Arc<str>> for Libelle {
    fn from(s: Arc<str>) -> Self {
        Libelle::Partage(s)
    }
}

impl From<&Arc<str>> for Libelle {
    fn from(s: &Arc<str>) -> Self {
        Libelle::Partage(s.clone())
    }
}

impl From<&Libelle> for Libelle {
    fn from(l: &Libelle) -> Self {
        l.clone()
    }
}

impl From<String> for Libelle {
    fn from(s: String) -> Self {
        Libelle::Partage(s.into())
    }
}

impl fmt::Display for Libelle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Libelle::Statique(s) => f.write_str(s),
            Libelle::Partage(s) => f.write_str(s),
            Libelle::LigneAnnexe(l) => write!(f, "Annexe 2, ligne {l}"),
        }
    }
}

/// A string shared by every result that shows it (act code and label, barème
/// name, Annexe line): cloning it copies no text.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chaine(Arc<str>);

impl Chaine {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The shared string, for a [`Valeur`] or a [`Libelle`].
    pub fn partage(&self) -> Arc<str> {
        self.0.clone()
    }
}

impl std::ops::Deref for Chaine {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Chaine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Chaine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Chaine {
    fn from(s: &str) -> Self {
        Chaine(s.into())
    }
}

impl From<String> for Chaine {
    fn from(s: String) -> Self {
        Chaine(s.into())
    }
}

impl PartialEq<str> for Chaine {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Chaine {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Chaine {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Chaine> for String {
    fn eq(&self, other: &Chaine) -> bool {
        **self == *other.0
    }
}

impl Serialize for Chaine {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Chaine {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Chaine(String::deserialize(d)?.into()))
    }
}

impl From<&Chaine> for Valeur {
    fn from(s: &Chaine) -> Self {
        Valeur::Partage(s.partage())
    }
}

impl From<&Chaine> for Libelle {
    fn from(s: &Chaine) -> Self {
        Libelle::Partage(s.partage())
    }
}

/// Whether `t` is written exactly `attendu` (compared as it is written,
/// without building the string).
fn lit_comme(t: &impl fmt::Display, attendu: &str) -> bool {
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

/// Serialization, comparison and reading back as plain strings, shared by
/// both types.
macro_rules! comme_une_chaine {
    ($t:ty, $depuis:expr) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Ok($depuis(s))
            }
        }

        /// Two texts are equal when they read the same.
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                lit_comme(self, &other.to_string())
            }
        }

        impl Eq for $t {}

        impl PartialEq<str> for $t {
            fn eq(&self, other: &str) -> bool {
                lit_comme(self, other)
            }
        }
    };
}

comme_une_chaine!(Texte, |s: String| Texte(Forme::Partage(s.into())));
comme_une_chaine!(Libelle, |s: String| Libelle::Partage(s.into()));

/// `texte!("AMO : {} × {} = {}", Pourcent(t), Euros(b), Euros(x))`: a
/// [`Texte`] whose count of values is checked against the holes of the
/// model at compile time.
#[macro_export]
macro_rules! texte {
    ($modele:literal) => {{
        const _: () = assert!($crate::moteur::texte::trous($modele) == 0);
        $crate::moteur::texte::Texte::statique($modele)
    }};
    ($modele:literal, $($v:expr),+ $(,)?) => {{
        const N: usize = [$(stringify!($v)),+].len();
        const _: () = assert!($crate::moteur::texte::trous($modele) == N, "nombre de valeurs");
        $crate::moteur::texte::Texte::modele(
            $modele,
            smallvec::smallvec![$($crate::moteur::texte::Valeur::from($v)),+],
        )
    }};
}

#[cfg(test)]
mod tests {
    use super::Valeur::{Euros, EurosExact, Ligne, Nombre, Pourcent};
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_model_is_written_with_its_values_in_french() {
        let t = crate::texte!(
            "AMO : {} × {} = {}, arrondi : {}",
            Pourcent(dec!(70)),
            Euros(dec!(1234.5)),
            EurosExact(dec!(864.15)),
            Euros(dec!(864.15))
        );
        assert_eq!(
            t.to_string(),
            "AMO : 70 % × 1 234,50 € = 864,15 €, arrondi : 864,15 €"
        );
        let l = crate::texte!(
            "{} : limite de {} {} le {}",
            Ligne("10".into(), Offre::Reference),
            3u32,
            "séances",
            NaiveDate::from_ymd_opt(2018, 6, 5).unwrap()
        );
        assert_eq!(
            l.to_string(),
            "Ligne 10 (MGEN Référence) : limite de 3 séances le 05/06/2018"
        );
        assert_eq!(crate::texte!("{}", Nombre(-4)).to_string(), "-4");
        assert_eq!(crate::texte!("Néant").to_string(), "Néant");
    }

    #[test]
    fn texts_serialize_compare_and_read_back_as_strings() {
        let t = crate::texte!("{} déduite", Euros(dec!(18)));
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"18,00 € déduite\"");
        let relu: Texte = serde_json::from_str("\"18,00 € déduite\"").unwrap();
        assert_eq!(relu, t);
        assert_ne!(relu, crate::texte!("{} déduite", Euros(dec!(24))));
        assert!(t == *"18,00 € déduite");
        assert!(t != *"18,00 €");
        assert!(t != *"18,00 € déduite.");
        assert!(t != *"");
        let l = Libelle::LigneAnnexe("26.3.2.1".into());
        assert_eq!(
            serde_json::to_string(&l).unwrap(),
            "\"Annexe 2, ligne 26.3.2.1\""
        );
        assert_eq!(l, Libelle::from("Annexe 2, ligne 26.3.2.1"));
    }

    #[test]
    fn holes_are_counted() {
        assert_eq!(trous(""), 0);
        assert_eq!(trous("{} − {} = {}"), 3);
        assert_eq!(trous("{}{}"), 2);
        assert_eq!(trous("{ }"), 0);
    }
}
