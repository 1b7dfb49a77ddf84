//! Database sources (docs/databases.md): a table or a `SELECT` read from
//! PostgreSQL, MySQL/MariaDB or SQLite, row by row, into the same row path
//! as a CSV file (header, rows of cells, provenance), so conversion, input
//! errors, accounting and reports are those of files.
//!
//! A source is listed in the report's inputs as `db:DATABASE/TABLE` (or
//! `db:DATABASE/QUERY`), with the SHA-256 of its result read in a stable
//! order (the primary key, else every column); its rows' lines are their
//! positions in that order, and an input error names the row's key.

use crate::msg;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::check::schema::{CollKind, Schema};
use crate::value::CollId;

use super::loader::{Loader, Target};
use super::read::{Raw, RawRow, RowView};
use super::rows::{self, FileCtx, NearMisses};
use super::source::{DbSource, Resolved, Role, SourceEntry, DEFAULT_TIMEOUT_SECONDS};
use super::{parallel, truncate, InputError, InputFile};

/// A problem reading a database, in words (never with the URL's password).
#[derive(Debug)]
pub struct DbError(pub String);

/// A table or view of a server, as `Connection::all_relations` lists it.
#[derive(Debug, Clone, Default)]
pub struct Relation {
    /// Which relation it is (PostgreSQL's oid), for `within`.
    pub id: i64,
    /// Its schema (PostgreSQL) or database (MySQL).
    pub schema: String,
    pub name: String,
    /// Whether an unqualified name finds it: its schema is on the search
    /// path (PostgreSQL) or is the connection's database (MySQL).
    pub on_path: bool,
    /// The relations whose rows include its rows (`id`s): the tables it is
    /// a partition of, or inherits from (PostgreSQL's `pg_inherits`, up to
    /// the root).
    pub within: Vec<i64>,
}

/// One row as the database returned it, or why it cannot be read (a
/// binary value, a type with no text form): that row is an input error.
pub type DbRow = Result<Vec<Raw>, String>;

/// What reading a source needs of a database connection. Every
/// implementation reads inside a read-only transaction with a statement
/// timeout, and hands rows over one at a time (no whole result in memory).
pub trait Connection {
    /// `ident` quoted for this dialect.
    fn quote(&self, ident: &str) -> String {
        format!("\"{}\"", ident.replace('"', "\"\""))
    }
    /// The tables and views a source may name.
    fn relations(&mut self) -> Result<Vec<String>, DbError>;
    /// The tables and views of every schema (PostgreSQL) or database
    /// (MySQL) the login can see, for the check of tables no entry reads
    /// (`db_unread`): by default those of `relations`, all on the path.
    fn all_relations(&mut self) -> Result<Vec<Relation>, DbError> {
        let names = self.relations()?;
        let relation = |(id, name)| Relation {
            id,
            name,
            ..Relation::default()
        };
        Ok((0..).zip(names).map(relation).collect())
    }
    /// The primary key columns of `table`, in key order (none for a view).
    fn primary_key(&mut self, table: &str) -> Result<Vec<String>, DbError>;
    /// The columns of the result of `sql`, without reading its rows.
    fn columns(&mut self, sql: &str) -> Result<Vec<String>, DbError>;
    /// How `column` (of `alias`) is selected so that its value comes back
    /// in a form `stream` reads (a cast to text where needed).
    fn select_item(&mut self, alias: &str, column: &str) -> String {
        format!("{alias}.{}", self.quote(column))
    }
    /// Runs `sql`, calling `each` with every row in order.
    fn stream(&mut self, sql: &str, each: &mut dyn FnMut(DbRow)) -> Result<(), DbError>;
    /// Whether `from` (a quoted relation) yields a row: `None` when it
    /// cannot be told (a statement that fails or runs past the timeout).
    fn any_row(&mut self, from: &str) -> Option<bool> {
        let mut any = false;
        let sql = super::db_sql::ANY_ROW.replace("{}", from);
        self.stream(&sql, &mut |_| any = true).ok()?;
        Some(any)
    }
    /// The tables and views `sql` reads, when the database can say
    /// (`db_unread`); `None` when it cannot.
    fn tables_read(&mut self, _sql: &str) -> Option<Vec<String>> {
        None
    }
}

/// The alias of the source in the statements custodia writes around it.
const ALIAS: &str = "custodia_source";

/// What one source is read with.
pub(super) struct Plan {
    pub(super) sql: String,
    pub(super) columns: Vec<String>,
    /// Positions of the columns naming a row in an input error.
    pub(super) key: Vec<usize>,
}

