//! Checks across the lines of a tariff file once each line is read: no two
//! rows with the same reference and variant; every cell of a shared
//! envelope gives the same annual amount; a cell marked as repeating a
//! value printed once really repeats a printed cell above it.

use super::annexe::FichierLu;
use super::erreur::TarifError;
use super::model::{Nature, Unite};
use std::collections::BTreeMap;

/// Runs every cross-line check; the first failure is returned.
pub fn verifier(origine: &str, lu: &FichierLu) -> Result<(), TarifError> {
    let erreur = |index: usize, champ: &str, message: String| TarifError::Champ {
        fichier: origine.to_string(),
        ligne: lu.details[index].position,
        champ: champ.to_string(),
        message,
    };
    let lignes = &lu.bareme.lignes;

    // No duplicate (ligne, variante).
    let mut vues: BTreeMap<(&str, &BTreeMap<String, String>), usize> = BTreeMap::new();
    for (i, l) in lignes.iter().enumerate() {
        if let Some(&avant) = vues.get(&(l.ligne.as_str(), &l.variante)) {
            return Err(erreur(
                i,
                "variante",
                format!(
                    "la ligne {} avec la variante {} existe déjà (ligne {} du fichier)",
                    l.ligne,
                    afficher_variante(&l.variante),
                    lu.details[avant].position
                ),
            ));
        }
        vues.insert((l.ligne.as_str(), &l.variante), i);
    }

    // Envelopes: one annual amount per (envelope, offer).
    let mut enveloppes: BTreeMap<(&str, &str), (usize, &super::model::Cellule)> = BTreeMap::new();
    for (i, l) in lignes.iter().enumerate() {
        for (offre, c) in &l.cellules {
            let Some(env) = c.enveloppe.as_deref() else {
                continue;
            };
            if c.nature != Nature::Forfait || c.unite != Some(Unite::An) {
                return Err(erreur(
                    i,
                    offre.code(),
                    format!(
                        "l'enveloppe « {env} » est un forfait annuel : la case « {} » doit être un montant « € / an »",
                        c.texte
                    ),
                ));
            }
            match enveloppes.get(&(env, offre.code())) {
                Some((j, premiere)) if premiere.valeur != c.valeur => {
                    return Err(erreur(
                        i,
                        offre.code(),
                        format!(
                            "l'enveloppe « {env} » vaut « {} » ligne {} du fichier mais « {} » ici",
                            premiere.texte, lu.details[*j].position, c.texte
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    enveloppes.insert((env, offre.code()), (i, c));
                }
            }
        }
    }

    // Repeated cells: same printed text as a printed (non-repeated) cell of
    // the same offer earlier in the same section, or of another offer on the
    // same row (one amount printed across every column).
    for (i, (l, d)) in lignes.iter().zip(&lu.details).enumerate() {
        for offre in &d.reprises {
            let texte = &l.cellules[offre].texte;
            let trouvee = lignes[..i]
                .iter()
                .zip(&lu.details[..i])
                .rev()
                .take_while(|(p, _)| p.section == l.section)
                .any(|(p, pd)| !pd.reprises.contains(offre) && &p.cellules[offre].texte == texte)
                || l.cellules
                    .iter()
                    .any(|(o, c)| !d.reprises.contains(o) && &c.texte == texte);
            if !trouvee {
                return Err(erreur(
                    i,
                    "reprises",
                    format!(
                        "la case {} « {texte} » est marquée reprise, mais aucune case imprimée plus haut dans la section ne porte ce texte",
                        offre.code()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// "{ age = <18, reseau = oui }", or "sans variante".
pub fn afficher_variante(v: &BTreeMap<String, String>) -> String {
    if v.is_empty() {
        return "sans variante".to_string();
    }
    let paires: Vec<String> = v.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("{{ {} }}", paires.join(", "))
}
