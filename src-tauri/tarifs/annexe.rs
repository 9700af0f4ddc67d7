//! Reading an Annexe 2 tariff file (TOML, format documented at the top of
//! `assets/tarifs/annexe2-2018.toml`) into a [`Bareme`], cell by cell, with
//! errors naming the file, the line of the file and the field.
//!
//! Each offer cell is written as printed (`reference = "33 €/nuitée"`) and
//! read by [`cell_text`](super::cell_text); a cell whose printed text says
//! more than an amount and a unit (a limit, a "puis …") is a table with
//! `texte` plus `limites` / `au_dela`. Line-level `unite`, `limites`,
//! `enveloppe` and `note` apply to every cell of the line that does not set
//! its own (limits and envelopes only to cells that pay something).
//! Cross-line checks (duplicates, envelopes, repeated cells) are in
//! [`validate`](super::validate).

use super::cell_text::{self, Lecture};
use super::erreur::TarifError;
use super::model::{
    offres_2018, AuDela, Bareme, Cellule, Compteur, Ligne, Limite, Nature, Offre, OffreBareme,
    ParOffre, Periode,
};
use super::validate;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;
use toml::Spanned;

/// Largest tariff file accepted, checked before anything is parsed. The 2018
/// file is about 0,1 Mo; a file many times larger is not a tariff table.
pub const TAILLE_MAX: usize = 2 * 1024 * 1024;

/// A file read and validated: the [`Bareme`] plus what only the file knows.
#[derive(Debug, Clone)]
pub struct FichierLu {
    pub bareme: Bareme,
    /// One entry per line of `bareme.lignes`, same order.
    pub details: Vec<DetailLigne>,
}

/// Where a line sits in its file, and which of its cells repeat a value the
/// Annexe prints once for several rows (lines 11–14 share the forfait
/// printed on line 10, for instance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLigne {
    /// 1-based line of the file where the `[[ligne]]` entry starts.
    pub position: usize,
    pub reprises: Vec<Offre>,
}

/// Variant keys a file may use, with their allowed values (`None`: free
/// value, documented next to the line).
const CLES_VARIANTE: &[(&str, Option<&[&str]>)] = &[
    ("parcours", Some(&["dans", "hors"])),
    ("optam", Some(&["oui", "non"])),
    ("reseau", Some(&["oui", "non"])),
    ("conventionne", Some(&["oui", "non"])),
    ("rembourse", Some(&["oui", "non"])),
    ("cecite", Some(&["oui", "non"])),
    ("handicap", Some(&["oui"])),
    (
        "age",
        Some(&["<18", ">=18", "<20", ">=20", "<6", "<16", ">70"]),
    ),
    ("sejour", Some(&["mco", "maternite", "psychiatrie", "ssr"])),
    ("taux_amo", Some(&["65", "30", "15"])),
    (
        "dent",
        Some(&["incisive_canine_premolaire", "molaire", "toutes"]),
    ),
    ("poste", None),
    ("equipement", None),
    ("verre", None),
    ("supplement", None),
    ("element", None),
    ("materiau", None),
    ("dents", None),
    ("debut", None),
    ("rang", None),
    // The basket of the 100 % Santé reform a row is for (a grid written
    // after the reform); the names of `cent_pour_cent_sante::Panier`.
    (
        "panier",
        Some(&[
            "classe_a",
            "classe_b",
            "panier_100_sante",
            "tarifs_maitrises",
            "tarifs_libres",
            "classe_1",
            "classe_2",
        ]),
    ),
];

// ---------------------------------------------------------------------------
// The file as written (TOML), every struct refusing unknown keys.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FichierToml {
    bareme: EnTeteToml,
    /// The grid's offers in column order; none: the four of 2018.
    #[serde(default)]
    offres: Vec<Spanned<OffreToml>>,
    #[serde(default)]
    ligne: Vec<Spanned<LigneToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OffreToml {
    code: Spanned<String>,
    libelle: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnTeteToml {
    nom: Spanned<String>,
    en_vigueur_le: Spanned<String>,
    source: Spanned<String>,
}

/// A `[[ligne]]` entry: its own keys, and one cell per key that is not
/// one of them (an offer's code, checked against the grid's offers by
/// [`lire_cellules`]); read by [`VisiteurLigne`].
#[derive(Default)]
struct LigneToml {
    ligne: Option<Spanned<String>>,
    section: Option<Spanned<String>>,
    libelle: Option<Spanned<String>>,
    variante: Option<Spanned<BTreeMap<String, String>>>,
    source: Option<Spanned<String>>,
    codes_lpp: Option<Spanned<Vec<String>>>,
    unite: Option<Spanned<String>>,
    enveloppe: Option<Spanned<String>>,
    limites: Option<Spanned<Vec<LimiteToml>>>,
    au_dela: Option<Spanned<String>>,
    nature: Option<Spanned<Nature>>,
    note: Option<Spanned<String>>,
    note_pour: Option<Spanned<Vec<Offre>>>,
    reprises: Option<Spanned<Vec<Offre>>>,
    /// (key, cell) in the order written.
    cases: Vec<(String, Spanned<CelluleToml>)>,
}

impl<'de> Deserialize<'de> for LigneToml {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(VisiteurLigne)
    }
}

