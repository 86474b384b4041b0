-- The least-privilege role the API and the worker run as (a LOGIN user that is a member of it): everything the
-- application does, and no way to rewrite history. audit_events is insert-and-read only for it, on top of the
-- append-only trigger (which the tables' owner could drop; this role cannot). Roles are cluster-wide, so it is created
-- once; the grants are per database. Hangfire's schema is granted by the migrate step after it installs that schema.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'protocolocr_app') THEN
        CREATE ROLE protocolocr_app NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO protocolocr_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO protocolocr_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO protocolocr_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM protocolocr_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_versions FROM protocolocr_app;

-- Tables and sequences later migrations create (run by the same owner) are granted the same way; a later append-only
-- table must REVOKE UPDATE, DELETE, TRUNCATE from protocolocr_app itself, as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO protocolocr_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO protocolocr_app;
