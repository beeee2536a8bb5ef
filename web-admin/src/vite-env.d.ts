/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional map tile URL template, e.g. a Tianditu WMTS URL with your key. Unset: no tiles. */
  readonly VITE_TILE_URL?: string;
  /** Attribution shown with the tiles when VITE_TILE_URL is set. */
  readonly VITE_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
