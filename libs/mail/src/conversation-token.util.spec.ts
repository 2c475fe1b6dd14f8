import {
  conversationTokenFromAddress,
  conversationTokenFromSubject,
  replyAddress,
  subjectMarker,
} from './conversation-token.util';

describe('conversation tokens', () => {
  it.each([
    ['support+tok123@shop.test', 'tok123'],
    ['Shop Support <support+a-b_9@shop.test>', 'a-b_9'],
    ['support@shop.test', null],
    ['support+@shop.test', null],
    ['not an address', null],
  ])('token from address %j', (address, expected) => {
    expect(conversationTokenFromAddress(address)).toBe(expected);
  });

  it.each([
    ['Re: Your order [#tok123]', 'tok123'],
    ['[#x9] AW: Lieferung', 'x9'],
    ['Re: Your order #tok123', null],
    ['[tok123]', null],
  ])('token from subject %j', (subject, expected) => {
    expect(conversationTokenFromSubject(subject)).toBe(expected);
  });

  it('round-trips through replyAddress and subjectMarker', () => {
    const address = replyAddress('support@shop.test', 'tok123');
    expect(address).toBe('support+tok123@shop.test');
    expect(conversationTokenFromAddress(address)).toBe('tok123');
    expect(conversationTokenFromSubject(`Re: hi ${subjectMarker('tok123')}`)).toBe('tok123');
  });

  it('replaces an existing detail instead of stacking tokens', () => {
    expect(replyAddress('support+old@shop.test', 'new1')).toBe('support+new1@shop.test');
  });

  it.each([['a b'], [''], ['x]y']])('rejects unsafe token %j', (token) => {
    expect(() => subjectMarker(token)).toThrow();
    expect(() => replyAddress('support@shop.test', token)).toThrow();
  });
});
