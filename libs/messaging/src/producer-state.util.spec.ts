import { KafkaJSAggregateError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { producerStateLost } from './producer-state.util';

const protocolError = (type: string) =>
  new KafkaJSProtocolError({ type, code: 45, retriable: false, message: type } as never);

describe('producerStateLost', () => {
  it('sees an out-of-order sequence number, also wrapped by retries or aggregated', () => {
    const outOfOrder = protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(producerStateLost(outOfOrder)).toBe(true);
    expect(
      producerStateLost(new KafkaJSNumberOfRetriesExceeded(outOfOrder, { retryCount: 5, retryTime: 300 } as never)),
    ).toBe(true);
    expect(producerStateLost(new KafkaJSAggregateError('send failed', [new Error('other'), outOfOrder] as never))).toBe(
      true,
    );
    expect(producerStateLost(protocolError('UNKNOWN_PRODUCER_ID'))).toBe(true);
  });

  it('leaves errors a retry with the same producer can overcome alone', () => {
    expect(producerStateLost(protocolError('NOT_LEADER_FOR_PARTITION'))).toBe(false);
    expect(producerStateLost(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'))).toBe(false);
    expect(producerStateLost(undefined)).toBe(false);
  });
});
