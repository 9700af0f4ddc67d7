//! Types of the MGEN prestations table (Annexe 2 of the Statuts et
//! Règlements) once read from its data file.
//!
//! A [`Bareme`] is one version of the table (e.g. "applicable au 1er janvier
//! 2018"). It holds [`Ligne`]s: one per printed line or sub-line of the
//! Annexe *and per variant the table distinguishes* (age band, OPTAM or not,
//! parcours or not, network or not, conventionné or not, kind of stay, lens
//! type…). Each line has exactly one [`Cellule`] per [`Offre`] the grid
//! declares ([`Bareme::offres`], in its column order).
//!
//! Variants are a small string map (`variante`): the same keys are used by
//! the data files, the engine and the CLI output. Known keys and values:
//! - `parcours`: `dans` | `hors`
//! - `optam`: `oui` | `non`
//! - `reseau` (OPTISTYA / AUDISTYA): `oui` | `non`
//! - `conventionne` (MGEN-conventionné establishment or professional): `oui` | `non`
//! - `age`: a band as printed, `<18`, `>=18`, `<20`, `>=20`, `<6`, `<16`
//! - `sejour`: `mco` | `maternite` | `psychiatrie` | `ssr`
//! - `taux_amo`: `65` | `30` | `15` (medicines)
//! - `rembourse` (by the Sécurité sociale): `oui` | `non`
//! - `dent`: `incisive_canine_premolaire` | `molaire`
//! - `element`, `materiau`, `verre`, `rang`… for the dental and optical rows
//!   (free values, documented next to the line in the data file)
//! - also used by `assets/tarifs/annexe2-2018.toml`: `age` `>70` (line 24),
//!   `cecite` `oui`|`non` and `handicap` `oui` (lines 24, 29), `poste` (the
//!   sub-item of a line: line 20 `ticket_moderateur` | `participation_forfaitaire`
//!   | `depassement`; line 21 `frais_de_sejour` | `forfait_journalier_hospitalier`
//!   | `forfait_journalier_psychiatrie`; line 29 `entretien_reparation`),
//!   `equipement` (line 25: `verre` | `monture` | `lentilles` | `supplement` |
//!   `chirurgie_refractive` | `vision_telescopique`), `supplement`, `dents`
//!   (`1-7` | `8-14`, line 26.4.2), `debut` (`avant_16_ans` | `apres_16_ans`,
//!   line 26.8.1.2). A key absent from a row means the table does not
//!   distinguish it there (e.g. frames: same amount in or out of the network).
//!
//! An empty map means the line has no variant.

use super::memo::{permanente, Memo};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// An offer of a grid, named by its code as the file writes it
/// (`reference`, `essentielle`…). Which offers exist, their order (the
/// table's columns) and their printed names are data of each grid
/// ([`Bareme::offres`]); a file without `[[offres]]` has the four of the
/// 2018 Annexe ([`offres_2018`]).
///
/// Deliberately not `Ord`: a map keyed by offer must keep the grid's
/// column order ([`ParOffre`]), never the alphabetical one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, TS)]
pub struct Offre(#[ts(type = "string")] &'static str);

/// Longest offer code accepted (a code is an identifier, not a text).
pub const CODE_OFFRE_MAX: usize = 40;

impl Offre {
    pub const INITIALE: Offre = Offre("initiale");
    pub const EQUILIBRE: Offre = Offre("equilibre");
    pub const REFERENCE: Offre = Offre("reference");
    pub const INTEGRALE: Offre = Offre("integrale");

    /// The offer of this code, if it is one: lower-case letters without
    /// accent, digits and `_`, at most [`CODE_OFFRE_MAX`] characters. The
    /// code is kept once for the program ([`permanente`]).
    pub fn depuis_code(code: &str) -> Option<Offre> {
        let valide = !code.is_empty()
            && code.len() <= CODE_OFFRE_MAX
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        valide.then(|| Offre(permanente(code)))
    }

    /// The code, as files and JSON write it.
    pub fn code(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for Offre {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Offre {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Offre {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Offre::depuis_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "offre « {code} » : code attendu (minuscules sans accent, chiffres, _)"
            ))
        })
    }
}

