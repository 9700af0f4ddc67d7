//! A string shared by the results that show it (act code and label, barème
//! name, Annexe line): the four offers' results of an act hold the same
//! text; cloning it copies no text. The tables' strings (codes, labels,
//! barème names, line references) are kept once for the rest of the program
//! (`tarifs::memo::permanente`): theirs are not even reference-counted.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

/// A string shared by every result that shows it (act code and label, barème
/// name, Annexe line): cloning it copies no text. Compared by its text.
#[derive(Clone)]
pub struct Chaine(Texte);

#[derive(Clone)]
enum Texte {
    Permanent(&'static str),
    Partage(Arc<str>),
}

impl Chaine {
    /// A string that lives as long as the program (no reference count).
    pub fn permanente(s: &'static str) -> Self {
        Chaine(Texte::Permanent(s))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Texte::Permanent(s) => s,
            Texte::Partage(s) => s,
        }
    }
}

impl PartialEq for Chaine {
    fn eq(&self, other: &Chaine) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Chaine {}

impl std::hash::Hash for Chaine {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl PartialOrd for Chaine {
    fn partial_cmp(&self, other: &Chaine) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Chaine {
    fn cmp(&self, other: &Chaine) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::ops::Deref for Chaine {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Chaine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Chaine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Chaine {
    fn from(s: &str) -> Self {
        Chaine(Texte::Partage(s.into()))
    }
}

impl From<String> for Chaine {
    fn from(s: String) -> Self {
        Chaine(Texte::Partage(s.into()))
    }
}

impl PartialEq<str> for Chaine {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Chaine {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Chaine {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Chaine> for String {
    fn eq(&self, other: &Chaine) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for Chaine {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Chaine {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Chaine::from(String::deserialize(d)?))
    }
}

/// A list of shared strings held once for the results that show it (an
/// act's Annexe lines, the same under every offer). Reads as a slice;
/// serialized as a list of strings.
#[derive(Clone, Default)]
pub struct Chaines(Arc<[Chaine]>);

impl Chaines {
    /// The distinct strings of `chaines`, in order of first appearance.
    pub fn distinctes<'r>(chaines: impl Iterator<Item = &'r Chaine>) -> Self {
        let mut distinctes: Vec<Chaine> = Vec::new();
        for c in chaines {
            if !distinctes.contains(c) {
                distinctes.push(c.clone());
            }
        }
        Chaines(distinctes.into())
    }
}

impl From<Vec<Chaine>> for Chaines {
    fn from(v: Vec<Chaine>) -> Self {
        Chaines(v.into())
    }
}

impl std::ops::Deref for Chaines {
    type Target = [Chaine];
    fn deref(&self) -> &[Chaine] {
        &self.0
    }
}

impl PartialEq for Chaines {
    fn eq(&self, other: &Chaines) -> bool {
        **self == **other
    }
}

impl Eq for Chaines {}

impl fmt::Debug for Chaines {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl Serialize for Chaines {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Chaines {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Chaines::from(Vec::<Chaine>::deserialize(d)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_keeps_each_string_once_in_order() {
        let c = |s: &str| Chaine::from(s);
        let (a, b, d) = (c("2.1"), c("25"), c("26.3.2.1"));
        let l = |v: &[&Chaine]| Chaines::distinctes(v.iter().copied());
        assert!(l(&[]).is_empty());
        assert_eq!(&*l(&[&a, &a]), &[a.clone()][..]);
        assert_eq!(
            &*l(&[&a, &b, &a, &d, &b]),
            &[a.clone(), b.clone(), d.clone()][..]
        );
        assert_eq!(&*l(&[&b, &a]), &[b.clone(), a.clone()][..]);
        assert_eq!(l(&[&a, &b]), Chaines::from(vec![a.clone(), b.clone()]));
        assert_eq!(serde_json::to_string(&l(&[&d])).unwrap(), r#"["26.3.2.1"]"#);
        let relue: Chaines = serde_json::from_str(r#"["2.1","25"]"#).unwrap();
        assert_eq!(relue, l(&[&a, &b]));
    }

    #[test]
    fn a_permanent_string_equals_a_shared_one() {
        assert_eq!(
            Chaine::permanente("consultation"),
            Chaine::from("consultation")
        );
        assert_eq!(Chaine::permanente("x").as_str(), "x");
    }
}
