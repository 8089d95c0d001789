import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet, templateDataFromJson } from './index';

const set = TemplateSet.empty();
const data = templateDataFromJson({
  receiver: 'a "b" <c>',
  commonLabels: { v: "x' onmouseover='y", url: 'http://h/p?q=a b', empty: '' },
  externalURL: 'http://am.example',
});
const html = (text: string) => set.executeHtml(text, data);

describe('html/template contextual escaping', () => {
  test('text content escapes markup characters', () => {
    assert.equal(html('<p>{{ .Receiver }}</p>'), '<p>a &#34;b&#34; &lt;c&gt;</p>');
  });
  test('attribute values cannot break out of their quotes', () => {
    assert.equal(html('<a title=\'{{ .CommonLabels.v }}\'>'), '<a title=\'x&#39; onmouseover=&#39;y\'>');
    assert.equal(html('<a title={{ .CommonLabels.v }}>'), '<a title=x&#39;&#32;onmouseover&#61;&#39;y>');
  });
  test('an empty unquoted attribute value is replaced by the filter marker', () => {
    assert.equal(html('<a title={{ .CommonLabels.empty }}>'), '<a title=ZgotmplZ>');
  });
  test('URLs are normalized at the start and fully escaped in the query', () => {
    assert.equal(html('<a href="{{ .CommonLabels.url }}">'), '<a href="http://h/p?q=a%20b">');
    assert.equal(html('<a href="/x?u={{ .CommonLabels.url }}">'), '<a href="/x?u=http%3a%2f%2fh%2fp%3fq%3da%20b">');
  });
  test('the same values are untouched by text templates', () => {
    assert.equal(set.executeText('{{ .Receiver }}', data), 'a "b" <c>');
  });
  test('context carries across template calls', () => {
    const s = TemplateSet.empty();
    s.addFile('x.tmpl', '{{ define "link" }}<a href="{{ .ExternalURL }}?r={{ .Receiver }}">{{ .Receiver }}</a>{{ end }}');
    assert.equal(
      s.executeHtml('{{ template "link" . }}', data),
      '<a href="http://am.example?r=a%20%22b%22%20%3cc%3e">a &#34;b&#34; &lt;c&gt;</a>',
    );
  });
});