/// Loads one database source into the dataset. Every problem (no URL, an
/// unreachable server, a refused login, a missing table, a query that is
/// not a `SELECT`, a timeout) is an input error naming the source: the
/// check is then incomplete, never passed on rows it did not read.
pub(super) fn load(loader: &mut Loader, inputs: &[&Resolved]) {
    let Some(input) = inputs.first().copied() else {
        return;
    };
    let entry = &input.entry;
    let Some(db) = &entry.db else {
        return;
    };
    let Some((target, coll)) = target_of(loader.schema, input) else {
        let name = input.role.table().unwrap_or("");
        let message = msg!("db-no-table", name = name).words();
        let at = super::mapping::at_line(&loader.mappings.manifest, entry.line, &message);
        loader.ds.errors.push(at);
        return;
    };
    // Errors about the URL as written are at the entry's line in
    // custodia.yaml (hostile review, 2026-12-06: they named no line).
    let url = match url_of(db) {
        Ok(u) => u,
        Err(message) => {
            let at = super::mapping::at_line(&loader.mappings.manifest, entry.line, &message);
            loader.ds.errors.push(at);
            return;
        }
    };
    let label = label(&url, db);
    if let Some(message) = url_problem(&url, loader.root) {
        let message = source_said(&label, &message);
        let at = super::mapping::at_line(&loader.mappings.manifest, entry.line, &message);
        loader.ds.errors.push(at);
        if let Some(c) = coll {
            loader.ds.partly_read.insert(c);
        }
        return;
    }
    let first_error = loader.ds.errors.len();
    let timeout = Duration::from_secs(db.timeout_seconds.unwrap_or(DEFAULT_TIMEOUT_SECONDS));
    // An error about the entry as written (a column named twice): at its
    // line in custodia.yaml, as a CSV header's is at the file's header.
    let mut at_entry = None;
    let read = connect(&url, loader.root, timeout).and_then(|mut conn| {
        // Before the plan: PostgreSQL's connection keeps the types of the
        // last statement it described, which the plan's must be.
        let own = own_columns(conn.as_mut(), db)?;
        let mut plan = plan(conn.as_mut(), db, loader.schema, coll)?;
        if let Some(dup) = duplicate(&own).or_else(|| duplicate(&plan.columns)) {
            let message = dup.words();
            at_entry = Some(message.clone());
            return Err(DbError(message));
        }
        if maps_columns(entry) {
            // The mapping checks the result's columns and values, as a
            // file's, before any row is loaded (docs/databases.md).
            if plan.key.is_empty() {
                let id = id_field(loader.schema, coll);
                plan.key = super::db_mapped::id_column(entry, id.as_deref(), &plan.columns);
            }
            plan.key = impersonal_key(loader.schema, coll, entry, &plan.columns, plan.key);
            let r = super::db_mapped::read(loader, conn.as_mut(), &plan, inputs, &label);
            return Ok((r.file_idx, r.loaded, r.stopped, r.lost));
        }
        check_columns(loader.schema, coll, &target, entry, &plan.columns)?;
        absent_columns(loader, &label, &target, coll, &plan.columns);
        plan.key = impersonal_key(loader.schema, coll, entry, &plan.columns, plan.key);
        let (file_idx, loaded, stopped) =
            read_rows(loader, conn.as_mut(), &plan, input, &label, &target);
        Ok((file_idx, loaded, stopped, false))
    });
    let lost = match read {
        Ok((file_idx, loaded, stopped, mapping_lost)) => {
            let result_rows = loader.ds.files[file_idx as usize]
                .row_keys
                .as_ref()
                .map_or(0, |k| k.len());
            let quiet = stopped.is_none() && loader.ds.errors.len() == first_error;
            if let (Some(c), 0, true, false) =
                (coll, result_rows, quiet, input.role == Role::Inventory)
            {
                // A `WHERE` that filters every row reads as "no such
                // events"; the inventory has its own note.
                loader.ds.empty_sources.push((label.clone(), c));
            }
            if let Some(e) = stopped {
                loader.ds.errors.push(InputError::file(&label, &e.0));
            }
            let lost = loader.finish(&label, file_idx, first_error, false, loaded);
            lost || mapping_lost
        }
        Err(e) => {
            let error = match at_entry {
                Some(message) => super::mapping::at_line(
                    &loader.mappings.manifest,
                    entry.line,
                    &source_said(&label, &message),
                ),
                None => InputError::file(&label, &e.0),
            };
            loader.ds.errors.push(error);
            true
        }
    };
    if let (Some(c), true) = (coll, lost) {
        loader.ds.partly_read.insert(c);
    }
}

