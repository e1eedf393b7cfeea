/// Waits on several futures at once and returns all their outputs.
///
/// Every future is wrapped in a `MaybeDone` and all of them are polled, in argument order,
/// on the current task each time it is woken; completed ones keep their output. The value
/// is a tuple of the outputs in argument order (`join!()` is `()`). Only usable inside an
/// async context. Cancelling the `join!` (dropping the enclosing future) drops every branch.
///
/// ```
/// async fn one() -> u32 {
///     1
/// }
///
/// # futures::executor::block_on(async {
/// let (a, b) = tokio::join!(one(), async { "two" });
/// assert_eq!((a, b), (1, "two"));
/// # });
/// ```
#[macro_export]
macro_rules! join {
    // Normalised: `( _ _ .. )` counts the branches; each branch carries its index as a list
    // of `_` that skip the tuple fields in front of it.
    (@ { () }) => { () };
    (@ { ( $($count:tt)* ) $( ( $($skip:tt)* ) $e:expr, )* }) => {{
        // The futures move into the closure, which moves into the `PollFn` awaited below:
        // stored once, next to each other, with no pointer per branch.
        let mut futures = ( $( $crate::macros::support::maybe_done($e), )* );
        $crate::macros::support::poll_fn(move |cx| {
            let mut is_pending = false;
            $(
                let ( $($skip,)* fut, .. ) = &mut futures;
                // SAFETY: `futures` lives inside this closure, inside the `PollFn` that the
                // `.await` below pins in the enclosing async frame before its first poll and
                // never moves again; so each future is polled at one address until dropped.
                let mut fut = unsafe { $crate::macros::support::Pin::new_unchecked(fut) };
                if $crate::macros::support::Future::poll(fut.as_mut(), cx).is_pending() {
                    is_pending = true;
                }
            )*
            if is_pending {
                return $crate::macros::support::Poll::Pending;
            }
            $crate::macros::support::Poll::Ready(( $({
                let ( $($skip,)* fut, .. ) = &mut futures;
                // SAFETY: as above; the pinned place is only read out of, never moved.
                let fut = unsafe { $crate::macros::support::Pin::new_unchecked(fut) };
                fut.take_output().expect("expected completed future")
            },)* ))
        }).await
    }};
    (@ { ( $($s:tt)* ) $($t:tt)* } $e:expr, $($r:tt)*) => {
        $crate::join!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $e, } $($r)*)
    };
    (@ { ( $($s:tt)* ) $($t:tt)* } $e:expr) => {
        $crate::join!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $e, })
    };
    ($($t:tt)*) => {
        $crate::join!(@{ () } $($t)*)
    };
}
