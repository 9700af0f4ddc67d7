//! The devis's two options on the printed estimate: when the situation gives
//! the 100 % Santé option the practitioner must offer
//! (`Situation::alternative_100_sante`), what is left to pay with it and
//! with the equipment chosen, per offer (the member's one highlighted), and
//! the sentence the adviser reads to the member. The option's acts are
//! detailed by `estimation.rs` with the same table as the chosen ones.
//! Amounts are the engine's totals, only formatted here. Each line of
//! either option shows the codes the devis prints for it
//! ([`codes_de_la_ligne`]).

use crate::moteur::situation::Acte;
use crate::moteur::{Resultat, ResultatOffre};
use crate::pdf::format::euros;
use crate::pdf::{Column, Document, Heading, Notice, Paragraph, Span, Table};
use crate::tarifs::Offre;

/// The title of the 100 % Santé option, on screen and on paper.
pub const OFFRE_100_SANTE: &str = "Offre 100 % Santé du devis";

/// The codes a devis line prints, as typed: « code CCAM HBLD634 »,
/// « code LPP 2203240 » (both, CCAM first, when both are given); `None`
/// when the line has none.
pub fn codes_de_la_ligne(acte: &Acte) -> Option<String> {
    let codes: Vec<String> = [("CCAM", &acte.code_ccam), ("LPP", &acte.code_lpp)]
        .into_iter()
        .filter_map(|(nom, c)| c.as_ref().map(|c| format!("code {nom} {c}")))
        .collect();
    (!codes.is_empty()).then(|| codes.join(", "))
}

/// One offer's two options: (chosen, 100 % Santé), paired by offer.
fn paires(resultat: &Resultat) -> Vec<(&ResultatOffre, &ResultatOffre)> {
    let alternative = resultat
        .alternative_100_sante
        .as_deref()
        .unwrap_or_default();
    resultat
        .offres
        .iter()
        .filter_map(|c| {
            alternative
                .iter()
                .find(|a| a.offre == c.offre)
                .map(|a| (c, a))
        })
        .collect()
}

/// « Avec l'offre 100 % Santé du devis, il vous reste 0,00 € ; avec
/// l'équipement choisi, il vous reste 549,91 €. »
pub fn phrase_deux_options(choisi: &ResultatOffre, alternative: &ResultatOffre) -> String {
    format!(
        "Avec l'offre 100 % Santé du devis, il vous reste {} ; avec l'équipement choisi, il vous \
         reste {}.",
        euros(alternative.totaux.reste_a_charge),
        euros(choisi.totaux.reste_a_charge)
    )
}

/// The comparison of the two options (nothing when the result has none):
/// the reste à charge of both options under every offer, then the sentence
/// for the member's offer (for each offer when comparing).
pub fn deux_options(doc: &mut Document, resultat: &Resultat, offre_adherent: Option<Offre>) {
    deux_options_titrees(doc, resultat, offre_adherent, "Le devis : les deux options");
}

/// [`deux_options`] under the heading `titre` (a household's print names
/// the person whose devis it is).
pub fn deux_options_titrees(
    doc: &mut Document,
    resultat: &Resultat,
    offre_adherent: Option<Offre>,
    titre: &str,
) {
    let paires = paires(resultat);
    if paires.is_empty() {
        return;
    }
    doc.push(Heading::section(titre.to_string()));
    let mut colonnes = vec![Column::text("Il vous reste", 24)];
    for (c, _) in &paires {
        colonnes.push(Column::amount(c.libelle.clone(), 19));
    }
    let mut t = Table::new(colonnes);
    let ligne = |nom: &str, f: &dyn Fn(&(&ResultatOffre, &ResultatOffre)) -> String| {
        let mut v = vec![nom.to_string()];
        v.extend(paires.iter().map(f));
        v
    };
    t = t.row(ligne("Avec l'offre 100 % Santé du devis", &|(_, a)| {
        euros(a.totaux.reste_a_charge)
    }));
    t = t.row(ligne("Avec l'équipement choisi", &|(c, _)| {
        euros(c.totaux.reste_a_charge)
    }));
    if let Some(i) = offre_adherent.and_then(|o| paires.iter().position(|(c, _)| c.offre == o)) {
        t = t.highlight(i + 1);
    }
    // The table right under the heading, which keeps with it: the
    // sentence follows (it was left alone at a page's foot otherwise).
    doc.push(t);
    let du_membre: Vec<_> = paires
        .iter()
        .filter(|(c, _)| Some(c.offre) == offre_adherent)
        .collect();
    if let [(c, a)] = du_membre.as_slice() {
        doc.push(Notice::info(phrase_deux_options(c, a)).titled(c.libelle.clone()));
    } else {
        for (c, a) in &paires {
            doc.push(Paragraph::spans(vec![
                Span::bold(format!("{} : ", c.libelle)),
                Span::plain(phrase_deux_options(c, a)),
            ]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_line_shows_the_codes_its_devis_prints() {
        let mut a = Acte::nouveau("couronne", dec!(290));
        assert_eq!(codes_de_la_ligne(&a), None);
        a.code_ccam = Some("HBLD038".into());
        assert_eq!(codes_de_la_ligne(&a).as_deref(), Some("code CCAM HBLD038"));
        a.code_lpp = Some("2203240".into());
        assert_eq!(
            codes_de_la_ligne(&a).as_deref(),
            Some("code CCAM HBLD038, code LPP 2203240")
        );
    }
}
