-- 008 (issue 13): what a business letter and the printed training record need from the firm profile, and the
-- authority's file number (Aktenzeichen) on a residence document.
-- federal_state: the Land whose public holidays the Ausbildungsnachweis marks (feiertagejs code, e.g. 'HH').
-- legal_form: see shared/firm.ts LEGAL_FORMS; managing_directors: names, one per line (§ 35a GmbHG for a GmbH);
-- owner: the proprietor (Inhaber) of a sole proprietorship.
-- nachweis_signature_lines: print ink signature lines also under weeks signed in the app (for chambers that ask).
-- address_form: how worksheets address the trainee ('du' or 'sie').
ALTER TABLE firm ADD COLUMN federal_state TEXT CHECK (federal_state IN ('BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'));
ALTER TABLE firm ADD COLUMN legal_form TEXT CHECK (legal_form IN ('einzelunternehmen', 'ek', 'gbr', 'ohg', 'kg', 'gmbh', 'ug', 'gmbh_co_kg', 'ag', 'sonstige'));
ALTER TABLE firm ADD COLUMN owner TEXT;
ALTER TABLE firm ADD COLUMN register_court TEXT;
ALTER TABLE firm ADD COLUMN register_number TEXT;
ALTER TABLE firm ADD COLUMN managing_directors TEXT;
ALTER TABLE firm ADD COLUMN vat_id TEXT;
ALTER TABLE firm ADD COLUMN nachweis_signature_lines INTEGER NOT NULL DEFAULT 0 CHECK (nachweis_signature_lines IN (0, 1));
ALTER TABLE firm ADD COLUMN address_form TEXT NOT NULL DEFAULT 'sie' CHECK (address_form IN ('du', 'sie'));

ALTER TABLE residence_documents ADD COLUMN file_number TEXT;
