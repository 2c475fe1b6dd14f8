// #/reports[/from/to]: how the desk and the drafts did over a range of days, for leads and admins. Charts (chart.js)
// with the same numbers as tables, the per-intent table beside the policy's auto-send setting, the per-agent table,
// and the CSV of the same tables.
import { h } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import htm from 'htm';
import { api, ApiError } from '../api.js';
import { VIEWS } from '../views';
import { BarChart, useDarkTheme } from './report-charts.js';
import {
  channelInWords,
  duration,
  intentName,
  lastDays,
  number,
  percent,
  policyInWords,
  rejectReasonInWords,
} from './report-format.js';
import './reports-messages.js';

const html = htm.bind(h);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function RangeForm({ t, range, navigate }) {
  const submit = (ev) => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    navigate(`#/reports/${form.get('from')}/${form.get('to')}`);
  };
  const csv = `/v1/reports?${new URLSearchParams({ ...range, format: 'csv' })}`;
  return html`<form class="report-range" onSubmit=${submit} aria-describedby="report-range-help">
    <label for="report-from">${t('reportFrom')}</label>
    <input id="report-from" name="from" type="date" defaultValue=${range.from} required />
    <label for="report-to">${t('reportTo')}</label>
    <input id="report-to" name="to" type="date" defaultValue=${range.to} required />
    <button type="submit">${t('reportShow')}</button>
    <a href=${csv} download>${t('reportCsv')}</a>
    <p id="report-range-help" class="meta">${t('reportRange')}</p>
  </form>`;
}

