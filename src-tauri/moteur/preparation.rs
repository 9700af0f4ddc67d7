//! What every offer shares about an act, resolved once per act in date
//! order before any offer is priced ([`Preparation::preparer`]):
//! 1. the barème in force at the date of care (and the warning when it is
//!    more than a year older than the care);
//! 2. the frais réels (by default, for the forfait journalier only, the
//!    forfait in force × days);
//! 3. the AMO part ([`part_amo::calculer`]), whose caps run across the acts;
//! 4. the Annexe 2 lines the act's components point to, in the variant the
//!    act chooses, or why MGEN pays nothing whatever the offer (age limit,
//!    companion conditions);
//! 5. the principe indemnitaire's ceiling (R.871-2), the same under every
//!    offer ([`part_mgen::plafond_indemnitaire`]).
//!
//! Before 3, the code printed on the devis line, checked against the
//! reform's data ([`codes_devis::code_du_devis`]); between 3 and 4, the
//! basket of the devis under the 100 % Santé reform,
//! its price limit and ceilings ([`panier::regle_du_panier`]).

use super::baremes_utilises::{BaremesUtilises, Reperes};
use super::catalogue::{ActeCatalogue, Composante};
use super::chaine::Chaines;
use super::codes_devis;
use super::erreur::{CheminActe, ErreurEstimation, ErreurSaisie};
use super::format::{centimes, date_fr};
use super::journal::{Copie, Journal};
use super::maternite::Fenetre;
use super::panier;
use super::part_amo::{self, param_connu, EtatAmo};
use super::part_mgen::{self, ActePrepare, LigneActe, Variante};
use super::resultat::{Avertissement, CodeAvertissement, GenreExplication, PartAmo};
use super::situation::{Acte, Situation};
use super::texte::Valeur::Euros;
use super::{age_au, bareme_au, Tables};
use crate::tarifs::amo::{ParametresAmo, PREMIERE_DATE_COUVERTE};
use crate::tarifs::cent_pour_cent_sante::ReformeSante;
use crate::tarifs::Bareme;
use crate::texte;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What the acts share while they are prepared in date order: the tables,
/// the AMO part's running caps, the components of the acts prepared so far
/// and the barèmes they cite, and the dates that call for a warning on the
/// whole estimate.
pub struct Preparation<'a> {
    situation: &'a Situation,
    baremes: &'a [Bareme],
    amo: &'a ParametresAmo,
    sante: &'a ReformeSante,
    maternite: Option<&'a Fenetre>,
    etat_amo: EtatAmo<'a>,
    /// The components of every act, each act naming its range.
    pub lignes: Vec<LigneActe<'a>>,
    pub baremes_utilises: BaremesUtilises<'a>,
    /// Dates of care more than a year after their barème.
    anciens: Vec<NaiveDate>,
    /// Dates of care after the date the AMO values were checked up to.
    amo_non_verifie: Vec<NaiveDate>,
}

impl<'a> Preparation<'a> {
    pub fn new(
        situation: &'a Situation,
        tables: &Tables<'a>,
        maternite: Option<&'a Fenetre>,
    ) -> Self {
        Preparation {
            situation,
            baremes: tables.baremes,
            amo: tables.amo,
            sante: tables.sante,
            maternite,
            etat_amo: EtatAmo::default(),
            lignes: Vec::with_capacity(situation.actes.len() * 2),
            baremes_utilises: BaremesUtilises::default(),
            anciens: Vec::new(),
            amo_non_verifie: Vec::new(),
        }
    }

