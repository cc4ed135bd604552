/* Every result code the C library can return, and the contract around failures:
 * NULL checks, too-small buffers report the length needed, nothing written on failure. */
#include "check.h"

#define S(lit) lit, (sizeof(lit) - 1)

static const char SECRET[] = "B17A2E5F-0B0C-4C3E-9A8B-0D1E2F3A4B5C";
#define NOW 1686923599u

static paynet_param PARAMS[] = {{S("balance-provider"), S("Test")}};

static paynet_request base_request(void) {
  paynet_request r;
  memset(&r, 0, sizeof r);
  r.method = "POST";
  r.method_len = 4;
  r.url = "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1234";
  r.url_len = strlen(r.url);
  r.params = PARAMS;
  r.params_len = 1;
  r.consumer_key = "balance_test_merchant14";
  r.consumer_key_len = strlen(r.consumer_key);
  r.timestamp = "1686923599";
  r.timestamp_len = 10;
  r.nonce = "hUx3j2OZ2Jq";
  r.nonce_len = 11;
  return r;
}

static paynet_result sign(const paynet_request *r, paynet_buffer *header, paynet_buffer *body) {
  paynet_signed out;
  memset(&out, 0, sizeof out);
  out.authorization_header = header;
  out.body = body;
  return paynet_sign(r, SECRET, strlen(SECRET), NULL, 0, &out);
}

/* A signed request to tamper with. */
static char HEADER[1024], BODY[1024];
static size_t HEADER_LEN, BODY_LEN;

static paynet_result verify(const char *header, const char *body, unsigned long now) {
  return paynet_verify(S("POST"), S("https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1234"),
                       body, strlen(body), header, strlen(header), SECRET, strlen(SECRET), NULL, 0,
                       now, 300);
}

/* Replaces the first `from` in `s` by `to` into `out`. */
static const char *replace(const char *s, const char *from, const char *to, char *out) {
  const char *at = strstr(s, from);
  size_t head = (size_t)(at - s);
  memcpy(out, s, head);
  strcpy(out + head, to);
  strcat(out, at + strlen(from));
  return out;
}

static void too_small_buffers(void) {
  paynet_request r = base_request();
  char big[1024], tiny[8];
  paynet_buffer header = {big, sizeof big, 0}, body = {tiny, sizeof tiny, 0};
  memset(big, 'X', sizeof big);
  memset(tiny, 'X', sizeof tiny);
  CHECK_RESULT(sign(&r, &header, &body), PAYNET_BUFFER_TOO_SMALL);
  CHECK(body.len == BODY_LEN);
  CHECK(header.len == HEADER_LEN); /* every wanted buffer reports its length */
  CHECK(big[0] == 'X' && tiny[0] == 'X'); /* and nothing was written */
  /* Exactly the length is still too small: the NUL needs a byte too. */
  {
    char exact[1024];
    paynet_buffer b2 = {exact, BODY_LEN, 0};
    CHECK_RESULT(sign(&r, NULL, &b2), PAYNET_BUFFER_TOO_SMALL);
    b2.cap = BODY_LEN + 1;
    CHECK_RESULT(sign(&r, NULL, &b2), PAYNET_OK);
    CHECK_TEXT(b2, BODY, BODY_LEN);
  }
  /* A zero-capacity NULL buffer asks for the length only. */
  {
    paynet_buffer probe = {NULL, 0, 0};
    CHECK_RESULT(sign(&r, &probe, NULL), PAYNET_BUFFER_TOO_SMALL);
    CHECK(probe.len == HEADER_LEN);
  }
  {
    char s[3];
    paynet_buffer out = {s, sizeof s, 0};
    CHECK_RESULT(paynet_percent_encode(S("a b"), &out), PAYNET_BUFFER_TOO_SMALL);
    CHECK(out.len == 5);
  }
}

