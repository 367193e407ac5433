import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Organisation } from '../../../api/types';
import { MEMBERSHIP_CATEGORIES, type MembershipCategory as Category } from '../../../shared/membership';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import { forgetOrganisation } from './organisations';

/**
 * The organisation's membership category, which calls are addressed by, and a way to correct it
 * with a reason (kept in the audit trail): declared at registration, or presumed from its type.
 */
export function MembershipCategory({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation(['secretariat', 'common']);
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const [category, setCategory] = useState<Category>(organisation.membershipCategory);
  return (
    <Group gap="xs" component="span" wrap="wrap">
      <Text span>{t(`common:membership.${organisation.membershipCategory}`)}</Text>
      <Button
        variant="default"
        size="compact-sm"
        aria-label={t('membership.changeNamed', { name: organisation.name })}
        onClick={() => {
          setCategory(organisation.membershipCategory);
          open();
        }}
      >
        {t('membership.change')}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t('membership.title', { name: organisation.name })}
        explanation={t('membership.explanation')}
        reasonLabel={t('membership.reason')}
        minLength={1}
        confirmLabel={t('membership.confirm')}
        onConfirm={async (reason) => {
          await ok(
            api.PUT('/api/v1/organisations/{id}/membership-category', {
              params: { path: { id: organisation.id } },
              body: { membershipCategory: category, reason },
            }),
          );
          forgetOrganisation(organisation.id);
          close();
          await revalidator.revalidate();
        }}
      >
        <NativeSelect
          label={t('membership.category')}
          data-autofocus
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value as Category)}
          data={MEMBERSHIP_CATEGORIES.map((value) => ({ value, label: t(`common:membership.${value}`) }))}
        />
      </ReasonDialog>
    </Group>
  );
}