    /// Prepares act `index` (module doc); acts must come in date order.
    pub fn preparer(
        &mut self,
        index: usize,
        cat: &'a ActeCatalogue,
        journal: &mut Journal,
    ) -> Result<ActePrepare<'a>, ErreurEstimation> {
        let acte = &self.situation.actes[index];
        let chemin = CheminActe(index);
        let date = acte.date.unwrap_or(self.situation.date);
        let bareme = self.bareme_en_vigueur(chemin, date)?;
        let reperes = self.baremes_utilises.bareme(bareme, journal);
        let debut_communes = journal.position();
        let mut entree = part_amo::Entree {
            situation: self.situation,
            amo: self.amo,
            acte,
            cat,
            chemin,
            date,
            age: age_au(self.situation.assure.date_naissance, date),
            frais_reels: frais_reels(self.amo, acte, cat, date, journal)?,
            maternite: self.maternite,
            code_devis: None,
        };
        entree.code_devis = codes_devis::code_du_devis(self.sante, &entree)?;
        self.signaler_bareme_ancien(bareme, &reperes, date, journal);
        if self.amo.perime_au(date) {
            self.amo_non_verifie.push(date);
        }
        let debut_avertissements = journal.position_avertissements();
        let amo = part_amo::calculer(&entree, &mut self.etat_amo, journal)?;
        let panier = panier::regle_du_panier(self.sante, &entree, journal)?;
        let avertissements = debut_avertissements..journal.position_avertissements();
        let debut_lignes = self.lignes.len();
        let refus = self.lignes_annexe(&entree, bareme, journal)?;
        let plafond = part_mgen::plafond_indemnitaire(entree.frais_reels, &amo, journal);
        // A 100 % Santé item is paid under R.871-2, not under an Annexe line.
        let sans_reste = panier.as_ref().is_some_and(|r| r.sans_reste_a_charge);
        let lignes_annexe = match refus {
            None if !sans_reste => {
                Chaines::distinctes(self.lignes[debut_lignes..].iter().map(|l| &l.id))
            }
            _ => Chaines::default(),
        };
        let (code, libelle) = cat.noms();
        Ok(ActePrepare {
            index,
            acte,
            cat,
            date,
            age: entree.age,
            bareme,
            frais_reels: entree.frais_reels,
            frais_reels_centimes: centimes(entree.frais_reels),
            brss_centimes: centimes(amo.base),
            amo_centimes: en_centimes(&amo.part),
            code,
            libelle,
            nom_bareme: reperes.nom,
            amo,
            plafond,
            lignes: debut_lignes..self.lignes.len(),
            lignes_annexe,
            avertissements,
            refus,
            panier,
            communes: debut_communes..journal.position(),
            source_bareme: reperes.source,
        })
    }

    /// The barème in force at the date of care, which must also be covered
    /// by the AMO values.
    fn bareme_en_vigueur(
        &self,
        chemin: CheminActe,
        date: NaiveDate,
    ) -> Result<&'a Bareme, ErreurEstimation> {
        let bareme = bareme_au(self.baremes, date).ok_or_else(|| {
            ErreurSaisie::new(
                format!("{chemin}.date"),
                format!("aucun barème MGEN en vigueur au {}", date_fr(date)),
            )
        })?;
        if date < PREMIERE_DATE_COUVERTE {
            return Err(ErreurSaisie::new(
                format!("{chemin}.date"),
                format!(
                    "aucune valeur de la Sécurité sociale avant le {}",
                    date_fr(PREMIERE_DATE_COUVERTE)
                ),
            )
            .into());
        }
        Ok(bareme)
    }

    /// Care more than a year after the barème's date of effect: MGEN
    /// amounts from that barème, AMO values of the date of care; said on
    /// the act and, once, on the estimate.
    fn signaler_bareme_ancien(
        &mut self,
        bareme: &Bareme,
        reperes: &Reperes,
        date: NaiveDate,
        journal: &mut Journal,
    ) {
        if reperes.ancien_apres.is_none_or(|limite| date <= limite) {
            return;
        }
        let formule = journal.ecrire(format_args!(
            "Barème MGEN « {} » (en vigueur le {}) plus d'un an avant les soins du {} : montants MGEN selon ce barème ; valeurs de la Sécurité sociale en vigueur au {}",
            bareme.nom,
            date_fr(bareme.en_vigueur_le),
            date_fr(date),
            date_fr(date)
        ));
        journal.noter(
            GenreExplication::Avertissement,
            formule.into(),
            "barème",
            Some(bareme.en_vigueur_le),
            reperes.source,
        );
        self.anciens.push(date);
    }

    /// The Annexe 2 lines of the act's components that apply, in the
    /// variant the act chooses, added to [`Preparation::lignes`]; or why
    /// MGEN pays nothing whatever the offer (then no line is added).
    fn lignes_annexe(
        &mut self,
        e: &part_amo::Entree<'a>,
        bareme: &'a Bareme,
        journal: &mut Journal,
    ) -> Result<Option<String>, ErreurEstimation> {
        let cat = e.cat;
        if let Some(n) = cat.age_moins_de.filter(|&n| e.age >= n) {
            return Ok(Some(format!(
                "« {} » est pris en charge avant {n} ans seulement ; ici {} ans",
                cat.libelle, e.age
            )));
        }
        let debut = self.lignes.len();
        for c in cat
            .mgen
            .iter()
            .filter(|c| part_mgen::s_applique(c, e.acte, e.situation, e.age))
        {
            let Some(v) = part_mgen::variante(c, e.acte, e.date, e.age, e.situation) else {
                self.lignes.truncate(debut);
                return Ok(Some(
                    "Frais d'accompagnant : pris en charge pour un patient de moins de 16 ans, de plus de 70 ans ou en situation de handicap"
                        .to_string(),
                ));
            };
            let Some(ligne) = rangee_de_l_acte(bareme, &c.ligne, &v, e.panier()) else {
                return Err(combinaison_absente(e.chemin, c, &v, bareme));
            };
            let unites = c
                .dents_au_dela_de
                .map(|n| e.acte.dents.unwrap_or(0).saturating_sub(n));
            self.lignes.push(LigneActe::new(c, ligne, unites, journal));
        }
        Ok(None)
    }

    /// The warnings on the whole estimate: the newest care on an old
    /// barème, care after the AMO values' check date, no consumption of
    /// the year given.
    pub fn avertissements(&self) -> Vec<Avertissement> {
        let mut avertissements = Vec::new();
        let ancien = self.anciens.iter().max();
        if let Some((d, b)) = ancien.and_then(|&d| Some((d, bareme_au(self.baremes, d)?))) {
            avertissements.push(Avertissement {
                code: CodeAvertissement::BaremeAncien,
                message: format!(
                    "Le barème MGEN le plus récent disponible (« {} », en vigueur le {}) date de plus d'un an avant les soins du {} : les montants MGEN sont ceux de ce barème, les valeurs de la Sécurité sociale sont celles en vigueur à la date des soins",
                    b.nom,
                    date_fr(b.en_vigueur_le),
                    date_fr(d)
                ),
            });
        }
        if let Some(&d) = self.amo_non_verifie.iter().max() {
            avertissements.push(Avertissement {
                code: CodeAvertissement::ParametreAmoNonVerifie,
                message: format!(
                    "Valeurs de la Sécurité sociale vérifiées jusqu'au {} seulement ; soins jusqu'au {} : à confirmer",
                    date_fr(self.amo.verifie_jusqu_au),
                    date_fr(d)
                ),
            });
        }
        if self.situation.assure.deja_utilise.is_none() {
            avertissements.push(Avertissement {
                code: CodeAvertissement::Information,
                message: "Consommation antérieure de l'année non renseignée : plafonds, limites et enveloppes comptés à partir de zéro".into(),
            });
        }
        avertissements
    }
}