/// The key that names a row in messages and reports, never personal
/// data (R8: a customer table keyed by mobile number printed the numbers
/// in every format). **Decision** (docs/databases.md): a primary-key
/// column that feeds a `pii` field, or no field of the schema (what it
/// holds is unknown), is replaced by the collection's id column when the
/// result has one that is not personal, else the row is named by its
/// position in the result.
fn impersonal_key(
    schema: &Schema,
    coll: Option<CollId>,
    entry: &SourceEntry,
    columns: &[String],
    key: Vec<usize>,
) -> Vec<usize> {
    let Some(c) = coll.map(|c| schema.collection(c)) else {
        return key;
    };
    // The field a column feeds: through the mapping, else by its name.
    let field_of = |column: &str| {
        let mapped = entry
            .columns
            .iter()
            .flatten()
            .find(|(_, spec)| spec.0.column.as_deref().map(str::trim) == Some(column));
        let name = mapped.map_or(column, |(k, _)| k.name.as_str());
        c.fields.iter().find(|f| f.name == name)
    };
    let personal = |i: &usize| field_of(&columns[*i]).map_or(true, |f| f.pii);
    if !key.iter().any(personal) {
        return key;
    }
    let id = id_field(schema, coll);
    let id_column = super::db_mapped::id_column(entry, id.as_deref(), columns);
    if id_column.is_empty() || id_column.iter().any(personal) {
        Vec::new()
    } else {
        id_column
    }
}

/// Whether the entry maps the result's columns or rows (`columns:`,
/// `where:`, `skip:`). **Decision:** an entry that only names a log's
/// `kind:` is read unmapped and streamed, where a row's `kind` column still
/// wins (docs/databases.md).
/// The database entries in groups read as one source: mapped log entries
/// naming the same result (connection, table or query), told apart by
/// their `where:`, as the entries of one file are. Read one by one, each
/// reported the other's rows as "read by no entry". Other entries stand
/// alone; groups keep the manifest's order.
pub(super) fn same_result(inputs: &[Resolved]) -> Vec<Vec<&Resolved>> {
    let mut groups: Vec<Vec<&Resolved>> = Vec::new();
    for input in inputs {
        let joins = |g: &Vec<&Resolved>| {
            let first = g[0];
            first.role == Role::Log
                && input.role == Role::Log
                && maps_columns(&first.entry)
                && maps_columns(&input.entry)
                && first.entry.db == input.entry.db
        };
        match groups.iter_mut().find(|g| joins(g)) {
            Some(g) => g.push(input),
            None => groups.push(vec![input]),
        }
    }
    groups
}

fn maps_columns(entry: &SourceEntry) -> bool {
    entry.maps_rows()
}

/// What the rows of a source fill: a collection, or events by kind.
fn target_of(schema: &Schema, input: &Resolved) -> Option<(Target, Option<CollId>)> {
    match &input.role {
        Role::Inventory => Some((Target::Fixed(schema.record()), schema.record())),
        Role::Table(name) => {
            let c = schema
                .lookup(name)
                .filter(|c| schema.collection(*c).kind == CollKind::Table)?;
            Some((Target::Fixed(Some(c)), Some(c)))
        }
        Role::Log => {
            let kind = event_kind_of(&input.entry);
            let c = kind
                .and_then(|k| schema.lookup(k))
                .filter(|c| schema.collection(*c).kind == CollKind::Event);
            Some((Target::Events, c))
        }
    }
}

/// A log's default event kind: `kind:`, else the table's name (as a log
/// file's stem is).
pub(super) fn event_kind_of(entry: &SourceEntry) -> Option<&str> {
    let table = entry.db.as_ref().and_then(|db| db.table.as_deref());
    entry.kind.as_deref().or(table)
}

/// The connection URL: the literal `url:` (SQLite only), else the
/// environment variable named by `url_env:`.
pub(super) fn url_of(entry: &DbSource) -> Result<String, String> {
    if let Some(url) = &entry.url {
        return Ok(url.clone());
    }
    let var = entry.url_env.as_deref().unwrap_or("");
    match std::env::var(var) {
        Ok(v) if !v.trim().is_empty() => Ok(v.trim().to_string()),
        Ok(_) => Err(msg!("db-url-env-empty", var = var).words()),
        Err(_) => Err(msg!("db-url-env-unset", var = var).words()),
    }
}

/// `db:DATABASE/TABLE`, or `db:DATABASE/QUERY` with the query on one line.
/// DATABASE is the URL's database name (a SQLite file's stem); the URL's
/// user, password and host are left out.
pub fn label(url: &str, entry: &DbSource) -> String {
    let what = match (&entry.table, &entry.query) {
        (Some(t), _) => t.clone(),
        (None, Some(q)) => q.split_whitespace().collect::<Vec<_>>().join(" "),
        (None, None) => String::new(),
    };
    format!("db:{}/{what}", database_name(url))
}

/// The database a URL names: its path's last segment (before any `?`), a
/// SQLite file's stem.
fn database_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('?').next().unwrap_or(rest);
    if url.starts_with("sqlite://") {
        return Path::new(rest)
            .file_stem()
            .map_or(rest.to_string(), |s| s.to_string_lossy().into_owned());
    }
    let after_host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    match after_host.split_once('/') {
        Some((_, db)) if !db.is_empty() => db.to_string(),
        _ => after_host.split(':').next().unwrap_or("").to_string(),
    }
}

