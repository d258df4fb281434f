//! How every command sets up its log: the filter (`SHINCHOKU_LOG`), text or JSON
//! (`SHINCHOKU_LOG_FORMAT`), colours only for a person at a terminal, control characters escaped
//! in text fields, and the background writer ([`super::log_writer`]).

use std::io::IsTerminal;

use super::config::LogFormat;
use super::log_writer;

/// The log, written to stderr by a background thread (`ops::log_writer`): dropping the guard
/// writes out what is queued.
pub fn init(format: LogFormat, filter: Option<&str>) -> log_writer::Guard {
    let filter = match filter.map(tracing_subscriber::EnvFilter::try_new) {
        Some(Ok(filter)) => filter,
        Some(Err(e)) => {
            eprintln!("shinchoku: SHINCHOKU_LOG is not a log filter ({e}); logging at info");
            tracing_subscriber::EnvFilter::new("info")
        }
        None => tracing_subscriber::EnvFilter::new("info"),
    };
    // Colours only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let (writer, guard) = log_writer::stderr();
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer).with_ansi(colour);
    match format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).init(),
        LogFormat::Text => builder.fmt_fields(escaped_fields()).init(),
    }
    guard
}

/// Text log fields with control characters escaped: a value (a login, a path) can never begin a
/// line of its own and so forge a log entry. (JSON logs escape by construction.)
fn escaped_fields() -> impl for<'w> tracing_subscriber::fmt::FormatFields<'w> {
    use tracing_subscriber::field::MakeExt;
    tracing_subscriber::fmt::format::debug_fn(|writer, field, value| {
        let text: String = format!("{value:?}").chars().flat_map(escape_control).collect();
        if field.name() == "message" {
            write!(writer, "{text}")
        } else {
            write!(writer, "{field}={text}")
        }
    })
    .delimited(" ")
}

fn escape_control(c: char) -> Vec<char> {
    if c.is_control() {
        c.escape_default().collect()
    } else {
        vec![c]
    }
}
