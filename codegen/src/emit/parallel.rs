//! Runs the rendering of a crate's files side by side: each file's tokens are made and formatted on
//! a worker (tokens cannot cross threads, so each job makes its own), and the results are gathered
//! by path, so the output does not depend on which worker ran what. Of several failing files, the
//! first by path is reported, as a sequential run would have reported it. A keyed job whose file
//! the cache holds fresh is not rendered at all.

use super::tokens::EmitBug;
use crate::cache::Cache;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// One file to render: its path, what makes its text, and what makes its key (the hash of the part
/// of the model the text is made from) where the file may be skipped when that part did not change.
pub struct Job<'a> {
    pub path: String,
    pub render: Box<dyn Fn() -> Result<String, EmitBug> + Send + Sync + 'a>,
    pub key: Option<Box<dyn Fn() -> u64 + Send + Sync + 'a>>,
}

impl<'a> Job<'a> {
    pub fn new(
        path: String,
        render: impl Fn() -> Result<String, EmitBug> + Send + Sync + 'a,
    ) -> Job<'a> {
        Job {
            path,
            render: Box::new(render),
            key: None,
        }
    }

    /// The file is made from `part` of the model (and the run's settings) alone.
    pub fn made_from(self, part: &'a (dyn std::fmt::Debug + Sync)) -> Job<'a> {
        self.keyed(move || crate::cache::key(part))
    }

    /// The file's key is what `key` makes (a [`shared_key`] for a part many files are made from).
    pub fn keyed(mut self, key: impl Fn() -> u64 + Send + Sync + 'a) -> Job<'a> {
        self.key = Some(Box::new(key));
        self
    }
}

/// The key of a part many files are made from, computed once by whichever of their jobs asks first.
pub fn shared_key<'a>(
    part: &'a (dyn std::fmt::Debug + Sync),
) -> impl Fn() -> u64 + Clone + Send + Sync + 'a {
    let key = std::sync::Arc::new(std::sync::OnceLock::new());
    move || *key.get_or_init(|| crate::cache::key(part))
}

/// What a run rendered: the files' texts, and the keys of the keyed files, rendered or skipped.
#[derive(Debug, Default)]
pub struct Rendered {
    pub files: BTreeMap<String, String>,
    /// Files the cache holds fresh, left as they are.
    pub skipped: Vec<String>,
    pub keys: BTreeMap<String, u64>,
}

enum Outcome {
    Text(Option<u64>, String),
    Fresh(u64),
}

/// Renders every job on as many workers as the machine has cores (one for a handful of files),
/// skipping those the cache holds fresh.
pub fn render_all(jobs: Vec<Job<'_>>, cache: Option<&Cache>) -> Result<Rendered, EmitBug> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(jobs.len().div_ceil(4))
        .max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<Outcome, EmitBug>)>> =
        Mutex::new(Vec::with_capacity(jobs.len()));
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(job) = jobs.get(i) else { break };
        let outcome = run(job, cache);
        results
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((i, outcome));
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
    let mut results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_by_key(|(i, _)| *i);
    let mut rendered = Rendered::default();
    let mut failures = BTreeMap::new();
    for (i, outcome) in results {
        let path = jobs[i].path.clone();
        match outcome {
            Ok(Outcome::Text(key, text)) => {
                rendered.keys.extend(key.map(|key| (path.clone(), key)));
                rendered.files.insert(path, text);
            }
            Ok(Outcome::Fresh(key)) => {
                rendered.keys.insert(path.clone(), key);
                rendered.skipped.push(path);
            }
            Err(bug) => {
                failures.insert(path, bug);
            }
        }
    }
    match failures.into_values().next() {
        Some(bug) => Err(bug),
        None => Ok(rendered),
    }
}

fn run(job: &Job<'_>, cache: Option<&Cache>) -> Result<Outcome, EmitBug> {
    let key = job.key.as_ref().map(|key| key());
    match (key, cache) {
        (Some(key), Some(cache)) if cache.fresh(&job.path, key) => Ok(Outcome::Fresh(key)),
        _ => Ok(Outcome::Text(key, (job.render)()?)),
    }
}
