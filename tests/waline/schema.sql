-- The PostgreSQL schema of the Waline comment server (npm @waline/vercel 1.39.3), which the
-- package does not ship. Written for tests/waline/harness.mjs from what the package's code
-- reads and writes:
--   * tools/waline/node_modules/@waline/vercel/src/service/storage/postgresql.js and mysql.js:
--     tables are "<PG_PREFIX><Model>" lower-cased (wl_comment, wl_counter, wl_users); the
--     primary key column is "id" (surfaced as objectId); insertedAt/createdAt/updatedAt are
--     written and read as the lower-case columns insertedat/createdat/updatedat (add() renames
--     them, select() maps them back); setSeqId() restarts "<table>_seq".
--   * think-model-postgresql quotes every other identifier ("like", "2fa", "user_id"), so
--     those names must be exactly as below; it reads the columns from information_schema and
--     silently drops unknown keys (e.g. the camelCase "updatedAt" that update() passes).
--   * src/controller/comment.js (post/list/like), article.js (time + reaction0..8 counters),
--     user.js / oauth.js / token.js (users, socials, 2fa).
-- Timestamps are "timestamp without time zone": the storage layer writes local-time strings
-- ('YYYY-MM-DD HH:mm:ss', think.datetime) and node-postgres reads them back as local time, so
-- the server's TZ must not change between writes and reads (the harness runs it with TZ=UTC).

CREATE SEQUENCE wl_comment_seq;
CREATE TABLE wl_comment (
  id integer NOT NULL DEFAULT nextval('wl_comment_seq') CHECK (id > 0),
  user_id integer DEFAULT NULL,
  comment text,
  insertedat timestamp(0) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ip varchar(100) DEFAULT '',
  link varchar(255) DEFAULT NULL,
  mail varchar(255) DEFAULT NULL,
  nick varchar(255) DEFAULT NULL,
  pid integer DEFAULT NULL,
  rid integer DEFAULT NULL,
  sticky numeric DEFAULT NULL,
  status varchar(50) NOT NULL DEFAULT '',
  "like" integer DEFAULT NULL,
  ua text,
  url varchar(255) DEFAULT NULL,
  createdat timestamp(0) without time zone NULL DEFAULT CURRENT_TIMESTAMP,
  updatedat timestamp(0) without time zone NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
);
ALTER SEQUENCE wl_comment_seq OWNED BY wl_comment.id;
CREATE INDEX wl_comment_url ON wl_comment (url);
CREATE INDEX wl_comment_rid ON wl_comment (rid);

CREATE SEQUENCE wl_counter_seq;
CREATE TABLE wl_counter (
  id integer NOT NULL DEFAULT nextval('wl_counter_seq') CHECK (id > 0),
  time integer DEFAULT NULL,
  reaction0 integer DEFAULT NULL,
  reaction1 integer DEFAULT NULL,
  reaction2 integer DEFAULT NULL,
  reaction3 integer DEFAULT NULL,
  reaction4 integer DEFAULT NULL,
  reaction5 integer DEFAULT NULL,
  reaction6 integer DEFAULT NULL,
  reaction7 integer DEFAULT NULL,
  reaction8 integer DEFAULT NULL,
  url varchar(255) NOT NULL DEFAULT '',
  createdat timestamp(0) without time zone NULL DEFAULT CURRENT_TIMESTAMP,
  updatedat timestamp(0) without time zone NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
);
ALTER SEQUENCE wl_counter_seq OWNED BY wl_counter.id;
CREATE INDEX wl_counter_url ON wl_counter (url);

CREATE SEQUENCE wl_users_seq;
CREATE TABLE wl_users (
  id integer NOT NULL DEFAULT nextval('wl_users_seq') CHECK (id > 0),
  display_name varchar(255) NOT NULL DEFAULT '',
  email varchar(255) NOT NULL DEFAULT '',
  password varchar(255) NOT NULL DEFAULT '',
  type varchar(50) NOT NULL DEFAULT '',
  label varchar(255) DEFAULT NULL,
  url varchar(255) DEFAULT NULL,
  avatar varchar(255) DEFAULT NULL,
  github varchar(255) DEFAULT NULL,
  twitter varchar(255) DEFAULT NULL,
  facebook varchar(255) DEFAULT NULL,
  google varchar(255) DEFAULT NULL,
  weibo varchar(255) DEFAULT NULL,
  qq varchar(255) DEFAULT NULL,
  oidc varchar(255) DEFAULT NULL,
  huawei varchar(255) DEFAULT NULL,
  "2fa" varchar(32) DEFAULT NULL,
  createdat timestamp(0) without time zone NULL DEFAULT CURRENT_TIMESTAMP,
  updatedat timestamp(0) without time zone NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
);
ALTER SEQUENCE wl_users_seq OWNED BY wl_users.id;
