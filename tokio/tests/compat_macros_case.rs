//! tokio 0.2.25 compatibility: tokio-macros 0.2.6 compares argument names lower-cased.

#[tokio::test(Threaded_Scheduler)]
async fn flag_names_are_case_insensitive() {
    let me = std::thread::current().id();
    assert_ne!(
        tokio::spawn(async { std::thread::current().id() })
            .await
            .unwrap(),
        me
    );
}
