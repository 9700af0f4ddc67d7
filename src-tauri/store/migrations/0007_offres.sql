-- The offers are data of the grid (issue 19): each version declares its
-- offers, in the table's column order, with their printed names. A version
-- without rows here (imported before this migration) has the four offers of
-- the 2018 Annexe. The cells lose their CHECK on the four 2018 codes: an
-- offer is any code its version declares.
CREATE TABLE bareme_offres (
    version_id INTEGER NOT NULL REFERENCES bareme_versions(id) ON DELETE CASCADE,
    rang       INTEGER NOT NULL,             -- column of the table, from 0
    code       TEXT NOT NULL,                -- "reference", "essentielle"
    libelle    TEXT NOT NULL,                -- "MGEN Référence"
    PRIMARY KEY (version_id, code),
    UNIQUE (version_id, rang)
);

CREATE TABLE bareme_cellules_offres (
    ligne_id   INTEGER NOT NULL REFERENCES bareme_lignes(id) ON DELETE CASCADE,
    offre      TEXT NOT NULL,
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
INSERT INTO bareme_cellules_offres
    SELECT ligne_id, offre, nature, valeur, unite, limites, enveloppe,
           ou_ticket_moderateur_si_superieur, au_dela, texte, note
    FROM bareme_cellules;
DROP TABLE bareme_cellules;
ALTER TABLE bareme_cellules_offres RENAME TO bareme_cellules;
