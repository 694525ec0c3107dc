import type { MailboxAvailability } from '../model/api';
import { attrOf, elementChildren, mChild, tChild, textOf, type Element } from '../soap/dom';
import { bodyElement } from '../soap/envelope';
import { el, leaf, NS } from '../soap/xml';
import type { OperationContext, UnaryOperation } from './context';
import { fromLocal, parseLegacyZone, toLocal, type LegacyZone } from './legacyZone';
import {
  errorMessage,
  perEntry,
  ProtocolError,
  responseWithMessages,
  successMessage,
  toMessageError,
  warningMessage,
} from './responses';
import { mailboxElement } from './writeItem';

/** ResolveNames, GetRoomLists, GetRooms, ConvertId and GetUserAvailability. */

function resolveNames(ctx: OperationContext, request: Element): string {
  const entry = (textOf(mChild(request, 'UnresolvedEntry')) ?? '').trim();
  const fullContact = attrOf(request, 'ReturnFullContactData') === 'true';
  const name = 'ResolveNamesResponseMessage';
  let message: string;
  try {
    const found = ctx.model.resolveNames(entry);
    if (found.length === 0) throw new ProtocolError('ErrorNameResolutionNoResults', 'No results were found.');
    const set = el(
      'm:ResolutionSet',
      { TotalItemsInView: found.length, IncludesLastItemInRange: true },
      ...found.map((r) =>
        el(
          't:Resolution',
          undefined,
          mailboxElement('t:Mailbox', r.emailAddress),
          fullContact
            ? el(
                't:Contact',
                undefined,
                leaf('t:DisplayName', r.mailbox.displayName),
                el('t:EmailAddresses', undefined, leaf('t:Entry', `SMTP:${r.mailbox.smtp}`, { Key: 'EmailAddress1' })),
                leaf('t:ContactSource', 'ActiveDirectory'),
              )
            : undefined,
        ),
      ),
    );
    message =
      found.length > 1
        ? warningMessage(name, 'ErrorNameResolutionMultipleResults', 'Multiple results were found.', set)
        : successMessage(name, set);
  } catch (err) {
    message = errorMessage(name, toMessageError(err));
  }
  return responseWithMessages('ResolveNames', [message]);
}

/**
 * FindPeople (Exchange 2013+) in the directory (`DistinguishedFolderId Id="directory"`): personas
 * with DisplayName, EmailAddress and RelevanceScore, paged by IndexedPageItemView. The response is
 * itself the response message (no ResponseMessages wrapper), as in Exchange.
 */
function findPeople(ctx: OperationContext, request: Element): string {
  const ns = { 'xmlns:m': NS.m, 'xmlns:t': NS.t };
  const view = mChild(request, 'IndexedPageItemView');
  const offset = Math.max(0, Number(attrOf(view, 'Offset') ?? '0') || 0);
  const max = Math.max(1, Number(attrOf(view, 'MaxEntriesReturned') ?? '100') || 100);
  const folder = tChild(mChild(request, 'ParentFolderId'), 'DistinguishedFolderId');
  try {
    if (attrOf(folder, 'Id') !== 'directory')
      throw new ProtocolError('ErrorInvalidRequest', 'Only the directory is searched by this simulator.');
    const found = ctx.model.findPeople(textOf(mChild(request, 'QueryString')) ?? '');
    const page = found.slice(offset, offset + max);
    return el(
      'm:FindPeopleResponse',
      { ...ns, ResponseClass: 'Success' },
      leaf('m:ResponseCode', 'NoError'),
      el(
        'm:People',
        undefined,
        ...page.map((p) =>
          el(
            't:Persona',
            undefined,
            el('t:PersonaId', { Id: Buffer.from(`persona:${p.mailbox.mailboxGuid}`).toString('base64') }),
            leaf('t:DisplayName', p.mailbox.displayName),
            mailboxElement('t:EmailAddress', p.emailAddress),
            leaf('t:RelevanceScore', p.relevance),
          ),
        ),
      ),
      leaf('m:TotalNumberOfPeopleInView', found.length),
      leaf('m:FirstMatchingRowIndex', offset),
      leaf('m:FirstLoadedRowIndex', offset),
    );
  } catch (err) {
    const e = toMessageError(err);
    return el(
      'm:FindPeopleResponse',
      { ...ns, ResponseClass: 'Error' },
      leaf('m:MessageText', e.messageText),
      leaf('m:ResponseCode', e.responseCode),
      leaf('m:DescriptiveLinkKey', 0),
    );
  }
}

