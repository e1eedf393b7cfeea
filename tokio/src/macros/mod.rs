//! Declarative macros of the facade, and the hidden support items their expansions use.
//!
//! `pin!` is always available; `select!`, `join!` and `try_join!` need the `macros`
//! feature. `support` and `rand` back the expansions and are not part of the API.

#[macro_use]
mod cfg;

#[macro_use]
mod pin;

cfg_macros! {
    #[macro_use]
    mod select;
    #[macro_use]
    mod join;
    #[macro_use]
    mod try_join;

    pub mod entry;
}

mod rand;

pub mod support;
