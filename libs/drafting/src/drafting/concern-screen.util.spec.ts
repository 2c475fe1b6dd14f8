import { screenForConcern } from './concern-screen.util';

const none = { reasons: [] as string[], flags: [] as string[] };

describe('screenForConcern', () => {
  it.each([
    ['triage reports safety', { reasons: ['safety'], flags: [] }, 'Mijn lamp doet raar.', 'safety', 'safety'],
    [
      'triage reports a legal threat',
      { reasons: [], flags: ['legal_threat'] },
      'Ik schakel hulp in.',
      'legal',
      'legal_threat',
    ],
    ['triage reports a chargeback', { reasons: ['chargeback'], flags: [] }, 'My bank is on it.', 'legal', 'chargeback'],
    ['safety outranks legal', { reasons: ['legal_threat', 'safety'], flags: [] }, '', 'safety', 'safety'],
    ['en smoking battery', none, 'The battery got extremely hot and started smoking', 'safety', 'safety'],
    ['nl rook uit de accu', none, 'Er kwam rook uit de accu van mijn fiets', 'safety', 'safety'],
    ['nl de accu rookt', none, 'De accu van mijn fiets rookt!', 'safety', 'safety'],
    ['de Akku brennt', none, 'Der Akku ist überhitzt', 'safety', 'safety'],
    ['fr chargeur a pris feu', none, 'Le chargeur a pris feu hier soir', 'safety', 'safety'],
    ['nl ingebrekestelling', none, 'Hierbij stel ik u formeel in gebreke.', 'legal', 'legal_threat'],
    ['de Anwalt', none, 'Ich werde meinen Anwalt einschalten.', 'legal', 'legal_threat'],
    ['fr mise en demeure', none, 'Ceci est une mise en demeure.', 'legal', 'legal_threat'],
    ['plain question', none, 'Where is my order 100250?', null, null],
    ['a hot day is no hazard', none, 'It is a hot day, when will my parcel arrive?', null, null],
  ])('%s', (_name, triage, text, concern, reason) => {
    expect(screenForConcern(triage, text)).toEqual({ concern, reason });
  });
});
