async fn f() {
    tokio::select! {
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
        _ = async {} => {}
    }
}

fn main() {
    let _ = f();
}
