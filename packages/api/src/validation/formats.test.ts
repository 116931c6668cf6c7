import assert from 'node:assert/strict';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  nameIsDNSSubdomain,
} from './formats.js';

// Good and bad strings from apimachinery's util/validation/validation_test.go.
const table: { name: string; check: (s: string) => string[]; good: string[]; bad: string[] }[] = [
  {
    name: 'IsDNS1123Label',
    check: isDNS1123Label,
    good: [
      'a',
      'ab',
      'abc',
      'a1',
      'a-1',
      'a--1--2--b',
      '0',
      '01',
      '012',
      '1a',
      '1-a',
      '1--a--b--2',
      'a'.repeat(63),
    ],
    bad: [
      '',
      'A',
      'ABC',
      'aBc',
      'A1',
      'A-1',
      '1-A',
      '-',
      'a-',
      '-a',
      '1-',
      '-1',
      '_',
      'a_',
      '_a',
      'a_b',
      '.',
      'a.',
      'a.b',
      ' ',
      'a b',
      'a'.repeat(64),
    ],
  },
  {
    name: 'IsDNS1123Subdomain',
    check: isDNS1123Subdomain,
    good: [
      'a',
      'ab',
      'a-1',
      'a--1--2--b',
      '0',
      '1a',
      'a.a',
      'a-1.a',
      'a.1',
      '0.1',
      'a.b.c.d.e',
      '1.2.3.4.5',
      'a'.repeat(253),
    ],
    bad: [
      '',
      'A',
      'aBc',
      '-',
      'a-',
      '-a',
      '_',
      'a_b',
      '.',
      'a.',
      '.a',
      'a..b',
      ' ',
      'A.a',
      'ab.A',
      'a@b',
      'a,b',
      'a;b',
      'a:b',
      'a%b',
      'a?b',
      'a$b',
      'a'.repeat(254),
    ],
  },
  {
    name: 'IsDNS1035Label',
    check: isDNS1035Label,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)],
    bad: ['0', '01', '012', '1a', '1-a', '', 'A', 'a-', '-a', 'a_b', 'a.b', 'a'.repeat(64)],
  },
  {
    name: 'IsQualifiedName',
    check: isQualifiedName,
    good: [
      'simple',
      'now-with-dashes',
      '1-starts-with-num',
      '1234',
      'simple/simple',
      'now.with.dots/simple',
      '1-num.2-num/3-num',
      'Uppercase_Is_OK_123',
      'example.com/Uppercase_Is_OK_123',
      'requests.storage-foo',
      'a'.repeat(63),
      `${'a'.repeat(253)}/${'b'.repeat(63)}`,
    ],
    bad: [
      'nospecialchars%^=@',
      'cantendwithadash-',
      '-cantstartwithadash-',
      'only/one/slash',
      'Example.com/abc',
      'example_com/abc',
      'example.com/',
      '/simple',
      'a'.repeat(64),
      `${'a'.repeat(254)}/abc`,
    ],
  },
  {
    name: 'IsValidLabelValue',
    check: isValidLabelValue,
    good: ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''],
    bad: ['nospecialchars%^=@', 'Tama-nui-te-rā', '\u00a0', 'a\u00a0', '-starts', 'ends-', 'a'.repeat(64)],
  },
  {
    name: 'IsValidPortName',
    check: isValidPortName,
    good: ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
    bad: [
      'longerthan15characters',
      '',
      'a'.repeat(16),
      '12345',
      '1-2-3-4',
      '-begin',
      'end-',
      'two--hyphens',
      'whois++',
    ],
  },
  {
    name: 'IsValidPercent',
    check: isValidPercent,
    good: ['0%', '00000%', '1%', '01%', '99%', '100%', '101%'],
    bad: ['', '0', '100', '0.0%', '99.9%', 'hundred%', 'infinity%', '%', '-1%', '+1%'],
  },
  {
    name: 'IsConfigMapKey',
    check: isConfigMapKey,
    good: ['a', 'good', 'good_and_bad', 'good-and-bad', 'good.and.bad', '.dotfile', 'Upper', 'a'.repeat(253)],
    bad: ['', '.', '..', '..dotfile', 'bad/key', 'bad key', 'a'.repeat(254)],
  },
];

describe('validation formats', () => {
  for (const { name, check, good, bad } of table) {
    describe(name, () => {
      for (const s of good)
        it(`accepts ${JSON.stringify(s.length > 20 ? `${s.slice(0, 20)}…(${s.length})` : s)}`, () =>
          assert.deepEqual(check(s), []));
      for (const s of bad)
        it(`rejects ${JSON.stringify(s.length > 20 ? `${s.slice(0, 20)}…(${s.length})` : s)}`, () =>
          assert.ok(check(s).length > 0));
    });
  }

  it('words DNS-1123 label errors like Kubernetes', () => {
    assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
    assert.deepEqual(isDNS1123Label('A'), [
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    assert.deepEqual(isDNS1123Subdomain('Nginx'), [
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    assert.deepEqual(isDNS1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
  });

  it('words qualified-name errors with prefix and name parts', () => {
    assert.deepEqual(isQualifiedName('example.com/'), [
      'name part must be non-empty',
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
    assert.match(isQualifiedName('/simple')[0], /^prefix part must be non-empty$/);
  });

  it('lets generateName prefixes end in a dash', () => {
    assert.deepEqual(nameIsDNSSubdomain('nginx-', true), []);
    assert.ok(nameIsDNSSubdomain('nginx-', false).length > 0);
    assert.deepEqual(nameIsDNSSubdomain('a', true), []);
  });
});
