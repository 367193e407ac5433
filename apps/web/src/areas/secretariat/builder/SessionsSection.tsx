import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OrderedPicker } from '../../../shared/OrderedPicker';
import { GenevaDateInput } from './BasicsSection';
import { field, fieldDomId, Legend, type CallForm } from './call-form-kit';
import {
  emptySession,
  MAX_SESSION_CAPACITY,
  MAX_SESSIONS,
  priorityQuestions,
  type SessionRow,
} from './registration-form';

interface SessionsProps {
  form: CallForm;
  /** The sessions no longer change once the call has opened. */
  locked: boolean;
  /** The allocation rule no longer changes once the call is published. */
  ruleLocked: boolean;
}

/**
 * A registration call's sessions with their seats (speaking slots), and how the seats are given:
 * in order of receipt, or by the priority of a choice question's answer, with a limit per country.
 */
export function SessionsSection({ form, locked, ruleLocked }: SessionsProps) {
  const { t } = useTranslation('secretariat');
  const rows = form.values.sessions;
  return (
    <Fieldset legend={<Legend title={t('builder.sessions.title')} locked={locked} />}>
      <Stack>
        <Text size="sm">{t('builder.sessions.intro')}</Text>
        {rows.map((row, index) => (
          <SessionCard
            key={row.uid}
            form={form}
            row={row}
            index={index}
            locked={locked}
            onRemove={() => form.removeListItem('sessions', index)}
          />
        ))}
        <Text c="red.9" size="sm" id={fieldDomId('sessions')} role="alert">
          {form.errors.sessions}
        </Text>
        {!locked && rows.length < MAX_SESSIONS && (
          <Group>
            <Button variant="default" onClick={() => form.insertListItem('sessions', emptySession())}>
              {t('builder.sessions.add')}
            </Button>
          </Group>
        )}
        {rows.length > 0 && <AllocationRule form={form} locked={ruleLocked} />}
      </Stack>
    </Fieldset>
  );
}

function SessionCard(props: { form: CallForm; row: SessionRow; index: number; locked: boolean; onRemove: () => void }) {
  const { form, row, index, locked, onRemove } = props;
  const { t } = useTranslation('secretariat');
  const path = `sessions.${index}`;
  const name = row.title.trim() || t('builder.sessions.number', { number: index + 1 });
  return (
    <Paper withBorder p="sm" radius="sm" component="fieldset" aria-label={name} m={0}>
      <Stack gap="xs">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('builder.sessions.key')}
            description={t('builder.sessions.keyHint')}
            required
            disabled={locked}
            w={200}
            {...field(form, `${path}.key`)}
          />
          <TextInput
            label={t('builder.sessions.sessionTitle')}
            required
            disabled={locked}
            style={{ flex: 1, minWidth: 220 }}
            {...field(form, `${path}.title`)}
          />
          <NumberInput
            label={t('builder.sessions.capacity')}
            description={t('builder.sessions.capacityHint')}
            required
            min={1}
            max={MAX_SESSION_CAPACITY}
            allowDecimal={false}
            disabled={locked}
            w={160}
            {...field(form, `${path}.capacity`)}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <GenevaDateInput
            label={t('builder.sessions.startsAt')}
            value={row.startsAt}
            inputProps={field(form, `${path}.startsAt`)}
            disabled={locked}
          />
          <GenevaDateInput
            label={t('builder.sessions.endsAt')}
            value={row.endsAt}
            inputProps={field(form, `${path}.endsAt`)}
            disabled={locked}
            required={false}
          />
        </SimpleGrid>
        {!locked && (
          <div>
            <Button variant="subtle" color="red" c="red.9" size="compact-sm" onClick={onRemove}>
              {t('builder.sessions.remove', { name })}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function AllocationRule({ form, locked }: { form: CallForm; locked: boolean }) {
  const { t } = useTranslation('secretariat');
  const rule = form.values.sessionAllocation;
  const questions = priorityQuestions(form.values);
  const question = questions.find((q) => q.key === rule.questionKey);
  const chooseQuestion = (key: string) => {
    form.setFieldValue('sessionAllocation.questionKey', key);
    // Every option of the question, in its order, to start from: the secretariat reorders or removes.
    form.setFieldValue('sessionAllocation.classes', questions.find((q) => q.key === key)?.options ?? []);
  };
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('builder.sessions.rule')}
        description={t('builder.sessions.ruleHint')}
        {...field(form, 'sessionAllocation.rule')}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="receipt" label={t('builder.sessions.receipt')} disabled={locked} />
          <Radio value="priority" label={t('builder.sessions.priority')} disabled={locked} />
        </Stack>
      </Radio.Group>
      {rule.rule === 'priority' && (
        <>
          <NativeSelect
            label={t('builder.sessions.question')}
            description={questions.length === 0 ? t('builder.sessions.noChoiceQuestion') : undefined}
            disabled={locked}
            data={[
              { value: '', label: t('builder.sessions.chooseQuestion') },
              ...questions.map((q) => ({ value: q.key, label: q.label })),
            ]}
            {...field(form, 'sessionAllocation.questionKey')}
            onChange={(event) => chooseQuestion(event.currentTarget.value)}
          />
          {question && (
            <OrderedPicker
              id={fieldDomId('sessionAllocation.classes')}
              label={t('builder.sessions.classes')}
              description={t('builder.sessions.classesHint')}
              options={question.options.map((option) => ({ value: option, label: option }))}
              value={rule.classes}
              onChange={(classes) => form.setFieldValue('sessionAllocation.classes', classes)}
              addLabel={t('builder.sessions.addClass')}
              emptyText={t('builder.sessions.noClasses')}
              disabled={locked}
              error={form.errors['sessionAllocation.classes'] as string | undefined}
            />
          )}
        </>
      )}
      <NumberInput
        label={t('builder.sessions.maxPerCountry')}
        description={t('builder.sessions.maxPerCountryHint')}
        min={1}
        max={MAX_SESSION_CAPACITY}
        allowDecimal={false}
        disabled={locked}
        w={{ base: '100%', sm: 320 }}
        {...field(form, 'sessionAllocation.maxPerCountry')}
      />
    </Stack>
  );
}
