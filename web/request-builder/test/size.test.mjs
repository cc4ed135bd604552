// The page's size goal (issue 16): everything it loads, the one index.html with the
// .wasm inside, at most 64 KiB gzipped. The build writes the sizes it measured
// (build.mjs, sizes.json); this keeps a change of features or dependencies from
// growing the page past the goal unnoticed (the core's speed-first build once added
// about 10 KB gzipped to it).
import test from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { pageDir } from './support.mjs'

const LIMIT = 64 * 1024

test('the page loads at most 64 KiB gzipped', () => {
  const sizes = JSON.parse(readFileSync(join(pageDir, 'sizes.json'), 'utf8'))
  const page = sizes['index.html'].gzip
  const wasm = sizes['.wasm (inside it)'].gzip
  assert.ok(page <= LIMIT, `index.html is ${page} B gzipped (its .wasm ${wasm} B), over ${LIMIT} B`)
})