function roomListAddress(name: string, email: string): string {
  // Room lists are distribution groups: Exchange reports them as PublicDL.
  return el(
    't:Address',
    undefined,
    leaf('t:Name', name),
    leaf('t:EmailAddress', email),
    leaf('t:RoutingType', 'SMTP'),
    leaf('t:MailboxType', 'PublicDL'),
  );
}

function getRoomLists(ctx: OperationContext): string {
  const lists = ctx.model.roomLists().map((l) => roomListAddress(l.name, l.email));
  return el(
    'm:GetRoomListsResponse',
    { 'xmlns:m': NS.m, 'xmlns:t': NS.t, ResponseClass: 'Success' },
    leaf('m:ResponseCode', 'NoError'),
    el('m:RoomLists', undefined, ...lists),
  );
}

function getRooms(ctx: OperationContext, request: Element): string {
  const listEmail = (textOf(tChild(mChild(request, 'RoomList'), 'EmailAddress')) ?? '').trim();
  const ns = { 'xmlns:m': NS.m, 'xmlns:t': NS.t };
  try {
    const rooms = ctx.model.rooms(listEmail);
    return el(
      'm:GetRoomsResponse',
      { ...ns, ResponseClass: 'Success' },
      leaf('m:ResponseCode', 'NoError'),
      el('m:Rooms', undefined, ...rooms.map((r) => el('t:Room', undefined, mailboxElement('t:Id', r)))),
    );
  } catch (err) {
    const e = toMessageError(err);
    return el(
      'm:GetRoomsResponse',
      { ...ns, ResponseClass: 'Error' },
      leaf('m:MessageText', e.messageText),
      leaf('m:ResponseCode', e.responseCode),
      leaf('m:DescriptiveLinkKey', 0),
    );
  }
}

const ID_FORMATS = ['EwsLegacyId', 'EwsId', 'EntryId', 'HexEntryId', 'StoreId'] as const;
type IdFormat = (typeof ID_FORMATS)[number];

function idBytes(format: IdFormat, id: string): Buffer {
  if (format === 'HexEntryId') {
    if (!/^[0-9a-fA-F]+$/.test(id) || id.length % 2 !== 0)
      throw new ProtocolError('ErrorInvalidIdMalformed', 'Id is malformed.');
    return Buffer.from(id, 'hex');
  }
  const bytes = Buffer.from(id.replace(/-/g, '/').replace(/_/g, '+'), 'base64');
  if (bytes.length === 0) throw new ProtocolError('ErrorInvalidIdMalformed', 'Id is malformed.');
  return bytes;
}

function formatId(format: IdFormat, bytes: Buffer): string {
  return format === 'HexEntryId' ? bytes.toString('hex').toUpperCase() : bytes.toString('base64');
}

function convertId(_ctx: OperationContext, request: Element): string {
  const destination = attrOf(request, 'DestinationFormat') ?? 'EwsId';
  const sources = elementChildren(mChild(request, 'SourceIds') ?? request, NS.t, 'AlternateId');
  const messages = perEntry(sources, 'ConvertIdResponseMessage', (s) => {
    const from = ID_FORMATS.find((f) => f === attrOf(s, 'Format'));
    const to = ID_FORMATS.find((f) => f === destination);
    if (!from || !to)
      throw new ProtocolError(
        'ErrorInvalidIdMalformed',
        'The simulator converts EwsId, EwsLegacyId, EntryId, HexEntryId and StoreId only.',
      );
    return successMessage(
      'ConvertIdResponseMessage',
      el('m:AlternateId', {
        'xmlns:xsi': NS.xsi,
        'xsi:type': 't:AlternateIdType',
        Format: to,
        Id: formatId(to, idBytes(from, attrOf(s, 'Id') ?? '')),
        Mailbox: attrOf(s, 'Mailbox'),
      }),
    );
  });
  return responseWithMessages('ConvertId', messages);
}

