//! Wakers over a shim `Arc<W>` (for `block_on` parkers and scheduler main-future
//! wakers), without a boxed trait object per waker.

use crate::loom::sync::Arc;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::task::{RawWaker, RawWakerVTable, Waker};

/// Something a waker can wake.
pub(crate) trait Wake: Send + Sync + 'static {
    fn wake_by_ref(this: &Arc<Self>);
}

struct Vt<W>(PhantomData<W>);

impl<W: Wake> Vt<W> {
    const VTABLE: RawWakerVTable =
        RawWakerVTable::new(clone::<W>, wake::<W>, wake_by_ref::<W>, drop_waker::<W>);
}

/// Turns `w` into a `Waker` (the waker owns one strong count).
pub(crate) fn waker<W: Wake>(w: Arc<W>) -> Waker {
    let data = Arc::into_raw(w) as *const ();
    // SAFETY: `data` came from `Arc::into_raw::<W>` and the vtable functions treat it as
    // such, each keeping the strong count balanced.
    unsafe { Waker::from_raw(RawWaker::new(data, &Vt::<W>::VTABLE)) }
}

/// # Safety
/// `data` came from `Arc::<W>::into_raw` and still owns a strong count.
unsafe fn borrow<W>(data: *const ()) -> ManuallyDrop<Arc<W>> {
    // SAFETY: caller's obligation; `ManuallyDrop` keeps the count untouched.
    ManuallyDrop::new(unsafe { Arc::from_raw(data as *const W) })
}

unsafe fn clone<W: Wake>(data: *const ()) -> RawWaker {
    // SAFETY: waker vtable contract.
    let arc = unsafe { borrow::<W>(data) };
    let extra: Arc<W> = Arc::clone(&arc);
    RawWaker::new(Arc::into_raw(extra) as *const (), &Vt::<W>::VTABLE)
}

unsafe fn wake<W: Wake>(data: *const ()) {
    // SAFETY: waker vtable contract; this consumes the waker's count.
    let arc = unsafe { Arc::from_raw(data as *const W) };
    W::wake_by_ref(&arc);
}

unsafe fn wake_by_ref<W: Wake>(data: *const ()) {
    // SAFETY: waker vtable contract.
    let arc = unsafe { borrow::<W>(data) };
    W::wake_by_ref(&arc);
}

unsafe fn drop_waker<W: Wake>(data: *const ()) {
    // SAFETY: waker vtable contract; this releases the waker's count.
    drop(unsafe { Arc::from_raw(data as *const W) });
}