/// Reads a line's keys one by one: a key of the line goes to its field,
/// any other key is a cell.
struct VisiteurLigne;

impl<'de> Visitor<'de> for VisiteurLigne {
    type Value = LigneToml;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("une ligne du barème (table [[ligne]])")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LigneToml, A::Error> {
        let mut l = LigneToml::default();
        while let Some(cle) = map.next_key::<String>()? {
            match cle.as_str() {
                "ligne" => l.ligne = Some(map.next_value()?),
                "section" => l.section = Some(map.next_value()?),
                "libelle" => l.libelle = Some(map.next_value()?),
                "variante" => l.variante = Some(map.next_value()?),
                "source" => l.source = Some(map.next_value()?),
                "codes_lpp" => l.codes_lpp = Some(map.next_value()?),
                "unite" => l.unite = Some(map.next_value()?),
                "enveloppe" => l.enveloppe = Some(map.next_value()?),
                "limites" => l.limites = Some(map.next_value()?),
                "au_dela" => l.au_dela = Some(map.next_value()?),
                "nature" => l.nature = Some(map.next_value()?),
                "note" => l.note = Some(map.next_value()?),
                "note_pour" => l.note_pour = Some(map.next_value()?),
                "reprises" => l.reprises = Some(map.next_value()?),
                _ => {
                    let case = map.next_value()?;
                    l.cases.push((cle, case));
                }
            }
        }
        for (champ, present) in [
            ("ligne", l.ligne.is_some()),
            ("section", l.section.is_some()),
            ("libelle", l.libelle.is_some()),
        ] {
            if !present {
                return Err(de::Error::missing_field(champ));
            }
        }
        Ok(l)
    }
}

/// The keys of a line that are not cells, for the message about a key
/// that is neither.
const CLES_LIGNE: &str = "ligne, section, libelle, variante, source, codes_lpp, unite, enveloppe, limites, au_dela, nature, note, note_pour, reprises";

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct LimiteToml {
    compteur: Compteur,
    max: u32,
    periode: String,
}

