-- The barème version in force on the date of care when an estimate was
-- saved (issue 5): its SHA-256 (bareme_versions.sha256), name and effective
-- date, so that a reopened estimate can say whether, and how, the barème of
-- its date of care changed since. NULL for estimates saved before this
-- migration, or when no version covered the date.
ALTER TABLE estimations ADD COLUMN bareme_sha256 TEXT;
ALTER TABLE estimations ADD COLUMN bareme_nom TEXT;
ALTER TABLE estimations ADD COLUMN bareme_en_vigueur_le TEXT;
