import { Text, Title } from '@mantine/core';

/** A call's title, heading its section (by `id`), and its reference beneath. */
export function CallHeading({ id, call }: { id: string; call: { title: string; reference: string } }) {
  return (
    <div>
      <Title order={2} id={id}>
        {call.title}
      </Title>
      <Text size="sm" c="dimmed">
        {call.reference}
      </Text>
    </div>
  );
}
