//! What the engine derives from the tables and keeps with them, made the
//! first time it is needed: an index of a list by name (a barème's rows by
//! Annexe line, the catalogue's acts by code) and shared copies of strings
//! every result cites.
//!
//! None of it is data: never serialized, two memos always compare equal, a
//! clone starts empty (it is made again from the clone's own data). The
//! tables are read-only once loaded; an index whose list changed length is
//! ignored (lookups scan), and items are always checked against the name,
//! so an index can only miss, never return a wrong item.
//!
//! Scanning the 178 rows of a barème (or the 92 acts of the catalogue)
//! comparing strings, and allocating the same strings for every act, were
//! a tenth of an estimate's time.
//!
//! [`permanente`] keeps one copy of a string for the rest of the program
//! (act codes and labels, barème names, Annexe line references): the
//! results of every estimate then cite it without a reference count. Only
//! distinct texts are kept, so the memory is bounded by the tables, not by
//! how often they are loaded.

use std::collections::HashMap;
use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Mutex, OnceLock};

/// The one copy of `s` kept for the rest of the program (made the first
/// time this text is asked for).
pub fn permanente(s: &str) -> &'static str {
    static TEXTES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    // A poisoned lock only means another thread panicked while inserting:
    // the set is still valid.
    let mut textes = TEXTES.lock().unwrap_or_else(|e| e.into_inner());
    let textes = textes.get_or_insert_with(HashSet::new);
    match textes.get(s) {
        Some(t) => t,
        None => {
            let t: &'static str = Box::leak(s.into());
            textes.insert(t);
            t
        }
    }
}

/// A value derived from the data, made on first use.
pub struct Memo<T>(OnceLock<T>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(OnceLock::new())
    }
}

impl<T> Memo<T> {
    pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(f)
    }
}

impl<T> Clone for Memo<T> {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

impl<T> PartialEq for Memo<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Memo<T> {}

impl<T> fmt::Debug for Memo<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Memo")
    }
}

/// A hash of a name from its length and its first and last eight bytes:
/// the names (Annexe lines, act codes, parameter ids) differ there, and
/// hashing every byte (SipHash, FNV) cost more than the lookup. A collision
/// only costs a comparison: keys are compared whole.
#[derive(Default)]
struct HashNom(u64);

impl Hasher for HashNom {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let huit = |b: &[u8]| b.iter().fold(0u64, |h, &x| (h << 8) | u64::from(x));
        let n = bytes.len();
        let debut = huit(&bytes[..n.min(8)]);
        let fin = huit(&bytes[n.saturating_sub(8)..]);
        let h = self.0.rotate_left(7) ^ debut ^ fin.rotate_left(29) ^ n as u64;
        self.0 = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type Positions = HashMap<Box<str>, Vec<u32>, BuildHasherDefault<HashNom>>;

/// Positions of the items of each name, built on first use.
#[derive(Default, Clone, PartialEq, Eq, Debug)]
pub struct IndexParNom {
    positions: Memo<(usize, Positions)>,
}

impl IndexParNom {
    /// The first item named `nom` (in list order) that `choisir` accepts;
    /// `nom_de` gives an item's name.
    pub fn chercher<'a, T>(
        &self,
        items: &'a [T],
        nom: &str,
        nom_de: impl Fn(&T) -> &str,
        mut choisir: impl FnMut(&T) -> bool,
    ) -> Option<&'a T> {
        let (n, positions) = self.positions.get_or_init(|| {
            let mut m = Positions::default();
            for (i, item) in items.iter().enumerate() {
                m.entry(nom_de(item).into()).or_default().push(i as u32);
            }
            (items.len(), m)
        });
        let mut retenu = |item: &&'a T| nom_de(item) == nom && choisir(item);
        if *n == items.len() {
            positions
                .get(nom)?
                .iter()
                .filter_map(|&i| items.get(i as usize))
                .find(&mut retenu)
        } else {
            items.iter().find(retenu)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nom<'a>(s: &'a (&'static str, u32)) -> &'a str {
        s.0
    }

    #[test]
    fn finds_the_first_accepted_item_of_a_name() {
        let items = [("2.1", 1), ("25", 2), ("2.1", 3), ("26.3.2.1", 4)];
        let index = IndexParNom::default();
        let premier = index.chercher(&items, "2.1", nom, |_| true);
        assert_eq!(premier, Some(&("2.1", 1)));
        let second = index.chercher(&items, "2.1", nom, |i| i.1 > 1);
        assert_eq!(second, Some(&("2.1", 3)));
        assert_eq!(index.chercher(&items, "25", nom, |i| i.1 > 2), None);
        assert_eq!(index.chercher(&items, "26", nom, |_| true), None);
    }

    #[test]
    fn names_alike_at_both_ends_are_told_apart() {
        // Same length, same first and last eight bytes: same hash.
        let items = [
            ("participation_X_plafond", 1),
            ("participation_Y_plafond", 2),
        ];
        let index = IndexParNom::default();
        let y = index.chercher(&items, "participation_Y_plafond", nom, |_| true);
        assert_eq!(y, Some(&("participation_Y_plafond", 2)));
        assert_eq!(
            index.chercher(&items, "participation_Z_plafond", nom, |_| true),
            None
        );
    }

    #[test]
    fn a_permanent_string_is_kept_once() {
        let a = permanente(&String::from("26.3.2.1"));
        let b = permanente(&String::from("26.3.2.1"));
        assert_eq!(a, "26.3.2.1");
        assert!(std::ptr::eq(a, b));
        assert!(!std::ptr::eq(a, permanente("26.3.2.2")));
    }

    #[test]
    fn a_list_that_changed_length_is_scanned() {
        let mut items = vec![("1", 1), ("2", 2)];
        let index = IndexParNom::default();
        assert_eq!(index.chercher(&items, "3", nom, |_| true), None);
        items.push(("3", 3));
        assert_eq!(index.chercher(&items, "3", nom, |_| true), Some(&("3", 3)));
    }

    #[test]
    fn a_clone_builds_its_own_index() {
        let items = [("a", 1)];
        let index = IndexParNom::default();
        assert_eq!(index.chercher(&items, "a", nom, |_| true), Some(&("a", 1)));
        let autres = [("b", 2), ("a", 3)];
        let copie = index.clone();
        assert_eq!(copie.chercher(&autres, "a", nom, |_| true), Some(&("a", 3)));
        assert_eq!(index, copie);
    }
}
