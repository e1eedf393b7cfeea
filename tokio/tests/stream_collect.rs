//! `StreamExt::collect` into each `FromStream` implementation.
#![cfg(feature = "stream")]

use bytes::{Bytes, BytesMut};
use futures::executor::block_on;
use tokio::stream::{self, StreamExt};

#[test]
fn collect_unit_and_vec_and_box() {
    block_on(async {
        let unit: () = stream::iter(vec![(), ()]).collect().await;
        assert_eq!(unit, ());
        let v: Vec<u8> = stream::iter(vec![1, 2, 3]).collect().await;
        assert_eq!(v, vec![1, 2, 3]);
        let b: Box<[u8]> = stream::iter(vec![4, 5]).collect().await;
        assert_eq!(&*b, &[4, 5]);
        let empty: Vec<u8> = stream::empty().collect().await;
        assert!(empty.is_empty());
    });
}

#[test]
fn collect_strings() {
    block_on(async {
        let s: String = stream::iter(vec!["ab", "cd"]).collect().await;
        assert_eq!(s, "abcd");
        let s: String = stream::iter(vec![String::from("x"), String::from("y")])
            .collect()
            .await;
        assert_eq!(s, "xy");
    });
}

#[test]
fn collect_results_stops_at_first_error() {
    block_on(async {
        let ok: Result<Vec<i32>, String> = stream::iter(vec![Ok(1), Ok(2)]).collect().await;
        assert_eq!(ok, Ok(vec![1, 2]));

        let mut pulled = 0;
        let err: Result<Vec<i32>, &str> =
            stream::iter(vec![Ok(1), Err("first"), Err("second"), Ok(4)])
                .map(|r| {
                    pulled += 1;
                    r
                })
                .collect()
                .await;
        assert_eq!(err, Err("first"));
        assert_eq!(pulled, 2, "nothing is pulled after the first error");

        let nested: Result<String, ()> = stream::iter(vec![Ok("a"), Ok("b")]).collect().await;
        assert_eq!(nested, Ok(String::from("ab")));
    });
}

#[test]
fn collect_bytes_from_bufs() {
    block_on(async {
        let b: Bytes = stream::iter(vec![&b"he"[..], &b"llo"[..]]).collect().await;
        assert_eq!(&b[..], b"hello");
        let b: BytesMut = stream::iter(vec![Bytes::from_static(b"a"), Bytes::from_static(b"bc")])
            .collect()
            .await;
        assert_eq!(&b[..], b"abc");
    });
}
