import { validationError } from '../../http/errors';
import { CollectionParam } from './schemas';

/** The `:name` route parameter, or a 400 naming `params.name`. */
export function collectionName(raw: unknown): string {
  const parsed = CollectionParam.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, 'params.name');
  return parsed.data;
}
