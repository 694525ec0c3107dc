import type { Knex } from 'knex';
import * as m0001 from './20261123_0001_btree_gist';
import * as m0002 from './20261123_0002_files';
import * as m0003 from './20261123_0003_buildings';
import * as m0004 from './20261123_0004_floors';
import * as m0005 from './20261123_0005_rooms';
import * as m0006 from './20261123_0006_room_images';
import * as m0007 from './20261123_0007_bookings';
import * as m0008 from './20261123_0008_bookings_no_overlap';
import * as m0009 from './20261123_0009_users';
import * as m0010 from './20261123_0010_sessions';
import * as m0011 from './20261123_0011_api_tokens';
import * as m0012 from './20261123_0012_bookings_occupying_during';
import * as m0013 from './20261123_0013_exchange_settings';
import * as m0020 from './20261123_0020_room_sync';
import * as m0021 from './20261123_0021_bookings_detail_source';
import * as m0022 from './20261123_0022_bookings_room_item';
import * as m0030 from './20261123_0030_rooms_best_fit';
import * as m0031 from './20261123_0031_room_sync_pull_state';
import * as m0050 from './20261123_0050_catering_providers';
import * as m0051 from './20261123_0051_catering_provider_buildings';
import * as m0052 from './20261123_0052_catering_items';
import * as m0060 from './20261123_0060_orders';
import * as m0061 from './20261123_0061_order_lines';
import * as m0062 from './20261123_0062_order_history';
import * as m0063 from './20261123_0063_outbox';
import * as m0040 from './20261123_0040_rooms_booking_rules';
import * as m0041 from './20261123_0041_booking_settings';
import * as m0042 from './20261123_0042_bookings_requester';
import * as m0043 from './20261123_0043_bookings_organizer_item';
import * as m0044 from './20261123_0044_bookings_outcome';
import * as m0045 from './20261123_0045_bookings_room_uid';
import * as m0046 from './20261123_0046_bookings_requested_by_idx';
import * as m0064 from './20261124_0064_orders_awaiting_meeting';
import * as m0070 from './20261124_0070_addin_identity_links';
import * as m0071 from './20261124_0071_addin_identity_links_user_idx';
import * as m0047 from './20261206_0047_bookings_meeting_cancelled';
import * as m0090 from './20261206_0090_webhook_allow_list';
import * as m0160 from './20261207_0160_displays';
import * as m0161 from './20261207_0161_display_settings';
import * as m0162 from './20261207_0162_room_display_settings';
import * as m0163 from './20261207_0163_display_actions';
import * as m0170 from './20261207_0170_display_settings_release_book_now';
import * as m0171 from './20261207_0171_room_display_settings_release_book_now';
import * as m0172 from './20261207_0172_room_releases';
import * as m0180 from './20261207_0180_displays_pin';
import * as m0101 from './20261208_0101_privacy_settings';
import * as m0501 from './20261208_0501_sso_settings';
import * as m0502 from './20261208_0502_sso_login_requests';
import * as m0300 from './20261208_0300_booking_settings_mode';
import * as m0301 from './20261208_0301_bookings_recurrence';
import * as m0302 from './20261208_0302_favourite_rooms';
import * as m0401 from './20261208_0401_users_access_expires';
import * as m0402 from './20261208_0402_external_profiles';
import * as m0403 from './20261208_0403_external_links';
import * as m0404 from './20261208_0404_external_settings';
import * as m0200 from './20261208_0200_users_role_analyst';
import * as m0201 from './20261208_0201_rooms_deactivated_at';
import * as m0202 from './20261208_0202_rooms_deactivated_at_trigger';
import * as m0203 from './20261208_0203_analytics_settings';
import * as m0204 from './20261208_0204_analytics_room_days';
import * as m0205 from './20261208_0205_analytics_rollup_state';
import * as m0206 from './20261208_0206_bookings_anonymised';
import * as m0600 from './20261208_0600_analytics_privacy_settings';
import * as m20261209_0200 from './20261209_0200_analytics_report_recipients';
import * as m0401saml from './20261209_0401_sso_settings_saml';
import * as m0402saml from './20261209_0402_saml_assertion_ids';
import * as m0403saml from './20261209_0403_sso_logout_hints';
import * as m0601 from './20261209_0601_bookings_details_pending';
import * as m0602 from './20261209_0602_bookings_details_pending_idx';
import * as m20261210_0401 from './20261210_0401_analytics_room_days_booking_ids_path';
import * as m20261210_0402 from './20261210_0402_analytics_room_days_drop_bookings_gin';
import * as m20261212_0201 from './20261212_0201_analytics_room_weeks';
import * as m20261212_0202 from './20261212_0202_analytics_room_weeks_fill';
import * as m20261214_0201 from './20261214_0201_analytics_room_days_hours';
import * as m20261214_0202 from './20261214_0202_analytics_room_weeks_hours';
import * as m20261216_0201 from './20261216_0201_bookings_is_event';
import * as m20261216_0202 from './20261216_0202_users_must_change_password';
import * as m20261216_0203 from './20261216_0203_sessions_password_change_required';

