import { describe, expect, it } from '@jest/globals';
import { OFFICE_JS_CDN, OFFICE_JS_LOCAL, officeJsSource } from './loadOfficeJs';

describe('officeJsSource', () => {
  it('uses the packaged office.js on this machine and Microsoft’s CDN everywhere else', () => {
    expect(officeJsSource('localhost')).toBe(OFFICE_JS_LOCAL);
    expect(officeJsSource('127.0.0.1')).toBe(OFFICE_JS_LOCAL);
    expect(officeJsSource('rooms.northwind.example')).toBe(OFFICE_JS_CDN);
    expect(OFFICE_JS_CDN).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });
});
