import { replySubject } from './reply-subject.util';

describe('replySubject', () => {
  it.each([
    ['Waar is mijn bestelling?', 'nl', 'Re: Waar is mijn bestelling?'],
    ['Wo ist meine Bestellung?', 'de', 'AW: Wo ist meine Bestellung?'],
    ['RE: order 100234', 'en', 'RE: order 100234'],
    ['Antw: retour', 'nl', 'Antw: retour'],
    ['  Refund  ', 'xx', 'Re: Refund'],
    ['', 'nl', ''],
    ['   ', 'en', ''],
  ])('%j in %s → %j', (subject, language, expected) => expect(replySubject(subject, language)).toBe(expected));
});
