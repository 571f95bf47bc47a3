-- 015 (issue 10, the dashboard's deadlines at 10,000 documents): documents by type, with the dates the deadline
-- loader compares. The loader's two questions over every version of a document ("since when has the trainee held a
-- Duldung?", "did the training begin under an Aufenthaltsgestattung?") then read only the documents of those types,
-- from the index alone, instead of every document of every trainee in training.
CREATE INDEX residence_documents_by_type ON residence_documents (type, trainee_id, issued_on, valid_until);
