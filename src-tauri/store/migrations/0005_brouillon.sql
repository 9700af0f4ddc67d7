-- The draft of the estimate being typed (issue 15): the Estimation form as
-- the adviser left it, rewritten at every change, offered back at the next
-- start when it was not saved. One row at most; never part of the history.
CREATE TABLE brouillon (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    contenu  TEXT NOT NULL,                  -- JSON object written by the screen
    ecrit_le TEXT NOT NULL                   -- AAAA-MM-JJTHH:MM:SS, local time of the write
);
