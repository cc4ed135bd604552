// The types of `paynet-oauth-wasm`, written by hand: every declaration shared with the
// Node addon (`paynet-oauth`, bindings/node/index.d.ts) has the same shape there, which
// `make test-wasm` checks with tsc (test/types/same-as-node.ts assigns each export to
// the Node declaration's type and back). What the Node declarations lack today:
// `commandRequest`, `signCommand` and `Signer#free`, and the
// `Uint8Array` body of `parseResponse` (browsers have no `Buffer`).

/**
 * HMAC-SHA1 keyed once with a consumer secret (the gateway's control key) and a token
 * secret; signs and verifies many requests. Holds no key that JavaScript can see (it stays in WebAssembly memory).
 */
export declare class Signer {
  /** Keys the signer with the consumer secret and the token secret (default empty). */
  constructor(consumerSecret: string, tokenSecret?: string | undefined | null)
  /** Signs one request with this signer's key. */
  sign(request: SignerRequest): SignedRequest
  /** Verifies an incoming request with this signer's key (see `verify`). */
  verify(request: SignerVerifyRequest): Verified
  /**
   * Releases the key's WebAssembly memory now (otherwise a `FinalizationRegistry`
   * does it when the signer is garbage-collected).
   */
  free(): void
}

/**
 * One balance of a manager or merchant. Amounts are decimal strings; optional fields
 * are `null` when the gateway left them out.
 */
export interface Balance {
  /** `name`. */
  name: string
  /** `amount`, short-term hold and rolling reserve included. */
  amount: string
  /** `online-balance-live-amount`: amount minus hold minus reserve. */
  onlineBalanceLiveAmount: string | null
  /** `total-short-term-hold-amount`. */
  totalShortTermHoldAmount: string | null
  /** `total-rolling-reserve-amount`. */
  totalRollingReserveAmount: string | null
  /** `currency`, e.g. `"USD"`. */
  currency: string
  /** `merchantLogin` (manager responses only). */
  merchantLogin: string | null
  /** `externalMerchantIdentifier`. */
  externalMerchantIdentifier: string | null
  /** `amount-buffer-hold`: outgoing operations without a final status. */
  amountBufferHold: string | null
  /** Any other fields the gateway sent. */
  extra: Record<string, string>
}

/**
 * The balance of an endpoint (`getBalance`). Amounts are decimal strings with the
 * digits the gateway sent, never JavaScript numbers.
 */
export interface EndpointBalance {
  /** `balance-amount`, e.g. `"29.99"`. */
  balanceAmount: string
  /** Any other fields the gateway sent. */
  extra: Record<string, string>
}

/**
 * Reads a gateway response to `command` (`"get-balance"`, `"get-balance/manager"` or
 * `"get-balance/merchant"`): an `EndpointBalance` for the first, an array of `Balance`
 * for the others. Throws an `Error` with `code` `PAYNET_GATEWAY_ERROR` (an
 * `error-message`), `PAYNET_ACCESS_DENIED` (403), `PAYNET_HTTP_ERROR` (another status)
 * or `PAYNET_UNEXPECTED_RESPONSE` (anything else, never read as zero).
 */
export declare function parseResponse(command: string, status: number, body: string | Uint8Array): EndpointBalance | Array<Balance>

/**
 * Signs one request (OAuth 1.0a, HMAC-SHA1). Throws an `Error` with a `code`
 * (`PAYNET_INVALID_INPUT`, `PAYNET_MALFORMED_URL`, …) for bad input.
 */
export declare function sign(request: SignRequest): SignedRequest

/** A signed request: what to send, and (to debug a 403) what was signed. Holds no secret. */
export interface SignedRequest {
  /** The normalized parameters (encoded, sorted, joined with `&`). */
  normalizedParameters: string
  /** The signature base string that was signed. */
  baseString: string
  /** The base64 HMAC-SHA1 signature. */
  signature: string
  /** The `Authorization` header value: `OAuth realm="",oauth_version="1.0",…`. */
  authorizationHeader: string
  /**
   * The one-line `application/x-www-form-urlencoded` body: the form parameters and
   * the `oauth_*` values, encoded and sorted.
   */
  body: string
  /** `oauth_timestamp` as sent. */
  timestamp: string
  /** `oauth_nonce` as sent. */
  nonce: string
}

