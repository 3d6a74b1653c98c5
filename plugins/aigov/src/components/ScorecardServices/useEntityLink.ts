import { useEntityRefLink } from '@backstage/plugin-catalog-react';

/**
 * Links to entity pages, or undefined when the app has no catalog entity route (names are
 * then shown without links instead of failing).
 */
export function useEntityLink(): ((entityRef: string) => string) | undefined {
  try {
    // useEntityRefLink throws only after calling its hooks, the same ones on every render,
    // so catching keeps the hook order stable.
    return useEntityRefLink();
  } catch {
    return undefined;
  }
}
