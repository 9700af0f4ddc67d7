-- History of saved estimates (issue 5) and app settings (issue 8).

-- One row per saved estimate. `situation` is the canonical JSON text of the
-- situation document, `empreinte` its SHA-256 ("sha256:…"), checked on read.
CREATE TABLE estimations (
    id            INTEGER PRIMARY KEY,
    numero        TEXT    NOT NULL UNIQUE,          -- AAAA-NNNNNN
    annee         INTEGER NOT NULL,
    sequence      INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 999999),
    enregistre_le TEXT    NOT NULL,                 -- AAAA-MM-JJTHH:MM:SS, local time of the save
    date_soins    TEXT    NOT NULL,                 -- AAAA-MM-JJ
    initiales     TEXT,
    reference     TEXT,
    reference_cle TEXT,                             -- lower case, for search and export
    bareme        TEXT,
    situation     TEXT    NOT NULL,
    empreinte     TEXT    NOT NULL,
    UNIQUE (annee, sequence)
);
CREATE INDEX estimations_ordre ON estimations (enregistre_le DESC, id DESC);
CREATE INDEX estimations_reference ON estimations (reference_cle);
CREATE INDEX estimations_initiales ON estimations (initiales);
CREATE INDEX estimations_date_soins ON estimations (date_soins);
CREATE INDEX estimations_sequence ON estimations (sequence);

-- Last sequence given in each year: a deleted number is never given again.
CREATE TABLE numerotation (
    annee    INTEGER PRIMARY KEY,
    derniere INTEGER NOT NULL
);

-- Settings of the app, one value per key.
CREATE TABLE reglages (
    cle    TEXT PRIMARY KEY,
    valeur TEXT NOT NULL
);
INSERT INTO reglages (cle, valeur) VALUES ('historique.conservation_jours', '90');