/// A URL as shown in a message: scheme, host and database, no user or
/// password.
pub fn redacted(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
            let host = host.split('?').next().unwrap_or(host);
            format!("{scheme}://{host}")
        }
        None => msg!("db-the-url").words(),
    }
}

/// What is wrong with a URL as written, before connecting: a scheme
/// custodia does not read, a client this build lacks, a SQLite file that is
/// not there. The same errors `connect` gives, said at the entry's line.
fn url_problem(url: &str, root: &Path) -> Option<String> {
    let scheme = url.split_once("://").map_or("", |(s, _)| s);
    let built = match scheme {
        "sqlite" => cfg!(feature = "sqlite"),
        "postgres" | "postgresql" => cfg!(feature = "postgres"),
        "mysql" | "mariadb" => cfg!(feature = "mysql"),
        _ => return Some(msg!("db-bad-url", url = redacted(url)).words()),
    };
    if !built {
        // `connect` says which feature adds the client.
        return connect(url, root, Duration::ZERO).err().map(|e| e.0);
    }
    let path = sqlite_path(url, root);
    if scheme == "sqlite" && !path.is_file() {
        let path = path.display().to_string();
        return Some(msg!("db-sqlite-no-file", path = path).words());
    }
    None
}

/// Opens the connection a URL names; a client this build lacks is an
/// error saying which cargo feature adds it.
pub(super) fn connect(
    url: &str,
    root: &Path,
    timeout: Duration,
) -> Result<Box<dyn Connection>, DbError> {
    let scheme = url.split_once("://").map_or("", |(s, _)| s);
    match scheme {
        "sqlite" => sqlite(url, root, timeout),
        "postgres" | "postgresql" => postgres(url, timeout),
        "mysql" | "mariadb" => mysql(url, timeout),
        _ => Err(DbError(msg!("db-bad-url", url = redacted(url)).words())),
    }
}

/// A SQLite file: `sqlite://PATH`, relative to the case directory, or
/// `sqlite:///ABSOLUTE/PATH`.
#[allow(unused_variables)]
fn sqlite(url: &str, root: &Path, timeout: Duration) -> Result<Box<dyn Connection>, DbError> {
    #[cfg(feature = "sqlite")]
    {
        let path = sqlite_path(url, root);
        Ok(Box::new(super::db_sqlite::open(&path, timeout)?))
    }
    #[cfg(not(feature = "sqlite"))]
    Err(not_built("SQLite", "sqlite"))
}

/// The SQLite file a database entry reads, when it reads one: for the
/// input accounting, that file of the case is read, not left unread.
pub fn sqlite_file(db: &DbSource, root: &Path) -> Option<PathBuf> {
    let url = url_of(db).ok()?;
    url.starts_with("sqlite://")
        .then(|| sqlite_path(&url, root))
}

/// The file a `sqlite://` URL names.
pub fn sqlite_path(url: &str, root: &Path) -> PathBuf {
    let path = url.strip_prefix("sqlite://").unwrap_or(url);
    root.join(path)
}

#[allow(unused_variables)]
fn postgres(url: &str, timeout: Duration) -> Result<Box<dyn Connection>, DbError> {
    #[cfg(feature = "postgres")]
    {
        Ok(Box::new(super::db_postgres::open(url, timeout)?))
    }
    #[cfg(not(feature = "postgres"))]
    Err(not_built("PostgreSQL", "postgres"))
}

#[allow(unused_variables)]
fn mysql(url: &str, timeout: Duration) -> Result<Box<dyn Connection>, DbError> {
    #[cfg(feature = "mysql")]
    {
        Ok(Box::new(super::db_mysql::open(url, timeout)?))
    }
    #[cfg(not(feature = "mysql"))]
    Err(not_built("MySQL/MariaDB", "mysql"))
}

#[allow(dead_code)]
fn not_built(what: &str, feature: &str) -> DbError {
    DbError(msg!("db-not-built", what = what, feature = feature).words())
}

