import type { Knex } from 'knex';
import { DEMO_MAIL_DOMAIN } from '../organisation/organisation';

/**
 * Event management in the demo: the installation books in events mode, and the demo employee
 * (Emma Schmidt) has starred three rooms, so /events opens on her favourites' day.
 */

const DEMO_EMPLOYEE = `emma.schmidt@${DEMO_MAIL_DOMAIN}`;
const FAVOURITES = ['elbe', 'alster', 'speicher'].map((slug) => `room.harbour.0.${slug}@${DEMO_MAIL_DOMAIN}`);

export async function seedDemoEvents(knex: Knex): Promise<number> {
  await knex('booking_settings').insert({ id: 1, booking_mode: 'events' }).onConflict('id').merge(['booking_mode']);
  const user = await knex('users')
    .whereRaw('lower(email) = ?', [DEMO_EMPLOYEE])
    .first<{ id: string } | undefined>('id');
  if (!user) return 0;
  const rooms = await knex('rooms')
    .whereIn('exchange_email', FAVOURITES)
    .select<{ id: string; exchange_email: string }[]>('id', 'exchange_email');
  const ordered = FAVOURITES.flatMap((email) => rooms.filter((r) => r.exchange_email === email));
  for (const room of ordered)
    await knex('favourite_rooms')
      .insert({ user_id: user.id, room_id: room.id })
      .onConflict(['user_id', 'room_id'])
      .ignore();
  return ordered.length;
}
