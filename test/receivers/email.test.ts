// Email notifier against a real SMTP server on loopback (smtp-server): STARTTLS on a certificate made
// here, implicit TLS, client certificates, PLAIN/LOGIN/CRAM-MD5, and the delivered message compared with
// what Alertmanager 0.25 sent for the same group (captures/alertmanager-0.25.json).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EmailNotifier, encodeQuotedPrintable, FixedTemplates, NotifyError } from '../../libs/notify/src';
import { capture, capturedReceiver, firingNotification, resolvedNotification } from './support/captured-group';
import { parseMail } from './support/mime-message';
import { firingAlert, neverAborted, notificationOf } from './support/notifications';
import { receiverFromYaml } from './support/receiver-from-yaml';
import { SmtpTestServer } from './support/smtp-test-server';
import { makeTestCertificates, TestCertificates } from './support/test-certificates';

const notifier = new EmailNotifier(new FixedTemplates());
let certs: TestCertificates;
before(() => (certs = makeTestCertificates()));

const emailConfig = (yaml: string) => receiverFromYaml(`email_configs:\n- ${yaml.trim().split('\n').join('\n  ')}`).emailConfigs[0];

describe('the delivered email matches Alertmanager', () => {
  let smtp: SmtpTestServer;
  before(async () => (smtp = await SmtpTestServer.start({ tls: { key: certs.serverKey, cert: certs.serverCert } })));
  after(() => smtp.close());

  for (const [phase, build] of [['firing', firingNotification], ['resolved', resolvedNotification]] as const) {
    it(`${phase}: same envelope, headers and parts as 0.25 (over STARTTLS)`, async () => {
      const config = { ...capturedReceiver('http://unused', smtp.smarthost).emailConfigs[0], requireTls: true, tlsConfig: { caFile: certs.caFile, insecureSkipVerify: false } };
      await notifier.send(config, build(), neverAborted());
      const got = smtp.mails.at(-1)!;
      const expected = capture[phase].mails[0];
      assert.equal(got.secure, true, 'STARTTLS was used');
      assert.equal(got.hello, 'capture.example');
      assert.equal(got.mailFrom, expected.mailFrom.address);
      assert.deepEqual(got.mailFromArgs, { BODY: '8BITMIME' });
      assert.deepEqual(got.rcptTo, expected.rcptTo.map((r) => r.address));
      const mail = parseMail(got.raw);
      const want = parseMail(expected.raw.replace(/\r?\n/g, '\r\n'));
      for (const name of ['Subject', 'To', 'From', 'X-Extra', 'MIME-Version']) assert.equal(mail.header(name), want.header(name), name);
      assert.deepEqual([...mail.headerNames].sort(), [...want.headerNames].sort());
      assert.match(mail.header('Content-Type')!, /^multipart\/alternative;  boundary=[0-9a-f]{60}$/);
      assert.match(mail.header('Message-Id')!, /^<\d+\.\d+@[^>]+>$/);
      assert.match(mail.header('Date')!, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/);
      assert.deepEqual(mail.parts.map((p) => p.headers), want.parts.map((p) => p.headers));
      assert.equal(mail.parts[0].body, want.parts[0].body);
      const html = mail.parts[1].body;
      const subject = want.header('Subject')!;
      assert.ok(html.includes(`<title>${subject}</title>`), 'HTML title is the subject');
      assert.ok(html.includes('first &lt;b&gt;'), 'annotation escaped in HTML');
      assert.ok(html.includes('http://am.example:9093/#/alerts?receiver=team-x%5C.y'), 'link to Alertmanager');
    });
  }

  it("quoted-printable output is byte for byte Go's (the capture's HTML part re-encoded)", () => {
    for (const phase of ['firing', 'resolved'] as const) {
      const want = parseMail(capture[phase].mails[0].raw.replace(/\r?\n/g, '\r\n')).parts[1];
      assert.equal(encodeQuotedPrintable(want.body.replace(/\n/g, '\r\n')), want.rawBody);
    }
    assert.equal(encodeQuotedPrintable('a=b  \nc\t'), 'a=3Db =20\r\nc=09');
    assert.equal(encodeQuotedPrintable('x'.repeat(80)), 'x'.repeat(75) + '=\r\n' + 'x'.repeat(5));
  });
});

