/* Every vector of tests/vectors through the C library: the signing vectors (one-off and
 * reusable signer, then verified), the percent-encoding table, the gateway responses. */
#include <stdlib.h>

#include "check.h"
#include "vector_types.h"
#include "vectors.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define BIG 4096

/* A paynet_buffer over a caller array. */
static paynet_buffer buffer(char *storage, size_t cap) {
  paynet_buffer b;
  b.ptr = storage;
  b.cap = cap;
  b.len = 0;
  return b;
}

static paynet_request request_of(const sign_vector *v, paynet_param *form, paynet_param *extra) {
  paynet_request r;
  size_t i;
  memset(&r, 0, sizeof r);
  for (i = 0; i < v->form_len; i++) {
    form[i].name = v->form[i].name.s;
    form[i].name_len = v->form[i].name.len;
    form[i].value = v->form[i].value.s;
    form[i].value_len = v->form[i].value.len;
  }
  for (i = 0; i < v->extra_len; i++) {
    extra[i].name = v->extra[i].name.s;
    extra[i].name_len = v->extra[i].name.len;
    extra[i].value = v->extra[i].value.s;
    extra[i].value_len = v->extra[i].value.len;
  }
  r.method = v->method.s;
  r.method_len = v->method.len;
  r.url = v->url.s;
  r.url_len = v->url.len;
  r.params = form;
  r.params_len = v->form_len;
  r.consumer_key = v->consumer_key.s;
  r.consumer_key_len = v->consumer_key.len;
  r.token = v->token.s;
  r.token_len = v->token.len;
  r.timestamp = v->timestamp.s;
  r.timestamp_len = v->timestamp.len;
  r.nonce = v->nonce.s;
  r.nonce_len = v->nonce.len;
  r.version = v->version.s;
  r.version_len = v->version.len;
  r.omit_version = (uint8_t)v->omit_version;
  r.oauth_extra = extra;
  r.oauth_extra_len = v->extra_len;
  return r;
}

static void signing_vectors(void) {
  size_t n;
  for (n = 0; n < COUNT(SIGN_VECTORS); n++) {
    const sign_vector *v = &SIGN_VECTORS[n];
    paynet_param form[32], extra[32];
    paynet_request r = request_of(v, form, extra);
    static char header_s[BIG], body_s[BIG], sig_s[64], norm_s[BIG], base_s[BIG];
    paynet_buffer header = buffer(header_s, BIG), body = buffer(body_s, BIG),
                  sig = buffer(sig_s, sizeof sig_s), norm = buffer(norm_s, BIG),
                  base = buffer(base_s, BIG);
    paynet_signed out;
    paynet_signer *signer = NULL;
    unsigned long ts = strtoul(v->timestamp.s, NULL, 10);

    out.authorization_header = &header;
    out.body = &body;
    out.signature = &sig;
    out.normalized_parameters = &norm;
    out.base_string = &base;
    CHECK_RESULT(paynet_sign(&r, v->consumer_secret.s, v->consumer_secret.len, v->token_secret.s,
                             v->token_secret.len, &out),
                 PAYNET_OK);
    CHECK_TEXT(sig, v->signature.s, v->signature.len);
    CHECK_TEXT(base, v->base_string.s, v->base_string.len);
    CHECK_TEXT(norm, v->normalized_parameters.s, v->normalized_parameters.len);
    CHECK(strncmp(header.ptr, "OAuth realm=\"\",", 15) == 0);

    /* The library's own verifier accepts what it signed, within the window. */
    CHECK_RESULT(paynet_verify(v->method.s, v->method.len, v->url.s, v->url.len, body.ptr, body.len,
                               header.ptr, header.len, v->consumer_secret.s, v->consumer_secret.len,
                               v->token_secret.s, v->token_secret.len, ts + 10, 300),
                 PAYNET_OK);

    /* The reusable signer gives the same signature, twice. */
    CHECK_RESULT(paynet_signer_new(v->consumer_secret.s, v->consumer_secret.len, v->token_secret.s,
                                   v->token_secret.len, &signer),
                 PAYNET_OK);
    out.normalized_parameters = NULL;
    out.base_string = NULL;
    sig.len = 0;
    CHECK_RESULT(paynet_signer_sign(signer, &r, &out), PAYNET_OK);
    CHECK_TEXT(sig, v->signature.s, v->signature.len);
    CHECK_RESULT(paynet_signer_sign(signer, &r, &out), PAYNET_OK);
    CHECK_TEXT(sig, v->signature.s, v->signature.len);
    paynet_signer_free(signer);
  }
}

