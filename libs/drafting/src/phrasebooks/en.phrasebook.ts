import type { Phrasebook } from './phrasebook.types';

export const en: Phrasebook = {
  locale: 'en-GB',
  greeting: (v, name) => (name ? v(`Dear ${name.full},`, `Hi ${name.first},`) : v('Dear customer,', 'Hi there,')),
  thanks: (v) => v('Thank you for your message.', 'Thanks for getting in touch!'),
  sorryAgain: () => "We're sorry you had to contact us again.",
  ack: {
    track_order: () => 'You would like to know where your order is.',
    delivery_period: () => 'You asked when your order will arrive.',
    delivery_options: () => 'You asked about our shipping and delivery options.',
    cancel_order: () => 'You would like to cancel your order.',
    change_order: () => 'You would like to make a change to your order.',
    place_order: (v) =>
      v('Thank you for your interest in ordering from us.', "Great to hear you'd like to order from us!"),
    check_cancellation_fee: () => 'You asked whether cancelling an order costs anything.',
    change_shipping_address: () => 'You would like to change the delivery address of your order.',
    set_up_shipping_address: () => 'You would like to set up a (new) delivery address.',
    check_refund_policy: () => 'You asked about our returns and refund policy.',
    get_refund: () => 'You would like a refund.',
    track_refund: () => 'You would like to know the status of your refund.',
    check_invoice: () => 'You have a question about your invoice.',
    get_invoice: () => 'You would like an invoice for your order.',
    check_payment_methods: () => 'You asked which payment methods we accept.',
    payment_issue: (v) =>
      v('We are sorry to hear that your payment did not go through.', "Sorry to hear your payment didn't go through."),
    create_account: () => 'You would like to create an account.',
    delete_account: () => 'You would like us to delete your account.',
    edit_account: () => 'You would like to update your account details.',
    switch_account: () => 'You would like to switch to a different account.',
    recover_password: () => "You can't sign in because you've lost your password.",
    registration_problems: (v) =>
      v('We are sorry that registering did not work.', "Sorry that signing up didn't work."),
    contact_customer_service: () => 'You asked how to reach our customer service team.',
    contact_human_agent: () => 'You would like to speak to a member of our team.',
    complaint: (v) =>
      v(
        'We are truly sorry that you are not satisfied, and we would like to put this right.',
        "We're really sorry you're not happy, and we'd love to put this right.",
      ),
    review: (v) =>
      v('Thank you for taking the time to share your experience.', 'Thanks so much for sharing your experience!'),
    newsletter_subscription: () => 'You have a question about our newsletter.',
    other: (v) => v('We have received your question.', "We've received your question."),
  },
  next: {
    track_order: (v) =>
      v(
        'If you have any further questions about the delivery, please let us know.',
        'Any other questions about the delivery? Just let us know.',
      ),
    cancel_order: () => 'We will confirm the cancellation by email.',
    change_order: () => 'Please let us know exactly what you would like to change and we will take care of the rest.',
    change_shipping_address: () =>
      'If the full new address (street, house number, postcode and town) was not in your message yet, please send it to us.',
    get_refund: () => 'As soon as we have received your return, we will let you know when the amount will be refunded.',
    track_refund: () => "If you still don't see the amount after that, let us know and we will look into it for you.",
    payment_issue: () => 'If it still does not work, please send us the error message you see and we will help you.',
    recover_password: () => "If the email doesn't arrive, please check your spam folder as well.",
    registration_problems: () => 'If it still does not work, please send us a screenshot of the error message.',
    delete_account: () => 'We will delete your account as soon as you confirm this by email.',
    contact_human_agent: () => 'A colleague from our customer service team will pick up your question personally.',
    complaint: () =>
      'Could you send us a photo of the problem and your order number? Then we will find a solution straight away.',
    complaint_with_order: () => 'Could you send us a photo of the problem? Then we will find a solution straight away.',
    review: () => 'We will share your feedback with the whole team.',
    default: (v) =>
      v('If you have any other questions, we will be happy to help.', 'Anything else? We are happy to help.'),
  },
  orderHeading: (v, o) => `We have looked up your order ${o.number} of ${o.placedOn} (${o.items}; total ${o.total}).`,
  status: {
    pending: () =>
      'We have not received the payment yet. As soon as it arrives, we will prepare your order for shipping.',
    paid: () =>
      'Your payment has been received and we are preparing your order for shipping. Once the parcel is on its way, you will receive an email with the tracking code.',
    shipped: (v, o) =>
      (o.order.carrier ? `Your order has been shipped with ${o.order.carrier}.` : 'Your order has been shipped.') +
      (o.expectedOn ? ` The expected delivery date is ${o.expectedOn}.` : ''),
    delivered: () => 'According to our records, your order has been delivered.',
    cancelled: () => 'This order has been cancelled.',
    refunded: () => 'This order has been refunded.',
  },
  tracking: (v, o) =>
    [
      o.order.trackingNumber ? `Tracking number: ${o.order.trackingNumber}.` : '',
      o.order.trackingUrl ? `You can follow the parcel here: ${o.order.trackingUrl}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  action: {
    cancel: {
      pending: () =>
        'Because your order has not been shipped yet, we can still cancel it free of charge. We are starting the cancellation for you.',
      paid: () =>
        'Because your order has not been shipped yet, we can still cancel it. We are starting the cancellation for you and will refund the amount paid.',
      shipped: () =>
        'Your order is already on its way, so unfortunately it can no longer be cancelled. You can refuse the parcel or return it after delivery under our returns policy.',
      delivered: () =>
        'Your order has already been delivered, so it can no longer be cancelled, but you can return the items under our returns policy.',
      cancelled: () => 'This order has already been cancelled; there is nothing else you need to do.',
      refunded: () => 'This order has already been cancelled and refunded; there is nothing else you need to do.',
    },
    change: {
      pending: () => 'Your order has not been shipped yet, so we can still change it.',
      paid: () => 'Your order has not been shipped yet, so we can still change it.',
      default: () =>
        'Your order has already been processed and unfortunately can no longer be changed. You can place a new order and return the items you do not need.',
    },
    address: {
      pending: () => 'Your order has not been shipped yet, so we can still change the delivery address.',
      paid: () => 'Your order has not been shipped yet, so we can still change the delivery address.',
      shipped: () =>
        'The parcel is already with the carrier, so we can no longer change the address. You can often still redirect the delivery through the tracking link.',
      default: () => 'The delivery address of this order can no longer be changed.',
    },
    refund: {
      delivered: () => 'You can return the items; once we have received your return, we will refund the amount.',
      shipped: () =>
        'Once the parcel has arrived you can return the items; we will refund the amount as soon as your return reaches us.',
      cancelled: () => 'For a cancelled order, any amount already paid is refunded automatically.',
      refunded: () =>
        'We have already refunded this order. It can take a few working days for the amount to appear in your account.',
      pending: () => 'We have not received a payment for this order yet, so there is nothing to refund.',
    },
    refund_status: {
      refunded: () =>
        'We have processed your refund. It can take a few working days for the amount to appear in your account.',
      cancelled: () => 'The order has been cancelled; any amount already paid is refunded automatically.',
      pending: () => 'We have not received a payment for this order yet, so no refund is outstanding.',
      default: () =>
        'We have not processed a return for this order yet. As soon as your return arrives, we will refund the amount.',
    },
    invoice: {
      default: (v, o) =>
        o.order.invoiceUrl
          ? `You can download the invoice here: ${o.order.invoiceUrl}`
          : 'We will send you the invoice for this order by email.',
    },
    payment: {
      pending: () =>
        'We have indeed not received the payment for this order yet. You can pay again through the payment link in your order confirmation.',
      default: () => 'We have received the payment for this order; there is nothing else you need to do.',
    },
  },
  handover: () => 'We are passing your question to a colleague, who will reply to you personally as soon as possible.',
  askOrderNumberAndPostcode: () =>
    'To look up your order we need your order number and the postcode of the delivery address. You will find the order number in the order confirmation we emailed you. Could you send us both?',
  askOrderNumber: () =>
    'To look up your order we need your order number. You will find it in the order confirmation we emailed you. Could you send it to us?',
  orderNotFound: (v, n) =>
    `We could not find order ${n} under your email address. Could you check the order number, or send us the email address you ordered with?`,
  moreInfo: (url) => `More information: ${url}`,
  seeAlso: (title, url) => `See also: ${title} (${url})`,
  closing: (v) => v('Kind regards,', 'Best wishes,'),
  fallbackSignature: (shop) => `${shop} customer service`,
  safety: {
    ack: () =>
      'We are very sorry and concerned to read this. Your safety comes first, so we are treating this as urgent.',
    stopUsing: () =>
      'Please stop using the product for now: unplug it, do not charge it again, and keep it in a safe place out of reach of children and away from anything flammable.',
    contact: (v, hours, n) =>
      `A colleague will contact you personally within ${hours} hours${n ? ` about order ${n}` : ''} to agree on the next steps.`,
  },
  legal: {
    ack: () => 'We confirm receipt of your message and take its contents seriously.',
    facts: (v, f) => {
      const parts = [
        f.orderNumber ? `order ${f.orderNumber}` : '',
        f.dates.length ? `the date you mention (${f.dates.join(', ')})` : '',
        f.amounts.length ? `the amount of ${f.amounts.join(', ')}` : '',
      ].filter(Boolean);
      return parts.length ? `We have noted that your message concerns ${parts.join(', ')}.` : null;
    },
    contact: (v, hours) =>
      `We have passed your file to a senior colleague, who will reply to you in writing within ${hours} hours.`,
  },
  overdue: (v, o) =>
    `Your order was shipped${o.order.carrier ? ` with ${o.order.carrier}` : ''} and was due to arrive on ${o.expectedOn}. That date has passed, and we are sorry that your parcel has not reached you yet.`,
  overdueNext: (v, o) =>
    `We are asking ${o.order.carrier ?? 'the carrier'} to trace the parcel. A colleague will let you know what they find as soon as possible and, if the parcel is lost, how we will put it right.`,
  alreadyAnswered: () =>
    'We can see that our earlier reply did not solve this for you. A colleague is now looking at your message personally and will get back to you as soon as possible.',
  product: {
    ack: () => 'You have a question about one of our products.',
    answer: (v, p) => `${p.name}: ${p.attributes.map((a) => `${a.label}: ${a.value}`).join('; ')}.`,
    unknown: () =>
      'We do not have that information to hand. We are passing your question to a colleague who knows our products, who will reply as soon as possible.',
  },
  alsoAsked: () => 'As for your other question:',
};
