//! An intrusive, doubly linked FIFO list of waiter nodes.
//!
//! The nodes live inside the futures that wait (`Acquire`, `Notified`, ...), so waiting
//! allocates nothing. The list does not own its nodes.
//!
//! Invariants (every caller upholds them; they are the `# Safety` of each method):
//! - The list and the `Pointers` of every node in it are touched only while the owner's
//!   mutex (the one guarding the list) is held.
//! - A node is in at most one list at a time, is pinned while linked, and is unlinked
//!   (by `remove` or `pop_front`) before its memory is freed or moved.
//! - `head`/`tail` are both `None` or both `Some`; `prev` of the head and `next` of the
//!   tail are `None`.

use crate::loom::UnsafeCell;
use std::marker::PhantomPinned;
use std::ptr::NonNull;

/// A node type that embeds `Pointers<Self>`.
///
/// # Safety
/// `pointers` must return a pointer to the `Pointers` embedded in `target`, valid as
/// long as `target` is.
pub(crate) unsafe trait Link: Sized {
    /// Finds the embedded pointers of `target`.
    ///
    /// # Safety
    /// `target` points to a live node.
    unsafe fn pointers(target: NonNull<Self>) -> NonNull<Pointers<Self>>;
}

/// The `prev`/`next` links embedded in a node. `!Unpin` so a linked node cannot move.
pub(crate) struct Pointers<T> {
    inner: UnsafeCell<PointersInner<T>>,
    _pin: PhantomPinned,
}

struct PointersInner<T> {
    prev: Option<NonNull<T>>,
    next: Option<NonNull<T>>,
}

impl<T> Pointers<T> {
    pub(crate) fn new() -> Pointers<T> {
        Pointers {
            inner: UnsafeCell::new(PointersInner {
                prev: None,
                next: None,
            }),
            _pin: PhantomPinned,
        }
    }

    fn get_prev(&self) -> Option<NonNull<T>> {
        // SAFETY: only read under the list's mutex (module invariant), so no writer races.
        self.inner.with(|p| unsafe { (*p).prev })
    }

    fn get_next(&self) -> Option<NonNull<T>> {
        // SAFETY: as in `get_prev`.
        self.inner.with(|p| unsafe { (*p).next })
    }

    fn set_prev(&self, v: Option<NonNull<T>>) {
        // SAFETY: written only under the list's mutex (module invariant): exclusive.
        self.inner.with_mut(|p| unsafe { (*p).prev = v });
    }

    fn set_next(&self, v: Option<NonNull<T>>) {
        // SAFETY: as in `set_prev`.
        self.inner.with_mut(|p| unsafe { (*p).next = v });
    }
}

impl<T> std::fmt::Debug for Pointers<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pointers")
    }
}

/// The list head. Holds raw pointers; `Send` is granted by the owner that wraps it in a
/// mutex.
pub(crate) struct LinkedList<T: Link> {
    head: Option<NonNull<T>>,
    tail: Option<NonNull<T>>,
}

// SAFETY: the list is only a pair of pointers to nodes that are themselves `Send + Sync`
// (every node type in this crate is), and it is only used under its owner's mutex.
unsafe impl<T: Link + Send + Sync> Send for LinkedList<T> {}
// SAFETY: as above; shared access goes through the owner's mutex.
unsafe impl<T: Link + Send + Sync> Sync for LinkedList<T> {}

/// Borrows the embedded pointers of a live node.
///
/// # Safety
/// `node` is live for `'a`.
unsafe fn ptrs<'a, T: Link>(node: NonNull<T>) -> &'a Pointers<T> {
    // SAFETY: the caller guarantees `node` is live; `Link::pointers` returns a pointer
    // into it.
    unsafe { T::pointers(node).as_ref() }
}

impl<T: Link> LinkedList<T> {
    pub(crate) const fn new() -> LinkedList<T> {
        LinkedList {
            head: None,
            tail: None,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.head.is_none()
    }

    /// The oldest node, still linked.
    pub(crate) fn front(&self) -> Option<NonNull<T>> {
        self.head
    }

    /// Appends `node` (the newest waiter).
    ///
    /// # Safety
    /// `node` is live, pinned and in no list, and stays so until it is unlinked.
    pub(crate) unsafe fn push_back(&mut self, node: NonNull<T>) {
        // SAFETY: the caller guarantees `node` is live; `tail` is linked hence live.
        unsafe {
            let p = ptrs(node);
            p.set_next(None);
            p.set_prev(self.tail);
            match self.tail {
                Some(tail) => ptrs(tail).set_next(Some(node)),
                None => self.head = Some(node),
            }
        }
        self.tail = Some(node);
    }

    /// Unlinks and returns the oldest node.
    pub(crate) fn pop_front(&mut self) -> Option<NonNull<T>> {
        let head = self.head?;
        // SAFETY: `head` is linked and therefore live (module invariant).
        unsafe { self.remove(head) };
        Some(head)
    }

    /// Unlinks `node`; returns false (doing nothing) if it was not linked here.
    ///
    /// # Safety
    /// `node` is live and is either in this list or in none.
    pub(crate) unsafe fn remove(&mut self, node: NonNull<T>) -> bool {
        // SAFETY: the caller guarantees `node` is live; its neighbours are linked, so live.
        unsafe {
            let p = ptrs(node);
            let (prev, next) = (p.get_prev(), p.get_next());
            match prev {
                Some(prev) => ptrs(prev).set_next(next),
                None => {
                    if self.head != Some(node) {
                        return false;
                    }
                    self.head = next;
                }
            }
            match next {
                Some(next) => ptrs(next).set_prev(prev),
                None => self.tail = prev,
            }
            p.set_prev(None);
            p.set_next(None);
        }
        true
    }
}

impl<T: Link> std::fmt::Debug for LinkedList<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkedList")
            .field("empty", &self.is_empty())
            .finish()
    }
}