/// A cell: the printed text alone, or a table with the printed text and
/// what it implies.
enum CelluleToml {
    Texte(String),
    Detail(Box<DetailToml>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DetailToml {
    texte: String,
    nature: Option<Nature>,
    valeur: Option<String>,
    unite: Option<String>,
    limites: Option<Vec<LimiteToml>>,
    enveloppe: Option<String>,
    au_dela: Option<String>,
    note: Option<String>,
}

impl<'de> Deserialize<'de> for CelluleToml {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CelluleToml;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("le texte imprimé de la case, ou une table { texte = …, … }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CelluleToml, E> {
                Ok(CelluleToml::Texte(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CelluleToml, A::Error> {
                DetailToml::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|d| CelluleToml::Detail(Box::new(d)))
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------
// Entry points.

/// Reads a tariff file from its bytes: size and encoding are checked before
/// anything is parsed.
pub fn lire_octets(origine: &str, octets: &[u8]) -> Result<FichierLu, TarifError> {
    let texte = decoder(origine, octets)?;
    lire_texte(origine, texte)
}

/// Reads a tariff file from disk, refusing it by its size before reading
/// it whole.
pub fn lire_fichier(chemin: &std::path::Path) -> Result<Vec<u8>, TarifError> {
    let origine = chemin.display().to_string();
    let refus = |message: String| TarifError::Fichier {
        fichier: origine.clone(),
        message,
    };
    let meta = std::fs::metadata(chemin).map_err(|e| refus(format!("fichier illisible ({e})")))?;
    if !meta.is_file() {
        return Err(refus("ce n'est pas un fichier".to_string()));
    }
    if meta.len() > TAILLE_MAX as u64 {
        return Err(refus(format!(
            "fichier trop volumineux ({} octets, au plus {} octets pour un barème) : ce n'est pas un fichier de barème",
            meta.len(),
            TAILLE_MAX
        )));
    }
    std::fs::read(chemin).map_err(|e| refus(format!("fichier illisible ({e})")))
}

/// Checks the size and the encoding (UTF-8, an UTF-8 BOM tolerated) of a file.
pub fn decoder<'a>(origine: &str, octets: &'a [u8]) -> Result<&'a str, TarifError> {
    let refus = |message: String| TarifError::Fichier {
        fichier: origine.to_string(),
        message,
    };
    if octets.len() > TAILLE_MAX {
        return Err(refus(format!(
            "fichier trop volumineux ({} octets, au plus {} octets pour un barème) : ce n'est pas un fichier de barème",
            octets.len(),
            TAILLE_MAX
        )));
    }
    if octets.starts_with(&[0xFF, 0xFE]) || octets.starts_with(&[0xFE, 0xFF]) {
        return Err(refus(
            "le fichier est encodé en UTF-16 : enregistrez-le en UTF-8".to_string(),
        ));
    }
    let octets = octets.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(octets);
    if octets.contains(&0) {
        return Err(refus(
            "le fichier contient des octets nuls (UTF-16 sans marque ou fichier binaire) : enregistrez-le en UTF-8"
                .to_string(),
        ));
    }
    let texte = std::str::from_utf8(octets).map_err(|e| {
        let debut = e.valid_up_to();
        let ligne = octets[..debut].iter().filter(|&&b| b == b'\n').count() + 1;
        refus(format!(
            "le fichier n'est pas en UTF-8 (octet 0x{:02X} illisible à la ligne {ligne}, sans doute du Latin-1 ou du Windows-1252) : enregistrez-le en UTF-8",
            octets[debut]
        ))
    })?;
    if texte.trim().is_empty() {
        return Err(refus("le fichier est vide".to_string()));
    }
    Ok(texte)
}

/// Reads and validates a tariff file's text.
pub fn lire_texte(origine: &str, texte: &str) -> Result<FichierLu, TarifError> {
    let fichier: FichierToml =
        toml::from_str(texte).map_err(|e| erreur_toml(origine, texte, &e))?;
    let ctx = Contexte { origine, texte };
    let en_tete = &fichier.bareme;
    let nom = non_vide(&ctx, &en_tete.nom, "nom")?;
    let source = non_vide(&ctx, &en_tete.source, "source")?;
    let en_vigueur_le =
        NaiveDate::parse_from_str(en_tete.en_vigueur_le.get_ref().trim(), "%Y-%m-%d").map_err(
            |_| {
                ctx.champ(
                    en_tete.en_vigueur_le.span().start,
                    "en_vigueur_le",
                    format!(
                        "date « {} » illisible : écrivez-la AAAA-MM-JJ (par exemple 2018-01-01)",
                        en_tete.en_vigueur_le.get_ref()
                    ),
                )
            },
        )?;
    let offres = lire_offres(&ctx, &fichier.offres)?;
    if fichier.ligne.is_empty() {
        return Err(TarifError::Fichier {
            fichier: origine.to_string(),
            message: "aucune ligne [[ligne]] : le barème est vide".to_string(),
        });
    }
    let mut lignes = Vec::with_capacity(fichier.ligne.len());
    let mut details = Vec::with_capacity(fichier.ligne.len());
    for entree in &fichier.ligne {
        let (ligne, detail) = lire_ligne(&ctx, entree, &offres)?;
        lignes.push(ligne);
        details.push(detail);
    }
    let lu = FichierLu {
        bareme: Bareme::new(nom, en_vigueur_le, source, lignes).avec_offres(offres),
        details,
    };
    validate::verifier(origine, &lu)?;
    Ok(lu)
}

// ---------------------------------------------------------------------------

struct Contexte<'a> {
    origine: &'a str,
    texte: &'a str,
}

impl Contexte<'_> {
    fn position(&self, offset: usize) -> usize {
        position(self.texte, offset)
    }

    fn champ(&self, offset: usize, champ: &str, message: impl Into<String>) -> TarifError {
        TarifError::Champ {
            fichier: self.origine.to_string(),
            ligne: self.position(offset),
            champ: champ.to_string(),
            message: message.into(),
        }
    }
}

/// 1-based line of a byte offset.
pub fn position(texte: &str, offset: usize) -> usize {
    let fin = offset.min(texte.len());
    texte.as_bytes()[..fin]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn non_vide(ctx: &Contexte, v: &Spanned<String>, champ: &str) -> Result<String, TarifError> {
    let s = v.get_ref().trim();
    if s.is_empty() {
        return Err(ctx.champ(v.span().start, champ, "ne doit pas être vide"));
    }
    Ok(s.to_string())
}

/// The offers a file declares (`[[offres]]`, in column order), checked:
/// each code an identifier, each name written, no code twice. A file
/// without any has the four offers of 2018.
fn lire_offres(
    ctx: &Contexte,
    offres: &[Spanned<OffreToml>],
) -> Result<Vec<OffreBareme>, TarifError> {
    if offres.is_empty() {
        return Ok(offres_2018());
    }
    let mut lues: Vec<OffreBareme> = Vec::with_capacity(offres.len());
    for o in offres {
        let o = o.get_ref();
        let code = Offre::depuis_code(o.code.get_ref()).ok_or_else(|| {
            ctx.champ(
                o.code.span().start,
                "code",
                format!(
                    "code d'offre « {} » invalide : minuscules sans accent, chiffres et _ (au plus {} caractères)",
                    o.code.get_ref(),
                    super::model::CODE_OFFRE_MAX
                ),
            )
        })?;
        if CLES_LIGNE.split(", ").any(|c| c == code.code()) {
            return Err(ctx.champ(
                o.code.span().start,
                "code",
                format!("code d'offre « {code} » impossible : c'est le nom d'une clé de ligne"),
            ));
        }
        if lues.iter().any(|l| l.code == code) {
            return Err(ctx.champ(
                o.code.span().start,
                "code",
                format!(
                    "l'offre « {code} » est déclarée deux fois : chaque offre a un code à elle"
                ),
            ));
        }
        let libelle = non_vide(ctx, &o.libelle, "libelle")?;
        lues.push(OffreBareme::new(code, libelle));
    }
    Ok(lues)
}

/// One line of the table: its identity (reference, section, label, variant,
/// source, LPP codes), the defaults it gives its cells, then one cell per
/// offer of the grid.
fn lire_ligne(
    ctx: &Contexte,
    entree: &Spanned<LigneToml>,
    offres: &[OffreBareme],
) -> Result<(Ligne, DetailLigne), TarifError> {
    let l = entree.get_ref();
    let debut = entree.span().start;
    // The visitor refused a line without these three keys.
    let obligatoire = |v: &Option<Spanned<String>>| {
        v.clone()
            .ok_or_else(|| ctx.champ(debut, "ligne", "clé obligatoire absente"))
    };
    let reference = lire_reference(ctx, &obligatoire(&l.ligne)?)?;
    let section = non_vide(ctx, &obligatoire(&l.section)?, "section")?;
    let libelle = non_vide(ctx, &obligatoire(&l.libelle)?, "libelle")?;
    let variante = match &l.variante {
        Some(v) => {
            verifier_variante(ctx, v)?;
            v.get_ref().clone()
        }
        None => BTreeMap::new(),
    };
    let source = match &l.source {
        Some(s) => non_vide(ctx, s, "source")?,
        None => format!("Annexe 2, {section}, ligne {reference}"),
    };
    let codes_lpp = match &l.codes_lpp {
        Some(codes) => lire_codes_lpp(ctx, codes)?,
        None => Vec::new(),
    };
    let defauts = DefautsLigne::lire(ctx, l)?;
    for liste in [&l.note_pour, &l.reprises].into_iter().flatten() {
        offres_declarees(ctx, liste, offres)?;
    }
    let reprises: Vec<Offre> = l
        .reprises
        .as_ref()
        .map(|r| r.get_ref().clone())
        .unwrap_or_default();
    let cellules = lire_cellules(ctx, l, debut, &reference, &defauts, offres)?;
    let ligne = Ligne {
        ligne: reference,
        section,
        libelle,
        variante,
        cellules,
        source,
        codes_lpp,
        ligne_partagee: Default::default(),
    };
    let detail = DetailLigne {
        position: ctx.position(debut),
        reprises,
    };
    Ok((ligne, detail))
}

/// The line's number as printed in the Annexe ("26.3.2.1"): dot-separated
/// groups of one or two digits.
fn lire_reference(ctx: &Contexte, ligne: &Spanned<String>) -> Result<String, TarifError> {
    let reference = ligne.get_ref().trim().to_string();
    let valide = !reference.is_empty()
        && reference
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()));
    if !valide {
        return Err(ctx.champ(
            ligne.span().start,
            "ligne",
            format!(
                "référence « {} » invalide : écrivez le numéro imprimé dans l'annexe, par exemple 26.3.2.1",
                ligne.get_ref()
            ),
        ));
    }
    Ok(reference)
}

/// The LPP codes of a line: seven digits each.
fn lire_codes_lpp(ctx: &Contexte, codes: &Spanned<Vec<String>>) -> Result<Vec<String>, TarifError> {
    if let Some(c) = codes
        .get_ref()
        .iter()
        .find(|c| c.len() != 7 || !c.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(ctx.champ(
            codes.span().start,
            "codes_lpp",
            format!("code LPP « {c} » invalide : 7 chiffres attendus"),
        ));
    }
    Ok(codes.get_ref().clone())
}

/// What a line states once for its four cells (unit, limits, envelope,
/// "au-delà", kind, note and the offers the note is for), checked.
struct DefautsLigne<'l> {
    unite: Option<super::model::Unite>,
    limites: Vec<Limite>,
    enveloppe: Option<String>,
    au_dela: Option<&'l str>,
    nature: Option<Nature>,
    note: Option<String>,
    note_pour: Option<Vec<Offre>>,
}

