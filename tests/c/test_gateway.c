/* Building the three balance commands' signed requests (for callers with their own HTTP
 * stack) and checking them with the library's verifier; fresh nonces and clock. */
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define S(lit) lit, (sizeof(lit) - 1)
#define KEY "B17A2E5F-0B0C-4C3E-9A8B-0D1E2F3A4B5C"

typedef struct {
  char url_s[512], header_s[1024], body_s[1024];
  paynet_buffer url, header, body;
} built;

static void init(built *b) {
  b->url.ptr = b->url_s;
  b->url.cap = sizeof b->url_s;
  b->header.ptr = b->header_s;
  b->header.cap = sizeof b->header_s;
  b->body.ptr = b->body_s;
  b->body.cap = sizeof b->body_s;
}

static paynet_command command(uint32_t kind, const char *subject, const char *name) {
  paynet_command c;
  c.kind = kind;
  c.gateway = "https://gw.example.com:8443/paynet/api/v2/";
  c.gateway_len = strlen(c.gateway);
  c.subject = subject;
  c.subject_len = strlen(subject);
  c.name = name;
  c.name_len = name ? strlen(name) : 0;
  return c;
}

/* The built request verifies with the control key and the given clock. */
static void check_verifies(const built *b, uint64_t now) {
  CHECK_RESULT(paynet_verify(S("POST"), b->url.ptr, b->url.len, b->body.ptr, b->body.len,
                             b->header.ptr, b->header.len, S(KEY), NULL, 0, now, 300),
               PAYNET_OK);
}

static void three_commands(void) {
  built b;
  paynet_command c;
  init(&b);
  c = command(PAYNET_COMMAND_ENDPOINT_BALANCE, "1234", "Test");
  CHECK_RESULT(paynet_build_request(&c, S("merchant14"), S(KEY), 1686923599u, S("hUx3j2OZ2Jq"),
                                    &b.url, &b.header, &b.body),
               PAYNET_OK);
  CHECK_CSTR(b.url, "https://gw.example.com:8443/paynet/api/v2/get-balance/1234");
  CHECK(strncmp(b.header.ptr, "OAuth realm=\"\",oauth_version=\"1.0\",oauth_consumer_key="
                              "\"merchant14\",oauth_timestamp=\"1686923599\",oauth_nonce="
                              "\"hUx3j2OZ2Jq\",oauth_signature_method=\"HMAC-SHA1\","
                              "oauth_signature=\"", 170) == 0);
  CHECK_CSTR(b.body, "balance-provider=Test&oauth_consumer_key=merchant14&oauth_nonce=hUx3j2OZ2Jq"
                     "&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1686923599"
                     "&oauth_version=1.0");
  check_verifies(&b, 1686923599u);

  c = command(PAYNET_COMMAND_MANAGER_BALANCES, "manager one", NULL);
  CHECK_RESULT(paynet_build_request(&c, S("manager one"), S(KEY), 1686923599u, S("abcdefghijk"),
                                    &b.url, &b.header, &b.body),
               PAYNET_OK);
  CHECK_CSTR(b.url, "https://gw.example.com:8443/paynet/api/v2/get-balance/manager/manager%20one");
  CHECK(strncmp(b.body.ptr, "oauth_consumer_key=manager%20one&", 33) == 0);
  check_verifies(&b, 1686923599u);

  c = command(PAYNET_COMMAND_MERCHANT_BALANCES, "m14", "saa & co");
  CHECK_RESULT(paynet_build_request(&c, S("m14"), S(KEY), 1686923599u, S("abcdefghijk"), &b.url,
                                    &b.header, &b.body),
               PAYNET_OK);
  CHECK_CSTR(b.url, "https://gw.example.com:8443/paynet/api/v2/get-balance/merchant/m14");
  CHECK(strncmp(b.body.ptr, "balance-name=saa%20%26%20co&", 28) == 0);
  check_verifies(&b, 1686923599u);

  /* A preset name works as the gateway. */
  c = command(PAYNET_COMMAND_ENDPOINT_BALANCE, "1234", "Test");
  c.gateway = "payneteasy-sandbox";
  c.gateway_len = strlen(c.gateway);
  CHECK_RESULT(paynet_build_request(&c, S("m14"), S(KEY), 1686923599u, S("abcdefghijk"), &b.url,
                                    &b.header, &b.body),
               PAYNET_OK);
  CHECK(strncmp(b.url.ptr, "https://", 8) == 0);
  check_verifies(&b, 1686923599u);
}

