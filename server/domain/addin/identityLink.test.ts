import { describe, expect, it } from '@jest/globals';
import { identityLinkKey, normalizeMetadataUrl } from './identityLink';

describe('normalizeMetadataUrl', () => {
  it('gives every spelling of one metadata document the same key', () => {
    const spellings = [
      'https://mailhost.contoso.com:443/autodiscover/metadata/json/1',
      'https://MailHost.Contoso.com/autodiscover/metadata/json/1',
      'https://mailhost.contoso.com/Autodiscover/Metadata/Json/1/',
      'https://mailhost.contoso.com/autodiscover/metadata/json/1?x=1#y',
    ];
    expect(new Set(spellings.map(normalizeMetadataUrl))).toEqual(
      new Set(['https://mailhost.contoso.com/autodiscover/metadata/json/1']),
    );
  });

  it('keeps what names another document apart: another host, port or scheme', () => {
    const key = normalizeMetadataUrl('https://mail.contoso.com/autodiscover/metadata/json/1');
    expect(normalizeMetadataUrl('https://mail2.contoso.com/autodiscover/metadata/json/1')).not.toBe(key);
    expect(normalizeMetadataUrl('https://mail.contoso.com:8443/autodiscover/metadata/json/1')).not.toBe(key);
    expect(normalizeMetadataUrl('http://mail.contoso.com/autodiscover/metadata/json/1')).not.toBe(key);
  });
});

describe('identityLinkKey', () => {
  it('keeps the msexchuid exactly as Exchange wrote it', () => {
    const key = identityLinkKey({
      exchangeUserId: '53E925FA-76ba-45e1-be0f-4ef08b59d389@MailHost.contoso.com',
      metadataUrl: 'https://MAILHOST.contoso.com:443/autodiscover/metadata/json/1',
    });
    expect(key).toEqual({
      exchangeUserId: '53E925FA-76ba-45e1-be0f-4ef08b59d389@MailHost.contoso.com',
      metadataUrl: 'https://mailhost.contoso.com/autodiscover/metadata/json/1',
    });
  });
});
