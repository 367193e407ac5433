import { Alert, List, Text } from '@mantine/core';
import type { Application } from '../api/types';
import { DateTime } from './DateTime';

type Decision = NonNullable<Application['replyDecision']>;

/** The secretariat's decision on a reply, its reason and when, as both its replier and the secretariat see it. */
export function ReplyDecisionAlert({ decision, title, reason }: { decision: Decision; title: string; reason: string }) {
  return (
    <Alert
      color={decision.decision === 'confirmed' ? 'teal' : 'red'}
      variant="light"
      title={title}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Text size="sm">{reason}</Text>
      <Text size="sm" c="dimmed">
        <DateTime value={decision.decidedAt} />
      </Text>
    </Alert>
  );
}

/** The sessions a reply asks for, most wanted first, by their titles. */
export function SessionPreferenceList({ keys, titleOf }: { keys: string[]; titleOf: (key: string) => string }) {
  return (
    <List type="ordered" size="sm">
      {keys.map((key) => (
        <List.Item key={key}>{titleOf(key)}</List.Item>
      ))}
    </List>
  );
}
