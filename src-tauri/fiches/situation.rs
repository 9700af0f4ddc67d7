//! What the adviser enters for a checklist: the member's dates and status.
//! Each input is a [`Field`] with its French label and its CLI flag, so that
//! every error can name what must be corrected. Also the *anchors*: the dates
//! the checklist rules count from, some derived from others (start of
//! pregnancy from the expected birth date, and so on).

use super::dates::{self, add_months, sub_months};
use super::error::FicheError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An input of a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    DebutGrossesse,
    Terme,
    DateAccouchement,
    ConstatationGrossesse,
    DateArret,
    Statut,
    DatePerte,
    Motif,
    DateSoins,
}

/// How an input is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Date,
    Choice,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::DebutGrossesse,
        Field::Terme,
        Field::DateAccouchement,
        Field::ConstatationGrossesse,
        Field::DateArret,
        Field::Statut,
        Field::DatePerte,
        Field::Motif,
        Field::DateSoins,
    ];

    /// The key used in the checklist files and in JSON ("debut_grossesse").
    pub fn key(self) -> &'static str {
        match self {
            Field::DebutGrossesse => "debut_grossesse",
            Field::Terme => "terme",
            Field::DateAccouchement => "date_accouchement",
            Field::ConstatationGrossesse => "constatation_grossesse",
            Field::DateArret => "date_arret",
            Field::Statut => "statut",
            Field::DatePerte => "date_perte",
            Field::Motif => "motif",
            Field::DateSoins => "date_soins",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The command-line flag ("--debut-grossesse").
    pub fn flag(self) -> String {
        format!("--{}", self.key().replace('_', "-"))
    }

    /// The label shown to the adviser.
    pub fn label(self) -> &'static str {
        match self {
            Field::DebutGrossesse => "Date de début de grossesse",
            Field::Terme => "Terme prévu",
            Field::DateAccouchement => "Date de l'accouchement",
            Field::ConstatationGrossesse => "Première constatation médicale",
            Field::DateArret => "Date de l'arrêt de travail",
            Field::Statut => "Statut de l'assuré",
            Field::DatePerte => "Date de la perte, du vol ou de la panne",
            Field::Motif => "Motif du remplacement",
            Field::DateSoins => "Date des soins",
        }
    }

    pub fn kind(self) -> FieldKind {
        match self {
            Field::Statut | Field::Motif => FieldKind::Choice,
            _ => FieldKind::Date,
        }
    }

    /// The allowed values of a choice field, as (key, label).
    pub fn choices(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Field::Statut => Statut::ALL.iter().map(|s| (s.key(), s.label())).collect(),
            Field::Motif => MotifCarte::ALL
                .iter()
                .map(|m| (m.key(), m.label()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The member's employment status, which decides where the sick-leave
/// volets go and who handles a work accident (guide, « Arrêt de travail »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Statut {
    /// Titulaire of the civil service.
    Fonctionnaire,
    /// Agent non titulaire, full time on a contract of one year or more.
    NonFonctionnaire,
    /// Agent non titulaire part time (temps incomplet) or on a contract under one year.
    NonFonctionnaireCourt,
    /// Not a fonctionnaire and currently unemployed.
    DemandeurEmploi,
}

impl Statut {
    pub const ALL: [Statut; 4] = [
        Statut::Fonctionnaire,
        Statut::NonFonctionnaire,
        Statut::NonFonctionnaireCourt,
        Statut::DemandeurEmploi,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Statut::Fonctionnaire => "fonctionnaire",
            Statut::NonFonctionnaire => "non-fonctionnaire",
            Statut::NonFonctionnaireCourt => "non-fonctionnaire-court",
            Statut::DemandeurEmploi => "demandeur-emploi",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Statut::Fonctionnaire => "Fonctionnaire (titulaire)",
            Statut::NonFonctionnaire => {
                "Non fonctionnaire : contractuel à temps complet, contrat d'un an ou plus"
            }
            Statut::NonFonctionnaireCourt => {
                "Non fonctionnaire : contractuel à temps incomplet ou contrat de moins d'un an"
            }
            Statut::DemandeurEmploi => "Non fonctionnaire au chômage (inscrit à France Travail)",
        }
    }

    pub fn from_key(key: &str) -> Option<Statut> {
        Statut::ALL.into_iter().find(|s| s.key() == key.trim())
    }
}

/// Why the carte Vitale must be replaced (guide, « Carte Vitale »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MotifCarte {
    Perte,
    Vol,
    Dysfonctionnement,
}

