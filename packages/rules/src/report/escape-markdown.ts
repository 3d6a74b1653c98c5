// Messages carry object names, file names and values from the scanned YAML: in markdown they
// must render as themselves. Rule metadata is written by rule authors, with `code` in backticks.

/**
 * Inline text that renders as itself: markdown punctuation backslash-escaped, HTML turned into
 * entities, line breaks flattened, and `@name` defused so a manifest cannot mention anyone.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~#]/g, '\\$&')
      .replace(/@(?=\w)/g, '@&#8203;')
  );
}

/**
 * Rule metadata (rationale, remediation) as markdown: spans in backticks stay code, the rest is
 * escaped like any other text (so `<n>` placeholders outside code are not taken for HTML).
 */
export function ruleTextMarkdown(text: string): string {
  return text
    .split(/(`[^`\r\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMarkdown(part)))
    .join('');
}
