//! The slot table: which resources are registered, under which token, and the reactor
//! side of their lifecycle (dispatch, release, shutdown). No mio `Poll` in here, so the
//! loom models run this very code (see `tests/loom_reactor.rs`).
//!
//! # Tokens
//! A resource's mio token is `generation << INDEX_BITS | slab index`. The generation is a
//! counter bumped on every registration, so when a slot is freed and reused, an event
//! still in flight for the old owner carries a stale generation and is dropped instead of
//! being delivered to the new one. The top bit is never used, so no resource token can
//! equal the waker's token (`usize::MAX`).
//!
//! # Locking
//! One mutex guards the table, taken when a resource registers or is released and once
//! per reactor turn (not per event). Readiness checks by resources never take it: they
//! read the `ScheduledIo` their `Registration` holds directly. Wakers are collected under
//! the lock and woken by the caller after it is released, so a waker whose drop releases
//! another resource cannot deadlock on the table.
//!
//! # States of the table
//! - open: `insert` hands out slots, `dispatch` delivers events, `release` frees slots;
//! - shut down (final): `shutdown` set the flag, gave every slot the `SHUTDOWN` bit,
//!   collected their wakers and emptied the slab. `insert` fails from then on; `release`
//!   and `dispatch` find nothing. A registration that won the race (inserted before the
//!   shutdown took the lock) holds a `ScheduledIo` marked `SHUTDOWN`, so its operations
//!   fail instead of waiting; one that lost gets the error from `insert`. Both
//!   orders are checked by `loom_register_racing_shutdown`.

use super::ready::Ready;
use super::scheduled_io::ScheduledIo;
use crate::errors;
use crate::loom::sync::{Arc, Mutex, MutexGuard};
use mio::Token;
use slab::Slab;
use std::io;
use std::task::Waker;

const INDEX_BITS: u32 = 24;
const INDEX_MASK: usize = (1 << INDEX_BITS) - 1;
const GENERATION_MASK: usize = (1 << (usize::BITS - INDEX_BITS - 1)) - 1;

/// The registered resources of one reactor.
pub(crate) struct SlotTable {
    slots: Mutex<Slots>,
}

struct Slots {
    slab: Slab<Slot>,
    next_generation: usize,
    shutdown: bool,
}

struct Slot {
    generation: usize,
    io: Arc<ScheduledIo>,
}

impl SlotTable {
    pub(crate) fn new() -> SlotTable {
        SlotTable {
            slots: Mutex::new(Slots {
                slab: Slab::new(),
                next_generation: 0,
                shutdown: false,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Slots> {
        self.slots.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes a slot for a new resource: its token and its state. Fails once the table
    /// has shut down, or when the token space is exhausted.
    pub(crate) fn insert(&self) -> io::Result<(Token, Arc<ScheduledIo>)> {
        let io = Arc::new(ScheduledIo::new());
        let mut slots = self.lock();
        if slots.shutdown {
            return Err(errors::reactor_shut_down());
        }
        let generation = slots.next_generation;
        let entry = slots.slab.vacant_entry();
        let index = entry.key();
        if index > INDEX_MASK {
            return Err(errors::too_many_resources());
        }
        entry.insert(Slot {
            generation,
            io: io.clone(),
        });
        slots.next_generation = (generation + 1) & GENERATION_MASK;
        Ok((Token(generation << INDEX_BITS | index), io))
    }

    /// Frees the slot of `token`, if it still belongs to that token (after a shutdown,
    /// or for a stale token, there is nothing to free).
    pub(crate) fn release(&self, token: Token) {
        let (index, generation) = split_token(token);
        let mut slots = self.lock();
        if slots
            .slab
            .get(index)
            .is_some_and(|slot| slot.generation == generation)
        {
            slots.slab.remove(index);
        }
    }

    /// One reactor turn's worth of events: each `(token, readiness)` is stamped with
    /// `tick` on its slot, and the wakers interested in it are moved into `wake_buf`
    /// (to be woken once the lock is released). Events for freed or reused slots are
    /// dropped. Returns how many were delivered.
    pub(crate) fn dispatch(
        &self,
        events: impl IntoIterator<Item = (Token, Ready)>,
        tick: usize,
        wake_buf: &mut Vec<Waker>,
    ) -> usize {
        let slots = self.lock();
        let mut delivered = 0;
        for (token, ready) in events {
            let (index, generation) = split_token(token);
            match slots.slab.get(index) {
                Some(slot) if slot.generation == generation => {
                    let prev = slot.io.set_readiness(tick, ready);
                    slot.io.take_wakers(prev, ready, wake_buf);
                    delivered += 1;
                }
                _ => {}
            }
        }
        delivered
    }

    /// Shuts the table down (idempotent): later inserts fail, every slot is marked
    /// `SHUTDOWN` and gives up its wakers into `wake_buf`, and the slab is emptied (which
    /// also breaks the cycle slab → waker → task → resource).
    pub(crate) fn shutdown(&self, wake_buf: &mut Vec<Waker>) {
        let mut slots = self.lock();
        slots.shutdown = true;
        for (_, slot) in slots.slab.iter() {
            slot.io.shutdown(wake_buf);
        }
        slots.slab.clear();
    }

    /// The number of occupied slots.
    #[cfg(loom)]
    pub(crate) fn len(&self) -> usize {
        self.lock().slab.len()
    }
}

fn split_token(token: Token) -> (usize, usize) {
    (token.0 & INDEX_MASK, token.0 >> INDEX_BITS)
}
