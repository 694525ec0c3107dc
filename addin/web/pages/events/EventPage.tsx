import { useNavigate, useParams } from 'react-router';
import { eventsEndpoints } from '../../../../shared/api/events';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { ErrorState, LoadingState } from '../../../ui/StatusViews';
import { EventDetails } from './EventDetails';

/** Route `/events/:id`: one of my events, to look at, change or cancel (a link to keep or share with myself). */
export function EventPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const event = useAsync(`event:${id}`, (signal) => api.call(eventsEndpoints.getEvent, { params: { id }, signal }));
  if (event.state.status === 'loading') return <LoadingState />;
  if (event.state.status === 'error') return <ErrorState error={event.state.error} onRetry={event.retry} />;
  return <EventDetails event={event.state.data} onClose={() => void navigate('/events')} />;
}
