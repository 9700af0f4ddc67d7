//! The explanation lines of one estimate, kept in one place.
//!
//! Every line of every act under every offer goes into the estimate's
//! [`Journal`]: a list of fixed-size lines (kind, formula, reference, date
//! of effect, source), the values of their formulas, and one text buffer for
//! the strings they cite (Annexe lines, parameter ids and sources, notes,
//! messages). Nothing in a line owns memory, so writing a line is a copy and
//! dropping an estimate frees three buffers. Once the estimate is done the
//! journal is shared (`Arc`) by the act results, each of which names its
//! lines by two ranges ([`Explications`]): the lines every offer shares
//! (frais réels by default, AMO part), then this offer's MGEN lines.
//!
//! The lines are written out in French only when read: serialized (same
//! JSON as a list of `{genre, formule, reference, date_effet, source}`),
//! printed, or compared.

use super::resultat::{CodeAvertissement, GenreExplication};
use super::texte::{ecrire_modele, lit_comme, Cle, Texte, Valeur};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt::{self, Write as _};
use std::ops::Range;
use std::sync::Arc;
use ts_rs::TS;

/// A reference or a source: a fixed text, a string of the journal, or
/// "Annexe 2, ligne X" (X in the journal).
#[derive(Debug, Clone, Copy)]
pub enum Libelle {
    Statique(&'static str),
    Chaine(Cle),
    LigneAnnexe(Cle),
}

/// A string of the tables or the input to copy into the journal when the
/// line is written (a parameter id, a source).
#[derive(Debug, Clone, Copy)]
pub struct Copie<'s>(pub &'s str);

/// What a line's reference or source may be given as.
pub trait VersLibelle {
    fn vers_libelle(self, journal: &mut Journal) -> Libelle;
}

impl VersLibelle for Libelle {
    fn vers_libelle(self, _: &mut Journal) -> Libelle {
        self
    }
}

impl VersLibelle for &'static str {
    fn vers_libelle(self, _: &mut Journal) -> Libelle {
        Libelle::Statique(self)
    }
}

impl VersLibelle for Cle {
    fn vers_libelle(self, _: &mut Journal) -> Libelle {
        Libelle::Chaine(self)
    }
}

impl VersLibelle for Copie<'_> {
    fn vers_libelle(self, journal: &mut Journal) -> Libelle {
        Libelle::Chaine(journal.chaine(self.0))
    }
}

/// A formula as kept: the model and the range of its values.
#[derive(Debug, Clone, Copy)]
pub enum Formule {
    Modele {
        modele: &'static str,
        valeurs: (u32, u32),
    },
    Statique(&'static str),
    Chaine(Cle),
}

#[derive(Debug, Clone, Copy)]
struct Ligne {
    genre: GenreExplication,
    date_effet: Option<NaiveDate>,
    formule: Formule,
    reference: Libelle,
    source: Libelle,
}

/// The explanation lines and the act warnings of one estimate (see the
/// module doc).
#[derive(Debug, Default)]
pub struct Journal {
    lignes: Vec<Ligne>,
    avertissements: Vec<(CodeAvertissement, Formule)>,
    valeurs: Vec<Valeur>,
    texte: String,
}

impl Journal {
    /// Room for about `lignes` lines.
    pub fn avec_capacite(lignes: usize) -> Self {
        Journal {
            lignes: Vec::with_capacity(lignes),
            avertissements: Vec::with_capacity(lignes / 16),
            valeurs: Vec::with_capacity(lignes * 4),
            texte: String::with_capacity(lignes * 32),
        }
    }

    /// Copies a string into the journal.
    pub fn chaine(&mut self, s: &str) -> Cle {
        let debut = self.texte.len() as u32;
        self.texte.push_str(s);
        Cle {
            debut,
            fin: self.texte.len() as u32,
        }
    }

    /// Writes formatted text into the journal (`format_args!`).
    pub fn ecrire(&mut self, args: fmt::Arguments<'_>) -> Cle {
        let debut = self.texte.len() as u32;
        // Writing into a String cannot fail.
        let _ = self.texte.write_fmt(args);
        Cle {
            debut,
            fin: self.texte.len() as u32,
        }
    }

    /// Writes a text out into the journal (a text within a text).
    pub fn ecrire_texte(&mut self, t: Texte<'_>) -> Cle {
        let mut s = String::with_capacity(128);
        let _ = t.ecrire(&self.texte, &mut s);
        self.chaine(&s)
    }

    /// The string a key names.
    pub fn lire(&self, c: Cle) -> &str {
        c.dans(&self.texte)
    }

