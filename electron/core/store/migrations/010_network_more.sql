-- 010 (issue 11, second part; temporarily version 9 in index.ts, the lead renumbers at merge).
-- The scan of a consent given on signed paper (form 'paper_scan'), kept like a document copy under
-- files/trainees/<trainee_id>/consents/ with its name, type, size and SHA-256; all five set or none.
ALTER TABLE consents ADD COLUMN scan_path TEXT;
ALTER TABLE consents ADD COLUMN scan_name TEXT;
ALTER TABLE consents ADD COLUMN scan_mime TEXT CHECK (scan_mime IN ('application/pdf', 'image/jpeg', 'image/png'));
ALTER TABLE consents ADD COLUMN scan_size INTEGER CHECK (scan_size > 0);
ALTER TABLE consents ADD COLUMN scan_sha256 TEXT;
