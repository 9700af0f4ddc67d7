//! A "bon à savoir" checklist as printed for the member: what to do, by
//! when (the member's own dates), to whom, and where each point comes from.

use super::EnTete;
use crate::fiches::{Checklist, ComputedDate, ItemDate};
use crate::pdf::format::{date, euros};
use crate::pdf::{Block, Column, Document, Heading, KeyValues, Metadata, Notice, Paragraph, Table};

fn quand(d: &Option<ItemDate>) -> String {
    match d {
        None => String::new(),
        Some(ItemDate::Due { due }) => format!("au plus tard le {}", date(due.date)),
        Some(ItemDate::NotBefore { earliest }) => format!("pas avant le {}", date(earliest.date)),
        Some(ItemDate::Period { start, end }) => {
            format!("du {} au {}", date(start.date), date(end.date))
        }
    }
}

fn regles(d: &Option<ItemDate>) -> Vec<&ComputedDate> {
    match d {
        None => vec![],
        Some(ItemDate::Due { due }) => vec![due],
        Some(ItemDate::NotBefore { earliest }) => vec![earliest],
        Some(ItemDate::Period { start, end }) => vec![start, end],
    }
}

/// Builds the checklist document.
pub fn document_fiche(fiche: &Checklist, entete: &EnTete) -> Document {
    let mut doc = Document::new(Metadata {
        title: fiche.title.clone(),
        section: entete.section.clone(),
        printed_on: entete.imprime_le,
        reference: format!("Bon à savoir — {}", fiche.id),
        adviser_initials: entete.initiales.clone(),
    });
    contenu(&mut doc, fiche, Heading::section);
    doc
}

/// Appends `fiche` to another document (the estimate of a pregnant member
/// gets the maternité checklist): on a new page, under its own title.
pub fn joindre_fiche(doc: &mut Document, fiche: &Checklist) {
    doc.push(Block::PageBreak);
    doc.push(Heading::section(format!("Bon à savoir — {}", fiche.title)));
    contenu(doc, fiche, Heading::sub);
}

/// The checklist's body; `titre` makes its headings (sections in its own
/// document, sub-sections when appended under another document's heading).
fn contenu(doc: &mut Document, fiche: &Checklist, titre: fn(String) -> Heading) {
    doc.push(Paragraph::new(fiche.intro.clone()));
    if !fiche.situation.is_empty() {
        doc.push(titre("Votre situation".into()));
        doc.push(KeyValues::new(
            fiche
                .situation
                .iter()
                .map(|l| (l.label.clone(), l.value.clone())),
        ));
    }
    doc.push(titre("Ce qu'il faut faire".into()));
    let mut t = Table::new(vec![
        Column::text("Démarche", 50),
        Column::text("Quand", 22),
        Column::text("À qui, quoi", 28),
    ]);
    for item in &fiche.items {
        let mut texte = if item.important {
            format!("Important : {}", item.text)
        } else {
            item.text.clone()
        };
        for m in &item.amounts {
            texte.push_str(&format!(
                " {} : {} (depuis le {}).",
                m.label,
                euros(m.amount),
                date(m.since)
            ));
        }
        // How a date was obtained when one of the member's dates was missing.
        for n in &item.notes {
            texte.push_str(&format!("\nÀ noter : {n}"));
        }
        let destinataire = match (&item.recipient, &item.to_send) {
            (Some(r), Some(s)) => format!("{s} → {r}"),
            (Some(r), None) => r.clone(),
            (None, Some(s)) => s.clone(),
            (None, None) => String::new(),
        };
        t = t.row([texte, quand(&item.date), destinataire]);
    }
    doc.push(t);
    // One line per date, even when several items share it.
    let mut calculs: Vec<String> = Vec::new();
    for c in fiche.items.iter().flat_map(|i| regles(&i.date)) {
        let ligne = format!("{} : {}", date(c.date), c.rule);
        if !calculs.contains(&ligne) {
            calculs.push(ligne);
        }
    }
    if !calculs.is_empty() {
        doc.push(Heading::sub("Comment les dates sont calculées"));
        for c in calculs {
            doc.push(Paragraph::new(c).small());
        }
    }
    doc.push(Heading::sub("Sources"));
    let mut sources: Vec<String> = Vec::new();
    for i in &fiche.items {
        // The section of the guide is what the member can look up; the
        // line numbers in the source files are for reviewers, not printed.
        let s = i.source.section.clone();
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    for s in sources {
        doc.push(Paragraph::new(s).small());
    }
    doc.push(Notice::info(format!(
        "Fiche d'information remise au guichet, rédigée d'après : {}. Elle ne remplace pas les \
         textes officiels.",
        fiche.source_document
    )));
}
