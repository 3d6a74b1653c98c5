/**
 * Finds Helm / Go template actions that were not rendered. Runtime placeholders of other tools
 * (Argo `{{inputs.parameters.x}}`, Prometheus and Alertmanager `{{ $labels.pod }}`) and markers in
 * comments are not template markers: they are what the user meant to write.
 */

export interface TemplateMarker {
  offset: number;
  text: string;
}

const ACTION =
  /\{\{-?\s*(?:\.|\/\*|(?:if|else|end|range|with|define|template|include|block|tpl|toYaml|toJson|required|default|quote|printf|nindent|indent|lookup)\b)/;
const MARKER = /\{\{[^\n]*?\}\}|\{\{-?\s*[^\n]*/g;

function isInComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const trimmed = before.trimStart();
  if (trimmed.startsWith('#')) return true;
  // A trailing comment: ` #` outside quotes. Quotes are counted only roughly, which errs on the
  // side of treating the marker as code.
  const hash = before.search(/\s#/);
  if (hash < 0) return false;
  const head = before.slice(0, hash);
  const singles = (head.match(/'/g) ?? []).length;
  const doubles = (head.match(/"/g) ?? []).length;
  return singles % 2 === 0 && doubles % 2 === 0;
}

export function findTemplateMarker(text: string): TemplateMarker | undefined {
  if (!text.includes('{{')) return undefined;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
    if (!ACTION.test(m[0])) continue;
    if (isInComment(text, m.index)) continue;
    return { offset: m.index, text: m[0].length > 60 ? `${m[0].slice(0, 57)}...` : m[0] };
  }
  return undefined;
}
