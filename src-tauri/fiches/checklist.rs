//! The checklist engine: a checked checklist file + the member's situation →
//! a [`Checklist`] with every date computed and every placeholder filled.
//! Pure: no clock, no I/O; the dates come from the situation only.

use super::catalog::{anchor_fields, placeholders, Catalog, DateRule, Fiche, Item, Rule, Value};
use super::dates::date_fr;
use super::error::FicheError;
use super::model::{
    Checklist, ChecklistItem, ChecklistSummary, Choice, ComputedDate, DatedAmount, FieldSpec,
    ItemDate, SituationLine, SourceRef,
};
use super::situation::{Anchor, Field, Situation};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

impl Catalog {
    /// The checklists on offer, each with the inputs it asks for.
    pub fn summaries(&self) -> Vec<ChecklistSummary> {
        self.fiches.iter().map(summary).collect()
    }

    /// Builds checklist `id` for `situation`.
    pub fn build(&self, id: &str, situation: &Situation) -> Result<Checklist, FicheError> {
        build(self.get(id)?, situation)
    }
}

fn summary(f: &Fiche) -> ChecklistSummary {
    ChecklistSummary {
        id: f.def.id.clone(),
        label: f.def.menu.clone(),
        title: f.def.titre.clone(),
        intro: f.def.intro.clone(),
        fields: f
            .champs
            .iter()
            .map(|(field, c)| FieldSpec {
                field: *field,
                label: field.label().to_string(),
                kind: field.kind(),
                required: c.obligatoire,
                group: c.groupe.clone(),
                help: c.aide.clone(),
                choices: field
                    .choices()
                    .into_iter()
                    .map(|(value, label)| Choice {
                        value: value.to_string(),
                        label: label.to_string(),
                    })
                    .collect(),
                flag: field.flag(),
            })
            .collect(),
    }
}

/// Checks the inputs against what the checklist declares: nothing it does
/// not use, required ones present, at least one per group, pregnancy dates
/// consistent.
fn check_inputs(f: &Fiche, s: &Situation) -> Result<(), FicheError> {
    for field in Field::ALL {
        if s.has(field) && !f.champs.iter().any(|(d, _)| *d == field) {
            return Err(FicheError::NotUsed {
                field,
                fiche: f.def.id.clone(),
            });
        }
    }
    for (field, c) in &f.champs {
        if c.obligatoire && !s.has(*field) {
            return Err(FicheError::Missing { field: *field });
        }
    }
    let mut groups: Vec<(&str, Vec<Field>)> = Vec::new();
    for (field, c) in &f.champs {
        if let Some(g) = c.groupe.as_deref() {
            match groups.iter_mut().find(|(name, _)| *name == g) {
                Some((_, fields)) => fields.push(*field),
                None => groups.push((g, vec![*field])),
            }
        }
    }
    for (_, fields) in groups {
        if !fields.iter().any(|f| s.has(*f)) {
            return Err(FicheError::MissingOneOf { fields });
        }
    }
    s.check_consistency()
}

/// Everything computed while building, shared by the items.
struct Context<'a> {
    fiche: &'a Fiche,
    situation: &'a Situation,
    anchors: HashMap<Anchor, (NaiveDate, Option<String>)>,
}