impl<'l> DefautsLigne<'l> {
    fn lire(ctx: &Contexte, l: &'l LigneToml) -> Result<DefautsLigne<'l>, TarifError> {
        let unite =
            match &l.unite {
                Some(u) => Some(cell_text::lire_unite_seule(u.get_ref()).ok_or_else(|| {
                    ctx.champ(u.span().start, "unite", unite_inconnue(u.get_ref()))
                })?),
                None => None,
            };
        let limites = match &l.limites {
            Some(ls) => {
                lire_limites(ls.get_ref()).map_err(|m| ctx.champ(ls.span().start, "limites", m))?
            }
            None => Vec::new(),
        };
        let enveloppe = match &l.enveloppe {
            Some(e) => Some(identifiant(ctx, e, "enveloppe")?),
            None => None,
        };
        let note = match &l.note {
            Some(n) => Some(non_vide(ctx, n, "note")?),
            None => None,
        };
        if let (Some(p), None) = (&l.note_pour, &note) {
            return Err(ctx.champ(
                p.span().start,
                "note_pour",
                "note_pour sans note à la ligne",
            ));
        }
        if let Some(t) = &l.au_dela {
            lire_au_dela(t.get_ref()).map_err(|m| ctx.champ(t.span().start, "au_dela", m))?;
        }
        Ok(DefautsLigne {
            unite,
            limites,
            enveloppe,
            au_dela: l.au_dela.as_ref().map(|t| t.get_ref().as_str()),
            nature: l.nature.as_ref().map(|n| *n.get_ref()),
            note,
            note_pour: l.note_pour.as_ref().map(|p| p.get_ref().clone()),
        })
    }

    /// The defaults as one offer's cell sees them: the line's note only if
    /// it is for that offer.
    fn pour(&self, offre: Offre) -> Defauts<'_> {
        let note = match &self.note_pour {
            Some(p) if !p.contains(&offre) => None,
            _ => self.note.as_deref(),
        };
        Defauts {
            unite: self.unite,
            limites: &self.limites,
            enveloppe: self.enveloppe.as_deref(),
            au_dela: self.au_dela,
            nature: self.nature,
            note,
        }
    }
}

