//! `piimask report`: the operator's KPIs and ROI from what `piimask guard`
//! wrote (and reveal audit logs), as text, JSON or a self-contained HTML
//! page. The figures are computed by [`crate::report`]; this file only reads
//! files and writes the renderings.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;

use clap::Args;

use super::Outcome;
use crate::report::{ReportBuilder, RoiOptions};

/// The options of `report`.
#[derive(Args, Clone, Debug)]
pub struct ReportOptions {
    /// Print the report as JSON (field names documented in docs/report.md)
    /// instead of text tables.
    #[arg(long)]
    pub json: bool,
    /// Also write the report as a self-contained HTML page to this file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// What the measures cost over the period (subscription, training).
    #[arg(long, default_value_t = 0.0, value_name = "AMOUNT")]
    pub cost_of_measures: f64,
    /// What one leaked record costs (legal fees, lost customers).
    #[arg(long, default_value_t = 0.0, value_name = "AMOUNT")]
    pub cost_per_leaked_record: f64,
    /// Revenue one conversation brings.
    #[arg(long, default_value_t = 0.0, value_name = "AMOUNT")]
    pub revenue_per_conversation: f64,
    /// The period the cost covers, in days; the log's counts are scaled to
    /// it (default: the days the log spans).
    #[arg(long, value_name = "DAYS")]
    pub period_days: Option<f64>,
    /// Guard output (JSON Lines) and reveal audit logs, in any mix; `-`
    /// reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

fn check_amount(name: &str, v: f64) -> Result<(), String> {
    if v.is_finite() && v >= 0.0 {
        Ok(())
    } else {
        Err(format!("--{name} must be a finite number, 0 or more"))
    }
}

/// Runs `piimask report`.
pub fn run(opts: ReportOptions) -> Outcome {
    check_amount("cost-of-measures", opts.cost_of_measures)?;
    check_amount("cost-per-leaked-record", opts.cost_per_leaked_record)?;
    check_amount("revenue-per-conversation", opts.revenue_per_conversation)?;
    if let Some(days) = opts.period_days {
        if !(days.is_finite() && days > 0.0) {
            return Err("--period-days must be more than 0".into());
        }
    }
    let mut builder = ReportBuilder::new();
    let mut clean = true;
    for path in &opts.files {
        let shown = path.display();
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(io::stdin().lock()))
        } else {
            let file = File::open(path).map_err(|e| format!("{shown}: {e}"))?;
            Box::new(BufReader::new(file))
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|e| format!("{shown}: {e}"))?;
            if let Err(reason) = builder.add_bytes(&line) {
                // The reason never quotes the line.
                eprintln!("piimask report: {shown}:{}: {reason}", n + 1);
                clean = false;
            }
        }
    }
    let report = builder.finish(&RoiOptions {
        cost_of_measures: opts.cost_of_measures,
        cost_per_leaked_record: opts.cost_per_leaked_record,
        revenue_per_conversation: opts.revenue_per_conversation,
        period_days: opts.period_days,
    });
    if let Some(path) = &opts.html {
        std::fs::write(path, report.to_html()).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let out = if opts.json {
        report.to_json()
    } else {
        report.to_text()
    };
    io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(|e| format!("standard output: {e}"))?;
    Ok(clean)
}