impl Context<'_> {
    fn anchor(&mut self, a: Anchor) -> Result<(NaiveDate, Option<String>), FicheError> {
        if let Some(v) = self.anchors.get(&a) {
            return Ok(v.clone());
        }
        let r = self.situation.resolve(a)?;
        self.anchors.insert(a, (r.date, r.note.clone()));
        Ok((r.date, r.note))
    }

    fn compute(&mut self, rule: Rule, notes: &mut Vec<String>) -> Result<ComputedDate, FicheError> {
        let (from_date, note) = self.anchor(rule.anchor)?;
        if let Some(n) = note {
            if !notes.contains(&n) {
                notes.push(n);
            }
        }
        let date = rule
            .shift
            .apply(from_date)
            .ok_or_else(|| FicheError::OutOfRange {
                field: anchor_fields(rule.anchor)[0],
                message: format!("date {} trop lointaine", date_fr(from_date)),
            })?;
        Ok(ComputedDate {
            date,
            from: rule.anchor,
            from_date,
            rule: format!(
                "{} ({}) {}",
                rule.anchor.label(),
                date_fr(from_date),
                rule.shift.describe()
            ),
        })
    }

    /// The value of a parameter at the date of care, if one is defined then.
    fn parameter(&mut self, name: &str) -> Result<Option<&Value>, FicheError> {
        let (date, _) = self.anchor(Anchor::DateSoins)?;
        let values = self
            .fiche
            .parametres
            .get(name)
            .ok_or_else(|| FicheError::Catalog(format!("paramètre {name} inconnu")))?;
        Ok(values.iter().rev().find(|v| v.since <= date))
    }

    fn required_parameter(&mut self, name: &str) -> Result<DatedAmount, FicheError> {
        let (date, _) = self.anchor(Anchor::DateSoins)?;
        let fiche = self.fiche;
        let def = &fiche.def.parametres[name];
        match self.parameter(name)? {
            Some(v) => Ok(DatedAmount {
                name: name.to_string(),
                label: def.libelle.clone(),
                amount: v.amount,
                since: v.since,
                source: v.source.clone(),
            }),
            None => Err(FicheError::OutOfRange {
                field: Field::DateSoins,
                message: format!(
                    "le {} précède le premier montant connu de « {} » (en vigueur à partir du {})",
                    date_fr(date),
                    def.libelle,
                    date_fr(fiche.parametres[name][0].since)
                ),
            }),
        }
    }

    fn applies(&mut self, item: &Item) -> Result<bool, FicheError> {
        if !item.champs.iter().all(|f| self.situation.has(*f)) {
            return Ok(false);
        }
        if !item.statut.is_empty() && !item.statut.contains(&self.situation.statut()?) {
            return Ok(false);
        }
        if !item.motif.is_empty() && !item.motif.contains(&self.situation.motif()?) {
            return Ok(false);
        }
        for p in &item.def.quand.parametres {
            if self.parameter(p)?.is_none() {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn item(&mut self, item: &Item) -> Result<ChecklistItem, FicheError> {
        let mut notes = Vec::new();
        let mut own: Vec<(&str, NaiveDate)> = Vec::new();
        let date = match item.date {
            None => None,
            Some(DateRule::Due(r)) => {
                let due = self.compute(r, &mut notes)?;
                own.push(("echeance", due.date));
                Some(ItemDate::Due { due })
            }
            Some(DateRule::NotBefore(r)) => {
                let earliest = self.compute(r, &mut notes)?;
                own.push(("a_partir_du", earliest.date));
                Some(ItemDate::NotBefore { earliest })
            }
            Some(DateRule::Period(a, b)) => {
                let start = self.compute(a, &mut notes)?;
                let end = self.compute(b, &mut notes)?;
                own.push(("debut", start.date));
                own.push(("fin", end.date));
                Some(ItemDate::Period { start, end })
            }
        };
        let mut amounts: Vec<DatedAmount> = Vec::new();
        let mut fill = |ctx: &mut Self, text: &str| -> Result<String, FicheError> {
            let mut out = text.to_string();
            for name in placeholders(text).map_err(FicheError::Catalog)? {
                let value = if let Some((_, d)) = own.iter().find(|(n, _)| *n == name) {
                    date_fr(*d)
                } else if ctx.fiche.parametres.contains_key(name) {
                    let a = ctx.required_parameter(name)?;
                    let shown = euros(a.amount);
                    if !amounts.iter().any(|x| x.name == a.name) {
                        amounts.push(a);
                    }
                    shown
                } else {
                    let anchor = Anchor::from_key(name)
                        .ok_or_else(|| FicheError::Catalog(format!("« {{{name}}} » inconnu")))?;
                    let (d, note) = ctx.anchor(anchor)?;
                    if let Some(n) = note {
                        if !notes.contains(&n) {
                            notes.push(n);
                        }
                    }
                    date_fr(d)
                };
                out = out.replacen(&format!("{{{name}}}"), &value, 1);
            }
            Ok(out)
        };
        let text = fill(self, &item.def.texte)?;
        let recipient = item
            .def
            .destinataire
            .as_deref()
            .map(|t| fill(self, t))
            .transpose()?;
        let to_send = item
            .def
            .a_envoyer
            .as_deref()
            .map(|t| fill(self, t))
            .transpose()?;
        let source = &self.fiche.def.sources[&item.def.source];
        Ok(ChecklistItem {
            id: item.def.id.clone(),
            text,
            date,
            recipient,
            to_send,
            source: SourceRef {
                section: source.section.clone(),
                reference: source.reference.clone(),
            },
            important: item.def.important,
            amounts,
            notes,
        })
    }
}

/// Builds one checklist for one situation.
pub fn build(fiche: &Fiche, situation: &Situation) -> Result<Checklist, FicheError> {
    check_inputs(fiche, situation)?;
    let mut ctx = Context {
        fiche,
        situation,
        anchors: HashMap::new(),
    };
    let mut items = Vec::new();
    for item in &fiche.items {
        if ctx.applies(item)? {
            items.push(ctx.item(item)?);
        }
    }
    let declared: Vec<Field> = fiche.champs.iter().map(|(f, _)| *f).collect();
    let situation_lines = situation
        .entered()
        .into_iter()
        .filter(|(f, _)| declared.contains(f))
        .map(|(field, value)| SituationLine {
            field,
            label: field.label().to_string(),
            value,
        })
        .collect();
    Ok(Checklist {
        id: fiche.def.id.clone(),
        title: fiche.def.titre.clone(),
        intro: fiche.def.intro.clone(),
        situation: situation_lines,
        items,
        source_document: fiche.def.document.clone(),
    })
}

/// "2 €", "0,50 €": whole euros without decimals, as the guide prints them,
/// otherwise two decimals with a comma. No rounding: the amounts are exact
/// in the files.
pub fn euros(amount: Decimal) -> String {
    let n = amount.normalize();
    if n.scale() == 0 {
        format!("{n}\u{a0}€")
    } else {
        let s = format!("{:.2}", n);
        format!("{}\u{a0}€", s.replace('.', ","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn euros_are_spelled_the_french_way() {
        assert_eq!(euros(dec!(2)), "2\u{a0}€");
        assert_eq!(euros(dec!(2.00)), "2\u{a0}€");
        assert_eq!(euros(dec!(0.5)), "0,50\u{a0}€");
        assert_eq!(euros(dec!(50)), "50\u{a0}€");
    }
}
