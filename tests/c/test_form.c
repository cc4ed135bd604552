/* paynet_sign_form: signing a form request the caller built (as with libcurl): the URL's
 * query and the body's fields are signed, the header and the new body come back. */
#include <stdlib.h>
#include <time.h>

#include "check.h"

#define S(lit) lit, (sizeof(lit) - 1)
#define KEY "B17A2E5F-0B0C-4C3E-9A8B-0D1E2F3A4B5C"
#define URL "https://gw.example.com/paynet/api/v2/get-balance/1234?q=1"
#define FORM_TYPE "application/x-www-form-urlencoded; charset=utf-8"
#define NOW 1686923599u

typedef struct {
  char header_s[1024], body_s[1024], sig_s[64];
  paynet_buffer header, body, sig;
  paynet_signed out;
} outputs;

static void init(outputs *o) {
  paynet_buffer h = {o->header_s, sizeof o->header_s, 0}, b = {o->body_s, sizeof o->body_s, 0},
                s = {o->sig_s, sizeof o->sig_s, 0};
  o->header = h;
  o->body = b;
  o->sig = s;
  memset(&o->out, 0, sizeof o->out);
  o->out.authorization_header = &o->header;
  o->out.body = &o->body;
  o->out.signature = &o->sig;
}

static paynet_result sign_form(paynet_signer *signer, const char *login, const char *body,
                               const char *content_type, uint64_t ts, const char *nonce,
                               outputs *o) {
  return paynet_sign_form(signer, login, strlen(login), S("POST"), S(URL), body, strlen(body),
                          content_type, content_type ? strlen(content_type) : 0, ts, nonce,
                          nonce ? strlen(nonce) : 0, &o->out);
}

/* The fields are signed and sent sorted with the oauth_* values; the signature is the
 * one paynet_sign gives for the same request, and the library's verifier accepts it. */
static void signs_the_caller_s_form(paynet_signer *signer) {
  outputs o, ref;
  paynet_param params[] = {{S("b"), S("2 x")}, {S("a"), S("\xc3\xa9")}};
  paynet_request r;
  char k[64], n[64];
  paynet_buffer key = {k, sizeof k, 0}, nonce = {n, sizeof n, 0};
  paynet_verified v;
  init(&o);
  init(&ref);
  CHECK_RESULT(sign_form(signer, "login", "b=2+x&a=%C3%A9", FORM_TYPE, NOW, "abcdefghijk", &o),
               PAYNET_OK);
  CHECK_CSTR(o.body, "a=%C3%A9&b=2%20x&oauth_consumer_key=login&oauth_nonce=abcdefghijk"
                     "&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1686923599"
                     "&oauth_version=1.0");
  CHECK(strncmp(o.header.ptr, "OAuth realm=\"\",oauth_version=\"1.0\",oauth_consumer_key=\"login\"",
                61) == 0);
  memset(&r, 0, sizeof r);
  r.method = "POST";
  r.method_len = 4;
  r.url = URL;
  r.url_len = strlen(URL);
  r.params = params;
  r.params_len = 2;
  r.consumer_key = "login";
  r.consumer_key_len = 5;
  r.timestamp = "1686923599";
  r.timestamp_len = 10;
  r.nonce = "abcdefghijk";
  r.nonce_len = 11;
  CHECK_RESULT(paynet_signer_sign(signer, &r, &ref.out), PAYNET_OK);
  CHECK_TEXT(o.sig, ref.sig.ptr, ref.sig.len);
  CHECK_TEXT(o.header, ref.header.ptr, ref.header.len);
  memset(&v, 0, sizeof v);
  v.consumer_key = &key;
  v.nonce = &nonce;
  CHECK_RESULT(paynet_verify_ex(S("POST"), S(URL), o.body.ptr, o.body.len, o.header.ptr,
                                o.header.len, S(KEY), NULL, 0, NOW, 300, &v),
               PAYNET_OK);
  CHECK_CSTR(key, "login");
  CHECK_CSTR(nonce, "abcdefghijk");
  /* An empty body and no Content-Type: only the oauth_* values are sent. */
  CHECK_RESULT(sign_form(signer, "login", "", NULL, NOW, "abcdefghijk", &o), PAYNET_OK);
  CHECK(strncmp(o.body.ptr, "oauth_consumer_key=login&", 25) == 0);
}

