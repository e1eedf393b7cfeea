/// Waits on several futures at once and runs the handler of the first one to complete.
///
/// ```text
/// select! {
///     <pattern> = <future-expr> [, if <condition>] => <handler>,
///     ...
///     [else => <expression>]
/// }
/// ```
///
/// Order of work:
/// 1. Every `if` condition is evaluated; a branch whose condition is false is disabled.
/// 2. Every future expression is evaluated, disabled branches' too, and the futures are
///    pinned in place on the stack (they are never moved; `&mut fut` works for `Unpin`
///    futures that must survive the `select!`).
/// 3. On each poll the branches are tried in turn starting from a random one (a
///    thread-local generator), so that no ready branch starves; disabled ones are skipped.
/// 4. When a future completes, its branch is disabled. If its output matches the pattern,
///    the remaining futures are dropped and the handler runs with the pattern's bindings;
///    otherwise the `select!` goes on with the other branches.
/// 5. Once every branch is disabled the `else` expression is the value; without an `else`
///    branch that is an `unreachable!()` panic.
///
/// All handlers (and `else`) must have the same type, the value of the `select!`. Handlers
/// run after the futures are dropped, so they may use what the futures borrowed, and
/// `return`, `break`, `continue` and `?` in a handler act on the enclosing function or loop.
/// At least one branch and at most 64 are accepted. Only usable inside an async context.
///
/// tokio 1.x's `biased;` (written before the first branch) is accepted too: every round
/// then starts at the first branch, in declaration order.
///
/// ```
/// # futures::executor::block_on(async {
/// let mut ready = std::future::ready(1);
/// let out = tokio::select! {
///     v = &mut ready => v + 1,
///     _ = std::future::pending::<()>() => unreachable!(),
/// };
/// assert_eq!(out, 2);
///
/// let out = tokio::select! {
///     Some(v) = async { None::<u32> } => v,
///     v = async { 5 }, if false => v,
///     else => 0,
/// };
/// assert_eq!(out, 0);
/// # });
/// ```
#[macro_export]
macro_rules! select {
    // ---- The first branch polled: random (0.2), or 0 with tokio 1.x's `biased;` ------------
    (@start random $n:ident) => {
        $crate::macros::support::thread_rng_n($n)
    };
    (@start biased $n:ident) => {
        0
    };

    // ---- More than 64 branches: only the output enum's helper runs, and fails with its
    // message ("up to 64 branches supported"), as the only error.
    (@ { ( _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ $($more:tt)* ) $($t:tt)* } $($r:tt)*) => {{
        mod __tokio_select_util {
            $crate::select_priv_declare_output_enum!( ( _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ $($more)* ) );
        }
        ::core::unreachable!()
    }};

    // ---- Expansion of the normalised form -------------------------------------------------
    //
    // `( _ _ .. )` counts the branches; `random` or `biased` picks the first branch polled
    // on each round. Each branch is `( skip ) pattern = future, if
    // condition => handler,` where `skip` is its index as a list of `_` (the tuple fields in
    // front of its future); after the `;` comes the `else` expression.
    (@ {
        ( $($count:tt)* ) $bias:ident
        $( ( $($skip:tt)* ) $bind:pat = $fut:expr, if $c:expr => $handle:expr, )+
        ; $else:expr
    }) => {{
        mod __tokio_select_util {
            $crate::select_priv_declare_output_enum!( ( $($count)* ) );
        }

        // A constant, not a local: the polling closure need not capture it.
        const __TOKIO_SELECT_BRANCHES: u32 = $crate::count!( $($count)* );
        // Bit i set: branch i is disabled (condition false, or its future completed).
        let mut disabled: __tokio_select_util::Mask = 0;
        $(
            if !$c {
                let mask: __tokio_select_util::Mask = 1 << $crate::count!( $($skip)* );
                disabled |= mask;
            }
        )+

        // The futures live in this block only, so they are dropped before a handler runs.
        let output = {
            // Stored side by side in this block, with no pointer per branch; polled in place.
            let mut futures = ( $( $fut, )+ );
            $crate::macros::support::poll_fn(|cx| {
                let mut is_pending = false;
                let start = $crate::select!(@start $bias __TOKIO_SELECT_BRANCHES);
                for i in 0..__TOKIO_SELECT_BRANCHES {
                    // Wraps around without `%`: a constant modulus of 1 trips clippy's
                    // `modulo_one` in the user's crate.
                    let branch = start + i;
                    let branch = if branch >= __TOKIO_SELECT_BRANCHES {
                        branch - __TOKIO_SELECT_BRANCHES
                    } else {
                        branch
                    };
                    $(
                        if branch == $crate::count!( $($skip)* ) {
                            let mask: __tokio_select_util::Mask = 1 << $crate::count!( $($skip)* );
                            if disabled & mask == mask {
                                continue;
                            }
                            let ( $($skip,)* fut, .. ) = &mut futures;
                            // SAFETY: `futures` is a local of the enclosing block that is
                            // never moved: the closure only borrows it, the `.await` below
                            // keeps the async frame (and so the local) pinned, and the tuple is
                            // dropped in place when the block ends. Each future is therefore
                            // polled at one address until it is dropped.
                            let fut = unsafe { $crate::macros::support::Pin::new_unchecked(fut) };
                            let out = match $crate::macros::support::Future::poll(fut, cx) {
                                $crate::macros::support::Poll::Ready(out) => out,
                                $crate::macros::support::Poll::Pending => {
                                    is_pending = true;
                                    continue;
                                }
                            };
                            // Completed: never poll it again, whatever the pattern says.
                            disabled |= mask;
                            #[allow(unused_variables, unreachable_patterns, clippy::all)]
                            match &out {
                                $bind => {}
                                _ => continue,
                            }
                            return $crate::macros::support::Poll::Ready(
                                $crate::select_variant!(__tokio_select_util::Out, ($($skip)*) (out))
                            );
                        }
                    )+
                }
                if is_pending {
                    $crate::macros::support::Poll::Pending
                } else {
                    $crate::macros::support::Poll::Ready(__tokio_select_util::Out::Disabled)
                }
            }).await
        };

        #[allow(unreachable_patterns)]
        match output {
            $( $crate::select_variant!(__tokio_select_util::Out, ($($skip)*) ($bind)) => $handle, )+
            __tokio_select_util::Out::Disabled => $else,
            _ => ::core::unreachable!("failed to match bind"),
        }
    }};

    // ---- Errors -----------------------------------------------------------------------------
    (@ { () $bias:ident ; $else:expr }) => {
        ::core::compile_error!("select! requires at least one branch.")
    };

    // ---- Normalisation (a muncher over the user's branches) ---------------------------------
    // All branches read; no `else`.
    (@ { $($t:tt)* }) => {
        $crate::select!(@{ $($t)* ; ::core::unreachable!() })
    };
    (@ { $($t:tt)* } else => $else:expr $(,)?) => {
        $crate::select!(@{ $($t)* ; $else })
    };
    // With a precondition.
    (@ { ( $($s:tt)* ) $($t:tt)* } $p:pat = $f:expr, if $c:expr => $h:block, $($r:tt)*) => {
        $crate::select!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $p = $f, if $c => $h, } $($r)*)
    };
    (@ { ( $($s:tt)* ) $($t:tt)* } $p:pat = $f:expr, if $c:expr => $h:block $($r:tt)*) => {
        $crate::select!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $p = $f, if $c => $h, } $($r)*)
    };
    (@ { ( $($s:tt)* ) $($t:tt)* } $p:pat = $f:expr, if $c:expr => $h:expr, $($r:tt)*) => {
        $crate::select!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $p = $f, if $c => $h, } $($r)*)
    };
    (@ { ( $($s:tt)* ) $($t:tt)* } $p:pat = $f:expr, if $c:expr => $h:expr) => {
        $crate::select!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $p = $f, if $c => $h, })
    };
    // Without one.
    (@ { ( $($s:tt)* ) $($t:tt)* } $p:pat = $f:expr => $h:block, $($r:tt)*) => {
        $crate::select!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $p = $f, if true => $h, } $($r)*)
    };
    (@ { ( $($s:tt)* ) $($t:tt)* } $p:pat = $f:expr => $h:block $($r:tt)*) => {
        $crate::select!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $p = $f, if true => $h, } $($r)*)
    };
    (@ { ( $($s:tt)* ) $($t:tt)* } $p:pat = $f:expr => $h:expr, $($r:tt)*) => {
        $crate::select!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $p = $f, if true => $h, } $($r)*)
    };
    (@ { ( $($s:tt)* ) $($t:tt)* } $p:pat = $f:expr => $h:expr) => {
        $crate::select!(@{ ( $($s)* _ ) $($t)* ( $($s)* ) $p = $f, if true => $h, })
    };

    // ---- Entry ------------------------------------------------------------------------------
    () => {
        ::core::compile_error!("select! requires at least one branch.")
    };
    (biased; $($t:tt)*) => {
        $crate::select!(@{ () biased } $($t)*)
    };
    ($($t:tt)*) => {
        $crate::select!(@{ () random } $($t)*)
    };
}