/// The statement that reads a source, its columns and its key.
fn plan(
    conn: &mut dyn Connection,
    entry: &DbSource,
    schema: &Schema,
    coll: Option<CollId>,
) -> Result<Plan, DbError> {
    let (from, order_by_key) = match (&entry.table, &entry.query) {
        (Some(table), _) => {
            let relations = conn.relations()?;
            if !relations.iter().any(|r| r == table) {
                return Err(DbError(missing_table(table, &relations)));
            }
            (conn.quote(table), conn.primary_key(table)?)
        }
        (None, Some(query)) => (subquery(select_only(query)?), Vec::new()),
        (None, None) => return Err(DbError(msg!("db-no-query-or-table").words())),
    };
    let columns = conn.columns(&format!("SELECT * FROM {from} AS {ALIAS}"))?;
    // The rows' order decides their lines and the result's digest: by the
    // primary key, else by every column (equal rows are indistinguishable).
    let order = if order_by_key.is_empty() {
        columns.clone()
    } else {
        order_by_key.clone()
    };
    let select: Vec<String> = columns.iter().map(|c| conn.select_item(ALIAS, c)).collect();
    let order: Vec<String> = order
        .iter()
        .map(|c| format!("{ALIAS}.{}", conn.quote(c)))
        .collect();
    let mut sql = format!("SELECT {} FROM {from} AS {ALIAS}", select.join(", "));
    if !order.is_empty() {
        sql.push_str(&format!(" ORDER BY {}", order.join(", ")));
    }
    let key_names = if order_by_key.is_empty() {
        id_field(schema, coll).into_iter().collect()
    } else {
        order_by_key
    };
    let key = key_names
        .iter()
        .filter_map(|k| columns.iter().position(|c| c == k))
        .collect();
    Ok(Plan { sql, columns, key })
}

/// The name of the id field of a collection, which names a row of a
/// query's result in an input error.
fn id_field(schema: &Schema, coll: Option<CollId>) -> Option<String> {
    let c = schema.collection(coll?);
    c.id_field().map(|f| c.field(f).name.clone())
}

/// A query's own columns, as it names them (none for a table): SQLite
/// renames the second of two columns of one name in the subquery custodia
/// reads a query through (`legal_hold:1`), so only the bare query shows
/// both.
fn own_columns(conn: &mut dyn Connection, entry: &DbSource) -> Result<Vec<String>, DbError> {
    match (&entry.table, &entry.query) {
        (None, Some(query)) => conn.columns(select_only(query)?),
        _ => Ok(Vec::new()),
    }
}

/// Two columns of one name in a result, in words: which of them a field
/// reads cannot be told. Also a name SQLite made unique by a `:N` after a
/// name the result has, in any letter case (a view's, or a subquery's,
/// second `legal_hold` is `legal_hold:1`; SQLite compares names without
/// letter case). **Decision** (docs/databases.md, 2026-12-06): an input
/// error at the entry's line, as a CSV header naming a column twice is;
/// `SELECT i.*, h.legal_hold FROM inventory i JOIN holds h …` read the
/// inventory's `legal_hold` and left the hold's out without a word.
///
/// Names are compared as the loader reads them, without the white space
/// around them (hostile review, 2026-12-07: `legal_hold ` after
/// `legal_hold` silently replaced its values).
fn duplicate(columns: &[String]) -> Option<crate::i18n::Msg> {
    for (second, name) in columns.iter().enumerate() {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        if let Some(first) = columns[..second].iter().position(|c| c.trim() == name) {
            return Some(msg!(
                "db-duplicate-column",
                column = crate::text::invisibles_shown(name),
                first = first + 1,
                second = second + 1
            ));
        }
        let Some((base, n)) = name.rsplit_once(':') else {
            continue;
        };
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let same = |c: &String| c.trim().eq_ignore_ascii_case(base);
        if let Some(first) = columns.iter().position(same) {
            return Some(msg!(
                "db-duplicate-column-renamed",
                column = base,
                renamed = name,
                first = first + 1,
                second = second + 1
            ));
        }
    }
    None
}

fn missing_table(table: &str, relations: &[String]) -> String {
    let hint = crate::check::suggest::did_you_mean(table, relations.iter().map(String::as_str))
        .map(|s| msg!("data-did-you-mean", name = s).words())
        .unwrap_or_default();
    let mut shown: Vec<&str> = relations.iter().map(String::as_str).take(20).collect();
    if relations.len() > shown.len() {
        shown.push("…");
    }
    let has = match shown.is_empty() {
        true => msg!("db-none").words(),
        false => shown.join(&crate::t!(crate::i18n::message_lang(), "list-comma")),
    };
    msg!("db-no-such-table", table = table, hint = hint, has = has).words()
}

/// The query, when it is one `SELECT` (or `WITH … SELECT`); a trailing `;`
/// is dropped. Anything else is refused before it reaches the server (the
/// read-only transaction would refuse a write too: this says why in words).
pub fn select_only(query: &str) -> Result<&str, DbError> {
    let q = strip_comments_start(query).trim();
    let q = q.strip_suffix(';').unwrap_or(q).trim_end();
    let first = q
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("")
        .to_ascii_uppercase();
    if first != "SELECT" && first != "WITH" {
        return Err(DbError(
            msg!("db-not-a-select", first = truncate(&first)).words(),
        ));
    }
    if has_statement_separator(q) {
        return Err(DbError(msg!("db-several-statements").words()));
    }
    Ok(q)
}

