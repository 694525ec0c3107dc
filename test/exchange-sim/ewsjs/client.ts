import { XhrApi } from '@ewsjs/xhr';
import https from 'node:https';
import * as ews from 'ews-javascript-api';

/** ews-javascript-api services pointed at the simulator, over Basic (https + CA) or NTLM. */

export type Scheme = 'basic' | 'ntlm';

export function ewsService(
  url: string,
  user: string,
  password: string,
  scheme: Scheme,
  ca?: string,
  version: ews.ExchangeVersion = ews.ExchangeVersion.Exchange2013_SP1,
): ews.ExchangeService {
  const service = new ews.ExchangeService(version);
  service.Url = new ews.Uri(url);
  service.Credentials = new ews.WebCredentials(user, password);
  if (scheme === 'ntlm') {
    service.XHRApi = new XhrApi({ rejectUnauthorized: true }).useNtlmAuthentication(user, password);
  } else {
    service.XHRApi = new XhrApi({ httpsAgent: new https.Agent({ ca, keepAlive: true }) });
  }
  return service;
}

export function impersonating(service: ews.ExchangeService, smtp: string): ews.ExchangeService {
  service.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, smtp);
  service.HttpHeaders.Add('X-AnchorMailbox', smtp);
  return service;
}

export const CLEAN_GOID = new ews.ExtendedPropertyDefinition(
  new ews.Guid('6ED8DA90-450B-101B-98DA-00AA003F1305'),
  35,
  ews.MapiPropertyType.Binary,
);

export function addinProperty(name: string): ews.ExtendedPropertyDefinition {
  return new ews.ExtendedPropertyDefinition(
    ews.DefaultExtendedPropertySet.PublicStrings,
    name,
    ews.MapiPropertyType.String,
  );
}

export const at = (iso: string): ews.DateTime => new ews.DateTime(Date.parse(iso));