/// One offer a grid declares: its code and the name printed on the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OffreBareme {
    pub code: Offre,
    /// "MGEN Référence".
    pub libelle: String,
    /// `libelle` as a permanent string (made on first use; not data).
    #[serde(skip)]
    #[ts(skip)]
    pub libelle_permanent: Memo<&'static str>,
}

impl OffreBareme {
    pub fn new(code: Offre, libelle: impl Into<String>) -> Self {
        OffreBareme {
            code,
            libelle: libelle.into(),
            libelle_permanent: Memo::default(),
        }
    }

    /// The printed name as a permanent string ([`permanente`]): every
    /// explanation that names a cell under this offer cites it.
    pub fn libelle_partage(&self) -> &'static str {
        self.libelle_permanent
            .get_or_init(|| permanente(&self.libelle))
    }
}

/// The four offers of the 2018 Annexe, in its column order: those of a
/// grid that does not declare its own.
pub fn offres_2018() -> Vec<OffreBareme> {
    vec![
        OffreBareme::new(Offre::INITIALE, "MGEN Initiale"),
        OffreBareme::new(Offre::EQUILIBRE, "MGEN Équilibre"),
        OffreBareme::new(Offre::REFERENCE, "MGEN Référence"),
        OffreBareme::new(Offre::INTEGRALE, "MGEN Intégrale"),
    ]
}

/// Values per offer, in the order they were put (the grid's column order
/// when built from a grid): serialized as a JSON object in that order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParOffre<T>(Vec<(Offre, T)>);

impl<T> Default for ParOffre<T> {
    fn default() -> Self {
        ParOffre(Vec::new())
    }
}

impl<T> ParOffre<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, offre: &Offre) -> Option<&T> {
        self.0.iter().find(|(o, _)| o == offre).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, offre: &Offre) -> Option<&mut T> {
        self.0.iter_mut().find(|(o, _)| o == offre).map(|(_, v)| v)
    }

    pub fn contains_key(&self, offre: &Offre) -> bool {
        self.get(offre).is_some()
    }

    /// Sets the value of `offre`: in place if it has one, else at the end.
    pub fn insert(&mut self, offre: Offre, valeur: T) {
        match self.get_mut(&offre) {
            Some(v) => *v = valeur,
            None => self.0.push((offre, valeur)),
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Offre, &T)> {
        self.0.iter().map(|(o, v)| (o, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = Offre> + '_ {
        self.0.iter().map(|(o, _)| *o)
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<T> FromIterator<(Offre, T)> for ParOffre<T> {
    fn from_iter<I: IntoIterator<Item = (Offre, T)>>(iter: I) -> Self {
        let mut m = ParOffre::new();
        for (o, v) in iter {
            m.insert(o, v);
        }
        m
    }
}

impl<'a, T> IntoIterator for &'a ParOffre<T> {
    type Item = (&'a Offre, &'a T);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (Offre, T)>, fn(&'a (Offre, T)) -> (&'a Offre, &'a T)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(o, v)| (o, v))
    }
}

impl<T> std::ops::Index<&Offre> for ParOffre<T> {
    type Output = T;
    fn index(&self, offre: &Offre) -> &T {
        self.get(offre)
            .unwrap_or_else(|| panic!("aucune valeur pour l'offre {offre}"))
    }
}

impl<T: Serialize> Serialize for ParOffre<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (o, v) in &self.0 {
            m.serialize_entry(o.code(), v)?;
        }
        m.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ParOffre<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = ParOffre<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("une valeur par offre { code = … }")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<ParOffre<T>, A::Error> {
                let mut m = ParOffre::new();
                while let Some((o, v)) = map.next_entry::<Offre, T>()? {
                    if m.contains_key(&o) {
                        return Err(serde::de::Error::custom(format!("offre « {o} » en double")));
                    }
                    m.insert(o, v);
                }
                Ok(m)
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// What kind of amount a cell gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// `valeur` % of the BRSS (e.g. "30 %"). Reduced "à due proportion" when
    /// the ticket modérateur is exonerated.
    PourcentageBrss,
    /// A fixed amount in euros, per [`Unite`] (e.g. "33 €/nuitée"). Never
    /// reduced on exonération ("sauf forfaits").
    Forfait,
    /// MGEN pays the ticket modérateur: BRSS × (100 − AMO rate) %.
    TicketModerateur,
    /// The forfait journalier hospitalier (or psychiatrie) in force at the
    /// date of care, taken from the AMO parameters: the 2018 table prints
    /// 18 € / 13,50 €, older than the values in force (see the cell's note).
    ForfaitJournalierEnVigueur,
    /// "Néant": no cover.
    Neant,
}

/// What a forfait is counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Unite {
    Acte,
    Seance,
    Nuitee,
    Jour,
    /// Per year of care (calendar year), e.g. "75 € / an".
    An,
    Oeil,
    Verre,
    Monture,
    Appareil,
    Semestre,
    Cure,
    Dent,
    Element,
    Prothese,
    Implant,
    Couronne,
}

/// The period over which a [`Limite`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Periode {
    /// The calendar year of the date of care.
    AnneeCivile,
    /// `n` calendar years: the year of care and the `n − 1` before it.
    AnneesCiviles { n: u32 },
    /// A rolling period of `mois` months ending at the date of care
    /// (optics: 12 or 24 months, see Annexe note ** of line 25).
    Glissante { mois: u32 },
    /// Within one act, appliance or treatment (e.g. "par dent supplémentaire
    /// jusqu'à 14 dents", "4 semestres maximum" of one orthodontic treatment).
    ParActe,
}

/// What a [`Limite`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Compteur {
    Seances,
    Appareils,
    Implants,
    Couronnes,
    /// One optical equipment (a frame and two lenses).
    Equipements,
    Semestres,
    /// Teeth on one dental appliance.
    Dents,
    /// Elements (facettes, bridge elements) in one act.
    Elements,
}

/// A count limit attached to a cell, e.g. "dans la limite de 20 séances / an".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Limite {
    pub compteur: Compteur,
    pub max: u32,
    pub periode: Periode,
}

