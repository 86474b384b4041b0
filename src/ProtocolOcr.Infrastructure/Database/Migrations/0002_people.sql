-- Staff accounts (operators, analysts, admins) signing in with a password, and observers' bearer tokens.
CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role          text NOT NULL CHECK (role IN ('observer', 'operator', 'analyst', 'admin')),
    -- ASP.NET Core PasswordHasher (PBKDF2, salted, versioned format).
    password_hash text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Names compare case-insensitively so 'Aigerim' and 'aigerim' cannot be two accounts.
CREATE UNIQUE INDEX users_name_idx ON users (lower(name));

-- Only the SHA-256 of a token is kept: a leaked table does not let anyone upload.
CREATE TABLE observer_tokens (
    id            uuid PRIMARY KEY,
    observer_name text NOT NULL CHECK (length(observer_name) BETWEEN 1 AND 100),
    token_sha256  text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    issued_by     text NOT NULL,
    issued_at     timestamptz NOT NULL,
    revoked_at    timestamptz
);

-- Who sent each photo: the observer's token (null when staff uploaded it) and the sender's name.
ALTER TABLE uploads ADD COLUMN observer_token_id uuid REFERENCES observer_tokens (id);
ALTER TABLE uploads ADD COLUMN submitted_by text;

CREATE INDEX uploads_observer_token_idx ON uploads (observer_token_id);

-- Where the worker kept a recognition's aligned page (JPEG, blob key aligned/<upload id>/<pipeline version>.jpg):
-- the review desk cuts field crops from it.
ALTER TABLE recognitions ADD COLUMN aligned_page_key text;

-- The final value of every field of a decided upload, read by the consensus: written in one transaction per upload,
-- by the worker when the pipeline accepted every field (source 'ocr'), or by the review desk when operators finish
-- (source 'ocr' when they kept the reading, 'operator' when a second operator confirmed a change).
CREATE TABLE final_fields (
    upload_id    uuid NOT NULL REFERENCES uploads (id),
    field_id     text NOT NULL,
    value        bigint,
    source       text NOT NULL CHECK (source IN ('ocr', 'operator')),
    decided_by   text NOT NULL,
    confirmed_by text,
    decided_at   timestamptz NOT NULL,
    PRIMARY KEY (upload_id, field_id)
);
