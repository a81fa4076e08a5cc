// The search behind the box: waits for a short pause in typing, asks the host, and drops answers
// to older queries (a slow answer for "阿" must not replace the one for "阿莫").
import { useEffect, useRef, useState } from 'react';
import type { CatalogItem, CatalogSearchInput } from '@src/contract/methods/catalog';
import { api } from '../../bridge/api';

export const SEARCH_DEBOUNCE_MS = 80;

export type SearchScope = Omit<CatalogSearchInput, 'text'>;

export interface SearchState {
  items: CatalogItem[];
  truncated: boolean;
  searching: boolean;
  error: unknown;
  /** The query the items answer ('' before the first answer). */
  answered: string;
}

export function useCatalogSearch(text: string, scope: SearchScope): SearchState {
  const [state, setState] = useState<SearchState>({ items: [], truncated: false, searching: false, error: undefined, answered: '' });
  const seq = useRef(0);
  // Scope arrays are usually literals: compare by content so a re-render does not search again.
  const scopeKey = JSON.stringify(scope);

  useEffect(() => {
    const query = text.trim();
    const mine = ++seq.current;
    if (query === '') {
      setState({ items: [], truncated: false, searching: false, error: undefined, answered: '' });
      return;
    }
    setState((s) => ({ ...s, searching: true }));
    const timer = window.setTimeout(() => {
      api.catalog
        .search({ ...(JSON.parse(scopeKey) as SearchScope), text: query })
        .then((r) => {
          if (mine === seq.current) setState({ items: r.items, truncated: r.truncated, searching: false, error: undefined, answered: query });
        })
        .catch((e: unknown) => {
          if (mine === seq.current) setState({ items: [], truncated: false, searching: false, error: e, answered: query });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, scopeKey]);

  return state;
}
