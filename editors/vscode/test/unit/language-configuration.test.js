'use strict';

// The language configuration's patterns, run as VS Code runs them.

const test = require('node:test');
const assert = require('node:assert/strict');
const config = require('../../language-configuration.json');

/** onEnter returns the action of the first rule whose beforeText matches, as VS Code picks it. */
function onEnter(line) {
  const rule = config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line));
  return rule?.action;
}

test('Enter after a key that opens a block indents', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  for (const line of ['returnAddress:', '    customs:  ', '  - operations:', '"A" :', "'it''s':"]) {
    assert.ok(increase.test(line), line);
  }
  for (const line of ['bucket: photos', '# returnAddress:', '  - .*\\.tmp$', 'returnAddress', 'key with space:']) {
    assert.ok(!increase.test(line), line);
  }
});

test('Enter after a list item continues it', () => {
  assert.deepEqual(onEnter('    - .*\\.tmp$'), { indent: 'none', appendText: '- ' });
  assert.deepEqual(onEnter('- ^lost\\+found/'), { indent: 'none', appendText: '- ' });
  // An item that is a mapping goes on with its next key, aligned.
  assert.deepEqual(onEnter('  - exportBucket: photos'), { indent: 'none', appendText: '  ' });
  assert.deepEqual(onEnter('  - "A": a'), { indent: 'none', appendText: '  ' });
  assert.equal(onEnter('bucket: photos'), undefined);
  assert.equal(onEnter('    -'), undefined);
  assert.equal(onEnter('-key: value'), undefined);
});

test('a word is a whole key or a whole enum value', () => {
  const word = new RegExp(config.wordPattern, 'g');
  assert.deepEqual('setContentEncodingForGzFiles: yes'.match(word), ['setContentEncodingForGzFiles', 'yes']);
  assert.deepEqual('  - region: us-east-1'.match(word), ['-', 'region', 'us-east-1']);
  assert.deepEqual('acl: public-read-write'.match(word), ['acl', 'public-read-write']);
  assert.deepEqual('log.bucket_2: x'.match(word), ['log.bucket_2', 'x']);
});

test('comments are # lines, and quotes close themselves outside strings', () => {
  assert.deepEqual(config.comments, { lineComment: '#' });
  assert.deepEqual(config.autoClosingPairs.map((p) => p.open), ['"', "'"]);
  assert.equal(config.folding.offSide, true);
});
