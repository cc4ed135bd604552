/* The shapes of the generated vector tables (build/c/vectors.h, from gen_vectors.py). */
#ifndef PAYNET_TEST_VECTOR_TYPES_H
#define PAYNET_TEST_VECTOR_TYPES_H

#include <stddef.h>

/* A text with its length; s == NULL means absent. */
typedef struct { const char *s; size_t len; } vtext;
typedef struct { vtext name; vtext value; } vpair;

typedef struct {
  const char *id;
  vtext method, url, consumer_key, consumer_secret;
  vtext token, token_secret, timestamp, nonce;
  vtext version; int omit_version;
  const vpair *form; size_t form_len;
  const vpair *extra; size_t extra_len;
  vtext signature, base_string, normalized_parameters;
} sign_vector;

/* Balance fields in paynet_field order 0..8. */
#define VECTOR_FIELDS 9

typedef struct {
  const char *id;
  unsigned kind;
  unsigned status;
  vtext body;
  unsigned outcome;          /* a paynet_result */
  vtext balance_amount;      /* endpoint balance */
  vtext message;             /* gateway error */
  size_t count;
  const vtext (*balances)[VECTOR_FIELDS];
} response_vector;

#endif
