import { ValueTransformer } from 'typeorm';

/** bigint columns come back from pg as strings; the values kept in them (milliseconds) are safe integers. */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
