// How the reports page writes its figures: percentages, durations and codes in the reader's language.
import { intentInWords } from '../labels';

export function percent(value, locale) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function number(value, locale) {
  return new Intl.NumberFormat(locale).format(value);
}

/** 75 → "1 min", 5400 → "1.5 h": one unit, the largest that keeps the number at least 1. */
export function duration(seconds, t, locale) {
  if (seconds === null || seconds === undefined) return '—';
  const fmt = (n, key) => t(key).replace('{n}', new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n));
  if (seconds < 60) return fmt(seconds, 'durationSeconds');
  if (seconds < 3600) return fmt(Math.round(seconds / 6) / 10, 'durationMinutes');
  if (seconds < 86_400) return fmt(Math.round(seconds / 360) / 10, 'durationHours');
  return fmt(Math.round(seconds / 8640) / 10, 'durationDays');
}

export const channelInWords = (channel, t) => t(`channel_${channel}`);
export const rejectReasonInWords = (reason, t) => {
  const words = t(`rejectReason_${reason}`);
  return words === `rejectReason_${reason}` ? reason.replace(/_/g, ' ') : words;
};
export const intentName = (intent, t, locale) => (intent === null ? t('reportAll') : intentInWords(intent, locale));

/** The policy's setting for an intent, in words. */
export function policyInWords(figures, autoSendEnabled, t, locale) {
  if (!figures.policy) return '—';
  if (!figures.policy.enabled) return t('reportPolicyOff');
  if (!autoSendEnabled) return t('reportPolicyShopOff');
  return t('reportPolicyOn').replace('{confidence}', percent(figures.policy.minConfidence, locale));
}

/** The last `days` days up to today, as the date inputs write them (YYYY-MM-DD, local time). */
export function lastDays(days, today = new Date()) {
  const iso = (d) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = new Date(today);
  from.setDate(from.getDate() - (days - 1));
  return { from: iso(from), to: iso(today) };
}
