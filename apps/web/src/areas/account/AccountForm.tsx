import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiProblem } from '../../api/problem';
import { withNext } from '../../app/guards';
import { PageTitle } from '../../shared/PageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';

interface AccountFormProps {
  title: string;
  intro?: ReactNode;
  width: number;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  problem: ApiProblem | null;
  submitLabel: string;
  submitting: boolean;
  /** The other way in (sign in instead of registering, or the reverse), keeping where the reader was going. */
  other: { prompt: string; label: string; path: string; next: string | null };
  children: ReactNode;
}

/** The frame of the sign-in and registration pages: their form, its refusal, and the way to the other page. */
export function AccountForm({
  title,
  intro,
  width,
  onSubmit,
  problem,
  submitLabel,
  submitting,
  other,
  children,
}: AccountFormProps) {
  return (
    <Stack maw={width}>
      <PageTitle title={title}>{intro}</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {problem && <ProblemAlert problem={problem} />}
            {children}
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text>
        {other.prompt}{' '}
        <Anchor component={Link} to={withNext(other.path, other.next)}>
          {other.label}
        </Anchor>
      </Text>
    </Stack>
  );
}
