// A draft's sources: each cited knowledge-base article opens in a dialog with its title, language and text. The text
// is markdown written by people; it is rendered to elements (never to HTML), so an article cannot inject markup.
import { h } from 'preact';
import { useLayoutEffect, useRef, useState, useEffect } from 'preact/hooks';
import htm from 'htm';
import { api, ApiError } from './api.js';
import { addMessages } from './i18n.js';
import { languageInWords } from './canned.js';

const html = htm.bind(h);

addMessages({
  en: {
    kbCitationOpen: 'Open the cited article',
    kbArticleLoading: 'Loading the article…',
    kbArticleGone: 'This article is no longer in the knowledge base: it was deleted after the draft cited it.',
    kbArticleFromFolder: 'From the shop folder',
    kbArticleClose: 'Close',
    kbArticleAddress: 'On the website',
  },
  nl: {
    kbCitationOpen: 'Open het geciteerde artikel',
    kbArticleLoading: 'Het artikel wordt geladen…',
    kbArticleGone: 'Dit artikel staat niet meer in de kennisbank: het is verwijderd nadat het concept het citeerde.',
    kbArticleFromFolder: 'Uit de winkelmap',
    kbArticleClose: 'Sluiten',
    kbArticleAddress: 'Op de website',
  },
});

/** A citation of a record rather than an article: `product:…`, `order:…`. */
const isArticle = (citation) => /^[a-z0-9][a-z0-9._-]{0,127}$/i.test(citation);

/** Bold, italic, code and http(s) links inside one line of markdown, as elements. */
export function inlineMarkdown(text) {
  const parts = [];
  const pattern = /(\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\))/g;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    if (m[2]) parts.push(html`<strong>${m[2]}</strong>`);
    else if (m[3]) parts.push(html`<em>${m[3]}</em>`);
    else if (m[4]) parts.push(html`<code>${m[4]}</code>`);
    else parts.push(html`<a href=${m[6]} target="_blank" rel="noopener noreferrer">${m[5]}</a>`);
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** Headings, lists and paragraphs of an article's markdown, as elements; anything else is text. */
export function markdownBlocks(source) {
  const blocks = [];
  for (const chunk of String(source ?? '')
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      blocks.push(html`<p class="kb-heading"><strong>${inlineMarkdown(heading[2])}</strong></p>`);
    } else if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      blocks.push(
        html`<ul>
          ${lines.map((l) => html`<li>${inlineMarkdown(l.replace(/^\s*[-*]\s+/, ''))}</li>`)}
        </ul>`,
      );
    } else if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) {
      blocks.push(
        html`<ol>
          ${lines.map((l) => html`<li>${inlineMarkdown(l.replace(/^\s*\d+[.)]\s+/, ''))}</li>`)}
        </ol>`,
      );
    } else {
      blocks.push(
        html`<p>
          ${lines.map((l, i) => html`${i ? html`<br />` : null}${inlineMarkdown(l.replace(/^#{1,6}\s+/, ''))}`)}
        </p>`,
      );
    }
  }
  return blocks;
}

/** One article in a dialog; Escape or Close returns focus to the citation that opened it. */
function ArticleDialog({ t, id, onClose }) {
  const [article, setArticle] = useState(undefined);
  const closer = useRef();
  useLayoutEffect(() => closer.current?.focus(), []);
  useEffect(() => {
    let current = true;
    api(`/v1/knowledge/articles/${encodeURIComponent(id)}`)
      .then((a) => current && setArticle(a))
      .catch((e) => current && setArticle(e instanceof ApiError && e.status === 404 ? null : { error: e.message }));
    return () => {
      current = false;
    };
  }, [id]);
  // Keys stay in the dialog: a letter typed here is never a desk shortcut.
  const onKeyDown = (ev) => {
    ev.stopPropagation();
    if (ev.key === 'Escape') onClose();
  };
  return html`<div
    class="dialog"
    role="dialog"
    aria-modal="true"
    aria-labelledby="kb-article-title"
    onKeyDown=${onKeyDown}
  >
    <div class="kb-article" data-testid="kb-article">
      <h2 id="kb-article-title">${article?.title ?? id}</h2>
      ${article === undefined ? html`<p role="status">${t('kbArticleLoading')}</p>` : null}
      ${article === null ? html`<p role="status" class="kb-gone">${t('kbArticleGone')}</p>` : null}
      ${article?.error ? html`<p role="status">${article.error}</p>` : null}
      ${
        article?.body
          ? html`<p class="meta">
                <code>${article.id}</code>${' · '}<span lang=${article.language}
                  >${languageInWords(article.language, t.locale)}</span
                >${article.source === 'shop-folder' ? ` · ${t('kbArticleFromFolder')}` : null}${
                  article.url && /^https?:\/\//.test(article.url)
                    ? html`${' · '}<a href=${article.url} target="_blank" rel="noopener noreferrer"
                          >${t('kbArticleAddress')}</a
                        >`
                    : null
                }
              </p>
              <div class="kb-body" lang=${article.language}>${markdownBlocks(article.body)}</div>`
          : null
      }
      <button type="button" ref=${closer} onClick=${onClose}>${t('kbArticleClose')}</button>
    </div>
  </div>`;
}

/** The draft's citations: an article's id is a button that opens it; a record (`product:…`) stays a code. */
export function Citations({ t, citations }) {
  const [open, setOpen] = useState(null);
  const opener = useRef();
  return html`<ul class="citations" data-testid="citations">
      ${citations.map(
        (c) =>
          html`<li key=${c}>
            ${
              isArticle(c)
                ? html`<button
                    type="button"
                    class="citation"
                    aria-haspopup="dialog"
                    aria-label=${`${t('kbCitationOpen')}: ${c}`}
                    onClick=${(ev) => {
                      opener.current = ev.currentTarget;
                      setOpen(c);
                    }}
                  >
                    <code>${c}</code>
                  </button>`
                : html`<code>${c}</code>`
            }
          </li>`,
      )}
    </ul>
    ${
      open
        ? html`<${ArticleDialog}
            t=${t}
            id=${open}
            onClose=${() => {
              setOpen(null);
              opener.current?.focus();
            }}
          />`
        : null
    }`;
}
