//! One input file into the dataset: read (whole, or in windows when large
//! and clean), decoded, cut into pieces, converted; then its notes and the
//! cap on its input errors.

use crate::msg;
use std::collections::BTreeSet;
use std::path::Path;

use crate::check::schema::{CollKind, FieldType, Schema};
use crate::value::CollId;

use super::case::relative;
use super::read::{self, RawRow, RowView};
use super::rows::{self, FileCtx};
use super::{document, encoding, limits, parallel, split, stream};
use super::{CheckLoadOptions, Dataset, InputError, InputFile, LoadOptions, Note};

pub(crate) enum Target {
    Fixed(Option<CollId>),
    /// An event log: each row's kind is its `kind` field, else the file stem.
    Events,
}

pub(super) struct Loader<'a> {
    pub(super) schema: &'a Schema,
    pub(super) opts: &'a LoadOptions<'a>,
    pub(super) check: CheckLoadOptions<'a>,
    pub(super) ds: &'a mut Dataset,
    pub(super) root: &'a Path,
    /// From `--encoding` or the manifest; a byte-order mark overrides it.
    pub(super) encoding: Option<&'static encoding_rs::Encoding>,
    /// The manifest's source entries (docs/mapping.md).
    pub(super) mappings: &'a super::mapping::Mappings,
    /// Every table with its file, for the mapping's lookups.
    pub(super) tables: &'a [(String, std::path::PathBuf)],
    /// `ignore:` of the manifest, resolved: a workbook's sheet is named
    /// there as it is listed, `FILE!SHEET`.
    pub(super) ignore: &'a [std::path::PathBuf],
    /// Which large files are clean enough to stream, worked out ahead.
    pub(super) clean: Option<&'a stream::CleanAhead>,
}

