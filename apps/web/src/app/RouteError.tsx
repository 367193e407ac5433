import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { PageTitle } from '../shared/PageTitle';
import { ProblemAlert } from '../shared/ProblemAlert';
import { asProblem } from '../shared/problems';
import { NotFound } from './NotFound';

/** A page that could not load: not found, not allowed, or a problem told as the API put it. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  const problem = asProblem(error);
  if (problem.status === 404) return <NotFound />;
  return (
    <>
      <PageTitle title={problem.status === 403 ? t('routeError.forbidden') : t('routeError.title')} />
      <ProblemAlert problem={problem} />
      <Text>
        <Anchor component={Link} to="/">
          {t('notFound.home')}
        </Anchor>
      </Text>
    </>
  );
}
