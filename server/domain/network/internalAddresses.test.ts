import { describe, expect, it } from '@jest/globals';
import { destinationAllowed, isInternalAddress, parseAllowEntry, urlTextAllowed } from './internalAddresses';

describe('internal addresses', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '169.254.169.254',
    '10.0.0.5',
    '172.16.1.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '224.0.0.1',
    'not an address',
  ])('%s is internal', (ip) => {
    expect(isInternalAddress(ip)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (ip) => {
    expect(isInternalAddress(ip)).toBe(false);
  });
});

describe('the admin allow-list', () => {
  it('lets the listed addresses and networks through, and nothing else internal', () => {
    const list = ['10.1.2.0/24', '::1', '127.0.0.1'];
    expect(destinationAllowed('10.1.2.77', list)).toBe(true);
    expect(destinationAllowed('10.1.3.1', list)).toBe(false);
    expect(destinationAllowed('::1', list)).toBe(true);
    expect(destinationAllowed('127.0.0.2', list)).toBe(false);
    expect(destinationAllowed('169.254.169.254', list)).toBe(false);
    expect(destinationAllowed('8.8.8.8', [])).toBe(true);
  });

  it.each([
    ['10.0.0.0/8', { network: '10.0.0.0', prefix: 8 }],
    ['::1', { network: '::1', prefix: 128 }],
    ['192.168.1.1', { network: '192.168.1.1', prefix: 32 }],
    ['10.0.0.0/33', undefined],
    ['caterer.internal', undefined],
    ['10.0.0.0/8/1', undefined],
    ['10.0.0.0/x', undefined],
  ])('reads %s', (entry, expected) => {
    expect(parseAllowEntry(entry)).toEqual(expected);
  });
});

describe('a webhook URL as written', () => {
  it.each([
    'http://127.0.0.1:6379/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:22/',
    'http://localhost:8080/',
    'http://LOCALHOST./',
    'http://api.localhost/',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://[::ffff:7f00:1]/',
    'http://[fd00::5]/',
  ])('%s is refused', (url) => {
    expect(urlTextAllowed(new URL(url), [])).toBe(false);
  });

  it('accepts public names and addresses, and allow-listed internal addresses', () => {
    expect(urlTextAllowed(new URL('https://caterer.example.com/hook'), [])).toBe(true);
    expect(urlTextAllowed(new URL('https://93.184.215.14/hook'), [])).toBe(true);
    expect(urlTextAllowed(new URL('http://127.0.0.1:9/hook'), ['127.0.0.1'])).toBe(true);
    expect(urlTextAllowed(new URL('http://[::1]:9/hook'), ['::1'])).toBe(true);
  });
});