static void null_arguments(void) {
  paynet_request r = base_request();
  char s[64];
  paynet_buffer out = {s, sizeof s, 0};
  paynet_signed outs;
  paynet_signer *signer = NULL;
  memset(&outs, 0, sizeof outs);
  CHECK_RESULT(paynet_sign(NULL, S("k"), NULL, 0, &outs), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_sign(&r, S("k"), NULL, 0, NULL), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_sign(&r, NULL, 3, NULL, 0, &outs), PAYNET_NULL_ARGUMENT);
  r.method = NULL;
  CHECK_RESULT(paynet_sign(&r, S("k"), NULL, 0, &outs), PAYNET_NULL_ARGUMENT);
  r = base_request();
  r.params = NULL;
  CHECK_RESULT(paynet_sign(&r, S("k"), NULL, 0, &outs), PAYNET_NULL_ARGUMENT);
  {
    paynet_buffer bad = {NULL, 10, 0};
    r = base_request();
    outs.body = &bad;
    CHECK_RESULT(paynet_sign(&r, S("k"), NULL, 0, &outs), PAYNET_NULL_ARGUMENT);
    outs.body = NULL;
  }
  CHECK_RESULT(paynet_signer_new(S("k"), NULL, 0, NULL), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_signer_sign(NULL, &r, &outs), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_signer_new(S("k"), NULL, 0, &signer), PAYNET_OK);
  CHECK_RESULT(paynet_signer_sign(signer, NULL, &outs), PAYNET_NULL_ARGUMENT);
  paynet_signer_free(signer);
  paynet_signer_free(NULL);
  CHECK_RESULT(paynet_verify(NULL, 4, S("u"), S("b"), S("h"), S("k"), NULL, 0, NOW, 300),
               PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_percent_encode(NULL, 1, &out), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_percent_encode(S("x"), NULL), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_percent_encode(NULL, 0, &out), PAYNET_OK); /* the empty text */
  CHECK(out.len == 0 && s[0] == '\0');
  CHECK_RESULT(paynet_last_error_detail(NULL), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_build_request(NULL, S("l"), S("k"), 0, NULL, 0, &out, &out, &out),
               PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_parse_response(0, 200, NULL, 5, NULL), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_response_count(NULL, NULL), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_response_field(NULL, 0, 0, &out), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_response_outcome(NULL, NULL, NULL), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_response_error_message(NULL, &out), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_response_error_body(NULL, &out), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_response_extra_field(NULL, 0, S("x"), &out), PAYNET_NULL_ARGUMENT);
  paynet_response_free(NULL);
}

/* What every way of signing says of an empty nonce (paynet-bind's Failure::empty_nonce). */
static const char EMPTY_NONCE[] = "the nonce must not be empty (leave it out for a fresh one)";

static void signing_errors(void) {
  paynet_request r = base_request();
  char h[1024], d[256];
  paynet_buffer header = {h, sizeof h, 0}, detail = {d, sizeof d, 0};
  paynet_param many[33];
  size_t i;
  for (i = 0; i < 33; i++) {
    many[i].name = "a";
    many[i].name_len = 1;
    many[i].value = "b";
    many[i].value_len = 1;
  }
  r.params = many;
  r.params_len = 33;
  CHECK_RESULT(sign(&r, &header, NULL), PAYNET_TOO_MANY_PARAMETERS);
  r = base_request();
  r.url = "sandbox.payneteasy.com/get-balance";
  r.url_len = strlen(r.url);
  CHECK_RESULT(sign(&r, &header, NULL), PAYNET_MALFORMED_URL);
  r = base_request();
  r.method = "PO ST";
  r.method_len = 5;
  CHECK_RESULT(sign(&r, &header, NULL), PAYNET_INVALID_METHOD);
  r = base_request();
  r.url = "https://h.example/p?a=%zz";
  r.url_len = strlen(r.url);
  CHECK_RESULT(sign(&r, &header, NULL), PAYNET_INVALID_PERCENT_ENCODING);
  r = base_request();
  r.nonce_len = 0;
  CHECK_RESULT(sign(&r, &header, NULL), PAYNET_INVALID_PARAMETER);
  /* The detail names the nonce, as every other way of signing says it. */
  CHECK_RESULT(paynet_last_error_detail(&detail), PAYNET_OK);
  CHECK_CSTR(detail, EMPTY_NONCE);
  {
    paynet_signer *signer = NULL;
    paynet_signed out;
    memset(&out, 0, sizeof out);
    out.authorization_header = &header;
    CHECK_RESULT(paynet_signer_new(SECRET, strlen(SECRET), NULL, 0, &signer), PAYNET_OK);
    CHECK_RESULT(paynet_signer_sign(signer, &r, &out), PAYNET_INVALID_PARAMETER);
    CHECK_RESULT(paynet_last_error_detail(&detail), PAYNET_OK);
    CHECK_CSTR(detail, EMPTY_NONCE);
    paynet_signer_free(signer);
  }
  r = base_request();
  r.method = "P\xff";
  r.method_len = 2;
  CHECK_RESULT(sign(&r, &header, NULL), PAYNET_INVALID_UTF8);
}

