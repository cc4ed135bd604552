/* A program built against a release archive: signs the paynet get-balance vector
 * with paynet_sign and prints the signature; exits 1 when it differs from the
 * documented one. tools/dist/check-c-archive.sh builds it with CMake and pkg-config. */
#include <stdio.h>
#include <string.h>

#include <paynet_oauth.h>

#define LEN(s) (sizeof(s) - 1)

int main(void) {
  static const char name[] = "balance-provider", value[] = "Test";
  static const char method[] = "POST";
  static const char url[] = "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID";
  static const char key[] = "balance_test_merchant14", ts[] = "1686923599", nonce[] = "2xGTFuAgetE";
  static const char secret[] = "F9F65098-1111-1111-1111-621611111111";
  static const char want[] = "CROVVmkEAaZtIzV8pkEZKiHgHps=";
  paynet_param param = {name, LEN(name), value, LEN(value)};
  paynet_request request;
  char sig[64];
  paynet_buffer signature = {sig, sizeof sig, 0};
  paynet_signed out = {NULL, NULL, &signature, NULL, NULL};
  paynet_result r;

  memset(&request, 0, sizeof request);
  request.method = method;
  request.method_len = LEN(method);
  request.url = url;
  request.url_len = LEN(url);
  request.params = &param;
  request.params_len = 1;
  request.consumer_key = key;
  request.consumer_key_len = LEN(key);
  request.timestamp = ts;
  request.timestamp_len = LEN(ts);
  request.nonce = nonce;
  request.nonce_len = LEN(nonce);

  r = paynet_sign(&request, secret, LEN(secret), NULL, 0, &out);
  if (r != PAYNET_OK) {
    fprintf(stderr, "paynet_sign: %s\n", paynet_result_message(r));
    return 1;
  }
  printf("paynet_oauth %s: %.*s\n", PAYNET_OAUTH_VERSION, (int)signature.len, sig);
  return signature.len == LEN(want) && memcmp(sig, want, LEN(want)) == 0 ? 0 : 1;
}
