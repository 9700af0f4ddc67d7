//! Transport types of the Barèmes screen: the versions held, one version's
//! table grouped by section as advisers know it (one column per offer of
//! the grid, in its order), and
//! the result of an import. Cells carry their printed text, their limits
//! and envelope in French words, and their reading note; each row carries a
//! folded search key (lower case, no accents) so the UI only filters.

use crate::store::tarifs::{Import, VersionBareme};
use crate::tarifs::cell_text::{decimal_fr, unite_texte};
use crate::tarifs::{
    AuDela, Bareme, Cellule, Compteur, Limite, Nature, Offre, OffreBareme, Periode,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// One version of the table held in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VersionBaremeInfo {
    #[ts(type = "number")]
    pub id: i64,
    pub nom: String,
    /// `AAAA-MM-JJ`
    pub en_vigueur_le: String,
    /// `AAAA-MM-JJTHH:MM:SS` (UTC)
    pub importe_le: String,
    pub sha256: String,
    pub origine: String,
    pub source: String,
    #[ts(type = "number")]
    pub nb_lignes: i64,
}

impl From<&VersionBareme> for VersionBaremeInfo {
    fn from(v: &VersionBareme) -> Self {
        VersionBaremeInfo {
            id: v.id,
            nom: v.nom.clone(),
            en_vigueur_le: v.en_vigueur_le.to_string(),
            importe_le: v.importe_le.format("%Y-%m-%dT%H:%M:%S").to_string(),
            sha256: v.sha256.clone(),
            origine: v.origine.clone(),
            source: v.source.clone(),
            nb_lignes: v.nb_lignes,
        }
    }
}

/// The versions held, newest last, and the warning when the newest is
/// more than a year old.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EtatBaremes {
    pub versions: Vec<VersionBaremeInfo>,
    pub avertissement: Option<String>,
}

/// One version's table, section by section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TableBareme {
    pub version: VersionBaremeInfo,
    /// The grid's offers, in its column order, with their printed names.
    pub offres: Vec<OffreBareme>,
    pub sections: Vec<SectionBareme>,
    /// How many cells carry a reading note ("lecture à confirmer").
    #[ts(type = "number")]
    pub nb_notes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SectionBareme {
    pub titre: String,
    pub rangees: Vec<RangeeBareme>,
}

/// One row: an Annexe line (or one of its variants) and its cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RangeeBareme {
    /// Annexe reference as printed ("26.3.2.1").
    pub ligne: String,
    pub libelle: String,
    pub variante: BTreeMap<String, String>,
    pub source: String,
    pub codes_lpp: Vec<String>,
    /// One per offer of the grid, in its column order.
    pub cases: Vec<CaseBareme>,
    /// Lower case, without accents: reference, section, label, codes, cells.
    pub recherche: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseBareme {
    pub offre: Offre,
    pub nature: Nature,
    /// As printed in the Annexe ("33 €/nuitée", "Néant").
    pub texte: String,
    /// What the text implies, in French words: limits, shared envelope,
    /// what is paid beyond, how a forfait journalier cell is read.
    pub precisions: Vec<String>,
    /// Reading note: the cell is shown "lecture à confirmer".
    pub note: Option<String>,
}

/// What an import did: `importe` or `deja_present`, with a French message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultatImport {
    pub statut: String,
    pub message: String,
    pub version: VersionBaremeInfo,
}

impl From<&Import> for ResultatImport {
    fn from(i: &Import) -> Self {
        ResultatImport {
            statut: match i {
                Import::Importe(_) => "importe".to_string(),
                Import::DejaPresent(_) => "deja_present".to_string(),
            },
            message: i.message(),
            version: i.version().into(),
        }
    }
}