/// Counts `_` tokens: `count!(_ _ _)` is `3` (an expression). Used by `select!`.
#[doc(hidden)]
#[macro_export]
macro_rules! count {
    // Not recursive over the list: `select!`'s muncher already nests one level per branch.
    (@one $t:tt) => { 1 };
    ($($t:tt)*) => { 0 $( + $crate::count!(@one $t) )* };
}

/// `select_variant!(path::Out, (_ _) tokens..)` is `path::Out::_2 tokens..`: the output-enum
/// variant of the branch whose index is the number of `_`. Used by `select!`.
#[doc(hidden)]
#[macro_export]
macro_rules! select_variant {
    ($($p:ident)::*, () $($t:tt)*) => { $($p)::*::_0 $($t)* };
    ($($p:ident)::*, (_) $($t:tt)*) => { $($p)::*::_1 $($t)* };
    ($($p:ident)::*, (_ _) $($t:tt)*) => { $($p)::*::_2 $($t)* };
    ($($p:ident)::*, (_ _ _) $($t:tt)*) => { $($p)::*::_3 $($t)* };
    ($($p:ident)::*, (_ _ _ _) $($t:tt)*) => { $($p)::*::_4 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _) $($t:tt)*) => { $($p)::*::_5 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_6 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_7 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_8 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_9 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_10 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_11 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_12 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_13 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_14 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_15 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_16 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_17 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_18 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_19 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_20 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_21 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_22 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_23 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_24 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_25 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_26 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_27 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_28 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_29 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_30 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_31 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_32 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_33 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_34 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_35 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_36 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_37 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_38 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_39 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_40 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_41 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_42 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_43 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_44 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_45 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_46 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_47 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_48 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_49 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_50 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_51 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_52 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_53 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_54 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_55 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_56 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_57 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_58 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_59 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_60 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_61 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_62 $($t)* };
    ($($p:ident)::*, (_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _) $($t:tt)*) => { $($p)::*::_63 $($t)* };
}
