#![cfg(feature = "full")]

use tokio::net::UdpSocket;

#[tokio::test]
async fn oversized_datagram_truncates_without_panicking() {
    let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let b_addr = b.local_addr().unwrap();
    a.send_to(&[9u8; 4000], b_addr).await.unwrap();
    a.send_to(b"small", b_addr).await.unwrap();
    let mut tiny = [0u8; 100];
    let (n, from) = b.recv_from(&mut tiny).await.unwrap();
    assert_eq!(n, 100);
    assert_eq!(from, a.local_addr().unwrap());
    assert!(tiny.iter().all(|&x| x == 9));
    let (n, _) = b.recv_from(&mut tiny).await.unwrap();
    assert_eq!(&tiny[..n], b"small");
}

#[tokio::test(threaded_scheduler)]
async fn ping_pong_with_0_2_style_mut_calls() {
    #[allow(unused_mut)]
    let mut a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let b_addr = b.local_addr().unwrap();
    let echo = tokio::spawn(async move {
        let mut buf = [0u8; 16];
        for _ in 0..100 {
            let (n, from) = b.recv_from(&mut buf).await.unwrap();
            b.send_to(&buf[..n], &from).await.unwrap();
        }
    });
    let mut buf = [0u8; 16];
    for i in 0..100u32 {
        a.send_to(&i.to_le_bytes(), &b_addr).await.unwrap();
        let (n, _) = a.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], &i.to_le_bytes());
    }
    echo.await.unwrap();
}
