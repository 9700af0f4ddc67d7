//! A string shared by the results that show it (act code and label, barème
//! name, Annexe line): the four offers' results of an act hold the same
//! text; cloning it copies no text.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

/// A string shared by every result that shows it (act code and label, barème
/// name, Annexe line): cloning it copies no text.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chaine(Arc<str>);

impl Chaine {
    pub fn as_str(&self) -> &str {
        &self.0
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

impl From<Arc<str>> for Chaine {
    fn from(s: Arc<str>) -> Self {
        Chaine(s)
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

/// A list of shared strings held once for the results that show it (an
/// act's Annexe lines, the same under every offer). Reads as a slice;
/// serialized as a list of strings.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Chaines(Arc<[Chaine]>);

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

impl fmt::Debug for Chaines {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Chaines {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

impl<'de> Deserialize<'de> for Chaines {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Chaines::from(Vec::<Chaine>::deserialize(d)?))
    }
}
