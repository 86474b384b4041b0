-- Reference data (imported from the commission's CSVs), the per-precinct consensus of the observers' photos, and the
-- views downstream tools read. Documented with example queries in docs/database.md.

-- The fields of every installed form, so SQL can name lines and candidates; refreshed from forms/ on every import.
CREATE TABLE form_fields (
    form_id     text NOT NULL,
    field_id    text NOT NULL,
    ordinal     integer NOT NULL,
    kind        text NOT NULL,
    line_number text,
    group_id    text,
    label       text NOT NULL,
    PRIMARY KEY (form_id, field_id)
);

-- The precinct registry: one row per precinct of an election.
CREATE TABLE precincts (
    election_id    text NOT NULL REFERENCES elections (id),
    region         text NOT NULL,
    precinct       text NOT NULL,
    address        text NOT NULL,
    voters_on_list integer NOT NULL CHECK (voters_on_list >= 0),
    PRIMARY KEY (election_id, region, precinct)
);

-- Results as published by the central commission, per precinct and form field.
CREATE TABLE official_results (
    election_id text NOT NULL,
    region      text NOT NULL,
    precinct    text NOT NULL,
    field_id    text NOT NULL,
    value       bigint NOT NULL CHECK (value >= 0),
    PRIMARY KEY (election_id, region, precinct, field_id),
    FOREIGN KEY (election_id, region, precinct) REFERENCES precincts (election_id, region, precinct)
);

-- The consensus of a precinct's photos, recomputed as a whole whenever one of its uploads finishes or a review of
-- it is confirmed. status: verified (every count line has a final value), needs_review (photos disagree on a
-- line), incomplete (some line has no trusted value yet).
CREATE TABLE precinct_status (
    election_id text NOT NULL REFERENCES elections (id),
    region      text NOT NULL,
    precinct    text NOT NULL,
    status      text NOT NULL CHECK (status IN ('verified', 'needs_review', 'incomplete')),
    photos      integer NOT NULL CHECK (photos >= 0),
    upload_ids  uuid[] NOT NULL,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (election_id, region, precinct)
);

-- One final value per precinct and field with its provenance. value is null when the photos disagree; disagreement
-- then lists every upload's value ([{ "uploadId": ..., "value": ... }]).
CREATE TABLE precinct_results (
    election_id     text NOT NULL,
    region          text NOT NULL,
    precinct        text NOT NULL,
    field_id        text NOT NULL,
    value           bigint,
    source          text NOT NULL CHECK (source IN ('ocr', 'operator', 'disagreement')),
    upload_ids      uuid[] NOT NULL,
    agreeing_photos integer NOT NULL CHECK (agreeing_photos >= 0),
    confidence      double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    disagreement    jsonb,
    PRIMARY KEY (election_id, region, precinct, field_id),
    FOREIGN KEY (election_id, region, precinct) REFERENCES precinct_status (election_id, region, precinct) ON DELETE CASCADE
);

-- Final value per precinct and line (only lines that have one), with the precinct's consensus status.
CREATE VIEW final_results AS
SELECT r.election_id, r.region, r.precinct, s.status AS precinct_status, r.field_id, f.line_number, f.label,
       r.value, r.source, r.agreeing_photos, r.confidence, r.upload_ids
FROM precinct_results r
JOIN precinct_status s USING (election_id, region, precinct)
JOIN elections e ON e.id = r.election_id
LEFT JOIN form_fields f ON f.form_id = e.form_id AND f.field_id = r.field_id
WHERE r.value IS NOT NULL;

-- Lines on which a precinct's photos (or operators' decisions) disagree: the review desk's queue of precincts, with
-- every upload's value ([{value, source, uploadId}]) so both crops can be shown side by side.
CREATE VIEW disagreements AS
SELECT r.election_id, r.region, r.precinct, r.field_id, f.line_number, f.label, r.upload_ids, r.disagreement
FROM precinct_results r
JOIN elections e ON e.id = r.election_id
LEFT JOIN form_fields f ON f.form_id = e.form_id AND f.field_id = r.field_id
WHERE r.source = 'disagreement';

-- Precincts of the registry with a photo, with a verified protocol, and waiting for review, per region.
CREATE VIEW coverage_by_region AS
SELECT p.election_id, p.region,
       count(*) AS precincts,
       count(s.precinct) AS precincts_with_photos,
       count(*) FILTER (WHERE s.status = 'verified') AS precincts_verified,
       count(*) FILTER (WHERE s.status = 'needs_review') AS precincts_needing_review,
       round(100.0 * count(*) FILTER (WHERE s.status = 'verified') / count(*), 1) AS verified_percent
FROM precincts p
LEFT JOIN precinct_status s USING (election_id, region, precinct)
GROUP BY p.election_id, p.region;

