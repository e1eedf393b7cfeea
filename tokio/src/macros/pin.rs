/// Pins values on the stack.
///
/// Each identifier is rebound as a `Pin<&mut T>` to its value, which is moved into a place
/// that cannot be reached (and so cannot be moved) again. Only identifiers are accepted;
/// the second form binds and pins in one step.
///
/// ```
/// async fn my_async_fn() -> u32 {
///     7
/// }
///
/// # futures::executor::block_on(async {
/// let future = my_async_fn();
/// tokio::pin!(future);
/// assert_eq!((&mut future).await, 7);
///
/// tokio::pin! {
///     let a = my_async_fn();
///     let b = async { 1 };
/// }
/// assert_eq!(a.as_mut().await + b.await, 8);
/// # });
/// ```
#[macro_export]
macro_rules! pin {
    ($($x:ident),* $(,)?) => { $(
        // The value moves into a temporary that lives as long as this block; the only
        // handle on it is the pinned reference.
        #[allow(unused_mut)]
        let mut $x = ::core::pin::pin!($x);
    )* };
    ($(let $x:ident = $init:expr;)*) => { $(
        #[allow(unused_mut)]
        let mut $x = ::core::pin::pin!($init);
    )* };
}
