//! Signing and verifying allocate nothing: a counting global allocator proves it.
#![allow(unsafe_code)] // a global allocator is an unsafe trait; this test only counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use paynet_oauth::{AuthorizationHeader, Incoming, Request, Signer, TimeWindow, verify};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn signing_and_verifying_allocate_nothing() {
    let form = [("balance-name", "Main USD/EUR = 100% ~ok*"), ("x", "ü€")];
    let url = "https://Sandbox.PaynetEasy.com:8443/paynet/api/v2/get-balance/manager/m%C3%BCller?q=a+b&r=%2F";
    let mut header = [0u8; 512];
    let mut body = [0u8; 512];
    let mut base = [0u8; 1024];
    let mut normalized = [0u8; 512];
    let mut endpoint_header = [0u8; 512];
    let mut endpoint_body = [0u8; 512];

    let before = ALLOCATIONS.load(Ordering::SeqCst);
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
    let after = ALLOCATIONS.load(Ordering::SeqCst);

    assert_eq!(endpoint_header[..eh], header[..h]);
    assert_eq!(endpoint_body[..eb], body[..b]);
    assert_eq!(from_endpoint.signature(), signed.signature());

    assert_eq!(verified.timestamp, 1_700_000_000);
    assert_eq!(
        after - before,
        0,
        "signing and verifying allocated {} times",
        after - before
    );

    // The counter works: an allocation is seen.
    let v = std::hint::black_box(vec![1u8; 16]);
    assert!(ALLOCATIONS.load(Ordering::SeqCst) > after);
    drop(v);
}
