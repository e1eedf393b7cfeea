//! The lock-free, unbounded, multi-producer single-consumer block list under both mpsc
//! channels.
//!
//! Values live in a singly linked list of blocks of `BLOCK_CAP` slots. Every value gets a
//! global index from `tail_position`; index `i` lives in the block starting at
//! `i & !(BLOCK_CAP - 1)`, slot `i % BLOCK_CAP`.
//!
//! ## Senders (`Tx`)
//! 1. Claim an index: `tail_position.fetch_add(1)`. Indices are unique and, for one sender,
//!    increasing, which gives per-sender FIFO order.
//! 2. Find the block: start at `block_tail` and follow `next`, appending blocks as needed.
//! 3. While walking, a sender whose index lies well past a block that is *final* (all
//!    slots written) tries to CAS `block_tail` past it. The winner records the current
//!    `tail_position` in the block and marks it `RELEASED`.
//! 4. Write the value, set the slot's ready bit.
//!
//! The last sender to go away claims one more index and sets `TX_CLOSED` on its block: the
//! close marker.
//!
//! ## Receiver (`Rx`), a single thread at a time
//! 1. Move `head` forward along `next` to the block of `index`.
//! 2. Recycle the blocks behind `head` that are released and whose recorded tail position
//!    is `<= index`: re-link them after the last block for reuse (or free them). Why that is safe: a sender can only be inside a block if it loaded
//!    `block_tail` before the release, and so claimed its index before the recorded tail
//!    position; the receiver has already read every such index, so those senders have
//!    finished (a sender writes its value after it is done walking).
//! 3. Read the slot: a value (advance `index`), the close marker, or nothing yet.
//!
//! All orderings on `tail_position` and `block_tail` are `SeqCst` so that "claimed before
//! loading the tail" and "tail moved, then tail position read" fall in one total order.

pub(crate) use super::block::Read;
use super::block::{self, Block, BLOCK_CAP};
use crate::loom::sync::atomic::{AtomicPtr, AtomicUsize, Ordering::*};
use std::ptr::NonNull;

/// The senders' view of the list.
pub(crate) struct Tx<T> {
    block_tail: AtomicPtr<Block<T>>,
    tail_position: AtomicUsize,
}

/// The receiver's view of the list.
pub(crate) struct Rx<T> {
    head: NonNull<Block<T>>,
    index: usize,
    free_head: NonNull<Block<T>>,
}

/// Creates an empty list.
pub(crate) fn channel<T>() -> (Tx<T>, Rx<T>) {
    let first = Block::<T>::alloc(0);
    let tx = Tx {
        block_tail: AtomicPtr::new(first.as_ptr()),
        tail_position: AtomicUsize::new(0),
    };
    let rx = Rx {
        head: first,
        index: 0,
        free_head: first,
    };
    (tx, rx)
}

impl<T> Tx<T> {
    /// Appends a value (steps 1-4).
    pub(crate) fn push(&self, value: T) {
        let index = self.tail_position.fetch_add(1, SeqCst);
        let block = self.find_block(index);
        // SAFETY: `index` was claimed by us alone and `find_block` returned its block,
        // which cannot be freed before the receiver reads this very slot.
        unsafe { block.as_ref().write(index, value) };
    }

    /// Appends the close marker (the last sender is gone).
    pub(crate) fn close(&self) {
        let index = self.tail_position.fetch_add(1, SeqCst);
        let block = self.find_block(index);
        // SAFETY: as in `push`: the block stays alive until the receiver reads the marker.
        unsafe { block.as_ref().tx_close() };
    }

    /// Re-links a block the receiver no longer needs at the end of the list (a few tries
    /// against racing senders), or frees it: steady traffic then allocates nothing.
    ///
    /// # Safety
    /// Called by the receiver with a block that no sender can reach and whose values were
    /// all read (module doc, Receiver step 2).
    unsafe fn recycle(&self, block: NonNull<Block<T>>) {
        // SAFETY: exclusively ours per the contract.
        unsafe { block.as_ref().reset() };
        // SAFETY: the tail block is live (only the receiver frees, and it is us).
        let mut curr = unsafe { NonNull::new_unchecked(self.block_tail.load(Acquire)) };
        for _ in 0..3 {
            // SAFETY: `curr` is reachable from the tail, so live; `block` is ours.
            match unsafe { curr.as_ref().try_push(block) } {
                Ok(()) => return,
                Err(next) => curr = next,
            }
        }
        // SAFETY: never re-published.
        unsafe { Block::free(block) };
    }

