//! The SQL custodia sends to database servers, in one place: statements,
//! not words for a reader, so this module is not among those whose text
//! the message scan (`tests/messages.rs`) holds to the catalogue.

/// SQLite: the tables and views of the database, by name, but SQLite's
/// own (`sqlite_sequence`, `sqlite_stat1`: SQLite reserves the names that
/// begin with `sqlite_`, in any letter case). The `_` is escaped: unescaped
/// it matches any character, and a table `sqlite3_destruction` was left out
/// of the tables no entry reads (hostile review, 2026-12-06).
#[cfg(feature = "sqlite")]
pub const SQLITE_RELATIONS: &str = "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
/// SQLite: the tables and views of the database, by name, with whether
/// each is a view.
#[cfg(feature = "sqlite")]
pub const SQLITE_RELATION_KINDS: &str = "SELECT name, type = 'view' FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
/// SQLite: a first read of the schema, which fails when the file cannot be
/// read (a hot journal, a file that is no database).
#[cfg(feature = "sqlite")]
pub const SQLITE_FIRST_READ: &str = "SELECT count(*) FROM sqlite_schema";
/// SQLite: its check of the file's structure.
#[cfg(feature = "sqlite")]
pub const SQLITE_QUICK_CHECK: &str = "PRAGMA quick_check";
/// SQLite: whether relation `{}` (quoted) holds a row.
#[cfg(feature = "sqlite")]
pub const SQLITE_HAS_ROWS: &str = "SELECT 1 FROM {} LIMIT 1";
/// SQLite: whether `?1` is a table of the file's schema, not SQLite's own.
#[cfg(feature = "sqlite")]
pub const SQLITE_IS_TABLE: &str = "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
/// SQLite: the definition of view `?1`.
#[cfg(feature = "sqlite")]
pub const SQLITE_VIEW_SQL: &str = "SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?1";
/// SQLite: the primary key columns of table `?1`, in key order.
#[cfg(feature = "sqlite")]
pub const SQLITE_PRIMARY_KEY: &str =
    "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk";

/// PostgreSQL, MySQL/MariaDB: whether relation `{}` (quoted, with its
/// schema) holds a row.
pub const ANY_ROW: &str = "SELECT 1 FROM {} LIMIT 1";
/// MySQL/MariaDB: the statement timeout in seconds (MariaDB), before the number.
#[cfg(feature = "mysql")]
pub const MARIADB_TIMEOUT: &str = "SET SESSION max_statement_time = ";
/// MySQL: the statement timeout in milliseconds, before the number.
#[cfg(feature = "mysql")]
pub const MYSQL_TIMEOUT: &str = "SET SESSION max_execution_time = ";
/// MySQL/MariaDB: the tables of the current database.
#[cfg(feature = "mysql")]
pub const MYSQL_RELATIONS: &str = "SELECT CAST(table_name AS CHAR) FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1";
/// MySQL/MariaDB: the tables of every database the login sees but the
/// server's own, with whether it is the current database.
#[cfg(feature = "mysql")]
pub const MYSQL_ALL_RELATIONS: &str = "SELECT CAST(table_schema AS CHAR), CAST(table_name AS CHAR), CAST(COALESCE(table_schema = DATABASE(), 0) AS SIGNED) FROM information_schema.tables WHERE table_schema NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY 1, 2";
/// MySQL/MariaDB: the primary key columns of table `?`, in key order.
#[cfg(feature = "mysql")]
pub const MYSQL_PRIMARY_KEY: &str = "SELECT CAST(column_name AS CHAR) FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position";

/// PostgreSQL: the session settings before the statement timeout (ms).
#[cfg(feature = "postgres")]
pub const PG_SESSION: &str = "SET default_transaction_read_only = on; SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET statement_timeout = ";
/// PostgreSQL: the tables of the schemas on the search path.
#[cfg(feature = "postgres")]
pub const PG_RELATIONS: &str = "SELECT table_name::text FROM information_schema.tables WHERE table_schema = ANY (current_schemas(false)) ORDER BY 1";
/// PostgreSQL: the tables, views and partitions of every schema but the
/// system's: oid, schema, name, whether the schema is on the search path,
/// and the oids of the tables it is a partition or child of, up to the root.
#[cfg(feature = "postgres")]
pub const PG_ALL_RELATIONS: &str = "WITH RECURSIVE up (child, parent) AS (SELECT inhrelid, inhparent FROM pg_inherits UNION SELECT up.child, i.inhparent FROM up JOIN pg_inherits i ON i.inhrelid = up.parent) SELECT c.oid::int8, n.nspname::text, c.relname::text, n.nspname = ANY (current_schemas(false)), ARRAY(SELECT up.parent::int8 FROM up WHERE up.child = c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 2, 3";
/// PostgreSQL: the primary key columns of table `$1`, in key order.
#[cfg(feature = "postgres")]
pub const PG_PRIMARY_KEY: &str = "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indrelid = to_regclass($1) AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)";