    /// Where the next line goes.
    pub fn position(&self) -> u32 {
        self.lignes.len() as u32
    }

    /// Where the next warning goes.
    pub fn position_avertissements(&self) -> u32 {
        self.avertissements.len() as u32
    }

    /// Whether a warning of `code` is among those of `plage`.
    pub fn a_averti(&self, plage: std::ops::Range<u32>, code: CodeAvertissement) -> bool {
        self.avertissements[plage.start as usize..plage.end as usize]
            .iter()
            .any(|(c, _)| *c == code)
    }

    /// Adds a warning about an act.
    pub fn avertir(&mut self, code: CodeAvertissement, message: Texte<'_>) {
        let message = self.formule(message);
        self.avertissements.push((code, message));
    }

    fn formule(&mut self, t: Texte<'_>) -> Formule {
        match t {
            Texte::Statique(s) => Formule::Statique(s),
            Texte::Chaine(c) => Formule::Chaine(c),
            Texte::Modele { modele, valeurs } => {
                let debut = self.valeurs.len() as u32;
                self.valeurs.extend_from_slice(valeurs);
                Formule::Modele {
                    modele,
                    valeurs: (debut, self.valeurs.len() as u32),
                }
            }
        }
    }

    /// Adds a line.
    pub fn noter(
        &mut self,
        genre: GenreExplication,
        formule: Texte<'_>,
        reference: impl VersLibelle,
        date_effet: Option<NaiveDate>,
        source: impl VersLibelle,
    ) {
        let reference = reference.vers_libelle(self);
        let source = source.vers_libelle(self);
        let formule = self.formule(formule);
        self.lignes.push(Ligne {
            genre,
            date_effet,
            formule,
            reference,
            source,
        });
    }

    fn avertissement(&self, i: u32) -> AvertissementActe<'_> {
        let (code, message) = self.avertissements[i as usize];
        AvertissementActe {
            code,
            message: Ecrit::Formule(self, message),
        }
    }

    fn explication(&self, i: u32) -> Explication<'_> {
        let l = &self.lignes[i as usize];
        Explication {
            genre: l.genre,
            formule: Ecrit::Formule(self, l.formule),
            reference: Ecrit::Libelle(self, l.reference),
            date_effet: l.date_effet,
            source: Ecrit::Libelle(self, l.source),
        }
    }
}

/// A formula, a reference or a source of the journal, as read: written out
/// by `Display`, serialized as a string, compared with a `str`.
#[derive(Clone, Copy)]
pub enum Ecrit<'a> {
    Formule(&'a Journal, Formule),
    Libelle(&'a Journal, Libelle),
}

impl fmt::Display for Ecrit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Ecrit::Formule(_, Formule::Statique(s)) => f.write_str(s),
            Ecrit::Formule(j, Formule::Chaine(c)) => f.write_str(j.lire(c)),
            Ecrit::Formule(j, Formule::Modele { modele, valeurs }) => ecrire_modele(
                modele,
                &j.valeurs[valeurs.0 as usize..valeurs.1 as usize],
                &j.texte,
                f,
            ),
            Ecrit::Libelle(_, Libelle::Statique(s)) => f.write_str(s),
            Ecrit::Libelle(j, Libelle::Chaine(c)) => f.write_str(j.lire(c)),
            Ecrit::Libelle(j, Libelle::LigneAnnexe(c)) => {
                write!(f, "Annexe 2, ligne {}", j.lire(c))
            }
        }
    }
}

impl fmt::Debug for Ecrit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_string())
    }
}

impl Serialize for Ecrit<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl PartialEq<str> for Ecrit<'_> {
    fn eq(&self, other: &str) -> bool {
        lit_comme(self, other)
    }
}

impl PartialEq<&str> for Ecrit<'_> {
    fn eq(&self, other: &&str) -> bool {
        lit_comme(self, other)
    }
}

/// Two texts are equal when they read the same.
impl PartialEq for Ecrit<'_> {
    fn eq(&self, other: &Self) -> bool {
        lit_comme(self, &other.to_string())
    }
}

/// One line of the explanation of an amount, as read from the journal.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(rename = "Explication")]
pub struct Explication<'a> {
    pub genre: GenreExplication,
    /// French text with the numbers ("70 % × 25,00 € = 17,50 €").
    #[ts(type = "string")]
    pub formule: Ecrit<'a>,
    /// Annexe line ("Annexe 2, ligne 2.1") or AMO parameter id ("taux.medecin").
    #[ts(type = "string")]
    pub reference: Ecrit<'a>,
    /// Date of effect of the value used (barème or parameter value).
    #[ts(type = "string | null")]
    pub date_effet: Option<NaiveDate>,
    /// Where the value comes from.
    #[ts(type = "string")]
    pub source: Ecrit<'a>,
}

