// The Request Builder's logic. build.mjs puts it in the page's one module script after
// the wasm-bindgen glue of the page's build of paynet-oauth-wasm (which defines
// initSync, sign, Signer, percentEncode, commandRequest, signCommand) and
// WASM_GZIP_BASE64 (the .wasm, gzipped then base64: a third of the size of base64
// alone), so the page needs no other file and no fetch, and works from file:// as from
// a server.

const gzipped = Uint8Array.from(atob(WASM_GZIP_BASE64), (c) => c.charCodeAt(0))
const unzipped = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'))
initSync({ module: await new Response(unzipped).arrayBuffer() })

// The package's functions, for the tests (and a curious console).
globalThis.paynet = { sign, Signer, percentEncode, commandRequest, signCommand }

const $ = (id) => document.getElementById(id)

const SUBJECT = {
  'get-balance': ['Endpoint id', 'Balance provider', 'e.g. Test'],
  'get-balance/manager': ['Manager login', 'Balance name (optional)', 'all balances when empty'],
  'get-balance/merchant': ['Merchant login', 'Balance name (optional)', 'all balances when empty'],
}

function showCommandFields() {
  const [subject, name, hint] = SUBJECT[$('command').value]
  $('subject-label').textContent = subject
  $('name-label').textContent = name
  $('name').placeholder = hint
  $('gateway-url-label').hidden = $('gateway').value !== 'custom'
}

/** `text` as one single-quoted shell word. */
function shellQuote(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

function curlOf(signed) {
  return [
    `curl -X ${signed.method} ${shellQuote(signed.url)}`,
    `  -H ${shellQuote(`Authorization: ${signed.authorizationHeader}`)}`,
    `  -H 'Content-Type: application/x-www-form-urlencoded'`,
    `  --data-raw ${shellQuote(signed.body)}`,
  ].join(' \\\n')
}

let last = null

function build(event) {
  event?.preventDefault()
  const error = $('error')
  error.hidden = true
  try {
    const gateway = $('gateway').value === 'custom' ? $('gateway-url').value : $('gateway').value
    // Signed as the clients sign: the login checked, the control key read by the
    // control-key rule (white space around it dropped, an empty one refused).
    const signed = signCommand({
      gateway,
      command: $('command').value,
      subject: $('subject').value,
      name: $('name').value,
      login: $('login').value,
      controlKey: $('key').value,
      timestamp: $('timestamp').value.trim() || undefined,
      nonce: $('nonce').value || undefined,
    })
    last = {
      'out-normalized': signed.normalizedParameters,
      'out-base': signed.baseString,
      'out-signature': signed.signature,
      'out-header': signed.authorizationHeader,
      'out-body': signed.body,
      'out-curl': curlOf(signed),
    }
  } catch (e) {
    last = null
    error.textContent = e.code ? `${e.code}: ${e.message}` : String(e)
    error.hidden = false
  }
  for (const id of ['out-normalized', 'out-base', 'out-signature', 'out-header', 'out-body', 'out-curl']) {
    $(id).textContent = last ? last[id] : ''
  }
  compare()
}

/** The output a pasted text is most likely a copy of: the one sharing the longest start. */
function counterpart(theirs) {
  let best = null
  let bestLen = -1
  for (const id of ['out-signature', 'out-base', 'out-normalized', 'out-header', 'out-body']) {
    const ours = last[id]
    let n = 0
    while (n < ours.length && n < theirs.length && ours[n] === theirs[n]) n++
    const score = n + (theirs.length === ours.length ? 0.5 : 0)
    if (score > bestLen) {
      best = id
      bestLen = score
    }
  }
  return best
}

const NAMES = {
  'out-signature': 'signature',
  'out-base': 'base string',
  'out-normalized': 'normalized parameters',
  'out-header': 'Authorization header',
  'out-body': 'body',
}

/** Shows `text` in `pre` with everything from `at` on marked, the character at `at` most. */
function showMarked(pre, label, text, at) {
  pre.replaceChildren(document.createTextNode(`${label}: ${text.slice(0, at)}`))
  if (at < text.length) {
    const first = document.createElement('mark')
    first.className = 'at'
    first.textContent = text[at]
    const rest = document.createElement('mark')
    rest.textContent = text.slice(at + 1)
    pre.append(first, rest)
  }
}

/**
 * The pasted text as this page writes its outputs: without a leading `Authorization:`
 * (as `paynet sign` and curl lines show the header), and a signature pasted as the
 * header carries it (percent-encoded) decoded.
 */
function asPasted(text) {
  const t = text.trim().replace(/^authorization:\s*/i, '')
  if (t.includes('%') && /^[A-Za-z0-9%]+$/.test(t)) {
    try {
      const decoded = decodeURIComponent(t)
      if (decoded.length === 28) return decoded
    } catch {
      // Not an encoded signature: compared as it is.
    }
  }
  return t
}

/** The `name="value"` pairs of an OAuth Authorization header, or null for other text. */
function headerParams(text) {
  if (!/^OAuth\s/i.test(text)) return null
  const params = new Map()
  for (const [, name, value] of text.matchAll(/([A-Za-z0-9_]+)\s*=\s*"([^"]*)"/g)) {
    params.set(name, value)
  }
  return params
}

