-- Elections accepted by the drop endpoint and the form each one's protocols use.
CREATE TABLE elections (
    id      text PRIMARY KEY,
    form_id text NOT NULL,
    title   text NOT NULL
);

INSERT INTO elections (id, form_id, title) VALUES
    ('kz-2019-president', 'kz.president.2019', 'Kazakhstan presidential election, 9 June 2019'),
    ('kz-2022-president', 'kz.president.2022', 'Kazakhstan presidential election, 20 November 2022'),
    ('kz-2023-majilis', 'kz.majilis.party-list', 'Kazakhstan Majilis election (party list), 19 March 2023'),
    ('ru-uik', 'ru.uik.federal', 'Russia, precinct commission protocol (federal form)');

-- One row per distinct photo (content-addressed by SHA-256); the original lives in the blob store under blob_key.
CREATE TABLE uploads (
    id             uuid PRIMARY KEY,
    sha256         text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    blob_key       text NOT NULL,
    election_id    text NOT NULL REFERENCES elections (id),
    region         text NOT NULL,
    precinct       text NOT NULL,
    note           text,
    format         text NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'heic')),
    size_bytes     bigint NOT NULL CHECK (size_bytes > 0),
    pixel_width    integer NOT NULL CHECK (pixel_width > 0),
    pixel_height   integer NOT NULL CHECK (pixel_height > 0),
    received_at    timestamptz NOT NULL,
    status         text NOT NULL CHECK (status IN ('queued', 'processing', 'accepted', 'needs_review', 'rejected', 'failed')),
    reason_code    text,
    reason_message text,
    -- Processing runs started, including runs whose worker died: bounds retries of a photo that kills workers.
    attempts       integer NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX uploads_status_idx ON uploads (status);
CREATE INDEX uploads_precinct_idx ON uploads (election_id, region, precinct);

-- One row per processing run; a job that runs twice with the same pipeline version leaves one row.
CREATE TABLE recognitions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    upload_id        uuid NOT NULL REFERENCES uploads (id),
    form_id          text NOT NULL,
    pipeline_version text NOT NULL,
    status           text NOT NULL CHECK (status IN ('accepted', 'needs_review', 'rejected')),
    reason_code      text,
    reason_message   text,
    relations        jsonb NOT NULL,
    timings          jsonb NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (upload_id, pipeline_version)
);

CREATE TABLE fields (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recognition_id bigint NOT NULL REFERENCES recognitions (id),
    field_id       text NOT NULL,
    value          bigint,
    text           text NOT NULL,
    confidence     double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    status         text NOT NULL CHECK (status IN ('accepted', 'needs_review', 'empty')),
    review_reason  text,
    alternatives   jsonb NOT NULL,
    engine         text NOT NULL,
    bbox_x         integer NOT NULL,
    bbox_y         integer NOT NULL,
    bbox_width     integer NOT NULL,
    bbox_height    integer NOT NULL,
    source         text NOT NULL DEFAULT 'ocr' CHECK (source IN ('ocr', 'corrected', 'operator')),
    UNIQUE (recognition_id, field_id)
);

-- Who changed what and why; rows are never updated or deleted.
CREATE TABLE audit_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    entity      text NOT NULL,
    entity_id   text NOT NULL,
    field_id    text,
    old_value   text,
    new_value   text,
    reason      text
);

CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

CREATE TRIGGER audit_events_no_change
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