function Summary({ t, locale, totals }) {
  const entries = [
    ['reportVolume', number(totals.volume, locale)],
    ['reportAutoSendRate', percent(totals.autoSendRate, locale)],
    ['reportUnchangedRate', percent(totals.approvedUnchangedRate, locale)],
    ['reportEditDistance', percent(totals.editDistance, locale)],
    ['reportSla', percent(totals.sla.attainment, locale)],
    [
      'reportFirstResponse',
      `${duration(totals.firstResponse.p50, t, locale)} / ${duration(totals.firstResponse.p90, t, locale)}`,
    ],
    [
      'reportResolution',
      `${duration(totals.resolution.p50, t, locale)} / ${duration(totals.resolution.p90, t, locale)}`,
    ],
  ];
  return html`<section>
    <h3 id="report-summary">${t('reportSummary')}</h3>
    <dl class="report-summary">
      ${entries.map(
        ([key, value]) =>
          html`<div>
            <dt>${t(key)}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>
    <p class="meta">${t('reportFirstResponse')}, ${t('reportResolution')}: ${t('reportMedianP90')}</p>
  </section>`;
}

/** A table in a box that scrolls sideways on a narrow screen (focusable, so the keyboard can scroll it too). */
function Table({ caption, head, rows, id, captionShown = true }) {
  return html`<div class="report-table" tabindex="0" role="region" aria-labelledby=${`${id}-caption`}>
    <table id=${id}>
      <caption id=${`${id}-caption`} class=${captionShown ? undefined : 'sr-only'}>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${head.map((c, i) => html`<th scope="col" class=${i ? 'num' : ''}>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([first, ...rest]) =>
            html`<tr>
              <th scope="row">${first}</th>
              ${rest.map((c) => html`<td class="num">${c}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** A chart and, folded under it, its numbers as a table. */
function ChartWithTable({ t, id, name, chart, table }) {
  return html`<figure class="report-figure" id=${id} aria-labelledby=${`${id}-title`}>
    <figcaption id=${`${id}-title`}>${name}</figcaption>
    ${chart}
    <details>
      <summary>${t('reportNumbers')}</summary>
      ${table}
    </details>
  </figure>`;
}

function VolumeChart({ t, locale, report, dark }) {
  const channels = Object.keys(report.volume.byChannel).sort();
  const series = useMemo(
    () => channels.map((c) => ({ label: channelInWords(c, t), values: report.volume.byChannel[c] })),
    [report, locale],
  );
  const sums = series.map((s) => `${s.label} ${s.values.reduce((a, b) => a + b, 0)}`).join(', ');
  const name = `${t('reportVolumeChart')}: ${sums || t('reportNothing')}`;
  return html`<${ChartWithTable}
    t=${t}
    id="report-volume"
    name=${t('reportVolumeChart')}
    chart=${html`<${BarChart} id="report-volume-chart" name=${name} labels=${report.days} series=${series} stacked dark=${dark} />`}
    table=${html`<${Table}
      id="report-volume-table"
      caption=${t('reportVolumeChart')}
      head=${[t('reportDay'), ...series.map((s) => s.label)]}
      rows=${report.days.map((d, i) => [d, ...series.map((s) => number(s.values[i], locale))])}
    />`}
  />`;
}

function IntentChart({ t, locale, report, dark }) {
  const measured = report.intents.filter((i) => i.volume > 0);
  const labels = useMemo(() => measured.map((i) => intentName(i.intent, t, locale)), [report, locale]);
  const series = useMemo(
    () =>
      [
        ['reportUnchangedRate', (i) => i.approvedUnchangedRate],
        ['reportAutoSendRate', (i) => i.autoSendRate],
        ['reportSla', (i) => i.sla.attainment],
      ].map(([key, of]) => ({ label: t(key), values: measured.map((i) => (of(i) === null ? null : of(i) * 100)) })),
    [report, locale],
  );
  const name = `${t('reportIntentChart')}: ${
    measured
      .map(
        (i) =>
          `${intentName(i.intent, t, locale)} ${percent(i.approvedUnchangedRate, locale)}, ${percent(i.autoSendRate, locale)}, ${percent(i.sla.attainment, locale)}`,
      )
      .join('; ') || t('reportNothing')
  }`;
  return html`<${ChartWithTable}
    t=${t}
    id="report-intents"
    name=${t('reportIntentChart')}
    chart=${html`<${BarChart}
      id="report-intent-chart"
      name=${name}
      labels=${labels}
      series=${series}
      horizontal
      max=${100}
      format=${(v) => `${v}%`}
      dark=${dark}
    />`}
    table=${html`<${Table}
      id="report-intent-chart-table"
      caption=${t('reportIntentChart')}
      head=${[t('reportIntent'), ...series.map((s) => s.label)]}
      rows=${measured.map((i) => [
        intentName(i.intent, t, locale),
        percent(i.approvedUnchangedRate, locale),
        percent(i.autoSendRate, locale),
        percent(i.sla.attainment, locale),
      ])}
    />`}
  />`;
}

function IntentTable({ t, locale, report }) {
  const times = (p) => `${duration(p.p50, t, locale)} / ${duration(p.p90, t, locale)}`;
  const row = (i) => [
    intentName(i.intent, t, locale),
    number(i.volume, locale),
    policyInWords(i, report.autoSendEnabled, t, locale),
    percent(i.autoSendRate, locale),
    percent(i.approvedUnchangedRate, locale),
    percent(i.editDistance, locale),
    times(i.firstResponse),
    times(i.resolution),
    percent(i.sla.attainment, locale),
    i.topRejectReason ? rejectReasonInWords(i.topRejectReason, t) : '—',
  ];
  return html`<section>
    <h3 id="report-per-intent">${t('reportPerIntent')}</h3>
    <p class="meta">${t('reportPerIntentHelp')}</p>
    <${Table}
      id="report-intent-table"
      caption=${`${t('reportPerIntent')} (${t('reportFirstResponse')}, ${t('reportResolution')}: ${t('reportMedianP90')})`}
      head=${[
        t('reportIntent'),
        t('reportVolume'),
        t('reportPolicy'),
        t('reportAutoSendRate'),
        t('reportUnchangedRate'),
        t('reportEditDistance'),
        t('reportFirstResponse'),
        t('reportResolution'),
        t('reportSla'),
        t('reportRejectReason'),
      ]}
      rows=${[...report.intents.map(row), row(report.totals)]}
    />
  </section>`;
}

function AgentsAndReasons({ t, locale, report }) {
  return html`<div class="report-agents">
    <section>
      <h3 id="report-per-agent">${t('reportPerAgent')}</h3>
      ${
        report.agents.length
          ? html`<${Table}
              id="report-agent-table"
              caption=${t('reportPerAgent')}
              captionShown=${false}
              head=${[t('reportAgent'), t('reportDecisions'), t('reportApproved'), t('reportUnchangedRate'), t('reportHandling')]}
              rows=${report.agents.map((a) => [
                a.name ? `${a.name} (${a.email})` : a.email,
                number(a.decisions, locale),
                number(a.approved, locale),
                number(a.approvedUnchanged, locale),
                duration(a.medianHandlingSeconds, t, locale),
              ])}
            />`
          : html`<p>${t('reportNothing')}</p>`
      }
    </section>
    <section>
      <h3 id="report-reasons">${t('reportRejectReasons')}</h3>
      ${
        report.rejectReasons.length
          ? html`<${Table}
              id="report-reason-table"
              caption=${t('reportRejectReasons')}
              captionShown=${false}
              head=${[t('reportReason'), t('reportCount')]}
              rows=${report.rejectReasons.map((r) => [rejectReasonInWords(r.reason, t), number(r.count, locale)])}
            />`
          : html`<p>${t('reportNothing')}</p>`
      }
    </section>
  </div>`;
}

export function ReportsPage({ t, locale, route, navigate }) {
  const range =
    ISO_DAY.test(route[0] ?? '') && ISO_DAY.test(route[1] ?? '') ? { from: route[0], to: route[1] } : lastDays(30);
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);
  const dark = useDarkTheme();
  useEffect(() => {
    setError(null);
    setReport(null);
    api(`/v1/reports?${new URLSearchParams(range)}`)
      .then(setReport)
      .catch((e) => setError(e instanceof ApiError && e.status === 403 ? t('reportForbidden') : e.message));
  }, [range.from, range.to]);
  return html`<section class="reports" aria-labelledby="reports-title">
    <h2 id="reports-title">${t('reportsTitle')}</h2>
    <${RangeForm} key=${`${range.from}/${range.to}`} t=${t} range=${range} navigate=${navigate} />
    ${error ? html`<p role="alert" class="error">${error}</p>` : null}
    ${!report && !error ? html`<p role="status">${t('reportLoading')}</p>` : null}
    ${
      report
        ? html`<${Summary} t=${t} locale=${locale} totals=${report.totals} />
            <div class="report-pair">
              <${VolumeChart} t=${t} locale=${locale} report=${report} dark=${dark} />
              <${IntentChart} t=${t} locale=${locale} report=${report} dark=${dark} />
            </div>
            <${IntentTable} t=${t} locale=${locale} report=${report} />
            <${AgentsAndReasons} t=${t} locale=${locale} report=${report} />`
        : null
    }
  </section>`;
}

VIEWS.push({ id: 'reports', label: 'reports', component: ReportsPage, roles: ['lead', 'admin'] });
