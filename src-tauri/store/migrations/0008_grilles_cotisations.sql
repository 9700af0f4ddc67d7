-- The section's cotisation grids (issue 17): what the adviser keeps in the
-- settings so that a household's yearly cotisations are filled, not typed
-- again. A grid is named by its libellé and the date it applies from; it
-- gives, per offer, the yearly amount for the adhérent, the conjoint and
-- each child, NULL where the adviser left it blank (« non renseigné »).
CREATE TABLE grilles_cotisations (
    id         INTEGER PRIMARY KEY,
    libelle    TEXT NOT NULL CHECK (length(libelle) > 0),
    date_effet TEXT NOT NULL,                -- AAAA-MM-JJ
    UNIQUE (libelle, date_effet)
);

CREATE TABLE grilles_cotisations_montants (
    grille_id INTEGER NOT NULL REFERENCES grilles_cotisations(id) ON DELETE CASCADE,
    rang      INTEGER NOT NULL,              -- order typed, from 0
    offre     TEXT NOT NULL,                 -- code of a barème's offer
    adherent  TEXT,                          -- decimal strings, € per year
    conjoint  TEXT,
    enfant    TEXT,                          -- per child
    PRIMARY KEY (grille_id, offre),
    UNIQUE (grille_id, rang)
);