interface Migration {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

/**
 * Migrations are listed here, not discovered from the file system, so the same list works under
 * ts (tests, tsx) and compiled JavaScript (dist). Append only; never edit a released migration.
 */
const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  ['20261123_0001_btree_gist', m0001],
  ['20261123_0002_files', m0002],
  ['20261123_0003_buildings', m0003],
  ['20261123_0004_floors', m0004],
  ['20261123_0005_rooms', m0005],
  ['20261123_0006_room_images', m0006],
  ['20261123_0007_bookings', m0007],
  ['20261123_0008_bookings_no_overlap', m0008],
  ['20261123_0009_users', m0009],
  ['20261123_0010_sessions', m0010],
  ['20261123_0011_api_tokens', m0011],
  ['20261123_0012_bookings_occupying_during', m0012],
  ['20261123_0013_exchange_settings', m0013],
  ['20261123_0020_room_sync', m0020],
  ['20261123_0021_bookings_detail_source', m0021],
  ['20261123_0022_bookings_room_item', m0022],
  ['20261123_0030_rooms_best_fit', m0030],
  ['20261123_0031_room_sync_pull_state', m0031],
  ['20261123_0050_catering_providers', m0050],
  ['20261123_0051_catering_provider_buildings', m0051],
  ['20261123_0052_catering_items', m0052],
  ['20261123_0060_orders', m0060],
  ['20261123_0061_order_lines', m0061],
  ['20261123_0062_order_history', m0062],
  ['20261123_0063_outbox', m0063],
  ['20261123_0040_rooms_booking_rules', m0040],
  ['20261123_0041_booking_settings', m0041],
  ['20261123_0042_bookings_requester', m0042],
  ['20261123_0043_bookings_organizer_item', m0043],
  ['20261123_0044_bookings_outcome', m0044],
  ['20261123_0045_bookings_room_uid', m0045],
  ['20261123_0046_bookings_requested_by_idx', m0046],
  ['20261124_0064_orders_awaiting_meeting', m0064],
  ['20261124_0070_addin_identity_links', m0070],
  ['20261124_0071_addin_identity_links_user_idx', m0071],
  ['20261206_0047_bookings_meeting_cancelled', m0047],
  ['20261206_0090_webhook_allow_list', m0090],
  ['20261207_0160_displays', m0160],
  ['20261207_0161_display_settings', m0161],
  ['20261207_0162_room_display_settings', m0162],
  ['20261207_0163_display_actions', m0163],
  ['20261207_0170_display_settings_release_book_now', m0170],
  ['20261207_0171_room_display_settings_release_book_now', m0171],
  ['20261207_0172_room_releases', m0172],
  ['20261207_0180_displays_pin', m0180],
  ['20261208_0101_privacy_settings', m0101],
  ['20261208_0501_sso_settings', m0501],
  ['20261208_0502_sso_login_requests', m0502],
  ['20261208_0300_booking_settings_mode', m0300],
  ['20261208_0301_bookings_recurrence', m0301],
  ['20261208_0302_favourite_rooms', m0302],
  ['20261208_0401_users_access_expires', m0401],
  ['20261208_0402_external_profiles', m0402],
  ['20261208_0403_external_links', m0403],
  ['20261208_0404_external_settings', m0404],
  ['20261208_0200_users_role_analyst', m0200],
  ['20261208_0201_rooms_deactivated_at', m0201],
  ['20261208_0202_rooms_deactivated_at_trigger', m0202],
  ['20261208_0203_analytics_settings', m0203],
  ['20261208_0204_analytics_room_days', m0204],
  ['20261208_0205_analytics_rollup_state', m0205],
  ['20261208_0206_bookings_anonymised', m0206],
  ['20261208_0600_analytics_privacy_settings', m0600],
  ['20261209_0200_analytics_report_recipients', m20261209_0200],
  ['20261209_0401_sso_settings_saml', m0401saml],
  ['20261209_0402_saml_assertion_ids', m0402saml],
  ['20261209_0403_sso_logout_hints', m0403saml],
  ['20261209_0601_bookings_details_pending', m0601],
  ['20261209_0602_bookings_details_pending_idx', m0602],
  ['20261210_0401_analytics_room_days_booking_ids_path', m20261210_0401],
  ['20261210_0402_analytics_room_days_drop_bookings_gin', m20261210_0402],
  ['20261212_0201_analytics_room_weeks', m20261212_0201],
  ['20261212_0202_analytics_room_weeks_fill', m20261212_0202],
  ['20261214_0201_analytics_room_days_hours', m20261214_0201],
  ['20261214_0202_analytics_room_weeks_hours', m20261214_0202],
  ['20261216_0201_bookings_is_event', m20261216_0201],
  ['20261216_0202_users_must_change_password', m20261216_0202],
  ['20261216_0203_sessions_password_change_required', m20261216_0203],
];

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(MIGRATIONS.map(([name]) => name)),
  getMigrationName: (name) => name,
  getMigration: (name) => {
    const found = MIGRATIONS.find(([n]) => n === name);
    if (!found) throw new Error(`Unknown migration ${name}`);
    return Promise.resolve(found[1]);
  },
};
