// Settings: the knowledge base the drafter answers from and cites — list per language with search, add, edit,
// delete. A 400 or 409 names its fields; each message stands under the field it is about.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from '../api.js';
import { languageInWords } from '../canned.js';
import { addMessages } from '../i18n.js';
import { problemOf, RowButtons } from './settings-common.js';

const html = htm.bind(h);

/** The languages the drafter writes in; an article is kept per language. */
const LANGUAGES = ['nl', 'en', 'de', 'fr'];
const KINDS = ['article', 'macro', 'policy'];

addMessages({
  en: {
    kbSettings: 'Knowledge base',
    kbSettingsIntro:
      'The articles drafts are grounded in and cite. Text in markdown; tags are the intents an article answers.',
    kbSettingsLanguage: 'Language',
    kbSettingsAllLanguages: 'All languages',
    kbSettingsSearch: 'Search articles',
    kbSettingsTitle: 'Title',
    kbSettingsKind: 'Kind',
    kbSettingsKind_article: 'Article',
    kbSettingsKind_macro: 'Macro',
    kbSettingsKind_policy: 'Policy',
    kbSettingsBody: 'Text (markdown)',
    kbSettingsTags: 'Tags (intents, comma-separated)',
    kbSettingsUrl: 'Address on the website (optional)',
    kbSettingsAdd: 'Add article',
    kbSettingsEdit: 'Edit',
    kbSettingsEditing: 'Edit article',
    kbSettingsEmpty: 'No articles here.',
    kbSettingsAdded: 'Article added',
    kbSettingsDeleted: 'Article deleted',
    kbSettingsFolder: 'Until the first article is added here, drafts use the {n} articles of the shop folder.',
    kbSettingsFix: 'Check the marked fields.',
  },
  nl: {
    kbSettings: 'Kennisbank',
    kbSettingsIntro:
      'De artikelen waarop concepten steunen en die ze citeren. Tekst in markdown; tags zijn de intenties die een artikel beantwoordt.',
    kbSettingsLanguage: 'Taal',
    kbSettingsAllLanguages: 'Alle talen',
    kbSettingsSearch: 'Artikelen zoeken',
    kbSettingsTitle: 'Titel',
    kbSettingsKind: 'Soort',
    kbSettingsKind_article: 'Artikel',
    kbSettingsKind_macro: 'Macro',
    kbSettingsKind_policy: 'Beleid',
    kbSettingsBody: 'Tekst (markdown)',
    kbSettingsTags: 'Tags (intenties, gescheiden door komma’s)',
    kbSettingsUrl: 'Adres op de website (optioneel)',
    kbSettingsAdd: 'Artikel toevoegen',
    kbSettingsEdit: 'Bewerken',
    kbSettingsEditing: 'Artikel bewerken',
    kbSettingsEmpty: 'Hier staan geen artikelen.',
    kbSettingsAdded: 'Artikel toegevoegd',
    kbSettingsDeleted: 'Artikel verwijderd',
    kbSettingsFolder:
      'Tot hier het eerste artikel is toegevoegd, gebruiken concepten de {n} artikelen uit de winkelmap.',
    kbSettingsFix: 'Controleer de gemarkeerde velden.',
  },
});

/** The API's field errors by form field: `intents.2` belongs to the tags, an `id` to the title it was made from. */
function fieldErrors(e) {
  const byField = {};
  for (const { field, message } of e?.body?.errors ?? []) {
    const name = field === 'id' ? 'title' : String(field).split('.')[0];
    byField[name] = byField[name] ? `${byField[name]}; ${message}` : message;
  }
  return byField;
}

/** A label, its control and the error the API gave for it, tied together for screen readers. */
function Field({ id, label, error, children }) {
  return html`<label for=${id}>${label}</label> ${children}
    ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : null}`;
}