/// The offers a line's `note_pour` or `reprises` names are the grid's.
fn offres_declarees(
    ctx: &Contexte,
    liste: &Spanned<Vec<Offre>>,
    offres: &[OffreBareme],
) -> Result<(), TarifError> {
    match liste
        .get_ref()
        .iter()
        .find(|o| !offres.iter().any(|d| d.code == **o))
    {
        Some(o) => Err(ctx.champ(
            liste.span().start,
            "offre",
            format!(
                "offre « {o} » non déclarée (offres du barème : {})",
                codes(offres)
            ),
        )),
        None => Ok(()),
    }
}

/// "initiale, equilibre, reference, integrale".
fn codes(offres: &[OffreBareme]) -> String {
    let codes: Vec<&str> = offres.iter().map(|o| o.code.code()).collect();
    codes.join(", ")
}

/// The line's cells, one per offer of the grid in its column order; each
/// is required, and a cell for an offer the grid does not declare is
/// refused.
fn lire_cellules(
    ctx: &Contexte,
    l: &LigneToml,
    debut: usize,
    reference: &str,
    defauts: &DefautsLigne,
    offres: &[OffreBareme],
) -> Result<ParOffre<Cellule>, TarifError> {
    if let Some((cle, case)) = l
        .cases
        .iter()
        .find(|(cle, _)| !offres.iter().any(|o| o.code.code() == cle))
    {
        return Err(ctx.champ(
            case.span().start,
            cle,
            format!(
                "clé inconnue « {cle} » : ni une clé de ligne ({CLES_LIGNE}), ni une offre déclarée (offres du barème : {})",
                codes(offres)
            ),
        ));
    }
    let mut cellules = ParOffre::new();
    for offre in offres {
        let Some((_, case)) = l.cases.iter().find(|(cle, _)| cle == offre.code.code()) else {
            return Err(ctx.champ(
                debut,
                offre.code.code(),
                format!(
                    "case manquante pour {} (ligne {reference}) : chaque ligne a une case par offre",
                    offre.libelle
                ),
            ));
        };
        let cellule = lire_cellule(case.get_ref(), &defauts.pour(offre.code))
            .map_err(|m| ctx.champ(case.span().start, offre.code.code(), m))?;
        cellules.insert(offre.code, cellule);
    }
    Ok(cellules)
}

