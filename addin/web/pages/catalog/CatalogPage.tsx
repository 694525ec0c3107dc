import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { catalogEndpoints } from '../../../../shared/api/catalog';
import { locationsEndpoints } from '../../../../shared/api/locations';
import type { Item, Provider } from '../../../../shared/schemas/catalog';
import type { Building } from '../../../../shared/schemas/locations';
import { LoadingState } from '../../../ui/StatusViews';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { useSignedInUser } from '../../../ui/session/useSession';
import { mayOpen } from '../../navigation';
import { AdminError } from '../admin/AdminError';
import { ItemDialog } from './ItemDialog';
import { ItemsTable } from './ItemsTable';
import { ProviderDialog } from './ProviderDialog';
import { ProvidersTable } from './ProvidersTable';
import { catalogStrings as text } from './strings';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A section's heading and its "New …" button on one line, the button at the end.
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  heading: { margin: 0 },
  filter: { maxWidth: '320px' },
});

interface CatalogData {
  readonly providers: Provider[];
  readonly items: Item[];
  readonly buildings: Building[];
}

type Editing =
  | { readonly kind: 'provider'; readonly provider: Provider | undefined }
  | { readonly kind: 'item'; readonly item: Item | undefined }
  | undefined;

/**
 * Route `/catalog`: the facility team's catalog editor, one lazy chunk. The server refuses
 * others' writes anyway; this only spares them a page of buttons that answer 403.
 */
export function CatalogPage() {
  const styles = useStyles();
  const api = useApi();
  const user = useSignedInUser();
  const [editing, setEditing] = useState<Editing>();
  const [providerFilter, setProviderFilter] = useState('');
  const [toggleError, setToggleError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  const { state, retry } = useAsync<CatalogData>(`catalog:${version}`, async (signal) => {
    const [providers, items, buildings] = await Promise.all([
      api.call(catalogEndpoints.listProviders, { signal }),
      api.call(catalogEndpoints.listItems, { query: {}, signal }),
      api.call(locationsEndpoints.listBuildings, { signal }),
    ]);
    return { providers, items, buildings };
  });
  const reload = () => setVersion((v) => v + 1);

  if (!mayOpen('facility', user.role)) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{text.forbidden}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <AdminError error={state.error} onRetry={retry} />;
  const { providers, items, buildings } = state.data;
  const shownItems = providerFilter === '' ? items : items.filter((i) => i.providerId === providerFilter);

  const toggle = async (change: () => Promise<unknown>) => {
    setToggleError(undefined);
    try {
      await change();
      reload();
    } catch (error: unknown) {
      setToggleError(error);
    }
  };
  const saved = () => {
    setEditing(undefined);
    reload();
  };

  return (
    <div className={styles.page}>
      <div>
        <Title2 as="h1">{text.title}</Title2>
        <Text block>{text.intro}</Text>
      </div>
      {toggleError === undefined ? null : <AdminError error={toggleError} />}

      <section aria-labelledby="catalog-providers" className={styles.section}>
        <div className={styles.bar}>
          <Title3 as="h2" id="catalog-providers" className={styles.heading}>
            {text.providers.title}
          </Title3>
          <Button appearance="primary" onClick={() => setEditing({ kind: 'provider', provider: undefined })}>
            {text.providers.add}
          </Button>
        </div>
        <ProvidersTable
          providers={providers}
          items={items}
          buildings={buildings}
          onEdit={(provider) => setEditing({ kind: 'provider', provider })}
          onToggleActive={(p) =>
            void toggle(() =>
              api.call(catalogEndpoints.updateProvider, { params: { id: p.id }, body: { active: !p.active } }),
            )
          }
        />
      </section>

      <section aria-labelledby="catalog-items" className={styles.section}>
        <div className={styles.bar}>
          <Title3 as="h2" id="catalog-items" className={styles.heading}>
            {text.items.title}
          </Title3>
          <Button
            appearance="primary"
            disabled={providers.length === 0}
            onClick={() => setEditing({ kind: 'item', item: undefined })}
          >
            {text.items.add}
          </Button>
        </div>
        <Field label={text.items.filterProvider} className={styles.filter}>
          <Select value={providerFilter} onChange={(_e, d) => setProviderFilter(d.value)}>
            <option value="">{text.items.allProviders}</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <ItemsTable
          items={shownItems}
          providers={providers}
          onEdit={(item) => setEditing({ kind: 'item', item })}
          onToggleActive={(i) =>
            void toggle(() =>
              api.call(catalogEndpoints.updateItem, { params: { id: i.id }, body: { active: !i.active } }),
            )
          }
        />
      </section>

      {editing?.kind === 'provider' ? (
        <ProviderDialog
          provider={editing.provider}
          buildings={buildings}
          webhookEditable={user.role === 'admin'}
          onSaved={saved}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      {editing?.kind === 'item' ? (
        <ItemDialog
          item={editing.item}
          providerId={providerFilter || providers[0]?.id || ''}
          providers={providers}
          onSaved={saved}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </div>
  );
}
