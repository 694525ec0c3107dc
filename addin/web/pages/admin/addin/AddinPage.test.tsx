/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { apiError, ok } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminServer } from '../testSupport';
import { addinPageStrings as text } from './strings';

const PAGE = '/admin/addin';

describe('Outlook add-in page', () => {
  it('offers the manifest for download and the sideloading steps, without a warning over https', async () => {
    const api = adminServer().on(
      'get',
      '/api/admin/addin',
      ok({
        publicUrl: 'https://rooms.northwind.test',
        scheme: 'https',
        manifestUrl: 'https://rooms.northwind.test/manifest.xml',
      }),
    );
    renderApp(api, PAGE);

    const download = await screen.findByRole('link', { name: text.download });
    expect(download.getAttribute('href')).toBe('/api/admin/addin/manifest');
    expect(download.hasAttribute('download')).toBe(true);
    expect(screen.getByText(text.oneUserSteps[1])).toBeTruthy();
    expect(screen.getByText(text.shellCommand('https://rooms.northwind.test/manifest.xml'))).toBeTruthy();
    expect(screen.queryByText(text.httpWarningTitle)).toBeNull();
  });

  it('warns, as an alert, that Outlook refuses an http PUBLIC_URL', async () => {
    const api = adminServer().on(
      'get',
      '/api/admin/addin',
      ok({ publicUrl: 'http://localhost:3000', scheme: 'http', manifestUrl: 'http://localhost:3000/manifest.xml' }),
    );
    renderApp(api, PAGE);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(text.httpWarningTitle);
    expect(alert.textContent).toContain(text.httpWarning('http://localhost:3000'));
  });

  it('says what failed when the facts cannot be loaded', async () => {
    const api = adminServer().on('get', '/api/admin/addin', apiError(503, 'unavailable', 'Down for maintenance'));
    renderApp(api, PAGE);
    expect((await screen.findByRole('alert')).textContent).toContain('Down for maintenance');
    expect(screen.queryByRole('link', { name: text.download })).toBeNull();
  });
});
