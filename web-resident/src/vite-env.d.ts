/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Map tile URL template, e.g. a Tianditu WMTS URL with its `tk`; unset: no tiles (offline). */
  readonly VITE_TILE_URL?: string;
  /** Optional annotation (label) layer drawn over the tiles, e.g. Tianditu's `cva`. */
  readonly VITE_TILE_LABEL_URL?: string;
  /** Comma-separated subdomains for `{s}` in the tile URLs, e.g. "0,1,2,3,4,5,6,7". */
  readonly VITE_TILE_SUBDOMAINS?: string;
  /** Attribution text shown with the tiles, e.g. "天地图". */
  readonly VITE_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