static void encode_vectors(void) {
  size_t n;
  for (n = 0; n < COUNT(ENCODE_VECTORS); n++) {
    char s[256];
    paynet_buffer out = buffer(s, sizeof s);
    const vpair *v = &ENCODE_VECTORS[n];
    CHECK_RESULT(paynet_percent_encode(v->name.s, v->name.len, &out), PAYNET_OK);
    CHECK_TEXT(out, v->value.s, v->value.len);
  }
}

static void response_vectors(void) {
  size_t n;
  for (n = 0; n < COUNT(RESPONSE_VECTORS); n++) {
    const response_vector *v = &RESPONSE_VECTORS[n];
    paynet_response *resp = NULL;
    paynet_result outcome = PAYNET_PANIC;
    uint16_t status = 0;
    size_t count = 99, i;
    unsigned field;
    char s[1024];
    paynet_buffer out = buffer(s, sizeof s);

    CHECK_RESULT(paynet_parse_response(v->kind, (uint16_t)v->status, v->body.s, v->body.len, &resp),
                 v->outcome);
    CHECK(resp != NULL);
    if (resp == NULL) continue;
    CHECK_RESULT(paynet_response_outcome(resp, &outcome, &status), PAYNET_OK);
    CHECK(outcome == (paynet_result)v->outcome);
    CHECK(status == v->status);
    CHECK_RESULT(paynet_response_count(resp, &count), PAYNET_OK);
    CHECK(count == v->count);
    if (v->balance_amount.s) {
      CHECK_RESULT(paynet_response_field(resp, 0, PAYNET_FIELD_BALANCE_AMOUNT, &out), PAYNET_OK);
      CHECK_TEXT(out, v->balance_amount.s, v->balance_amount.len);
      CHECK_RESULT(paynet_response_field(resp, 0, PAYNET_FIELD_CURRENCY, &out), PAYNET_FIELD_ABSENT);
    }
    if (v->outcome == PAYNET_OK && !v->balance_amount.s) {
      for (i = 0; i < v->count; i++) {
        for (field = 0; field < VECTOR_FIELDS; field++) {
          const vtext *want = &v->balances[i][field];
          if (want->s) {
            CHECK_RESULT(paynet_response_field(resp, i, field, &out), PAYNET_OK);
            CHECK_TEXT(out, want->s, want->len);
          } else {
            CHECK_RESULT(paynet_response_field(resp, i, field, &out), PAYNET_FIELD_ABSENT);
          }
        }
      }
    }
    CHECK_RESULT(paynet_response_field(resp, v->count, PAYNET_FIELD_AMOUNT, &out),
                 PAYNET_INVALID_INPUT);
    if (v->outcome == PAYNET_OK) {
      CHECK_RESULT(paynet_response_error_message(resp, &out), PAYNET_FIELD_ABSENT);
    } else {
      CHECK_RESULT(paynet_response_error_message(resp, &out), PAYNET_OK);
      if (v->message.s) CHECK_TEXT(out, v->message.s, v->message.len);
    }
    if (v->outcome == PAYNET_ACCESS_DENIED || v->outcome == PAYNET_HTTP_ERROR ||
        v->outcome == PAYNET_UNEXPECTED_RESPONSE) {
      CHECK_RESULT(paynet_response_error_body(resp, &out), PAYNET_OK);
      CHECK_TEXT(out, v->body.s, v->body.len);
    } else {
      CHECK_RESULT(paynet_response_error_body(resp, &out), PAYNET_FIELD_ABSENT);
    }
    paynet_response_free(resp);
  }
}

int main(void) {
  signing_vectors();
  encode_vectors();
  response_vectors();
  printf("vectors: %u signing, %u encoding, %u responses\n", (unsigned)COUNT(SIGN_VECTORS),
         (unsigned)COUNT(ENCODE_VECTORS), (unsigned)COUNT(RESPONSE_VECTORS));
  return check_done("test_vectors");
}