/// A query as a subquery of the statements custodia writes around it. The
/// `)` goes on a line of its own: a query ending in a `--` comment
/// (`SELECT * FROM destruction -- all rows`) otherwise turned the `)` and
/// all that follows into comment, and failed as "incomplete input".
pub fn subquery(query: &str) -> String {
    format!("({query}\n)")
}

/// `query` without the comments and blanks before its first word.
fn strip_comments_start(query: &str) -> &str {
    let mut q = query.trim_start();
    loop {
        if let Some(rest) = q.strip_prefix("--") {
            q = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(rest) = q.strip_prefix("/*") {
            q = rest.split_once("*/").map_or("", |(_, r)| r).trim_start();
        } else {
            return q;
        }
    }
}

/// Whether a `;` outside quotes and comments separates two statements.
fn has_statement_separator(q: &str) -> bool {
    let b = q.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            quote @ (b'\'' | b'"' | b'`') => {
                i += 1;
                while i < b.len() && b[i] != quote {
                    i += 1;
                }
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b';' => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// A required field the result has no column for stops the source before
/// any row is read: every row would lack it. Said once, with a "did you
/// mean" over the real columns.
fn check_columns(
    schema: &Schema,
    coll: Option<CollId>,
    target: &Target,
    entry: &SourceEntry,
    columns: &[String],
) -> Result<(), DbError> {
    let has_kind = columns.iter().any(|c| c.trim() == "kind");
    if matches!(target, Target::Events) && event_kind_of(entry).is_none() && !has_kind {
        return Err(DbError(msg!("db-log-kind-unknown").words()));
    }
    let default_kind = event_kind_of(entry).filter(|_| matches!(target, Target::Events));
    // A `kind:` naming no kind is an error even when every row names its
    // own (a typo would go unseen), as for a file; the table's name is only
    // a default, which a `kind` column replaces.
    if let (Some(kind), None, true) = (default_kind, coll, has_kind && entry.kind.is_some()) {
        // In the words a file's `kind:` gets (`Loader::unknown_kind`).
        let kinds: Vec<&str> = (schema.collections.iter())
            .filter(|c| c.kind == CollKind::Event)
            .map(|c| c.name.as_str())
            .collect();
        let lang = crate::i18n::message_lang();
        return Err(DbError(crate::data::mapping::messages::unknown_kind(
            lang, kind, &kinds,
        )));
    }
    if let (Some(kind), None, false) = (default_kind, coll, has_kind) {
        let named = match entry.kind.is_some() {
            true => msg!("db-kind-key"),
            false => msg!("db-kind-table-name"),
        };
        return Err(DbError(
            msg!("db-not-an-event-kind", named = named, kind = kind).words(),
        ));
    }
    let Some(c) = coll.map(|c| schema.collection(c)) else {
        return Ok(());
    };
    if has_kind && matches!(target, Target::Events) {
        // Each row may be another kind, with other required fields.
        return Ok(());
    }
    for f in &c.fields {
        if f.optional || f.default.is_some() || columns.iter().any(|col| col.trim() == f.name) {
            continue;
        }
        let hint = crate::check::suggest::did_you_mean(&f.name, columns.iter().map(String::as_str))
            .map(|s| msg!("db-rename-hint", name = s, field = &f.name).words())
            .unwrap_or_default();
        return Err(DbError(
            msg!(
                "db-missing-column",
                field = &f.name,
                collection = &c.name,
                hint = hint,
                columns = columns.join(&crate::t!(crate::i18n::message_lang(), "list-comma"))
            )
            .words(),
        ));
    }
    Ok(())
}

/// The fields with a default, or optional, that the result has no column
/// for: noted as for a file's header (`Dataset::defaulted`). A log whose
/// rows name their own kind has columns per kind: not judged here.
fn absent_columns(
    loader: &mut Loader,
    label: &str,
    target: &Target,
    coll: Option<CollId>,
    columns: &[String],
) {
    let has_kind = columns.iter().any(|c| c.trim() == "kind");
    let Some(c) = coll.filter(|_| !(has_kind && matches!(target, Target::Events))) else {
        return;
    };
    let collection = loader.schema.collection(c);
    // Names as the loader reads them (`duplicate`): a column `legal_hold `
    // is read, so it is not noted absent.
    let has = |name: &str| columns.iter().any(|col| col.trim() == name);
    for field in super::absent_fields(collection, has) {
        loader.ds.defaulted.push((label.to_string(), c, field));
    }
}

/// Reads the rows of a source into the dataset: its index in the inputs,
/// what was loaded, and the error that stopped the read early, if any.
fn read_rows(
    loader: &mut Loader,
    conn: &mut dyn Connection,
    plan: &Plan,
    input: &Resolved,
    label: &str,
    target: &Target,
) -> (u32, parallel::Loaded, Option<DbError>) {
    let file_idx = push_source(loader, input, label);
    // A `kind` column: the rows say their kind, the table's name or `kind:`
    // is no source of one (`InputFile::rows_name_kind`), even with no row.
    loader.ds.files[file_idx as usize].rows_name_kind =
        matches!(target, Target::Events) && plan.columns.iter().any(|c| c.trim() == "kind");
    let ctx = FileCtx::new(
        loader.schema,
        loader.opts.tz,
        &loader.check,
        file_idx,
        label,
        false,
    );
    let kind = event_kind_of(&input.entry).unwrap_or("").to_string();
    let mut loaded = parallel::Loaded::default();
    let mut near = NearMisses::default();
    let mut digest = ResultDigest::new(&plan.columns);
    let mut keys = RowKeys::default();
    let mut line = 0u32;
    let ds = &mut *loader.ds;
    let result = conn.stream(&plan.sql, &mut |row| {
        line += 1;
        let cells = match row {
            Ok(cells) => cells,
            Err(message) => {
                digest.unreadable(line);
                keys.push("");
                ds.errors.push(InputError {
                    line: Some(line),
                    ..InputError::file(label, &message)
                });
                return;
            }
        };
        digest.row(&cells);
        let before = ds.errors.len();
        let row = RawRow {
            line,
            offset: 0,
            cells: plan
                .columns
                .iter()
                .zip(cells)
                .enumerate()
                .map(|(i, (c, v))| (c.clone(), v, Some(i as u32 + 1)))
                .collect(),
        };
        keys.push(&plain_key(&row, &plan.key));
        let view = RowView::of(&row);
        let mut sink = ds.sink(&mut loaded.undeclared, &mut loaded.naive, &mut near);
        let coll = match target {
            Target::Fixed(Some(c)) => Some(*c),
            Target::Fixed(None) => {
                loaded.no_collection = true;
                None
            }
            Target::Events => rows::event_kind(&ctx, &mut sink, &view, &kind),
        };
        if let Some(c) = coll {
            if rows::convert_row(&ctx, &mut sink, c, &view) {
                loaded.rows += 1;
            }
        }
        let kind_named = sink.kind_named;
        loaded.kind_named |= kind_named;
        name_the_row(&mut ds.errors[before..], &row, &plan.key);
    });
    let stopped = result
        .err()
        .map(|e| DbError(msg!("db-read-stopped", rows = line, reason = e.0).words()));
    loaded.near = near.found;
    ds.files[file_idx as usize].sha256 = digest.finish();
    ds.files[file_idx as usize].row_keys = Some(std::sync::Arc::new(keys));
    (file_idx, loaded, stopped)
}

/// Lists a source in the dataset's inputs (its digest and rows are set
/// once read); its index.
pub(super) fn push_source(loader: &mut Loader, input: &Resolved, label: &str) -> u32 {
    loader.ds.files.push(InputFile {
        path: label.to_string(),
        // The collection's name: the report's coverage finds a log's kind
        // by the stem of this path, as for a log file.
        abs: PathBuf::from(
            event_kind_of(&input.entry)
                .filter(|_| input.role == Role::Log)
                .or(input.role.table())
                .unwrap_or(label),
        ),
        role: input.role.as_str(),
        ..Default::default()
    });
    loader.ds.files.len() as u32 - 1
}

/// The primary key of each row of a source (`id = R-1003`), by the row's
/// position in the result: one text and the end of each key in it, so a
/// million rows cost their keys' bytes and one offset each.
#[derive(Debug, Default)]
pub struct RowKeys {
    text: String,
    ends: Vec<usize>,
}

impl RowKeys {
    /// The key of the next row (empty when it has none).
    pub fn push(&mut self, key: &str) {
        self.text.push_str(key);
        self.ends.push(self.text.len());
    }

    /// How many rows the result held.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The key of the row at `line` (1-based), if it has one.
    pub fn get(&self, line: u32) -> Option<&str> {
        let i = line.checked_sub(1)? as usize;
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end).filter(|k| !k.is_empty())
    }
}

/// The key of a row as the report shows it: `id = R-1003`, or
/// `a = 1, b = 2` for a key of several columns; empty when there is none.
pub(super) fn plain_key(row: &RawRow, key: &[usize]) -> String {
    key.iter()
        .filter_map(|&i| row.cells.get(i))
        .map(|(name, value, _)| format!("{name} = {}", cell_text(value)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn cell_text(value: &Raw) -> String {
    match value {
        Raw::Text(t) => truncate(t),
        Raw::Json(serde_json::Value::Null) => "NULL".into(),
        Raw::Json(serde_json::Value::String(s)) => truncate(s),
        Raw::Json(j) => truncate(&j.to_string()),
    }
}

/// Adds the row's key (`id` = `R-1003`) to the input errors of a row: a
/// database row has no line a person can open, its key finds it.
pub(super) fn name_the_row(errors: &mut [InputError], row: &RawRow, key: &[usize]) {
    if errors.is_empty() {
        return;
    }
    let key_text = row_key(row, key);
    for e in errors {
        e.message = format!("{} ({key_text})", e.message);
    }
}

/// `row `id` = `R-1003``, or `row 3 of the result` when no key is known.
pub(super) fn row_key(row: &RawRow, key: &[usize]) -> String {
    let named: Vec<String> = key
        .iter()
        .filter_map(|&i| row.cells.get(i))
        .map(|(name, value, _)| format!("`{name}` = `{}`", cell_text(value)))
        .collect();
    if named.is_empty() {
        msg!("db-row-of-result", line = row.line).words()
    } else {
        msg!("db-row-key", key = named.join(", ")).words()
    }
}

/// The SHA-256 of a result: its column names, then every row's cells in
/// order, each cell tagged and length-prefixed so that no two results
/// share a digest by moving text between cells.
pub struct ResultDigest(Sha256);

impl ResultDigest {
    pub fn new(columns: &[String]) -> Self {
        let mut h = Sha256::new();
        h.update(b"custodia-db-result-v1\n");
        for c in columns {
            text(&mut h, b'C', c);
        }
        ResultDigest(h)
    }

    pub fn row(&mut self, cells: &[Raw]) {
        self.0.update(b"R");
        for cell in cells {
            match cell {
                Raw::Text(t) => text(&mut self.0, b'T', t),
                Raw::Json(serde_json::Value::Null) => self.0.update(b"N"),
                Raw::Json(j) => text(&mut self.0, b'J', &j.to_string()),
            }
        }
    }

    /// A row that could not be read still counts in the digest.
    pub(super) fn unreadable(&mut self, line: u32) {
        self.0.update(b"U");
        self.0.update(line.to_le_bytes());
    }

    pub fn finish(self) -> String {
        crate::text::hex(&self.0.finalize())
    }
}

fn text(h: &mut Sha256, tag: u8, t: &str) {
    h.update([tag]);
    h.update((t.len() as u64).to_le_bytes());
    h.update(t.as_bytes());
}

/// A message about a source, after its label, with the colon of the
/// message language (`db:acme/records: …`, `db:acme/records：…`).
fn source_said(label: &str, message: &str) -> String {
    crate::t!(
        crate::i18n::message_lang(),
        "db-source-said",
        label = label,
        message = message
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_select_is_read() {
        assert!(select_only("SELECT * FROM t;").is_ok());
        assert!(select_only("-- the catalogue\n  with x as (select 1) select * from x").is_ok());
        assert!(select_only("SELECT ';' AS semi FROM t").is_ok());
        for refused in [
            "DELETE FROM t",
            "select 1; drop table t",
            "/* hi */ UPDATE t SET a = 1",
            "",
            "SELECT 1; SELECT 2",
        ] {
            assert!(select_only(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn a_label_names_the_database_not_the_credentials() {
        let table = DbSource {
            table: Some("案卷目录".into()),
            ..Default::default()
        };
        assert_eq!(
            label(
                "postgres://u:secret@db.local:5432/archive?sslmode=disable",
                &table
            ),
            "db:archive/案卷目录"
        );
        assert_eq!(
            label("sqlite://data/archive.db", &table),
            "db:archive/案卷目录"
        );
        let query = DbSource {
            query: Some("SELECT *\n  FROM t".into()),
            ..Default::default()
        };
        assert_eq!(label("mysql://u@h/oa", &query), "db:oa/SELECT * FROM t");
        assert_eq!(
            redacted("postgres://u:secret@h:5432/db"),
            "postgres://h:5432/db"
        );
    }

    #[test]
    fn row_keys_are_found_by_line_and_an_empty_key_is_none() {
        let mut keys = RowKeys::default();
        keys.push("id = R-1");
        keys.push("");
        keys.push("id = R-3");
        assert_eq!(keys.get(1), Some("id = R-1"));
        assert_eq!(keys.get(2), None, "a row without a key");
        assert_eq!(keys.get(3), Some("id = R-3"));
        assert_eq!(keys.get(0), None);
        assert_eq!(keys.get(4), None);
    }

    #[test]
    fn moving_text_between_cells_changes_the_digest() {
        let cols = ["a".to_string(), "b".to_string()];
        let digest = |cells: &[&str]| {
            let mut d = ResultDigest::new(&cols);
            d.row(
                &cells
                    .iter()
                    .map(|c| Raw::Text(c.to_string()))
                    .collect::<Vec<_>>(),
            );
            d.finish()
        };
        assert_ne!(digest(&["ab", ""]), digest(&["a", "b"]));
        assert_eq!(digest(&["a", "b"]), digest(&["a", "b"]));
        let mut null = ResultDigest::new(&cols);
        null.row(&[Raw::Json(serde_json::Value::Null), Raw::Text(String::new())]);
        assert_ne!(null.finish(), digest(&["", ""]));
    }
}
