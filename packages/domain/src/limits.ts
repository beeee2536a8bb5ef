/** Paging: default and maximum page sizes for every connection. `first` above the maximum is refused. */
export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;
/** centersNear: default and maximum results. */
export const NEAR_DEFAULT = 20;
export const NEAR_MAX = 100;
/** Largest walking radius a query may ask for, minutes. */
export const WITHIN_MINUTES_MAX = 120;
export const SEARCH_MAX_LENGTH = 100;
/** Excel imports of a menu: largest file (before base64) and most data rows. */
export const MENU_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const MENU_IMPORT_MAX_ROWS = 10_000;
