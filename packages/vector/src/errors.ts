import type { CollectionInfo, CollectionSpec } from './types';

/** Base class of every error this package throws on purpose. */
export class VectorStoreError extends Error {
  override readonly name: string = 'VectorStoreError';
}

/**
 * `ensureCollection` found the collection with other dimensions, distance or meta (e.g. another
 * embedding model). The API maps it to 409; retrying cannot help.
 */
export class CollectionMismatchError extends VectorStoreError {
  override readonly name = 'CollectionMismatchError';
  constructor(
    readonly requested: Required<Omit<CollectionSpec, 'annIndex'>> & Pick<CollectionSpec, 'annIndex'>,
    readonly existing: CollectionInfo,
  ) {
    super(
      `collection "${existing.name}" exists with dimensions=${existing.dimensions} distance=${existing.distance} ` +
        `meta=${JSON.stringify(existing.meta)}; requested dimensions=${requested.dimensions} ` +
        `distance=${requested.distance} meta=${JSON.stringify(requested.meta)}`,
    );
  }
}

/** The collection does not exist (call `ensureCollection` first). API: 404. */
export class CollectionNotFoundError extends VectorStoreError {
  override readonly name = 'CollectionNotFoundError';
  constructor(readonly collection: string) {
    super(`collection "${collection}" does not exist`);
  }
}

/** Bad input: a name, vector length, filter or payload that can never be accepted. API: 400. */
export class InvalidVectorInputError extends VectorStoreError {
  override readonly name = 'InvalidVectorInputError';
}
