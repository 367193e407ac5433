import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/problem';
import { describeProblem } from './problems';

/**
 * A failed request told plainly, as an alert that screen readers announce. `listErrors` adds the
 * field errors that no field on the page shows.
 */
export function ProblemAlert({ problem, listErrors = false }: { problem: ApiProblem; listErrors?: boolean }) {
  useTranslation(); // re-renders in a newly chosen language
  const { title, message } = describeProblem(problem);
  return (
    <Alert color="red" variant="light" title={title} role="alert" my="md">
      {message}
      {listErrors && problem.errors.length > 0 && (
        <List size="sm" mt="xs">
          {problem.errors.map((error) => (
            <List.Item key={error.field}>
              {error.field}: {error.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