/** What `Signer#sign` needs: a `SignRequest` without the secrets. */
export interface SignerRequest {
  /** The HTTP method, e.g. `POST`. */
  method: string
  /** The absolute request URL; its query parameters are signed too. */
  url: string
  /** The form parameters: an object of strings or an array of `[name, value]` pairs. */
  params?: Record<string, string> | Array<[string, string]> | Map<string, string>
  /** `oauth_consumer_key`: the gateway login. */
  consumerKey: string
  /** `oauth_timestamp` in Unix seconds; default now. */
  timestamp?: number | string
  /** `oauth_nonce`; default 16 random characters of `[A-Za-z0-9]` from a CSPRNG. */
  nonce?: string
  /** `oauth_token`. */
  token?: string
  /** `oauth_version`; default `"1.0"`; `null` leaves it out. */
  version?: string | null
  /** The header's `realm` (not signed); default empty. */
  realm?: string
  /** Further `oauth_*` protocol parameters. */
  oauthExtra?: Record<string, string> | Array<[string, string]> | Map<string, string>
}

/** What `Signer#verify` needs: a `VerifyRequest` without the secrets. */
export interface SignerVerifyRequest {
  /** The HTTP method. */
  method: string
  /** The absolute request URL. */
  url: string
  /** The raw form body. */
  body: string
  /** The `Authorization` header value. */
  authorizationHeader: string
  /** The server's Unix time in seconds; default now. */
  now?: number
  /** The accepted clock skew in seconds; default 300. */
  window?: number
}

/** What `sign` needs (TypeScript shape; the values are read field by field). */
export interface SignRequest {
  /** The HTTP method, e.g. `POST`. */
  method: string
  /** The absolute request URL; its query parameters are signed too. */
  url: string
  /**
   * The form parameters: an object of strings or an array of `[name, value]` pairs
   * (repeated names allowed).
   */
  params?: Record<string, string> | Array<[string, string]> | Map<string, string>
  /** `oauth_consumer_key`: the gateway login. */
  consumerKey: string
  /** The consumer secret: the gateway's control key. */
  consumerSecret: string
  /** `oauth_timestamp` in Unix seconds; default now. */
  timestamp?: number | string
  /** `oauth_nonce`; default 16 random characters of `[A-Za-z0-9]` from a CSPRNG. */
  nonce?: string
  /** `oauth_token` (three-legged OAuth; the gateway does not use it). */
  token?: string
  /** The token secret; default empty. */
  tokenSecret?: string
  /** `oauth_version`; default `"1.0"`; `null` leaves it out. */
  version?: string | null
  /** The header's `realm` (not signed); default empty. */
  realm?: string
  /** Further `oauth_*` protocol parameters (`oauth_callback`, `oauth_verifier`). */
  oauthExtra?: Record<string, string> | Array<[string, string]> | Map<string, string>
}

/** What a successful verification established. */
export interface Verified {
  /** `oauth_consumer_key` (the login), decoded. */
  consumerKey: string
  /** `oauth_nonce`, decoded (keep it for the window to refuse replays). */
  nonce: string
  /** `oauth_timestamp` in Unix seconds. */
  timestamp: number
  /** `oauth_token`, decoded, when the request had one. */
  token?: string
}

/**
 * Verifies a signed request: the signature (compared in constant time), the body's
 * copies of the `oauth_*` values and the timestamp window. Returns what it
 * established, or throws an `Error` whose `code` says what failed
 * (`PAYNET_SIGNATURE_MISMATCH`, `PAYNET_TIMESTAMP_OUT_OF_WINDOW`, …).
 */
export declare function verify(request: VerifyRequest): Verified

/** What `verify` needs: the request as the server received it and the secrets. */
export interface VerifyRequest {
  /** The HTTP method. */
  method: string
  /** The absolute request URL (scheme and host as the client addressed them). */
  url: string
  /** The raw `application/x-www-form-urlencoded` body. */
  body: string
  /** The `Authorization` header value. */
  authorizationHeader: string
  /** The consumer secret (the control key of the consumer key in the header). */
  consumerSecret: string
  /** The token secret; default empty. */
  tokenSecret?: string
  /** The server's Unix time in seconds; default now. */
  now?: number
  /** The accepted clock skew in seconds; default 300. */
  window?: number
}

/**
 * `text` percent-encoded as OAuth 1.0a wants it: RFC 3986 unreserved characters kept,
 * every other UTF-8 byte as `%XX` (upper-case hex).
 */
export declare function percentEncode(text: string): string

/** What `commandRequest` needs: one balance command on one gateway. */
export interface CommandArgs {
  /** A preset (`payneteasy-sandbox`, `payneteasy-production`) or a base URL. */
  gateway: string
  /** `get-balance`, `get-balance/manager` or `get-balance/merchant`. */
  command: string
  /** The endpoint id (`get-balance`) or the manager's or merchant's login. */
  subject: string
  /** The balance provider (required for `get-balance`) or the balance name. */
  name?: string
}

