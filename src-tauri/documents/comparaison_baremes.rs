//! The comparison of two versions of the MGEN table as printed for the
//! section that checks a new grid against the paper: the two versions
//! named with their dates of effect, then the cells changed (old → new per
//! offer), the rows added and the rows removed, each under the Annexe line,
//! its variant and its section. The words are those of
//! [`crate::tarifs::diff`]; nothing is computed here.

use super::EnTete;
use crate::pdf::format::date;
use crate::pdf::{Column, Document, Heading, KeyValues, Metadata, Notice, Paragraph, Table};
use crate::tarifs::diff::{variante_texte, DiffBareme, Rangee, Version};

/// Builds the printed comparison of `diff`.
pub fn document_comparaison_baremes(diff: &DiffBareme, entete: &EnTete) -> Document {
    let mut doc = Document::new(Metadata {
        title: "Comparaison de deux versions du barème MGEN".into(),
        section: entete.section.clone(),
        printed_on: entete.imprime_le,
        reference: "Barèmes — comparaison".into(),
        adviser_initials: entete.initiales.clone(),
    });
    doc.push(KeyValues::new([
        ("Version de référence", nommer(&diff.avant)),
        ("Version comparée", nommer(&diff.apres)),
    ]));
    doc.push(Paragraph::new(format!(
        "{} case{} modifiée{}, {} ligne{} ajoutée{}, {} ligne{} retirée{}. À vérifier sur le \
         tableau papier de l'Annexe 2 avant d'utiliser la nouvelle version.",
        diff.cases_modifiees.len(),
        pluriel(diff.cases_modifiees.len()),
        pluriel(diff.cases_modifiees.len()),
        diff.rangees_ajoutees.len(),
        pluriel(diff.rangees_ajoutees.len()),
        pluriel(diff.rangees_ajoutees.len()),
        diff.rangees_retirees.len(),
        pluriel(diff.rangees_retirees.len()),
        pluriel(diff.rangees_retirees.len()),
    )));
    if diff.est_vide() {
        doc.push(Notice::info(
            "Les deux versions ont les mêmes lignes et les mêmes cases.",
        ));
        return doc;
    }
    if !diff.cases_modifiees.is_empty() {
        doc.push(Heading::section("Cases modifiées"));
        doc.push(cases_modifiees(diff));
    }
    if !diff.rangees_ajoutees.is_empty() {
        doc.push(Heading::section("Lignes ajoutées"));
        doc.push(rangees(diff, &diff.rangees_ajoutees));
    }
    if !diff.rangees_retirees.is_empty() {
        doc.push(Heading::section("Lignes retirées"));
        doc.push(rangees(diff, &diff.rangees_retirees));
    }
    doc
}

fn nommer(v: &Version) -> String {
    format!("{} (en vigueur le {})", v.nom, date(v.en_vigueur_le))
}

fn pluriel(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// The row's label, followed by its variant when it has one (the label
/// alone may not tell two rows of one line apart).
fn prestation(libelle: &str, variante: &std::collections::BTreeMap<String, String>) -> String {
    let v = variante_texte(variante);
    match v.trim().trim_start_matches('[').trim_end_matches(']') {
        "" => libelle.to_string(),
        v => format!("{libelle} — variante : {v}"),
    }
}

fn cases_modifiees(diff: &DiffBareme) -> Table {
    let mut t = Table::new(vec![
        Column::text("Section", 14),
        Column::text("Ligne", 8),
        Column::text("Prestation", 36),
        Column::text("Offre", 14),
        Column::text("Avant", 14),
        Column::text("Après", 14),
    ]);
    for c in &diff.cases_modifiees {
        t = t.row([
            c.section.clone(),
            c.ligne.clone(),
            prestation(&c.libelle, &c.variante),
            diff.libelle(c.offre).to_string(),
            c.avant.clone(),
            c.apres.clone(),
        ]);
    }
    t
}

/// Rows added or removed, with their cells under each offer of either
/// version (in the later one's column order).
fn rangees(diff: &DiffBareme, rangees: &[Rangee]) -> Table {
    let mut colonnes = vec![
        Column::text("Section", 12),
        Column::text("Ligne", 8),
        Column::text("Prestation", 28),
    ];
    colonnes.extend(diff.offres.iter().map(|o| Column::text(&o.libelle, 13)));
    let mut t = Table::new(colonnes);
    for r in rangees {
        let mut cellules = vec![
            r.section.clone(),
            r.ligne.clone(),
            prestation(&r.libelle, &r.variante),
        ];
        cellules.extend(
            diff.offres
                .iter()
                .map(|o| r.cases.get(&o.code).cloned().unwrap_or_else(|| "—".into())),
        );
        t = t.row(cellules);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tarifs::{diff::comparer, shipped_baremes};
    use chrono::NaiveDate;

    fn entete() -> EnTete {
        EnTete {
            section: "Section MGEN du Rhône".into(),
            imprime_le: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            numero: None,
            initiales: None,
        }
    }

    #[test]
    fn two_identical_versions_print_a_single_notice() {
        let b = &shipped_baremes()[0];
        let doc = document_comparaison_baremes(&comparer(b, b), &entete());
        assert!(doc.blocks.iter().any(|bl| matches!(
            bl,
            crate::pdf::Block::Notice(n) if n.text.contains("mêmes lignes")
        )));
        assert!(!doc
            .blocks
            .iter()
            .any(|bl| matches!(bl, crate::pdf::Block::Table(_))));
    }
}
