//! Parsing of `#[tokio::main(..)]` / `#[tokio::test(..)]` arguments into a [`Config`].
//!
//! Both eras' spellings are accepted: tokio 0.2's `basic_scheduler`, `threaded_scheduler`,
//! `core_threads = N`, `max_threads = N` and tokio 1.x's `flavor = "current_thread" |
//! "multi_thread"`, `worker_threads = N` (plus `start_paused = bool` and `crate = "path"`).
//! Names are compared lower-cased, as 0.2 did.
//!
//! Resolution order (0.2 semantics first):
//! 1. The first scheduler flag (`basic_scheduler`, `threaded_scheduler`, or a `flavor`)
//!    wins; later ones are ignored.
//! 2. `core_threads = N` overrides the flags: N > 1 selects the threaded scheduler, N == 1
//!    the basic one. `worker_threads = N` selects the threaded scheduler with N workers.
//! 3. Without a scheduler, `main` defaults to threaded and `test` to basic.
//! 4. Without the rt-threaded feature (the `*_basic` entry points) the scheduler is always
//!    basic: `threaded_scheduler` is accepted and ignored, thread counts are errors.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Lit, Meta, Token};

use crate::errors;

/// Which attribute is being expanded.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Main,
    Test,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Main => "main",
            Kind::Test => "test",
        }
    }
}

/// Which facade feature set the entry point was chosen for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// rt-core + rt-threaded: `main_threaded` / `test_threaded`.
    Threaded,
    /// rt-core only: `main_basic` / `test_basic`.
    Basic,
    /// tokio-macros 0.2's original `main` / `test` (no rt-core): flags only.
    Legacy,
}

/// The scheduler a runtime is built with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Scheduler {
    Basic,
    Threaded,
}

/// The resolved arguments.
pub(crate) struct Config {
    pub(crate) scheduler: Scheduler,
    /// `.core_threads(N)` to emit (threaded scheduler only).
    pub(crate) core_threads: Option<usize>,
    /// `.max_threads(M)` to emit.
    pub(crate) max_threads: Option<usize>,
    /// Call `time::pause()` before the body.
    pub(crate) start_paused: bool,
    /// Path of the tokio crate (`tokio` unless `crate = "..."`).
    pub(crate) krate: syn::Path,
}

/// One comma-separated argument: a literal (always an error) or a meta item.
enum Arg {
    Lit(Lit),
    Meta(Box<Meta>),
}

impl Parse for Arg {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Lit) {
            return input.parse().map(Arg::Lit);
        }
        if input.peek(Token![crate]) && input.peek2(Token![=]) {
            // `crate = "..."`: `crate` is a keyword, which `Meta` does not accept as a name.
            let kw: Token![crate] = input.parse()?;
            let eq_token: Token![=] = input.parse()?;
            let value: Expr = input.parse()?;
            let path = syn::Path::from(syn::Ident::new("crate", kw.span));
            return Ok(Arg::Meta(Box::new(Meta::NameValue(syn::MetaNameValue {
                path,
                eq_token,
                value,
            }))));
        }
        input.parse().map(|meta| Arg::Meta(Box::new(meta)))
    }
}

/// Arguments as written, before resolution.
#[derive(Default)]
struct Raw {
    /// First scheduler flag seen and whether it came from `basic_scheduler` / current_thread.
    flag: Option<Scheduler>,
    core_threads: Option<(usize, Span)>,
    worker_threads: Option<(usize, Span)>,
    max_threads: Option<(usize, Span)>,
    start_paused: bool,
    krate: Option<syn::Path>,
}

/// Parses and resolves the attribute's argument tokens.
pub(crate) fn parse(
    args: proc_macro2::TokenStream,
    kind: Kind,
    style: Style,
) -> syn::Result<Config> {
    let parser = Punctuated::<Arg, Token![,]>::parse_terminated;
    let args = syn::parse::Parser::parse2(parser, args)?;
    let mut raw = Raw::default();
    for arg in args {
        let meta = match arg {
            Arg::Lit(lit) => return Err(syn::Error::new_spanned(lit, errors::UNKNOWN_INSIDE)),
            Arg::Meta(meta) => *meta,
        };
        match meta {
            Meta::Path(path) => raw.flag_arg(&path)?,
            Meta::NameValue(nv) if style == Style::Legacy => {
                // tokio-macros 0.2's old-style entry points ignored name = value pairs.
                name_of(&nv.path)?;
            }
            Meta::NameValue(nv) => raw.pair_arg(&nv, style)?,
            other @ Meta::List(_) => {
                return Err(syn::Error::new_spanned(other, errors::UNKNOWN_INSIDE))
            }
        }
    }
    raw.resolve(kind, style)
}

fn name_of(path: &syn::Path) -> syn::Result<String> {
    match path.get_ident() {
        Some(ident) => Ok(ident.to_string().to_lowercase()),
        None => Err(syn::Error::new_spanned(path, errors::NO_IDENT)),
    }
}

impl Raw {
    fn set_flag(&mut self, scheduler: Scheduler) {
        if self.flag.is_none() {
            self.flag = Some(scheduler);
        }
    }

