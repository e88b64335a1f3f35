//! Runs the rendering of a crate's files side by side: each file's tokens are made and formatted on a
//! worker (tokens cannot cross threads, so each job makes its own), and the results are gathered by path,
//! so the output does not depend on which worker ran what. Of several failing files, the first by path is
//! reported, as a sequential run would have reported it.

use super::EmitBug;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// One file to render: its path and what makes its text.
pub struct Job<'a> {
    pub path: String,
    pub render: Box<dyn Fn() -> Result<String, EmitBug> + Send + Sync + 'a>,
}

impl<'a> Job<'a> {
    pub fn new(path: String, render: impl Fn() -> Result<String, EmitBug> + Send + Sync + 'a) -> Job<'a> {
        Job { path, render: Box::new(render) }
    }
}

/// Renders every job on as many workers as the machine has cores (one for a handful of files).
pub fn render_all(jobs: Vec<Job<'_>>) -> Result<BTreeMap<String, String>, EmitBug> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(jobs.len().div_ceil(4)).max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<String, EmitBug>)>> = Mutex::new(Vec::with_capacity(jobs.len()));
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(job) = jobs.get(i) else { break };
        let text = (job.render)();
        results.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((i, text));
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
    let mut results = results.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_by_key(|(i, _)| *i);
    let mut files = BTreeMap::new();
    let mut failures = BTreeMap::new();
    for (i, text) in results {
        match text {
            Ok(text) => {
                files.insert(jobs[i].path.clone(), text);
            }
            Err(bug) => {
                failures.insert(jobs[i].path.clone(), bug);
            }
        }
    }
    match failures.into_values().next() {
        Some(bug) => Err(bug),
        None => Ok(files),
    }
}
