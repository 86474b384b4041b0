-- The review desk: who is working on an upload (claims expire, so a closed laptop frees it) and what operators entered.
CREATE TABLE review_claims (
    upload_id  uuid PRIMARY KEY REFERENCES uploads (id),
    claimed_by text NOT NULL,
    claimed_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

-- One operator entry per field of an upload under review. value = ocr_value: the reading was kept (final at once).
-- value <> ocr_value: a correction, final only once a second operator entered the same value (confirmed_by).
CREATE TABLE review_entries (
    upload_id    uuid NOT NULL REFERENCES uploads (id),
    field_id     text NOT NULL,
    ocr_value    bigint,
    value        bigint,
    entered_by   text NOT NULL,
    entered_at   timestamptz NOT NULL,
    confirmed_by text,
    confirmed_at timestamptz,
    PRIMARY KEY (upload_id, field_id),
    CHECK (confirmed_by IS NULL OR confirmed_by <> entered_by)
);