/** The add form, or the edit form of one article (`article` given). */
function ArticleForm({ t, article, onSaved, onCancel, setNotice }) {
  const id = article ? `kb-${article.id.replace(/[^a-z0-9-]/gi, '-')}` : 'kb-new';
  const [language, setLanguage] = useState(article?.language ?? 'nl');
  const [kind, setKind] = useState(article?.kind ?? 'article');
  const [title, setTitle] = useState(article?.title ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [tags, setTags] = useState((article?.intents ?? []).join(', '));
  const [url, setUrl] = useState(article?.url ?? '');
  const [errors, setErrors] = useState({});
  const described = (name) => (errors[name] ? `${id}-${name}-error` : undefined);
  const submit = async (ev) => {
    ev.preventDefault();
    const intents = tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const payload = { language, kind, title, body, intents, ...(url.trim() ? { url: url.trim() } : {}) };
    try {
      const saved = article
        ? await api(`/v1/knowledge/articles/${encodeURIComponent(article.id)}`, { method: 'PUT', body: payload })
        : await api('/v1/knowledge/articles', { method: 'POST', body: payload });
      setErrors({});
      if (!article) {
        setTitle('');
        setBody('');
        setTags('');
        setUrl('');
      }
      setNotice(article ? t('saved') : t('kbSettingsAdded'));
      onSaved(saved);
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      setNotice(Object.keys(byField).length ? t('kbSettingsFix') : problemOf(e));
    }
  };
  const invalid = (name) => (errors[name] ? 'true' : undefined);
  return html`<form class="settings-form" onSubmit=${submit} aria-labelledby=${`${id}-legend`} novalidate>
    <h4 id=${`${id}-legend`}>${article ? `${t('kbSettingsEditing')}: ${article.id}` : t('kbSettingsAdd')}</h4>
    <${Field} id=${`${id}-language`} label=${t('kbSettingsLanguage')} error=${errors.language}>
      <select
        id=${`${id}-language`}
        value=${language}
        aria-invalid=${invalid('language')}
        aria-describedby=${described('language')}
        onChange=${(e) => setLanguage(e.target.value)}
      >
        ${[...new Set([...LANGUAGES, language])].map((l) => html`<option value=${l}>${languageInWords(l, t.locale)}</option>`)}
      </select>
    <//>
    <${Field} id=${`${id}-kind`} label=${t('kbSettingsKind')} error=${errors.kind}>
      <select id=${`${id}-kind`} value=${kind} onChange=${(e) => setKind(e.target.value)}>
        ${KINDS.map((k) => html`<option value=${k}>${t(`kbSettingsKind_${k}`)}</option>`)}
      </select>
    <//>
    <${Field} id=${`${id}-title`} label=${t('kbSettingsTitle')} error=${errors.title}>
      <input
        id=${`${id}-title`}
        value=${title}
        maxlength="300"
        aria-invalid=${invalid('title')}
        aria-describedby=${described('title')}
        onInput=${(e) => setTitle(e.target.value)}
      />
    <//>
    <${Field} id=${`${id}-body`} label=${t('kbSettingsBody')} error=${errors.body}>
      <textarea
        id=${`${id}-body`}
        rows="8"
        value=${body}
        aria-invalid=${invalid('body')}
        aria-describedby=${described('body')}
        onInput=${(e) => setBody(e.target.value)}
      ></textarea>
    <//>
    <${Field} id=${`${id}-intents`} label=${t('kbSettingsTags')} error=${errors.intents}>
      <input
        id=${`${id}-intents`}
        value=${tags}
        aria-invalid=${invalid('intents')}
        aria-describedby=${described('intents')}
        onInput=${(e) => setTags(e.target.value)}
      />
    <//>
    <${Field} id=${`${id}-url`} label=${t('kbSettingsUrl')} error=${errors.url}>
      <input
        id=${`${id}-url`}
        type="url"
        value=${url}
        aria-invalid=${invalid('url')}
        aria-describedby=${described('url')}
        onInput=${(e) => setUrl(e.target.value)}
      />
    <//>
    <div class="settings-buttons">
      <button type="submit">${article ? t('save') : t('kbSettingsAdd')}</button>
      ${onCancel ? html`<button type="button" onClick=${onCancel}>${t('cancel')}</button>` : null}
    </div>
  </form>`;
}

export function KbSettings({ t, role, setNotice }) {
  const [articles, setArticles] = useState([]);
  const [folderArticles, setFolderArticles] = useState(0);
  const [language, setLanguage] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const canWrite = role === 'lead' || role === 'admin';
  const load = async () => {
    const query = new URLSearchParams();
    if (language) query.set('language', language);
    if (q.trim()) query.set('q', q.trim());
    const res = await api(`/v1/knowledge/articles?${query}`);
    setArticles(res.items);
    setFolderArticles(res.folderArticles);
  };
  useEffect(() => {
    const timer = setTimeout(() => load().catch((e) => setNotice(problemOf(e))), q ? 200 : 0);
    return () => clearTimeout(timer);
  }, [language, q]);
  const remove = async (article) => {
    try {
      await api(`/v1/knowledge/articles/${encodeURIComponent(article.id)}`, { method: 'DELETE' });
      setDeleting(null);
      setNotice(t('kbSettingsDeleted'));
      await load();
    } catch (e) {
      setNotice(problemOf(e));
    }
  };
  return html`<section class="settings-section" aria-labelledby="settings-kb">
    <h3 id="settings-kb">${t('kbSettings')}</h3>
    <p class="hint">${t('kbSettingsIntro')}</p>
    ${folderArticles ? html`<p class="hint">${t('kbSettingsFolder').replace('{n}', folderArticles)}</p>` : null}
    <div class="kb-filters">
      <label for="kb-filter-language">${t('kbSettingsLanguage')}</label>
      <select id="kb-filter-language" value=${language} onChange=${(e) => setLanguage(e.target.value)}>
        <option value="">${t('kbSettingsAllLanguages')}</option>
        ${LANGUAGES.map((l) => html`<option value=${l}>${languageInWords(l, t.locale)}</option>`)}
      </select>
      <label for="kb-filter-q">${t('kbSettingsSearch')}</label>
      <input id="kb-filter-q" type="search" value=${q} onInput=${(e) => setQ(e.target.value)} />
    </div>
    ${articles.length === 0 ? html`<p>${t('kbSettingsEmpty')}</p>` : null}
    <ul class="settings-list" data-testid="kb-articles">
      ${articles.map(
        (a) =>
          html`<li key=${a.id} data-article=${a.id}>
            ${
              editing === a.id
                ? html`<${ArticleForm}
                    t=${t}
                    article=${a}
                    setNotice=${setNotice}
                    onSaved=${() => {
                      setEditing(null);
                      load();
                    }}
                    onCancel=${() => setEditing(null)}
                  />`
                : html`<div class="settings-row">
                    <div class="settings-row-text">
                      <strong>${a.title}</strong>
                      <span class="meta">
                        · ${languageInWords(a.language, t.locale)} · ${t(`kbSettingsKind_${a.kind}`)} ·
                        <code>${a.id}</code></span
                      >
                      ${a.intents.length ? html`<p class="meta">${a.intents.join(', ')}</p>` : null}
                      <p class="canned-excerpt">${a.body}</p>
                    </div>
                    ${
                      canWrite
                        ? html`<${RowButtons}
                            t=${t}
                            name=${a.title}
                            editLabel=${t('kbSettingsEdit')}
                            deleting=${deleting === a.id}
                            onEdit=${() => setEditing(a.id)}
                            onAskDelete=${() => setDeleting(a.id)}
                            onDelete=${() => remove(a)}
                            onCancelDelete=${() => setDeleting(null)}
                          />`
                        : null
                    }
                  </div>`
            }
          </li>`,
      )}
    </ul>
    ${canWrite ? html`<${ArticleForm} t=${t} setNotice=${setNotice} onSaved=${() => load()} />` : null}
  </section>`;
}