/// The row of `ligne` the act selects: a grid written after the 100 % Santé
/// reform may give the act's basket (typed or implied by its code) a row of
/// its own (variant key `panier`), taken first; otherwise the row of the
/// variant (every row of the 2018 grid).
fn rangee_de_l_acte<'b>(
    bareme: &'b Bareme,
    ligne: &str,
    v: &Variante<'_>,
    panier: Option<crate::tarifs::cent_pour_cent_sante::Panier>,
) -> Option<&'b crate::tarifs::Ligne> {
    panier
        .and_then(|p| bareme.rangee(ligne, |l| v.est_avec(&l.variante, "panier", p.nom())))
        .or_else(|| bareme.rangee(ligne, |l| v.est(&l.variante)))
}

/// The frais réels of the act; only the forfait journalier may omit them
/// (checked by validation): then the forfait in force × days.
fn frais_reels(
    amo: &ParametresAmo,
    acte: &Acte,
    cat: &ActeCatalogue,
    date: NaiveDate,
    journal: &mut Journal,
) -> Result<Decimal, ErreurEstimation> {
    if let Some(fr) = acte.frais_reels {
        return Ok(fr);
    }
    let id = cat
        .mgen
        .iter()
        .find_map(|c| c.forfait_journalier.as_deref())
        .unwrap_or("forfait_journalier.hospitalier");
    let (fj, v) = param_connu(amo, id, date)?;
    let jours = acte.jours.unwrap_or(acte.quantite);
    let fr = fj * Decimal::from(jours);
    journal.noter(
        GenreExplication::Calcul,
        texte!(
            "Frais réels non saisis : forfait journalier en vigueur au {} ({}) × {} jour(s) = {}",
            date,
            Euros(fj),
            jours,
            Euros(fr)
        ),
        Copie(id),
        Some(v.depuis),
        Copie(&v.source),
    );
    Ok(fr)
}

