import { Button, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { useCall } from '../call/call-route';
import { hasStages, STAGE_PARAMETER } from './stages';

/**
 * The review stage a page shows, for a call of several stages (nothing for a call of one). A plain GET
 * form, as the list filters: choosing does not move the page, the button does; the stage is kept in
 * the address (the page's other parameters, pages of another stage's lists, are dropped).
 */
export function StageSelector({ stage }: { stage: number }) {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  if (!hasStages(call)) return null;
  return (
    <Form method="get" aria-label={t('stages.selector.form')} key={stage}>
      <Group align="flex-end" gap="sm" mb="md">
        <NativeSelect
          name={STAGE_PARAMETER}
          label={t('stages.selector.label')}
          defaultValue={String(stage)}
          data={call.stages.map((s) => ({
            value: String(s.position),
            label: t('stages.selector.option', { position: s.position, name: s.name }),
          }))}
        />
        <Button type="submit" variant="default">
          {t('stages.selector.show')}
        </Button>
      </Group>
    </Form>
  );
}
