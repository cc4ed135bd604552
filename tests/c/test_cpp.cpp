// The header from C++: it compiles with -Wall -Wextra -Werror, the functions link with C
// linkage, and the paynet-get-balance vector signs to its expected signature.
#include <cstdio>
#include <string>
#include <vector>

#include "paynet_oauth.h"

namespace {

// A std::string view of a paynet_buffer filled by the library.
std::string text(const paynet_buffer &b) { return std::string(b.ptr, b.len); }

int failures = 0;

void expect(bool ok, const char *what) {
  if (!ok) {
    std::fprintf(stderr, "test_cpp: %s\n", what);
    failures++;
  }
}

}  // namespace

int main() {
  const std::string secret = "F9F65098-1111-1111-1111-621611111111";
  const std::string name = "balance-provider", value = "Test";
  paynet_param param = {name.data(), name.size(), value.data(), value.size()};
  const std::string method = "POST";
  const std::string url = "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID";
  const std::string key = "balance_test_merchant14", ts = "1686923599", nonce = "2xGTFuAgetE";

  paynet_request request = {};
  request.method = method.data();
  request.method_len = method.size();
  request.url = url.data();
  request.url_len = url.size();
  request.params = &param;
  request.params_len = 1;
  request.consumer_key = key.data();
  request.consumer_key_len = key.size();
  request.timestamp = ts.data();
  request.timestamp_len = ts.size();
  request.nonce = nonce.data();
  request.nonce_len = nonce.size();

  std::vector<char> header_s(1024), sig_s(64);
  paynet_buffer header = {header_s.data(), header_s.size(), 0};
  paynet_buffer sig = {sig_s.data(), sig_s.size(), 0};
  paynet_signed out = {};
  out.authorization_header = &header;
  out.signature = &sig;

  paynet_signer *signer = nullptr;
  expect(paynet_signer_new(secret.data(), secret.size(), nullptr, 0, &signer) == PAYNET_OK,
         "paynet_signer_new");
  paynet_result r = paynet_signer_sign(signer, &request, &out);
  paynet_signer_free(signer);
  expect(r == PAYNET_OK, paynet_result_message(r));
  const std::string signature = text(sig);
  expect(signature == "CROVVmkEAaZtIzV8pkEZKiHgHps=", "the signature of the paynet-get-balance vector");
  expect(text(header).find("oauth_signature=\"") != std::string::npos, "the header has the signature");

  const std::string version = paynet_version();
  expect(version == PAYNET_OAUTH_VERSION, "paynet_version matches PAYNET_OAUTH_VERSION");
  if (failures) return 1;
  std::printf("test_cpp: signed from C++: %s\n", signature.c_str());
  return 0;
}
