// The reports page's charts: chart.js on a canvas, drawn in the browser. A canvas says nothing to a screen reader,
// so each has role="img" with a name that sums it up, and the page shows the same numbers as a table beside it.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const html = htm.bind(h);

// Series colours with at least 3:1 contrast against the page background in each theme.
const PALETTE = {
  light: ['#0b5cad', '#b45309', '#15803d', '#7e22ce', '#be123c', '#0e7490'],
  dark: ['#6cb0ff', '#fbbf24', '#4ade80', '#d8b4fe', '#fda4af', '#67e8f9'],
};

/** Whether the system asks for the dark theme, following it as it changes. */
export function useDarkTheme() {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const onChange = (e) => setDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/**
 * A bar chart. `series`: [{ label, values }] aligned with `labels`; `stacked` piles them; `horizontal` lays the
 * bars along the x axis (long labels such as intents stay readable on a phone); `max` fixes the value axis.
 */
export function BarChart({ name, labels, series, stacked = false, horizontal = false, max, format, dark, id }) {
  const canvas = useRef();
  useEffect(() => {
    const style = getComputedStyle(document.documentElement);
    const text = style.getPropertyValue('--fg').trim();
    const grid = style.getPropertyValue('--line').trim();
    const colours = PALETTE[dark ? 'dark' : 'light'];
    const valueAxis = {
      stacked,
      beginAtZero: true,
      max,
      ticks: { color: text, callback: format },
      grid: { color: grid },
    };
    const labelAxis = { stacked, ticks: { color: text, autoSkip: true }, grid: { display: false } };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: colours[i % colours.length],
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        plugins: {
          legend: { labels: { color: text } },
          tooltip: format ? { callbacks: { label: (c) => `${c.dataset.label}: ${format(c.raw)}` } } : {},
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, dark]);
  const height = horizontal ? Math.max(12, labels.length * 2.2 + 5) : 18;
  return html`<div class="report-chart" style=${{ height: `${height}rem` }}>
    <canvas ref=${canvas} id=${id} role="img" aria-label=${name}></canvas>
  </div>`;
}
