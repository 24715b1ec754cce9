//! Prints a valid synthetic playbook (region id `synthetic`) of N steps, for benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_playbook -- --steps 10000 > /tmp/regions/synthetic.toml
//! newborn --regions-dir /tmp/regions plan --region synthetic --birth-date 2026-10-08
//! ```

#[path = "support/synthetic.rs"]
mod synthetic;

use std::io::Write as _;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let steps = match args.as_slice() {
        [] => Some(1000),
        [flag, n] if flag == "--steps" => n.parse().ok(),
        [flag] if flag.starts_with("--steps=") => flag["--steps=".len()..].parse().ok(),
        _ => None,
    };
    let Some(steps) = steps else {
        eprintln!("usage: gen_playbook [--steps N]   (N: a whole number, default 1000)");
        std::process::exit(2);
    };
    let text = synthetic::playbook(steps);
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).is_err() {
        std::process::exit(1);
    }
}
