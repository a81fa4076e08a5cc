// The catalogue search component and its formatting helpers (docs/catalog.md).
export { CatalogSearchBox, type CatalogSearchBoxProps } from './CatalogSearchBox';
export { chargeClassLabel, formatPriceCap, formatSelfpay } from './format';
export { useCatalogSearch, type SearchScope, type SearchState } from './useCatalogSearch';
