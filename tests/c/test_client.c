/* The blocking client against a real `paynet mock` (PAYNET_GATEWAY and
 * PAYNET_CONTROL_KEY are set by tools/demo/run_with_mock.sh): the three commands, what
 * the gateway and the network can do (each a code and a response to read), bad
 * settings, and one client shared by several threads. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define S(lit) lit, (sizeof(lit) - 1)
#define MERCHANT "balance_test_merchant14"
#define MANAGER "BalanceTestManager"

static const char *GATEWAY, *KEY;

static paynet_client *client_for(const char *gateway, const char *login, const char *key,
                                 const paynet_client_options *options) {
  paynet_client *c = NULL;
  CHECK_RESULT(paynet_client_new(gateway, strlen(gateway), login, strlen(login), key, strlen(key),
                                 options, &c),
               PAYNET_OK);
  return c;
}

static paynet_client_options defaults(void) {
  paynet_client_options o;
  memset(&o, 0, sizeof o);
  o.retries = -1;
  return o;
}

/* Field `field` of balance `index` must be `want`. */
static void check_field(const paynet_response *r, size_t index, uint32_t field, const char *want) {
  char s[256];
  paynet_buffer out = {s, sizeof s, 0};
  CHECK_RESULT(paynet_response_field(r, index, field, &out), PAYNET_OK);
  CHECK_CSTR(out, want);
}

/* The response's outcome, status and count must be these. */
static void check_outcome(const paynet_response *r, paynet_result code, uint16_t status,
                          size_t count) {
  paynet_result got = PAYNET_PANIC;
  uint16_t got_status = 999;
  size_t got_count = 999;
  CHECK_RESULT(paynet_response_outcome(r, &got, &got_status), PAYNET_OK);
  CHECK(got == code);
  CHECK(got_status == status);
  CHECK_RESULT(paynet_response_count(r, &got_count), PAYNET_OK);
  CHECK(got_count == count);
}

/* The error message of `r` must contain `part`. */
static void check_message(const paynet_response *r, const char *part) {
  char s[512];
  paynet_buffer out = {s, sizeof s, 0};
  CHECK_RESULT(paynet_response_error_message(r, &out), PAYNET_OK);
  CHECK(strstr(s, part) != NULL);
  if (!strstr(s, part)) fprintf(stderr, "  message: %s\n", s);
}

static void three_commands(void) {
  paynet_client *merchant = client_for(GATEWAY, MERCHANT, KEY, NULL);
  paynet_client *manager = client_for(GATEWAY, MANAGER, KEY, NULL);
  paynet_response *r = NULL;
  if (!merchant || !manager) return;
  CHECK_RESULT(paynet_client_get_balance(merchant, S("1"), S("Test"), &r), PAYNET_OK);
  check_outcome(r, PAYNET_OK, 200, 1);
  check_field(r, 0, PAYNET_FIELD_BALANCE_AMOUNT, "29.99");
  paynet_response_free(r);
  r = NULL;
  CHECK_RESULT(paynet_client_get_manager_balances(manager, S(MANAGER), S("saa"), &r), PAYNET_OK);
  check_outcome(r, PAYNET_OK, 200, 1);
  check_field(r, 0, PAYNET_FIELD_NAME, "saa");
  check_field(r, 0, PAYNET_FIELD_AMOUNT, "219.500");
  check_field(r, 0, PAYNET_FIELD_CURRENCY, "USD");
  check_field(r, 0, PAYNET_FIELD_MERCHANT_LOGIN, MERCHANT);
  paynet_response_free(r);
  r = NULL;
  CHECK_RESULT(paynet_client_get_merchant_balances(merchant, S(MERCHANT), NULL, 0, &r), PAYNET_OK);
  check_outcome(r, PAYNET_OK, 200, 1);
  check_field(r, 0, PAYNET_FIELD_ONLINE_BALANCE_LIVE_AMOUNT, "219.500");
  paynet_response_free(r);
  r = NULL;
  /* The gateway's error-message: a code and a response that says it. */
  CHECK_RESULT(paynet_client_get_balance(merchant, S("1"), S("no-such-provider"), &r),
               PAYNET_GATEWAY_ERROR);
  check_outcome(r, PAYNET_GATEWAY_ERROR, 200, 0);
  check_message(r, "Unknown balance provider no-such-provider");
  paynet_response_free(r);
  r = NULL;
  /* Bad arguments: no request, no response. */
  CHECK_RESULT(paynet_client_get_balance(merchant, S(""), S("Test"), &r), PAYNET_INVALID_INPUT);
  CHECK(r == NULL);
  CHECK_RESULT(paynet_client_get_manager_balances(manager, S(MANAGER), NULL, 3, &r),
               PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_client_get_balance(NULL, S("1"), S("Test"), &r), PAYNET_NULL_ARGUMENT);
  CHECK_RESULT(paynet_client_get_balance(merchant, S("1"), S("Test"), NULL), PAYNET_NULL_ARGUMENT);
  CHECK(r == NULL);
  paynet_client_free(merchant);
  paynet_client_free(manager);
}