/// Builds the screen's table from a version read back from the database.
pub fn table_bareme(version: &VersionBareme, bareme: &Bareme) -> TableBareme {
    // Which lines (and how many rows) share each envelope.
    let mut enveloppes: BTreeMap<&str, Partage> = BTreeMap::new();
    for l in &bareme.lignes {
        let envs: Vec<&str> = l
            .cellules
            .values()
            .filter_map(|c| c.enveloppe.as_deref())
            .collect();
        for e in envs
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
        {
            let p = enveloppes.entry(e).or_default();
            p.rangees += 1;
            if !p.lignes.contains(&l.ligne.as_str()) {
                p.lignes.push(&l.ligne);
            }
        }
    }
    let mut sections: Vec<SectionBareme> = Vec::new();
    let mut nb_notes = 0;
    for l in &bareme.lignes {
        let cases: Vec<CaseBareme> = bareme
            .codes_offres()
            .filter_map(|o| l.cellules.get(&o).map(|c| (o, c)))
            .map(|(offre, c)| {
                if c.note.is_some() {
                    nb_notes += 1;
                }
                CaseBareme {
                    offre,
                    nature: c.nature,
                    texte: c.texte.clone(),
                    precisions: precisions(c, &enveloppes),
                    note: c.note.clone(),
                }
            })
            .collect();
        let mut recherche = format!("{} {} {}", l.ligne, l.section, l.libelle);
        for code in &l.codes_lpp {
            recherche.push(' ');
            recherche.push_str(code);
        }
        for c in &cases {
            recherche.push(' ');
            recherche.push_str(&c.texte);
        }
        let rangee = RangeeBareme {
            ligne: l.ligne.clone(),
            libelle: l.libelle.clone(),
            variante: l.variante.clone(),
            source: l.source.clone(),
            codes_lpp: l.codes_lpp.clone(),
            cases,
            recherche: plier(&recherche),
        };
        // A row written after other sections (a line added at the end of a
        // later grid) joins its section: one section per title, in the order
        // titles first appear.
        match sections.iter_mut().find(|s| s.titre == l.section) {
            Some(s) => s.rangees.push(rangee),
            None => sections.push(SectionBareme {
                titre: l.section.clone(),
                rangees: vec![rangee],
            }),
        }
    }
    TableBareme {
        version: version.into(),
        offres: bareme.offres.clone(),
        sections,
        nb_notes,
    }
}

/// Lower case without French accents and ligatures ("Équilibre" → "equilibre",
/// "œil" → "oeil"): the UI folds the query the same way.
pub fn plier(texte: &str) -> String {
    let mut out = String::with_capacity(texte.len());
    for c in texte.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' => out.push('i'),
            'ô' | 'ö' | 'ó' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ç' => out.push('c'),
            'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            c => out.push(c),
        }
    }
    out
}

/// The rows drawing on one envelope.
#[derive(Default)]
struct Partage<'a> {
    lignes: Vec<&'a str>,
    rangees: usize,
}

fn precisions(c: &Cellule, enveloppes: &BTreeMap<&str, Partage>) -> Vec<String> {
    let mut out = Vec::new();
    if c.nature == Nature::ForfaitJournalierEnVigueur {
        out.push("pris en charge au montant en vigueur à la date des soins".to_string());
    }
    if c.ou_ticket_moderateur_si_superieur {
        out.push("ou le ticket modérateur s'il est plus élevé".to_string());
    }
    for l in &c.limites {
        out.push(limite_texte(l));
    }
    if let Some(p) = c.enveloppe.as_deref().and_then(|e| enveloppes.get(e)) {
        out.push(match (p.lignes.as_slice(), p.rangees) {
            (_, 0 | 1) => "forfait par année civile".to_string(),
            ([une], n) => format!(
                "un seul forfait par année civile, commun aux {n} rangées de la ligne {une}"
            ),
            (lignes, _) => format!(
                "un seul forfait par année civile, commun aux lignes {}",
                liste_fr(lignes)
            ),
        });
    }
    if let Some(a) = &c.au_dela {
        out.push(format!("au-delà : {}", au_dela_texte(a)));
    }
    out
}

fn liste_fr(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [seul] => seul.to_string(),
        [debut @ .., dernier] => format!("{} et {dernier}", debut.join(", ")),
    }
}

fn au_dela_texte(a: &AuDela) -> String {
    match (a.nature, a.valeur, a.unite) {
        (Nature::TicketModerateur, _, _) => "ticket modérateur".to_string(),
        (Nature::PourcentageBrss, Some(v), _) => format!("{} % de la BRSS", decimal_fr(v)),
        (Nature::Forfait, Some(v), Some(u)) => {
            format!("{} € par {}", decimal_fr(v), unite_texte(u))
        }
        (Nature::Neant, _, _) => "rien".to_string(),
        _ => "voir le tableau".to_string(),
    }
}