static void verification_errors(void) {
  char t[2048], b[2048];
  CHECK_RESULT(verify(HEADER, BODY, NOW), PAYNET_OK);
  CHECK_RESULT(verify("Basic dXNlcjpwYXNz", BODY, NOW), PAYNET_MALFORMED_HEADER);
  CHECK_RESULT(verify(replace(HEADER, "oauth_nonce=", "oauth_nonsense=", t), BODY, NOW),
               PAYNET_MISSING_OAUTH_PARAMETER);
  CHECK_RESULT(verify(replace(HEADER, "oauth_version=\"1.0\"",
                              "oauth_version=\"1.0\",oauth_nonce=\"x\"", t), BODY, NOW),
               PAYNET_DUPLICATE_OAUTH_PARAMETER);
  CHECK_RESULT(verify(replace(HEADER, "HMAC-SHA1", "RSA-SHA1", t),
                      replace(BODY, "HMAC-SHA1", "RSA-SHA1", b), NOW),
               PAYNET_UNSUPPORTED_SIGNATURE_METHOD);
  CHECK_RESULT(verify(replace(HEADER, "oauth_version=\"1.0\"", "oauth_version=\"2.0\"", t),
                      replace(BODY, "oauth_version=1.0", "oauth_version=2.0", b), NOW),
               PAYNET_UNSUPPORTED_VERSION);
  CHECK_RESULT(verify(HEADER, replace(BODY, "hUx3j2OZ2Jq", "hUx3j2OZ2Jr", b), NOW),
               PAYNET_OAUTH_PARAMETER_MISMATCH);
  {
    /* The signer refuses a timestamp that is not a number (the verifier checks the
     * signature first, so a tampered timestamp reads as a signature mismatch). */
    paynet_request r = base_request();
    paynet_buffer th = {t, sizeof t, 0};
    r.timestamp = "16869x3599";
    CHECK_RESULT(sign(&r, &th, NULL), PAYNET_INVALID_TIMESTAMP);
    CHECK_RESULT(verify(replace(HEADER, "1686923599", "16869x3599", t),
                        replace(BODY, "1686923599", "16869x3599", b), NOW),
                 PAYNET_SIGNATURE_MISMATCH);
  }
  CHECK_RESULT(verify(HEADER, BODY, NOW + 301), PAYNET_TIMESTAMP_OUT_OF_WINDOW);
  CHECK_RESULT(verify(HEADER, BODY, NOW - 301), PAYNET_TIMESTAMP_OUT_OF_WINDOW);
  CHECK_RESULT(verify(HEADER, replace(BODY, "Test", "Tess", b), NOW), PAYNET_SIGNATURE_MISMATCH);
}

/* paynet_verify_ex: the verified values, decoded, so a nonce store keyed on them refuses
 * a replay whose nonce or login is merely re-encoded (issue 12). */
static void verify_ex_gives_decoded_values(void) {
  char t[2048], b[2048], k[64], tok[64], n[64];
  paynet_buffer key = {k, sizeof k, 0}, token = {tok, sizeof tok, 0}, nonce = {n, sizeof n, 0};
  paynet_verified out;
  const char *url = "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1234";
  memset(&out, 0, sizeof out);
  out.consumer_key = &key;
  out.token = &token;
  out.nonce = &nonce;
  CHECK_RESULT(paynet_verify_ex(S("POST"), url, strlen(url), BODY, BODY_LEN, HEADER, HEADER_LEN,
                                SECRET, strlen(SECRET), NULL, 0, NOW, 300, &out),
               PAYNET_OK);
  CHECK_CSTR(key, "balance_test_merchant14");
  CHECK_CSTR(token, "");
  CHECK_CSTR(nonce, "hUx3j2OZ2Jq");
  CHECK(out.timestamp == NOW);
  /* The replay with the nonce and the login re-encoded: still genuine, the same pair. */
  replace(HEADER, "hUx3j2OZ2Jq", "%68Ux3j2OZ2J%71", t);
  {
    char t2[2048];
    replace(t, "balance_test", "balance%5Ftest", t2);
    replace(BODY, "hUx3j2OZ2Jq", "%68Ux3j2OZ2J%71", b);
    memset(k, 'x', sizeof k);
    memset(n, 'x', sizeof n);
    out.timestamp = 0;
    CHECK_RESULT(paynet_verify_ex(S("POST"), url, strlen(url), b, strlen(b), t2, strlen(t2), SECRET,
                                  strlen(SECRET), NULL, 0, NOW, 300, &out),
                 PAYNET_OK);
    CHECK_CSTR(key, "balance_test_merchant14");
    CHECK_CSTR(nonce, "hUx3j2OZ2Jq");
    CHECK(out.timestamp == NOW);
  }
  /* A too-small buffer: every wanted length reported, nothing written. */
  {
    char small[4] = "abc";
    paynet_buffer tiny = {small, sizeof small, 0};
    out.nonce = &tiny;
    key.len = 0;
    CHECK_RESULT(paynet_verify_ex(S("POST"), url, strlen(url), BODY, BODY_LEN, HEADER, HEADER_LEN,
                                  SECRET, strlen(SECRET), NULL, 0, NOW, 300, &out),
                 PAYNET_BUFFER_TOO_SMALL);
    CHECK(tiny.len == 11 && key.len == 23 && strcmp(small, "abc") == 0);
    out.nonce = NULL; /* not wanted */
    CHECK_RESULT(paynet_verify_ex(S("POST"), url, strlen(url), BODY, BODY_LEN, HEADER, HEADER_LEN,
                                  SECRET, strlen(SECRET), NULL, 0, NOW, 300, &out),
                 PAYNET_OK);
  }
  /* Failures are paynet_verify's; NULL out is refused. */
  CHECK_RESULT(paynet_verify_ex(S("POST"), url, strlen(url), BODY, BODY_LEN, HEADER, HEADER_LEN,
                                SECRET, strlen(SECRET), NULL, 0, NOW + 301, 300, &out),
               PAYNET_TIMESTAMP_OUT_OF_WINDOW);
  CHECK_RESULT(paynet_verify_ex(S("POST"), url, strlen(url), BODY, BODY_LEN, HEADER, HEADER_LEN,
                                SECRET, strlen(SECRET), NULL, 0, NOW, 300, NULL),
               PAYNET_NULL_ARGUMENT);
}