/* A loopback port with a listening socket that never answers (`listening` non-zero),
 * or a port nothing listens on; `*fd` is the socket to close afterwards (or -1). */
static int loopback_port(int listening, int *fd) {
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 ||
      getsockname(s, (struct sockaddr *)&a, &len) != 0 || (listening && listen(s, 8) != 0)) {
    CHECK(!"a loopback socket");
  }
  if (!listening) {
    close(s);
    s = -1;
  }
  *fd = s;
  return ntohs(a.sin_port);
}

/* What the gateway and the network can do besides answering: each a code, and a
 * response whose error message says it. */
static void failures(void) {
  paynet_client_options o = defaults();
  paynet_response *r = NULL;
  paynet_client *c = client_for(GATEWAY, MERCHANT, "wrong-key", NULL);
  char gateway[128];
  int fd, port;
  char body_s[512];
  paynet_buffer body = {body_s, sizeof body_s, 0};
  CHECK_RESULT(paynet_client_get_balance(c, S("1"), S("Test"), &r), PAYNET_ACCESS_DENIED);
  check_outcome(r, PAYNET_ACCESS_DENIED, 403, 0);
  check_message(r, "access denied");
  CHECK_RESULT(paynet_response_error_body(r, &body), PAYNET_OK);
  paynet_response_free(r);
  r = NULL;
  paynet_client_free(c);

  o.max_response_bytes = 10;
  c = client_for(GATEWAY, MANAGER, KEY, &o);
  CHECK_RESULT(paynet_client_get_manager_balances(c, S(MANAGER), NULL, 0, &r),
               PAYNET_RESPONSE_TOO_LARGE);
  check_outcome(r, PAYNET_RESPONSE_TOO_LARGE, 0, 0);
  check_message(r, "limit of 10 bytes");
  paynet_response_free(r);
  r = NULL;
  paynet_client_free(c);

  o = defaults();
  o.retries = 0;
  port = loopback_port(0, &fd);
  snprintf(gateway, sizeof gateway, "http://127.0.0.1:%d/paynet/api/v2", port);
  c = client_for(gateway, MERCHANT, KEY, &o);
  CHECK_RESULT(paynet_client_get_balance(c, S("1"), S("Test"), &r), PAYNET_TRANSPORT);
  check_outcome(r, PAYNET_TRANSPORT, 0, 0);
  check_message(r, "cannot reach the gateway");
  paynet_response_free(r);
  r = NULL;
  paynet_client_free(c);

  o.timeout_ms = 300;
  port = loopback_port(1, &fd);
  snprintf(gateway, sizeof gateway, "http://127.0.0.1:%d/paynet/api/v2", port);
  c = client_for(gateway, MERCHANT, KEY, &o);
  CHECK_RESULT(paynet_client_get_balance(c, S("1"), S("Test"), &r), PAYNET_TIMEOUT);
  check_outcome(r, PAYNET_TIMEOUT, 0, 0);
  paynet_response_free(r);
  paynet_client_free(c);
  close(fd);
}

/* Bad settings: refused with the reason, and never with the key in it. */
static void bad_settings(void) {
  static const char secret[] = "SECRET-5b7e-NEVER-SHOWN";
  paynet_client_options o = defaults();
  paynet_client *c = NULL;
  char d_s[512];
  paynet_buffer d = {d_s, sizeof d_s, 0};
  CHECK_RESULT(paynet_client_new(S("payneteasy-sandbx"), S(MERCHANT), S(secret), NULL, &c),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&d), PAYNET_OK);
  CHECK(strstr(d_s, "did you mean") != NULL && strstr(d_s, "NEVER-SHOWN") == NULL);
  CHECK_RESULT(paynet_client_new(S("http://gate.example.com/paynet/api/v2"), S(MERCHANT),
                                 S(secret), NULL, &c),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&d), PAYNET_OK);
  CHECK(strstr(d_s, "refusing plain http://") != NULL);
  o.flags = PAYNET_ALLOW_HTTP;
  CHECK_RESULT(paynet_client_new(S("http://gate.example.com/paynet/api/v2"), S(MERCHANT),
                                 S(secret), &o, &c),
               PAYNET_OK);
  paynet_client_free(c);
  c = NULL;
  o.flags = 2;
  CHECK_RESULT(paynet_client_new(S("payneteasy-sandbox"), S(MERCHANT), S(secret), &o, &c),
               PAYNET_INVALID_INPUT);
  o = defaults();
  o.timeout_ms = UINT64_MAX;
  CHECK_RESULT(paynet_client_new(S("payneteasy-sandbox"), S(MERCHANT), S(secret), &o, &c),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&d), PAYNET_OK);
  CHECK(strstr(d_s, "timeout_ms") != NULL);
  CHECK_RESULT(paynet_client_new(S("payneteasy-sandbox"), "", 0, S(secret), NULL, &c),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_client_new(S("payneteasy-sandbox"), S(MERCHANT), "", 0, NULL, &c),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_client_new(S("payneteasy-sandbox"), S(MERCHANT), S(secret), NULL, NULL),
               PAYNET_NULL_ARGUMENT);
  CHECK(c == NULL);
  paynet_client_free(NULL);
}