/* Without a timestamp and a nonce: the clock and 16 fresh CSPRNG characters. */
static void fresh_nonce_and_clock(paynet_signer *signer) {
  outputs a, b;
  char tiny[4];
  paynet_buffer t = {tiny, sizeof tiny, 0};
  const char *na, *nb;
  init(&a);
  init(&b);
  CHECK_RESULT(sign_form(signer, "login", "x=1", FORM_TYPE, 0, NULL, &a), PAYNET_OK);
  CHECK_RESULT(sign_form(signer, "login", "x=1", FORM_TYPE, 0, NULL, &b), PAYNET_OK);
  CHECK_RESULT(paynet_verify(S("POST"), S(URL), a.body.ptr, a.body.len, a.header.ptr, a.header.len,
                             S(KEY), NULL, 0, (uint64_t)time(NULL), 300),
               PAYNET_OK);
  na = strstr(a.body.ptr, "oauth_nonce=");
  nb = strstr(b.body.ptr, "oauth_nonce=");
  CHECK(na != NULL && nb != NULL);
  if (na && nb) {
    CHECK(strcspn(na + 12, "&") == 16);
    CHECK(strncmp(na, nb, 28) != 0);
  }
  /* A too-small header asks for the longest header any signature could give. */
  a.out.authorization_header = &t;
  CHECK_RESULT(sign_form(signer, "login", "x=1", FORM_TYPE, 0, NULL, &a), PAYNET_BUFFER_TOO_SMALL);
  {
    const char *sig = strstr(b.header.ptr, "oauth_signature=\"") + 17;
    size_t encoded = strcspn(sig, "\"");
    CHECK(t.len == b.header.len - encoded + 3 * 28);
  }
}

/* What is not a form request is refused, with the reason in the detail. */
static void refusals(paynet_signer *signer) {
  outputs o;
  char d_s[512];
  paynet_buffer d = {d_s, sizeof d_s, 0};
  init(&o);
  CHECK_RESULT(sign_form(signer, "login", "{}", "application/json", NOW, "n", &o),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&d), PAYNET_OK);
  CHECK(strstr(d.ptr, "application/json") != NULL);
  CHECK_RESULT(sign_form(signer, "login", "a=%FF", NULL, NOW, "n", &o), PAYNET_INVALID_INPUT);
  CHECK_RESULT(sign_form(signer, "login", "a=\xc3\xa9", NULL, NOW, "n", &o), PAYNET_INVALID_INPUT);
  CHECK_RESULT(sign_form(signer, "", "a=1", NULL, NOW, "n", &o), PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&d), PAYNET_OK);
  CHECK(strstr(d.ptr, "login") != NULL);
  CHECK_RESULT(sign_form(signer, "login", "oauth_nonce=x", NULL, NOW, "n", &o),
               PAYNET_INVALID_PARAMETER);
  CHECK_RESULT(paynet_sign_form(signer, S("login"), S("POST"), S("gw.example.com/x"), S("a=1"),
                                NULL, 0, NOW, S("n"), &o.out),
               PAYNET_MALFORMED_URL);
  CHECK_RESULT(paynet_sign_form(NULL, S("login"), S("POST"), S(URL), S("a=1"), NULL, 0, NOW,
                                S("n"), &o.out),
               PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_sign_form(signer, S("login"), S("POST"), S(URL), S("a=1"), NULL, 0, NOW,
                                S("n"), NULL),
               PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_sign_form(signer, S("login"), S("POST"), S(URL), NULL, 3, NULL, 0, NOW,
                                S("n"), &o.out),
               PAYNET_NULL_ARGUMENT);
}

int main(void) {
  paynet_signer *signer = NULL;
  CHECK_RESULT(paynet_signer_new(S(KEY), NULL, 0, &signer), PAYNET_OK);
  signs_the_caller_s_form(signer);
  fresh_nonce_and_clock(signer);
  refusals(signer);
  paynet_signer_free(signer);
  return check_done("test_form");
}
