import { ApiError } from '@pagamenti/api-client';
import type { Translate } from '../../i18n/i18n';

/** The sentence to show for a failed request: the API's own words (Italian), or ours for the common cases. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.status === 429) return t('errors.rateLimited');
  if (error.status === 503) return t('errors.unavailable');
  return error.message || t('errors.generic');
}

/** Field → message of a 400 (first message of each field). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) byField[fieldError.field] ??= fieldError.message;
  return byField;
}
