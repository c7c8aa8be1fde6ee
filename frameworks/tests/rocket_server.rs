//! A real rocket server on 127.0.0.1, real HTTP requests, assertions on what crosses the
//! wire: the same checks as for axum, actix-web and poem.

mod common;

use common::{error_for, ApiError, Outcome};
use std::time::Duration;

#[rocket::get("/users/<id>")]
fn get_user(id: u64) -> Result<String, ApiError> {
    Err(error_for(id))
}

#[rocket::delete("/users/<_id>")]
fn delete_user(_id: u64) -> Outcome {
    Outcome::Deleted
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn rocket_sends_the_derived_responses() {
    // Rocket 0.5 binds the port it is given: take a free one from the OS first.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .unwrap()
        .port();
    let config = rocket::Config {
        address: std::net::Ipv4Addr::LOCALHOST.into(),
        port,
        log_level: rocket::config::LogLevel::Off,
        ..rocket::Config::debug_default()
    };
    let rocket = rocket::custom(config)
        .mount("/", rocket::routes![get_user, delete_user])
        .ignite()
        .await
        .unwrap();
    let shutdown = rocket.shutdown();
    let server = tokio::spawn(rocket.launch());
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    // Wait until it accepts connections.
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(addr).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    common::check_wire(addr).await;

    shutdown.notify();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server stops")
        .unwrap()
        .unwrap();
}
