import { sanitiseDisplayText } from './sanitise-display-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content or a quoted attribute value: nothing in it can open a tag or end the attribute. */
export function escapeHtml(text: string): string {
  return sanitiseDisplayText(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
