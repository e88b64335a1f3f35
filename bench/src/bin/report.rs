//! Measures every run-time case in one interleaved run, in one process, and prints the markdown table for the
//! README:
//! `cargo run -p bench --release --bin report` (`-- --quick` for a smoke run with fewer rounds).

use api_gateway_models::apig;
use bench::alloc::{allocations_during, is_installed, CountingAllocator};
use bench::body::{default_groups, vpc_create_json};
use bench::cases::{Context, CASES};
use bench::measure::{mb_per_s, median_times, Plan};
use bench::responses::{apis_json, RESPONSE_CASES};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The body sizes, with how many rounds and runs per round each gets: about the same time per size.
const SIZES: &[(usize, Plan)] = &[
    (
        1_000,
        Plan {
            rounds: 21,
            runs_per_round: 40,
        },
    ),
    (
        10_000,
        Plan {
            rounds: 21,
            runs_per_round: 4,
        },
    ),
    (
        100_000,
        Plan {
            rounds: 9,
            runs_per_round: 1,
        },
    ),
];

fn main() {
    let quick = std::env::args().any(|arg| arg == "--quick");
    println!("{}", machine());
    println!("Body: compact JSON, N members over N/100 member groups, channel type 3 with CCE microservice details and an HTTP health check, every value valid (bench/src/body.rs).\n");
    let context = Context::new();
    let cases: Vec<_> = CASES.iter().collect();
    let mut rows = Vec::new();
    let mut validate_alone = Vec::new();
    let mut times_at_largest = None;
    let mut invalid_cost = Vec::new();
    for &(members, plan) in SIZES {
        let plan = if quick {
            Plan {
                rounds: 3,
                runs_per_round: plan.runs_per_round.div_ceil(4),
            }
        } else {
            plan
        };
        let body = vpc_create_json(members, default_groups(members));
        let times = median_times(&cases, &context, &body, plan);
        let baseline = times[index_of("a")];
        for (case, time) in cases.iter().zip(&times) {
            rows.push(format!(
                "| {members} | {:.1} | ({}) {} | {:.0} | {:.2} |",
                body.len() as f64 / 1e6,
                case.key,
                case.what,
                mb_per_s(body.len(), *time),
                time.as_secs_f64() / baseline.as_secs_f64(),
            ));
        }
        let alone = validate_time(&body, plan);
        validate_alone.push(format!(
            "- {members} members: {:.2} ms, {:.0} % of (a)",
            alone.as_secs_f64() * 1e3,
            100.0 * alone.as_secs_f64() / baseline.as_secs_f64()
        ));
        invalid_cost.push((members, invalid_ratio(members, plan)));
        times_at_largest = Some(times);
    }
    println!("| N members | body MB | case | MB/s | time / (a) |");
    println!("| ---: | ---: | --- | ---: | ---: |");
    for row in rows {
        println!("{row}");
    }
    let times = times_at_largest.expect("at least one size");
    println!();
    println!("validate() alone, on the parsed body (median):");
    for line in validate_alone {
        println!("{line}");
    }
    println!();
    println!("check_body on the body with one member in a hundred out of range (weight 10001), over the valid body:");
    for (members, ratio) in &invalid_cost {
        println!("- {members} members: {ratio:.2}");
    }
    println!();
    println!("{}", allocations_line());
    println!();
    let validate_share = validate_time_at_largest(&times);
    let invalid = invalid_cost.last().map_or(f64::NAN, |(_, ratio)| *ratio);
    targets(&times, validate_share, invalid);
    println!();
    responses(quick);
}

/// The response cases, as a ratio to plain serde of the same type: a table and the targets.
fn responses(quick: bool) {
    println!("Responses: otc_apig \"Querying APIs Bound with a Plug-in\", 200, N items (bench/src/responses.rs).\n");
    println!("| N items | body MB | case | MB/s | time / (ra) |");
    println!("| ---: | ---: | --- | ---: | ---: |");
    let context = Context::new();
    let cases: Vec<_> = RESPONSE_CASES.iter().collect();
    let sizes = [(1_000, 40), (10_000, 4)];
    let mut ratios = Vec::new();
    for (items, runs_per_round) in sizes {
        let plan = Plan {
            rounds: if quick { 3 } else { 21 },
            runs_per_round,
        };
        let body = apis_json(items);
        let times = median_times(&cases, &context, &body, plan);
        let baseline = times[0].as_secs_f64();
        for (case, time) in cases.iter().zip(&times) {
            println!(
                "| {items} | {:.1} | ({}) {} | {:.0} | {:.2} |",
                body.len() as f64 / 1e6,
                case.key,
                case.what,
                mb_per_s(body.len(), *time),
                time.as_secs_f64() / baseline,
            );
        }
        ratios = times.iter().map(|t| t.as_secs_f64() / baseline).collect();
    }
    println!();
    println!("Targets at 10000 items:");
    for (name, ratio, target) in [
        ("(rb) Response::parse / (ra) <= 1.0", ratios[1], 1.0),
        ("(rc) parse_with_departures / (ra) <= 1.3", ratios[2], 1.3),
    ] {
        let verdict = if ratio <= target { "met" } else { "MISSED" };
        println!("- {name}: {ratio:.2} ({verdict})");
    }
}

