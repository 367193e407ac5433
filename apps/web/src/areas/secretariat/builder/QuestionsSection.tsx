import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { emptyQuestion, type QuestionRow } from './call-form';
import { field, Legend, type CallForm } from './call-form-kit';
import { QUESTION_TYPES, hasLength as asksLength } from './question-types';

/** The application form: each question becomes a field of the type chosen, in this order. */
export function QuestionsSection({ form, locked }: { form: CallForm; locked: boolean }) {
  const { t } = useTranslation('secretariat');
  const rows = form.values.questions;
  return (
    <Fieldset legend={<Legend title={t('builder.questions.title')} locked={locked} />}>
      <Stack>
        <Text size="sm">{t('builder.questions.intro')}</Text>
        {rows.length === 0 && <Text c="dimmed">{t('builder.questions.none')}</Text>}
        {rows.map((row, index) => (
          <QuestionCard
            key={row.uid}
            form={form}
            row={row}
            index={index}
            locked={locked}
            onRemove={() => form.removeListItem('questions', index)}
          />
        ))}
        {!locked && (
          <div>
            <Button variant="default" onClick={() => form.insertListItem('questions', emptyQuestion())}>
              {t('builder.questions.add')}
            </Button>
          </div>
        )}
      </Stack>
    </Fieldset>
  );
}

interface QuestionCardProps {
  form: CallForm;
  row: QuestionRow;
  index: number;
  locked: boolean;
  onRemove: () => void;
}

function QuestionCard({ form, row, index, locked, onRemove }: QuestionCardProps) {
  const { t } = useTranslation('secretariat');
  const name = row.key.trim() || t('builder.questions.number', { number: index + 1 });
  const path = (name: string) => `questions.${index}.${name}`;
  const hasLength = asksLength(row.type);
  const people = row.type === 'people';
  return (
    <Paper withBorder p="sm" radius="sm" component="fieldset" aria-label={name} m={0}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('builder.questions.key')}
          description={t('builder.questions.keyHint')}
          required
          disabled={locked}
          w={200}
          {...field(form, path('key'))}
        />
        <TextInput
          label={t('builder.questions.label')}
          required
          disabled={locked}
          style={{ flex: 1, minWidth: 240 }}
          {...field(form, path('label'))}
        />
      </Group>
      <Group align="flex-end" gap="sm" mt="xs" wrap="wrap">
        <NativeSelect
          label={t('builder.questions.type')}
          disabled={locked}
          data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`builder.questions.types.${type}`) }))}
          w={220}
          {...field(form, path('type'))}
        />
        {hasLength && (
          <NumberInput
            label={t('builder.questions.maxLength')}
            min={1}
            allowDecimal={false}
            disabled={locked}
            w={200}
            {...field(form, path('maxLength'))}
          />
        )}
        {people && (
          <>
            <NumberInput
              label={t('builder.questions.minCount')}
              description={t('builder.questions.minCountHint')}
              min={0}
              max={100}
              allowDecimal={false}
              disabled={locked}
              w={200}
              {...field(form, path('minCount'))}
            />
            <NumberInput
              label={t('builder.questions.maxCount')}
              description={t('builder.questions.maxCountHint')}
              min={1}
              max={100}
              allowDecimal={false}
              disabled={locked}
              w={200}
              {...field(form, path('maxCount'))}
            />
          </>
        )}
        <Checkbox
          label={t('builder.questions.required')}
          disabled={locked}
          mb={8}
          {...field(form, path('required'), 'checkbox')}
        />
      </Group>
      {(row.type === 'choice' || people) && (
        <Textarea
          label={t(people ? 'builder.questions.roles' : 'builder.questions.options')}
          description={t(people ? 'builder.questions.rolesHint' : 'builder.questions.optionsHint')}
          autosize
          minRows={3}
          mt="xs"
          required
          disabled={locked}
          {...field(form, path('options'))}
        />
      )}
      {!locked && (
        <Button variant="subtle" color="red" c="red.9" size="compact-sm" mt="xs" onClick={onRemove}>
          {t('builder.questions.remove', { name })}
        </Button>
      )}
    </Paper>
  );
}