#define THREADS 4
#define CALLS 5

/* One thread's calls on the shared client: how many gave 29.99. */
static void *worker(void *arg) {
  paynet_client *c = (paynet_client *)arg;
  size_t i, ok = 0;
  for (i = 0; i < CALLS; i++) {
    paynet_response *r = NULL;
    char s[64];
    paynet_buffer out = {s, sizeof s, 0};
    if (paynet_client_get_balance(c, S("1"), S("Test"), &r) == PAYNET_OK &&
        paynet_response_field(r, 0, PAYNET_FIELD_BALANCE_AMOUNT, &out) == PAYNET_OK &&
        strcmp(s, "29.99") == 0) {
      ok++;
    }
    paynet_response_free(r);
  }
  return (void *)ok;
}

static void shared_between_threads(void) {
  paynet_client *c = client_for(GATEWAY, MERCHANT, KEY, NULL);
  pthread_t t[THREADS];
  size_t i, ok = 0;
  for (i = 0; i < THREADS; i++) CHECK(pthread_create(&t[i], NULL, worker, c) == 0);
  for (i = 0; i < THREADS; i++) {
    void *n = NULL;
    CHECK(pthread_join(t[i], &n) == 0);
    ok += (size_t)n;
  }
  CHECK(ok == THREADS * CALLS);
  paynet_client_free(c);
}

#define CHILDREN 3
#define FORK_CALLS 20

/* One call on `c`: 1 when it gave 29.99. */
static size_t balance_ok(const paynet_client *c) {
  paynet_response *r = NULL;
  char s[64];
  paynet_buffer out = {s, sizeof s, 0};
  size_t ok = paynet_client_get_balance(c, S("1"), S("Test"), &r) == PAYNET_OK &&
              paynet_response_field(r, 0, PAYNET_FIELD_BALANCE_AMOUNT, &out) == PAYNET_OK &&
              strcmp(s, "29.99") == 0;
  paynet_response_free(r);
  return ok;
}

/* A pre-forking server: the parent makes the client and uses it (a keep-alive
 * connection in its pool), then children forked from it call at the same time as the
 * parent. Each process must get its own connections: shared ones would hand one
 * process another's answer and leave the other waiting until its timeout. */
static paynet_client *SHARED;

static void forked_children(void) {
  paynet_client_options o = defaults();
  pid_t kids[CHILDREN];
  size_t i, ok = 0;
  o.timeout_ms = 5000;
  o.retries = 0;
  SHARED = client_for(GATEWAY, MERCHANT, KEY, &o);
  if (!SHARED) return;
  alarm(90); /* likewise the parent (SIGALRM ends the test: a failure) */
  CHECK(balance_ok(SHARED) == 1);
  for (i = 0; i < CHILDREN; i++) {
    kids[i] = fork();
    if (kids[i] == 0) {
      size_t n, child_ok = 0;
      alarm(60); /* a child waiting on an answer another process took must not hang */
      for (n = 0; n < FORK_CALLS; n++) child_ok += balance_ok(SHARED);
      if (i == 0) {
        /* One child ends as a program does: frees the client and exits normally, so
         * that LeakSanitizer (and valgrind) check it at exit. What it inherited from
         * the parent must be held reachable, not reported as lost. */
        paynet_client_free(SHARED);
        exit(child_ok == FORK_CALLS ? 0 : 1);
      }
      _exit(child_ok == FORK_CALLS ? 0 : 1);
    }
    CHECK(kids[i] > 0);
  }
  for (i = 0; i < FORK_CALLS; i++) ok += balance_ok(SHARED);
  CHECK(ok == FORK_CALLS);
  for (i = 0; i < CHILDREN; i++) {
    int status = -1;
    CHECK(kids[i] > 0 && waitpid(kids[i], &status, 0) == kids[i]);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  alarm(0);
  paynet_client_free(SHARED);
}

int main(void) {
  GATEWAY = getenv("PAYNET_GATEWAY");
  KEY = getenv("PAYNET_CONTROL_KEY");
  if (!GATEWAY || !KEY) {
    fprintf(stderr, "test_client: run it with tools/demo/run_with_mock.sh (PAYNET_GATEWAY and "
                    "PAYNET_CONTROL_KEY of a paynet mock)\n");
    return 1;
  }
  three_commands();
  failures();
  bad_settings();
  shared_between_threads();
  forked_children();
  return check_done("test_client");
}