/** The request of a balance command, ready for `sign`. */
export interface CommandRequest {
  /** Always `POST`. */
  method: string
  /** The full URL on the gateway, its variable segment percent-encoded. */
  url: string
  /** The form parameters as `[name, value]` pairs. */
  params: Array<[string, string]>
}

/**
 * The method, URL and form of a balance command on a gateway (what the Request
 * Builder signs); throws `PAYNET_INVALID_INPUT` for an unknown preset, a malformed URL
 * or a missing parameter. WebAssembly build only.
 */
export declare function commandRequest(args: CommandArgs): CommandRequest

/** What `signCommand` needs: a balance command, the credentials and, for tests, the time. */
export interface SignCommandArgs extends CommandArgs {
  /** The login (`oauth_consumer_key`): 1 to 256 characters. */
  login: string
  /** The control key; the white space around it is dropped, an empty one refused. */
  controlKey: string
  /** `oauth_timestamp` in Unix seconds; default now. */
  timestamp?: number | string
  /** `oauth_nonce`; default 16 random characters of `[A-Za-z0-9]` from a CSPRNG. */
  nonce?: string
}

/** A signed balance command: `sign`'s result with the request's method and URL. */
export interface SignedCommand extends SignedRequest {
  /** Always `POST`. */
  method: string
  /** The full URL on the gateway. */
  url: string
}

/**
 * A balance command signed as the clients sign it: the login checked and the control
 * key read as every client reads it (white space around it dropped, an empty one
 * refused), so the result is what the SDK sends (the Request Builder shows it). Throws
 * `PAYNET_INVALID_INPUT` for what `commandRequest` refuses, an empty or too long login
 * and an empty control key. WebAssembly build only.
 */
export declare function signCommand(args: SignCommandArgs): SignedCommand

/** The `code` of every error this package throws; `errorKinds()` lists them at run time. */
export type PaynetErrorCode =
  | 'PAYNET_BUFFER_TOO_SMALL'
  | 'PAYNET_TOO_MANY_PARAMETERS'
  | 'PAYNET_MALFORMED_URL'
  | 'PAYNET_INVALID_METHOD'
  | 'PAYNET_INVALID_PERCENT_ENCODING'
  | 'PAYNET_MALFORMED_HEADER'
  | 'PAYNET_MISSING_OAUTH_PARAMETER'
  | 'PAYNET_DUPLICATE_OAUTH_PARAMETER'
  | 'PAYNET_UNSUPPORTED_SIGNATURE_METHOD'
  | 'PAYNET_UNSUPPORTED_VERSION'
  | 'PAYNET_OAUTH_PARAMETER_MISMATCH'
  | 'PAYNET_INVALID_TIMESTAMP'
  | 'PAYNET_TIMESTAMP_OUT_OF_WINDOW'
  | 'PAYNET_SIGNATURE_MISMATCH'
  | 'PAYNET_WRITE_FAILED'
  | 'PAYNET_INVALID_PARAMETER'
  | 'PAYNET_NULL_ARGUMENT'
  | 'PAYNET_INVALID_UTF8'
  | 'PAYNET_PANIC'
  | 'PAYNET_INVALID_INPUT'
  | 'PAYNET_FIELD_ABSENT'
  | 'PAYNET_INTERNAL'
  | 'PAYNET_GATEWAY_ERROR'
  | 'PAYNET_ACCESS_DENIED'
  | 'PAYNET_HTTP_ERROR'
  | 'PAYNET_UNEXPECTED_RESPONSE'
  | 'PAYNET_RESPONSE_TOO_LARGE'
  | 'PAYNET_TIMEOUT'
  | 'PAYNET_TRANSPORT'

/** One row of the error-kind table. */
export interface ErrorKindInfo {
  /** The stable `code` of the errors of this kind (the C constant's name). */
  code: PaynetErrorCode
  /** The C library's `paynet_result` value. */
  number: number
  /** A short English description. */
  summary: string
}

/** Every error kind of the SDK (the `code`s an error may carry), in number order. */
export declare function errorKinds(): Array<ErrorKindInfo>

