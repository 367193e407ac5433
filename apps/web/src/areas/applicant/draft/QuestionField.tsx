import { NativeSelect, NumberInput, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Call, Question } from '../../../api/types';
import { CallText, optionLabel } from '../../../shared/call-texts';
import { PeopleField, type PersonPart } from './PeopleField';

/** Choices up to this many are radio buttons (all visible); more make a select. */
const MAX_RADIOS = 6;

interface QuestionFieldProps {
  question: Question;
  value: AnswerValue | undefined;
  error?: string;
  /** A people question's error on one part of one person. */
  partError?: (index: number, part: PersonPart) => string | undefined;
  onChange: (value: AnswerValue | null) => void;
  /** The call read in the reader's language: a label shown in English is marked, options shown translated. */
  call?: Call;
}

/** One of the call's questions as the field its type calls for, labelled, with its limits shown. */
export function QuestionField({ question, value, error, partError, onChange, call }: QuestionFieldProps) {
  const { t } = useTranslation('applicant');
  const common = {
    id: fieldId(question.key),
    label: call ? (
      <CallText call={call} field={`questions.${question.key}.label`}>
        {question.label}
      </CallText>
    ) : (
      question.label
    ),
    required: question.required,
    error,
  };
  if (question.type === 'people') {
    return (
      <PeopleField
        {...common}
        question={question}
        value={Array.isArray(value) ? value : []}
        partError={partError ?? (() => undefined)}
        onChange={(people) => onChange(people.length > 0 ? people : null)}
        call={call}
      />
    );
  }
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const counted = question.maxLength
    ? t('form.characters', { count: text.length, max: question.maxLength })
    : undefined;
  switch (question.type) {
    case 'longtext':
      return (
        <Textarea
          {...common}
          description={counted}
          autosize
          minRows={5}
          maxLength={question.maxLength}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
          allowDecimal
        />
      );
    case 'choice':
      return (question.options ?? []).length <= MAX_RADIOS ? (
        <Radio.Group {...common} value={text || null} onChange={(next) => onChange(next)}>
          <Stack gap="xs" mt="xs">
            {(question.options ?? []).map((option) => (
              <Radio key={option} value={option} label={call ? optionLabel(call, question.key, option) : option} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <NativeSelect
          {...common}
          value={text}
          data={[
            { value: '', label: t('form.choose') },
            ...(question.options ?? []).map((option) => ({
              value: option,
              label: call ? optionLabel(call, question.key, option) : option,
            })),
          ]}
          onChange={(event) => onChange(event.currentTarget.value || null)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={question.type === 'email' ? 'email' : question.type === 'url' ? 'url' : 'text'}
          placeholder={question.type === 'url' ? 'https://' : undefined}
          description={counted}
          maxLength={question.maxLength}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

/** The id of a question's field, which error summaries link to. */
export function fieldId(key: string): string {
  return `question-${key}`;
}
