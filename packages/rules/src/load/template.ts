/**
 * Finds Helm / Go template actions that were not rendered.
 *
 * `{{ }}` is also the placeholder syntax of tools that expand it at run time, inside values that
 * are meant to reach the cluster as written: Argo Workflows (`{{inputs.parameters.x}}`),
 * Prometheus rules (`{{ $labels.pod }}`), Alertmanager templates (`{{ range .Alerts }}`). So a
 * marker counts only when the YAML itself says it is not data:
 * - in a comment: never;
 * - inside a scalar (plain, quoted or block): only when it names Helm's own objects or
 *   functions (`.Values`, `.Release`, `include`, `toYaml`…), which no runtime tool has;
 * - anywhere else, where YAML would read `{{` as two nested flow mappings: when it is a Go
 *   template action (`{{ .x }}`, `{{- if … }}`, `{{ $var := … }}`).
 */
import { Lexer } from 'yaml';

export interface TemplateMarker {
  offset: number;
  text: string;
}

/** Helm's built-in objects and functions that only Helm provides. */
const HELM =
  /(?:^|[^\w.])\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|(?:^|[^\w.])(?:include|tpl|toYaml|toJson|fromYaml|nindent|indent|required|lookup)\b/;
/** A Go template action: a field, a variable, a comment or a keyword. */
const ACTION =
  /^\{\{-?\s*(?:\.|\$|\/\*|(?:if|else|end|range|with|define|template|block|include|tpl|toYaml|toJson|required|default|quote|printf|nindent|indent|lookup)\b)/;
/** Prometheus template variables: runtime placeholders even where YAML sees structure. */
const PROMETHEUS_VARIABLE = /^\{\{-?\s*\$(?:labels|value|externalLabels|externalURL)\b/;
/** Longest marker text examined or shown. */
const MAX_MARKER = 200;

type Context = 'comment' | 'scalar' | 'structure';

/** Every `{{ … }}` (or an unclosed `{{ …` up to the end of its line), in linear time. */
function candidates(text: string): TemplateMarker[] {
  const out: TemplateMarker[] = [];
  let lineEnd = -1;
  let closed = true; // whether a `}}` may still follow on the current line
  // Linear: each line is searched for its end once, and for `}}` until one is missing.
  for (let i = text.indexOf('{{'); i >= 0; i = text.indexOf('{{', i + 2)) {
    if (i > lineEnd) {
      lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = text.length;
      closed = true;
    }
    let end = lineEnd;
    if (closed) {
      const close = text.indexOf('}}', i + 2);
      if (close >= 0 && close < lineEnd) end = close + 2;
      else closed = false;
    }
    out.push({ offset: i, text: text.slice(i, Math.min(end, i + MAX_MARKER)) });
    // An unclosed marker runs to the end of its line and includes the `{{` after it.
    i = end - 2;
  }
  return out;
}

function inScalarIsTemplate(marker: string): boolean {
  return HELM.test(marker);
}

function inStructureIsTemplate(marker: string): boolean {
  return ACTION.test(marker) && !PROMETHEUS_VARIABLE.test(marker);
}

/** The YAML context of each offset (ascending), from the lexer's tokens. */
function contextsOf(text: string, offsets: readonly number[]): Context[] {
  const out: Context[] = [];
  let offset = 0;
  let nextIsScalar = false;
  let k = 0;
  for (const token of new Lexer().lex(text)) {
    const ch = token[0];
    // Control tokens: not source text. `\x1f` announces that the next token is a scalar.
    if (ch === '\u0002' || ch === '\u0018') continue;
    if (ch === '\u001f') {
      nextIsScalar = true;
      continue;
    }
    const end = offset + token.length;
    const context: Context =
      nextIsScalar || ch === '"' || ch === "'" ? 'scalar' : ch === '#' ? 'comment' : 'structure';
    nextIsScalar = false;
    while (k < offsets.length && (offsets[k] as number) < end) {
      out.push(context);
      k++;
    }
    if (k === offsets.length) break;
    offset = end;
  }
  while (out.length < offsets.length) out.push('structure');
  return out;
}

export function findTemplateMarker(text: string): TemplateMarker | undefined {
  if (!text.includes('{{')) return undefined;
  const found = candidates(text).filter(
    (m) => inScalarIsTemplate(m.text) || inStructureIsTemplate(m.text),
  );
  if (found.length === 0) return undefined;
  const contexts = contextsOf(
    text,
    found.map((m) => m.offset),
  );
  for (let i = 0; i < found.length; i++) {
    const marker = found[i] as TemplateMarker;
    const context = contexts[i];
    const isTemplate =
      context === 'scalar'
        ? inScalarIsTemplate(marker.text)
        : context === 'structure' && inStructureIsTemplate(marker.text);
    if (isTemplate)
      return {
        offset: marker.offset,
        text: marker.text.length > 60 ? `${marker.text.slice(0, 57)}...` : marker.text,
      };
  }
  return undefined;
}