/** What `signForm` needs: the request as the caller's HTTP stack will send it. */
export interface FormRequest {
  /** The HTTP method, e.g. `POST`. */
  method: string
  /** The absolute URL; its query is signed and stays in the URL. */
  url: string
  /** The `application/x-www-form-urlencoded` body the caller built (may be empty). */
  body: string | URLSearchParams | Uint8Array
  /** The body's `Content-Type`, if the caller set one: it must be the form type. */
  contentType?: string
  /** The login (`oauth_consumer_key`). */
  login: string
  /** The control key (the consumer secret). */
  controlKey: string
  /** `oauth_timestamp` in Unix seconds; default now. */
  timestamp?: number | string
  /** `oauth_nonce`; default a fresh random one. */
  nonce?: string
}

/** What to send in place of the caller's headers and body. */
export interface SignedForm {
  /** The `Authorization` header value. */
  authorization: string
  /** The body to send: the caller's fields and the `oauth_*` values, encoded and sorted. */
  body: string
  /** The `Content-Type` to send. */
  contentType: string
}

/**
 * Signs a form request for the caller's own HTTP stack (`fetch`): send the
 * `authorization` header, `body` and `contentType` it returns.
 */
export declare function signForm(request: FormRequest): SignedForm

/** The options of a `Client` call. */
export interface CallOptions {
  /** Aborting it rejects the call with the signal's reason (an `AbortError`) and drops the request. */
  signal?: AbortSignal
}

/** What `getBalance` needs. */
export interface GetBalanceArgs {
  /** The endpoint id. */
  endpointId: string | number
  /** The balance provider, e.g. `"Test"`. */
  provider: string
}

/** What `getManagerBalances` and `getMerchantBalances` need. */
export interface BalancesArgs {
  /** The manager's or merchant's login. */
  login: string
  /** Only the balance of this name; default all of them. */
  name?: string
}

/** What `new Client(...)` needs; any other key is refused (`PAYNET_INVALID_INPUT`, naming it). */
export interface ClientOptions {
  /**
   * The gateway: a base URL (`https://host/paynet/api/v2`) or a preset name
   * (`payneteasy-sandbox`, `payneteasy-production`).
   */
  gateway: string
  /** The login (OAuth consumer key) of the merchant or manager. */
  login: string
  /** The control key (OAuth consumer secret). Kept in WebAssembly memory only. */
  controlKey: string
  /** How long one attempt may take, in milliseconds; default 30000. */
  timeoutMs?: number
  /**
   * How long connecting may take, in milliseconds. On `fetch`, which cannot tell when
   * it has connected: how long the response's status and headers may take (connecting,
   * TLS, sending, the gateway's first answer); left out, only `timeoutMs` applies.
   */
  connectTimeoutMs?: number
  /**
   * How many times a connection failure before any response is retried (each
   * retry signed anew); default 2.
   */
  retries?: number
  /** Allow a plain `http://` gateway off the loopback interface; default false. */
  allowHttp?: boolean
  /**
   * The largest response body read, in bytes; default 1048576 (1 MiB). A larger
   * answer is abandoned as it passes the cap: `PAYNET_RESPONSE_TOO_LARGE`.
   */
  maxResponseBytes?: number
}

/**
 * A client for one gateway and one set of credentials, over the runtime's global
 * `fetch` (Deno, workers, Node 20+; a browser meets CORS: the gateway sends no CORS
 * headers). Its methods return a promise whatever their arguments: every failure, a bad
 * argument included (`PAYNET_INVALID_INPUT`), rejects it; none throws. The control key
 * stays in WebAssembly memory (`util.inspect` shows the gateway and the login only).
 */
export declare class Client {
  /** Checks the options and builds the client (no connection is made yet). */
  constructor(options: ClientOptions)
  /** The gateway's base URL. */
  get gateway(): string
  /** The login (OAuth consumer key). */
  get login(): string
  /** The balance of an endpoint for a balance provider (`/get-balance/{endpointId}`). */
  getBalance(args: GetBalanceArgs, options?: CallOptions): Promise<EndpointBalance>
  /** A manager's balances, all of them or the one named (`/get-balance/manager/{login}`). */
  getManagerBalances(args: BalancesArgs, options?: CallOptions): Promise<Array<Balance>>
  /** A merchant's balances, all of them or the one named (`/get-balance/merchant/{login}`). */
  getMerchantBalances(args: BalancesArgs, options?: CallOptions): Promise<Array<Balance>>
}

declare const paynet: {
  sign: typeof sign
  Signer: typeof Signer
  verify: typeof verify
  percentEncode: typeof percentEncode
  parseResponse: typeof parseResponse
  signForm: typeof signForm
  errorKinds: typeof errorKinds
  commandRequest: typeof commandRequest
  signCommand: typeof signCommand
  Client: typeof Client
}
export default paynet
