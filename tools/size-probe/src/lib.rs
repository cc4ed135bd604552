//! The signing path as firmware would link it, for measuring its code size.
#![no_std]

use paynet_oauth::{Request, Signer};

/// Signs a get-balance request and writes the Authorization header and the body.
/// Returns the header length, or 0 on any error.
#[unsafe(no_mangle)]
pub extern "C" fn paynet_probe_sign(ts: u32, header: &mut [u8; 256], body: &mut [u8; 256]) -> usize {
    let form = [("balance-provider", "Test")];
    let mut digits = [0u8; 10];
    let mut n = ts;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let ts = core::str::from_utf8(&digits[i..]).unwrap_or("0");
    let request = Request::new(
        "POST",
        "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1",
        &form,
        "balance_test_merchant14",
        ts,
        "2xGTFuAgetE",
    );
    let signer = Signer::new("F9F65098-1111-1111-1111-621611111111", "");
    match signer.sign(&request) {
        Ok(signed) => match (signed.authorization_header_into(header), signed.body_into(body)) {
            (Ok(h), Ok(_)) => h,
            _ => 0,
        },
        Err(_) => 0,
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
