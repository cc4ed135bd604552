//! Signing and verifying allocate nothing: a counting global allocator proves it.
#![allow(unsafe_code)] // a global allocator is an unsafe trait; this test only counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use paynet_oauth::{AuthorizationHeader, Incoming, Request, Signer, TimeWindow, verify};

struct Counting;

thread_local! {
    // Only the test's own thread is counted: the harness may allocate on other threads.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation() {
    // `try_with`: the allocator may be called while thread-locals are being torn down.
    let _ = COUNTING.try_with(|counting| {
        if counting.get() {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        }
    });
}

// SAFETY: every call is forwarded unchanged to the system allocator; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `work` with counting on and returns how many allocations it made.
fn allocations_in(work: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|c| c.set(true));
    work();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.with(|n| n.get())
}

/// Everything the core does for a client and a server: two signers (a short key and one
/// longer than a SHA-1 block), signing, every output, parsing the header and verifying,
/// and the same request signed through an endpoint-bound signer and a bound one.
fn sign_output_and_verify() {
    let form = [("balance-name", "Main USD/EUR = 100% ~ok*"), ("x", "ü€")];
    let url = "https://Sandbox.PaynetEasy.com:8443/paynet/api/v2/get-balance/manager/m%C3%BCller?q=a+b&r=%2F";
    let mut header = [0u8; 512];
    let mut body = [0u8; 512];
    let mut base = [0u8; 1024];
    let mut normalized = [0u8; 512];
    let mut endpoint_header = [0u8; 512];
    let mut endpoint_body = [0u8; 512];

    let signer = Signer::new("F9F65098-1111-1111-1111-621611111111", "");
    let long_key_signer = Signer::new(
        "a-control-key-much-longer-than-one-sha1-block-of-sixty-four-bytes-!!",
        "&",
    );
    let request = Request::new("POST", url, &form, "müller", "1700000000", "abcDEF12345");
    let signed = signer.sign(&request).unwrap();
    let h = signed.authorization_header_into(&mut header).unwrap();
    let b = signed.body_into(&mut body).unwrap();
    signed.base_string_into(&mut base).unwrap();
    signed.normalized_parameters_into(&mut normalized).unwrap();
    let header_text = core::str::from_utf8(&header[..h]).unwrap();
    let body_text = core::str::from_utf8(&body[..b]).unwrap();
    let parsed = AuthorizationHeader::parse(header_text).unwrap();
    let verified = verify(
        &parsed,
        &Incoming {
            method: "POST",
            url,
            body: body_text,
        },
        &signer,
        TimeWindow {
            now: 1_700_000_100,
            window: 300,
        },
    )
    .unwrap();
    assert_eq!(verified.timestamp, 1_700_000_000);
    let _ = long_key_signer.sign(&request).unwrap();

    // The endpoint-bound signer: made, then signing and writing every output.
    let endpoint = signer.endpoint("POST", url).unwrap();
    let from_endpoint = endpoint.sign(&request).unwrap();
    let eh = from_endpoint
        .authorization_header_into(&mut endpoint_header)
        .unwrap();
    let eb = from_endpoint.body_into(&mut endpoint_body).unwrap();
    from_endpoint.base_string_into(&mut base).unwrap();
    from_endpoint
        .normalized_parameters_into(&mut normalized)
        .unwrap();
    assert_eq!(endpoint_header[..eh], header[..h]);
    assert_eq!(endpoint_body[..eb], body[..b]);

    // The request-bound signer (this URL has a query: signed the ordinary way) and one
    // without a query (its constant parts kept): made, then signing and writing.
    for url in [
        url,
        "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1",
    ] {
        let request = Request::new("POST", url, &form, "müller", "1", "x");
        let bound = signer.bind(&request).unwrap();
        let from_bound = bound.sign("1700000000", "abcDEF12345").unwrap();
        from_bound
            .authorization_header_into(&mut endpoint_header)
            .unwrap();
        from_bound.body_into(&mut endpoint_body).unwrap();
        from_bound.base_string_into(&mut base).unwrap();
    }
}

#[test]
fn signing_and_verifying_allocate_nothing() {
    // The first call may meet lazily initialised state below the core (std's, or the
    // interpreter's under miri) that allocates once per process; the steady state must not
    // allocate at all, on every toolchain.
    sign_output_and_verify();
    for round in 0..3 {
        let n = allocations_in(sign_output_and_verify);
        assert_eq!(
            n, 0,
            "signing and verifying allocated {n} times (round {round})"
        );
    }
}

#[test]
fn the_counter_sees_an_allocation() {
    let n = allocations_in(|| drop(std::hint::black_box(vec![1u8; 16])));
    assert_eq!(n, 1);
}