fn identifiant(ctx: &Contexte, v: &Spanned<String>, champ: &str) -> Result<String, TarifError> {
    let s = v.get_ref();
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(ctx.champ(
            v.span().start,
            champ,
            format!("« {s} » : identifiant attendu (minuscules sans accent, chiffres, _)"),
        ));
    }
    Ok(s.clone())
}

fn verifier_variante(
    ctx: &Contexte,
    v: &Spanned<BTreeMap<String, String>>,
) -> Result<(), TarifError> {
    for (cle, valeur) in v.get_ref() {
        let Some((_, permises)) = CLES_VARIANTE.iter().find(|(k, _)| k == cle) else {
            let connues: Vec<&str> = CLES_VARIANTE.iter().map(|(k, _)| *k).collect();
            return Err(ctx.champ(
                v.span().start,
                "variante",
                format!(
                    "clé de variante inconnue « {cle} » (clés permises : {})",
                    connues.join(", ")
                ),
            ));
        };
        let valide = match permises {
            Some(p) => p.contains(&valeur.as_str()),
            None => {
                !valeur.is_empty()
                    && valeur.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                    })
            }
        };
        if !valide {
            let attendu = match permises {
                Some(p) => format!("valeurs permises : {}", p.join(", ")),
                None => "minuscules sans accent, chiffres, _ ou -".to_string(),
            };
            return Err(ctx.champ(
                v.span().start,
                "variante",
                format!("valeur « {valeur} » invalide pour « {cle} » ({attendu})"),
            ));
        }
    }
    Ok(())
}

fn unite_inconnue(mot: &str) -> String {
    format!(
        "unité « {mot} » inconnue (acte, séance, nuitée, jour, an, œil, verre, monture, appareil, semestre, cure, dent, élément, prothèse, implant, couronne)"
    )
}

fn lire_limites(limites: &[LimiteToml]) -> Result<Vec<Limite>, String> {
    limites
        .iter()
        .map(|l| {
            if l.max == 0 {
                return Err("une limite de 0 n'a pas de sens : écrivez « Néant »".to_string());
            }
            Ok(Limite {
                compteur: l.compteur,
                max: l.max,
                periode: lire_periode(&l.periode)?,
            })
        })
        .collect()
}

/// "année civile", "2 années civiles", "24 mois", "acte".
fn lire_periode(texte: &str) -> Result<Periode, String> {
    let t = cell_text::normaliser(texte).to_lowercase();
    if t == "année civile" {
        return Ok(Periode::AnneeCivile);
    }
    if t == "acte" {
        return Ok(Periode::ParActe);
    }
    let erreur = || {
        format!(
            "période « {texte} » illisible (« année civile », « 2 années civiles », « 24 mois » ou « acte »)"
        )
    };
    let (n, reste) = t.split_once(' ').ok_or_else(erreur)?;
    let n: u32 = n.parse().map_err(|_| erreur())?;
    if n == 0 {
        return Err(erreur());
    }
    match reste {
        "années civiles" | "année civile" => Ok(Periode::AnneesCiviles { n }),
        "mois" => Ok(Periode::Glissante { mois: n }),
        _ => Err(erreur()),
    }
}

struct Defauts<'a> {
    unite: Option<super::model::Unite>,
    limites: &'a [Limite],
    enveloppe: Option<&'a str>,
    au_dela: Option<&'a str>,
    nature: Option<Nature>,
    note: Option<&'a str>,
}

fn lire_au_dela(t: &str) -> Result<AuDela, String> {
    let l = cell_text::lire(t).map_err(|m| format!("au_dela : {m}"))?;
    if let Some(r) = l.reste {
        return Err(format!("au_dela « {t} » : texte non compris « {r} »"));
    }
    if l.nature == Nature::Forfait && l.unite.is_none() {
        return Err(format!(
            "au_dela « {t} » : un forfait a une unité (« € / dent »)"
        ));
    }
    Ok(AuDela {
        nature: l.nature,
        valeur: l.valeur,
        unite: l.unite,
    })
}

