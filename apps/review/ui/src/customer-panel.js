// The customer beside a draft: who they are, their other conversations with the shop, and their orders.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from './api.js';
import { addMessages } from './i18n.js';
import { customerInWords } from './labels';

const html = htm.bind(h);

addMessages({
  en: {
    customerPanel: 'Customer',
    customerEmail: 'Email',
    customerConversations: 'Conversations',
    customerThisConversation: 'this conversation',
    customerNoOrders: 'No orders found for this customer',
    customerOrdersUnavailable: 'The order system did not answer',
    customerOrdersNoAddress: 'A chat visitor without an email address: no orders to look up',
    customerOrders: 'Orders',
    customerOrder: 'Order',
    customerTrack: 'Track',
    customerLastActivity: 'last activity',
    customerLoading: 'Loading the customer…',
    conversationStatus_open: 'open',
    conversationStatus_closed: 'closed',
    conversationStatus_resolved: 'resolved',
    panelChannel_email: 'email',
    panelChannel_chat: 'chat',
    orderStatus_pending: 'awaiting payment',
    orderStatus_paid: 'paid',
    orderStatus_shipped: 'shipped',
    orderStatus_delivered: 'delivered',
    orderStatus_cancelled: 'cancelled',
    orderStatus_refunded: 'refunded',
  },
  nl: {
    customerPanel: 'Klant',
    customerEmail: 'E-mail',
    customerConversations: 'Gesprekken',
    customerThisConversation: 'dit gesprek',
    customerNoOrders: 'Geen bestellingen gevonden voor deze klant',
    customerOrdersUnavailable: 'Het bestelsysteem gaf geen antwoord',
    customerOrdersNoAddress: 'Een chatbezoeker zonder e-mailadres: geen bestellingen op te zoeken',
    customerOrders: 'Bestellingen',
    customerOrder: 'Bestelling',
    customerTrack: 'Volgen',
    customerLastActivity: 'laatste activiteit',
    customerLoading: 'Klant wordt geladen…',
    conversationStatus_open: 'open',
    conversationStatus_closed: 'gesloten',
    conversationStatus_resolved: 'opgelost',
    panelChannel_email: 'e-mail',
    panelChannel_chat: 'chat',
    orderStatus_pending: 'wacht op betaling',
    orderStatus_paid: 'betaald',
    orderStatus_shipped: 'verzonden',
    orderStatus_delivered: 'bezorgd',
    orderStatus_cancelled: 'geannuleerd',
    orderStatus_refunded: 'terugbetaald',
  },
});

/** A code in words when there are words for it, else the code itself (a status the desk does not know yet). */
const inWords = (t, prefix, code) => {
  const words = t(`${prefix}_${code}`);
  return words === `${prefix}_${code}` ? code : words;
};

const date = (value, locale) => (value ? new Date(value).toLocaleDateString(locale) : '—');

function money(total, locale) {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: total.currency }).format(total.amount);
  } catch {
    return `${total.amount.toFixed(2)} ${total.currency}`;
  }
}

function ordersNote(orders, t) {
  if (orders.items.length) return null;
  if (orders.reason === 'no_order_reference') return t('customerOrdersNoAddress');
  if (orders.reason?.startsWith('order_lookup_failed')) return t('customerOrdersUnavailable');
  return t('customerNoOrders');
}

export function CustomerPanel({ draftId, t }) {
  const [panel, setPanel] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let live = true;
    setPanel(null);
    setError(null);
    api(`/v1/drafts/${draftId}/customer`)
      .then((p) => live && setPanel(p))
      .catch((e) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [draftId]);
  const locale = t.locale;
  if (error)
    return html`<section class="customer-panel" aria-labelledby="customer-panel-title">
      <h3 id="customer-panel-title">${t('customerPanel')}</h3>
      <p>${error}</p>
    </section>`;
  if (!panel)
    return html`<section class="customer-panel" aria-labelledby="customer-panel-title" aria-busy="true">
      <h3 id="customer-panel-title">${t('customerPanel')}</h3>
      <p class="hint">${t('customerLoading')}</p>
    </section>`;
  const { customer, conversations, orders } = panel;
  const note = ordersNote(orders, t);
  return html`<section class="customer-panel" aria-labelledby="customer-panel-title" data-testid="customer-panel">
    <h3 id="customer-panel-title">${t('customerPanel')}</h3>
    <p class="customer-name">${customer.email ? customer.name || customer.email : customerInWords(customer, locale)}</p>
    ${customer.email ? html`<p class="meta">${t('customerEmail')}: <a href=${`mailto:${customer.email}`}>${customer.email}</a></p>` : null}
    <h4>${t('customerConversations')} (${conversations.length})</h4>
    <ol class="customer-conversations">
      ${conversations.map(
        (c) =>
          html`<li key=${c.id}>
            <a href=${`#/conversation/${encodeURIComponent(c.id)}`} aria-current=${c.current ? 'true' : undefined}>
              <span class="subject">${c.subject || c.firstLine || '—'}</span>
            </a>
            ${c.firstLine && c.subject ? html`<span class="first-line">${c.firstLine.split('\n')[0]}</span>` : null}
            <span class="meta">
              ${[
                inWords(t, 'conversationStatus', c.status),
                inWords(t, 'panelChannel', c.channel),
                `${t('customerLastActivity')} ${date(c.lastActivityAt, locale)}`,
              ].join(' · ')}
              ${c.current ? html` · <strong>${t('customerThisConversation')}</strong>` : null}
            </span>
          </li>`,
      )}
    </ol>
    <h4>${t('customerOrders')} (${orders.items.length})</h4>
    ${note ? html`<p class="hint">${note}</p>` : null}
    <ul class="customer-orders">
      ${orders.items.map(
        (o) =>
          html`<li key=${o.orderNumber}>
            <span class="order-number">${t('customerOrder')} ${o.orderNumber}</span>
            <span class="meta">
              ${date(o.placedAt, locale)} · ${inWords(t, 'orderStatus', o.status)} · ${money(o.total, locale)}
            </span>
            ${
              o.trackingUrl
                ? html`<a href=${o.trackingUrl} target="_blank" rel="noopener noreferrer"
                    >${t('customerTrack')}: ${o.trackingNumber ?? o.orderNumber}</a
                  >`
                : o.trackingNumber
                  ? html`<span class="meta">${o.carrier ?? ''} ${o.trackingNumber}</span>`
                  : null
            }
          </li>`,
      )}
    </ul>
  </section>`;
}
