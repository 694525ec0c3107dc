import type { Operation } from './context';
import { directoryOperations } from './directory';
import { findItemOperations } from './findItem';
import { folderOperations } from './folders';
import { itemOperations } from './items';
import {
  getStreamingEventsOperation,
  notificationOperations,
  type OpenStreams,
  type StreamingSettings,
} from './notifications';
import { syncOperations } from './sync';

/** Every EWS operation the simulator answers, by body element name. */
export function createOperations(
  streaming: StreamingSettings,
  openStreams: OpenStreams,
): ReadonlyMap<string, Operation> {
  const all = new Map<string, Operation>();
  for (const group of [
    folderOperations,
    itemOperations,
    findItemOperations,
    syncOperations,
    notificationOperations,
    directoryOperations,
  ]) {
    for (const [name, op] of group) all.set(name, op);
  }
  all.set('GetStreamingEvents', getStreamingEventsOperation(streaming, openStreams));
  return all;
}