/**
 * An OAuth header compared by its values (libraries order and space the pairs
 * differently): the verdict, or null when the pasted text is no header.
 */
function compareHeaders(theirs, ours) {
  const pasted = headerParams(theirs)
  if (!pasted) return null
  const here = headerParams(ours)
  const read = (params, name) => {
    const value = params.get(name)
    try {
      return value === undefined ? undefined : decodeURIComponent(value)
    } catch {
      return value
    }
  }
  const names = [...new Set([...here.keys(), ...pasted.keys()])].filter((n) => n !== 'realm')
  const differ = names.filter((n) => read(pasted, n) !== read(here, n))
  if (differ.length === 0) {
    return { same: true, text: "Same values and signature as this page's Authorization header (written in another order or spacing)." }
  }
  const show = (v) => (v === undefined ? 'missing' : `"${v}"`)
  const each = differ.map((n) => `${n} (pasted ${show(read(pasted, n))}, here ${show(read(here, n))})`)
  return { same: false, text: `The Authorization header differs from this page's in ${each.join(', ')}.` }
}

function compare() {
  const theirs = asPasted($('theirs').value)
  const verdict = $('verdict')
  verdict.className = ''
  $('diff-theirs').replaceChildren()
  $('diff-ours').replaceChildren()
  if (!theirs || !last) {
    verdict.textContent = theirs ? 'Sign first, then compare.' : ''
    return
  }
  const id = counterpart(theirs)
  const ours = last[id]
  if (ours === theirs) {
    verdict.textContent = `Identical to this page's ${NAMES[id]}.`
    verdict.className = 'same'
    return
  }
  const byValues = compareHeaders(theirs, last['out-header'])
  if (byValues) {
    verdict.textContent = byValues.text
    verdict.className = byValues.same ? 'same' : 'differs'
    return
  }
  let at = 0
  while (at < ours.length && at < theirs.length && ours[at] === theirs[at]) at++
  verdict.textContent = `Differs from this page's ${NAMES[id]} at position ${at + 1} (of ${ours.length} here, ${theirs.length} pasted).`
  verdict.className = 'differs'
  showMarked($('diff-theirs'), 'pasted', theirs, at)
  showMarked($('diff-ours'), 'here  ', ours, at)
}

async function copy(event) {
  const button = event.target.closest('button[data-copy]')
  if (!button) return
  const text = $(button.dataset.copy).textContent
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    // No clipboard API (a file:// page in some browsers): select the text instead.
    getSelection().selectAllChildren($(button.dataset.copy))
    document.execCommand('copy')
  }
  button.classList.add('copied')
  button.textContent = 'Copied'
  setTimeout(() => {
    button.classList.remove('copied')
    button.textContent = 'Copy'
  }, 1200)
}

$('request').addEventListener('submit', build)
$('command').addEventListener('change', showCommandFields)
$('gateway').addEventListener('change', showCommandFields)
$('theirs').addEventListener('input', compare)
$('outputs').addEventListener('click', copy)
showCommandFields()
document.documentElement.dataset.ready = 'true'
