-- Observers who sent a photo that was already stored (a protocol photo forwarded between observers, or the same
-- observer under another name): each gets the first upload's receipt and may read its status.
CREATE TABLE upload_senders (
    upload_id         uuid NOT NULL REFERENCES uploads (id),
    observer_name     text NOT NULL,
    observer_token_id uuid,
    first_sent_at     timestamptz NOT NULL,
    PRIMARY KEY (upload_id, observer_name)
);

GRANT SELECT, INSERT ON upload_senders TO protocolocr_app;