static void gateway_errors(void) {
  char s[512];
  paynet_buffer url = {s, sizeof s, 0}, header = url, body = url, detail = url;
  paynet_command c;
  paynet_response *resp = NULL;
  memset(&c, 0, sizeof c);
  c.kind = 7;
  c.gateway = "payneteasy-sandbox";
  c.gateway_len = strlen(c.gateway);
  c.subject = "1234";
  c.subject_len = 4;
  c.name = "Test";
  c.name_len = 4;
  CHECK_RESULT(paynet_build_request(&c, S("login"), S("key"), NOW, S("nonce123456"), &url, &header,
                                    &body),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&detail), PAYNET_OK);
  CHECK(strstr(detail.ptr, "unknown command kind 7") != NULL);
  c.kind = PAYNET_COMMAND_ENDPOINT_BALANCE;
  c.name = NULL;
  c.name_len = 0;
  CHECK_RESULT(paynet_build_request(&c, S("login"), S("key"), NOW, S("nonce123456"), &url, &header,
                                    &body),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&detail), PAYNET_OK);
  CHECK(strstr(detail.ptr, "balance-provider") != NULL);
  c.name = "Test";
  c.name_len = 4;
  c.gateway = "sandbox";
  c.gateway_len = 7;
  CHECK_RESULT(paynet_build_request(&c, S("login"), S("key"), NOW, S("nonce123456"), &url, &header,
                                    &body),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&detail), PAYNET_OK);
  CHECK(strstr(detail.ptr, "payneteasy-sandbox") != NULL); /* names the presets */
  /* A call that succeeds forgets the detail. */
  CHECK_RESULT(paynet_percent_encode(S("x"), &url), PAYNET_OK);
  CHECK_RESULT(paynet_last_error_detail(&detail), PAYNET_OK);
  CHECK(detail.len == 0);
  CHECK_RESULT(paynet_parse_response(3, 200, S("[]"), &resp), PAYNET_INVALID_INPUT);
  CHECK(resp == NULL);
  /* A status that is not an HTTP status (100 to 599) is the caller's mistake. */
  CHECK_RESULT(paynet_parse_response(1, 600, S("[]"), &resp), PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_parse_response(1, 0, S("[]"), &resp), PAYNET_INVALID_INPUT);
  CHECK(resp == NULL);
  CHECK_RESULT(paynet_last_error_detail(&detail), PAYNET_OK);
  CHECK(strstr(detail.ptr, "not an HTTP status") != NULL);
  CHECK_RESULT(paynet_parse_response(1, 200, S("[{\"name\":\"a\",\"amount\":1,\"currency\":\"USD\"}]"),
                                     &resp),
               PAYNET_OK);
  CHECK_RESULT(paynet_response_field(resp, 0, 10, &url), PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_response_field(resp, 0, PAYNET_FIELD_MERCHANT_LOGIN, &url),
               PAYNET_FIELD_ABSENT);
  CHECK_RESULT(paynet_response_extra_field(resp, 0, S("nope"), &url), PAYNET_FIELD_ABSENT);
  paynet_response_free(resp);
}

