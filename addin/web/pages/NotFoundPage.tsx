import { Title2 } from '@fluentui/react-components';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/StatusViews';
import { strings } from '../strings';

export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found-title">
      <Title2 as="h1" id="not-found-title">
        {strings.errors.notFoundTitle}
      </Title2>
      <EmptyState title={strings.errors.notFoundBody} hint={<Link to="/">{strings.errors.backHome}</Link>} />
    </section>
  );
}
