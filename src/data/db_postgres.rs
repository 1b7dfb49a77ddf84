//! PostgreSQL sources (`postgres://` URLs, cargo feature `postgres`). The
//! session is read-only (`default_transaction_read_only`) with a
//! `statement_timeout`; the result is read through a portal (a server-side
//! cursor) `BATCH_ROWS` rows at a time, so it is never held whole.
//! Every value but a bool comes back as text written by the server in a
//! form custodia reads: dates `YYYY-MM-DD`, timestamps ISO 8601 (with `Z`
//! for `timestamptz`, read in UTC), arrays as arrays of text.

use super::db_sql;
use crate::msg;
use std::str::FromStr;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::{Kind, Type};
use postgres::{Client, NoTls};

use super::db::{redacted, Connection, DbError, DbRow, Relation};
use super::read::Raw;

/// Rows fetched per round trip from the cursor.
const BATCH_ROWS: i32 = 10_000;

pub struct PgSource {
    client: Client,
    /// Types of the columns of the last `columns` call, by name.
    types: Vec<(String, Type)>,
}

pub fn open(url: &str, timeout: Duration) -> Result<PgSource, DbError> {
    let mut config = postgres::Config::from_str(url).map_err(|e| {
        let url = redacted(url);
        DbError(msg!("db-not-postgres-url", url = url, reason = e.to_string()).words())
    })?;
    config.connect_timeout(Duration::from_secs(10));
    let mut client = config.connect(NoTls).map_err(|e| connect_error(url, &e))?;
    let millis = timeout.as_millis();
    client
        .batch_execute(&format!("{}{millis}", db_sql::PG_SESSION))
        .map_err(|e| error(&e))?;
    Ok(PgSource {
        client,
        types: Vec::new(),
    })
}

/// A failed connection in words: the server refused the login, or could
/// not be reached.
fn connect_error(url: &str, e: &postgres::Error) -> DbError {
    let at = redacted(url);
    match e.as_db_error() {
        Some(db)
            if db.code() == &SqlState::INVALID_PASSWORD
                || db.code() == &SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
        {
            DbError(msg!("db-login-refused", at = &at, reason = db.message()).words())
        }
        Some(db) => DbError(msg!("db-cannot-connect", at = &at, reason = db.message()).words()),
        None => DbError(msg!("db-cannot-reach", at = &at, reason = e.to_string()).words()),
    }
}

fn error(e: &postgres::Error) -> DbError {
    match e.as_db_error() {
        Some(db) if db.code() == &SqlState::QUERY_CANCELED => DbError(msg!("db-timeout").words()),
        Some(db) => {
            let hint = db.hint().map(|h| format!(" ({h})")).unwrap_or_default();
            DbError(format!("{}{hint}", db.message()))
        }
        None => DbError(e.to_string()),
    }
}

impl Connection for PgSource {
    fn relations(&mut self) -> Result<Vec<String>, DbError> {
        let rows = self
            .client
            .query(db_sql::PG_RELATIONS, &[])
            .map_err(|e| error(&e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn all_relations(&mut self) -> Result<Vec<Relation>, DbError> {
        let rows = self
            .client
            .query(db_sql::PG_ALL_RELATIONS, &[])
            .map_err(|e| error(&e))?;
        Ok(rows
            .iter()
            .map(|r| Relation {
                id: r.get(0),
                schema: r.get(1),
                name: r.get(2),
                on_path: r.get(3),
                within: r.get(4),
            })
            .collect())
    }

    fn primary_key(&mut self, table: &str) -> Result<Vec<String>, DbError> {
        let rows = self
            .client
            .query(db_sql::PG_PRIMARY_KEY, &[&self.quote(table)])
            .map_err(|e| error(&e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn columns(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        let stmt = self.client.prepare(sql).map_err(|e| error(&e))?;
        self.types = stmt
            .columns()
            .iter()
            .map(|c| (c.name().to_string(), c.type_().clone()))
            .collect();
        Ok(self.types.iter().map(|(n, _)| n.clone()).collect())
    }

    fn select_item(&mut self, alias: &str, column: &str) -> String {
        let c = format!("{alias}.{}", self.quote(column));
        let ty = self.types.iter().find(|(n, _)| n == column).map(|(_, t)| t);
        let item = match ty {
            Some(t) if *t == Type::BOOL => return c,
            Some(t) if matches!(t.kind(), Kind::Array(_)) => format!("{c}::text[]"),
            Some(t) if *t == Type::DATE => format!("to_char({c}, 'YYYY-MM-DD')"),
            Some(t) if *t == Type::TIMESTAMPTZ => {
                format!("to_char({c}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
            }
            Some(t) if *t == Type::TIMESTAMP => {
                format!("to_char({c}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US')")
            }
            _ => format!("{c}::text"),
        };
        format!("{item} AS {}", self.quote(column))
    }

    fn stream(&mut self, sql: &str, each: &mut dyn FnMut(DbRow)) -> Result<(), DbError> {
        let mut tx = self
            .client
            .build_transaction()
            .read_only(true)
            .start()
            .map_err(|e| error(&e))?;
        let portal = tx.bind(sql, &[]).map_err(|e| error(&e))?;
        loop {
            let rows = tx
                .query_portal(&portal, BATCH_ROWS)
                .map_err(|e| error(&e))?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                each((0..row.len()).map(|i| cell(row, i)).collect());
            }
        }
        tx.commit().map_err(|e| error(&e))
    }
}

/// One value: a bool as a bool, an array as a list of text, anything else
/// as the text the select list made of it.
fn cell(row: &postgres::Row, i: usize) -> Result<Raw, String> {
    use serde_json::Value as Json;
    let ty = row.columns()[i].type_();
    let read = |e: postgres::Error| {
        msg!(
            "db-cannot-read-column",
            column = i + 1,
            reason = e.to_string()
        )
        .words()
    };
    if *ty == Type::BOOL {
        let v: Option<bool> = row.try_get(i).map_err(read)?;
        return Ok(Raw::Json(v.map_or(Json::Null, Json::Bool)));
    }
    if matches!(ty.kind(), Kind::Array(_)) {
        let v: Option<Vec<Option<String>>> = row.try_get(i).map_err(read)?;
        return Ok(Raw::Json(v.map_or(Json::Null, |items| {
            Json::Array(
                items
                    .into_iter()
                    .map(|s| s.map_or(Json::Null, Json::String))
                    .collect(),
            )
        })));
    }
    let v: Option<String> = row.try_get(i).map_err(read)?;
    Ok(v.map_or(Raw::Json(Json::Null), Raw::Text))
}
