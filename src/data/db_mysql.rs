//! MySQL and MariaDB sources (`mysql://` URLs, cargo feature `mysql`). The
//! session is read-only, with a statement timeout (MariaDB's
//! `max_statement_time`, MySQL's `max_execution_time`), and the result is
//! read with the text protocol row by row off the connection, never held
//! whole. Values come as text; `TIMESTAMP` columns (stored in UTC) are read
//! in UTC and get a `Z`, `DATETIME` columns are naive (case time zone).

use super::db_sql;
use crate::msg;
use std::time::Duration;

use mysql::consts::{ColumnFlags, ColumnType};
use mysql::prelude::Queryable;
use mysql::{Conn, Opts, OptsBuilder, Value};

use super::db::{redacted, Connection, DbError, DbRow, Relation};
use super::read::Raw;

/// The character set number of binary strings (BLOB, BINARY).
const BINARY_CHARSET: u16 = 63;

pub struct MySource {
    conn: Conn,
}

pub fn open(url: &str, timeout: Duration) -> Result<MySource, DbError> {
    let at = redacted(url);
    let url = url.replacen("mariadb://", "mysql://", 1);
    let opts = Opts::from_url(&url).map_err(|e| {
        DbError(msg!("db-not-mysql-url", url = &at, reason = e.to_string()).words())
    })?;
    let opts = OptsBuilder::from_opts(opts).tcp_connect_timeout(Some(Duration::from_secs(10)));
    let mut conn = Conn::new(opts).map_err(|e| connect_error(&at, e))?;
    conn.query_drop("SET SESSION TRANSACTION READ ONLY")
        .map_err(error)?;
    conn.query_drop("SET time_zone = '+00:00'").map_err(error)?;
    // One of the two exists: MariaDB's (seconds) or MySQL's (milliseconds).
    let maria = conn.query_drop(format!("{}{}", db_sql::MARIADB_TIMEOUT, timeout.as_secs()));
    if maria.is_err() {
        conn.query_drop(format!("{}{}", db_sql::MYSQL_TIMEOUT, timeout.as_millis()))
            .map_err(error)?;
    }
    Ok(MySource { conn })
}

fn connect_error(at: &str, e: mysql::Error) -> DbError {
    match e {
        // ER_ACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR
        mysql::Error::MySqlError(m) if m.code == 1045 || m.code == 1044 => {
            DbError(msg!("db-login-refused", at = at, reason = m.message).words())
        }
        mysql::Error::MySqlError(m) => {
            DbError(msg!("db-cannot-connect", at = at, reason = m.message).words())
        }
        other => DbError(msg!("db-cannot-reach", at = at, reason = other.to_string()).words()),
    }
}

fn error(e: mysql::Error) -> DbError {
    match e {
        // ER_STATEMENT_TIMEOUT (MariaDB), ER_QUERY_TIMEOUT (MySQL)
        mysql::Error::MySqlError(m) if m.code == 1969 || m.code == 3024 => {
            DbError(msg!("db-timeout").words())
        }
        mysql::Error::MySqlError(m) => DbError(m.message),
        other => DbError(other.to_string()),
    }
}

impl Connection for MySource {
    fn quote(&self, ident: &str) -> String {
        format!("`{}`", ident.replace('`', "``"))
    }

    fn relations(&mut self) -> Result<Vec<String>, DbError> {
        self.conn.query(db_sql::MYSQL_RELATIONS).map_err(error)
    }

    fn all_relations(&mut self) -> Result<Vec<Relation>, DbError> {
        let rows: Vec<(String, String, i64)> = self
            .conn
            .query(db_sql::MYSQL_ALL_RELATIONS)
            .map_err(error)?;
        Ok((0..)
            .zip(rows)
            .map(|(id, (schema, name, current))| Relation {
                id,
                schema,
                name,
                on_path: current != 0,
                within: Vec::new(),
            })
            .collect())
    }

    fn primary_key(&mut self, table: &str) -> Result<Vec<String>, DbError> {
        self.conn
            .exec(db_sql::MYSQL_PRIMARY_KEY, (table,))
            .map_err(error)
    }

    fn columns(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        let stmt = self.conn.prep(sql).map_err(error)?;
        let names = stmt
            .columns()
            .iter()
            .map(|c| c.name_str().into_owned())
            .collect();
        self.conn.close(stmt).map_err(error)?;
        Ok(names)
    }

    fn stream(&mut self, sql: &str, each: &mut dyn FnMut(DbRow)) -> Result<(), DbError> {
        self.conn
            .query_drop("START TRANSACTION READ ONLY")
            .map_err(error)?;
        let mut result = self.conn.query_iter(sql).map_err(error)?;
        let columns: Vec<(ColumnType, bool)> = result
            .columns()
            .as_ref()
            .iter()
            .map(|c| {
                let binary = c.character_set() == BINARY_CHARSET
                    && c.flags().contains(ColumnFlags::BINARY_FLAG)
                    && is_string(c.column_type());
                (c.column_type(), binary)
            })
            .collect();
        for row in result.by_ref() {
            let row = row.map_err(error)?;
            let cells: DbRow = row
                .unwrap_raw()
                .into_iter()
                .zip(&columns)
                .map(|(v, (ty, binary))| cell(v, *ty, *binary))
                .collect();
            each(cells);
        }
        drop(result);
        self.conn.query_drop("COMMIT").map_err(error)
    }
}

fn is_string(ty: ColumnType) -> bool {
    use ColumnType::*;
    matches!(
        ty,
        MYSQL_TYPE_BLOB
            | MYSQL_TYPE_TINY_BLOB
            | MYSQL_TYPE_MEDIUM_BLOB
            | MYSQL_TYPE_LONG_BLOB
            | MYSQL_TYPE_STRING
            | MYSQL_TYPE_VAR_STRING
            | MYSQL_TYPE_VARCHAR
    )
}

/// One value of the text protocol as a cell.
fn cell(v: Option<Value>, ty: ColumnType, binary: bool) -> Result<Raw, String> {
    let bytes = match v {
        None | Some(Value::NULL) => return Ok(Raw::Json(serde_json::Value::Null)),
        Some(Value::Bytes(b)) => b,
        Some(other) => other.as_sql(true).into_bytes(),
    };
    if binary {
        return Err(msg!("db-mysql-binary").words());
    }
    let text = String::from_utf8(bytes).map_err(|_| msg!("db-text-not-utf8").words())?;
    Ok(Raw::Text(match ty {
        // Stored in UTC and read in UTC (the session's time zone).
        ColumnType::MYSQL_TYPE_TIMESTAMP | ColumnType::MYSQL_TYPE_TIMESTAMP2 => {
            format!("{}Z", text.replacen(' ', "T", 1))
        }
        _ => text,
    }))
}