impl Loader<'_> {
    /// A file of one collection; when part of it could not be read, the
    /// collection is marked partly read.
    pub(super) fn fixed(&mut self, path: &Path, role: &'static str, coll: Option<CollId>) {
        let lost = self.file(path, role, Target::Fixed(coll));
        if let (Some(c), true) = (coll, lost) {
            self.ds.partly_read.insert(c);
        }
    }

    /// Loads one file; whether part of it could not be read (the file, or a
    /// row of it: an error that names no field).
    pub(super) fn file(&mut self, path: &Path, role: &'static str, target: Target) -> bool {
        let rel = relative(self.root, path);
        // Never open what is not a regular file: a FIFO would block the run.
        if let Some(message) = super::walk::not_a_regular_file(path) {
            self.ds.errors.push(InputError::file(&rel, &message));
            return true;
        }
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        if let Some(e) = limits::file_size(&rel, size, limits::MAX_FILE_BYTES) {
            self.ds.errors.push(e);
            return true;
        }
        if let Some(message) = self.unusable_options(path) {
            self.ds.errors.push(InputError::file(&rel, &message));
            return true;
        }
        if let Some(e) = self.unknown_kind(path, &target) {
            self.ds.errors.push(e);
            return true;
        }
        if super::parquet_load::is_parquet(path) {
            return self.parquet(path, role, target, &rel);
        }
        if let Some(entries) = self.mappings.mapping(path) {
            return self.mapped(path, role, &rel, entries);
        }
        // `encoding:` of the file's source entry, for this file only.
        let case_encoding = self.encoding;
        if let Some((label, line)) = self.mappings.encoding(path) {
            match encoding::from_label(label) {
                Ok(e) => self.encoding = Some(e),
                Err(m) => {
                    let at = super::mapping::at_line(&self.mappings.manifest, line, &m);
                    self.ds.errors.push(at);
                    return true;
                }
            }
        }
        let lost = self.unmapped(path, role, target, &rel, size);
        self.encoding = case_encoding;
        lost
    }

    /// `file`, for a file read as it is (no mapping).
    fn unmapped(
        &mut self,
        path: &Path,
        role: &'static str,
        target: Target,
        rel: &str,
        size: u64,
    ) -> bool {
        let rel = rel.to_string();
        let window = self.check.window_bytes.unwrap_or_else(stream::window_bytes);
        let streamable = self.streams_if_clean(path, self.encoding, size, window)
            && match self.clean {
                Some(ahead) => ahead.is_clean(path, limits::MAX_LINE_BYTES),
                None => stream::is_clean(path, limits::MAX_LINE_BYTES),
            };
        if streamable {
            let file_idx = self.push_file(&rel, path, role);
            return self.stream(path, role, target, &rel, file_idx, window);
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.ds.errors.push(InputError::file(
                    &rel,
                    &msg!("load-cannot-read", reason = &e).words(),
                ));
                return true;
            }
        };
        if super::excel::is_workbook(&extension(path)) {
            return self.workbook(path, role, target, &bytes, &rel);
        }
        let file_idx = self.push_file(&rel, path, role);
        // The digest of a large file costs as much as a core's share of
        // parsing it: compute it on the side.
        let (sha256, lost) = rayon::join(
            || sha256_hex(&bytes),
            || self.contents(path, role, target, &bytes, &rel, file_idx),
        );
        self.ds.files[file_idx as usize].sha256 = sha256;
        lost
    }

    /// Whether `path`, read as it is in `encoding`, is read in windows
    /// when it is clean (`stream::is_clean`): a CSV or JSONL file over a
    /// window, UTF-8, with no `header_row:` or `sheet:` (a header below row
    /// 1 is found in the whole text, not a window).
    fn streams_if_clean(
        &self,
        path: &Path,
        encoding: Option<&'static encoding_rs::Encoding>,
        size: u64,
        window: usize,
    ) -> bool {
        let ext = extension(path);
        self.read_options(path).is_default()
            && encoding.map_or(true, |e| e == encoding_rs::UTF_8)
            && size > window as u64
            && (ext == "csv" || ext == "jsonl")
    }

    /// `streams_if_clean` for a file of the case not yet loaded: the files
    /// whose clean-file pass is worth making ahead (`stream::CleanAhead`).
    /// A mapped file, or one in another encoding, is never streamed.
    pub(super) fn may_stream(&self, path: &Path, window: usize) -> bool {
        let encoding = match self.mappings.encoding(path) {
            Some((label, _)) => match encoding::from_label(label) {
                Ok(e) => Some(e),
                Err(_) => return false,
            },
            None => self.encoding,
        };
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        self.mappings.mapping(path).is_none() && self.streams_if_clean(path, encoding, size, window)
    }

    /// Lists an input file (digest and row count come later); its index.
    pub(super) fn push_file(&mut self, rel: &str, path: &Path, role: &'static str) -> u32 {
        // A log read as another kind (`kind:`) than its name says is a
        // source of the kind its rows are, not of its name's.
        let renamed = role == "log" && self.mappings.kind(path).is_some_and(|k| k != stem(path));
        self.ds.files.push(InputFile {
            path: rel.to_string(),
            abs: path.to_path_buf(),
            role,
            rows_name_kind: renamed,
            ..Default::default()
        });
        self.ds.files.len() as u32 - 1
    }

    /// The `kind:` of an entry that names only a log's kind, when it names
    /// no event kind of the schema: an error at the entry's line, the file
    /// not read (its rows may all name their kind: a typo would go unseen).
    /// A mapping's entries are checked with the rest of the mapping.
    fn unknown_kind(&self, path: &Path, target: &Target) -> Option<InputError> {
        if !matches!(target, Target::Events) || self.mappings.mapping(path).is_some() {
            return None;
        }
        let (kind, line) = self.mappings.kind_at(path)?;
        if self.is_event_kind(kind) {
            return None;
        }
        let kinds: Vec<&str> = (self.schema.collections.iter())
            .filter(|c| c.kind == CollKind::Event)
            .map(|c| c.name.as_str())
            .collect();
        let message = super::mapping::messages::unknown_kind(self.mappings.lang, kind, &kinds);
        Some(super::mapping::at_line(
            &self.mappings.manifest,
            line,
            &message,
        ))
    }

    /// The name a file's rows are read under: for a log, the event kind
    /// of rows whose `kind` column is empty or absent, the `kind:` of its
    /// source entry, else the file's stem (docs/mapping.md, "The kind of a
    /// log's rows"); for other files, the stem.
    pub(super) fn stem_for(&self, path: &Path, target: &Target) -> String {
        let named = match target {
            Target::Events => self.mappings.kind(path),
            Target::Fixed(_) => None,
        };
        named.unwrap_or_else(|| stem(path)).to_string()
    }

    /// Why the source entry's options do not apply to `path`'s format.
    fn unusable_options(&self, path: &Path) -> Option<String> {
        let opts = self.read_options(path);
        let ext = extension(path);
        if super::excel::is_workbook(&ext) {
            return None;
        }
        if opts.sheet.is_some() {
            return Some(msg!("load-sheet-not-workbook", ext = ext.as_str()).words());
        }
        match opts.header_row {
            Some(n) if n > 1 && ext != "csv" => {
                Some(msg!("load-header-row-not-csv", row = n, ext = ext.as_str()).words())
            }
            _ => None,
        }
    }

    /// How the case says to read `path` (`sheet:`, `header_row:`).
    pub(super) fn read_options(&self, path: &Path) -> super::source::ReadOptions {
        self.mappings.read_options(path)
    }

    /// A reader's errors, as input errors of the file `rel`.
    pub(super) fn read_errors(&mut self, rel: &str, errors: Vec<read::ReadError>) {
        self.ds
            .errors
            .extend(errors.into_iter().map(|e| InputError {
                file: rel.to_string(),
                line: e.line,
                column: e.column,
                field: None,
                value: None,
                message: e.message,
            }));
    }

    /// Reads the rows of one file whose bytes are read.
    fn contents(
        &mut self,
        path: &Path,
        role: &'static str,
        target: Target,
        bytes: &[u8],
        rel: &str,
        file_idx: u32,
    ) -> bool {
        let rel = rel.to_string();
        let first_error = self.ds.errors.len();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        // A Word document (`logs/销毁清册.docx`) is no text either (h24a M4:
        // it was called UTF-16).
        if super::accounting::is_word_document(&ext, bytes) {
            let message = super::accounting::word_document_message(&rel);
            self.ds.errors.push(InputError::file(&rel, &message));
            return true;
        }
        // A workbook under another name (`logs/x.xltx`, `x.xlsx.bak`) is
        // not text: said so, not "not valid UTF-8, try gb18030".
        if let Some(kind) = super::workbook_like::of_bytes(bytes) {
            let message = super::workbook_like::misnamed(kind, &rel);
            self.ds.errors.push(InputError::file(&rel, &message));
            return true;
        }
        // Nor is a database or a compressed file (`logs/old.db`,
        // `logs/2025.jsonl.gz`): said what it is.
        if let Some(opaque) = super::accounting::Opaque::of(bytes) {
            self.ds
                .errors
                .push(InputError::file(&rel, &opaque.unread(&rel)));
            return true;
        }
        let Some((decoded, bad_bytes)) = self.decode(bytes, &rel, &ext, file_idx) else {
            return true;
        };
        let text = split::lone_cr_to_lf(&decoded, ext == "csv");
        let utf16 = self.ds.files[file_idx as usize]
            .encoding
            .is_some_and(encoding::is_utf16);
        let tabbed = split::tabs_to_commas(&text, ext == "csv" && utf16);
        if tabbed.is_some() {
            self.ds.notes.push(tab_separated_note(&rel));
        }
        let text: &str = tabbed.as_deref().unwrap_or(&text);
        let stem = self.stem_for(path, &target);
        let collection_name = match &target {
            Target::Fixed(Some(c)) => self.schema.collection(*c).name.clone(),
            _ => stem.clone(),
        };
        let mut ctx = FileCtx::new(
            self.schema,
            self.opts.tz,
            &self.check,
            file_idx,
            &rel,
            role == "company",
        );
        ctx.bad_bytes = bad_bytes;
        let piece_bytes = self.check.piece_bytes.unwrap_or(parallel::PIECE_BYTES);
        let (mut batches, mut errors) = (Vec::new(), Vec::new());
        let mut format = None;
        let mut csv_headers = Vec::new();
        let mut starts = Vec::new();
        match (role, ext.as_str()) {
            ("company", "json" | "yaml" | "yml") => {
                match document::single_object(text, ext == "json") {
                    Ok(row) => batches.push((stem.clone(), vec![row])),
                    Err(e) => errors.push(e),
                }
            }
            (_, "csv") => {
                let header_row = self.read_options(path).header_row.unwrap_or(1);
                let header = csv_header_at(text, header_row, &mut errors);
                let header = header.filter(|(_, body)| !self.bad_header(&ctx, &rel, *body));
                let header =
                    header.filter(|(names, _)| !self.header_lacks(&target, &stem, names, &rel));
                if let Some((headers, body)) = header {
                    let (cuts, open_quote) = read::split_points(text, body, piece_bytes, true);
                    if let Some(line) = open_quote {
                        // The pieces drop their own errors from that line on.
                        read::drop_after_open_quote(&mut errors, line);
                        errors.push(read::open_quote_error(line));
                    }
                    ctx.set_headers(&headers);
                    csv_headers = headers;
                    starts = cuts;
                    format = Some(open_quote);
                }
            }
            // Decision (2026-12-05): a JSON Lines file of no line says
            // nothing, as an empty CSV file does: a failed export writes it.
            (_, "jsonl") if text.trim_start_matches('\u{feff}').trim().is_empty() => {
                errors.push(read::ReadError {
                    line: Some(1),
                    column: None,
                    message: msg!("load-jsonl-empty").words(),
                });
            }
            (_, "jsonl") => {
                starts = read::split_points(text, 0, piece_bytes, false).0;
            }
            (_, "json" | "yaml" | "yml") => {
                let groups = match ext.as_str() {
                    "json" => document::json(text, &collection_name),
                    _ => document::yaml(text, &collection_name),
                };
                match groups {
                    Ok(groups) => {
                        batches = self.chosen_groups(
                            groups,
                            &target,
                            &stem,
                            &collection_name,
                            &mut errors,
                        )
                    }
                    Err(e) => errors.push(e),
                }
            }
            _ => {
                self.ds.errors.push(InputError::file(
                    &rel,
                    &msg!("load-unknown-file-type").words(),
                ));
                return true;
            }
        }
        self.read_errors(&rel, errors);
        let piece_format = match (ext.as_str(), format) {
            ("csv", Some(open_quote)) => Some(parallel::Format::Csv {
                headers: &csv_headers,
                open_quote,
            }),
            ("jsonl", _) => Some(parallel::Format::Jsonl),
            _ => None,
        };
        let loaded = match piece_format {
            Some(f) => {
                let mut merger = parallel::Merger::default();
                let (ds, origin) = (&mut *self.ds, read::Base::default());
                parallel::load_pieces(
                    ds,
                    &mut merger,
                    &ctx,
                    &target,
                    &stem,
                    text,
                    &f,
                    &starts,
                    origin,
                );
                merger.finish(ds, &mut |()| {})
            }
            None => self.rows(&ctx, &target, batches),
        };
        self.finish(&rel, file_idx, first_error, ctx.is_company, loaded)
    }

    /// What follows the rows of a file: its count, the notes on naive
    /// datetimes and undeclared columns, the cap on its input errors; see
    /// `file` for what it returns.
    pub(super) fn finish(
        &mut self,
        rel: &str,
        file_idx: u32,
        first_error: usize,
        is_company: bool,
        mut loaded: parallel::Loaded,
    ) -> bool {
        let rel = rel.to_string();
        if loaded.no_collection {
            self.ds.errors.push(InputError::file(
                &rel,
                &msg!(
                    "load-no-collection",
                    collection = if is_company { "company" } else { "record" }
                )
                .words(),
            ));
            return true;
        }
        // Before the summaries below, which name no field but lose nothing.
        let lost = self.ds.errors[first_error..]
            .iter()
            .any(|e| e.field.is_none());
        if let Some(line) = loaded.naive.first_line {
            self.ds
                .naive_datetimes
                .push((rel.clone(), line, loaded.naive.count));
        }
        if let Some((line, offset)) = loaded.naive.foreign_first {
            let count = loaded.naive.foreign;
            self.ds
                .foreign_datetimes
                .push((rel.clone(), line, count, offset));
        }
        let placeholders = std::mem::take(&mut loaded.near.placeholders);
        self.placeholder_notes(&rel, placeholders, &|_, field| field.to_string());
        let (rows, mut undeclared) = (loaded.rows, loaded.undeclared);
        self.ds.files[file_idx as usize].rows = rows;
        self.ds.files[file_idx as usize].rows_name_kind |= loaded.kind_named;
        // A field a near miss names is said by that error, which says the
        // default is taken: not noted again as a column the file lacks.
        let missed: Vec<String> = loaded
            .near
            .misses
            .values()
            .map(|m| m.field.clone())
            .collect();
        for (key, miss) in loaded.near.misses {
            undeclared.remove(&key);
            self.ds.errors.push(near_miss_error(&rel, &key, miss));
        }
        let mut said = missed.clone();
        for (key, shadow) in loaded.near.shadows {
            if let Some(at) = shadow.hides() {
                undeclared.remove(&key);
                self.ds.errors.push(shadow_error(&rel, &key, &shadow, at));
                said.push(shadow.field);
            } else if let Some(at) = shadow.disagrees {
                undeclared.remove(&key);
                let error = disagreement_error(&rel, &key, &shadow, at);
                self.ds.errors.push(error);
                said.push(shadow.field);
            }
        }
        if !is_company {
            self.unnamed_fields(&rel, &loaded.near.seen, &missed);
            self.hidden_fields(&rel, &undeclared, &loaded.near.shapes, &said);
        }
        rows::one_unknown_kind(&mut self.ds.errors, first_error, &rel);
        limits::cap_errors(
            &mut self.ds.errors,
            first_error,
            &rel,
            limits::MAX_INPUT_ERRORS_PER_FILE,
        );
        match is_company {
            true => self.undeclared_company_keys(&rel, undeclared),
            false => self.undeclared_columns(&rel, undeclared),
        }
        lost
    }

    /// A note per list field of `rel` some of whose items were dropped as
    /// standing for nothing (`text::stands_for_nothing`): nothing a file
    /// holds disappears without a word. `column` names the file's column
    /// of a (collection, field).
    pub(super) fn placeholder_notes(
        &mut self,
        rel: &str,
        placeholders: std::collections::BTreeMap<(u32, u32), (u64, u32)>,
        column: &dyn Fn(CollId, &str) -> String,
    ) {
        let lang = crate::i18n::message_lang();
        let words: Vec<String> = ["无", "-", "N/A"]
            .iter()
            .map(|w| format!("`{w}`"))
            .collect();
        let words = words.join(&crate::t!(lang, "list-comma"));
        for ((coll, field), (count, line)) in placeholders {
            let c = self.schema.collection(CollId(coll));
            let f = c.field(crate::value::FieldId(field));
            let name = &f.name;
            let column = column(CollId(coll), name);
            let message = match f.ty {
                crate::check::schema::FieldType::List(_) => crate::t!(
                    lang,
                    "note-placeholder-items",
                    column = column,
                    count = count,
                    line = line,
                    words = words.as_str()
                ),
                _ => crate::t!(
                    lang,
                    "note-placeholder-cells",
                    column = column,
                    count = count,
                    line = line,
                    words = words.as_str()
                ),
            };
            self.ds.notes.push(super::Note {
                file: rel.to_string(),
                message,
                rules: Vec::new(),
            });
        }
    }

    /// The fields with a default, or optional, that no row of a JSON,
    /// JSONL or YAML file names (`NearFound::seen`): the column the file
    /// lacks, as a CSV header does (`header_lacks`), with the same note
    /// when a rule reads it. Decision (2026-12-05, hostile review): an
    /// inventory.jsonl whose objects all lacked `legal_hold` (the holds
    /// under another key) read every record as not held, with no word.
    fn unnamed_fields(
        &mut self,
        rel: &str,
        seen: &std::collections::BTreeMap<u32, Vec<bool>>,
        missed: &[String],
    ) {
        let is_document = Path::new(rel.split('!').next().unwrap_or(rel))
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| {
                ["json", "jsonl", "yaml", "yml"]
                    .iter()
                    .any(|x| e.eq_ignore_ascii_case(x))
            });
        if !is_document {
            return;
        }
        for (coll, seen) in seen {
            let id = CollId(*coll);
            let c = self.schema.collection(id);
            for (i, f) in c.fields.iter().enumerate() {
                let field = crate::value::FieldId(i as u32);
                let known = self
                    .ds
                    .defaulted
                    .iter()
                    .any(|(r, cl, fl)| r == rel && *cl == id && *fl == field);
                let said = missed.contains(&f.name);
                if !seen[i] && (f.optional || f.default.is_some()) && !known && !said {
                    self.ds.defaulted.push((rel.to_string(), id, field));
                }
            }
        }
    }

    /// The undeclared columns of `rel` (a mapped file's unread ones) every
    /// value of which reads as the type of a watched field
    /// (`rows::watched_fields`) that no row having the column holds a value
    /// in: `诉讼保全` holding `是`/`否` in an inventory whose header has no
    /// `legal_hold` (`Dataset::defaulted`), or whose `legal_hold` is blank
    /// in every row. The field took its default in every row while its
    /// values sat in a column nothing reads; whether a rule reads it is
    /// judged in `cli::app`, which makes each an input error. A field a
    /// near-miss error (`said`) names is said there.
    fn hidden_fields(
        &mut self,
        rel: &str,
        undeclared: &BTreeSet<String>,
        shapes: &rows::Shapes,
        said: &[String],
    ) {
        let mut found = Vec::new();
        for (coll, columns) in shapes {
            let id = CollId(*coll);
            let c = self.schema.collection(id);
            for (column, shape) in columns {
                if shape.entry.is_none() && !undeclared.contains(column) {
                    continue;
                }
                found.extend(self.end_column(rel, id, column, shape));
                found.extend(self.worded_field(rel, id, column, shape, said));
                let Some(first) = shape.first else {
                    continue;
                };
                for f in rows::watched_fields(c) {
                    let field = c.field(crate::value::FieldId(f));
                    let fits = rows::shape_bit(&field.ty).is_some_and(|b| shape.fits & b != 0);
                    if !fits || said.contains(&field.name) {
                        continue;
                    }
                    // Filled beside the column: only a date of an end
                    // (离职日期) in a row leaving the field blank is one.
                    let row = match shape.filled.contains(&f) {
                        false => None,
                        true => match shape.gaps.iter().find(|(g, _)| *g == f) {
                            Some((_, at))
                                if super::ends::says_an_end(column)
                                    && field.ty != FieldType::Bool =>
                            {
                                Some(*at)
                            }
                            _ => continue,
                        },
                    };
                    let (line, cell) = row.unwrap_or(first);
                    let field = crate::value::FieldId(f);
                    let absent = self
                        .ds
                        .defaulted
                        .iter()
                        .any(|(r, cl, fl)| r == rel && *cl == id && *fl == field);
                    found.push(super::HiddenField {
                        file: rel.to_string(),
                        column: column.clone(),
                        coll: id,
                        field,
                        line,
                        cell,
                        absent,
                        entry: shape.entry,
                        row: row.is_some(),
                        gone: None,
                        end: None,
                        worded: None,
                    });
                }
                found.extend(self.gone_beside_end(rel, id, column, shape));
            }
        }
        self.ds.hidden_fields.extend(found);
    }

    /// A column whose header names a watched bool field (`诉讼情况` for
    /// `legal_hold`, `worded::header_names_field`) holding a value that
    /// reads as no yes or no (`涉诉`), while the field is absent or blank
    /// in every row that has the column: the field written in words, its
    /// default read in every row (hostile review h24a F13;
    /// docs/inputs-and-reports.md, "a field written in words"). Whether a
    /// rule reads it is judged in `cli::app`.
    fn worded_field(
        &self,
        rel: &str,
        id: CollId,
        column: &str,
        shape: &rows::Shape,
        said: &[String],
    ) -> Vec<super::HiddenField> {
        let Some(((line, cell), text)) = &shape.unbool else {
            return Vec::new();
        };
        let c = self.schema.collection(id);
        (rows::watched_fields(c).into_iter())
            .filter(|f| !shape.filled.contains(f))
            .filter(|f| {
                let field = c.field(crate::value::FieldId(*f));
                field.ty == FieldType::Bool
                    && !said.contains(&field.name)
                    && super::worded::header_names_field(&field.name, column)
            })
            .map(|f| super::HiddenField {
                file: rel.to_string(),
                column: column.to_string(),
                coll: id,
                field: crate::value::FieldId(f),
                line: *line,
                cell: *cell,
                absent: self
                    .ds
                    .defaulted
                    .iter()
                    .any(|(r, cl, fl)| r == rel && *cl == id && *fl == crate::value::FieldId(f)),
                entry: shape.entry,
                row: false,
                gone: None,
                end: None,
                worded: Some(text.clone()),
            })
            .collect()
    }

    /// A status column of a table (`在职状态`) saying a person is gone
    /// (`离职`) in a row whose end date (`authorized_to`: a watched date
    /// named as an end, `ends::field_names_an_end`) is blank: the person
    /// read as still authorised (docs/inputs-and-reports.md, "a status
    /// beside a blank end"). Only tables: a record's or an event's status
    /// (`已销毁`) says nothing of a person.
    fn gone_beside_end(
        &self,
        rel: &str,
        id: CollId,
        column: &str,
        shape: &rows::Shape,
    ) -> Vec<super::HiddenField> {
        let c = self.schema.collection(id);
        if c.kind != CollKind::Table {
            return Vec::new();
        }
        let end = |f: u32| {
            let field = c.field(crate::value::FieldId(f));
            field.ty != FieldType::Bool && super::ends::field_names_an_end(&field.name)
        };
        (shape.gone.iter())
            .filter(|(f, _, _)| end(*f))
            .map(|(f, (line, cell), said)| super::HiddenField {
                file: rel.to_string(),
                column: column.to_string(),
                coll: id,
                field: crate::value::FieldId(*f),
                line: *line,
                cell: *cell,
                absent: false,
                entry: shape.entry,
                row: true,
                gone: Some(said.clone()),
                end: None,
                worded: None,
            })
            .collect()
    }

    /// A table's column named as an end (`离职日期`) beside the row's own
    /// end date (`authorized_to`: a watched date whose name says an end,
    /// `ends::field_names_an_end`): a date there earlier than the field's
    /// in the same row, the first per field, and a value that reads as no
    /// date in a column of dates (or named as a day: `日期`, `date`), the
    /// first (docs/inputs-and-reports.md, "an end column earlier than the
    /// row's end"; hostile review h23a F2: `授权截止 2026/12/31` beside
    /// `离职日期 2026/4/30`, and a former employee's reading of customer
    /// files eight days after leaving passed, COMPLIANT). Which of them a
    /// rule reads is judged in `cli::app`.
    fn end_column(
        &self,
        rel: &str,
        id: CollId,
        column: &str,
        shape: &rows::Shape,
    ) -> Vec<super::HiddenField> {
        let c = self.schema.collection(id);
        if c.kind != CollKind::Table || !shape.end {
            return Vec::new();
        }
        let field = |f: u32, (line, cell): (u32, Option<u32>), end| super::HiddenField {
            file: rel.to_string(),
            column: column.to_string(),
            coll: id,
            field: crate::value::FieldId(f),
            line,
            cell,
            absent: false,
            entry: shape.entry,
            row: true,
            gone: None,
            end: Some(end),
            worded: None,
        };
        let mut found: Vec<super::HiddenField> = (shape.earlier.iter())
            .map(|e| field(e.field, e.at, super::EndSaid::Earlier(e.date, e.field_date)))
            .collect();
        if let Some((at, text)) = &shape.undated {
            if shape.dated || super::ends::names_a_day(column) {
                for f in rows::watched_fields(c) {
                    let name = &c.field(crate::value::FieldId(f)).name;
                    if super::ends::field_names_an_end(name) {
                        found.push(field(f, *at, super::EndSaid::Undated(text.clone())));
                    }
                }
            }
        }
        found
    }

    /// A CSV header that lacks required fields of its collection: one
    /// error naming them all, and the file is not read (each row would
    /// otherwise be an error per missing field: an export under other
    /// column names gave 150 of them).
    pub(super) fn header_lacks(
        &mut self,
        target: &Target,
        stem: &str,
        headers: &[String],
        rel: &str,
    ) -> bool {
        let coll = match target {
            Target::Fixed(c) => *c,
            // Each row names its own kind: the columns differ by kind. The
            // file is then no source of the kind its name says, even with
            // no row (`InputFile::rows_name_kind`).
            Target::Events if headers.iter().any(|h| h == "kind") => {
                if let Some(f) = self.ds.files.iter_mut().rev().find(|f| f.path == rel) {
                    f.rows_name_kind = true;
                }
                None
            }
            Target::Events => self
                .schema
                .lookup(stem)
                .filter(|c| self.schema.collection(*c).kind == CollKind::Event),
        };
        let Some(id) = coll else {
            return false;
        };
        let c = self.schema.collection(id);
        let missing: Vec<&str> = c
            .fields
            .iter()
            .filter(|f| !f.optional && f.default.is_none())
            .filter(|f| !headers.iter().any(|h| h == &f.name))
            .map(|f| f.name.as_str())
            .collect();
        if missing.is_empty() {
            // Read: its rows take the defaults of the columns it lacks.
            // A near-miss header (`Legal_Hold`) is an input error of its
            // own, which says the default is taken: not noted twice.
            let near: Vec<_> = headers
                .iter()
                .filter_map(|h| super::rows::resembled_field(c, h))
                .collect();
            for field in super::absent_fields(c, |name| headers.iter().any(|h| h == name)) {
                if !near.contains(&field) {
                    self.ds.defaulted.push((rel.to_string(), id, field));
                }
            }
            return false;
        }
        // No `field`: the error is about the file, which is not read (a
        // collection partly read has no dangling references judged).
        self.ds.errors.push(InputError {
            line: Some(1),
            ..InputError::file(
                rel,
                &super::mapping::messages::header_lacks(self.mappings.lang, &c.name, &missing),
            )
        });
        true
    }

    /// A CSV header holding a byte that is not UTF-8: the column names are
    /// unknown, so the file is not read (an input error says where).
    fn bad_header(&mut self, ctx: &FileCtx, rel: &str, body: usize) -> bool {
        if ctx.bad_bytes.first_in(0, body as u64).is_none() {
            return false;
        }
        if let Some(e) = &ctx.bad_bytes.first {
            self.ds.errors.push(InputError {
                line: Some(e.line),
                column: Some(e.column),
                ..InputError::file(rel, &e.message)
            });
        }
        true
    }

    /// The arrays of a JSON or YAML document that this file's rows are read
    /// from, each with the event kind its rows default to; every other key
    /// of the document is an input error at the key (nothing is dropped
    /// without a word).
    fn chosen_groups(
        &self,
        groups: Vec<document::Group>,
        target: &Target,
        stem: &str,
        collection: &str,
        errors: &mut Vec<read::ReadError>,
    ) -> Vec<(String, Vec<RawRow>)> {
        let single = groups.len() == 1;
        let mut out = Vec::new();
        for group in groups {
            let Some(key) = &group.key else {
                errors.extend(group.errors);
                out.push((stem.to_string(), group.rows));
                continue;
            };
            let read_as = match target {
                Target::Events if self.is_event_kind(&key.name) => Some(key.name.clone()),
                Target::Fixed(_) if key.name == collection => Some(stem.to_string()),
                // One array under any name: the document is that array.
                _ if single => Some(stem.to_string()),
                _ => None,
            };
            let at = |message: String| read::ReadError {
                line: Some(key.line),
                column: Some(key.column),
                message,
            };
            match read_as {
                None => errors.push(at(self.unread_key(&key.name, target, collection))),
                Some(_) if group.not_array => {
                    errors.push(at(
                        msg!("load-not-an-array", key = key.name.as_str()).words()
                    ))
                }
                Some(kind) => {
                    errors.extend(group.errors);
                    out.push((kind, group.rows));
                }
            }
        }
        out
    }

    fn is_event_kind(&self, name: &str) -> bool {
        self.schema
            .lookup(name)
            .is_some_and(|c| self.schema.collection(c).kind == CollKind::Event)
    }

    /// Why a key of a document's object was not read.
    fn unread_key(&self, key: &str, target: &Target, collection: &str) -> String {
        match target {
            Target::Events => {
                let kinds: Vec<&str> = self
                    .schema
                    .collections
                    .iter()
                    .filter(|c| c.kind == CollKind::Event)
                    .map(|c| c.name.as_str())
                    .collect();
                let hint = crate::check::suggest::did_you_mean(key, kinds.iter().copied())
                    .map(|s| msg!("data-did-you-mean", name = s).words())
                    .unwrap_or_default();
                let kinds: Vec<String> = kinds.iter().map(|k| format!("`{k}`")).collect();
                msg!(
                    "load-key-not-event-kind",
                    key = key,
                    kinds = kinds.join(&crate::t!(crate::i18n::message_lang(), "list-comma")),
                    hint = hint
                )
                .words()
            }
            Target::Fixed(_) => msg!(
                "load-key-other-collection",
                key = key,
                collection = collection
            )
            .words(),
        }
    }

    /// Columns the schema does not declare: notes, or input errors under
    /// `--strict`; the first few named, the rest counted.
    fn undeclared_columns(&mut self, rel: &str, undeclared: BTreeSet<String>) {
        let count = undeclared.len();
        for (i, key) in undeclared.into_iter().enumerate() {
            if i == limits::MAX_UNDECLARED_NAMED {
                let more = msg!("load-more-undeclared", count = count - i).words();
                self.undeclared_column(rel, None, more);
                break;
            }
            if key.trim().is_empty() {
                // Review R26: values under no name are data whose field is
                // unknown; a workbook's sheet says so as an input error too.
                let message = msg!("review-unnamed-column-with-values").words();
                self.ds.errors.push(InputError {
                    line: Some(1),
                    ..InputError::file(rel, &message)
                });
                continue;
            }
            let what = msg!(
                "load-undeclared-column",
                column = crate::text::invisibles_shown(&key)
            );
            let message = match self.opts.strict {
                true => msg!("load-undeclared-strict", what = what),
                false => msg!("load-undeclared-ignored", what = what),
            }
            .words();
            self.undeclared_column(rel, Some(key), message);
        }
    }

    /// **Decision:** a key of the company file the schema does not declare
    /// is an input error, not a note (with or without `--strict`): a
    /// company fact decides whether whole rules apply (`when
    /// company.liquidation_finished is set`), and one written under another
    /// name (`清算结束:`) reads as missing, so those rules applied to
    /// nothing and the run said COMPLIANT. The error names the declared
    /// facts; declaring the key (`extend company { ... }`) or removing it
    /// settles it.
    fn undeclared_company_keys(&mut self, rel: &str, undeclared: BTreeSet<String>) {
        let facts: Vec<String> = self
            .schema
            .company()
            .map(|c| {
                self.schema
                    .collection(c)
                    .fields
                    .iter()
                    .map(|f| format!("`{}`", f.name))
                    .collect()
            })
            .unwrap_or_default();
        let count = undeclared.len();
        for (i, key) in undeclared.into_iter().enumerate() {
            if i == limits::MAX_UNDECLARED_NAMED {
                let more = msg!("load-more-undeclared-company", count = count - i).words();
                self.ds.errors.push(InputError::file(rel, &more));
                break;
            }
            let message = msg!(
                "load-undeclared-company-key",
                key = key.as_str(),
                facts = facts.join(&crate::t!(crate::i18n::message_lang(), "list-comma"))
            )
            .words();
            self.ds.errors.push(InputError {
                field: Some(key),
                ..InputError::file(rel, &message)
            });
        }
    }

    fn undeclared_column(&mut self, rel: &str, field: Option<String>, message: String) {
        if self.opts.strict {
            self.ds.errors.push(InputError {
                field,
                ..InputError::file(rel, &message)
            });
        } else {
            self.ds.notes.push(Note {
                file: rel.to_string(),
                message,
                rules: Vec::new(),
            });
        }
    }

    /// The file's text in its encoding, within the line-length limit; an
    /// input error otherwise. For CSV and JSONL, bytes that are not UTF-8
    /// cost only their rows: they come back as `BadBytes`.
    fn decode<'b>(
        &mut self,
        bytes: &'b [u8],
        rel: &str,
        ext: &str,
        file_idx: u32,
    ) -> Option<(std::borrow::Cow<'b, str>, encoding::BadBytes)> {
        if let Some(e) = limits::line_length(rel, ext, bytes, limits::MAX_LINE_BYTES) {
            self.ds.errors.push(e);
            return None;
        }
        let guessed = match self.encoding {
            Some(_) => None,
            None => encoding::guess(bytes),
        };
        let chosen = self.encoding.or(guessed);
        let decoded_from = encoding::decoded_from(bytes, chosen);
        self.ds.files[file_idx as usize].encoding = decoded_from;
        // An encoding the case named is not repeated for every file.
        let unnamed =
            decoded_from.filter(|e| *e != encoding_rs::UTF_8 && self.encoding != Some(*e));
        if let Some(e) = unnamed {
            self.encoding_note(rel, e, guessed.is_some());
        }
        let decoded = match ext {
            "csv" | "jsonl" => encoding::decode_rows(bytes, chosen),
            _ => encoding::decode(bytes, chosen).map(|t| (t, Default::default())),
        };
        match decoded {
            Ok(decoded) => Some(decoded),
            Err(e) => {
                self.ds.errors.push(InputError {
                    file: rel.into(),
                    line: Some(e.line),
                    column: Some(e.column),
                    field: None,
                    value: None,
                    message: e.message,
                });
                None
            }
        }
    }

    /// The report says which encoding a file that is not UTF-8 was read in.
    fn encoding_note(&mut self, rel: &str, e: &'static encoding_rs::Encoding, guessed: bool) {
        self.ds.notes.push(encoding_note(rel, e, guessed));
    }

    /// Loads rows read whole (JSON, YAML, the company file) one by one;
    /// each batch with the event kind its rows default to.
    pub(super) fn rows(
        &mut self,
        ctx: &FileCtx,
        target: &Target,
        batches: Vec<(String, Vec<RawRow>)>,
    ) -> parallel::Loaded {
        let mut loaded = parallel::Loaded::default();
        let mut near = rows::NearMisses::default();
        let mut sink = self
            .ds
            .sink(&mut loaded.undeclared, &mut loaded.naive, &mut near);
        for (stem, row) in batches
            .iter()
            .flat_map(|(k, rows)| rows.iter().map(move |r| (k, r)))
        {
            let view = RowView::of(row);
            let coll = match target {
                Target::Fixed(Some(c)) => *c,
                Target::Fixed(None) => {
                    loaded.no_collection = true;
                    break;
                }
                Target::Events => match rows::event_kind(ctx, &mut sink, &view, stem) {
                    Some(c) => c,
                    None => continue,
                },
            };
            if rows::convert_row(ctx, &mut sink, coll, &view) {
                loaded.rows += 1;
            }
        }
        let kind_named = sink.kind_named;
        loaded.kind_named = kind_named;
        loaded.near = near.found;
        loaded
    }
}

