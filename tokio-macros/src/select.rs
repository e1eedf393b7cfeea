//! The output enum of `tokio::select!`.
//!
//! `select!` counts its branches as a list of `_` tokens and asks for
//! `Out<_0, .., _{n-1}>` with one variant per branch (holding that branch's output) plus
//! `Disabled` (every branch was disabled, the `else` arm runs), and for `Mask`, the integer
//! type of its disabled-branch bit set. One bit per branch caps the count at 64.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;

use crate::errors;

/// Expands `( _ _ _ )` into the `Out` enum and the `Mask` type for three branches.
pub(crate) fn declare_output_enum(input: TokenStream) -> TokenStream {
    let branches = match input.into_iter().next() {
        Some(TokenTree::Group(group)) => group.stream().into_iter().count(),
        _ => panic!("select_priv_declare_output_enum! expects a parenthesised list of `_`"),
    };
    if branches > 64 {
        panic!("{}", errors::TOO_MANY_BRANCHES);
    }
    let variants: Vec<_> = (0..branches)
        .map(|i| syn::Ident::new(&format!("_{}", i), Span::call_site()))
        .collect();
    let mask = match branches {
        0..=8 => quote!(u8),
        9..=16 => quote!(u16),
        17..=32 => quote!(u32),
        _ => quote!(u64),
    };
    quote! {
        pub(super) enum Out<#( #variants, )*> {
            #( #variants(#variants), )*
            // Every branch is disabled.
            Disabled,
        }

        pub(super) type Mask = #mask;
    }
}
