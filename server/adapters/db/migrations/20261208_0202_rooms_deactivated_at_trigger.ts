import type { Knex } from 'knex';

// Keeps rooms.deactivated_at true whatever code path flips `active` (a reactivated room is active
// again from then on; the gap before is not remembered).
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE FUNCTION rooms_track_deactivation() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        NEW.deactivated_at := CASE WHEN NEW.active THEN NULL ELSE now() END;
      ELSIF NEW.active AND NOT OLD.active THEN
        NEW.deactivated_at := NULL;
      ELSIF OLD.active AND NOT NEW.active THEN
        NEW.deactivated_at := now();
      END IF;
      RETURN NEW;
    END
    $$ LANGUAGE plpgsql
  `);
  await db.raw(
    'CREATE TRIGGER rooms_track_deactivation BEFORE INSERT OR UPDATE OF active ON rooms FOR EACH ROW EXECUTE FUNCTION rooms_track_deactivation()',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TRIGGER rooms_track_deactivation ON rooms');
  await db.raw('DROP FUNCTION rooms_track_deactivation()');
}
