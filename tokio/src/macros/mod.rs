//! Declarative macros of the facade, and the hidden support items their expansions use.

#[macro_use]
mod cfg;
