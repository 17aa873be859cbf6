-- The export log of subject access requests answered (issue 11 §2). The audit trail records that an export was made
-- (SUBJECT_ACCESS_EXPORTED on the customer) but keeps field names only; the reason given for each export is kept
-- here, with who made it, when, for which customer and in which format.
CREATE TABLE subject_access_export (
    id              uuid         PRIMARY KEY,
    customer_id     uuid         NOT NULL,
    exported_at     timestamptz  NOT NULL,
    exported_by_subject varchar(255) NOT NULL,
    exported_by_name    varchar(255) NOT NULL,
    reason          text         NOT NULL,
    format          varchar(20)  NOT NULL
);
CREATE INDEX subject_access_export_customer ON subject_access_export (customer_id, exported_at);
