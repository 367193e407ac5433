import { IsNumberMap } from '@app/platform';
import { REGIONS } from '../domain/geography';

/** `{ AFR: 2, EUR: 1 }`: keys are ITU regions, values non-negative integers. */
export const IsRegionMap = () =>
  IsNumberMap({
    keys: REGIONS,
    integer: true,
    atLeast: 0,
    message: `$property must map ITU regions (${REGIONS.join(', ')}) to non-negative integers`,
  });
