//! Expansion of `#[tokio::main]` and `#[tokio::test]`.
//!
//! The function keeps its attributes, visibility and signature (generics, parameters and
//! return type); only `async` is removed. Its body becomes
//! `tokio::runtime::Builder::new().<scheduler>()[.core_threads(N)][.max_threads(M)]
//! .enable_all().build().unwrap().block_on(async { <body> })`, and `#[tokio::test]` also
//! prepends `#[::core::prelude::v1::test]`.
//!
//! On an error the function is still emitted (without `async`, body `unreachable!()`), so the
//! user sees our spanned message and not a follow-on "`main` function not found" or
//! "`main` function is not allowed to be `async`".

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::ItemFn;

use crate::args::{self, Config, Kind, Scheduler, Style};
use crate::errors;

/// Expands `#[tokio::main]` / `#[tokio::test]` for one feature style.
pub(crate) fn expand(
    args: TokenStream,
    item: TokenStream,
    kind: Kind,
    style: Style,
) -> TokenStream {
    let input: ItemFn = match syn::parse2(item.clone()) {
        Ok(input) => input,
        // Not a function: let the compiler report on the original tokens next to ours.
        Err(e) => return with_item(e, item),
    };
    match check(&input, kind).and_then(|()| args::parse(args, kind, style)) {
        Ok(config) => build(input, kind, style, &config),
        Err(e) => with_item(e, fallback(input)),
    }
}

/// Expands the entry point used when tokio's runtime features are off: a compile error that
/// names the feature to enable.
pub(crate) fn expand_missing_runtime(item: TokenStream, kind: Kind) -> TokenStream {
    let msg = errors::runtime_feature_missing(kind.name());
    let err = syn::Error::new(proc_macro2::Span::call_site(), msg);
    match syn::parse2::<ItemFn>(item.clone()) {
        Ok(input) => with_item(err, fallback(input)),
        Err(_) => with_item(err, item),
    }
}

fn with_item(err: syn::Error, item: TokenStream) -> TokenStream {
    let err = err.to_compile_error();
    quote! { #err #item }
}

/// The function without `async` and with an `unreachable!()` body (and, for `main`,
/// without parameters, which rustc would report again).
fn fallback(mut input: ItemFn) -> TokenStream {
    input.sig.asyncness = None;
    if input.sig.ident == "main" {
        input.sig.inputs.clear();
    }
    input.block = syn::parse_quote!({ ::core::unreachable!() });
    input.into_token_stream()
}

/// The signature and attribute checks, in tokio-macros 0.2's order.
fn check(input: &ItemFn, kind: Kind) -> syn::Result<()> {
    if input.sig.asyncness.is_none() {
        return Err(syn::Error::new_spanned(
            input.sig.fn_token,
            errors::MISSING_ASYNC,
        ));
    }
    match kind {
        Kind::Main if input.sig.ident == "main" && !input.sig.inputs.is_empty() => Err(
            syn::Error::new_spanned(&input.sig.inputs, errors::MAIN_ARGS),
        ),
        Kind::Main => Ok(()),
        Kind::Test => {
            if let Some(attr) = input.attrs.iter().find(|a| a.path().is_ident("test")) {
                return Err(syn::Error::new_spanned(attr, errors::SECOND_TEST_ATTR));
            }
            if !input.sig.inputs.is_empty() {
                return Err(syn::Error::new_spanned(
                    &input.sig.inputs,
                    errors::TEST_ARGS,
                ));
            }
            Ok(())
        }
    }
}

fn build(mut input: ItemFn, kind: Kind, style: Style, config: &Config) -> TokenStream {
    let krate = &config.krate;
    let runtime = runtime_expr(style, config);
    let body = &input.block;
    let pause = config
        .start_paused
        .then(|| quote! { #krate::time::pause(); });
    let span = body.brace_token.span.join();
    input.block = syn::parse_quote_spanned! {span=>
        {
            #runtime.block_on(async {
                #pause
                #body
            })
        }
    };
    input.sig.asyncness = None;
    let test_attr = (kind == Kind::Test).then(|| quote! { #[::core::prelude::v1::test] });
    quote! { #test_attr #input }
}

/// The expression that builds the runtime.
fn runtime_expr(style: Style, config: &Config) -> TokenStream {
    let krate = &config.krate;
    if style == Style::Legacy && config.scheduler == Scheduler::Threaded {
        return quote! { #krate::runtime::Runtime::new().unwrap() };
    }
    let scheduler = match config.scheduler {
        Scheduler::Basic => quote! { .basic_scheduler() },
        Scheduler::Threaded => quote! { .threaded_scheduler() },
    };
    let core = config.core_threads.map(|n| quote! { .core_threads(#n) });
    let max = config.max_threads.map(|n| quote! { .max_threads(#n) });
    let span = proc_macro2::Span::call_site();
    quote_spanned! {span=>
        #krate::runtime::Builder::new()
            #scheduler
            #core
            #max
            .enable_all()
            .build()
            .unwrap()
    }
}