describe('email headers', () => {
  let smtp: SmtpTestServer;
  before(async () => (smtp = await SmtpTestServer.start()));
  after(() => smtp.close());
  const send = async (yaml: string, labels: Record<string, string>, to = 'ops@example.org') => {
    await notifier.send(emailConfig(`to: ${to}\nfrom: am@example.org\nsmarthost: ${smtp.smarthost}\nrequire_tls: false\n${yaml}`), notificationOf([firingAlert(labels)]), neverAborted());
    return parseMail(smtp.mails.at(-1)!.raw);
  };

  it('a label value with CR/LF cannot add a header', async () => {
    const mail = await send('', { alertname: 'Evil\r\nBcc: victim@example.org\r\nX-Injected: yes' });
    assert.equal(mail.header('Bcc'), undefined);
    assert.equal(mail.header('X-Injected'), undefined);
    assert.equal(mail.header('Subject'), '[FIRING:1] Evil\r\nBcc: victim@example.org\r\nX-Injected: yes ');
    assert.ok(mail.headerLines.every((l) => /^[A-Za-z-]+: /.test(l)), 'every line is a header of ours');
    assert.deepEqual(smtp.mails.at(-1)!.rcptTo, ['ops@example.org']);
  });

  it('non-ASCII values are RFC 2047 encoded; configured headers are templated; several recipients', async () => {
    const mail = await send('headers: {Subject: "Störung {{ .CommonLabels.alertname }} ✓", Reply-To: "{{ .CommonLabels.team }}@example.org"}', { alertname: 'Über', team: 'db' }, '"a@example.org, B <b@example.org>"');
    assert.equal(mail.header('Subject'), 'Störung Über ✓');
    assert.match(mail.headerLines.find((l) => l.startsWith('Subject:'))!, /^Subject: =\?utf-8\?q\?/);
    assert.equal(mail.header('Reply-To'), 'db@example.org');
    assert.deepEqual(smtp.mails.at(-1)!.rcptTo, ['a@example.org', 'b@example.org']);
  });

  it('text only when `text` is set; the HTML part always (default template)', async () => {
    const mail = await send('', { alertname: 'A' });
    assert.deepEqual(mail.parts.map((p) => p.headers.find(([n]) => n === 'Content-Type')![1]), ['text/html; charset=UTF-8']);
  });

  it('a from that is not exactly one address is a permanent error', async () => {
    const config = emailConfig(`to: ops@example.org\nfrom: "a@example.org, b@example.org"\nsmarthost: ${smtp.smarthost}\nrequire_tls: false`);
    await assert.rejects(notifier.send(config, notificationOf([firingAlert({ alertname: 'A' })]), neverAborted()), (err: NotifyError) => !err.retryable && /exactly one from address/.test(err.message));
  });
});

describe('SMTP transport security', () => {
  const servers: SmtpTestServer[] = [];
  const start = async (options: Parameters<typeof SmtpTestServer.start>[0]) => {
    const s = await SmtpTestServer.start(options);
    servers.push(s);
    return s;
  };
  after(() => Promise.all(servers.map((s) => s.close())));
  const n = () => notificationOf([firingAlert({ alertname: 'A' })]);

  it('require_tls (the default) fails, retryably, when the server offers no STARTTLS', async () => {
    const smtp = await start({});
    const config = emailConfig(`to: o@example.org\nfrom: a@example.org\nsmarthost: ${smtp.smarthost}`);
    assert.equal(config.requireTls, true);
    await assert.rejects(notifier.send(config, n(), neverAborted()), (err: NotifyError) => err.retryable && /'require_tls' is true \(default\) but "127\.0\.0\.1:\d+" does not advertise the STARTTLS extension/.test(err.message));
    assert.equal(smtp.mails.length, 0);
  });

  it('require_tls: false sends in the clear, even when STARTTLS is offered', async () => {
    const smtp = await start({ tls: { key: certs.serverKey, cert: certs.serverCert } });
    await notifier.send(emailConfig(`to: o@example.org\nfrom: a@example.org\nsmarthost: ${smtp.smarthost}\nrequire_tls: false`), n(), neverAborted());
    assert.equal(smtp.mails.at(-1)!.secure, false);
  });

  it('STARTTLS verifies the certificate: untrusted CA fails, wrong server_name fails, insecure_skip_verify passes', async () => {
    const smtp = await start({ tls: { key: certs.serverKey, cert: certs.serverCert } });
    const base = `to: o@example.org\nfrom: a@example.org\nsmarthost: ${smtp.smarthost}`;
    await assert.rejects(notifier.send(emailConfig(base), n(), neverAborted()), (err: NotifyError) => err.retryable);
    await assert.rejects(notifier.send(emailConfig(`${base}\ntls_config: {ca_file: ${certs.caFile}, server_name: other.example}`), n(), neverAborted()), NotifyError);
    assert.equal(smtp.mails.length, 0);
    await notifier.send(emailConfig(`${base}\ntls_config: {insecure_skip_verify: true}`), n(), neverAborted());
    await notifier.send(emailConfig(`${base}\ntls_config: {ca_file: ${certs.caFile}, server_name: localhost}`), n(), neverAborted());
    assert.equal(smtp.mails.length, 2);
    assert.ok(smtp.mails.every((m) => m.secure));
  });

  it('implicit TLS with force_implicit_tls', async () => {
    const smtp = await start({ tls: { key: certs.serverKey, cert: certs.serverCert }, implicitTls: true });
    await notifier.send(emailConfig(`to: o@example.org\nfrom: a@example.org\nsmarthost: ${smtp.smarthost}\nforce_implicit_tls: true\ntls_config: {ca_file: ${certs.caFile}}`), n(), neverAborted());
    assert.equal(smtp.mails.at(-1)!.secure, true);
  });

  it('a client certificate from tls_config is presented', async () => {
    const smtp = await start({ tls: { key: certs.serverKey, cert: certs.serverCert, ca: certs.ca, requireClientCert: true } });
    const base = `to: o@example.org\nfrom: a@example.org\nsmarthost: ${smtp.smarthost}`;
    await notifier.send(emailConfig(`${base}\ntls_config: {ca_file: ${certs.caFile}, cert_file: ${certs.clientCertFile}, key_file: ${certs.clientKeyFile}}`), n(), neverAborted());
    assert.equal(smtp.mails.at(-1)!.clientCertificateSubject, 'klaxon-client');
  });
});

