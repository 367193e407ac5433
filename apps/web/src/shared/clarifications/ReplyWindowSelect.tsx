import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPLY_WINDOWS } from './reply-window';

/** The applicant's time to answer, in days; `keep` adds the choice of the deadline already proposed. */
export function ReplyWindowSelect({
  id,
  value,
  onChange,
  keep,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  keep?: boolean;
}) {
  const { t } = useTranslation('clarifications');
  const windows = REPLY_WINDOWS.map((days) => ({
    value: String(days),
    label: t('days', { count: days }),
  }));
  return (
    <NativeSelect
      id={id}
      label={t('replyWithin')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={keep ? [{ value: 'keep', label: t('keepDeadline') }, ...windows] : windows}
    />
  );
}
