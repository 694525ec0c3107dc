import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { integrationEndpoints } from '../../../shared/api/integration';
import { useApi } from '../../ui/hooks/useApi';
import { useAsync } from '../../ui/hooks/useAsync';
import { strings } from '../strings';

/** Says on every page that bookings come from the built-in Exchange simulator, not a real Exchange. */
export function SimulatedExchangeBanner() {
  const api = useApi();
  const { state } = useAsync('server-info', (signal) => api.call(integrationEndpoints.serverInfo, { signal }));
  if (state.status !== 'success' || !state.data.simulatedExchange) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{strings.simulatedExchange}</MessageBarBody>
    </MessageBar>
  );
}