/// A warning about an act, as read from the journal (the same JSON as
/// [`Avertissement`](super::resultat::Avertissement)).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AvertissementActe<'a> {
    pub code: CodeAvertissement,
    pub message: Ecrit<'a>,
}

/// A line read back from JSON (history).
#[derive(Deserialize)]
struct ExplicationLue {
    genre: GenreExplication,
    formule: String,
    reference: String,
    date_effet: Option<NaiveDate>,
    source: String,
}

/// What an act result names in the journal: the items every offer shares
/// (from the AMO part), then this offer's own; no journal until the
/// estimate is done ([`Plages::relier`]).
#[derive(Debug, Clone)]
struct Plages {
    journal: Option<Arc<Journal>>,
    communes: Range<u32>,
    propres: Range<u32>,
}

impl Plages {
    fn indices(&self) -> impl Iterator<Item = (&Journal, u32)> + '_ {
        let indices = match &self.journal {
            Some(_) => self.communes.clone().chain(self.propres.clone()),
            None => (0..0).chain(0..0),
        };
        indices.filter_map(move |i| self.journal.as_deref().map(|j| (j, i)))
    }

    fn len(&self) -> usize {
        match self.journal {
            Some(_) => self.communes.len() + self.propres.len(),
            None => 0,
        }
    }

    fn relier(&mut self, journal: &Arc<Journal>) {
        // An empty list needs no journal (most acts have no warning): one
        // reference count less to take and give back.
        if !(self.communes.is_empty() && self.propres.is_empty()) {
            self.journal = Some(journal.clone());
        }
    }

    fn relues(j: Journal, n: u32) -> Self {
        Plages {
            journal: Some(Arc::new(j)),
            communes: 0..0,
            propres: 0..n,
        }
    }
}

/// A list of journal items as an act result holds it: read in order,
/// serialized as a JSON list, compared item by item, read back from JSON.
macro_rules! liste_du_journal {
    ($(#[$doc:meta])* $nom:ident, $item:ident, $lire:ident, $relire:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $nom(Plages);

        impl $nom {
            /// The items of an act in a journal still being written.
            pub fn en_attente(communes: Range<u32>, propres: Range<u32>) -> Self {
                $nom(Plages {
                    journal: None,
                    communes,
                    propres,
                })
            }

            /// Gives the finished journal.
            pub fn relier(&mut self, journal: &Arc<Journal>) {
                self.0.relier(journal);
            }

            /// The items in order: shared ones first.
            pub fn iter(&self) -> impl Iterator<Item = $item<'_>> + '_ {
                self.0.indices().map(|(j, i)| j.$lire(i))
            }

            pub fn len(&self) -> usize {
                self.0.len()
            }

            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }
        }

        impl PartialEq for $nom {
            fn eq(&self, other: &Self) -> bool {
                self.iter().eq(other.iter())
            }
        }

        impl Eq for $nom {}

        impl Serialize for $nom {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.iter())
            }
        }

        impl<'de> Deserialize<'de> for $nom {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let (j, n) = $relire(d)?;
                Ok($nom(Plages::relues(j, n)))
            }
        }
    };
}

liste_du_journal!(
    /// The explanation of an act under one offer: the lines every offer
    /// shares (frais réels by default, AMO part), then this offer's MGEN
    /// lines. Serialized as one list.
    Explications,
    Explication,
    explication,
    relire_explications
);

liste_du_journal!(
    /// The warnings about an act under one offer: those of the AMO part,
    /// then this offer's. Serialized as one list.
    Avertissements,
    AvertissementActe,
    avertissement,
    relire_avertissements
);

fn relire_explications<'de, D: Deserializer<'de>>(d: D) -> Result<(Journal, u32), D::Error> {
    let lues = Vec::<ExplicationLue>::deserialize(d)?;
    let mut j = Journal::avec_capacite(lues.len());
    for l in &lues {
        let formule = j.chaine(&l.formule);
        let reference = j.chaine(&l.reference);
        let source = j.chaine(&l.source);
        j.noter(l.genre, formule.into(), reference, l.date_effet, source);
    }
    let n = j.position();
    Ok((j, n))
}

