//! `StreamMap`: keyed merging, removal of finished streams, fairness.
#![cfg(feature = "stream")]

use futures::channel::mpsc;
use futures::executor::block_on;
use futures::task::noop_waker;
use std::collections::HashMap;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::stream::{self, Stream, StreamExt, StreamMap};

fn poll_once<S: Stream + Unpin>(s: &mut S) -> Poll<Option<S::Item>> {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    Pin::new(s).poll_next(&mut cx)
}

#[test]
fn empty_map_yields_none() {
    let mut map: StreamMap<u8, stream::Pending<()>> = StreamMap::default();
    assert_eq!(poll_once(&mut map), Poll::Ready(None));
}

#[test]
fn yields_keyed_items_and_removes_finished_streams() {
    let mut map = StreamMap::new();
    map.insert("a", stream::iter(vec![1, 2]));
    map.insert("b", stream::iter(vec![3]));
    assert_eq!(map.size_hint(), (3, Some(3)));
    let mut got = block_on(map.by_ref_collect());
    got.sort();
    assert_eq!(got, vec![("a", 1), ("a", 2), ("b", 3)]);
    assert!(map.is_empty(), "finished streams are removed");
}

trait ByRefCollect {
    type Out;
    fn by_ref_collect(&mut self) -> Pin<Box<dyn std::future::Future<Output = Self::Out> + '_>>;
}

impl<K: Clone + Unpin, V: Stream + Unpin> ByRefCollect for StreamMap<K, V> {
    type Out = Vec<(K, V::Item)>;
    fn by_ref_collect(&mut self) -> Pin<Box<dyn std::future::Future<Output = Self::Out> + '_>> {
        Box::pin(async move {
            let mut out = Vec::new();
            while let Some(pair) = self.next().await {
                out.push(pair);
            }
            out
        })
    }
}

#[test]
fn pending_streams_keep_the_map_pending() {
    let (tx, rx) = mpsc::unbounded::<i32>();
    let mut map = StreamMap::new();
    map.insert(1, rx);
    assert_eq!(poll_once(&mut map), Poll::Pending);
    tx.unbounded_send(5).unwrap();
    assert_eq!(poll_once(&mut map), Poll::Ready(Some((1, 5))));
    drop(tx);
    assert_eq!(poll_once(&mut map), Poll::Ready(None));
    assert!(map.is_empty());
}

#[test]
fn insert_replaces_and_remove_returns() {
    let mut map = StreamMap::new();
    assert!(map
        .insert(String::from("k"), stream::iter(vec![1]))
        .is_none());
    let old = map.insert(String::from("k"), stream::iter(vec![2]));
    assert!(old.is_some());
    assert_eq!(map.len(), 1);
    assert!(map.contains_key("k"));
    assert_eq!(map.keys().collect::<Vec<_>>(), vec!["k"]);
    assert_eq!(map.values().count(), 1);
    assert_eq!(map.values_mut().count(), 1);
    assert_eq!(
        poll_once(&mut map),
        Poll::Ready(Some((String::from("k"), 2)))
    );
    map.insert(String::from("j"), stream::iter(vec![3]));
    assert!(map.remove("j").is_some());
    assert!(map.remove("j").is_none());
    map.clear();
    assert!(map.is_empty());
    let map: StreamMap<u8, stream::Empty<()>> = StreamMap::with_capacity(8);
    assert!(map.capacity() >= 8);
    assert!(format!("{:?}", map).starts_with("StreamMap"));
}

#[test]
fn start_index_is_random() {
    // Two always-ready streams: over many fresh polls both keys must come first sometimes.
    let mut firsts = HashMap::new();
    for _ in 0..200 {
        let mut map = StreamMap::new();
        map.insert('a', stream::iter(vec![0]));
        map.insert('b', stream::iter(vec![0]));
        if let Poll::Ready(Some((k, _))) = poll_once(&mut map) {
            *firsts.entry(k).or_insert(0) += 1;
        }
    }
    assert_eq!(firsts.values().sum::<i32>(), 200);
    assert!(firsts.get(&'a').copied().unwrap_or(0) > 20, "{:?}", firsts);
    assert!(firsts.get(&'b').copied().unwrap_or(0) > 20, "{:?}", firsts);
}

#[test]
fn many_streams_all_drain() {
    let mut map = StreamMap::new();
    for k in 0..50u32 {
        map.insert(k, stream::iter(0..k));
    }
    let got = block_on(map.by_ref_collect());
    assert_eq!(got.len(), (0..50u32).sum::<u32>() as usize);
    for k in 0..50u32 {
        let mut items: Vec<u32> = got
            .iter()
            .filter(|(key, _)| *key == k)
            .map(|(_, v)| *v)
            .collect();
        items.sort();
        assert_eq!(
            items,
            (0..k).collect::<Vec<_>>(),
            "stream {} kept its order",
            k
        );
    }
    assert!(map.is_empty());
}