describe('SMTP authentication', () => {
  const servers: SmtpTestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));
  const server = async (methods?: string[]) => {
    const s = await SmtpTestServer.start({ tls: { key: certs.serverKey, cert: certs.serverCert }, auth: methods ? { methods, user: 'klaxon', password: 'pa55-secret' } : undefined });
    servers.push(s);
    return s;
  };
  const config = (smarthost: string, auth: string) => emailConfig(`to: o@example.org\nfrom: a@example.org\nsmarthost: ${smarthost}\ntls_config: {ca_file: ${certs.caFile}}\n${auth}`);
  const n = () => notificationOf([firingAlert({ alertname: 'A' })]);

  for (const method of ['PLAIN', 'LOGIN']) {
    it(`${method} with auth_password`, async () => {
      const smtp = await server([method]);
      await notifier.send(config(smtp.smarthost, 'auth_username: klaxon\nauth_password: pa55-secret'), n(), neverAborted());
      assert.equal(smtp.mails.at(-1)!.user, 'klaxon');
      assert.equal(smtp.mails.at(-1)!.authMethod, method);
    });
  }

  it('CRAM-MD5 with auth_secret', async () => {
    const smtp = await server(['CRAM-MD5']);
    await notifier.send(config(smtp.smarthost, 'auth_username: klaxon\nauth_secret: pa55-secret'), n(), neverAborted());
    assert.equal(smtp.mails.at(-1)!.authMethod, 'CRAM-MD5');
  });

  it('the first offered mechanism the config has a secret for is used', async () => {
    const smtp = await server(['CRAM-MD5', 'PLAIN']);
    await notifier.send(config(smtp.smarthost, 'auth_username: klaxon\nauth_password: pa55-secret'), n(), neverAborted());
    assert.equal(smtp.mails.at(-1)!.authMethod, 'PLAIN');
  });

  it('no AUTH when the server does not offer it, even with a username', async () => {
    const smtp = await server(undefined);
    await notifier.send(config(smtp.smarthost, 'auth_username: klaxon\nauth_password: pa55-secret'), n(), neverAborted());
    assert.equal(smtp.mails.at(-1)!.user, undefined);
  });

  it('a rejected password fails without showing it', async () => {
    const smtp = await server(['PLAIN']);
    await assert.rejects(notifier.send(config(smtp.smarthost, 'auth_username: klaxon\nauth_password: wrong-pa55'), n(), neverAborted()), (err: NotifyError) => {
      assert.match(err.message, /^authenticate: /);
      assert.doesNotMatch(err.message, /wrong-pa55/);
      return true;
    });
    assert.equal(smtp.mails.length, 0);
  });
});
