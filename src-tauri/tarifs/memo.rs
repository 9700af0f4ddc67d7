//! What the engine derives from the tables and keeps with them, made the
//! first time it is needed ([`Memo`]): the permanent copy of the strings
//! every result cites (a barème's name, a row's Annexe reference, an act's
//! code and label).
//!
//! None of it is data: never serialized, two memos always compare equal, a
//! clone starts empty (it is made again from the clone's own data).
//!
//! [`permanente`] keeps one copy of a string for the rest of the program:
//! the results of every estimate then cite it without a reference count.
//! Only distinct texts are kept, so the memory is bounded by the tables,
//! not by how often they are loaded.

use std::collections::HashSet;
use std::fmt;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_permanent_string_is_kept_once() {
        let a = permanente(&String::from("26.3.2.1"));
        let b = permanente(&String::from("26.3.2.1"));
        assert_eq!(a, "26.3.2.1");
        assert!(std::ptr::eq(a, b));
        assert!(!std::ptr::eq(a, permanente("26.3.2.2")));
    }
}
