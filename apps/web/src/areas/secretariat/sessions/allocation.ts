import type { components } from '../../../api/schema';

type Schemas = components['schemas'];

/** The allocation board of a registration call's sessions, a page of its replies at a time. */
export type Allocation = Schemas['SessionAllocationDto'];
export type AllocationItem = Schemas['AllocationEntryDto'];
