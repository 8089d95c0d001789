import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, labelSetString, sha256Hex, sortedLabelNames } from './fingerprint';
import type { LabelSet } from './labels';
import { compareUtf8 } from './utf8';
import captured from './testdata/fingerprints.json';

interface FingerprintVector {
  name: string;
  postedLabels: LabelSet;
  storedLabels: LabelSet;
  fingerprint: string;
  labelSetString: string | null;
  groupKey: string | null;
  pagerdutyDedupKey: string | null;
}
const vectors = captured as unknown as { vectors: FingerprintVector[] };

describe('fingerprint vectors captured from Alertmanager 0.25', () => {
  assert.ok(vectors.vectors.length >= 10);
  for (const v of vectors.vectors) {
    test(`fingerprint: ${v.name}`, () => {
      assert.equal(fingerprint(v.storedLabels), v.fingerprint);
    });
    test(`labelSetString in 0.25 (pair) order: ${v.name}`, () => {
      assert.notEqual(v.labelSetString, null);
      assert.equal(labelSetString(v.storedLabels, 'pairs'), v.labelSetString);
    });
    test(`labelSetString in name order has the same pieces, sorted by name: ${v.name}`, () => {
      const pieces = (v.labelSetString as string).slice(1, -1).split(/, (?=[a-zA-Z_][a-zA-Z0-9_]*=")/);
      const byName = [...pieces].sort((a, b) => compareUtf8(a.slice(0, a.indexOf('=')), b.slice(0, b.indexOf('='))));
      assert.equal(labelSetString(v.storedLabels), `{${byName.join(', ')}}`);
    });
    test(`sha256Hex(groupKey) is the PagerDuty dedup_key: ${v.name}`, () => {
      assert.equal(v.groupKey, `{}:${v.labelSetString}`);
      assert.equal(sha256Hex(`{}:${labelSetString(v.storedLabels, 'pairs')}`), v.pagerdutyDedupKey);
    });
  }

  test('lone surrogates (as JSON.parse yields them) hash and print like Go\'s U+FFFD', () => {
    const lone = vectors.vectors.find((v) => Object.values(v.postedLabels).some((x) => /[\ud800-\udfff]/.test(x) && !/[\ud800-\udbff][\udc00-\udfff]/.test(x)));
    assert.ok(lone, 'a vector with a lone surrogate exists');
    assert.equal(fingerprint(lone.postedLabels), lone.fingerprint);
    assert.equal(labelSetString(lone.postedLabels, 'pairs'), lone.labelSetString);
  });

  test('empty-valued labels are not part of what Alertmanager hashes', () => {
    const stripped = vectors.vectors.find((v) => Object.values(v.postedLabels).includes(''));
    assert.ok(stripped, 'a vector with an empty value exists');
    assert.ok(!Object.values(stripped.storedLabels).includes(''));
    // Hashing the posted labels with the empty value would give a different fingerprint.
    assert.notEqual(fingerprint(stripped.postedLabels), stripped.fingerprint);
  });
});

const FNV_A_EACUTE = '0019cb2f2449a23e';

describe('fingerprint', () => {
  test('the empty label set hashes to the FNV-1a offset basis', () => {
    assert.equal(fingerprint({}), 'cbf29ce484222325');
  });

  test('is 16 lower-case hex digits and independent of key insertion order', () => {
    const a = fingerprint({ b: '2', a: '1', c: '3' });
    const b = fingerprint({ c: '3', a: '1', b: '2' });
    assert.match(a, /^[0-9a-f]{16}$/);
    assert.equal(a, b);
  });

  test('the separator keeps name/value boundaries apart', () => {
    assert.notEqual(fingerprint({ ab: 'c' }), fingerprint({ a: 'bc' }));
  });

  test('hashes UTF-8 bytes, not UTF-16 units', () => {
    // FNV-1a over the bytes C3 A9 of 'é' (computed independently with 64-bit arithmetic in Python).
    assert.equal(fingerprint({ a: 'é' }), FNV_A_EACUTE);
  });
});

describe('sortedLabelNames', () => {
  test('sorts by UTF-8 byte order, not UTF-16 order', () => {
    // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in UTF-8; UTF-16 puts the surrogate first.
    assert.deepEqual(sortedLabelNames({ '😀': '1', '\uff21': '2', b: '3', B: '4', _: '5' }), ['B', '_', 'b', '\uff21', '😀']);
  });
});

describe('labelSetString', () => {
  test('name order and 0.25 pair order differ when a name prefixes another followed by a digit', () => {
    const labels = { a: '1', a0: '2', l2: '3', l10: '4' };
    assert.equal(labelSetString(labels), '{a="1", a0="2", l10="4", l2="3"}');
    assert.equal(labelSetString(labels, 'pairs'), '{a0="2", a="1", l10="4", l2="3"}');
  });

  test('prints {} for the empty set and separates labels with ", "', () => {
    assert.equal(labelSetString({}), '{}');
    assert.equal(labelSetString({ b: 'y', a: 'x' }), '{a="x", b="y"}');
  });
});

describe('sha256Hex', () => {
  test('matches the group-key hash verified in the reference', () => {
    const h = sha256Hex('{}:{alertname="Other"}');
    assert.match(h, /^17cc0ef1[0-9a-f]{50}197a84$/);
  });

  test('hashes the UTF-8 bytes of the string (values from Python hashlib)', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex('é'), '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});
