-- Versions of the MGEN prestations table (Annexe 2) and their cells.
-- One version per effective date; a file is identified by its SHA-256.
CREATE TABLE bareme_versions (
    id            INTEGER PRIMARY KEY,
    nom           TEXT NOT NULL,
    en_vigueur_le TEXT NOT NULL UNIQUE,      -- AAAA-MM-JJ, first day it applies
    importe_le    TEXT NOT NULL,             -- AAAA-MM-JJ HH:MM:SS (UTC)
    sha256        TEXT NOT NULL UNIQUE,      -- of the file's bytes, hex
    origine       TEXT NOT NULL,             -- shipped file or imported path
    source        TEXT NOT NULL,             -- the document it transcribes
    contenu       TEXT NOT NULL              -- the file itself, for audit
);

CREATE TABLE bareme_lignes (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES bareme_versions(id) ON DELETE CASCADE,
    rang       INTEGER NOT NULL,             -- order in the file
    ligne      TEXT NOT NULL,                -- Annexe reference, "26.3.2.1"
    section    TEXT NOT NULL,
    libelle    TEXT NOT NULL,
    variante   TEXT NOT NULL,                -- JSON object, {} when none
    source     TEXT NOT NULL,
    codes_lpp  TEXT NOT NULL,                -- JSON array
    UNIQUE (version_id, ligne, variante),
    UNIQUE (version_id, rang)
);

CREATE TABLE bareme_cellules (
    ligne_id   INTEGER NOT NULL REFERENCES bareme_lignes(id) ON DELETE CASCADE,
    offre      TEXT NOT NULL CHECK (offre IN ('initiale', 'equilibre', 'reference', 'integrale')),
    nature     TEXT NOT NULL,
    valeur     TEXT,                         -- decimal string, NULL for Néant…
    unite      TEXT,
    limites    TEXT NOT NULL,                -- JSON array
    enveloppe  TEXT,
    ou_ticket_moderateur_si_superieur INTEGER NOT NULL,
    au_dela    TEXT,                         -- JSON object or NULL
    texte      TEXT NOT NULL,                -- as printed
    note       TEXT,                         -- reading note ("lecture à confirmer")
    PRIMARY KEY (ligne_id, offre)
);