/// One cell: what its printed text says (`cell_text::lire`), what the file
/// adds to it (kind, value, unit, limits, envelope, "au-delà", note), and
/// the checks that the two agree.
fn lire_cellule(case: &CelluleToml, defauts: &Defauts) -> Result<Cellule, String> {
    let vide = DetailToml {
        texte: String::new(),
        nature: None,
        valeur: None,
        unite: None,
        limites: None,
        enveloppe: None,
        au_dela: None,
        note: None,
    };
    let (texte, d) = match case {
        CelluleToml::Texte(t) => (t.as_str(), &vide),
        CelluleToml::Detail(d) => (d.texte.as_str(), d.as_ref()),
    };
    let lecture: Lecture = cell_text::lire(texte)?;
    let texte = cell_text::normaliser(texte);
    let note = note_de_case(d, defauts)?;
    let nature = nature_de_case(d, defauts, &lecture, &texte, note.is_some())?;
    let valeur = valeur_de_case(d, nature, &lecture, &texte)?;
    let unite = unite_de_case(d, defauts, nature, &lecture, &texte)?;
    let regles = ReglesDeCase::lire(d, defauts, nature != Nature::Neant)?;
    if let Some(reste) = &lecture.reste {
        if regles.limites.is_empty() && regles.au_dela.is_none() {
            return Err(format!(
                "texte « {reste} » non lu : décrivez-le avec « limites » ou « au_dela » (forme détaillée de la case)"
            ));
        }
    }
    if nature == Nature::ForfaitJournalierEnVigueur && note.is_none() {
        return Err("la lecture « forfait journalier en vigueur » demande une note".into());
    }
    Ok(Cellule {
        nature,
        valeur,
        unite,
        limites: regles.limites,
        enveloppe: regles.enveloppe,
        ou_ticket_moderateur_si_superieur: lecture.ou_ticket_moderateur_si_superieur,
        au_dela: regles.au_dela,
        texte,
        note,
    })
}

/// The cell's note (how it was read), else the line's.
fn note_de_case(d: &DetailToml, defauts: &Defauts) -> Result<Option<String>, String> {
    match (&d.note, defauts.note) {
        (Some(n), _) if n.trim().is_empty() => Err("note vide".into()),
        (Some(n), _) => Ok(Some(n.trim().to_string())),
        (None, n) => Ok(n.map(str::to_string)),
    }
}

/// The kind of the cell: as printed, unless the file states another one —
/// then a note must say why it was read so.
fn nature_de_case(
    d: &DetailToml,
    defauts: &Defauts,
    lecture: &Lecture,
    texte: &str,
    a_une_note: bool,
) -> Result<Nature, String> {
    let demandee = match d.nature {
        Some(n) => Some(n),
        None if lecture.nature != Nature::Neant => defauts.nature,
        None => None,
    };
    match demandee {
        Some(n) if n != lecture.nature && !a_une_note => Err(format!(
            "nature « {} » différente de ce qu'imprime « {texte} » : ajoutez une note qui explique la lecture",
            nom_nature(n)
        )),
        Some(n) => Ok(n),
        None => Ok(lecture.nature),
    }
}

/// The amount of a percentage or forfait cell: the printed one (a `valeur`
/// in the file must repeat it); other kinds have none. Never negative.
fn valeur_de_case(
    d: &DetailToml,
    nature: Nature,
    lecture: &Lecture,
    texte: &str,
) -> Result<Option<Decimal>, String> {
    let valeur = match nature {
        Nature::PourcentageBrss | Nature::Forfait => {
            let imprimee = lecture.valeur.ok_or_else(|| {
                format!(
                    "« {texte} » n'imprime pas de montant pour une case {}",
                    nom_nature(nature)
                )
            })?;
            if let Some(v) = &d.valeur {
                let v = Decimal::from_str(v.trim()).map_err(|_| {
                    format!(
                        "valeur « {v} » illisible : nombre décimal avec un point attendu (22.50)"
                    )
                })?;
                if v != imprimee {
                    return Err(format!(
                        "valeur {v} différente du montant imprimé {imprimee} (« {texte} »)"
                    ));
                }
            }
            Some(imprimee)
        }
        _ if d.valeur.is_some() => {
            return Err(format!(
                "une case {} n'a pas de valeur : retirez « valeur »",
                nom_nature(nature)
            ))
        }
        _ => None,
    };
    if valeur.is_some_and(|v| v.is_sign_negative()) {
        return Err("montant négatif".into());
    }
    Ok(valeur)
}

/// The unit of a forfait (per act, per year, per eye…): the cell's, the
/// printed one, or the line's; they must agree. Other kinds have none.
fn unite_de_case(
    d: &DetailToml,
    defauts: &Defauts,
    nature: Nature,
    lecture: &Lecture,
    texte: &str,
) -> Result<Option<super::model::Unite>, String> {
    let unite_case = match &d.unite {
        Some(u) => Some(cell_text::lire_unite_seule(u).ok_or_else(|| unite_inconnue(u))?),
        None => None,
    };
    if let (Some(imprimee), Some(donnee)) = (lecture.unite, unite_case) {
        if imprimee != donnee {
            return Err(format!(
                "unité « {} » différente de celle imprimée dans « {texte} »",
                cell_text::unite_texte(donnee)
            ));
        }
    }
    match nature {
        Nature::Forfait => unite_case
            .or(lecture.unite)
            .or(defauts.unite)
            .map(Some)
            .ok_or_else(|| {
                format!("« {texte} » : un forfait a une unité ; ajoutez unite = \"…\" à la case ou à la ligne")
            }),
        _ if unite_case.is_none() => Ok(None),
        Nature::PourcentageBrss => Err(format!("« {texte} » : un pourcentage n'a pas d'unité")),
        _ => Err(format!(
            "une case {} n'a pas d'unité : retirez « unite »",
            nom_nature(nature)
        )),
    }
}