impl MotifCarte {
    pub const ALL: [MotifCarte; 3] = [
        MotifCarte::Perte,
        MotifCarte::Vol,
        MotifCarte::Dysfonctionnement,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MotifCarte::Perte => "perte",
            MotifCarte::Vol => "vol",
            MotifCarte::Dysfonctionnement => "dysfonctionnement",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MotifCarte::Perte => "Carte perdue",
            MotifCarte::Vol => "Carte volée",
            MotifCarte::Dysfonctionnement => "Carte qui ne fonctionne plus",
        }
    }

    pub fn from_key(key: &str) -> Option<MotifCarte> {
        MotifCarte::ALL.into_iter().find(|m| m.key() == key.trim())
    }
}

/// Everything the adviser may enter; each checklist uses some of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Situation {
    pub debut_grossesse: Option<NaiveDate>,
    pub terme: Option<NaiveDate>,
    pub date_accouchement: Option<NaiveDate>,
    pub constatation_grossesse: Option<NaiveDate>,
    pub date_arret: Option<NaiveDate>,
    pub statut: Option<Statut>,
    pub date_perte: Option<NaiveDate>,
    pub motif: Option<MotifCarte>,
    pub date_soins: Option<NaiveDate>,
}

/// The same inputs as typed (CLI arguments, UI fields): text, not yet read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SituationText {
    pub debut_grossesse: Option<String>,
    pub terme: Option<String>,
    pub date_accouchement: Option<String>,
    pub constatation_grossesse: Option<String>,
    pub date_arret: Option<String>,
    pub statut: Option<String>,
    pub date_perte: Option<String>,
    pub motif: Option<String>,
    pub date_soins: Option<String>,
}

impl SituationText {
    /// Reads every filled field; the first unreadable one is an error naming it.
    /// An empty or blank text counts as not given.
    pub fn parse(&self) -> Result<Situation, FicheError> {
        let date = |field: Field, text: &Option<String>| -> Result<Option<NaiveDate>, FicheError> {
            match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                None => Ok(None),
                Some(t) => dates::parse_date(t)
                    .map(Some)
                    .ok_or_else(|| FicheError::InvalidDate {
                        field,
                        value: t.to_string(),
                    }),
            }
        };
        let choice = |text: &Option<String>| -> Option<String> {
            text.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        let statut = match choice(&self.statut) {
            None => None,
            Some(t) => Some(Statut::from_key(&t).ok_or(FicheError::InvalidChoice {
                field: Field::Statut,
                value: t,
            })?),
        };
        let motif = match choice(&self.motif) {
            None => None,
            Some(t) => Some(MotifCarte::from_key(&t).ok_or(FicheError::InvalidChoice {
                field: Field::Motif,
                value: t,
            })?),
        };
        Ok(Situation {
            debut_grossesse: date(Field::DebutGrossesse, &self.debut_grossesse)?,
            terme: date(Field::Terme, &self.terme)?,
            date_accouchement: date(Field::DateAccouchement, &self.date_accouchement)?,
            constatation_grossesse: date(
                Field::ConstatationGrossesse,
                &self.constatation_grossesse,
            )?,
            date_arret: date(Field::DateArret, &self.date_arret)?,
            statut,
            date_perte: date(Field::DatePerte, &self.date_perte)?,
            motif,
            date_soins: date(Field::DateSoins, &self.date_soins)?,
        })
    }
}

/// A date the checklist rules count from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// Start of pregnancy: entered, or the expected birth date − 9 months.
    DebutGrossesse,
    /// The birth: its date if it happened, else the expected date, else
    /// start of pregnancy + 9 months.
    Accouchement,
    /// First medical finding of the pregnancy: entered, or (an earlier,
    /// hence safe, date) the start of pregnancy.
    ConstatationGrossesse,
    DateArret,
    DatePerte,
    DateSoins,
}