/* Without a nonce and a timestamp: 16 random characters and the clock, different each time. */
static void fresh_nonce_and_clock(void) {
  built a, b;
  paynet_command c = command(PAYNET_COMMAND_ENDPOINT_BALANCE, "1234", "Test");
  const char *na, *nb;
  init(&a);
  init(&b);
  CHECK_RESULT(paynet_build_request(&c, S("m14"), S(KEY), 0, NULL, 0, &a.url, &a.header, &a.body),
               PAYNET_OK);
  CHECK_RESULT(paynet_build_request(&c, S("m14"), S(KEY), 0, NULL, 0, &b.url, &b.header, &b.body),
               PAYNET_OK);
  check_verifies(&a, (uint64_t)time(NULL));
  na = strstr(a.body.ptr, "oauth_nonce=");
  nb = strstr(b.body.ptr, "oauth_nonce=");
  CHECK(na != NULL && nb != NULL);
  if (na && nb) {
    size_t i;
    CHECK(strcspn(na + 12, "&") == 16);
    for (i = 0; i < 16; i++) {
      char ch = na[12 + i];
      CHECK((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'));
    }
    CHECK(strncmp(na, nb, 28) != 0);
  }
  /* With a drawn nonce a too-small header asks for the longest possible header, so a
   * retry with that capacity always fits whatever the new signature looks like. */
  {
    char tiny[4];
    paynet_buffer t = {tiny, sizeof tiny, 0};
    CHECK_RESULT(paynet_build_request(&c, S("m14"), S(KEY), 0, NULL, 0, &a.url, &t, &a.body),
                 PAYNET_BUFFER_TOO_SMALL);
    const char *sig = strstr(a.header.ptr, "oauth_signature=\"") + 17;
    size_t encoded = strcspn(sig, "\"");
    CHECK(t.len == a.header.len - encoded + 3 * 28);
  }
}

/* The 16 nonce characters of a request built now with a drawn nonce, into out[16]. */
static void drawn_nonce(char out[16]) {
  built b;
  paynet_command c = command(PAYNET_COMMAND_ENDPOINT_BALANCE, "1234", "Test");
  const char *n;
  init(&b);
  CHECK_RESULT(paynet_build_request(&c, S("m14"), S(KEY), 0, NULL, 0, &b.url, &b.header, &b.body),
               PAYNET_OK);
  n = strstr(b.body.ptr, "oauth_nonce=");
  CHECK(n != NULL);
  memcpy(out, n ? n + 12 : "????????????????", 16);
}

/* A child forked after the parent drew nonces (the generator's state copied into it)
 * never draws the parent's next nonces: a pre-forking server's workers each sign. */
static void nonces_differ_after_fork(void) {
  enum { N = 4 };
  char parent[N][16], child[N][16];
  int fds[2], status = 0, i, j;
  pid_t pid;
  drawn_nonce(parent[0]); /* the generator is seeded before the fork */
  CHECK(pipe(fds) == 0);
  pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    for (i = 0; i < N; i++) drawn_nonce(child[i]);
    _exit(write(fds[1], child, sizeof child) == (ssize_t)sizeof child ? 0 : 1);
  }
  close(fds[1]);
  for (i = 0; i < N; i++) drawn_nonce(parent[i]);
  CHECK(read(fds[0], child, sizeof child) == (ssize_t)sizeof child);
  close(fds[0]);
  CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
  for (i = 0; i < N; i++)
    for (j = 0; j < N; j++) CHECK(memcmp(parent[i], child[j], 16) != 0);
}

/* No failure detail ever holds the control key, whatever went wrong. */
static void detail_never_shows_the_key(void) {
  static const char secret[] = "SECRET-5b7e-NEVER-SHOWN";
  built b;
  char d_s[1024];
  paynet_buffer d = {d_s, sizeof d_s, 0};
  paynet_command bad[4];
  size_t i;
  char long_name[200];
  init(&b);
  memset(long_name, 'x', sizeof long_name - 1);
  long_name[sizeof long_name - 1] = '\0';
  bad[0] = command(PAYNET_COMMAND_ENDPOINT_BALANCE, "1", NULL);
  bad[1] = command(PAYNET_COMMAND_MANAGER_BALANCES, "", NULL);
  bad[2] = command(PAYNET_COMMAND_MERCHANT_BALANCES, "m", long_name);
  bad[3] = command(9, "m", NULL);
  for (i = 0; i < 4; i++) {
    CHECK_RESULT(paynet_build_request(&bad[i], S("login"), S(secret), 0, NULL, 0, &b.url,
                                      &b.header, &b.body),
                 PAYNET_INVALID_INPUT);
    CHECK_RESULT(paynet_last_error_detail(&d), PAYNET_OK);
    CHECK(d.len > 0);
    CHECK(strstr(d.ptr, "NEVER-SHOWN") == NULL);
  }
  /* An empty login with a key: the detail names the login, not the key. */
  bad[0] = command(PAYNET_COMMAND_ENDPOINT_BALANCE, "1", "Test");
  CHECK_RESULT(paynet_build_request(&bad[0], "", 0, S(secret), 0, NULL, 0, &b.url, &b.header,
                                    &b.body),
               PAYNET_INVALID_INPUT);
  CHECK_RESULT(paynet_last_error_detail(&d), PAYNET_OK);
  CHECK(strstr(d.ptr, "login") != NULL && strstr(d.ptr, "NEVER-SHOWN") == NULL);
}

int main(void) {
  detail_never_shows_the_key();
  three_commands();
  fresh_nonce_and_clock();
  nonces_differ_after_fork();
  return check_done("test_gateway");
}