    fn flag_arg(&mut self, path: &syn::Path) -> syn::Result<()> {
        let name = name_of(path)?;
        match name.as_str() {
            "basic_scheduler" => self.set_flag(Scheduler::Basic),
            "threaded_scheduler" => self.set_flag(Scheduler::Threaded),
            _ => return Err(syn::Error::new_spanned(path, errors::unknown_flag(&name))),
        }
        Ok(())
    }

    fn pair_arg(&mut self, nv: &syn::MetaNameValue, style: Style) -> syn::Result<()> {
        let name = name_of(&nv.path)?;
        let value = &nv.value;
        match name.as_str() {
            "core_threads" => {
                let n = int_value(value, errors::CORE_NOT_INT)?;
                if style != Style::Threaded {
                    return Err(syn::Error::new_spanned(nv, errors::CORE_NEEDS_THREADED));
                }
                self.core_threads = Some((n, nv.path.span()));
            }
            "max_threads" => {
                let n = int_value(value, errors::MAX_NOT_INT)?;
                self.max_threads = Some((n, value.span()));
            }
            "worker_threads" => {
                let n = int_value(value, errors::WORKERS_NOT_INT)?;
                if style != Style::Threaded {
                    return Err(syn::Error::new_spanned(nv, errors::WORKERS_NEED_THREADED));
                }
                self.worker_threads = Some((n, nv.path.span()));
            }
            "flavor" => self.flavor_arg(value, style)?,
            "start_paused" => match lit_of(value) {
                Some(Lit::Bool(b)) => self.start_paused = b.value,
                _ => {
                    return Err(syn::Error::new_spanned(
                        value,
                        errors::START_PAUSED_NOT_BOOL,
                    ))
                }
            },
            "crate" => match lit_of(value) {
                Some(Lit::Str(s)) => self.krate = Some(s.parse()?),
                _ => return Err(syn::Error::new_spanned(value, errors::CRATE_NOT_PATH)),
            },
            _ => {
                return Err(syn::Error::new_spanned(
                    &nv.path,
                    errors::unknown_pair(&name),
                ))
            }
        }
        Ok(())
    }

    fn flavor_arg(&mut self, value: &Expr, style: Style) -> syn::Result<()> {
        let s = match lit_of(value) {
            Some(Lit::Str(s)) => s,
            _ => return Err(syn::Error::new_spanned(value, errors::FLAVOR_NOT_STR)),
        };
        match s.value().as_str() {
            "current_thread" => self.set_flag(Scheduler::Basic),
            "multi_thread" if style != Style::Threaded => {
                return Err(syn::Error::new_spanned(value, errors::MULTI_NEEDS_THREADED))
            }
            "multi_thread" => self.set_flag(Scheduler::Threaded),
            other => {
                return Err(syn::Error::new_spanned(
                    value,
                    errors::unknown_flavor(other),
                ))
            }
        }
        Ok(())
    }

    fn resolve(self, kind: Kind, style: Style) -> syn::Result<Config> {
        let default = match (kind, style) {
            (Kind::Main, Style::Threaded | Style::Legacy) => Scheduler::Threaded,
            _ => Scheduler::Basic,
        };
        let mut scheduler = self.flag.unwrap_or(default);
        let mut core_threads = None;
        if let Some((n, span)) = self.core_threads {
            if n > 1 && self.flag == Some(Scheduler::Basic) {
                return Err(syn::Error::new(span, errors::CORE_WITH_BASIC));
            }
            scheduler = if n > 1 {
                Scheduler::Threaded
            } else {
                Scheduler::Basic
            };
            core_threads = Some(n);
        } else if let Some((n, span)) = self.worker_threads {
            if self.flag == Some(Scheduler::Basic) {
                return Err(syn::Error::new(span, errors::WORKERS_NEED_MULTI));
            }
            scheduler = Scheduler::Threaded;
            core_threads = Some(n);
        }
        if let (Some(core), Some((max, span))) = (core_threads, self.max_threads) {
            if max < core {
                return Err(syn::Error::new(span, errors::MAX_BELOW_CORE));
            }
        }
        if style == Style::Basic {
            scheduler = Scheduler::Basic;
        }
        Ok(Config {
            scheduler,
            core_threads: core_threads.filter(|_| scheduler == Scheduler::Threaded),
            max_threads: self.max_threads.map(|(n, _)| n),
            start_paused: self.start_paused,
            krate: self.krate.unwrap_or_else(|| syn::parse_quote!(tokio)),
        })
    }
}

fn lit_of(expr: &Expr) -> Option<&Lit> {
    match expr {
        Expr::Lit(lit) => Some(&lit.lit),
        Expr::Group(group) => lit_of(&group.expr),
        _ => None,
    }
}

/// An integer literal ≥ 1 (0 is an error naming the problem).
fn int_value(expr: &Expr, msg: &str) -> syn::Result<usize> {
    match lit_of(expr) {
        Some(Lit::Int(int)) => {
            let n: usize = int
                .base10_parse()
                .map_err(|_| syn::Error::new_spanned(expr, msg))?;
            if n == 0 {
                return Err(syn::Error::new_spanned(expr, errors::ZERO_THREADS));
            }
            Ok(n)
        }
        _ => Err(syn::Error::new_spanned(expr, msg)),
    }
}
