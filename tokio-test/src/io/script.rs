//! The script a [`Mock`](super::Mock) replays, and the pure read/write steps over it.
//!
//! Steps are consumed from the front. A read only ever looks at the front step; a write
//! looks at the first step that is not a read (`Read` / `ReadError`), so reads and writes
//! scripted in either order can be interleaved by the code under test. Consumed steps are
//! removed, partially consumed `Read` / `Write` steps are shortened in place, so the
//! script always holds exactly what is left to do (which is what the drop check reads).

use super::sleep::Sleep;
use crate::errors;
use crate::loom::sync::Arc;
use std::collections::VecDeque;
use std::io;
use std::time::Duration;

/// One scripted step as recorded by a `Builder` or `Handle` (cloneable: errors are shared).
#[derive(Debug, Clone)]
pub(super) enum Action {
    Read(Vec<u8>),
    Write(Vec<u8>),
    Wait(Duration),
    ReadError(Arc<io::Error>),
    WriteError(Arc<io::Error>),
}

/// A step inside a `Mock`: an action plus the timer of a `Wait` once someone reached it.
#[derive(Debug)]
pub(super) enum Step {
    Read(Vec<u8>),
    Write(Vec<u8>),
    Wait(Duration, Option<Sleep>),
    ReadError(io::Error),
    WriteError(io::Error),
}

impl From<Action> for Step {
    fn from(action: Action) -> Step {
        match action {
            Action::Read(data) => Step::Read(data),
            Action::Write(data) => Step::Write(data),
            Action::Wait(duration) => Step::Wait(duration, None),
            Action::ReadError(err) => Step::ReadError(unshare(err)),
            Action::WriteError(err) => Step::WriteError(unshare(err)),
        }
    }
}

/// Takes the error out of its `Arc`, or rebuilds an equivalent one if a cloned `Builder`
/// still shares it.
fn unshare(err: Arc<io::Error>) -> io::Error {
    Arc::try_unwrap(err).unwrap_or_else(|err| io::Error::new(err.kind(), err.to_string()))
}

/// What the front of the script says a read should do.
#[derive(Debug)]
pub(super) enum ReadOutcome {
    /// `n` bytes were copied into the buffer.
    Data(usize),
    /// The scripted read error.
    Error(io::Error),
    /// The next step is a write: wait until the code under test writes.
    BlockedOnWrite,
    /// The next step is a pause: poll the sleep at this index.
    Wait(usize),
    /// Nothing is left in the script.
    Exhausted,
}

/// What the script says a write should do.
#[derive(Debug)]
pub(super) enum WriteOutcome {
    /// `n` bytes matched scripted writes and were consumed.
    Written(usize),
    /// The scripted write error.
    Error(io::Error),
    /// The next non-read step is a pause: poll the sleep at this index.
    Wait(usize),
    /// Only read steps are left: wait until the code under test reads.
    BlockedOnRead,
    /// Nothing is left in the script.
    Exhausted,
}

/// The remaining steps of a mock.
#[derive(Debug, Default)]
pub(super) struct Script {
    steps: VecDeque<Step>,
}

impl Script {
    pub(super) fn push(&mut self, action: Action) {
        self.steps.push_back(action.into());
    }

    pub(super) fn step_mut(&mut self, index: usize) -> Option<&mut Step> {
        self.steps.get_mut(index)
    }

    /// Removes a `Wait` step whose sleep has completed.
    pub(super) fn finish_wait(&mut self, index: usize) {
        debug_assert!(matches!(self.steps.get(index), Some(Step::Wait(..))));
        self.steps.remove(index);
    }

    /// Serves a read into `buf` (non-empty) from the front step.
    pub(super) fn read(&mut self, buf: &mut [u8]) -> ReadOutcome {
        loop {
            match self.steps.front_mut() {
                None => return ReadOutcome::Exhausted,
                Some(Step::Read(data)) if data.is_empty() => {}
                Some(Step::Read(data)) => {
                    let n = data.len().min(buf.len());
                    buf[..n].copy_from_slice(&data[..n]);
                    data.drain(..n);
                    if data.is_empty() {
                        self.steps.pop_front();
                    }
                    return ReadOutcome::Data(n);
                }
                Some(Step::ReadError(_)) => {}
                Some(Step::Write(_)) | Some(Step::WriteError(_)) => {
                    return ReadOutcome::BlockedOnWrite
                }
                Some(Step::Wait(..)) => return ReadOutcome::Wait(0),
            }
            // An empty read step is skipped; a read error is returned once.
            if let Some(Step::ReadError(err)) = self.steps.pop_front() {
                return ReadOutcome::Error(err);
            }
        }
    }

    /// Matches `buf` (non-empty) against the upcoming write steps.
    ///
    /// # Panics
    ///
    /// If the bytes differ from the script.
    pub(super) fn write(&mut self, mut buf: &[u8]) -> WriteOutcome {
        let mut written = 0;
        let mut index = 0;
        while index < self.steps.len() && !buf.is_empty() {
            match &mut self.steps[index] {
                Step::Read(_) | Step::ReadError(_) => index += 1,
                Step::Wait(..) if written == 0 => return WriteOutcome::Wait(index),
                Step::Wait(..) => break,
                Step::WriteError(_) if written == 0 => {
                    let Some(Step::WriteError(err)) = self.steps.remove(index) else {
                        unreachable!("the step at `index` is a write error")
                    };
                    return WriteOutcome::Error(err);
                }
                Step::WriteError(_) => break,
                Step::Write(expected) => {
                    let n = expected.len().min(buf.len());
                    if expected[..n] != buf[..n] {
                        panic!("{}", errors::write_mismatch(expected, buf));
                    }
                    expected.drain(..n);
                    buf = &buf[n..];
                    written += n;
                    if expected.is_empty() {
                        self.steps.remove(index);
                    }
                }
            }
        }
        if written > 0 {
            WriteOutcome::Written(written)
        } else if self.steps.is_empty() {
            WriteOutcome::Exhausted
        } else {
            WriteOutcome::BlockedOnRead
        }
    }

    /// The drop check: the message for the first step that was scripted but never
    /// consumed (pauses do not count), if any.
    pub(super) fn unconsumed(&self) -> Option<String> {
        self.steps.iter().find_map(|step| match step {
            Step::Read(data) if !data.is_empty() => Some(format!(
                "{} (unread: {:?})",
                errors::UNREAD_DATA,
                String::from_utf8_lossy(data)
            )),
            Step::Write(data) if !data.is_empty() => Some(format!(
                "{} (expected but never written: {:?})",
                errors::UNWRITTEN_DATA,
                String::from_utf8_lossy(data)
            )),
            Step::ReadError(err) | Step::WriteError(err) => {
                Some(format!("{} ({})", errors::UNUSED_ERROR, err))
            }
            _ => None,
        })
    }
}
