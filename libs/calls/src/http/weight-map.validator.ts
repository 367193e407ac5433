import { IsNumberMap } from '@app/platform';

/** `{ IMPACT: 0.3 }`: criterion codes to positive weights. */
export const IsWeightMap = () =>
  IsNumberMap({ integer: false, above: 0, message: '$property must map criterion codes to positive numbers' });
