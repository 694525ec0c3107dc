import { describe, expect, it } from '@jest/globals';
import { currencyDigits, formatPrice, parsePrice, priceText } from './money';

describe('money', () => {
  it.each([
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('knows that %s has %i decimals', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });

  it.each<[string, string, number | undefined]>([
    ['8.50', 'EUR', 850],
    ['8,5', 'EUR', 850],
    [' 12 ', 'EUR', 1200],
    ['0', 'EUR', 0],
    ['0.07', 'EUR', 7],
    ['8.505', 'EUR', undefined],
    ['-1', 'EUR', undefined],
    ['1e3', 'EUR', undefined],
    ['', 'EUR', undefined],
    ['500', 'JPY', 500],
    ['500.5', 'JPY', undefined],
    ['1.234', 'KWD', 1234],
  ])('parses %j in %s as %j', (text, currency, minor) => {
    expect(parsePrice(text, currency)).toBe(minor);
  });

  it.each([
    [850, 'EUR', '8.50'],
    [7, 'EUR', '0.07'],
    [500, 'JPY', '500'],
  ])('edits %i %s as %j, which parses back', (minor, currency, text) => {
    expect(priceText(minor, currency)).toBe(text);
    expect(parsePrice(text, currency)).toBe(minor);
  });

  it('formats in the currency with Intl.NumberFormat', () => {
    expect(formatPrice(850, 'EUR', 'en-GB')).toBe('€8.50');
    expect(formatPrice(850, 'EUR', 'de-DE')).toBe('8,50\u00a0€');
    expect(formatPrice(1200, 'JPY', 'en-US')).toBe('¥1,200');
  });
});
