//! Runs a group's test cases on a few worker threads, reporting each result as it arrives.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::mpsc;
use std::thread;

use super::outcome::{Outcome, Tally};

/// One test: its full name and the work that decides its outcome.
pub struct Case {
    pub name: String,
    pub run: Box<dyn FnOnce() -> Outcome + Send>,
}

pub fn run_all(cases: Vec<Case>, jobs: usize) -> Tally {
    let mut tally = Tally::default();
    let queue = Mutex::new(cases.into_iter().collect::<VecDeque<_>>());
    let (results, received) = mpsc::channel();
    thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            let results = results.clone();
            let queue = &queue;
            scope.spawn(move || {
                loop {
                    // The lock is released at the end of this statement, before the test runs.
                    let next = queue.lock().map(|mut queue| queue.pop_front());
                    let Ok(Some(case)) = next else { break };
                    let outcome = (case.run)();
                    if results.send((case.name, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(results);
        for (name, outcome) in received {
            tally.record(&name, &outcome);
        }
    });
    tally
}