/// An undeclared column that resembles a declared field the file lacks.
fn near_miss_error(rel: &str, key: &str, miss: rows::NearMiss) -> InputError {
    // Its invisible characters shown: it would print as the field's name.
    let key = &crate::text::invisibles_shown(key);
    let field = &miss.field;
    InputError {
        line: Some(miss.line),
        column: miss.column,
        field: Some(key.to_string()),
        ..InputError::file(
            rel,
            &crate::msg!(
                "data-near-miss-column",
                column = key,
                field = field.as_str()
            )
            .words(),
        )
    }
}

/// An undeclared column holding the values of a declared field whose own
/// column beside it is blank (`rows::Shadow`).
fn shadow_error(
    rel: &str,
    key: &str,
    shadow: &rows::Shadow,
    (line, column): (u32, Option<u32>),
) -> InputError {
    let key = &crate::text::invisibles_shown(key);
    let field = shadow.field.as_str();
    let message = match shadow.field_filled {
        false => crate::msg!(
            "data-near-miss-beside-blank-column",
            column = key,
            field = field
        ),
        true => crate::msg!(
            "data-near-miss-beside-blank-cell",
            column = key,
            field = field
        ),
    };
    InputError {
        line: Some(line),
        column,
        field: Some(key.to_string()),
        ..InputError::file(rel, &message.words())
    }
}

