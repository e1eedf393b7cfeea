//! Empty: this package only builds the examples against tokio 0.2.25.