/// validate() alone at the largest size, as a share of (a) there.
fn validate_time_at_largest(times: &[Duration]) -> f64 {
    let (members, plan) = *SIZES.last().expect("sizes");
    let body = vpc_create_json(members, default_groups(members));
    validate_time(&body, plan).as_secs_f64() / times[index_of("a")].as_secs_f64()
}

/// check_body's time on the body with every hundredth member's weight out of range, over its time on the
/// valid body: what reporting violations costs. The two are measured interleaved.
fn invalid_ratio(members: usize, plan: Plan) -> f64 {
    let valid = vpc_create_json(members, default_groups(members));
    let mut value: serde_json::Value = serde_json::from_slice(&valid).expect("JSON");
    for (i, member) in value["members"]
        .as_array_mut()
        .expect("members")
        .iter_mut()
        .enumerate()
    {
        if i % 100 == 0 {
            member["weight"] = serde_json::json!(10_001);
        }
    }
    let invalid = serde_json::to_vec(&value).expect("serializes");
    let time = |body: &[u8], expect_valid: bool| {
        let started = Instant::now();
        for _ in 0..plan.runs_per_round {
            let result = apig::update_vpc_channel::check_body(black_box(body));
            assert_eq!(result.is_ok(), expect_valid);
            black_box(result).ok();
        }
        started.elapsed()
    };
    let mut ratios: Vec<f64> = (0..plan.rounds)
        .map(|_| time(&invalid, false).as_secs_f64() / time(&valid, true).as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[ratios.len() / 2]
}

/// The median time of validate() alone on the parsed body.
fn validate_time(body: &[u8], plan: Plan) -> Duration {
    let value: apig::VpcCreate = api_gateway_models::from_json(body).expect("fits");
    let mut samples: Vec<Duration> = (0..plan.rounds)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..plan.runs_per_round {
                black_box(black_box(&value).validate()).expect("valid");
            }
            started.elapsed() / plan.runs_per_round as u32
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn index_of(key: &str) -> usize {
    CASES
        .iter()
        .position(|c| c.key == key)
        .expect("a known case")
}

/// The issues' targets at the largest size, each with the measured figure.
fn targets(times: &[Duration], validate_share: f64, invalid: f64) {
    let t = |key: &str| times[index_of(key)].as_secs_f64();
    let (a, b, d, e) = (t("a"), t("b"), t("d"), t("e"));
    let line = |name: &str, value: f64, met: bool| {
        println!(
            "- {name}: {value:.2} ({})",
            if met { "met" } else { "MISSED" }
        );
    };
    let largest = SIZES.last().expect("sizes").0;
    println!("Targets at {largest} members:");
    line("(b) / (a) <= 1.05", b / a, b / a <= 1.05);
    line("(d) / (b) >= 3", d / b, d / b >= 3.0);
    line("(e) / (b) >= 1.7", e / b, e / b >= 1.7);
    line("(f) check_body / (a) <= 0.5", t("f") / a, t("f") / a <= 0.5);
    line(
        "(c) parse_body / (a) <= 1.10",
        t("c") / a,
        t("c") / a <= 1.10,
    );
    line(
        "validate() alone / (a) <= 0.15",
        validate_share,
        validate_share <= 0.15,
    );
    line(
        "one violation in a hundred members / valid <= 1.2",
        invalid,
        invalid <= 1.2,
    );
    println!("- (d2) / (b), the schema codegen emits: {:.2}", t("d2") / b);
    println!(
        "- (a) / floor: {:.2} (reference run: about 3.6)",
        a / t("floor")
    );
}

fn allocations_line() -> String {
    if !is_installed() {
        return "allocations: the counting allocator is not installed".to_owned();
    }
    let members = SIZES.last().expect("sizes").0;
    let body = vpc_create_json(members, default_groups(members));
    let value: apig::VpcCreate = api_gateway_models::from_json(&body).expect("fits");
    let (result, count) = allocations_during(|| value.validate());
    assert!(result.is_ok(), "the benchmark body is valid");
    let (result, checked) = allocations_during(|| apig::update_vpc_channel::check_body(&body));
    assert!(result.is_ok(), "the benchmark body is valid");
    format!("Heap allocations on the valid {members}-member body: validate() {count}, check_body {checked}")
}

/// The machine, as far as the process can tell: cores it may use and the CPU model.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    format!(
        "Machine: {cores} cores ({cpu}), shared with other work; {} build.",
        if cfg!(debug_assertions) {
            "DEBUG (numbers meaningless)"
        } else {
            "release"
        }
    )
}
