/// Waits on several fallible futures at once: all their `Ok` outputs, or the first `Err`.
///
/// Like `join!`, but every branch must be a `Result<_, E>` with the same `E`. As soon as a
/// branch completes with `Err(e)`, the macro returns `Err(e)` and the other branches are
/// dropped; when all complete with `Ok`, it returns `Ok` of the tuple of their values in
/// argument order. Only usable inside an async context.
///
/// ```
/// async fn ok(v: u32) -> Result<u32, &'static str> {
///     Ok(v)
/// }
///
/// # futures::executor::block_on(async {
/// assert_eq!(tokio::try_join!(ok(1), ok(2)), Ok((1, 2)));
/// assert_eq!(tokio::try_join!(ok(1), async { Err::<u32, _>("boom") }), Err("boom"));
/// # });
/// ```
#[macro_export]
macro_rules! try_join {
    (@ { () }) => { ::core::result::Result::Ok(()) };
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
                } else if fut.as_mut().output_mut().expect("expected completed future").is_err() {
                    let out = fut.as_mut().take_output().expect("expected completed future");
                    let err = out.err().expect("expected an Err output");
                    return $crate::macros::support::Poll::Ready(::core::result::Result::Err(err));
                }
            )*
            if is_pending {
                return $crate::macros::support::Poll::Pending;
            }
            $crate::macros::support::Poll::Ready(::core::result::Result::Ok(( $({
                let ( $($skip,)* fut, .. ) = &mut futures;
                // SAFETY: as above; the pinned place is only read out of, never moved.
                let fut = unsafe { $crate::macros::support::Pin::new_unchecked(fut) };
                let out = fut.take_output().expect("expected completed future");
                out.ok().expect("expected an Ok output")
            },)* )))
        }).await
    }};
    (@ { ( $($s:tt)* ) $($t:tt)* } $e:expr, $($r:tt)*) => {
        $crate::try_join!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $e, } $($r)*)
    };
    (@ { ( $($s:tt)* ) $($t:tt)* } $e:expr) => {
        $crate::try_join!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $e, })
    };
    ($($t:tt)*) => {
        $crate::try_join!(@{ () } $($t)*)
    };
}
