/**
 * Text cut to `width` characters by dropping its middle: `iam-role/auto…runner`. Ids that share a
 * long prefix (a kind, a path) differ at their end, so cutting the end would make two of them look
 * the same.
 */
export function shortenMiddle(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 1) return "…".slice(0, Math.max(0, width));
  const room = width - 1;
  const head = Math.ceil(room / 2);
  const tail = room - head;
  return `${chars.slice(0, head).join("")}…${tail > 0 ? chars.slice(-tail).join("") : ""}`;
}
