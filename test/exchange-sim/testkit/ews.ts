import { expect } from '@jest/globals';
import { all, impersonate, text, type Credentials, type RawClient } from './client';
import type { Element } from '../soap/dom';

/** Small EWS conversations built from raw SOAP, for scenario tests. */

export interface MeetingSpec {
  subject: string;
  start: string;
  end: string;
  rooms?: string[];
  attendees?: string[];
  recurrenceXml?: string;
}

const attendeesXml = (name: string, list: readonly string[] | undefined): string =>
  list && list.length > 0
    ? `<t:${name}>${list.map((a) => `<t:Attendee><t:Mailbox><t:EmailAddress>${a}</t:EmailAddress></t:Mailbox></t:Attendee>`).join('')}</t:${name}>`
    : '';

export class EwsConversation {
  constructor(
    readonly client: RawClient,
    readonly service: Credentials,
  ) {}

  async call(actor: string, bodyXml: string): Promise<Element> {
    const res = await this.client.soap(this.service, bodyXml, {
      impersonation: impersonate(actor),
      httpHeaders: { 'X-AnchorMailbox': actor },
    });
    if (res.status !== 200 || !res.body) throw new Error(`EWS call failed (${res.status}): ${res.text.slice(0, 400)}`);
    return res.body;
  }

  async ok(actor: string, bodyXml: string): Promise<Element> {
    const body = await this.call(actor, bodyXml);
    const codes = all(body, 'ResponseCode').map((c) => c.textContent);
    expect(codes.every((c) => c === 'NoError')).toBe(true);
    return body;
  }

  async createMeeting(
    organizer: string,
    m: MeetingSpec,
    mode = 'SendToAllAndSaveCopy',
  ): Promise<{ id: string; changeKey: string }> {
    const body = await this.ok(
      organizer,
      `<m:CreateItem SendMeetingInvitations="${mode}"><m:Items><t:CalendarItem>` +
        `<t:Subject>${m.subject}</t:Subject><t:Sensitivity>Private</t:Sensitivity><t:Body BodyType="Text">Agenda for ${m.subject}</t:Body>` +
        `<t:Start>${m.start}</t:Start><t:End>${m.end}</t:End>` +
        attendeesXml('RequiredAttendees', m.attendees) +
        attendeesXml('Resources', m.rooms) +
        (m.recurrenceXml ?? '') +
        `<t:StartTimeZone Id="W. Europe Standard Time"/><t:EndTimeZone Id="W. Europe Standard Time"/>` +
        `</t:CalendarItem></m:Items></m:CreateItem>`,
    );
    const id = all(body, 'ItemId')[0];
    return { id: id?.getAttribute('Id') ?? '', changeKey: id?.getAttribute('ChangeKey') ?? '' };
  }

  /** Calendar items (incl. expanded occurrences) of a mailbox in a window. */
  async calendarView(mailbox: string, start: string, end: string): Promise<Element[]> {
    const body = await this.ok(
      mailbox,
      `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>` +
        `<m:CalendarView StartDate="${start}" EndDate="${end}"/><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`,
    );
    return all(body, 'CalendarItem');
  }

  async getItem(mailbox: string, id: string): Promise<Element> {
    const body = await this.ok(
      mailbox,
      `<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="${id}"/></m:ItemIds></m:GetItem>`,
    );
    const item = all(body, 'CalendarItem')[0];
    if (!item) throw new Error('no item');
    return item;
  }

  /** The organizer copy's ResponseType for an attendee or room. */
  async responseOf(organizer: string, id: string, attendee: string): Promise<string | undefined> {
    const item = await this.getItem(organizer, id);
    const entry = all(item, 'Attendee').find((a) => text(a, 'EmailAddress') === attendee);
    return text(entry, 'ResponseType');
  }

  async update(actor: string, id: string, changesXml: string, mode = 'SendToAllAndSaveCopy'): Promise<Element> {
    return this.ok(
      actor,
      `<m:UpdateItem ConflictResolution="AlwaysOverwrite" SendMeetingInvitationsOrCancellations="${mode}"><m:ItemChanges><t:ItemChange>` +
        `<t:ItemId Id="${id}"/><t:Updates>${changesXml}</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`,
    );
  }
}

export function setField(uri: string, inner: string): string {
  return `<t:SetItemField><t:FieldURI FieldURI="${uri}"/><t:CalendarItem>${inner}</t:CalendarItem></t:SetItemField>`;
}

export function roomsXml(rooms: readonly string[]): string {
  return attendeesXml('Resources', rooms);
}
