/** The page choosing the home center, coming back to `next` afterwards. */
export function homeCenterPath(next: string): string {
  return `/account/center?next=${encodeURIComponent(next)}`;
}