    fn find_block(&self, index: usize) -> NonNull<Block<T>> {
        let start = block::start_index(index);
        let offset = block::offset(index);
        let mut block_ptr = NonNull::new(self.block_tail.load(SeqCst)).expect("tail");
        // SAFETY: `block_tail` is never freed while reachable from it (module doc).
        let distance = start.wrapping_sub(unsafe { block_ptr.as_ref() }.start()) / BLOCK_CAP;
        // Spread the tail-moving work: senders far ahead (relative to their slot) do it.
        let mut try_updating_tail = distance > offset;
        loop {
            // SAFETY: reached from `block_tail` by `next` links while our index is unread,
            // so the receiver cannot have freed it (module doc, Receiver step 2).
            let block = unsafe { block_ptr.as_ref() };
            if block.is_at_index(index) {
                return block_ptr;
            }
            let next = block.grow();
            try_updating_tail &= block.is_final();
            if try_updating_tail {
                match self.block_tail.compare_exchange(
                    block_ptr.as_ptr(),
                    next.as_ptr(),
                    SeqCst,
                    SeqCst,
                ) {
                    Ok(_) => {
                        let tail_position = self.tail_position.fetch_add(0, SeqCst);
                        // SAFETY: our CAS moved the tail past this block; called once.
                        unsafe { block.tx_release(tail_position) };
                    }
                    Err(_) => try_updating_tail = false,
                }
            }
            block_ptr = next;
        }
    }
}

impl<T> Rx<T> {
    /// Pops the next value, the close marker, or nothing (steps 1-3).
    pub(crate) fn pop(&mut self, tx: &Tx<T>) -> Option<Read<T>> {
        if !self.try_advancing_head() {
            return None;
        }
        self.reclaim_blocks(tx);
        // SAFETY: `head` is the block of `index` (just checked), and we are the receiver.
        let read = unsafe { self.head.as_ref().read(self.index) };
        if let Some(Read::Value(_)) = read {
            self.index = self.index.wrapping_add(1);
        }
        read
    }

    fn try_advancing_head(&mut self) -> bool {
        let start = block::start_index(self.index);
        loop {
            // SAFETY: `head` is never freed while it is the head.
            let head = unsafe { self.head.as_ref() };
            if head.start() == start {
                return true;
            }
            match head.load_next(Acquire) {
                Some(next) => self.head = next,
                None => return false,
            }
        }
    }

    fn reclaim_blocks(&mut self, tx: &Tx<T>) {
        while self.free_head != self.head {
            // SAFETY: blocks between `free_head` and `head` are still allocated (only
            // this function frees them, in order).
            let block = unsafe { self.free_head.as_ref() };
            match block.observed_tail_position() {
                Some(observed) if observed <= self.index => {}
                _ => return,
            }
            let next = block
                .load_next(Acquire)
                .expect("a block behind head has a next");
            let old = self.free_head;
            self.free_head = next;
            // SAFETY: released and fully consumed (module doc, Receiver step 2), and no
            // longer reachable from `free_head`/`head` or by any sender.
            unsafe { tx.recycle(old) };
        }
    }

    /// Drops every remaining value and frees every block.
    ///
    /// # Safety
    /// No sender can touch the list any more (the channel is being destroyed).
    pub(crate) unsafe fn free_all(&mut self, tx: &Tx<T>) {
        while let Some(Read::Value(v)) = self.pop(tx) {
            drop(v);
        }
        let mut cur = Some(self.free_head);
        while let Some(block) = cur {
            // SAFETY: the chain from `free_head` is exclusively ours now.
            cur = unsafe { block.as_ref() }.load_next(Acquire);
            // SAFETY: every value was read above; nobody else can reach the block.
            unsafe { Block::free(block) };
        }
    }
}

// SAFETY: the lists hand `T`s across threads; the raw block pointers are managed by the
// protocol in the module doc.
unsafe impl<T: Send> Send for Tx<T> {}
// SAFETY: `Tx` methods take `&self` and are lock-free multi-producer safe.
unsafe impl<T: Send> Sync for Tx<T> {}
// SAFETY: only one receiver exists; moving it moves the ownership of the read side.
unsafe impl<T: Send> Send for Rx<T> {}
// SAFETY: `Rx` is only used through `&mut` (inside the channel's receiver-only cell).
unsafe impl<T: Send> Sync for Rx<T> {}
