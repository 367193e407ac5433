import { NumberInput, Table, type NumberInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/types';
import { REGIONS } from '../../shared/regions';

type Limit = 'minPerRegion' | 'maxPerRegion';

/**
 * A minimum and a maximum number of centres for each ITU region, as the call's selection rules and
 * a proposal's constraints both have them; `inputProps` binds each field to its form.
 */
export function RegionLimitsTable({
  caption,
  disabled = false,
  inputProps,
}: {
  caption?: ReactNode;
  disabled?: boolean;
  inputProps: (limit: Limit, region: Region) => NumberInputProps;
}) {
  const { t } = useTranslation(['secretariat', 'common']);
  const input = (limit: Limit, region: Region, label: string) => (
    <NumberInput
      aria-label={label}
      min={0}
      allowDecimal={false}
      disabled={disabled}
      size="xs"
      {...inputProps(limit, region)}
    />
  );
  return (
    <Table withTableBorder verticalSpacing={4} captionSide="top" maw={640}>
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('builder.selection.region')}</Table.Th>
          <Table.Th scope="col">{t('builder.selection.minimum')}</Table.Th>
          <Table.Th scope="col">{t('builder.selection.maximum')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {REGIONS.map((region) => {
          const name = t(`common:regions.${region}`);
          return (
            <Table.Tr key={region}>
              <Table.Th scope="row" fw={400}>
                {name}
              </Table.Th>
              <Table.Td>{input('minPerRegion', region, t('builder.selection.minimumFor', { region: name }))}</Table.Td>
              <Table.Td>{input('maxPerRegion', region, t('builder.selection.maximumFor', { region: name }))}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
