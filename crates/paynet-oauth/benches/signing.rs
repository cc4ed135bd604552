//! Signing benchmarks: a full get-balance signature (parameters to header and body),
//! the same with a prekeyed signer, with a signer bound to the endpoint and with one
//! bound to the whole request but its timestamp and nonce, and the
//! bare HMAC-SHA1 over the finished base string with key setup, the floor any
//! implementation pays.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use paynet_oauth::{Request, Signer};
use sha1::Sha1;

const URL: &str = "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID";
const KEY: &str = "F9F65098-1111-1111-1111-621611111111";
const FORM: [(&str, &str); 1] = [("balance-provider", "Test")];

fn request() -> Request<'static> {
    Request::new(
        "POST",
        URL,
        &FORM,
        "balance_test_merchant14",
        "1686923599",
        "2xGTFuAgetE",
    )
}

fn full(c: &mut Criterion) {
    let mut header = [0u8; 512];
    let mut body = [0u8; 512];
    c.bench_function("sign/get_balance", |b| {
        b.iter(|| {
            let signer = Signer::new(black_box(KEY), "");
            let signed = signer.sign(black_box(&request())).unwrap();
            let h = signed.authorization_header_into(&mut header).unwrap();
            let n = signed.body_into(&mut body).unwrap();
            black_box((h, n));
        })
    });
    let signer = Signer::new(KEY, "");
    c.bench_function("sign/get_balance_prekeyed", |b| {
        b.iter(|| {
            let signed = signer.sign(black_box(&request())).unwrap();
            let h = signed.authorization_header_into(&mut header).unwrap();
            let n = signed.body_into(&mut body).unwrap();
            black_box((h, n));
        })
    });
    let endpoint = signer.endpoint("POST", URL).unwrap();
    c.bench_function("sign/get_balance_endpoint", |b| {
        b.iter(|| {
            let signed = endpoint.sign(black_box(&request())).unwrap();
            let h = signed.authorization_header_into(&mut header).unwrap();
            let n = signed.body_into(&mut body).unwrap();
            black_box((h, n));
        })
    });
    let bound = signer.bind(&request()).unwrap();
    c.bench_function("sign/get_balance_bound", |b| {
        b.iter(|| {
            let r = request();
            let signed = bound
                .sign(black_box(r.timestamp()), black_box(r.nonce()))
                .unwrap();
            let h = signed.authorization_header_into(&mut header).unwrap();
            let n = signed.body_into(&mut body).unwrap();
            black_box((h, n));
        })
    });
    if std::env::var_os("PAYNET_BENCH_PARTS").is_some() {
        let signed = signer.sign(&request()).unwrap();
        c.bench_function("part/sign_only", |b| {
            b.iter(|| black_box(signer.sign(black_box(&request())).unwrap()))
        });
        c.bench_function("part/header_into", |b| {
            b.iter(|| black_box(signed.authorization_header_into(&mut header).unwrap()))
        });
        c.bench_function("part/body_into", |b| {
            b.iter(|| black_box(signed.body_into(&mut body).unwrap()))
        });
        c.bench_function("part/base_string_len", |b| {
            b.iter(|| black_box(signed.base_string_len()))
        });
        let mut base = String::new();
        signed.write_base_string(&mut base).unwrap();
        let keyed = Hmac::<Sha1>::new_from_slice(format!("{KEY}&").as_bytes()).unwrap();
        c.bench_function("part/hmac_prekeyed", |b| {
            b.iter(|| {
                let mut mac = keyed.clone();
                mac.update(black_box(base.as_bytes()));
                black_box(mac.finalize().into_bytes())
            })
        });
        c.bench_function("part/signer_new", |b| {
            b.iter(|| black_box(Signer::new(black_box(KEY), "")))
        });
    }
    let mut base = String::new();
    Signer::new(KEY, "")
        .sign(&request())
        .unwrap()
        .write_base_string(&mut base)
        .unwrap();
    let key = format!("{KEY}&");
    c.bench_function("hmac_sha1/base_string", |b| {
        b.iter(|| {
            let mut mac = Hmac::<Sha1>::new_from_slice(black_box(key.as_bytes())).unwrap();
            mac.update(black_box(base.as_bytes()));
            black_box(mac.finalize().into_bytes());
        })
    });
}

criterion_group!(benches, full);
criterion_main!(benches);