/// A column named as a declared field (or by its usual name) whose value
/// differs from the field's own column in a row: one fact written twice
/// two ways, and which is true cannot be told.
fn disagreement_error(
    rel: &str,
    key: &str,
    shadow: &rows::Shadow,
    (line, column): (u32, Option<u32>),
) -> InputError {
    let key = &crate::text::invisibles_shown(key);
    let field = shadow.field.as_str();
    let message = match (&shadow.constant, &shadow.mapped) {
        (None, Some(mapped)) => crate::msg!(
            "data-near-miss-disagrees-mapped",
            column = key,
            field = field,
            mapped = crate::text::invisibles_shown(mapped).as_str()
        ),
        (None, None) => crate::msg!("data-near-miss-disagrees", column = key, field = field),
        (Some(k), _) => crate::msg!(
            "data-near-miss-disagrees-constant",
            column = key,
            field = field,
            constant = k.as_str()
        ),
    };
    InputError {
        line: Some(line),
        column,
        field: Some(key.to_string()),
        ..InputError::file(rel, &message.words())
    }
}

/// The header of a CSV text at 1-based line `header_row` (title lines
/// above it are not read), and where its body starts in `text`; errors keep
/// their lines in the file.
pub(in crate::data) fn csv_header_at(
    text: &str,
    header_row: u32,
    errors: &mut Vec<read::ReadError>,
) -> Option<(Vec<String>, usize)> {
    let mut start = 0;
    let mut above = Vec::new();
    for row in 1..=header_row {
        if start >= text.len() && row > 1 {
            // The text ends above the header row: said as such, not as an
            // empty file (and no line is counted past the end).
            errors.push(read::ReadError {
                line: Some(header_row),
                column: None,
                message: crate::msg!(
                    "review-header-row-past-end",
                    lines = above.len(),
                    row = header_row
                )
                .words(),
            });
            return None;
        }
        if row == header_row {
            break;
        }
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        above.push(&text[start..end]);
        start = end + 1;
    }
    let mut own = Vec::new();
    let header = read::csv_headers(&text[start..], &mut own);
    errors.extend(own.into_iter().map(|mut e| {
        e.line = e.line.map(|l| l.saturating_add(header_row - 1));
        e
    }));
    let (headers, body) = header?;
    for (i, line) in above.iter().enumerate() {
        let values = line
            .split(',')
            .filter(|v| !v.trim().trim_matches('"').is_empty())
            .count();
        if looks_like_data(values, headers.len()) {
            errors.push(read::ReadError {
                line: Some(i as u32 + 1),
                column: Some(1),
                message: above_header(msg!("load-place-line", line = i + 1), values, header_row),
            });
            return None;
        }
    }
    Some((headers, start + body))
}

