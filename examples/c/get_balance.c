/*
 * Gets an endpoint balance and a manager's balances from a PaynetEasy-style gateway with
 * libcurl as the HTTP stack and libpaynet_oauth for signing and reading the answers.
 *
 *   cc get_balance.c $(pkg-config --cflags --libs paynet_oauth libcurl) -o get_balance
 *   PAYNET_GATEWAY=http://127.0.0.1:8080/paynet/api/v2 \
 *   PAYNET_CONTROL_KEY=F9F65098-1111-1111-1111-621611111111 ./get_balance
 *
 * Exit status: 0 when both balances were read and the unknown provider was refused
 * by the gateway (its error-message), 1 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <paynet_oauth.h>

/* The response body, grown as libcurl hands it over. */
typedef struct {
  char *data;
  size_t len;
} body_t;

static size_t on_data(char *ptr, size_t size, size_t n, void *user) {
  body_t *b = (body_t *)user;
  size_t add = size * n;
  char *grown = realloc(b->data, b->len + add + 1);
  if (!grown) return 0; /* libcurl reports a write error */
  memcpy(grown + b->len, ptr, add);
  b->data = grown;
  b->len += add;
  b->data[b->len] = '\0';
  return add;
}

/* Prints the library's message for `r`, with the detail of the last failure if any. */
static void report(const char *what, paynet_result r) {
  char detail[512];
  paynet_buffer d = {detail, sizeof detail, 0};
  if (paynet_last_error_detail(&d) == PAYNET_OK && d.len > 0) {
    fprintf(stderr, "%s: %s: %s\n", what, paynet_result_message(r), detail);
  } else {
    fprintf(stderr, "%s: %s\n", what, paynet_result_message(r));
  }
}

/* Signs `command`, POSTs it with libcurl, parses the answer into `*out`. */
static paynet_result call(const paynet_command *command, const char *login, const char *key,
                          paynet_response **out) {
  char url_s[512], header_s[1024], body_s[1024], auth_line[1100];
  paynet_buffer url = {url_s, sizeof url_s, 0}, header = {header_s, sizeof header_s, 0},
                body = {body_s, sizeof body_s, 0};
  body_t answer = {NULL, 0};
  struct curl_slist *headers = NULL;
  long status = 0;
  CURL *curl;
  CURLcode rc;
  paynet_result r;

  /* timestamp 0: now; nonce NULL: 16 random characters from the OS CSPRNG. */
  r = paynet_build_request(command, login, strlen(login), key, strlen(key), 0, NULL, 0, &url,
                           &header, &body);
  if (r != PAYNET_OK) {
    report("building the request", r);
    return r;
  }
  curl = curl_easy_init();
  if (!curl) return PAYNET_INTERNAL;
  snprintf(auth_line, sizeof auth_line, "Authorization: %s", header_s);
  headers = curl_slist_append(headers, auth_line);
  headers = curl_slist_append(headers, "Content-Type: application/x-www-form-urlencoded");
  curl_easy_setopt(curl, CURLOPT_URL, url_s);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body_s);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)body.len);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    /* The gateway was not reached, or did not answer in time: no HTTP status. */
    fprintf(stderr, "%s: %s\n", url_s, curl_easy_strerror(rc));
    free(answer.data);
    return rc == CURLE_OPERATION_TIMEDOUT ? PAYNET_TIMEOUT : PAYNET_TRANSPORT;
  }
  r = paynet_parse_response(command->kind, (uint16_t)status, answer.data, answer.len, out);
  free(answer.data);
  return r;
}

/* Prints why an answer is not balances (the gateway's message, 403, HTTP status...). */
static void print_error(paynet_response *resp, paynet_result r) {
  char msg[1024];
  paynet_buffer m = {msg, sizeof msg, 0};
  if (resp && paynet_response_error_message(resp, &m) == PAYNET_OK) {
    printf("gateway said: %s\n", msg);
  } else {
    printf("failed: %s\n", paynet_result_message(r));
  }
}

int main(void) {
  const char *gateway = getenv("PAYNET_GATEWAY");
  const char *key = getenv("PAYNET_CONTROL_KEY");
  paynet_command endpoint = {PAYNET_COMMAND_ENDPOINT_BALANCE, NULL, 0, "1", 1, "Test", 4};
  paynet_command manager = {PAYNET_COMMAND_MANAGER_BALANCES, NULL, 0, "BalanceTestManager", 18,
                            NULL, 0};
  paynet_command unknown = endpoint;
  paynet_response *resp = NULL;
  paynet_result r;
  char amount[64], name[256], currency[16];
  paynet_buffer a = {amount, sizeof amount, 0}, n = {name, sizeof name, 0},
                c = {currency, sizeof currency, 0};
  size_t count = 0, i;
  int ok = 1;

  if (!gateway || !key) {
    fprintf(stderr, "set PAYNET_GATEWAY (a URL or preset name) and PAYNET_CONTROL_KEY\n");
    return 1;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  endpoint.gateway = manager.gateway = unknown.gateway = gateway;
  endpoint.gateway_len = manager.gateway_len = unknown.gateway_len = strlen(gateway);

  r = call(&endpoint, "balance_test_merchant14", key, &resp);
  if (r == PAYNET_OK && paynet_response_field(resp, 0, PAYNET_FIELD_BALANCE_AMOUNT, &a) == PAYNET_OK) {
    printf("endpoint 1, provider Test: %s\n", amount);
  } else {
    print_error(resp, r);
    ok = 0;
  }
  paynet_response_free(resp);
  resp = NULL;

  r = call(&manager, "BalanceTestManager", key, &resp);
  if (r == PAYNET_OK && paynet_response_count(resp, &count) == PAYNET_OK) {
    for (i = 0; i < count; i++) {
      if (paynet_response_field(resp, i, PAYNET_FIELD_NAME, &n) == PAYNET_OK &&
          paynet_response_field(resp, i, PAYNET_FIELD_AMOUNT, &a) == PAYNET_OK &&
          paynet_response_field(resp, i, PAYNET_FIELD_CURRENCY, &c) == PAYNET_OK) {
        printf("%s: %s %s\n", name, amount, currency);
      }
    }
  } else {
    print_error(resp, r);
    ok = 0;
  }
  paynet_response_free(resp);
  resp = NULL;

  /* Typed errors: an unknown provider is the gateway's error-message, not a zero balance. */
  unknown.name = "no-such-provider";
  unknown.name_len = strlen(unknown.name);
  r = call(&unknown, "balance_test_merchant14", key, &resp);
  if (r == PAYNET_GATEWAY_ERROR) {
    print_error(resp, r);
  } else {
    printf("unexpected: %s\n", paynet_result_message(r));
    ok = 0;
  }
  paynet_response_free(resp);
  curl_global_cleanup();
  return ok ? 0 : 1;
}
