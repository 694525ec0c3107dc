import { DOMParser, type Element } from '@xmldom/xmldom';
import * as ews from 'ews-javascript-api';
import type { ExchangeMailboxOwner, ExchangeUserDirectory } from '../../ports/identityTokens';
import type { DirectoryPerson } from '../../ports/peopleDirectory';
import type { EwsAccess } from './connection';
import { escapeXmlText } from './mapping';

const NS_MESSAGES = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const NS_TYPES = 'http://schemas.microsoft.com/exchange/services/2006/types';

/** ResolveNames answers "no results" as an error; for a picker that is an empty list. */
const isNoResults = (err: unknown): boolean =>
  err instanceof Error && /NameResolutionNoResults|No results were found/i.test(err.message);

/** FindPeople in the GAL (Exchange 2013+). ews-javascript-api 0.15 has no FindPeople: the envelope is ours. */
function findPeopleEnvelope(query: string, max: number): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
    `xmlns:t="${NS_TYPES}" xmlns:m="${NS_MESSAGES}">` +
    '<soap:Header><t:RequestServerVersion Version="Exchange2013"/></soap:Header>' +
    '<soap:Body><m:FindPeople>' +
    `<m:IndexedPageItemView BasePoint="Beginning" MaxEntriesReturned="${max}" Offset="0"/>` +
    '<m:ParentFolderId><t:DistinguishedFolderId Id="directory"/></m:ParentFolderId>' +
    `<m:QueryString>${escapeXmlText(query)}</m:QueryString>` +
    '</m:FindPeople></soap:Body></soap:Envelope>'
  );
}

function childText(parent: Element, ns: string, local: string): string {
  return parent.getElementsByTagNameNS(ns, local)[0]?.textContent?.trim() ?? '';
}

/** The personas of a FindPeople answer; an Error response message is thrown with its code. */
function personasOf(xml: string): DirectoryPerson[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const response = doc.getElementsByTagNameNS(NS_MESSAGES, 'FindPeopleResponse')[0];
  if (!response) throw new Error('FindPeople: no FindPeopleResponse in the answer');
  if (response.getAttribute('ResponseClass') === 'Error')
    throw new Error(`FindPeople: ${childText(response, NS_MESSAGES, 'ResponseCode')}`);
  const people: DirectoryPerson[] = [];
  for (const persona of Array.from(response.getElementsByTagNameNS(NS_TYPES, 'Persona'))) {
    const address = persona.getElementsByTagNameNS(NS_TYPES, 'EmailAddress')[0];
    const email = address ? childText(address, NS_TYPES, 'EmailAddress').toLowerCase() : '';
    if (email === '') continue;
    people.push({ name: childText(persona, NS_TYPES, 'DisplayName') || email, email });
  }
  return people;
}

/** ResolveNames / FindPeople in the directory, as the service account, within the connection's budget. */
export function userDirectoryOn(access: EwsAccess): ExchangeUserDirectory {
  const { connection } = access;

  async function resolveNames(entry: string): Promise<DirectoryPerson[]> {
    const service = connection.asServiceAccount();
    try {
      const found = await access.throttle.run(() =>
        service.ResolveName(escapeXmlText(entry), ews.ResolveNameSearchLocation.DirectoryOnly, false),
      );
      const people: DirectoryPerson[] = [];
      for (let i = 0; i < found.Count; i++) {
        const mailbox = found._getItem(i).Mailbox;
        if (mailbox.Address)
          people.push({ name: mailbox.Name || mailbox.Address, email: mailbox.Address.toLowerCase() });
      }
      return people;
    } catch (err) {
      if (isNoResults(err)) return [];
      throw err;
    }
  }

  return {
    async mailboxOfUser(exchangeUserId: string): Promise<ExchangeMailboxOwner | undefined> {
      const service = connection.asServiceAccount();
      const found = await access.throttle.run(() =>
        service.ResolveName(exchangeUserId, ews.ResolveNameSearchLocation.DirectoryOnly, false),
      );
      // A GUID names one mailbox; anything else is not an answer we can trust.
      if (found.Count !== 1) return undefined;
      const mailbox = found._getItem(0).Mailbox;
      return mailbox.Address
        ? { smtpAddress: mailbox.Address.toLowerCase(), displayName: mailbox.Name || mailbox.Address }
        : undefined;
    },

    async searchPeople(query: string, max: number): Promise<DirectoryPerson[]> {
      // Until Exchange has answered once we do not know its release: ResolveNames works on every one.
      if (!connection.speaks2013()) return (await resolveNames(query)).slice(0, max);
      const xml = await access.throttle.run(() => connection.postSoap(findPeopleEnvelope(query, max)));
      return personasOf(xml).slice(0, max);
    },

    async resolveAddress(email: string): Promise<DirectoryPerson | undefined> {
      const wanted = email.trim().toLowerCase();
      const found = await resolveNames(`SMTP:${wanted}`);
      return found.find((p) => p.email === wanted);
    },
  };
}
