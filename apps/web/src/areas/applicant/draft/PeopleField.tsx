import { Button, Fieldset, Group, Input, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call, Person, Question } from '../../../api/types';
import { optionLabel } from '../../../shared/call-texts';

/** The longest each part of a person may be (the API's limits). */
const MAX_LENGTH = { name: 200, title: 200, email: 254 } as const;

export type PersonPart = keyof Person;

interface PeopleFieldProps {
  id: string;
  question: Question;
  label: ReactNode;
  value: Person[];
  /** The error of the whole list (too few, too many, required). */
  error?: string;
  /** The error of one part of one person (`answers.<key>[i].<part>`). */
  partError: (index: number, part: PersonPart) => string | undefined;
  onChange: (people: Person[]) => void;
  call?: Call;
}

/** The id of a part of a person's row, which error summaries link to. */
export function personFieldId(questionFieldId: string, index: number, part: string): string {
  return `${questionFieldId}-${index}-${part}`;
}

/**
 * A people question: one row per person (name, title or function, e-mail address, role), each in
 * a group of fields named after the person, with buttons to add a person (up to the most the
 * question takes) and to remove one.
 */
export function PeopleField({ id, question, label, value, error, partError, onChange, call }: PeopleFieldProps) {
  const { t } = useTranslation(['applicant', 'common']);
  const roles = question.options ?? [];
  const max = question.maxCount ?? 20;
  const min = question.minCount ?? 0;
  const errorId = `${id}-error`;
  const set = (index: number, part: PersonPart, text: string) =>
    onChange(value.map((person, i) => (i === index ? { ...person, [part]: text } : person)));
  const add = () => onChange([...value, { name: '', title: '', email: '', role: roles.length === 1 ? roles[0]! : '' }]);
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const personName = (person: Person, index: number) =>
    person.name.trim() || t('form.people.person', { number: index + 1 });
  const hint =
    min === max
      ? t('form.people.exactly', { count: max })
      : min > 0
        ? t('form.people.between', { min, count: max })
        : t('form.people.atMost', { count: max });

  return (
    <Fieldset
      id={id}
      legend={
        <>
          {label}
          {question.required && (
            <Text component="span" c="red.8" aria-hidden>
              {' *'}
            </Text>
          )}
        </>
      }
      aria-describedby={error ? errorId : undefined}
      variant="unstyled"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {value.length === 0 && <Text size="sm">{t('form.people.none')}</Text>}
        {value.map((person, index) => (
          <Paper
            key={index}
            withBorder
            p="sm"
            radius="sm"
            component="fieldset"
            m={0}
            aria-label={personName(person, index)}
          >
            <Group align="flex-start" gap="sm" wrap="wrap">
              {(['name', 'title', 'email'] as const).map((part) => (
                <TextInput
                  key={part}
                  id={personFieldId(id, index, part)}
                  label={t(`common:people.${part}`)}
                  required={part !== 'title'}
                  type={part === 'email' ? 'email' : 'text'}
                  maxLength={MAX_LENGTH[part]}
                  value={person[part]}
                  error={partError(index, part)}
                  onChange={(event) => set(index, part, event.currentTarget.value)}
                  style={{ flex: 1, minWidth: 180 }}
                />
              ))}
              <NativeSelect
                id={personFieldId(id, index, 'role')}
                label={t('common:people.role')}
                required
                value={person.role}
                error={partError(index, 'role')}
                data={[
                  { value: '', label: t('form.choose') },
                  ...roles.map((role) => ({ value: role, label: call ? optionLabel(call, question.key, role) : role })),
                ]}
                onChange={(event) => set(index, 'role', event.currentTarget.value)}
                style={{ flex: 1, minWidth: 180 }}
              />
            </Group>
            <Button variant="subtle" color="red" c="red.9" size="compact-sm" mt="xs" onClick={() => remove(index)}>
              {t('form.people.remove', { name: personName(person, index) })}
            </Button>
          </Paper>
        ))}
        {error && <Input.Error id={errorId}>{error}</Input.Error>}
        <div>
          <Button variant="default" onClick={add} disabled={value.length >= max}>
            {t('form.people.add')}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
