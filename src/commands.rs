//! The commands that work on a service's data from the console: list plans, check the kept
//! summary counts, export and import progress sheets, print the committee packet, send what
//! notifications are due. With what they share: opening an existing database, finding a plan
//! by name, reading a fiscal year, explaining a problem to a person.

use clap::Subcommand;
use shinchoku::db;
use shinchoku::ops::config::Config;

#[derive(Debug, Subcommand)]
pub(crate) enum SheetCommand {
    /// Write a plan's progress sheet for a fiscal year to a file (.xlsx or .csv)
    Export {
        /// The plan: its id, or its title (or a part of it naming one plan); `shinchoku plans` lists them
        #[arg(long)]
        plan: String,
        /// The fiscal year: 2022, R4, 令和4年度
        #[arg(long)]
        fiscal_year: String,
        /// The file to write; its extension (.xlsx or .csv) chooses the format
        #[arg(long)]
        out: std::path::PathBuf,
        /// CSV in Shift_JIS (CP932) instead of UTF-8 with BOM
        #[arg(long)]
        shift_jis: bool,
    },
    /// Read an edited progress sheet (.xlsx, .ods, .xls, or CSV in UTF-8, Shift_JIS or UTF-16) and write what changed
    Import {
        /// The plan: its id, or its title (or a part of it naming one plan); `shinchoku plans` lists them
        #[arg(long)]
        plan: String,
        /// The fiscal year the sheet is for: 2022, R4, 令和4年度
        #[arg(long)]
        fiscal_year: String,
        /// The edited sheet
        #[arg(long)]
        file: std::path::PathBuf,
        /// Report what would change, writing nothing
        #[arg(long)]
        dry_run: bool,
        /// Cells of an edit conflict to write anyway: `all`, or `12:実績,14:自己評価`
        #[arg(long)]
        keep_mine: Option<String>,
    },
}

/// Why a command failed: its configuration or arguments (exit 2), or the work itself (exit 1).
pub(crate) enum CliError {
    Config(String),
    Failed(String),
}

impl From<String> for CliError {
    fn from(message: String) -> Self {
        CliError::Failed(message)
    }
}

/// The secretariat at the console: an admin without a user account (history shows no user).
pub(crate) fn console_principal() -> (shinchoku::web::auth::Principal, shinchoku::models::audit::Actor) {
    let principal = shinchoku::web::auth::Principal {
        user_id: uuid::Uuid::nil(),
        login: "console".into(),
        role: shinchoku::web::auth::Role::Admin,
        departments: Vec::new(),
        token: None,
    };
    let actor = shinchoku::models::audit::Actor {
        request_id: Some(format!("cli-{}", uuid::Uuid::now_v7())),
        ..Default::default()
    };
    (principal, actor)
}

/// The database of a command that works on existing data: a SQLite file that does not exist is
/// a configuration error (a wrong SHINCHOKU_DATA_DIR), never a new empty database.
pub(crate) fn open_existing_database(config: &Config) -> Result<db::Pool, CliError> {
    let (backend, target) = db::parse_url(&config.database_url).map_err(CliError::Config)?;
    if backend == db::Backend::Sqlite && !std::path::Path::new(&target).exists() {
        return Err(CliError::Config(format!(
            "no database at {target}: set SHINCHOKU_DATA_DIR (or DATABASE_URL) to the service's data, \
             or start the service once (shinchoku serve)"
        )));
    }
    Ok(open_database(config)?)
}