/// What MGEN pays once a cell's limit is reached or its forfait used up
/// ("puis 80 % BRSS", "puis prise en charge du ticket modérateur").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuDela {
    pub nature: Nature,
    #[ts(type = "string | null")]
    pub valeur: Option<Decimal>,
    pub unite: Option<Unite>,
}

/// One cell: one line × one offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Cellule {
    pub nature: Nature,
    /// Percentage (30 for "30 %") or euros; `None` for Néant, ticket
    /// modérateur and the forfait journalier in force.
    #[ts(type = "string | null")]
    pub valeur: Option<Decimal>,
    /// For forfaits: what the amount is per.
    pub unite: Option<Unite>,
    /// Count limits (sessions a year, devices a year, implants over two
    /// calendar years, one equipment per 12 or 24 months…).
    pub limites: Vec<Limite>,
    /// Id of a shared envelope: every cell with the same id, for the same
    /// offer, draws on one amount (the cell's `valeur`, per year). E.g.
    /// "se_soigner_autrement" for lines 10–14.
    pub enveloppe: Option<String>,
    /// "130 € / œil ou ticket modérateur si supérieur": pay the greater of
    /// the forfait and the ticket modérateur.
    pub ou_ticket_moderateur_si_superieur: bool,
    /// What is paid beyond the limit or forfait, if anything.
    pub au_dela: Option<AuDela>,
    /// The cell as printed in the seed, for display and review ("33 €/nuitée").
    pub texte: String,
    /// How an ambiguous cell was read; a cell with a note is printed with
    /// "lecture à confirmer".
    pub note: Option<String>,
}

impl Cellule {
    /// Whether an amount computed from this cell must carry "lecture à confirmer".
    pub fn a_confirmer(&self) -> bool {
        self.note.is_some()
    }
}