/// Months from the start of pregnancy to the expected birth, the usual
/// French convention (date présumée d'accouchement = début de grossesse
/// + 9 mois). Not in the seeds: every date that relies on it says so.
pub const PREGNANCY_MONTHS: u32 = 9;

/// Earliest birth accepted: the 1st day of the 6th month (the maternity
/// window would otherwise end before it starts).
const EARLIEST_BIRTH_MONTHS: u32 = 5;
/// Latest birth accepted, to catch a mistyped year: start + 10 months.
const LATEST_BIRTH_MONTHS: u32 = 10;

/// An anchor's date, and how it was obtained when not entered directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedAnchor {
    pub date: NaiveDate,
    /// French note when the date was derived or estimated.
    pub note: Option<String>,
}

impl Anchor {
    pub fn key(self) -> &'static str {
        match self {
            Anchor::DebutGrossesse => "debut_grossesse",
            Anchor::Accouchement => "accouchement",
            Anchor::ConstatationGrossesse => "constatation_grossesse",
            Anchor::DateArret => "date_arret",
            Anchor::DatePerte => "date_perte",
            Anchor::DateSoins => "date_soins",
        }
    }

    pub fn from_key(key: &str) -> Option<Anchor> {
        [
            Anchor::DebutGrossesse,
            Anchor::Accouchement,
            Anchor::ConstatationGrossesse,
            Anchor::DateArret,
            Anchor::DatePerte,
            Anchor::DateSoins,
        ]
        .into_iter()
        .find(|a| a.key() == key)
    }

    /// How the anchor is named in a rule ("début de grossesse + 3 mois").
    pub fn label(self) -> &'static str {
        match self {
            Anchor::DebutGrossesse => "début de grossesse",
            Anchor::Accouchement => "accouchement",
            Anchor::ConstatationGrossesse => "première constatation médicale de la grossesse",
            Anchor::DateArret => "date de l'arrêt",
            Anchor::DatePerte => "date de la perte, du vol ou de la panne",
            Anchor::DateSoins => "date des soins",
        }
    }
}

impl Situation {
    /// Checks that the pregnancy dates fit together (a birth between the
    /// 6th and the 10th month, a first finding not before the start).
    pub fn check_consistency(&self) -> Result<(), FicheError> {
        let start = match self.pregnancy_start()? {
            Some(r) => r.date,
            None => return Ok(()),
        };
        for (field, date) in [
            (Field::Terme, self.terme),
            (Field::DateAccouchement, self.date_accouchement),
        ] {
            let Some(date) = date else { continue };
            let earliest = add_months(start, EARLIEST_BIRTH_MONTHS);
            let latest = add_months(start, LATEST_BIRTH_MONTHS);
            if let (Some(earliest), Some(latest)) = (earliest, latest) {
                if date < earliest || date > latest {
                    return Err(FicheError::Inconsistent {
                        field,
                        message: format!(
                            "le {} doit tomber entre le {} (1er jour du 6e mois) et le {} \
                             (10 mois après le début de grossesse du {})",
                            dates::date_fr(date),
                            dates::date_fr(earliest),
                            dates::date_fr(latest),
                            dates::date_fr(start)
                        ),
                    });
                }
            }
        }
        if let Some(found) = self.constatation_grossesse {
            if found < start {
                return Err(FicheError::Inconsistent {
                    field: Field::ConstatationGrossesse,
                    message: format!(
                        "le {} précède le début de grossesse du {}",
                        dates::date_fr(found),
                        dates::date_fr(start)
                    ),
                });
            }
        }
        Ok(())
    }

    fn pregnancy_start(&self) -> Result<Option<ResolvedAnchor>, FicheError> {
        if let Some(date) = self.debut_grossesse {
            return Ok(Some(ResolvedAnchor { date, note: None }));
        }
        let Some(terme) = self.terme else {
            return Ok(None);
        };
        let date = sub_months(terme, PREGNANCY_MONTHS).ok_or(FicheError::InvalidDate {
            field: Field::Terme,
            value: dates::date_fr(terme),
        })?;
        Ok(Some(ResolvedAnchor {
            date,
            note: Some(format!(
                "Début de grossesse estimé au {} : terme prévu du {} moins 9 mois.",
                dates::date_fr(date),
                dates::date_fr(terme)
            )),
        }))
    }