fn relire_avertissements<'de, D: Deserializer<'de>>(d: D) -> Result<(Journal, u32), D::Error> {
    let lus = Vec::<super::resultat::Avertissement>::deserialize(d)?;
    let mut j = Journal::avec_capacite(0);
    for a in &lus {
        let message = j.chaine(&a.message);
        j.avertir(a.code, message.into());
    }
    let n = j.position_avertissements();
    Ok((j, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::moteur::texte::Valeur::{Euros, EurosExact, Ligne, Nombre, Pourcent};
    use crate::texte;
    use rust_decimal_macros::dec;

    fn une_ligne(j: &mut Journal, t: Texte<'_>) -> Explications {
        let debut = j.position();
        j.noter(GenreExplication::Calcul, t, "réf", None, "source");
        Explications::en_attente(0..0, debut..j.position())
    }

    fn lu(j: Journal, mut e: Explications) -> String {
        e.relier(&Arc::new(j));
        let s = e.iter().next().map(|l| l.formule.to_string());
        s.unwrap_or_default()
    }

    #[test]
    fn a_model_is_written_with_its_values_in_french() {
        let mut j = Journal::default();
        let e = une_ligne(
            &mut j,
            texte!(
                "AMO : {} × {} = {}, arrondi : {}",
                Pourcent(dec!(70)),
                Euros(dec!(1234.5)),
                EurosExact(dec!(864.15)),
                Euros(dec!(864.15))
            ),
        );
        assert_eq!(
            lu(j, e),
            "AMO : 70 % × 1 234,50 € = 864,15 €, arrondi : 864,15 €"
        );
        let mut j = Journal::default();
        let dix = j.chaine("10");
        let e = une_ligne(
            &mut j,
            texte!(
                "{} : limite de {} {} le {}",
                Ligne(dix, "MGEN Référence"),
                3u32,
                "séances",
                NaiveDate::from_ymd_opt(2018, 6, 5).unwrap()
            ),
        );
        assert_eq!(
            lu(j, e),
            "Ligne 10 (MGEN Référence) : limite de 3 séances le 05/06/2018"
        );
        let mut j = Journal::default();
        let e = une_ligne(&mut j, texte!("{}", Nombre(-4)));
        assert_eq!(lu(j, e), "-4");
    }

    #[test]
    fn lines_serialize_compare_and_read_back_as_strings() {
        let mut j = Journal::default();
        let annexe = j.chaine("26.3.2.1");
        let debut = j.position();
        j.noter(
            GenreExplication::Plafond,
            texte!("{} déduite", Euros(dec!(18))),
            Libelle::LigneAnnexe(annexe),
            NaiveDate::from_ymd_opt(2018, 1, 1),
            "Statuts",
        );
        let mut e = Explications::en_attente(debut..j.position(), 0..0);
        e.relier(&Arc::new(j));
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"[{"genre":"plafond","formule":"18,00 € déduite","reference":"Annexe 2, ligne 26.3.2.1","date_effet":"2018-01-01","source":"Statuts"}]"#
        );
        let relu: Explications = serde_json::from_str(&json).unwrap();
        assert_eq!(relu, e);
        assert_eq!(serde_json::to_string(&relu).unwrap(), json);
        let l = e.iter().next().unwrap();
        assert!(l.formule == "18,00 € déduite");
        assert!(l.formule != "18,00 €");
        let autre: Explications = serde_json::from_str(&json.replace("18,00", "24,00")).unwrap();
        assert_ne!(autre, e);
    }

    #[test]
    fn warnings_serialize_and_read_back_as_code_and_message() {
        let mut j = Journal::default();
        let ligne = j.chaine("8");
        j.avertir(CodeAvertissement::Information, texte!("commun"));
        let debut = j.position_avertissements();
        j.avertir(
            CodeAvertissement::EnveloppeEpuisee,
            texte!(
                "{} : enveloppe épuisée pour {}",
                Ligne(ligne, "MGEN Initiale"),
                2018u32
            ),
        );
        let mut a = Avertissements::en_attente(0..debut, debut..j.position_avertissements());
        a.relier(&Arc::new(j));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"[{"code":"information","message":"commun"},{"code":"enveloppe_epuisee","message":"Ligne 8 (MGEN Initiale) : enveloppe épuisée pour 2018"}]"#
        );
        let relu: Avertissements = serde_json::from_str(&json).unwrap();
        assert_eq!(relu, a);
        assert_eq!(relu.len(), 2);
    }

    #[test]
    fn an_unlinked_list_reads_empty() {
        let mut j = Journal::default();
        let e = une_ligne(&mut j, texte!("x"));
        assert!(e.is_empty());
        assert_eq!(e.iter().count(), 0);
    }
}
