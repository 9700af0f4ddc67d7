-- Household estimates (issue 17): a saved situation may be a household
-- document (a `foyer` list of persons). `personnes` is how many persons the
-- saved document holds, for the list; every estimate saved before this
-- migration is a single-member document, hence 1.
ALTER TABLE estimations ADD COLUMN personnes INTEGER NOT NULL DEFAULT 1
    CHECK (personnes BETWEEN 1 AND 12);
