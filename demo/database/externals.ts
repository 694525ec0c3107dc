import type { Knex } from 'knex';
import {
  DEMO_EXTERNAL_GUEST,
  DEMO_EXTERNAL_GUEST_COMPANY,
  DEMO_INVITED_CONTRACTOR,
  DEMO_PEOPLE,
} from '../organisation/organisation';
const DAY_MS = 86_400_000;

async function idOf(trx: Knex.Transaction, email: string): Promise<string | undefined> {
  const row = await trx('users').whereRaw('lower(email) = lower(?)', [email]).first<{ id: string } | undefined>('id');
  return row?.id;
}

/**
 * Admin → Externals in the demo: the demo guest as an active external of a partner company, and a
 * contractor with a pending invitation (the admin's "New invitation link" gives a link to open).
 */
export async function seedDemoExternals(trx: Knex.Transaction, now: Date): Promise<void> {
  const inviter = DEMO_PEOPLE.find((p) => p.role === 'admin');
  const invitedBy = inviter ? ((await idOf(trx, inviter.email)) ?? null) : null;
  const guest = await idOf(trx, DEMO_EXTERNAL_GUEST.email);
  if (guest) {
    await trx('external_profiles')
      .insert({
        user_id: guest,
        company: DEMO_EXTERNAL_GUEST_COMPANY,
        invited_by: invitedBy,
        invited_at: new Date(now.getTime() - 20 * DAY_MS).toISOString(),
        accepted_at: new Date(now.getTime() - 19 * DAY_MS).toISOString(),
      })
      .onConflict('user_id')
      .ignore();
  }
  if (await idOf(trx, DEMO_INVITED_CONTRACTOR.email)) return;
  const [contractor] = await trx('users')
    .insert({
      email: DEMO_INVITED_CONTRACTOR.email,
      name: DEMO_INVITED_CONTRACTOR.name,
      role: 'external',
      active: false,
      password_hash: null,
    })
    .returning<{ id: string }[]>('id');
  if (!contractor) return;
  await trx('external_profiles').insert({
    user_id: contractor.id,
    company: DEMO_INVITED_CONTRACTOR.company,
    invited_by: invitedBy,
    invited_at: new Date(now.getTime() - DAY_MS).toISOString(),
  });
}
