/* A tiny check harness for the C tests: CHECK keeps going and counts, DONE reports. */
#ifndef PAYNET_TEST_CHECK_H
#define PAYNET_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "paynet_oauth.h"

static int check_failures = 0;
static int check_count = 0;

#define CHECK(cond)                                                              \
  do {                                                                           \
    check_count++;                                                               \
    if (!(cond)) {                                                               \
      check_failures++;                                                          \
      fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);   \
    }                                                                            \
  } while (0)

/* The call must return `expected`; prints both codes and messages otherwise. */
#define CHECK_RESULT(call, expected)                                             \
  do {                                                                           \
    paynet_result check_got_ = (call);                                           \
    check_count++;                                                               \
    if (check_got_ != (paynet_result)(expected)) {                               \
      check_failures++;                                                          \
      fprintf(stderr, "%s:%d: %s returned %u (%s), expected %u (%s)\n", __FILE__, \
              __LINE__, #call, (unsigned)check_got_,                             \
              paynet_result_message(check_got_), (unsigned)(expected),           \
              paynet_result_message(expected));                                  \
    }                                                                            \
  } while (0)

/* `buf` (a paynet_buffer) must hold exactly the `len` bytes at `s`, NUL-terminated. */
#define CHECK_TEXT(buf, s, n)                                                    \
  do {                                                                           \
    check_count++;                                                               \
    if ((buf).len != (n) || memcmp((buf).ptr, (s), (n)) != 0 ||                  \
        (buf).ptr[(n)] != '\0') {                                                \
      check_failures++;                                                          \
      fprintf(stderr, "%s:%d: %s is \"%.*s\", expected \"%.*s\"\n", __FILE__,   \
              __LINE__, #buf, (int)(buf).len, (buf).ptr, (int)(n), (s));         \
    }                                                                            \
  } while (0)

#define CHECK_CSTR(buf, s) CHECK_TEXT(buf, s, strlen(s))

/* Prints the tally; the process exit code. */
static int check_done(const char *name) {
  if (check_failures) {
    fprintf(stderr, "%s: %d of %d checks failed\n", name, check_failures, check_count);
    return 1;
  }
  printf("%s: %d checks passed\n", name, check_count);
  return 0;
}

#endif