/// One printed line (or sub-line, or variant row) of Annexe 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Ligne {
    /// The Annexe reference as printed: "1", "2.1", "22.2", "26.3.2.1", "29".
    pub ligne: String,
    /// The table section as advisers know it ("ACTES MÉDICAUX COURANTS",
    /// "PHARMACIE", "HOSPITALISATION", "OPTIQUE", "DENTAIRE", …).
    pub section: String,
    /// French label, in our words.
    pub libelle: String,
    /// The variant this row covers (empty when none).
    pub variante: BTreeMap<String, String>,
    /// Exactly one cell per offer of the grid, in its column order.
    #[ts(type = "{ [key in Offre]?: Cellule }")]
    pub cellules: ParOffre<Cellule>,
    /// Where in the seed the line is (e.g. "Annexe 2, DENTAIRE, 26.3.2.1").
    pub source: String,
    /// The Sécurité sociale LPP codes printed next to the row (optics, line
    /// 25); empty elsewhere.
    #[serde(default)]
    pub codes_lpp: Vec<String>,
    /// `ligne` as a permanent string (made on first use; not data).
    #[serde(skip)]
    #[ts(skip)]
    pub ligne_partagee: Memo<&'static str>,
}

impl Ligne {
    /// The Annexe reference as a permanent string ([`permanente`]): the
    /// results of every act that cites the row share it.
    pub fn reference_partagee(&self) -> &'static str {
        self.ligne_partagee.get_or_init(|| permanente(&self.ligne))
    }
}

/// One version of the MGEN table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Bareme {
    /// E.g. "MGEN Annexe 2 — 2018".
    pub nom: String,
    /// First day the table applies ("applicable au 1er janvier 2018").
    #[ts(type = "string")]
    pub en_vigueur_le: NaiveDate,
    /// The document it comes from.
    pub source: String,
    /// The offers, in the table's column order, with their printed names.
    #[serde(default = "offres_2018")]
    pub offres: Vec<OffreBareme>,
    pub lignes: Vec<Ligne>,
    /// `nom` as a permanent string (made on first use; not data).
    #[serde(skip)]
    #[ts(skip)]
    pub nom_permanent: Memo<&'static str>,
}

impl Bareme {
    /// A version with the four offers of 2018 ([`offres_2018`]); see
    /// [`Bareme::avec_offres`] for a grid that declares its own.
    pub fn new(nom: String, en_vigueur_le: NaiveDate, source: String, lignes: Vec<Ligne>) -> Self {
        Bareme {
            nom,
            en_vigueur_le,
            source,
            offres: offres_2018(),
            lignes,
            nom_permanent: Memo::default(),
        }
    }

    /// The same version with these offers (in column order).
    pub fn avec_offres(mut self, offres: Vec<OffreBareme>) -> Self {
        self.offres = offres;
        self
    }

    /// The offers' codes, in column order.
    pub fn codes_offres(&self) -> impl Iterator<Item = Offre> + '_ {
        self.offres.iter().map(|o| o.code)
    }

    /// The offer of this code, if the grid declares it.
    pub fn offre(&self, offre: Offre) -> Option<&OffreBareme> {
        self.offres.iter().find(|o| o.code == offre)
    }

    /// The printed name of an offer ("MGEN Référence"); its code when the
    /// grid does not declare it.
    pub fn libelle(&self, offre: Offre) -> &'static str {
        self.offre(offre)
            .map_or(offre.code(), OffreBareme::libelle_partage)
    }

    /// The name as a permanent string ([`permanente`]): the results of
    /// every act estimated with this barème cite it.
    pub fn nom_partage(&self) -> &'static str {
        self.nom_permanent.get_or_init(|| permanente(&self.nom))
    }

    /// The first row of an Annexe line (in table order) that `choisir`
    /// accepts.
    pub fn rangee(&self, ligne: &str, mut choisir: impl FnMut(&Ligne) -> bool) -> Option<&Ligne> {
        self.lignes.iter().find(|l| l.ligne == ligne && choisir(l))
    }

    /// The line with this Annexe reference whose variant is exactly `variante`.
    pub fn ligne(&self, ligne: &str, variante: &BTreeMap<String, String>) -> Option<&Ligne> {
        self.rangee(ligne, |l| &l.variante == variante)
    }

    /// The cell of this line / variant for the offer.
    pub fn cellule(
        &self,
        ligne: &str,
        variante: &BTreeMap<String, String>,
        offre: Offre,
    ) -> Option<&Cellule> {
        self.ligne(ligne, variante)?.cellules.get(&offre)
    }
}

/// Builds a variant map from pairs (handy in code and tests).
pub fn variante<const N: usize>(pairs: [(&str, &str); N]) -> BTreeMap<String, String> {
    pairs
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