function calendarEvents(a: MailboxAvailability, zone: LegacyZone): string | undefined {
  if (a.view === 'MergedOnly' || a.view === 'None') return undefined;
  return el(
    't:CalendarEventArray',
    undefined,
    ...a.calendarEvents.map((e) =>
      el(
        't:CalendarEvent',
        undefined,
        leaf('t:StartTime', toLocal(zone, e.start)),
        leaf('t:EndTime', toLocal(zone, e.end)),
        leaf('t:BusyType', e.busyType),
        e.details
          ? el(
              't:CalendarEventDetails',
              undefined,
              leaf('t:ID', e.details.id),
              leaf('t:Subject', e.details.subject),
              leaf('t:Location', e.details.location),
              leaf('t:IsMeeting', e.details.isMeeting),
              leaf('t:IsRecurring', e.details.isRecurring),
              leaf('t:IsException', e.details.isException),
              leaf('t:IsReminderSet', e.details.isReminderSet),
              leaf('t:IsPrivate', e.details.isPrivate),
            )
          : undefined,
      ),
    ),
  );
}

function getUserAvailability(ctx: OperationContext, request: Element): string {
  const zone = parseLegacyZone(tChild(request, 'TimeZone'));
  const options = tChild(request, 'FreeBusyViewOptions');
  const window = tChild(options, 'TimeWindow');
  const mailboxes = elementChildren(mChild(request, 'MailboxDataArray') ?? request, NS.t, 'MailboxData').map((d) => ({
    email: (textOf(tChild(tChild(d, 'Email'), 'Address')) ?? '').trim(),
    excludeConflicts: textOf(tChild(d, 'ExcludeConflicts'))?.trim() === 'true',
  }));
  const interval = textOf(tChild(options, 'MergedFreeBusyIntervalInMinutes'));
  const view = (textOf(tChild(options, 'RequestedView')) ?? 'FreeBusy').trim() as Parameters<
    OperationContext['model']['getUserAvailability']
  >[0]['view'];
  const results = ctx.model.getUserAvailability({
    requester: ctx.actor,
    mailboxes,
    start: fromLocal(zone, textOf(tChild(window, 'StartTime')) ?? ''),
    end: fromLocal(zone, textOf(tChild(window, 'EndTime')) ?? ''),
    view,
    mergedFreeBusyIntervalMinutes: interval === undefined ? undefined : Number(interval),
  });
  const responses = results.map((a) => {
    if (a.error) {
      return el(
        'm:FreeBusyResponse',
        undefined,
        errorMessage('ResponseMessage', a.error),
        el('m:FreeBusyView', undefined, leaf('t:FreeBusyViewType', 'None')),
      );
    }
    return el(
      'm:FreeBusyResponse',
      undefined,
      successMessage('ResponseMessage'),
      el(
        'm:FreeBusyView',
        undefined,
        leaf('t:FreeBusyViewType', a.view),
        leaf('t:MergedFreeBusy', a.mergedFreeBusy),
        calendarEvents(a, zone),
      ),
    );
  });
  return bodyElement('GetUserAvailabilityResponse', el('m:FreeBusyResponseArray', undefined, ...responses));
}

export const directoryOperations: ReadonlyMap<string, UnaryOperation> = new Map<string, UnaryOperation>([
  ['ResolveNames', { kind: 'unary', handle: resolveNames }],
  ['FindPeople', { kind: 'unary', handle: findPeople }],
  ['GetRoomLists', { kind: 'unary', handle: getRoomLists }],
  ['GetRooms', { kind: 'unary', handle: getRooms }],
  ['ConvertId', { kind: 'unary', handle: convertId }],
  ['GetUserAvailabilityRequest', { kind: 'unary', handle: getUserAvailability }],
]);
