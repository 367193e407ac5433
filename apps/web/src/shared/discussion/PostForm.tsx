import { Button, Group, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../api/problem';
import { formatNumber } from '../format';
import { ProblemAlert } from '../ProblemAlert';
import { asProblem, fieldErrors } from '../problems';
import { MAX_POST_LENGTH, evaluatorAlias, personName, type Participant } from './discussion';
import { withMention } from './mentions';

export interface PostText {
  body: string;
  mentionIds: string[];
}

interface PostFormProps {
  /** Whom the reader may mention; the reader itself is left out. */
  participants: Participant[];
  readerId: string;
  /** The reader sees people's names; otherwise evaluators by number and the secretariat as such. */
  namesShown: boolean;
  initial?: PostText;
  labels: { body: string; submit: string };
  /** Sends the text; a failure is thrown as the API's problem and shown here. */
  send: (text: PostText) => Promise<void>;
  /** Given when editing: the form then takes the focus, and offers to cancel. */
  onCancel?: () => void;
  /** Said (to screen readers too) once a text is sent, by a form that stays on the page. */
  sentMessage?: string;
}

/**
 * A message's text and the participants it mentions, chosen from the thread's participants: choosing
 * one also writes `@Name` into the text, so that the message reads as it will be shown. An evaluator
 * is written as "Evaluator n" whoever writes, since the other evaluators read the text too.
 */
export function PostForm({
  participants,
  readerId,
  namesShown,
  initial,
  labels,
  send,
  onCancel,
  sentMessage,
}: PostFormProps) {
  const { t, i18n } = useTranslation(['discussion', 'common']);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [sent, setSent] = useState(false);
  const others = participants.filter((person) => person.id !== readerId);
  const known = new Set(others.map((person) => person.id));
  const form = useForm<PostText>({
    initialValues: {
      body: initial?.body ?? '',
      // A person no longer taking part (an evaluation reopened since) cannot be mentioned again.
      mentionIds: (initial?.mentionIds ?? []).filter((id) => known.has(id)),
    },
    validate: {
      body: (value) => {
        const length = value.trim().length;
        if (length === 0) return t('compose.empty');
        return length > MAX_POST_LENGTH ? t('common:fields.codes.TOO_LONG', { count: MAX_POST_LENGTH }) : null;
      },
    },
  });
  // The kind, or for a named evaluator its number, tells apart people of the same name.
  const participantLabel = (person: Participant) => {
    const name = personName(person, namesShown, t);
    if (person.evaluatorNumber === null) return namesShown ? `${name} (${t('kinds.secretariat')})` : name;
    return namesShown ? `${name} (${evaluatorAlias(person.evaluatorNumber, t)})` : name;
  };
  const mention = (ids: string[]) => {
    let body = form.values.body;
    for (const id of ids.filter((chosen) => !form.values.mentionIds.includes(chosen))) {
      const person = others.find((p) => p.id === id);
      if (person)
        body = withMention(
          body,
          person.evaluatorNumber === null
            ? personName(person, namesShown, t)
            : evaluatorAlias(person.evaluatorNumber, t),
        );
    }
    form.setValues({ body, mentionIds: ids });
  };
  const submit = form.onSubmit(async ({ body, mentionIds }) => {
    setProblem(null);
    setSent(false);
    try {
      await send({ body: body.trim(), mentionIds });
      if (!initial) form.reset();
      setSent(true);
    } catch (error) {
      const failure = asProblem(error);
      // A refused mention (`mentionIds.<i>`) is said on the picker.
      const [mentionError] = Object.values(fieldErrors(failure, 'mentionIds'));
      form.setErrors({ ...fieldErrors(failure), ...(mentionError ? { mentionIds: mentionError } : {}) });
      setProblem(failure);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={labels.body}
          autosize
          minRows={3}
          maxRows={14}
          description={t('compose.length', {
            length: formatNumber(form.values.body.trim().length, i18n.language),
            max: formatNumber(MAX_POST_LENGTH, i18n.language),
          })}
          // Opening an edit moves the keyboard into the text it edits.
          autoFocus={onCancel !== undefined}
          {...form.getInputProps('body')}
        />
        <MultiSelect
          label={t('compose.mention')}
          description={t('compose.mentionHelp')}
          data={others.map((person) => ({
            value: person.id,
            label: participantLabel(person),
          }))}
          searchable
          clearable
          nothingFoundMessage={t('compose.noMatch')}
          value={form.values.mentionIds}
          onChange={mention}
          error={form.errors.mentionIds}
        />
        {problem && <ProblemAlert problem={problem} />}
        {sent && sentMessage && (
          <Text size="sm" role="status">
            {sentMessage}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {labels.submit}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('edit.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
