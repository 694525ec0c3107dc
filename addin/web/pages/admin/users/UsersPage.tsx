import { Button, Field, Input, Select, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { usersEndpoints } from '../../../../../shared/api/users';
import { ROLES, type Role } from '../../../../../shared/schemas/users';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { EmptyState, LoadingState } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { usersStrings as text } from './strings';
import { UserRow } from './UserRow';

const PAGE_SIZE = 25;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  title: { margin: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  search: { flexGrow: 1, minWidth: '200px' },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  pager: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Route `/admin/users`: find users, change their role, deactivate them, reset their password. */
export function UsersPage() {
  const styles = useStyles();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [page, setPage] = useState(1);
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(search.trim() ? { q: search.trim() } : {}),
    ...(role ? { role } : {}),
  };
  const { state, retry } = useAsync(`users:${JSON.stringify(query)}`, (signal) =>
    api.call(usersEndpoints.list, { query, signal }),
  );

  return (
    <section className={styles.page} aria-labelledby="users-title">
      <Title2 as="h1" id="users-title" className={styles.title}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      <div className={styles.filters} role="search">
        <Field label={text.search} className={styles.search}>
          <Input
            type="search"
            contentBefore={<SearchRegular />}
            placeholder={text.searchPlaceholder}
            value={search}
            onChange={(_e, d) => {
              setSearch(d.value);
              setPage(1);
            }}
          />
        </Field>
        <Field label={text.roleFilter}>
          <Select
            value={role}
            onChange={(_e, d) => {
              setRole(isRole(d.value) ? d.value : '');
              setPage(1);
            }}
          >
            <option value="">{text.allRoles}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {text.roles[r]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' && state.data.items.length === 0 ? <EmptyState title={text.none} /> : null}
      {state.status === 'success' && state.data.items.length > 0 ? (
        <>
          <ul className={styles.list} aria-label={text.listLabel}>
            {state.data.items.map((user) => (
              <UserRow key={user.id} initial={user} />
            ))}
          </ul>
          <div className={styles.pager}>
            <Button disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {text.previous}
            </Button>
            <Text>
              {text.pageOf(
                (page - 1) * PAGE_SIZE + 1,
                (page - 1) * PAGE_SIZE + state.data.items.length,
                state.data.total,
              )}
            </Text>
            <Button disabled={page * PAGE_SIZE >= state.data.total} onClick={() => setPage((p) => p + 1)}>
              {text.next}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
