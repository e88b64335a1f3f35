//! A small timing loop for the one-process report: every case runs once per round, in an order that rotates
//! from round to round, so that a slow spell of the shared machine lands on every case alike; each case's time
//! is its median over the rounds.

use crate::cases::{Case, Context};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// How many rounds, and how many runs of a case in each (small bodies run several times so that one sample is
/// well above the timer's resolution).
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub rounds: usize,
    pub runs_per_round: usize,
}

/// The median time of one run of each case, in the order of `cases`.
pub fn median_times(cases: &[&Case], context: &Context, body: &[u8], plan: Plan) -> Vec<Duration> {
    // One untimed run each: page faults of the first big allocations, lazily compiled patterns.
    for case in cases {
        black_box((case.run)(context, black_box(body)));
    }
    let mut samples = vec![Vec::with_capacity(plan.rounds); cases.len()];
    for round in 0..plan.rounds {
        for k in 0..cases.len() {
            let index = (round + k) % cases.len();
            let started = Instant::now();
            for _ in 0..plan.runs_per_round {
                black_box((cases[index].run)(context, black_box(body)));
            }
            samples[index].push(started.elapsed() / plan.runs_per_round as u32);
        }
    }
    samples.into_iter().map(median).collect()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Megabytes (10^6 bytes) per second.
pub fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

/// The best of seven runs of `f`: for the generator's steps, timed whole, where the fastest run is
/// the one the shared machine disturbed least.
pub fn best_of_seven(mut f: impl FnMut()) -> Duration {
    (0..7)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}
