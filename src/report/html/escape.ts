import { visible } from '../../visible.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from a transcript, a file name or a roster as literal HTML text or a quoted attribute value: control and
 * bidi characters are shown as escapes (`visible`), then every character that could open a tag, end an
 * attribute or start an entity is an entity. The one escaping function of the HTML report.
 */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
