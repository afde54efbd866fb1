// Everything that comes from files or YAML goes through here before it reaches markdown,
// so that it cannot break the layout, inject HTML or ping anyone.

/** Text as an inline code span; safe in table cells. Mentions and HTML are inert in code. */
export function code(value: string): string {
  const flat = value.replace(/[\r\n\t]+/g, " ").replace(/\|/g, "\\|");
  let fence = "`";
  while (flat.includes(fence)) fence += "`";
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Plain text with markdown and HTML meaning removed, and `@` defused. */
export function text(value: string): string {
  return (
    value
      .replace(/[\r\n\t]+/g, " ")
      // Inline text: these are the characters that mean something mid-line.
      .replace(/[\\`*_{}[\]|~>]/g, (c) => `\\${c}`)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/@/g, "@\u200b")
  );
}
