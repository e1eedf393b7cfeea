//! TCP, UDP and Unix sockets bound to the current runtime's reactor.