-- Observer's final value against the official one, per precinct and line; difference = official - observer
-- (positive: the commission published more than the protocol on the wall said).
CREATE VIEW discrepancies AS
SELECT r.election_id, r.region, r.precinct, r.precinct_status, r.field_id, r.line_number, r.label,
       r.value AS observer_value, o.value AS official_value, o.value - r.value AS difference, r.upload_ids
FROM final_results r
JOIN official_results o USING (election_id, region, precinct, field_id);

-- Per region, over verified precincts that also have official results: how many lines differ and by how much.
CREATE VIEW region_discrepancies AS
SELECT election_id, region,
       count(DISTINCT precinct) AS precincts_compared,
       count(DISTINCT precinct) FILTER (WHERE difference <> 0) AS precincts_differing,
       count(*) AS lines_compared,
       count(*) FILTER (WHERE difference <> 0) AS lines_differing,
       sum(difference) AS sum_difference,
       sum(abs(difference)) AS sum_abs_difference
FROM discrepancies
WHERE precinct_status = 'verified'
GROUP BY election_id, region;

-- Each choice's (candidate's, party's) share of the group's votes per region, as observers saw it and as the
-- commission published it, over the same verified precincts.
CREATE VIEW region_shares AS
WITH votes AS (
    SELECT d.election_id, d.region, f.group_id, d.field_id, f.ordinal, d.label,
           d.observer_value, d.official_value
    FROM discrepancies d
    JOIN elections e ON e.id = d.election_id
    JOIN form_fields f ON f.form_id = e.form_id AND f.field_id = d.field_id
    WHERE d.precinct_status = 'verified' AND f.group_id IS NOT NULL
), totals AS (
    SELECT election_id, region, group_id, field_id, min(ordinal) AS ordinal, min(label) AS label,
           sum(observer_value) AS observer_votes, sum(official_value) AS official_votes
    FROM votes GROUP BY election_id, region, group_id, field_id
)
SELECT election_id, region, group_id, field_id, label, observer_votes, official_votes,
       round(100.0 * observer_votes / nullif(sum(observer_votes) OVER w, 0), 2) AS observer_share_percent,
       round(100.0 * official_votes / nullif(sum(official_votes) OVER w, 0), 2) AS official_share_percent,
       round(100.0 * official_votes / nullif(sum(official_votes) OVER w, 0), 2)
         - round(100.0 * observer_votes / nullif(sum(observer_votes) OVER w, 0), 2) AS share_difference_points
FROM totals
WINDOW w AS (PARTITION BY election_id, region, group_id)
ORDER BY election_id, region, group_id, ordinal;

-- Per verified precinct and choice: turnout (the group's votes over voters on the list, from the registry) and the
-- choice's share of the group's votes, by the observers' values and by the official ones: the turnout-versus-share
-- scatter.
CREATE VIEW precinct_turnout_shares AS
WITH votes AS (
    SELECT r.election_id, r.region, r.precinct, f.group_id, r.field_id, f.ordinal, f.label, r.value
    FROM final_results r
    JOIN elections e ON e.id = r.election_id
    JOIN form_fields f ON f.form_id = e.form_id AND f.field_id = r.field_id
    WHERE r.precinct_status = 'verified' AND f.group_id IS NOT NULL
), official AS (
    SELECT o.election_id, o.region, o.precinct, f.group_id, o.field_id,
           round(100.0 * sum(o.value) OVER w / nullif(p.voters_on_list, 0), 2) AS official_turnout_percent,
           round(100.0 * o.value / nullif(sum(o.value) OVER w, 0), 2) AS official_share_percent
    FROM official_results o
    JOIN elections e ON e.id = o.election_id
    JOIN form_fields f ON f.form_id = e.form_id AND f.field_id = o.field_id
    JOIN precincts p ON p.election_id = o.election_id AND p.region = o.region AND p.precinct = o.precinct
    WHERE f.group_id IS NOT NULL
    WINDOW w AS (PARTITION BY o.election_id, o.region, o.precinct, f.group_id)
)
SELECT v.election_id, v.region, v.precinct, v.group_id, v.field_id, v.label, p.voters_on_list,
       sum(v.value) OVER w AS group_votes, v.value AS votes,
       round(100.0 * sum(v.value) OVER w / nullif(p.voters_on_list, 0), 2) AS turnout_percent,
       round(100.0 * v.value / nullif(sum(v.value) OVER w, 0), 2) AS share_percent,
       o.official_turnout_percent, o.official_share_percent
FROM votes v
JOIN precincts p USING (election_id, region, precinct)
LEFT JOIN official o USING (election_id, region, precinct, group_id, field_id)
WINDOW w AS (PARTITION BY v.election_id, v.region, v.precinct, v.group_id)
ORDER BY v.election_id, v.region, v.precinct, v.ordinal;