/* Issue 12: an optional pointer that is NULL with a length is a caller's bug, and the
 * request builder applies the SDK's plain-http policy. */
static void hostile_c_inputs(void) {
  char u[512], h[512], b[512], d[512];
  paynet_buffer url = {u, sizeof u, 0}, header = {h, sizeof h, 0}, body = {b, sizeof b, 0},
                detail = {d, sizeof d, 0};
  paynet_command c;
  paynet_request r = base_request();
  paynet_signed outs;
  memset(&outs, 0, sizeof outs);
  outs.authorization_header = &header;
  r.token = NULL;
  r.token_len = 3;
  CHECK_RESULT(paynet_sign(&r, S("k"), NULL, 0, &outs), PAYNET_NULL_ARGUMENT);
  memset(&c, 0, sizeof c);
  c.kind = PAYNET_COMMAND_MANAGER_BALANCES;
  c.gateway = "payneteasy-sandbox";
  c.gateway_len = strlen(c.gateway);
  c.subject = "m";
  c.subject_len = 1;
  c.name = NULL;
  c.name_len = 4; /* NULL with a length: not "all balances" */
  CHECK_RESULT(paynet_build_request(&c, S("login"), S("key"), NOW, S("nonce123456"), &url, &header,
                                    &body),
               PAYNET_NULL_ARGUMENT);
  c.name_len = 0;
  CHECK_RESULT(paynet_build_request(&c, S("login"), S("key"), NOW, NULL, 5, &url, &header, &body),
               PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_build_request(&c, S("login"), S("key"), NOW, NULL, 0, &url, &header, &body),
               PAYNET_OK);
  /* Plain http off the loopback interface: refused unless allowed. */
  c.gateway = "http://gate.example.com/paynet/api/v2";
  c.gateway_len = strlen(c.gateway);
  CHECK_RESULT(paynet_build_request(&c, S("login"), S("key"), NOW, S("nonce123456"), &url, &header,
                                    &body),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&detail), PAYNET_OK);
  CHECK(strstr(detail.ptr, "refusing plain http://") != NULL);
  CHECK_RESULT(paynet_build_request_ex(&c, S("login"), S("key"), NOW, S("nonce123456"),
                                       PAYNET_ALLOW_HTTP, &url, &header, &body),
               PAYNET_OK);
  CHECK_CSTR(url, "http://gate.example.com/paynet/api/v2/get-balance/manager/m");
  CHECK_RESULT(paynet_build_request_ex(&c, S("login"), S("key"), NOW, S("nonce123456"), 2, &url,
                                       &header, &body),
               PAYNET_INVALID_INPUT);
  c.gateway = "http://127.0.0.1:8080/paynet/api/v2";
  c.gateway_len = strlen(c.gateway);
  CHECK_RESULT(paynet_build_request(&c, S("login"), S("key"), NOW, S("nonce123456"), &url, &header,
                                    &body),
               PAYNET_OK);
  c.gateway = "https://gate.example.com/paynet/api/v2";
  c.gateway_len = strlen(c.gateway);
  CHECK_RESULT(paynet_build_request_ex(&c, S("login"), S("key"), NOW, S("nonce123456"), 0, &url,
                                       &header, &body),
               PAYNET_OK);
}

static void messages(void) {
  static const unsigned codes[] = {0,   1,   2,   3,   4,   5,   6,   7,   8,   9,   10,
                                   11,  12,  13,  14,  15,  16,  100, 101, 102, 103, 104,
                                   105, 200, 201, 202, 203, 204, 205, 206};
  size_t i, j;
  for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
    const char *m = paynet_result_message(codes[i]);
    CHECK(m != NULL && strlen(m) > 0);
    CHECK(strcmp(m, "unknown result code") != 0);
    for (j = 0; j < i; j++) CHECK(strcmp(m, paynet_result_message(codes[j])) != 0);
  }
  CHECK(strcmp(paynet_result_message(999), "unknown result code") == 0);
  CHECK(strcmp(paynet_version(), PAYNET_OAUTH_VERSION) == 0);
}

int main(void) {
  paynet_request r = base_request();
  paynet_buffer header = {HEADER, sizeof HEADER, 0}, body = {BODY, sizeof BODY, 0};
  CHECK_RESULT(sign(&r, &header, &body), PAYNET_OK);
  HEADER_LEN = header.len;
  BODY_LEN = body.len;
  too_small_buffers();
  null_arguments();
  signing_errors();
  verification_errors();
  verify_ex_gives_decoded_values();
  gateway_errors();
  hostile_c_inputs();
  messages();
  return check_done("test_errors");
}
