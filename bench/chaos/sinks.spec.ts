import { messageIdOf } from './sinks';

describe('messageIdOf', () => {
  it.each([
    ['Message-ID: <a1@replies.shop.test>\r\nSubject: x\r\n\r\nbody', 'a1@replies.shop.test'],
    ['Subject: x\nmessage-id:   <b2@x.test>\n\nbody', 'b2@x.test'],
    ['Subject: x\r\nMessage-ID:\r\n <folded@x.test>\r\n\r\nbody', 'folded@x.test'],
    ['Subject: x\r\n\r\nMessage-ID: <in-body@x.test>', null],
    ['Subject: no id\r\n\r\n', null],
  ])('%j → %s', (raw, expected) => {
    expect(messageIdOf(raw)).toBe(expected);
  });
});
