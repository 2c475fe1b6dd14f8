import type { OpenAPIObject } from '@nestjs/swagger';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A dependency-free page: the operations and their answers, and the JSON document for tools. */
export function docsPage(document: OpenAPIObject, jsonHref: string): string {
  const ops = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, { summary?: string; responses: object }>).map(([method, op]) => {
      const responses = Object.entries(op.responses as Record<string, { description: string }>)
        .map(([code, r]) => `<li><code>${code}</code> ${escape(r.description)}</li>`)
        .join('');
      return `<section><h2><code>${method.toUpperCase()} ${escape(path)}</code></h2><p>${escape(op.summary ?? '')}</p><ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2rem}</style></head>
<body><h1>${escape(document.info.title)}</h1><p>${escape(document.info.description ?? '')}</p>
<p>Machine-readable: <a href="${escape(jsonHref)}">openapi.json</a></p>${ops.join('\n')}</body></html>`;
}
