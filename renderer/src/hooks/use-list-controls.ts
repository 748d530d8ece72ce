import { useState } from 'react';
import type { SortDirection } from '../../../shared/schemas/paging';

/**
 * A list's page and order, as a screen holds them: sorting by a column starts at its first page
 * (ascending; pressing the same column again reverses it), and so does any change of `filters`
 * (a new search, another status), so nobody is left on page 9 of a list that now has two.
 */
export function useListControls<S extends string>(defaults: { sort: S; direction: SortDirection }, filters = '') {
  const [state, setState] = useState({ page: 1, sort: defaults.sort, direction: defaults.direction, filters });
  // A change of filters takes the list back to its first page (state adjusted while rendering,
  // as React recommends over an effect).
  const current = state.filters === filters ? state : { ...state, page: 1, filters };
  if (current !== state) setState(current);
  return {
    page: current.page,
    sort: current.sort,
    direction: current.direction,
    setPage: (page: number) => setState((s) => ({ ...s, page })),
    sortBy: (sort: S) =>
      setState((s) => ({
        ...s,
        page: 1,
        sort,
        direction: s.sort === sort ? (s.direction === 'asc' ? 'desc' : 'asc') : 'asc',
      })),
  };
}
