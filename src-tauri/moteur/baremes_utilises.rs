//! The barèmes an estimate uses: each one's name, shared by the results of
//! its acts, and its source, copied once into the journal.

use super::chaine::Chaine;
use super::journal::Journal;
use super::texte::Cle;
use crate::tarifs::Bareme;

/// Found by address (`std::ptr::eq`): the tables outlive the estimate and
/// there are one or two.
#[derive(Default)]
pub struct BaremesUtilises<'a> {
    baremes: Vec<(&'a Bareme, Chaine, Cle)>,
}

impl<'a> BaremesUtilises<'a> {
    /// The barème's name (shared) and source (in the journal).
    pub fn bareme(&mut self, b: &'a Bareme, journal: &mut Journal) -> (Chaine, Cle) {
        if let Some((_, nom, source)) = self.baremes.iter().find(|(x, ..)| std::ptr::eq(*x, b)) {
            return (nom.clone(), *source);
        }
        let nom = Chaine::from(b.nom.as_str());
        let source = journal.chaine(&b.source);
        self.baremes.push((b, nom.clone(), source));
        (nom, source)
    }

    /// The barèmes used, in the order first used.
    pub fn baremes(&self) -> impl Iterator<Item = &'a Bareme> + '_ {
        self.baremes.iter().map(|(b, ..)| *b)
    }
}