/// The AMO part as shown: every amount with two decimals.
fn en_centimes(p: &PartAmo) -> PartAmo {
    PartAmo {
        brut: centimes(p.brut),
        participation_forfaitaire: centimes(p.participation_forfaitaire),
        franchise: centimes(p.franchise),
        participation_18: centimes(p.participation_18),
        net: centimes(p.net),
    }
}

/// The error for a variant the barème lacks: names the act field that chose
/// it, with the values the barème has for that line.
fn combinaison_absente(
    chemin: CheminActe,
    c: &Composante,
    v: &Variante<'_>,
    bareme: &Bareme,
) -> ErreurEstimation {
    for s in &c.selon {
        let Some(champ) = s.champ() else { continue };
        let cle = s.cle();
        let possibles = valeurs_possibles(c, v, cle, bareme);
        let actuelle = v.get(cle).unwrap_or("");
        if possibles.contains(&actuelle) {
            continue;
        }
        let quoi = if actuelle.is_empty() {
            "valeur nécessaire ici".to_string()
        } else {
            format!("« {actuelle} » sans rangée du barème dans ce cas")
        };
        let possibles = if possibles.is_empty() {
            "aucune".to_string()
        } else {
            possibles.join(", ")
        };
        return ErreurSaisie::new(
            format!("{chemin}.{}", champ.nom()),
            format!("{quoi} (ligne {} ; possibles : {possibles})", c.ligne),
        )
        .into();
    }
    ErreurEstimation::Donnees(format!(
        "ligne {} {:?} absente du barème « {} »",
        c.ligne,
        v.en_map(),
        bareme.nom
    ))
}

/// The values of variant key `cle` the barème has for the component's line,
/// the other keys as the act chose them.
fn valeurs_possibles<'b>(
    c: &Composante,
    v: &Variante<'_>,
    cle: &str,
    bareme: &'b Bareme,
) -> Vec<&'b str> {
    let mut possibles: Vec<&str> = bareme
        .lignes
        .iter()
        .filter(|l| {
            l.ligne == c.ligne
                && l.variante
                    .iter()
                    .all(|(k, x)| k == cle || v.get(k) == Some(x.as_str()))
        })
        .filter_map(|l| l.variante.get(cle).map(String::as_str))
        .collect();
    possibles.sort_unstable();
    possibles.dedup();
    possibles
}
