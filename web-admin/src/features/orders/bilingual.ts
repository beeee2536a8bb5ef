// The API writes some texts in both languages, "中文 / English" (proposal reasons, field errors),
// sometimes several such pairs joined by "；". Show only the reader's language.

/** The part of a bilingual server text in the given language; the text itself when it has no pairs. */
export function localizeBilingual(text: string, language: string): string {
  if (!text.includes(' / ')) return text;
  const zh = language.startsWith('zh');
  const parts = text.split('；').map((segment) => {
    const at = segment.indexOf(' / ');
    if (at < 0) return segment;
    return zh ? segment.slice(0, at) : segment.slice(at + 3);
  });
  return parts.join(zh ? '；' : '; ');
}
