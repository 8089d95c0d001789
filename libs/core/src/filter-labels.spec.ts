import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { matchesFilterLabels } from './filter-labels';
import { Matcher } from './matcher';

const m = (type: '=' | '!=' | '=~' | '!~', value: string) => Matcher.create(type, 'foo', value);

describe('matchesFilterLabels', () => {
  test('ordinary matchers behave as label matching with missing == ""', () => {
    assert.equal(matchesFilterLabels([m('=', 'bar')], { foo: 'bar' }), true);
    assert.equal(matchesFilterLabels([m('=', 'bar')], {}), false);
    assert.equal(matchesFilterLabels([m('!=', 'bar')], {}), true);
    assert.equal(matchesFilterLabels([m('=~', 'b.*')], { foo: 'baz' }), true);
    assert.equal(matchesFilterLabels([m('!~', 'b.*')], { foo: 'baz' }), false);
  });

  test('= "" and =~ "" pass for an absent label', () => {
    assert.equal(matchesFilterLabels([m('=', '')], {}), true);
    assert.equal(matchesFilterLabels([m('=~', '')], {}), true);
    assert.equal(matchesFilterLabels([m('=', '')], { foo: 'x' }), false);
  });

  test('!= "" and !~ "" pass for a present label, even one with an empty value', () => {
    assert.equal(matchesFilterLabels([m('!=', '')], { foo: '' }), true);
    assert.equal(matchesFilterLabels([m('!~', '')], { foo: '' }), true);
    assert.equal(matchesFilterLabels([m('!=', '')], {}), false);
  });

  test('all matchers must pass', () => {
    const ms = [m('=', 'a'), Matcher.create('=', 'bar', 'b')];
    assert.equal(matchesFilterLabels(ms, { foo: 'a', bar: 'b' }), true);
    assert.equal(matchesFilterLabels(ms, { foo: 'a', bar: 'c' }), false);
  });
});
