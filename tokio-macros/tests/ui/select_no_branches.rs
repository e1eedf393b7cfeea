async fn f() {
    tokio::select! {}
}

async fn g() {
    tokio::select! {
        else => {}
    }
}

fn main() {
    let _ = (f(), g());
}