/// Whether a row above the header (`header_row:`), which is not read,
/// holds as many values as a data row: a title has one or two, a data row
/// most of the columns. Such a row would be dropped without a word.
pub(in crate::data) fn looks_like_data(values: usize, columns: usize) -> bool {
    values >= 2 && values * 2 >= columns
}

/// The error for a row above the header that reads like data; `row` says
/// where it is (a line of a CSV file, a row of a sheet).
pub(in crate::data) fn above_header(
    row: crate::i18n::Msg,
    values: usize,
    header_row: u32,
) -> String {
    msg!(
        "load-above-header",
        row = row,
        values = values,
        header_row = header_row
    )
    .words()
}

/// The note that a file was read in an encoding the case did not name.
pub(in crate::data) fn encoding_note(
    rel: &str,
    e: &'static encoding_rs::Encoding,
    guessed: bool,
) -> Note {
    let utf16 = [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE].contains(&e);
    let why = match (guessed, utf16) {
        (true, true) => msg!("load-encoding-guessed-utf16"),
        (true, false) => msg!("load-encoding-guessed"),
        (false, _) => msg!("load-encoding-bom"),
    };
    let encoding = e.name().to_uppercase();
    Note {
        file: rel.to_string(),
        message: msg!("load-read-as", encoding = encoding, why = why).words(),
        rules: Vec::new(),
    }
}

/// The report says a UTF-16 file was read as tab-separated
/// (`split::tabs_to_commas`).
pub(in crate::data) fn tab_separated_note(rel: &str) -> Note {
    Note {
        file: rel.to_string(),
        message: msg!("load-tab-separated").words(),
        rules: Vec::new(),
    }
}

/// The lower-case extension of `path` (`""` when it has none).
pub(super) fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The SHA-256 of `bytes` in hexadecimal, as an input's digest is listed.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    crate::text::hex(&sha2::Sha256::digest(bytes))
}

/// A file's name without its extension.
fn stem(path: &Path) -> &str {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("")
}
