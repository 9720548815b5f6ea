import { ApiErrorDetail, flattenValidationErrors } from '@helpdesk/service-runtime';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Validates each element of a list body field against its DTO class, naming bad fields `list[i].field`
 * (the global pipe would say `list.i.field`); unknown fields are refused as the pipe refuses them.
 */
export function validateListItems<T extends object>(
  itemClass: new () => T,
  items: readonly unknown[],
  field: string,
): { items: T[]; details: ApiErrorDetail[] } {
  // items[i] is the body's element i (empty when it was not an object); use them only when details is empty.
  const details: ApiErrorDetail[] = [];
  const valid: T[] = [];
  items.forEach((raw, i) => {
    const prefix = `${field}[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      details.push({ field: prefix, reason: `${prefix} must be an object` });
      valid.push(new itemClass()); // keeps items[i] aligned with the body
      return;
    }
    const item = plainToInstance(itemClass, raw, { enableImplicitConversion: false });
    const errors = validateSync(item, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    });
    details.push(...flattenValidationErrors(errors, prefix));
    valid.push(item);
  });
  return { items: valid, details };
}