fn limite_texte(l: &Limite) -> String {
    let (singulier, pluriel) = match l.compteur {
        Compteur::Seances => ("séance", "séances"),
        Compteur::Appareils => ("appareil", "appareils"),
        Compteur::Implants => ("implant", "implants"),
        Compteur::Couronnes => ("couronne", "couronnes"),
        Compteur::Equipements => ("équipement (monture et deux verres)", "équipements"),
        Compteur::Semestres => ("semestre", "semestres"),
        Compteur::Dents => ("dent", "dents"),
        Compteur::Elements => ("élément", "éléments"),
    };
    let quoi = if l.max == 1 {
        format!("1 {singulier}")
    } else {
        format!("{} {pluriel}", l.max)
    };
    let periode = match l.periode {
        Periode::AnneeCivile => "par année civile".to_string(),
        Periode::AnneesCiviles { n } => format!("sur {n} années civiles"),
        Periode::Glissante { mois } => format!("par période de {mois} mois"),
        Periode::ParActe => match l.compteur {
            Compteur::Semestres => "par traitement".to_string(),
            _ => "par acte ou appareil".to_string(),
        },
    };
    format!("au plus {quoi} {periode}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tarifs::shipped_baremes;
    use chrono::NaiveDate;

    fn version() -> VersionBareme {
        VersionBareme {
            id: 1,
            nom: "MGEN Annexe 2 — 2018".into(),
            en_vigueur_le: NaiveDate::from_ymd_opt(2018, 1, 1).unwrap(),
            importe_le: NaiveDate::from_ymd_opt(2026, 11, 22)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            sha256: "0".repeat(64),
            origine: "livré".into(),
            source: "Annexe 2".into(),
            nb_lignes: 178,
        }
    }

    #[test]
    fn the_table_keeps_the_sections_in_the_annexe_order() {
        let t = table_bareme(&version(), &shipped_baremes()[0]);
        let titres: Vec<&str> = t.sections.iter().map(|s| s.titre.as_str()).collect();
        assert_eq!(
            titres,
            [
                "ACTES MÉDICAUX COURANTS",
                "PHARMACIE",
                "FORFAIT SE SOIGNER AUTREMENT",
                "FORFAIT PRÉVENTION",
                "HOSPITALISATION",
                "OPTIQUE",
                "DENTAIRE",
                "APPAREILLAGES ET DISPOSITIFS MÉDICAUX",
                "AUDIOPROTHÈSES",
                "PROTHÈSES",
                "CURES THERMALES",
                "TRANSPORTS",
                "AMNIOCENTÈSE",
            ]
        );
        let n: usize = t.sections.iter().map(|s| s.rangees.len()).sum();
        assert_eq!(n, 178);
        assert!(t
            .sections
            .iter()
            .all(|s| s.rangees.iter().all(|r| r.cases.len() == 4)));
    }

    #[test]
    fn cells_say_their_limits_and_envelopes_in_words() {
        let t = table_bareme(&version(), &shipped_baremes()[0]);
        let rangee = |ligne: &str| {
            t.sections
                .iter()
                .flat_map(|s| &s.rangees)
                .find(|r| r.ligne == ligne)
                .unwrap()
        };
        assert_eq!(
            rangee("7").cases[0].precisions,
            ["au plus 20 séances par année civile"]
        );
        assert_eq!(
            rangee("10").cases[1].precisions,
            ["un seul forfait par année civile, commun aux lignes 10, 11, 12, 13 et 14"]
        );
        let implant = &rangee("26.5.1").cases[3];
        assert_eq!(
            implant.precisions,
            ["au plus 3 implants sur 2 années civiles"]
        );
        let couronne = &rangee("26.5.2").cases[2];
        assert_eq!(
            couronne.precisions,
            [
                "au plus 2 couronnes sur 2 années civiles",
                "au-delà : 80 % de la BRSS"
            ]
        );
        assert_eq!(
            rangee("26.9").cases[3].precisions,
            ["forfait par année civile"]
        );
        let lentilles = t
            .sections
            .iter()
            .flat_map(|s| &s.rangees)
            .find(|r| r.variante.get("equipement").map(String::as_str) == Some("lentilles"))
            .unwrap();
        assert_eq!(
            lentilles.cases[0].precisions,
            ["un seul forfait par année civile, commun aux 2 rangées de la ligne 25"]
        );
        assert!(rangee("21").cases.iter().all(|c| c.note.is_none()));
        assert!(rangee("18").cases.iter().all(|c| c.note.is_some()));
    }

    #[test]
    fn a_row_written_after_other_sections_joins_its_own() {
        let mut b = shipped_baremes().remove(0);
        let mut monture = b
            .lignes
            .iter()
            .find(|l| l.section == "OPTIQUE")
            .unwrap()
            .clone();
        monture.variante.insert("panier".into(), "classe_b".into());
        b.lignes.push(monture);
        let t = table_bareme(&version(), &b);
        assert_eq!(t.sections.len(), 13);
        let optique = t.sections.iter().find(|s| s.titre == "OPTIQUE").unwrap();
        assert_eq!(
            optique.rangees.last().unwrap().variante.get("panier"),
            Some(&"classe_b".to_string())
        );
        assert_eq!(t.sections.last().unwrap().titre, "AMNIOCENTÈSE");
    }

    #[test]
    fn search_keys_are_folded() {
        assert_eq!(
            plier("Équilibre Œil Prothèse çà"),
            "equilibre oeil prothese ca"
        );
        let t = table_bareme(&version(), &shipped_baremes()[0]);
        let r = &t.sections[5].rangees[0];
        assert!(r.recherche.contains("2261874"), "{}", r.recherche);
        assert!(r.recherche.contains("optique"));
    }
}