/// The plan `--plan` names: an id, an exact title, or a part of one title.
pub(crate) fn find_plan(conn: &mut db::DbConnection, named: &str) -> Result<uuid::Uuid, CliError> {
    let plans = shinchoku::models::plans::all(conn).map_err(|e| CliError::Failed(e.to_string()))?;
    let named = named.trim();
    if let Ok(id) = uuid::Uuid::parse_str(named) {
        return plans
            .iter()
            .find(|p| p.id.0 == id)
            .map(|p| p.id.0)
            .ok_or_else(|| CliError::Config(format!("--plan {id}: no such plan (shinchoku plans lists them)")));
    }
    let exact: Vec<_> = plans.iter().filter(|p| p.title == named).collect();
    let partial: Vec<_> = plans.iter().filter(|p| p.title.contains(named)).collect();
    match (exact.as_slice(), partial.as_slice()) {
        ([one], _) | ([], [one]) => Ok(one.id.0),
        ([], []) => {
            Err(CliError::Config(format!("--plan {named}: no plan has this title (shinchoku plans lists them)")))
        }
        (_, several) => Err(CliError::Config(format!(
            "--plan {named}: {} plans match; name one by its id:\n{}",
            several.len(),
            several.iter().map(|p| format!("  {}  {}", p.id.0, p.title)).collect::<Vec<_>>().join("\n")
        ))),
    }
}

pub(crate) fn fiscal_year_arg(text: &str) -> Result<i32, CliError> {
    shinchoku::domain::fiscal_year::parse(text)
        .ok_or_else(|| CliError::Config(format!("--fiscal-year {text}: write it as 2022, R4 or 令和4年度")))
}

/// A problem as lines a person reads: what failed, then each error (`行 12, 列 実績: …`).
pub(crate) fn explain(e: &shinchoku::error::ApiError) -> String {
    let problem = e.problem();
    let mut lines = vec![problem.detail.clone()];
    for error in &problem.errors {
        let place = if error.row.is_some() { String::new() } else { format!("{}: ", error.field) };
        lines.push(format!("  {place}{}", error.message));
    }
    lines.join("\n")
}

pub(crate) fn plans_command(config: &Config) -> Result<(), CliError> {
    let pool = open_existing_database(config)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let plans = shinchoku::models::plans::all(&mut conn).map_err(|e| explain(&e))?;
    for plan in &plans {
        println!(
            "{}  {}  {}–{}",
            plan.id.0,
            plan.title,
            shinchoku::domain::fiscal_year::label(plan.start_fy),
            shinchoku::domain::fiscal_year::label(plan.end_fy)
        );
    }
    if plans.is_empty() {
        eprintln!("shinchoku: the database holds no plan");
    }
    Ok(())
}

pub(crate) fn deliver(config: &Config) -> Result<(), CliError> {
    let pool = open_existing_database(config)?;
    let pass = shinchoku::ops::delivery::Deliverer::new(pool, config.deliveries.clone())
        .until_done()
        .map_err(|e| format!("cannot deliver: {e}"))?;
    println!("{} delivered, {} to be retried, {} failed for good", pass.delivered, pass.retried, pass.failed);
    Ok(())
}

pub(crate) fn notify_due(config: &Config, date: Option<&str>) -> Result<(), CliError> {
    let today = match date {
        Some(d) => chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
            .map_err(|_| CliError::Config(format!("--date {d}: give a day as YYYY-MM-DD")))?,
        None => shinchoku::domain::fiscal_year::today_in_japan(),
    };
    let pool = open_existing_database(config)?;
    let pass =
        shinchoku::ops::due::run(&pool, today, config.due).map_err(|e| format!("cannot run the due-date pass: {e}"))?;
    println!("{today}: {} due soon, {} overdue told ({} told before)", pass.due_soon, pass.overdue, pass.already);
    Ok(())
}

pub(crate) fn check_summaries(config: &Config, repair: bool) -> Result<(), CliError> {
    let pool = open_existing_database(config)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let check = db::write_transaction(&mut conn, |conn| db::tally::check(conn, repair))
        .map_err(|e| format!("cannot check the summary counts: {e}"))?;
    let differ = check.facts_differing > 0 || check.counts_differing > 0;
    println!(
        "{} initiatives recounted ({} changed outside the service not yet counted): {} with facts that differ \
         from their rows, {} counts that differ{}",
        check.initiatives,
        check.noted,
        check.facts_differing,
        check.counts_differing,
        match (differ, repair) {
            (false, _) => " — the kept counts are exact",
            (true, true) => " — repaired",
            (true, false) => " — run again with --repair to replace them with the recount",
        }
    );
    if differ && !repair {
        return Err(CliError::Failed("the kept summary counts differ from a recount".into()));
    }
    Ok(())
}

