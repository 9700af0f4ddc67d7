//! A "bon à savoir" checklist as printed for the member: what to do, by
//! when (the member's own dates), to whom, and where each point comes from.

use super::EnTete;
use crate::fiches::{Checklist, ComputedDate, ItemDate};
use crate::pdf::format::{date, euros};
use crate::pdf::{Column, Document, Heading, KeyValues, Metadata, Notice, Paragraph, Table};

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
    doc.push(Paragraph::new(fiche.intro.clone()));
    if !fiche.situation.is_empty() {
        doc.push(Heading::section("Votre situation"));
        doc.push(KeyValues::new(
            fiche
                .situation
                .iter()
                .map(|l| (l.label.clone(), l.value.clone())),
        ));
    }
    doc.push(Heading::section("Ce qu'il faut faire"));
    let mut t = Table::new(vec![
        Column::text("Démarche", 50),
        Column::text("Quand", 22),
        Column::text("À qui, quoi", 28),
    ]);
    for item in &fiche.items {
        let mut texte = if item.important {
            format!("(important) {}", item.text)
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
        let destinataire = match (&item.recipient, &item.to_send) {
            (Some(r), Some(s)) => format!("{s} → {r}"),
            (Some(r), None) => r.clone(),
            (None, Some(s)) => s.clone(),
            (None, None) => String::new(),
        };
        t = t.row([texte, quand(&item.date), destinataire]);
    }
    doc.push(t);
    let calculs: Vec<String> = fiche
        .items
        .iter()
        .flat_map(|i| regles(&i.date))
        .map(|c| format!("{} : {}", date(c.date), c.rule))
        .collect();
    if !calculs.is_empty() {
        doc.push(Heading::sub("Comment les dates sont calculées"));
        for c in calculs {
            doc.push(Paragraph::new(c).small());
        }
    }
    doc.push(Heading::sub("Sources"));
    let mut sources: Vec<String> = Vec::new();
    for i in &fiche.items {
        let s = format!("{} ({})", i.source.section, i.source.reference);
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
    doc
}
