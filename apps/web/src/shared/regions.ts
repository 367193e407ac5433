import type { Region } from '../api/types';

/** The ITU regions in the order the alliance lists them (names: `common:regions.<code>`). */
export const REGIONS: readonly Region[] = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'];
