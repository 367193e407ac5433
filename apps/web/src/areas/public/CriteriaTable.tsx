import { Text, Title, type TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call, Criterion } from '../../api/types';
import { CallText } from '../../shared/call-texts';
import { formatPercent } from '../../shared/format';
import classes from './CriteriaTable.module.css';

interface CriteriaTableProps {
  criteria: Criterion[];
  headingLevel: TitleOrder;
  /** The call they are read from, whose texts shown in English are marked so. */
  call?: Call;
}

/** The published criteria and their weights, as shares of the total (the scoring normalises them). */
export function CriteriaTable({ criteria, headingLevel, call }: CriteriaTableProps) {
  const { t, i18n } = useTranslation('public');
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return (
    <div>
      <Title order={headingLevel} size="h4" mb="xs">
        {t('criteria.title')}
      </Title>
      <table className={classes.table}>
        <thead>
          <tr>
            <th scope="col">{t('criteria.criterion')}</th>
            <th scope="col" className={classes.weight}>
              {t('criteria.weight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((criterion) => (
            <tr key={criterion.code}>
              <td>
                <Text fw={600} size="sm">
                  {call ? (
                    <CallText call={call} field={`criteria.${criterion.code}.title`}>
                      {criterion.title}
                    </CallText>
                  ) : (
                    criterion.title
                  )}
                </Text>
                {criterion.description && (
                  <Text size="sm" c="dimmed">
                    {call ? (
                      <CallText call={call} field={`criteria.${criterion.code}.description`}>
                        {criterion.description}
                      </CallText>
                    ) : (
                      criterion.description
                    )}
                  </Text>
                )}
              </td>
              <td className={classes.weight}>
                {formatPercent(total > 0 ? criterion.weight / total : 0, i18n.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