    /// The date of an anchor, or the error naming what must be entered.
    pub fn resolve(&self, anchor: Anchor) -> Result<ResolvedAnchor, FicheError> {
        let direct = |field: Field, date: Option<NaiveDate>| {
            date.map(|date| ResolvedAnchor { date, note: None })
                .ok_or(FicheError::Missing { field })
        };
        let missing_pregnancy = FicheError::MissingOneOf {
            fields: vec![Field::DebutGrossesse, Field::Terme],
        };
        match anchor {
            Anchor::DateArret => direct(Field::DateArret, self.date_arret),
            Anchor::DatePerte => direct(Field::DatePerte, self.date_perte),
            Anchor::DateSoins => direct(Field::DateSoins, self.date_soins),
            Anchor::DebutGrossesse => self.pregnancy_start()?.ok_or(missing_pregnancy),
            Anchor::Accouchement => {
                if let Some(date) = self.date_accouchement {
                    return Ok(ResolvedAnchor { date, note: None });
                }
                if let Some(date) = self.terme {
                    return Ok(ResolvedAnchor {
                        date,
                        note: Some(format!(
                            "Calculé sur le terme prévu du {} : à refaire avec la date réelle \
                             de l'accouchement.",
                            dates::date_fr(date)
                        )),
                    });
                }
                let start = self.pregnancy_start()?.ok_or(missing_pregnancy)?;
                let date =
                    add_months(start.date, PREGNANCY_MONTHS).ok_or(FicheError::InvalidDate {
                        field: Field::DebutGrossesse,
                        value: dates::date_fr(start.date),
                    })?;
                Ok(ResolvedAnchor {
                    date,
                    note: Some(format!(
                        "Terme estimé au {} (début de grossesse + 9 mois) : indiquez le terme \
                         fixé par le médecin pour une date exacte.",
                        dates::date_fr(date)
                    )),
                })
            }
            Anchor::ConstatationGrossesse => {
                if let Some(date) = self.constatation_grossesse {
                    return Ok(ResolvedAnchor { date, note: None });
                }
                let start = self.pregnancy_start()?.ok_or(missing_pregnancy)?;
                Ok(ResolvedAnchor {
                    date: start.date,
                    note: Some(format!(
                        "Compté à partir du début de grossesse ({}) faute de date de première \
                         constatation médicale : cette date est plus prudente, car la constatation \
                         ne peut pas être antérieure.",
                        dates::date_fr(start.date)
                    )),
                })
            }
        }
    }

    /// The value of a choice field, or the error naming it.
    pub fn statut(&self) -> Result<Statut, FicheError> {
        self.statut.ok_or(FicheError::Missing {
            field: Field::Statut,
        })
    }

    pub fn motif(&self) -> Result<MotifCarte, FicheError> {
        self.motif.ok_or(FicheError::Missing {
            field: Field::Motif,
        })
    }

