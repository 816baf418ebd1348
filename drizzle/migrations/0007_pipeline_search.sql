-- Full-text search for the pipeline (FTS5, built into libSQL). The application writes these rows in the
-- same transaction as the company or deal they index (server/src/data/search.ts): the text is stored as
-- CJK bigrams plus each run's last character (shared/src/company/names.ts), which SQL triggers cannot compute.
-- rowid = company.id: Chinese and English names and the credit code.
CREATE VIRTUAL TABLE company_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
-- rowid = deal.id: the deal's notes and next step (and, for an application, the applicant and proposed fund).
CREATE VIRTUAL TABLE deal_text_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