/// `shinchoku report`: the committee packet to a file.
pub(crate) fn report(
    config: &Config,
    plan: &str,
    fiscal_year: &str,
    out: &std::path::Path,
    layout: Option<&str>,
) -> Result<(), CliError> {
    use shinchoku::resources::packet::{self, PacketLayout};
    if out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() != Some("xlsx") {
        return Err(CliError::Config("--out must end in .xlsx".into()));
    }
    let layout = match layout {
        None => None,
        Some(text) => {
            Some(serde_json::from_value::<PacketLayout>(serde_json::Value::from(text)).map_err(|_| {
                CliError::Config(format!("--layout {text}: use node_table, per_initiative or quarterly"))
            })?)
        }
    };
    let pool = open_existing_database(config)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let (plan, fy) = (find_plan(&mut conn, plan)?, fiscal_year_arg(fiscal_year)?);
    let packet = packet::export(&mut conn, plan, fy, layout).map_err(|e| explain(&e))?;
    std::fs::write(out, &packet.bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "{}: {} bytes, layout {:?}, {} pages and the cover",
        out.display(),
        packet.bytes.len(),
        packet.layout,
        packet.pages
    );
    Ok(())
}

pub(crate) fn sheet(config: &Config, action: SheetCommand) -> Result<(), CliError> {
    use shinchoku::resources::sheets::{self, files::CsvEncoding, grid, import, upload, SheetFormat};
    let pool = open_existing_database(config)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let (principal, actor) = console_principal();
    match action {
        SheetCommand::Export { plan, fiscal_year, out, shift_jis } => {
            let format = match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
                Some("csv") => SheetFormat::Csv,
                Some("xlsx") => SheetFormat::Xlsx,
                _ => return Err(CliError::Config("--out must end in .xlsx or .csv".into())),
            };
            let (plan, fy) = (find_plan(&mut conn, &plan)?, fiscal_year_arg(&fiscal_year)?);
            let encoding = if shift_jis { CsvEncoding::ShiftJis } else { CsvEncoding::Utf8 };
            let download =
                sheets::export(&mut conn, &principal, plan, fy, format, encoding).map_err(|e| explain(&e))?;
            std::fs::write(&out, &download.bytes).map_err(|e| format!("{}: {e}", out.display()))?;
            println!("{}: {} bytes ({})", out.display(), download.bytes.len(), download.content_type);
        }
        SheetCommand::Import { plan, fiscal_year, file, dry_run, keep_mine } => {
            let (plan, fy) = (find_plan(&mut conn, &plan)?, fiscal_year_arg(&fiscal_year)?);
            let keep_mine = import::KeepMine::parse(keep_mine.as_deref()).map_err(|e| CliError::Config(explain(&e)))?;
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let sheet = upload::read(&bytes, None, grid::LIMITS).map_err(|e| explain(&e))?;
            let options = import::ImportOptions { dry_run, keep_mine };
            let result = sheets::import_sheet(&mut conn, &principal, &actor, plan, fy, sheet, options)
                .map_err(|e| explain(&e))?;
            for warning in &result.warnings {
                eprintln!("注意: {}", warning.message);
            }
            for change in &result.changes {
                let show = |v: &Option<String>| v.as_deref().map_or("（空）".to_string(), |t| t.replace('\n', "⏎"));
                eprintln!("行 {}, 列 {}: {} → {}", change.row, change.column, show(&change.old), show(&change.new));
            }
            println!("{}", serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?);
        }
    }
    Ok(())
}

pub(crate) fn open_database(config: &Config) -> Result<db::Pool, String> {
    config.prepare_data_dir()?;
    let pool = db::connect(&config.database_url, config.pool_size)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let applied = shinchoku::ops::migrate::run(&mut conn)?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    Ok(pool)
}