    /// The (field, value) pairs that were entered, in French, for the
    /// "établie pour" lines of the checklist.
    pub fn entered(&self) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        let mut date = |f: Field, d: Option<NaiveDate>| {
            if let Some(d) = d {
                out.push((f, dates::date_fr(d)));
            }
        };
        date(Field::DebutGrossesse, self.debut_grossesse);
        date(Field::Terme, self.terme);
        date(Field::DateAccouchement, self.date_accouchement);
        date(Field::ConstatationGrossesse, self.constatation_grossesse);
        date(Field::DateArret, self.date_arret);
        date(Field::DatePerte, self.date_perte);
        date(Field::DateSoins, self.date_soins);
        if let Some(s) = self.statut {
            out.push((Field::Statut, s.label().to_string()));
        }
        if let Some(m) = self.motif {
            out.push((Field::Motif, m.label().to_string()));
        }
        out
    }

    /// Whether a field was entered.
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::DebutGrossesse => self.debut_grossesse.is_some(),
            Field::Terme => self.terme.is_some(),
            Field::DateAccouchement => self.date_accouchement.is_some(),
            Field::ConstatationGrossesse => self.constatation_grossesse.is_some(),
            Field::DateArret => self.date_arret.is_some(),
            Field::Statut => self.statut.is_some(),
            Field::DatePerte => self.date_perte.is_some(),
            Field::Motif => self.motif.is_some(),
            Field::DateSoins => self.date_soins.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn flags_follow_the_field_keys() {
        assert_eq!(Field::DebutGrossesse.flag(), "--debut-grossesse");
        assert_eq!(Field::DateArret.flag(), "--date-arret");
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(f));
        }
    }

    #[test]
    fn pregnancy_start_comes_from_the_expected_birth_when_not_entered() {
        // terme 10/12/2026 − 9 months = 10/03/2026
        let s = Situation {
            terme: Some(d("2026-12-10")),
            ..Situation::default()
        };
        let start = s.resolve(Anchor::DebutGrossesse).unwrap();
        assert_eq!(start.date, d("2026-03-10"));
        assert!(start.note.is_some());
        // the birth anchor is the terme itself, flagged
        assert_eq!(
            s.resolve(Anchor::Accouchement).unwrap().date,
            d("2026-12-10")
        );
    }

    #[test]
    fn actual_birth_wins_over_the_expected_date() {
        let s = Situation {
            debut_grossesse: Some(d("2026-03-10")),
            terme: Some(d("2026-12-10")),
            date_accouchement: Some(d("2026-11-28")),
            ..Situation::default()
        };
        let birth = s.resolve(Anchor::Accouchement).unwrap();
        assert_eq!(birth.date, d("2026-11-28"));
        assert_eq!(birth.note, None);
    }

    #[test]
    fn birth_estimated_from_start_plus_nine_months() {
        // 31/05/2026 + 9 months = 28/02/2027 (no 31 February)
        let s = Situation {
            debut_grossesse: Some(d("2026-05-31")),
            ..Situation::default()
        };
        assert_eq!(
            s.resolve(Anchor::Accouchement).unwrap().date,
            d("2027-02-28")
        );
    }

    #[test]
    fn missing_pregnancy_dates_name_both_fields() {
        let err = Situation::default()
            .resolve(Anchor::DebutGrossesse)
            .unwrap_err();
        assert_eq!(
            err,
            FicheError::MissingOneOf {
                fields: vec![Field::DebutGrossesse, Field::Terme]
            }
        );
    }

    #[test]
    fn inconsistent_pregnancy_dates_are_refused() {
        // start 10/03/2026: a birth must fall between 10/08/2026 and 10/01/2027
        let mut s = Situation {
            debut_grossesse: Some(d("2026-03-10")),
            terme: Some(d("2026-08-09")),
            ..Situation::default()
        };
        assert!(matches!(
            s.check_consistency(),
            Err(FicheError::Inconsistent {
                field: Field::Terme,
                ..
            })
        ));
        s.terme = Some(d("2026-08-10"));
        assert_eq!(s.check_consistency(), Ok(()));
        s.terme = Some(d("2027-01-11"));
        assert!(s.check_consistency().is_err());
        s.terme = Some(d("2026-12-10"));
        s.constatation_grossesse = Some(d("2026-03-09"));
        assert!(matches!(
            s.check_consistency(),
            Err(FicheError::Inconsistent {
                field: Field::ConstatationGrossesse,
                ..
            })
        ));
    }

    #[test]
    fn typed_text_is_read_or_refused_with_its_field() {
        let t = SituationText {
            date_arret: Some("05/01/2026".into()),
            statut: Some("fonctionnaire".into()),
            terme: Some("   ".into()),
            ..SituationText::default()
        };
        let s = t.parse().unwrap();
        assert_eq!(s.date_arret, Some(d("2026-01-05")));
        assert_eq!(s.statut, Some(Statut::Fonctionnaire));
        assert_eq!(s.terme, None);
        let bad = SituationText {
            date_perte: Some("31/04/2026".into()),
            ..SituationText::default()
        };
        assert_eq!(
            bad.parse(),
            Err(FicheError::InvalidDate {
                field: Field::DatePerte,
                value: "31/04/2026".into()
            })
        );
        let bad = SituationText {
            statut: Some("retraité".into()),
            ..SituationText::default()
        };
        assert!(matches!(
            bad.parse(),
            Err(FicheError::InvalidChoice {
                field: Field::Statut,
                ..
            })
        ));
    }
}