/// The limits, envelope and "au-delà" of a cell that pays (its own, else
/// the line's); a "Néant" cell has none.
struct ReglesDeCase {
    limites: Vec<Limite>,
    enveloppe: Option<String>,
    au_dela: Option<AuDela>,
}

impl ReglesDeCase {
    fn lire(d: &DetailToml, defauts: &Defauts, paie: bool) -> Result<ReglesDeCase, String> {
        let limites = match &d.limites {
            Some(l) => lire_limites(l)?,
            None if paie => defauts.limites.to_vec(),
            None => Vec::new(),
        };
        let enveloppe = match &d.enveloppe {
            Some(e) => Some(e.clone()),
            None if paie => defauts.enveloppe.map(str::to_string),
            None => None,
        };
        let au_dela = match (&d.au_dela, defauts.au_dela) {
            (Some(t), _) => Some(lire_au_dela(t)?),
            (None, Some(t)) if paie => Some(lire_au_dela(t)?),
            _ => None,
        };
        if !paie && (d.limites.is_some() || d.enveloppe.is_some() || d.au_dela.is_some()) {
            return Err("une case « Néant » n'a ni limite, ni enveloppe, ni « au-delà »".into());
        }
        Ok(ReglesDeCase {
            limites,
            enveloppe,
            au_dela,
        })
    }
}

/// The snake_case name of a kind, as written in the files.
pub fn nom_nature(n: Nature) -> &'static str {
    match n {
        Nature::PourcentageBrss => "pourcentage_brss",
        Nature::Forfait => "forfait",
        Nature::TicketModerateur => "ticket_moderateur",
        Nature::ForfaitJournalierEnVigueur => "forfait_journalier_en_vigueur",
        Nature::Neant => "neant",
    }
}

/// Turns a TOML/serde error into a French one with its line and, when the
/// message names it, the field.
fn erreur_toml(origine: &str, texte: &str, e: &toml::de::Error) -> TarifError {
    let ligne = e.span().map(|s| position(texte, s.start)).unwrap_or(1);
    let brut = e.message().trim().to_string();
    let cite = |s: &str| -> Option<String> {
        let debut = s.find('`')? + 1;
        let fin = s[debut..].find('`')? + debut;
        Some(s[debut..fin].to_string())
    };
    let liste = |s: &str| -> String {
        s.split('`')
            .skip(1)
            .step_by(2)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(reste) = brut.strip_prefix("unknown field ") {
        let champ = cite(reste).unwrap_or_default();
        let permis = reste
            .split_once("expected")
            .map(|(_, p)| liste(p))
            .unwrap_or_default();
        return TarifError::Champ {
            fichier: origine.to_string(),
            ligne,
            champ: champ.clone(),
            message: format!("clé inconnue « {champ} » (clés permises : {permis})"),
        };
    }
    if let Some(reste) = brut.strip_prefix("missing field ") {
        let champ = cite(reste).unwrap_or_default();
        return TarifError::Champ {
            fichier: origine.to_string(),
            ligne,
            champ: champ.clone(),
            message: format!("clé obligatoire « {champ} » absente"),
        };
    }
    if let Some(reste) = brut.strip_prefix("unknown variant ") {
        let valeur = cite(reste).unwrap_or_default();
        let permis = reste
            .split_once("expected")
            .map(|(_, p)| liste(p))
            .unwrap_or_default();
        return TarifError::Syntaxe {
            fichier: origine.to_string(),
            ligne,
            message: format!("valeur inconnue « {valeur} » (valeurs permises : {permis})"),
        };
    }
    if let Some(reste) = brut.strip_prefix("duplicate key ") {
        let champ = cite(reste).unwrap_or_default();
        return TarifError::Champ {
            fichier: origine.to_string(),
            ligne,
            champ: champ.clone(),
            message: format!("clé « {champ} » écrite deux fois"),
        };
    }
    if brut.starts_with("invalid type") {
        return TarifError::Syntaxe {
            fichier: origine.to_string(),
            ligne,
            message: format!("type de valeur inattendu ({brut})"),
        };
    }
    TarifError::Syntaxe {
        fichier: origine.to_string(),
        ligne,
        message: format!("TOML invalide ({brut})"),
    }
}
